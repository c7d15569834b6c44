//! The inverse of the standard normal distribution function (the quantile
//! function, `z` such that P(Z ≤ z) = p), for sample-size formulas.
//!
//! Algorithm: Wichura's AS241 (PPND16), "The Percentage Points of the
//! Normal Distribution", Applied Statistics 37 (1988) 477–484: three
//! rational approximations (|p − ½| ≤ 0.425; else r = √(−ln min(p, 1−p))
//! up to 5; beyond), accurate to about 1 part in 10¹⁶. Python's
//! `statistics.NormalDist().inv_cdf` uses the same algorithm; the tests
//! compare with it to 1e-9.
//!
//! Architecture invariant: pure arithmetic, no UI imports; total: `p`
//! outside the open interval (0, 1), or NaN, gives `None`, never NaN or ∞.

// The coefficients as AS241 publishes them (more digits than an f64
// holds), so they can be checked against the paper digit by digit.
#![allow(clippy::excessive_precision)]

const A: [f64; 8] = [
    3.387_132_872_796_366_608,
    133.141_667_891_784_377_45,
    1_971.590_950_306_551_442_7,
    13_731.693_765_509_461_125,
    45_921.953_931_549_871_457,
    67_265.770_927_008_700_853,
    33_430.575_583_588_128_105,
    2_509.080_928_730_122_672_7,
];
const B: [f64; 8] = [
    1.0,
    42.313_330_701_600_911_252,
    687.187_007_492_057_908_3,
    5_394.196_021_424_751_107_7,
    21_213.794_301_586_595_867,
    39_307.895_800_092_710_61,
    28_729.085_735_721_942_674,
    5_226.495_278_852_854_561,
];
const C: [f64; 8] = [
    1.423_437_110_749_683_577_34,
    4.630_337_846_156_545_295_9,
    5.769_497_221_460_691_405_5,
    3.647_848_324_763_204_605_04,
    1.270_458_252_452_368_382_58,
    0.241_780_725_177_450_611_77,
    0.022_723_844_989_269_184_583_3,
    7.745_450_142_783_414_076_4e-4,
];
const D: [f64; 8] = [
    1.0,
    2.053_191_626_637_758_821_87,
    1.676_384_830_183_803_849_4,
    0.689_767_334_985_100_004_55,
    0.148_103_976_427_480_074_59,
    0.015_198_666_563_616_457_196_6,
    5.475_938_084_995_344_946e-4,
    1.050_750_071_644_416_843_24e-9,
];
const E: [f64; 8] = [
    6.657_904_643_501_103_777_2,
    5.463_784_911_164_114_369_9,
    1.784_826_539_917_291_335_8,
    0.296_560_571_828_504_891_23,
    0.026_532_189_526_576_123_093,
    1.242_660_947_388_078_438_6e-3,
    2.711_555_568_743_487_578_15e-5,
    2.010_334_399_292_288_132_65e-7,
];
const F: [f64; 8] = [
    1.0,
    0.599_832_206_555_887_937_69,
    0.136_929_880_922_735_805_31,
    0.014_875_361_290_850_614_852_5,
    7.868_691_311_456_132_591e-4,
    1.846_318_317_510_054_681_8e-5,
    1.421_511_758_316_445_888_7e-7,
    2.044_263_103_389_939_785_64e-15,
];

/// `num(x) / den(x)` for coefficient lists from the constant term up.
fn ratio(num: &[f64; 8], den: &[f64; 8], x: f64) -> f64 {
    let horner = |c: &[f64; 8]| c.iter().rev().fold(0.0, |acc, k| acc * x + k);
    horner(num) / horner(den)
}

/// The standard normal quantile of `p` by AS241 (see the module doc):
/// `Some(z)` with P(Z ≤ z) = p for 0 < p < 1, `None` otherwise (0, 1,
/// outside, or NaN). E.g. 0.975 → 1.959963984540054, 0.8 →
/// 0.8416212335729143.
pub fn inverse_normal(p: f64) -> Option<f64> {
    if !(p > 0.0 && p < 1.0) {
        return None;
    }
    let q = p - 0.5;
    if q.abs() <= 0.425 {
        let r = 0.180_625 - q * q;
        return Some(q * ratio(&A, &B, r));
    }
    let tail = if q < 0.0 { p } else { 1.0 - p };
    let r = (-tail.ln()).sqrt();
    let z = if r <= 5.0 {
        ratio(&C, &D, r - 1.6)
    } else {
        ratio(&E, &F, r - 5.0)
    };
    let z = if q < 0.0 { -z } else { z };
    z.is_finite().then_some(z)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Reference quantiles from Python 3's standard library,
    /// `statistics.NormalDist().inv_cdf(p)` (the same AS241 algorithm, an
    /// independent implementation), printed with `repr`.
    const KNOWN: [(f64, f64); 11] = [
        (0.975, 1.959_963_984_540_053_6),
        (0.8, 0.841_621_233_572_914_4),
        (0.995, 2.575_829_303_548_9),
        (0.9, 1.281_551_565_544_600_8),
        (1e-10, -6.361_340_902_404_056),
        (1.0 - 1e-10, 6.361_340_889_697_421),
        (0.5, 0.0),
        (0.025, -1.959_963_984_540_053_8),
        (0.999, 3.090_232_306_167_813),
        (1e-300, -37.047_096_299_361_2),
        (0.3, -0.524_400_512_708_040_7),
    ];

    #[test]
    fn known_quantiles_to_1e_9() {
        for (p, z) in KNOWN {
            let got = inverse_normal(p).unwrap();
            assert!((got - z).abs() < 1e-9, "p = {p}: {got} vs {z}");
        }
        // The textbook figures.
        assert!((inverse_normal(0.975).unwrap() - 1.959963984540054).abs() < 1e-12);
        assert!((inverse_normal(0.8).unwrap() - 0.8416212335729143).abs() < 1e-12);
    }

    #[test]
    fn outside_the_open_interval_is_none() {
        for p in [
            0.0,
            1.0,
            -0.1,
            1.5,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ] {
            assert_eq!(inverse_normal(p), None, "p = {p}");
        }
        assert!(inverse_normal(f64::MIN_POSITIVE).is_some());
    }

    proptest! {
        #[test]
        fn finite_symmetric_and_increasing(p in 1e-6f64..0.5, dp in 1e-9f64..0.1) {
            let (Some(lo), Some(hi)) = (inverse_normal(p), inverse_normal(1.0 - p)) else {
                return Err(TestCaseError::fail("a quantile is missing"));
            };
            prop_assert!(lo.is_finite() && hi.is_finite());
            prop_assert!(lo <= 0.0);
            // 1 − p is rounded, so symmetry holds to the rounding's effect.
            prop_assert!((lo + hi).abs() < 1e-6 * lo.abs().max(1.0));
            if let Some(next) = inverse_normal(p + dp) {
                prop_assert!(next >= lo);
            }
        }

        #[test]
        fn any_float_is_safe(p in proptest::num::f64::ANY) {
            if let Some(z) = inverse_normal(p) {
                prop_assert!(z.is_finite());
            }
        }
    }
}
