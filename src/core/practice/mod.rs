//! Practice: learning the decisions tunewise computes by doing them, with
//! numeric exercises generated from the core's own cost model, seeded so
//! that a link shares one exercise.
//!
//! Architecture invariant: pure, no UI imports; never reads the clock; no
//! input panics.

pub mod exercise;
pub mod exercise_link;
