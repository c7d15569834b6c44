//! Small components, one per file.

pub mod approach_card;
pub mod approach_editor;
pub mod cost_chart_view;
pub mod cost_results;
pub mod dataset_downloads;
pub mod dataset_findings;
pub mod dataset_stats;
pub mod decision_tree;
pub mod file_picker;
pub mod number_field;
pub mod page_frame;
pub mod path_list;
pub mod result_view;
pub mod sensitivity;
pub mod simple_break_even;
pub mod site_header;
pub mod step_form;
pub mod training_cost;
pub mod validation_progress;
pub mod wizard_heading;
