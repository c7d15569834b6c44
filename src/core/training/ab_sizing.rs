//! A/B test sizing: how many users (or requests) each arm needs to detect a
//! change in a rate, and how long that takes at the calculator's volume.
//!
//! Rules, with p1 the baseline rate, δ the minimum detectable effect, α the
//! two-sided significance level and 1 − β the power; every figure is per
//! arm and rounded up to a whole number:
//! - p2 = p1 + δ (δ in percentage points, absolute), or p2 = p1·(1 + δ)
//!   when the effect is relative to the baseline.
//! - **Pooled two-proportion** (the usual normal-approximation test):
//!   p̄ = (p1 + p2)/2,
//!   n = ( z₁₋α/₂·√(2 p̄(1−p̄)) + z₁₋β·√(p1(1−p1) + p2(1−p2)) )² / (p2 − p1)².
//!   10 %, +2 points, α 0.05, power 0.8 → 3,841.
//! - **Cohen's h** (arcsine transform): h = 2·asin√p2 − 2·asin√p1,
//!   n = 2·((z₁₋α/₂ + z₁₋β)/h)². Each arm's transformed rate has variance
//!   1/n, so their difference has 2/n: the factor 2 makes this a per-arm
//!   figure comparable with the pooled one (it is what R's `pwr.2p.test`
//!   gives; without it the figure would be half the per-arm size).
//! - **Continuity-corrected** (Fleiss): n_cc = n/4·(1 + √(1 + 4/(n·|p2 − p1|)))²,
//!   where n is the pooled figure *before* rounding.
//! - **Days**: requests per day = monthly volume × 12 / 365.25; days =
//!   ⌈2·n / per day⌉ (both arms share the traffic).
//!
//! Bad input (a rate outside (0, 100 %), an effect of 0 or one that takes
//! the rate to 0 or past 100 %, significance outside (0, 50 %], power
//! outside (0, 100 %) or not above the significance) gives a message that
//! names the field, never NaN or ∞.
//!
//! Architecture invariant: pure arithmetic, no UI imports.

use crate::core::html_rows::escape;
use crate::core::number_format::count;
use crate::core::training::inverse_normal::inverse_normal;

/// Largest per-arm figure shown; an effect needing more is too small to
/// measure and is refused on the effect field.
pub const MAX_PER_ARM: f64 = 1e12;
/// Days in a year, for requests per day (× 12 / 365.25).
pub const DAYS_PER_YEAR: f64 = 365.25;

/// The sizing inputs as the user enters them, in percent.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AbInput {
    /// Baseline rate, % (e.g. 10 for a 10 % conversion or thumbs-up rate).
    pub baseline_pct: f64,
    /// Minimum detectable effect: percentage points, or % of the baseline
    /// when `relative`; may be negative (detecting a drop).
    pub effect: f64,
    /// Whether `effect` is relative to the baseline.
    pub relative: bool,
    /// Two-sided significance level α, %.
    pub alpha_pct: f64,
    /// Power 1 − β, %.
    pub power_pct: f64,
}

/// A message per field, `None` where the field is fine.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AbErrors {
    /// On the baseline rate.
    pub baseline: Option<String>,
    /// On the minimum detectable effect.
    pub effect: Option<String>,
    /// On the significance level.
    pub alpha: Option<String>,
    /// On the power.
    pub power: Option<String>,
}

impl AbErrors {
    /// Whether any field has a message.
    pub fn any(&self) -> bool {
        self.baseline.is_some()
            || self.effect.is_some()
            || self.alpha.is_some()
            || self.power.is_some()
    }
}

/// The sample sizes for valid inputs, each per arm and rounded up.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Sizing {
    /// Baseline rate, fraction.
    pub p1: f64,
    /// Rate to detect, fraction.
    pub p2: f64,
    /// Pooled two-proportion figure.
    pub per_arm: f64,
    /// Cohen's h.
    pub h: f64,
    /// Cohen's-h figure.
    pub cohens_h: f64,
    /// Continuity-corrected (Fleiss) figure.
    pub continuity: f64,
}

