//! Everything one shareable link carries: the wizard's answers, the cost
//! calculator's scenario and the brief of a checked dataset.
//!
//! Architecture invariant: plain data, no UI imports; it holds the state
//! each tool already keeps, so nothing here can disagree with the tools.

use crate::core::costs::scenario::{Scenario, default_scenario};
use crate::core::dataset::brief::DatasetBrief;
use crate::core::dataset::settings::DatasetSettings;
use crate::core::decision::wizard_link::WizardState;
use crate::core::training::training_state::TrainingState;

/// The state of all three tools, as one link shares it.
#[derive(Clone, Debug, PartialEq)]
pub struct SharedState {
    /// The wizard's answers and ticked criteria.
    pub wizard: WizardState,
    /// The cost calculator's scenario.
    pub costs: Scenario,
    /// The brief of the last checked dataset, if one was checked.
    pub dataset: Option<DatasetBrief>,
    /// The Dataset page's choices (provider, epochs, training price), when
    /// saved: the training plan's epochs and training cost read them.
    pub dataset_settings: Option<DatasetSettings>,
    /// The training page's evaluation and early-stopping settings.
    pub training: TrainingState,
}

impl SharedState {
    /// Nothing filled in yet: an empty wizard, the calculator's example
    /// figures for `today` (an ISO date) and no dataset.
    pub fn empty(today: &str) -> SharedState {
        SharedState {
            wizard: WizardState::default(),
            costs: default_scenario(today),
            dataset: None,
            dataset_settings: None,
            training: TrainingState::default(),
        }
    }
}
