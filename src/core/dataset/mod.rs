//! The fine-tuning dataset validator: JSONL framing, format detection and
//! line-by-line checks. (Work in progress: statistics, token counts, the
//! Web Worker and the page come next; see issue 4.)
//!
//! Architecture invariant: pure, no UI imports; no input bytes make it
//! panic or loop (property-tested).

pub mod finding;
pub mod framing;
pub mod generate;
pub mod report;
pub mod validate_line;
