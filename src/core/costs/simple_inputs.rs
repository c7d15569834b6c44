//! The simple break-even panel's figures taken from the scenario: the
//! recommended approach (or, without a recommendation, the cheapest
//! trained approach over the horizon) against the cheapest untrained one,
//! so the textbook rule can be read on the user's own numbers.
//!
//! Architecture invariant: pure, no UI imports; the saving per request is
//! the all-in one at the scenario's volume (marginal cost plus the month's
//! fixed costs spread over its requests), the same slope
//! [`crate::core::costs::break_even::break_even`] uses, so the two agree
//! whenever neither approach retrains.

use crate::core::costs::approach_cost::ApproachCost;
use crate::core::costs::horizon_total::horizon_total;
use crate::core::costs::scenario::Scenario;

/// The three inputs of the textbook rule, and where they came from.
#[derive(Clone, Debug, PartialEq)]
pub struct SimpleInputs {
    /// Index of the untrained approach compared against.
    pub baseline: usize,
    /// Index of the trained approach that has to pay back its one-off cost.
    pub candidate: usize,
    /// Candidate's one-off cost minus the baseline's, USD (at least 0).
    pub one_off: f64,
    /// Baseline's all-in cost per request minus the candidate's, USD.
    pub saving_per_request: f64,
    /// The scenario's monthly volume.
    pub monthly_requests: f64,
}

fn all_in_slope(a: &ApproachCost, v: f64) -> f64 {
    a.per_request() + if v > 0.0 { a.monthly_fixed() / v } else { 0.0 }
}

/// The rule's inputs from `s` (with `resolved` its priced approaches), or
/// `None` when no untrained and no trained approach are both compared.
/// `recommended` is the approach another tool recommends, used as the
/// candidate when it trains and is compared.
pub fn simple_inputs(
    s: &Scenario,
    resolved: &[ApproachCost],
    recommended: Option<usize>,
) -> Option<SimpleInputs> {
    let compared: Vec<usize> = s
        .compared()
        .into_iter()
        .filter(|i| *i < resolved.len())
        .collect();
    let total = |i: &usize| horizon_total(&resolved[*i], s.monthly_requests, s.horizon_months);
    let cheapest = |trains: bool| {
        compared
            .iter()
            .copied()
            .filter(|i| resolved[*i].kind.trains() == trains)
            .min_by(|x, y| {
                let (a, b) = (total(x), total(y));
                b.serves()
                    .cmp(&a.serves())
                    .then(a.cost().total_cmp(&b.cost()))
            })
    };
    let baseline = cheapest(false)?;
    let candidate = recommended
        .filter(|i| compared.contains(i) && resolved[*i].kind.trains())
        .or_else(|| cheapest(true))?;
    let v = s.monthly_requests;
    let (b, c) = (&resolved[baseline], &resolved[candidate]);
    Some(SimpleInputs {
        baseline,
        candidate,
        one_off: (c.one_off() - b.one_off()).max(0.0),
        saving_per_request: all_in_slope(b, v) - all_in_slope(c, v),
        monthly_requests: v,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::costs::break_even::{BreakEven, break_even, simple_break_even};
    use crate::core::costs::scenario::default_scenario;

    #[test]
    fn the_rule_on_the_scenario_agrees_with_the_full_model() {
        let mut s = default_scenario("2026-12-01");
        // No retraining anywhere, so the textbook rule is exact.
        for a in &mut s.approaches {
            a.retrain_every_months = 0.0;
        }
        let r = s.resolved();
        let inputs = simple_inputs(&s, &r, Some(3)).unwrap();
        assert_eq!(inputs.candidate, 3);
        assert!(!r[inputs.baseline].kind.trains());
        let (b, c) = (&r[inputs.baseline], &r[inputs.candidate]);
        match (
            break_even(b, c, s.monthly_requests),
            simple_break_even(inputs.one_off, inputs.saving_per_request),
        ) {
            (BreakEven::At { requests, .. }, Some(q)) => {
                assert!(
                    (requests - q).abs() <= 1e-6 * q.max(1.0),
                    "{requests} vs {q}"
                )
            }
            (BreakEven::Immediate, _) => assert_eq!(inputs.one_off, 0.0),
            (full, simple) => assert!(simple.is_none(), "{full:?} vs {simple:?}"),
        }
        // A recommendation that does not train is not a candidate.
        assert_ne!(simple_inputs(&s, &r, Some(0)).unwrap().candidate, 0);
    }

    #[test]
    fn nothing_to_compare_gives_none() {
        let mut s = default_scenario("2026-12-01");
        s.approaches[0].enabled = false;
        s.approaches[1].enabled = false;
        let r = s.resolved();
        assert_eq!(simple_inputs(&s, &r, None), None);
    }
}
