//! The training page's sections, in the order of the work: the plan, the
//! evaluation planner (with A/B test sizing), the run explorer.

use leptos::prelude::*;

use crate::core::training::evaluation_plan::evaluation_inputs;
use crate::core::training::training_state::TrainingState;
use crate::ui::browser_state;
use crate::ui::training::ab_test_sizing::AbTestSizing;
use crate::ui::training::evaluation_planner::EvaluationPlanner;
use crate::ui::training::run_explorer::RunExplorer;

/// The training page's content.
#[component]
pub fn TrainingPage(state: RwSignal<TrainingState>) -> impl IntoView {
    let today = browser_state::today();
    let evaluation = RwSignal::new(state.get_untracked().evaluation);
    let stopping = RwSignal::new(state.get_untracked().stopping);
    Effect::new(move |_| {
        let next = TrainingState {
            evaluation: evaluation.get(),
            stopping: stopping.get(),
        };
        if state.with_untracked(|s| *s != next) {
            state.set(next);
        }
    });
    let inputs = Signal::derive(move || {
        evaluation_inputs(
            browser_state::load_dataset_brief().as_ref(),
            &browser_state::load_costs(&today),
            &today,
        )
    });
    view! {
        <h1 id="training-title" tabindex="-1">"Plan and read a training run"</h1>
        <EvaluationPlanner settings=evaluation inputs />
        <AbTestSizing settings=evaluation inputs />
        <RunExplorer settings=stopping />
    }
}
