//! Everything one shareable link carries: the wizard's answers, the cost
//! calculator's scenario and the brief of a checked dataset.
//!
//! Architecture invariant: plain data, no UI imports; it holds the state
//! each tool already keeps, so nothing here can disagree with the tools.

use crate::core::costs::scenario::{Scenario, default_scenario};
use crate::core::dataset::brief::DatasetBrief;
use crate::core::decision::wizard_link::WizardState;

/// The state of all three tools, as one link shares it.
#[derive(Clone, Debug, PartialEq)]
pub struct SharedState {
    /// The wizard's answers and ticked criteria.
    pub wizard: WizardState,
    /// The cost calculator's scenario.
    pub costs: Scenario,
    /// The brief of the last checked dataset, if one was checked.
    pub dataset: Option<DatasetBrief>,
}

impl SharedState {
    /// Nothing filled in yet: an empty wizard, the calculator's example
    /// figures for `today` (an ISO date) and no dataset.
    pub fn empty(today: &str) -> SharedState {
        SharedState {
            wizard: WizardState::default(),
            costs: default_scenario(today),
            dataset: None,
        }
    }
}
