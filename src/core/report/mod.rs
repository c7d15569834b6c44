//! The decision report: everything the user filled in across the wizard,
//! the cost calculator and the dataset validator, as one shareable link
//! and one document (Markdown to read, JSON to process).
//!
//! - `state.rs`: what one link carries ([`state::SharedState`]);
//! - `link.rs`: that state as one versioned query string, and what a
//!   damaged, cut or newer link still gives;
//! - `recommended_approach.rs`: which compared approach the wizard's
//!   outcome points to;
//! - `decision_report.rs`: the report built from the state;
//! - `markdown.rs` and `json.rs`: the report as documents.
//!
//! Architecture invariant: pure, no UI imports; "today" is always passed
//! in, and every section says whether the user filled it in.

pub mod decision_report;
pub mod json;
pub mod link;
pub mod markdown;
pub mod recommended_approach;
pub mod state;
