//! (contract stub: helper B replaces this file)
use leptos::prelude::*;

use crate::core::training::evaluation_plan::{EvaluationInputs, EvaluationSettings};

/// The evaluation planner (placeholder).
#[component]
pub fn EvaluationPlanner(
    settings: RwSignal<EvaluationSettings>,
    inputs: Signal<EvaluationInputs>,
) -> impl IntoView {
    let _ = (settings, inputs);
    view! { <section aria-labelledby="evaluation-title"><h2 id="evaluation-title">"Evaluation planner"</h2></section> }
}
