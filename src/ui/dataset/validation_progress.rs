//! Progress of a running validation or export: bar, bytes and lines, and
//! a Cancel button.

use leptos::prelude::*;

use crate::core::number_format;

/// A labelled progress bar. `done` and `total` are bytes.
#[component]
pub fn ValidationProgress(
    label: String,
    #[prop(into)] done: Signal<f64>,
    total: f64,
    #[prop(into)] lines: Signal<f64>,
    #[prop(into)] status: Signal<Option<String>>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let percent = move || {
        if total > 0.0 {
            (done.get() / total * 100.0).clamp(0.0, 100.0)
        } else {
            0.0
        }
    };
    view! {
        <div class="validation-progress" role="group" aria-label=label.clone()>
            <label>
                {label.clone()}
                <progress max="100" prop:value=move || percent().round()></progress>
            </label>
            <p class="progress-text" aria-live="polite">
                {move || status.get().unwrap_or_else(|| format!(
                    "{:.0} % · {} of {} · {} lines",
                    percent(),
                    number_format::bytes(done.get()),
                    number_format::bytes(total),
                    number_format::count(lines.get()),
                ))}
            </p>
            <button type="button" on:click=move |_| on_cancel.run(())>"Cancel"</button>
        </div>
    }
}
