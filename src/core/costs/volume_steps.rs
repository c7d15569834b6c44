//! The stops of the monthly-volume slider: round volumes (1, 1.5, 2, 3, 5,
//! 7 × a power of ten) from 100 to 100,000,000 a month, so every stop is a
//! figure a person would type and each arrow key moves by about the same
//! factor (1.3× to 1.7×).
//!
//! Architecture invariant: pure, no UI imports.

/// Mantissas of the stops within each power of ten.
const MANTISSAS: [f64; 6] = [1.0, 1.5, 2.0, 3.0, 5.0, 7.0];
/// Lowest and highest power of ten of the stops.
const FIRST_POWER: i32 = 2;
const LAST_POWER: i32 = 8;

/// Number of stops.
pub fn count() -> usize {
    MANTISSAS.len() * (LAST_POWER - FIRST_POWER) as usize + 1
}

/// The volume at stop `i` (clamped to the last stop).
pub fn volume_at(i: usize) -> f64 {
    let i = i.min(count() - 1);
    let power = FIRST_POWER + (i / MANTISSAS.len()) as i32;
    MANTISSAS[i % MANTISSAS.len()] * 10f64.powi(power)
}

/// The stop nearest to `volume` on a logarithmic scale (a typed volume
/// between stops places the slider at the nearer one).
pub fn nearest(volume: f64) -> usize {
    if !(volume.is_finite() && volume > 0.0) {
        return 0;
    }
    (0..count())
        .min_by(|a, b| {
            let d = |i: usize| (volume_at(i).ln() - volume.ln()).abs();
            d(*a).total_cmp(&d(*b))
        })
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stops_are_round_and_evenly_spaced() {
        assert_eq!(volume_at(0), 100.0);
        assert_eq!(volume_at(count() - 1), 100_000_000.0);
        assert_eq!(volume_at(usize::MAX), 100_000_000.0);
        let stops: Vec<f64> = (0..count()).map(volume_at).collect();
        assert!(stops.contains(&500_000.0) && stops.contains(&1_500.0));
        for w in stops.windows(2) {
            let ratio = w[1] / w[0];
            assert!((1.3..=1.67).contains(&ratio), "{} → {}", w[0], w[1]);
            assert_eq!(w[1], w[1].round(), "round: {}", w[1]);
        }
    }

    #[test]
    fn a_typed_volume_finds_its_nearest_stop() {
        assert_eq!(volume_at(nearest(500_000.0)), 500_000.0);
        assert_eq!(volume_at(nearest(480_000.0)), 500_000.0);
        assert_eq!(volume_at(nearest(115_000.0)), 100_000.0);
        assert_eq!(volume_at(nearest(135_000.0)), 150_000.0);
        assert_eq!(nearest(f64::NAN), 0);
        assert_eq!(nearest(1e15), count() - 1);
    }
}
