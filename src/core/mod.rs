//! The pure core: every idea tunewise computes, with no UI imports.
//!
//! Architecture invariant: nothing under `core` depends on `leptos`,
//! `web-sys` or `wasm-bindgen`; it compiles and is tested natively.

pub mod costs;
pub mod csv;
pub mod dataset;
pub mod dates;
pub mod decision;
pub mod html_rows;
pub mod number_format;
pub mod number_parse;
pub mod practice;
pub mod report;
pub mod route;
pub mod training;
