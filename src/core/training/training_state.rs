//! The training page's saved state: the evaluation planner's settings and
//! the run explorer's early-stopping settings, as one versioned query
//! string (`v=1&e.…&s.…`) for storage (`tunewise.training.v1`), the page's
//! address and the report link.
//!
//! Decoding is total: a missing or unknown `v` reads as version 1 when the
//! keys parse, anything else keeps defaults, field by field.
//!
//! Architecture invariant: pure, no UI imports.

use crate::core::training::early_stopping::StoppingSettings;
use crate::core::training::evaluation_plan::EvaluationSettings;

/// The version written by this build.
pub const VERSION: u32 = 1;
/// Longest query accepted; anything longer decodes to the defaults.
pub const MAX_LEN: usize = 8192;

/// Everything the training page keeps.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TrainingState {
    /// The evaluation planner and A/B sizing inputs.
    pub evaluation: EvaluationSettings,
    /// The run explorer's early-stopping rule.
    pub stopping: StoppingSettings,
}

/// The state as a query string: `v=1` then the evaluation and stopping keys.
pub fn encode(s: &TrainingState) -> String {
    let mut out = format!("v={VERSION}");
    for part in [s.evaluation.encode(), s.stopping.encode()] {
        if !part.is_empty() {
            out.push('&');
            out.push_str(&part);
        }
    }
    out
}

/// Reads a query written by [`encode`] (this or an earlier version).
/// Total: never panics; a newer version or an over-long query gives the
/// defaults.
pub fn decode(query: &str) -> TrainingState {
    if query.len() > MAX_LEN {
        return TrainingState::default();
    }
    let version = form_urlencoded::parse(query.as_bytes())
        .find(|(k, _)| k == "v")
        .map(|(_, v)| v.parse::<u32>().unwrap_or(u32::MAX));
    if version.is_some_and(|v| v > VERSION) {
        return TrainingState::default();
    }
    TrainingState {
        evaluation: EvaluationSettings::decode(query),
        stopping: StoppingSettings::decode(query),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_round_trip() {
        let s = TrainingState::default();
        assert_eq!(decode(&encode(&s)), s);
        assert!(encode(&s).starts_with("v=1"));
    }

    #[test]
    fn a_newer_version_reads_as_defaults() {
        assert_eq!(decode("v=2&e.x=1"), TrainingState::default());
        assert_eq!(decode(&"x".repeat(MAX_LEN + 1)), TrainingState::default());
    }
}
