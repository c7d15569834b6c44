//! (contract stub: helper B replaces this file)
use leptos::prelude::*;

use crate::core::training::evaluation_plan::{EvaluationInputs, EvaluationSettings};

/// A/B test sizing (placeholder).
#[component]
pub fn AbTestSizing(
    settings: RwSignal<EvaluationSettings>,
    inputs: Signal<EvaluationInputs>,
) -> impl IntoView {
    let _ = (settings, inputs);
    view! { <section aria-labelledby="ab-title"><h2 id="ab-title">"A/B test sizing"</h2></section> }
}
