//! Monthly volume that grows (or shrinks) at a steady rate: how many
//! requests have been served after `t` months, and how long `q` requests
//! take. Every view of the cost model maps months to requests through
//! these two functions, so a growing volume moves the chart, the
//! break-even, the totals and the report alike.
//!
//! The rule, exactly: starting at `V` requests a month, the volume after
//! `t` months is `V × (1 + g)^t` (compounded continuously through the
//! month, so half a month in is `V × (1 + g)^0.5`). Requests served by
//! month `t` are its integral, `R(t) = V × ((1 + g)^t − 1) ÷ ln(1 + g)`,
//! and `R(t) = V × t` when `g = 0`. With 10 % a month, the first month
//! serves `V × 0.1 ÷ ln 1.1 ≈ 1.049 V`; twelve months serve about
//! `22.4 V` instead of `12 V`.
//!
//! A shrinking volume (`g < 0`) serves at most `V ÷ −ln(1 + g)` requests
//! in all: [`months_to`] is `None` for anything beyond.
//!
//! Architecture invariant: pure arithmetic, no UI imports; the two
//! functions are each other's inverse (property-tested), and `g = 0` gives
//! exactly `V × t` and `q ÷ V`.

/// Slowest growth accepted: −50 % a month.
pub const MIN_GROWTH: f64 = -0.5;
/// Fastest growth accepted: +100 % a month (doubling every month).
pub const MAX_GROWTH: f64 = 1.0;

/// Most cumulative requests any view follows (a guard against overflow:
/// a growing volume can pass [`crate::core::costs::approach_cost::MAX_INPUT`]
/// over a long horizon).
pub const MAX_REQUESTS: f64 = 1e18;

/// `g` made safe: non-finite → 0, clamped to [`MIN_GROWTH`]..=[`MAX_GROWTH`].
pub fn clean_growth(g: f64) -> f64 {
    if g.is_finite() {
        g.clamp(MIN_GROWTH, MAX_GROWTH)
    } else {
        0.0
    }
}

/// Requests served in the first `months` months, starting at
/// `monthly_requests` a month and growing `growth` a month (0.1 = 10 %),
/// at most [`MAX_REQUESTS`] when it grows.
pub fn requests_by(monthly_requests: f64, growth: f64, months: f64) -> f64 {
    let g = clean_growth(growth);
    if g == 0.0 {
        return monthly_requests * months;
    }
    let k = g.ln_1p();
    // A long, fast-growing horizon overflows: counted as the most followed.
    (monthly_requests * (k * months).exp_m1() / k).min(MAX_REQUESTS)
}

/// Months until `requests` have been served, starting at
/// `monthly_requests` a month and growing `growth` a month; `None` when a
/// shrinking volume never gets there, or there is no volume.
pub fn months_to(monthly_requests: f64, growth: f64, requests: f64) -> Option<f64> {
    if monthly_requests.is_nan() || monthly_requests <= 0.0 {
        return (requests <= 0.0).then_some(0.0);
    }
    let g = clean_growth(growth);
    if g == 0.0 {
        return Some(requests / monthly_requests).filter(|m| m.is_finite());
    }
    let k = g.ln_1p();
    let x = requests * k / monthly_requests;
    // ln(1 + x) needs x > −1: a shrinking volume never serves more.
    (x > -1.0).then(|| x.ln_1p() / k).filter(|m| m.is_finite())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn no_growth_is_the_plain_rule() {
        assert_eq!(requests_by(10_000.0, 0.0, 5.0), 50_000.0);
        assert_eq!(months_to(10_000.0, 0.0, 50_000.0), Some(5.0));
        assert_eq!(requests_by(10_000.0, f64::NAN, 5.0), 50_000.0);
    }

    #[test]
    fn ten_percent_a_month_by_hand() {
        // ∫0^12 1.1^t dt = (1.1^12 − 1) / ln 1.1 = 2.138428 / 0.0953102 = 22.4365.
        let r = requests_by(1.0, 0.1, 12.0);
        assert!((r - 22.436_5).abs() < 1e-3, "{r}");
        let first = requests_by(100.0, 0.1, 1.0);
        assert!((first - 104.920_8).abs() < 1e-3, "{first}");
        // The sum of twelve months, each priced at its own mid-point volume,
        // is close to the integral.
        let sum: f64 = (0..12).map(|m| 1.1_f64.powf(m as f64 + 0.5)).sum();
        assert!((sum - r).abs() / r < 1e-3);
    }

    #[test]
    fn a_shrinking_volume_serves_a_bounded_total() {
        // −10 % a month from 1,000: at most 1,000 / ln(1/0.9) ≈ 9,491 requests.
        let cap = 1_000.0 / -(0.9_f64.ln());
        assert!(requests_by(1_000.0, -0.1, 1e4) <= cap * (1.0 + 1e-12));
        assert_eq!(months_to(1_000.0, -0.1, cap * 1.01), None);
        assert!(months_to(1_000.0, -0.1, cap * 0.5).is_some());
    }

    proptest! {
        #[test]
        fn months_and_requests_are_inverse(
            v in 1.0f64..1e8,
            g in -0.5f64..1.0,
            t in 0.0f64..240.0,
        ) {
            let q = requests_by(v, g, t);
            prop_assert!(q.is_finite() && q >= 0.0);
            prop_assume!(q < MAX_REQUESTS);
            if let Some(back) = months_to(v, g, q) {
                // Compared in requests: near a shrinking volume's cap a
                // month more or less serves almost nothing.
                let again = requests_by(v, g, back);
                prop_assert!((again - q).abs() <= 1e-9 * q.max(1.0), "{again} vs {q}");
                if g >= 0.0 {
                    prop_assert!((back - t).abs() <= 1e-6 * t.max(1.0), "{back} vs {t}");
                }
            } else {
                // Only a shrinking volume can be out of reach, and only at its cap.
                prop_assert!(g < 0.0);
            }
        }

        #[test]
        fn any_input_is_finite_or_none(v in any::<f64>(), g in any::<f64>(), x in any::<f64>()) {
            let _ = requests_by(v, g, x);
            if let Some(m) = months_to(v, g, x) {
                prop_assert!(m.is_finite());
            }
        }
    }
}
