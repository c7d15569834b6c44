//! The dataset validator's page, its components and its worker client
//! (`crate::core::dataset`).

pub mod app;
pub mod dataset_downloads;
pub mod dataset_findings;
pub mod dataset_page;
pub mod dataset_stats;
pub mod file_picker;
pub mod training_cost;
pub mod validation_client;
pub mod validation_progress;
