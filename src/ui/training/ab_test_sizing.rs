//! A/B test sizing: baseline rate, minimum detectable effect (points, or
//! relative to the baseline), significance and power in; the per-arm
//! sample size (pooled two-proportion) in a live region out, with the
//! Cohen's-h and continuity-corrected figures and the days at the
//! calculator's volume beside it (escaped HTML from
//! `core::training::ab_sizing`).

use leptos::prelude::*;

use crate::core::training::ab_sizing::result;
use crate::core::training::evaluation_plan::{EvaluationInputs, EvaluationSettings, Field};
use crate::ui::training::evaluation_planner::eval_field;

/// A/B test sizing.
#[component]
pub fn AbTestSizing(
    settings: RwSignal<EvaluationSettings>,
    inputs: Signal<EvaluationInputs>,
) -> impl IntoView {
    let sized = move || {
        let monthly = inputs.with(|i| i.monthly_requests);
        settings.with(|s| result(&s.ab_input(), monthly))
    };
    view! {
        <section class="panel ab-sizing" aria-labelledby="ab-title">
            <h2 id="ab-title">"A/B test sizing"</h2>
            <p class="note">"How many requests each arm of an A/B test needs to detect a change in a rate (thumbs-up, task success), by the pooled two-proportion test."</p>
            <div class="grid">
                {Field::AB.iter().map(|f| eval_field(*f, settings, inputs)).collect_view()}
            </div>
            <div class="field checkbox">
                <label>
                    <input type="checkbox" prop:checked=move || settings.with(|s| s.ab_relative)
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            settings.update(|s| s.set_relative(on));
                        } />
                    " Effect is relative to the baseline"
                </label>
            </div>
            <div class="ab-result">
                <p class="ab-headline" role="status">{move || sized().headline}</p>
                <div inner_html=move || sized().details_html></div>
            </div>
        </section>
    }
}
