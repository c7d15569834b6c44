//! The training page's sections, in the order of the work: the plan, the
//! evaluation planner (with A/B test sizing), the run explorer.

use leptos::prelude::*;

use crate::ui::training::ab_test_sizing::AbTestSizing;
use crate::ui::training::evaluation_planner::EvaluationPlanner;
use crate::ui::training::run_explorer::RunExplorer;

/// The training page's content.
#[component]
pub fn TrainingPage() -> impl IntoView {
    view! {
        <h1 id="training-title" tabindex="-1">"Plan and read a training run"</h1>
        <EvaluationPlanner />
        <AbTestSizing />
        <RunExplorer />
    }
}
