//! The id of the wizard's one `h2` (a step's question or the result's
//! title), which takes focus on every move. It lives with the components
//! that render it, so the wizard page depends on them and not the reverse.

/// Element id of the wizard's current heading.
pub const HEADING_ID: &str = "wizard-heading";
