//! A labelled number input with its unit and an inline error message.

use leptos::prelude::*;

use crate::core::costs::approach_cost::{FieldKind, field_error, parse_field};

fn show(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{v:.0}")
    } else {
        let s = format!("{v:.6}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// A text field that accepts numbers as people type them ("1,000,000",
/// "0,5", "$1,234.50"; the rule is `core::number_parse`). Valid input is
/// passed to `on_valid` (divided by `scale`, e.g. 100 for percent); invalid
/// input keeps the last valid value and shows why next to the field.
#[component]
pub fn NumberField(
    id: String,
    label: String,
    unit: &'static str,
    kind: FieldKind,
    value: Signal<f64>,
    on_valid: Callback<f64>,
    #[prop(default = 1.0)] scale: f64,
) -> impl IntoView {
    let raw = RwSignal::new(show(value.get_untracked() * scale));
    let error = RwSignal::new(None::<String>);
    // Follow changes made elsewhere (a preset, a slider, a pasted link).
    Effect::new(move |_| {
        let v = value.get() * scale;
        let current = raw.with_untracked(|r| parse_field(r, kind));
        if current.is_none_or(|c| (c - v).abs() > 1e-9 * v.abs().max(1.0))
            && error.get_untracked().is_none()
        {
            raw.set(show(v));
        }
    });
    let error_id = format!("{id}-error");
    let described = error_id.clone();
    view! {
        <div class="field" class:invalid=move || error.with(Option::is_some)>
            <label for=id.clone()>{label}" "<span class="unit">"("{unit}")"</span></label>
            <input id=id type="text" inputmode="decimal" autocomplete="off" spellcheck="false"
                prop:value=move || raw.get()
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=described
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    raw.set(text.clone());
                    match field_error(&text, kind) {
                        Some(message) => error.set(Some(message)),
                        None => {
                            error.set(None);
                            if let Some(v) = parse_field(&text, kind) {
                                on_valid.run(v / scale);
                            }
                        }
                    }
                } />
            <p class="field-error" id=error_id>{move || error.get()}</p>
        </div>
    }
}
