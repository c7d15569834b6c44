//! The training process: the plan from data to deployment, the evaluation
//! planner (held-out split, metric targets, A/B test sizing) and the run
//! explorer (training logs read, early stopping applied, overfitting
//! flagged).
//!
//! Architecture invariant: pure, no UI imports; every parser and rule is
//! total (no input panics, property-tested) and "today" is passed in.

// The plan and the page's saved state.
pub mod hyperparameters;
pub mod plan_html;
pub mod training_plan;
pub mod training_state;

// Evaluation planner and A/B test sizing.
pub mod ab_sizing;
pub mod evaluation_plan;
pub mod inverse_normal;

// Run explorer: logs, early stopping, overfitting, chart.
pub mod early_stopping;
pub mod example_runs;
pub mod log_reader;
pub mod openai_results;
pub mod overfitting;
pub mod plain_log;
pub mod run_chart;
pub mod run_log;
pub mod trainer_state;
