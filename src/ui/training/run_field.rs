//! A labelled text field for one early-stopping number, with its message
//! on the field for bad input (the last good value stays in force).

use leptos::prelude::*;

/// A text field: `on_text` applies valid text and returns `None`, or
/// returns why the text is refused.
#[component]
pub fn RunField(
    id: &'static str,
    label: &'static str,
    hint: &'static str,
    initial: String,
    on_text: Callback<String, Option<String>>,
) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    let described = format!("{id}-note");
    view! {
        <div class="field" class:invalid=move || error.with(Option::is_some)>
            <label for=id>{label}</label>
            <input id=id type="text" inputmode="decimal" autocomplete="off" spellcheck="false"
                value=initial
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=described.clone()
                on:input=move |ev| error.set(on_text.run(event_target_value(&ev))) />
            <p id=described class=move || if error.with(Option::is_some) { "field-error" } else { "hint" }>{move || error.get().unwrap_or_else(|| hint.to_string())}</p>
        </div>
    }
}
