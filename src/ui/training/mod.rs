//! The training page (`training.html`): the plan, the evaluation planner
//! with A/B test sizing, and the run explorer.

// The page's shell and the plan.
pub mod app;
mod hyperparameter_guide;
mod training_page;
mod training_plan_view;

// Evaluation planner and A/B test sizing.
pub mod ab_test_sizing;
pub mod evaluation_planner;

// Run explorer.
pub mod run_explorer;
mod run_field;
mod run_loading;