/// A percentage as text: at most two decimals, trailing zeros dropped
/// ("10", "2.5", "0.33"); "—" when not finite.
pub fn pct_text(x: f64) -> String {
    if !x.is_finite() {
        return "—".into();
    }
    let s = format!("{:.2}", x);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.to_string() }
}

/// z quantiles for a two-sided α and a power (fractions), when both are
/// in (0, 1).
fn quantiles(alpha: f64, power: f64) -> Option<(f64, f64)> {
    Some((inverse_normal(1.0 - alpha / 2.0)?, inverse_normal(power)?))
}

/// `a > b`, false when either is NaN.
fn above(a: f64, b: f64) -> bool {
    a > b
}

fn rates_ok(p1: f64, p2: f64) -> bool {
    p1 > 0.0 && p1 < 1.0 && p2 > 0.0 && p2 <= 1.0 && p1 != p2
}

/// The pooled two-proportion sample size per arm, *unrounded* (formula in
/// the module doc), for rates and α, power as fractions; `None` when a
/// figure is out of range or the result is not a finite positive number.
/// p2 may be 1 (a perfect score), p1 may not.
pub fn pooled_n(p1: f64, p2: f64, alpha: f64, power: f64) -> Option<f64> {
    if !rates_ok(p1, p2) || !above(power, alpha) {
        return None;
    }
    let (za, zb) = quantiles(alpha, power)?;
    let pbar = (p1 + p2) / 2.0;
    let spread =
        za * (2.0 * pbar * (1.0 - pbar)).sqrt() + zb * (p1 * (1.0 - p1) + p2 * (1.0 - p2)).sqrt();
    let n = spread * spread / ((p2 - p1) * (p2 - p1));
    (spread > 0.0 && n.is_finite() && n > 0.0).then_some(n)
}

/// Cohen's h and its per-arm sample size, unrounded (module doc).
pub fn cohens_h_n(p1: f64, p2: f64, alpha: f64, power: f64) -> Option<(f64, f64)> {
    if !rates_ok(p1, p2) || !above(power, alpha) {
        return None;
    }
    let (za, zb) = quantiles(alpha, power)?;
    let h = 2.0 * p2.sqrt().asin() - 2.0 * p1.sqrt().asin();
    let n = 2.0 * ((za + zb) / h).powi(2);
    (h != 0.0 && za + zb > 0.0 && n.is_finite()).then_some((h, n))
}

/// The Fleiss continuity-corrected size from the *unrounded* pooled `n`.
pub fn continuity_corrected(n: f64, p1: f64, p2: f64) -> Option<f64> {
    let d = (p2 - p1).abs();
    if !(n > 0.0 && d > 0.0) {
        return None;
    }
    let cc = n / 4.0 * (1.0 + (1.0 + 4.0 / (n * d)).sqrt()).powi(2);
    cc.is_finite().then_some(cc)
}

/// The rate to detect, as a fraction, from the inputs (no checks).
pub fn target_rate(input: &AbInput) -> f64 {
    let p1 = input.baseline_pct / 100.0;
    if input.relative {
        p1 * (1.0 + input.effect / 100.0)
    } else {
        p1 + input.effect / 100.0
    }
}

/// The message for each field that is wrong (rules in the module doc),
/// including an effect too small to measure (more than [`MAX_PER_ARM`]
/// per arm); all `None` when [`size`] succeeds.
pub fn errors(input: &AbInput) -> AbErrors {
    size(input).err().unwrap_or_default()
}

/// The sample sizes for `input`, or the field messages.
pub fn size(input: &AbInput) -> Result<Sizing, AbErrors> {
    let e = field_errors(input);
    if e.any() {
        return Err(e);
    }
    compute(input).ok_or_else(|| AbErrors {
        effect: Some("This effect is too small to measure: raise it.".into()),
        ..AbErrors::default()
    })
}

/// The figures for inputs that passed [`field_errors`].
fn compute(input: &AbInput) -> Option<Sizing> {
    let p1 = input.baseline_pct / 100.0;
    let p2 = target_rate(input);
    let (alpha, power) = (input.alpha_pct / 100.0, input.power_pct / 100.0);
    if p2 >= 1.0 || p2.is_nan() {
        return None;
    }
    let n = pooled_n(p1, p2, alpha, power)?;
    let (h, nh) = cohens_h_n(p1, p2, alpha, power)?;
    let cc = continuity_corrected(n, p1, p2)?;
    (cc <= MAX_PER_ARM).then_some(Sizing {
        p1,
        p2,
        per_arm: n.ceil(),
        h,
        cohens_h: nh.ceil(),
        continuity: cc.ceil(),
    })
}

