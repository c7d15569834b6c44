//! The decision report: everything the user filled in across the wizard,
//! the cost calculator and the dataset validator, as one shareable link
//! and one document.
//!
//! - `state.rs`: what one link carries ([`state::SharedState`]);
//! - `link.rs`: that state as one versioned query string, and what a
//!   damaged, cut or newer link still gives;
//!
//! Architecture invariant: pure, no UI imports; "today" is always passed
//! in, and every section says whether the user filled it in.

pub mod link;
pub mod state;
