//! The wizard's page and its components (`crate::core::decision`).

pub mod app;
pub mod approach_card;
pub mod approaches_page;
pub mod budget_panel;
pub mod data_evidence_panel;
pub mod decision_tree;
pub mod path_list;
pub mod result_view;
pub mod step_form;
pub mod wizard_heading;
pub mod wizard_page;