/// The field rules of the module doc, without the size check.
fn field_errors(input: &AbInput) -> AbErrors {
    let mut e = AbErrors::default();
    let b = input.baseline_pct;
    if !(b > 0.0 && b < 100.0) {
        e.baseline = Some("The baseline rate must be more than 0 and less than 100 %.".into());
    }
    let d = input.effect;
    if !d.is_finite() || d == 0.0 {
        e.effect =
            Some("The effect must not be 0: enter the smallest change worth detecting.".into());
    } else if e.baseline.is_none() {
        let p2 = target_rate(input) * 100.0;
        let change = match (input.relative, d > 0.0) {
            (false, true) => format!("{} % + {} points", pct_text(b), pct_text(d)),
            (false, false) => format!("{} % − {} points", pct_text(b), pct_text(-d)),
            (true, true) => format!("{} % + {} % of it", pct_text(b), pct_text(d)),
            (true, false) => format!("{} % − {} % of it", pct_text(b), pct_text(-d)),
        };
        if p2 > 100.0 {
            e.effect = Some(format!("{change} is past 100 %: lower the effect."));
        } else if p2 >= 100.0 {
            e.effect = Some(format!("{change} reaches 100 %: lower the effect."));
        } else if p2 <= 0.0 {
            e.effect = Some(format!("{change} is 0 % or less: make the drop smaller."));
        }
    }
    let a = input.alpha_pct;
    if !(a > 0.0 && a <= 50.0) {
        e.alpha = Some(
            "Significance must be more than 0 and at most 50 % (two-sided; 5 % is usual).".into(),
        );
    }
    let p = input.power_pct;
    if !(p > 0.0 && p < 100.0) {
        e.power = Some("Power must be more than 0 and less than 100 % (80 % is usual).".into());
    } else if e.alpha.is_none() && p <= a {
        e.power = Some(format!(
            "Power must be more than the significance level ({} %): 80 % is usual.",
            pct_text(a)
        ));
    }
    e
}

/// Requests per day at a monthly volume (× 12 / 365.25).
pub fn requests_per_day(monthly: f64) -> f64 {
    monthly * 12.0 / DAYS_PER_YEAR
}

/// Days to collect `per_arm` in each of two arms at `monthly` requests,
/// rounded up; `None` without a positive, finite volume.
pub fn days(per_arm: f64, monthly: f64) -> Option<f64> {
    let per_day = requests_per_day(monthly);
    let d = (2.0 * per_arm / per_day).ceil();
    (per_day > 0.0 && d.is_finite()).then_some(d.max(1.0))
}

/// The headline for the live region: "3,841 per arm (7,682 in all)".
pub fn headline(s: &Sizing) -> String {
    format!(
        "{} per arm ({} in all)",
        count(s.per_arm),
        count(2.0 * s.per_arm)
    )
}

/// What the result shows, for valid or invalid input: the headline (for
/// the live region) and the figures beside it as escaped HTML.
#[derive(Clone, Debug, PartialEq)]
pub struct AbResult {
    /// "3,841 per arm (7,682 in all)", or what to fix.
    pub headline: String,
    /// The Cohen's-h and continuity-corrected figures and the days, as
    /// HTML (a list); "" when the input is invalid.
    pub details_html: String,
}

