//! Which compared approach the wizard's outcome points to: the approach
//! kinds each outcome recommends, and the cheapest compared approach of
//! those kinds over the horizon.
//!
//! Architecture invariant: pure, no UI imports; the wizard's outcome
//! decides the kinds, the calculator's own figures decide among them.

use crate::core::costs::approach_cost::{ApproachCost, ApproachKind};
use crate::core::costs::horizon_total::horizon_total;
use crate::core::costs::scenario::Scenario;
use crate::core::decision::tree::Outcome;

/// The approach kinds an outcome recommends, in the calculator's order.
pub fn recommended_kinds(outcome: Outcome) -> &'static [ApproachKind] {
    use ApproachKind as K;
    match outcome {
        Outcome::PromptEngineering => &[K::PromptEngineering],
        Outcome::Rag => &[K::Rag],
        Outcome::CollectDataFirst | Outcome::PromptRag => &[K::PromptEngineering, K::Rag],
        Outcome::LoraOrPromptRag => &[K::ApiSmallModel, K::SelfHostedLora],
        Outcome::LoraOrFineTuning => &[K::ApiFineTuning, K::ApiSmallModel, K::SelfHostedLora],
        Outcome::FullFineTuning => &[K::SelfHostedFull],
    }
}

/// Whether `a`'s model retires before `horizon_months` have passed.
pub fn retires_within(a: &ApproachCost, horizon_months: f64) -> bool {
    a.lifetime_months
        .is_some_and(|l| l.is_finite() && l < horizon_months)
}

/// The approach the report recommends.
#[derive(Clone, Debug, PartialEq)]
pub struct Choice {
    /// Index into the scenario's approaches.
    pub index: usize,
    /// Its cost over the months it serves (the horizon, or its lifetime
    /// when shorter), USD.
    pub total: f64,
    /// Whether its model retires before the horizon ends (then every
    /// recommended approach does, or it would not have been chosen).
    pub retires_early: bool,
}

/// The cheapest compared approach of `kinds` over the scenario's horizon
/// (with lifetimes bound to its start date), preferring approaches whose
/// model lasts the horizon; `None` when no approach of those kinds is
/// compared. Ties go to the first in the calculator's order.
pub fn choose(scenario: &Scenario, kinds: &[ApproachKind]) -> Option<Choice> {
    let resolved = scenario.resolved();
    scenario
        .compared()
        .into_iter()
        .filter(|i| kinds.contains(&resolved[*i].kind))
        .map(|i| {
            let a = &resolved[i];
            let total = horizon_total(a, scenario.monthly_requests, scenario.horizon_months);
            Choice {
                index: i,
                total: total.cost(),
                retires_early: !total.serves(),
            }
        })
        .min_by(|x, y| {
            x.retires_early
                .cmp(&y.retires_early)
                .then(x.total.total_cmp(&y.total))
        })
}

/// The kinds among `kinds` that the scenario does not compare (switched
/// off, or unavailable on its start date).
pub fn not_compared(scenario: &Scenario, kinds: &[ApproachKind]) -> Vec<ApproachKind> {
    let compared: Vec<ApproachKind> = scenario
        .compared()
        .into_iter()
        .map(|i| scenario.approaches[i].kind)
        .collect();
    kinds
        .iter()
        .copied()
        .filter(|k| !compared.contains(k))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::costs::scenario::default_scenario;

    const TODAY: &str = "2026-12-01";

    #[test]
    fn every_outcome_recommends_at_least_one_kind() {
        for o in Outcome::ALL {
            assert!(!recommended_kinds(o).is_empty(), "{o:?}");
        }
        assert_eq!(
            recommended_kinds(Outcome::FullFineTuning),
            [ApproachKind::SelfHostedFull]
        );
    }

    #[test]
    fn the_cheapest_recommended_kind_is_chosen() {
        let mut s = default_scenario(TODAY);
        let kinds = [ApproachKind::PromptEngineering, ApproachKind::Rag];
        let c = choose(&s, &kinds).unwrap();
        let r = s.resolved();
        let cost = |i: usize| r[i].cumulative(s.horizon_months, s.monthly_requests);
        assert_eq!(c.index, if cost(0) <= cost(1) { 0 } else { 1 });
        assert_eq!(c.total, cost(c.index));
        // Switched off, a kind is not chosen, and is reported as not compared.
        s.approaches[c.index].enabled = false;
        let other = choose(&s, &kinds).unwrap();
        assert_ne!(other.index, c.index);
        assert_eq!(not_compared(&s, &kinds), [s.approaches[c.index].kind]);
        s.approaches[other.index].enabled = false;
        assert_eq!(choose(&s, &kinds), None);
    }

    #[test]
    fn an_approach_that_outlives_the_horizon_wins_over_a_cheaper_one_that_does_not() {
        let mut s = crate::core::costs::scenario::default_scenario_for(
            TODAY,
            crate::core::costs::prices::OrgStanding::Active,
        );
        let kinds = [ApproachKind::ApiFineTuning, ApproachKind::SelfHostedLora];
        // The OpenAI fine-tune retires within two months; make it free.
        assert!(retires_within(&s.resolved()[2], s.horizon_months));
        s.approaches[2].input_per_1m = 0.0;
        s.approaches[2].output_per_1m = 0.0;
        s.approaches[2].data_prep = 0.0;
        let c = choose(&s, &kinds).unwrap();
        assert_eq!((c.index, c.retires_early), (4, false));
        s.approaches[4].enabled = false;
        let c = choose(&s, &kinds).unwrap();
        assert_eq!((c.index, c.retires_early), (2, true));
    }
}
