//! The decision report's page (`crate::core::report`): everything the
//! user filled in across the wizard, the calculator and the dataset check,
//! as one page to read, share, download and print.

pub mod app;
pub mod report_actions;
pub mod report_chart;
pub mod report_page;
pub mod report_sections;