/// The result for `input` at `monthly` requests (`None`: no volume known,
/// so say where to set it).
pub fn result(input: &AbInput, monthly: Option<f64>) -> AbResult {
    let Ok(s) = size(input) else {
        return AbResult {
            headline: "Fix the marked fields to see the sample size.".into(),
            details_html: String::new(),
        };
    };
    let item = |text: String| format!("<li>{}</li>", escape(&text));
    let mut html = String::from("<ul class=\"ab-figures\">");
    html.push_str(&item(format!(
        "Detects {} % → {} % (two-sided significance {} %, power {} %).",
        pct_text(s.p1 * 100.0),
        pct_text(s.p2 * 100.0),
        pct_text(input.alpha_pct),
        pct_text(input.power_pct)
    )));
    html.push_str(&item(format!(
        "Cohen's h = {:.3}: {} per arm (arcsine approximation).",
        s.h,
        count(s.cohens_h)
    )));
    html.push_str(&item(format!(
        "With continuity correction (Fleiss): {} per arm.",
        count(s.continuity)
    )));
    match monthly.and_then(|m| days(s.per_arm, m).map(|d| (m, d))) {
        Some((m, d)) => html.push_str(&item(format!(
            "At {} requests a month ({} a day) split over two arms: {}.",
            count(m),
            count(requests_per_day(m)),
            days_text(d)
        ))),
        None => html.push_str(
            "<li>No monthly volume yet: set it in the <a href=\"costs.html\">cost calculator</a> \
             to see how many days the test takes.</li>",
        ),
    }
    html.push_str("</ul>");
    AbResult {
        headline: headline(&s),
        details_html: html,
    }
}

