//! The training page's sections, in the order of the work: the plan (with
//! the hyperparameter guide), the evaluation planner, A/B test sizing and
//! the run explorer.

use leptos::prelude::*;

use crate::core::report::state::SharedState;
use crate::core::training::evaluation_plan::evaluation_inputs;
use crate::core::training::training_plan::{PlanInputs, planned_split, training_plan};
use crate::core::training::training_state::TrainingState;
use crate::ui::browser_state;
use crate::ui::training::ab_test_sizing::AbTestSizing;
use crate::ui::training::evaluation_planner::EvaluationPlanner;
use crate::ui::training::hyperparameter_guide::HyperparameterGuide;
use crate::ui::training::run_explorer::RunExplorer;
use crate::ui::training::training_plan_view::TrainingPlanView;

/// The training page's content. `training` is the page's own state; the
/// sections edit their parts of it.
#[component]
pub fn TrainingPage(
    training: RwSignal<TrainingState>,
    shared: ReadSignal<SharedState>,
) -> impl IntoView {
    let today = browser_state::today();
    let evaluation = RwSignal::new(training.get_untracked().evaluation);
    let stopping = RwSignal::new(training.get_untracked().stopping);
    // The sections' edits go into the page's state …
    Effect::new(move |_| {
        let next = TrainingState {
            evaluation: evaluation.get(),
            stopping: stopping.get(),
        };
        if training.with_untracked(|t| *t != next) {
            training.set(next);
        }
    });
    // … and a state from elsewhere (another tab, a pasted link) into them.
    Effect::new(move |_| {
        let t = training.get();
        if evaluation.with_untracked(|e| *e != t.evaluation) {
            evaluation.set(t.evaluation);
        }
        if stopping.with_untracked(|s| *s != t.stopping) {
            stopping.set(t.stopping);
        }
    });
    let inputs = Memo::new(move |_| {
        shared.with(|s| evaluation_inputs(s.dataset.as_ref(), &s.costs, &today))
    });
    let plan = Memo::new(move |_| {
        shared.with(|s| {
            training_plan(&PlanInputs {
                wizard: &s.wizard,
                scenario: &s.costs,
                brief: s.dataset.as_ref(),
                dataset_settings: s.dataset_settings.as_ref(),
                split: planned_split(s.dataset.as_ref(), &evaluation.read()),
            })
        })
    });
    view! {
        <h1 id="training-title" tabindex="-1">"Plan and read a training run"</h1>
        <p class="lead">"From data to deployment with your own figures, an evaluation sized to show a real difference, and early stopping applied to your training log."</p>
        <TrainingPlanView plan />
        <HyperparameterGuide plan shared />
        <EvaluationPlanner settings=evaluation inputs=inputs.into() />
        <AbTestSizing settings=evaluation inputs=inputs.into() />
        <RunExplorer settings=stopping />
    }
}
