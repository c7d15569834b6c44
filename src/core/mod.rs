//! The pure core: every idea tunewise computes, with no UI imports.
//!
//! Architecture invariant: nothing under `core` depends on `leptos`,
//! `web-sys` or `wasm-bindgen`; it compiles and is tested natively.

pub mod approaches;
pub mod break_even;
pub mod cost_chart;
pub mod cost_fields;
pub mod cost_scenario;
pub mod costs;
pub mod dataset;
pub mod decision;
pub mod number_format;
pub mod prices;
pub mod route;
pub mod tree_diagram;
pub mod wizard_link;
