//! (to be written)
use leptos::prelude::*;

/// The evaluation planner (placeholder).
#[component]
pub fn EvaluationPlanner() -> impl IntoView {
    view! { <section aria-labelledby="evaluation-title"><h2 id="evaluation-title">"Evaluation planner"</h2></section> }
}
