//! A file button that is also a drop target, for one dataset file.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::File;

/// The first file of a drop or a file input, if any.
pub fn first_file(list: Option<web_sys::FileList>) -> Option<File> {
    list.and_then(|l| l.get(0))
}

/// A labelled file input. `on_file` receives the picked or dropped file;
/// drops on it do not reach the page-wide drop target. `on_intent` runs
/// when a file is about to come: the dialog opens (a click, or Enter or
/// Space on the input) or a drag enters.
#[component]
pub fn FilePicker(
    id: &'static str,
    label: &'static str,
    hint: &'static str,
    on_file: Callback<File, ()>,
    on_intent: Callback<(), ()>,
    #[prop(into)] chosen: Signal<Option<String>>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let dragging = RwSignal::new(false);
    let on_drop = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        ev.stop_propagation();
        dragging.set(false);
        if let Some(f) = first_file(ev.data_transfer().and_then(|d| d.files())) {
            on_file.run(f);
        }
    };
    view! {
        <div class="file-picker" class:dragging=move || dragging.get()
            on:dragover=move |ev: web_sys::DragEvent| { ev.prevent_default(); dragging.set(true); }
            on:dragenter=move |_| on_intent.run(())
            on:dragleave=move |_| dragging.set(false)
            on:drop=on_drop>
            <label for=id>{label}</label>
            <input id=id type="file" accept=".jsonl,.json,.txt,application/json,application/jsonl"
                aria-describedby=hint_id.clone()
                on:click=move |_| on_intent.run(())
                on:change=move |ev| {
                    let input: web_sys::HtmlInputElement = ev.target().unwrap().unchecked_into();
                    if let Some(f) = first_file(input.files()) {
                        on_file.run(f);
                    }
                    // Picking the same file again must validate again.
                    input.set_value("");
                } />
            <p class="hint" id=hint_id>
                {move || chosen.get().map_or_else(|| "No file chosen yet. ".to_string(), |n| format!("Chosen: {n}. "))}
                {hint}
            </p>
        </div>
    }
}
