//! (contract stub: helper B replaces this file)

use crate::core::costs::scenario::Scenario;
use crate::core::dataset::brief::DatasetBrief;

/// The evaluation planner's and A/B sizing's saved inputs. Query keys
/// start with `e.`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EvaluationSettings {}

impl EvaluationSettings {
    /// The settings as query pairs (`e.` keys), for storage and links.
    pub fn encode(&self) -> String {
        String::new()
    }

    /// Reads the `e.` keys of `query`; total: anything else is ignored and a
    /// value that does not parse keeps its default.
    pub fn decode(_query: &str) -> EvaluationSettings {
        EvaluationSettings::default()
    }
}

/// What the other tools tell the evaluation planner.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EvaluationInputs {}

/// The planner's inputs from the last checked dataset and the calculator.
pub fn evaluation_inputs(
    _brief: Option<&DatasetBrief>,
    _scenario: &Scenario,
    _today: &str,
) -> EvaluationInputs {
    EvaluationInputs::default()
}
