//! The calculator's page and its components (`crate::core::costs`).

pub mod app;
pub mod approach_editor;
pub mod cost_chart_view;
pub mod cost_results;
pub mod costs_page;
pub mod sensitivity;
pub mod simple_break_even;
pub mod standing_question;