/// "1 day", "24 days", "730 days (about 2.0 years)".
fn days_text(d: f64) -> String {
    if d == 1.0 {
        "1 day".into()
    } else if d > 365.0 {
        format!("{} days (about {:.1} years)", count(d), d / DAYS_PER_YEAR)
    } else {
        format!("{} days", count(d))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn input(baseline_pct: f64, effect: f64, alpha_pct: f64, power_pct: f64) -> AbInput {
        AbInput {
            baseline_pct,
            effect,
            relative: false,
            alpha_pct,
            power_pct,
        }
    }

    /// Reference values computed independently in Python 3 with the
    /// standard library only (`statistics.NormalDist().inv_cdf` for the
    /// quantiles, `math` for the rest), by the formulas of the module doc
    /// typed in afresh, each rounded up with `math.ceil`:
    /// (baseline %, effect points, α %, power %, pooled, Cohen's h × 2, Fleiss).
    const REFERENCE: [(f64, f64, f64, f64, f64, f64, f64); 6] = [
        (10.0, 2.0, 5.0, 80.0, 3841.0, 3835.0, 3941.0),
        (5.0, 1.0, 5.0, 80.0, 8158.0, 8143.0, 8357.0),
        (20.0, 5.0, 1.0, 90.0, 2074.0, 2070.0, 2114.0),
        (50.0, -5.0, 5.0, 80.0, 1565.0, 1565.0, 1605.0),
        (80.0, 5.0, 5.0, 80.0, 906.0, 903.0, 945.0),
        (3.0, 0.6, 10.0, 95.0, 19184.0, 19148.0, 19516.0),
    ];

    #[test]
    fn the_issue_example_is_3841_per_arm() {
        let s = size(&input(10.0, 2.0, 5.0, 80.0)).unwrap();
        assert_eq!(s.per_arm, 3841.0);
        assert_eq!(headline(&s), "3,841 per arm (7,682 in all)");
        // Unrounded, Python gives 3840.847482436276.
        let n = pooled_n(0.10, 0.12, 0.05, 0.8).unwrap();
        assert!((n - 3840.847482436276).abs() < 1e-6);
    }

    #[test]
    fn sizes_match_independent_python_figures() {
        for (b, d, a, p, pooled, h, cc) in REFERENCE {
            let s = size(&input(b, d, a, p)).unwrap();
            assert_eq!(
                (s.per_arm, s.cohens_h, s.continuity),
                (pooled, h, cc),
                "{b} % {d:+} points, α {a} %, power {p} %"
            );
        }
    }

    #[test]
    fn a_relative_effect_scales_the_baseline() {
        let mut i = input(10.0, 20.0, 5.0, 80.0);
        i.relative = true;
        let s = size(&i).unwrap();
        assert!((s.p2 - 0.12).abs() < 1e-12);
        assert_eq!(s.per_arm, 3841.0);
        i.effect = 950.0;
        assert_eq!(
            errors(&i).effect.as_deref(),
            Some("10 % + 950 % of it is past 100 %: lower the effect.")
        );
    }

    #[test]
    fn bad_input_gets_a_message_on_its_field() {
        for b in [0.0, 100.0, 150.0, -3.0, f64::NAN] {
            assert!(errors(&input(b, 2.0, 5.0, 80.0)).baseline.is_some(), "{b}");
        }
        assert_eq!(
            errors(&input(10.0, 95.0, 5.0, 80.0)).effect.as_deref(),
            Some("10 % + 95 points is past 100 %: lower the effect.")
        );
        assert_eq!(
            errors(&input(10.0, 90.0, 5.0, 80.0)).effect.as_deref(),
            Some("10 % + 90 points reaches 100 %: lower the effect.")
        );
        assert_eq!(
            errors(&input(10.0, -10.0, 5.0, 80.0)).effect.as_deref(),
            Some("10 % − 10 points is 0 % or less: make the drop smaller.")
        );
        assert!(errors(&input(10.0, 0.0, 5.0, 80.0)).effect.is_some());
        assert!(errors(&input(10.0, 1e-9, 5.0, 80.0)).effect.is_some());
        for a in [0.0, 50.5, -1.0] {
            assert!(errors(&input(10.0, 2.0, a, 80.0)).alpha.is_some(), "{a}");
        }
        assert!(errors(&input(10.0, 2.0, 50.0, 80.0)).alpha.is_none());
        for p in [0.0, 100.0, 120.0] {
            assert!(errors(&input(10.0, 2.0, 5.0, p)).power.is_some(), "{p}");
        }
        assert_eq!(
            errors(&input(10.0, 2.0, 5.0, 5.0)).power.as_deref(),
            Some("Power must be more than the significance level (5 %): 80 % is usual.")
        );
        assert!(errors(&input(10.0, 2.0, 5.0, 80.0)) == AbErrors::default());
        let r = result(&input(10.0, 95.0, 5.0, 80.0), Some(500_000.0));
        assert_eq!(r.details_html, "");
        assert!(!r.headline.contains("NaN"));
    }

    #[test]
    fn days_at_the_calculators_volume() {
        // 500,000 a month is 16,427.1 a day: 7,682 requests take 1 day.
        assert_eq!(days(3841.0, 500_000.0), Some(1.0));
        // 10,000 a month is 328.5 a day: 7,682 / 328.5 = 23.4 → 24 days.
        assert_eq!(days(3841.0, 10_000.0), Some(24.0));
        assert_eq!(days(3841.0, 0.0), None);
        let r = result(&input(10.0, 2.0, 5.0, 80.0), Some(10_000.0));
        assert!(
            r.details_html
                .contains("10,000 requests a month (329 a day) split over two arms: 24 days.")
        );
        assert!(
            r.details_html
                .contains("Cohen&#39;s h = 0.064: 3,835 per arm")
        );
        assert!(r.details_html.contains("(Fleiss): 3,941 per arm"));
        let none = result(&input(10.0, 2.0, 5.0, 80.0), None);
        assert!(none.details_html.contains("<a href=\"costs.html\">"));
    }

    proptest! {
        #[test]
        fn no_input_panics_or_shows_nan(
            b in proptest::num::f64::ANY,
            d in proptest::num::f64::ANY,
            rel in any::<bool>(),
            a in proptest::num::f64::ANY,
            p in proptest::num::f64::ANY,
            m in proptest::option::of(proptest::num::f64::ANY),
        ) {
            let i = AbInput { baseline_pct: b, effect: d, relative: rel, alpha_pct: a, power_pct: p };
            let r = result(&i, m);
            for text in [&r.headline, &r.details_html] {
                prop_assert!(!text.contains("NaN") && !text.contains("inf"), "{}", text);
            }
            if let Ok(s) = size(&i) {
                prop_assert!(s.per_arm >= 1.0 && s.per_arm <= MAX_PER_ARM);
                prop_assert!(s.continuity >= s.per_arm);
            } else {
                prop_assert!(errors(&i).any());
            }
        }

        #[test]
        fn plausible_inputs_are_sized(
            b in 1.0f64..99.0, d in 0.1f64..10.0, a in 0.1f64..20.0, p in 50.0f64..99.0,
        ) {
            let d = if b + d < 100.0 { d } else { -d };
            let s = size(&input(b, d, a, p));
            prop_assert!(s.is_ok(), "{:?}", s);
        }
    }
}
