//! What an approach costs over the scenario's horizon, with its model's
//! lifetime honoured: the one figure the table, the report and the
//! recommendation all read, so no view can total a retired model as if it
//! kept serving.
//!
//! Architecture invariant: pure, no UI imports; built on
//! [`break_even::cost_at`], the same curve the chart draws.

use crate::core::costs::approach_cost::ApproachCost;
use crate::core::costs::break_even;

/// An approach's cost over a horizon.
#[derive(Clone, Debug, PartialEq)]
pub enum HorizonTotal {
    /// It serves the whole horizon.
    Serves {
        /// Cumulative cost at the end of the horizon, USD.
        total: f64,
        /// `total` ÷ requests served over the horizon: the one-off cost,
        /// hosting and fees spread over every request.
        all_in_per_request: f64,
    },
    /// Its model retires after `lifetime_months`, before the horizon ends:
    /// it cannot serve the horizon. Replacing it means a new model on
    /// another base, priced as an approach of its own.
    RetiresFirst {
        lifetime_months: f64,
        /// Cumulative cost until it retires, USD.
        until_retirement: f64,
        /// `until_retirement` ÷ requests served until then.
        all_in_per_request: f64,
    },
}

impl HorizonTotal {
    /// The cost over the months the approach serves (the horizon, or its
    /// lifetime when shorter).
    pub fn cost(&self) -> f64 {
        match self {
            HorizonTotal::Serves { total, .. } => *total,
            HorizonTotal::RetiresFirst {
                until_retirement, ..
            } => *until_retirement,
        }
    }

    /// Whether the approach serves the whole horizon.
    pub fn serves(&self) -> bool {
        matches!(self, HorizonTotal::Serves { .. })
    }

    /// Months the cost covers.
    pub fn months(&self, horizon_months: f64) -> f64 {
        match self {
            HorizonTotal::Serves { .. } => horizon_months,
            HorizonTotal::RetiresFirst {
                lifetime_months, ..
            } => *lifetime_months,
        }
    }

    /// The all-in cost per request over the months it covers.
    pub fn all_in_per_request(&self) -> f64 {
        match self {
            HorizonTotal::Serves {
                all_in_per_request, ..
            }
            | HorizonTotal::RetiresFirst {
                all_in_per_request, ..
            } => *all_in_per_request,
        }
    }
}

/// `a`'s cost over `horizon_months` at `monthly_requests`, with `a`'s
/// lifetime (as [`crate::core::costs::scenario::Scenario::resolved`] sets
/// it) honoured. A lifetime equal to the horizon serves it.
pub fn horizon_total(a: &ApproachCost, monthly_requests: f64, horizon_months: f64) -> HorizonTotal {
    let v = if monthly_requests.is_finite() {
        monthly_requests.max(0.0)
    } else {
        0.0
    };
    let horizon = if horizon_months.is_finite() {
        horizon_months.max(0.0)
    } else {
        0.0
    };
    let per_request = |cost: f64, months: f64| {
        let served = a.requests_by(months, v);
        if served > 0.0 { cost / served } else { 0.0 }
    };
    match a.lifetime_months.filter(|l| l.is_finite() && *l < horizon) {
        Some(lifetime) => {
            let lifetime = lifetime.max(0.0);
            let cost = break_even::cost_at(a, a.requests_by(lifetime, v), v);
            HorizonTotal::RetiresFirst {
                lifetime_months: lifetime,
                until_retirement: cost,
                all_in_per_request: per_request(cost, lifetime),
            }
        }
        None => {
            let cost = break_even::cost_at(a, a.requests_by(horizon, v), v);
            HorizonTotal::Serves {
                total: cost,
                all_in_per_request: per_request(cost, horizon),
            }
        }
    }
}

/// Months both `a` and `b` serve within `horizon_months`: the horizon, or
/// the shorter of their lifetimes when one ends first. Comparisons over a
/// span (the monthly-volume break-even) use this, so neither side is
/// priced past its model's end.
pub fn shared_span(a: &ApproachCost, b: &ApproachCost, horizon_months: f64) -> f64 {
    [a.lifetime_months, b.lifetime_months]
        .into_iter()
        .flatten()
        .filter(|m| m.is_finite())
        .fold(horizon_months, f64::min)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::costs::approach_cost::{ApproachKind, HOURS_PER_MONTH};

    fn self_hosted() -> ApproachCost {
        let mut a = ApproachCost::blank(ApproachKind::SelfHostedLora);
        a.data_prep = 1_200.0;
        a.hosting_per_hour = 1.0;
        a.input_tokens = 1e6;
        a.input_per_1m = 0.001;
        a
    }

    #[test]
    fn marginal_and_all_in_differ_by_the_spread_fixed_costs() {
        let a = self_hosted();
        // Marginal: $0.001 per request. All-in over 12 months at 10,000 a
        // month: (1,200 + 730.5 × 12 + 0.001 × 120,000) ÷ 120,000.
        let t = horizon_total(&a, 10_000.0, 12.0);
        let expected = (1_200.0 + HOURS_PER_MONTH * 12.0 + 120.0) / 120_000.0;
        assert!((a.per_request() - 0.001).abs() < 1e-15);
        assert!((t.all_in_per_request() - expected).abs() < 1e-12);
        assert!(t.serves());
        // Ten times the volume spreads the fixed costs ten times thinner.
        let t10 = horizon_total(&a, 100_000.0, 12.0);
        assert!(t10.all_in_per_request() < t.all_in_per_request() / 5.0);
    }

    #[test]
    fn a_model_retiring_first_cannot_serve_the_horizon() {
        let mut a = self_hosted();
        a.lifetime_months = Some(1.5);
        match horizon_total(&a, 10_000.0, 24.0) {
            HorizonTotal::RetiresFirst {
                lifetime_months,
                until_retirement,
                ..
            } => {
                assert_eq!(lifetime_months, 1.5);
                let at = break_even::cost_at(&a, 15_000.0, 10_000.0);
                assert_eq!(until_retirement, at);
            }
            other => panic!("{other:?}"),
        }
        a.lifetime_months = Some(24.0);
        assert!(horizon_total(&a, 10_000.0, 24.0).serves());
    }

    #[test]
    fn the_shared_span_ends_with_the_first_lifetime() {
        let mut a = self_hosted();
        let b = self_hosted();
        assert_eq!(shared_span(&a, &b, 24.0), 24.0);
        a.lifetime_months = Some(1.4);
        assert_eq!(shared_span(&a, &b, 24.0), 1.4);
        assert_eq!(shared_span(&b, &a, 24.0), 1.4);
        a.lifetime_months = Some(30.0);
        assert_eq!(shared_span(&a, &b, 24.0), 24.0);
    }

    #[test]
    fn nothing_is_nan() {
        let a = self_hosted();
        for (v, h) in [
            (0.0, 24.0),
            (f64::NAN, 1.0),
            (1e12, f64::INFINITY),
            (5.0, 0.0),
        ] {
            let t = horizon_total(&a, v, h);
            assert!(
                t.cost().is_finite() && t.all_in_per_request().is_finite(),
                "{v} {h}"
            );
        }
    }
}
