//! The practice page's keyboard shortcuts: one window listener per mode,
//! removed with it. Keys typed into a field are the field's, and Space or
//! Enter on a focused button or link is the browser's (it presses it).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Calls `on_key` with the key of each shortcut-eligible key press; it
/// returns whether it used the key (then the browser's default is stopped).
pub fn on_shortcut(on_key: impl Fn(&str) -> bool + 'static) {
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() || ev.default_prevented() {
            return;
        }
        let key = ev.key();
        let tag = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .map(|e| e.tag_name().to_ascii_lowercase())
            .unwrap_or_default();
        if matches!(tag.as_str(), "input" | "textarea" | "select") {
            return;
        }
        if matches!(tag.as_str(), "button" | "a" | "summary") && (key == " " || key == "Enter") {
            return;
        }
        if on_key(&key) {
            ev.prevent_default();
        }
    });
    on_cleanup(move || handle.remove());
}
