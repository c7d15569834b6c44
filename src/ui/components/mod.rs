//! Small components, one per file.

pub mod approach_card;
pub mod decision_tree;
pub mod path_list;
pub mod result_view;
pub mod site_header;
pub mod step_form;
