//! Browser glue for state that outlives the page: the URL fragment and
//! local storage. Every failure (storage blocked, quota full, no window)
//! degrades to "nothing saved" rather than an error the user must handle.

use wasm_bindgen::JsValue;

/// Local-storage key of the wizard's state (its query string).
pub const WIZARD_KEY: &str = "tunewise.wizard.v1";

/// The current URL fragment, including the leading `#`, or "".
pub fn fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Replaces the URL fragment without adding a history entry or firing
/// `hashchange`.
pub fn replace_fragment(fragment: &str) {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(fragment));
    }
}

/// The full address of the page with `fragment`, for sharing.
pub fn address_with(fragment: &str) -> String {
    let base = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let base = base.split('#').next().unwrap_or_default();
    format!("{base}{fragment}")
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// The stored value under `key`, if storage works and holds one.
pub fn load(key: &str) -> Option<String> {
    storage()?.get_item(key).ok()?
}

/// Stores `value` under `key`; an empty value removes the key. Returns
/// whether it was saved.
pub fn save(key: &str, value: &str) -> bool {
    let Some(storage) = storage() else {
        return false;
    };
    if value.is_empty() {
        storage.remove_item(key).is_ok()
    } else {
        storage.set_item(key, value).is_ok()
    }
}

/// Sets the document's title.
pub fn set_title(title: &str) {
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        doc.set_title(title);
    }
}

/// Moves keyboard focus to the element with `id`, after the next paint.
pub fn focus_after_paint(id: &'static str) {
    leptos::prelude::request_animation_frame(move || {
        use wasm_bindgen::JsCast;
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(id))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    });
}

/// Copies `text` to the clipboard (best effort; the promise is not awaited).
pub fn copy_to_clipboard(text: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.navigator().clipboard().write_text(text);
    }
}
