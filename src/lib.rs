//! tunewise: decide whether and how to adapt a large language model.
//!
//! - [`core`]: pure Rust (decision tree, links, content), tested natively.
//! - `ui` (wasm32 only): Leptos components that read signals, call the core
//!   and render.

pub mod core;

#[cfg(target_arch = "wasm32")]
pub mod ui;

/// The Web Worker that validates dataset files (wasm32 only).
#[cfg(target_arch = "wasm32")]
pub mod validation_worker;
