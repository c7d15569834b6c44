//! The cost and break-even model: what each approach costs per request,
//! up front and every month, where one approach catches up with another,
//! the dated price presets, the calculator's state and its chart.
//!
//! Architecture invariant: pure, no UI imports; every input is sanitised,
//! so no input yields NaN, ∞ or a panic.

pub mod approach_cost;
pub mod approach_notes;
pub mod break_even;
pub mod chart;
pub mod fields;
pub mod horizon_total;
pub mod prices;
pub mod request_profile;
pub mod scenario;
pub mod simple_inputs;
pub mod volume_growth;
pub mod volume_steps;
