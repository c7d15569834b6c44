//! The fine-tuning dataset validator: JSONL framing, format detection,
//! line-by-line checks, token counts, statistics, the report's JSON shape,
//! the shareable brief of a checked file, the report kept between visits,
//! provider limits, training cost and exports.
//!
//! Architecture invariant: pure, no UI imports; no input bytes make it
//! panic or loop (property-tested).

pub mod ascii_pretokenizer;
pub mod brief;
pub mod container;
pub mod convert;
pub mod csv_table;
pub mod example_source;
pub mod export;
pub mod finding;
pub mod format_id;
pub mod framing;
pub mod generate;
pub mod histogram_chart;
pub mod job;
pub mod json_elements;
pub mod line_pool;
pub mod part;
pub mod piece_counter;
pub mod providers;
pub mod report;
pub mod saved_report;
pub mod settings;
pub mod stats;
pub mod summary;
pub mod tokens;
pub mod training_estimate;
pub mod validate_line;
pub mod worker_protocol;
