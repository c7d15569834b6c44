//! A generated exercise as a query string, so it can be shared by link:
//! `ex=break-even-volume&seed=12345`. The kind ([`ExerciseKind::id`]) and
//! the seed are all it takes: [`crate::core::practice::exercise::generate`]
//! draws the same numbers from them everywhere.
//!
//! [`parse`] is total: any text gives `Some` only when it names a known
//! kind (`ex=`) and a seed of decimal digits that fits in a `u64`
//! (`seed=`, up to 18446744073709551615); other keys are ignored, the
//! first `ex` and the first `seed` count, and anything else gives `None`.
//!
//! Architecture invariant: pure functions, no UI imports.

use crate::core::practice::exercise::ExerciseKind;

/// The query for the `kind` exercise drawn from `seed`:
/// `ex=break-even-volume&seed=12345`.
pub fn query(kind: ExerciseKind, seed: u64) -> String {
    form_urlencoded::Serializer::new(String::new())
        .append_pair("ex", kind.id())
        .append_pair("seed", &seed.to_string())
        .finish()
}

/// The kind and seed a query names (a leading `?` is allowed), or `None`
/// when either is missing or not valid. Never panics.
pub fn parse(query: &str) -> Option<(ExerciseKind, u64)> {
    let query = query.strip_prefix('?').unwrap_or(query);
    let mut kind = None;
    let mut seed = None;
    for (key, value) in form_urlencoded::parse(query.as_bytes()) {
        match key.as_ref() {
            "ex" if kind.is_none() => kind = Some(ExerciseKind::from_id(&value)),
            "seed" if seed.is_none() => seed = Some(read_seed(&value)),
            _ => {}
        }
    }
    Some((kind.flatten()?, seed.flatten()?))
}

/// A seed: one or more ASCII digits, at most `u64::MAX`.
fn read_seed(text: &str) -> Option<u64> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_format_is_pinned() {
        assert_eq!(
            query(ExerciseKind::BreakEvenVolume, 12_345),
            "ex=break-even-volume&seed=12345"
        );
        assert_eq!(
            query(ExerciseKind::AbSampleSize, u64::MAX),
            "ex=ab-sample-size&seed=18446744073709551615"
        );
        assert_eq!(
            parse("ex=training-cost&seed=0"),
            Some((ExerciseKind::TrainingCost, 0))
        );
    }

    #[test]
    fn other_keys_are_ignored_and_bad_ones_refused() {
        assert_eq!(
            parse("?v=1&seed=42&foo=bar&ex=break-even-months"),
            Some((ExerciseKind::BreakEvenMonths, 42))
        );
        assert_eq!(
            parse("ex=training-cost&seed=7&ex=ab-sample-size&seed=8"),
            Some((ExerciseKind::TrainingCost, 7))
        );
        for bad in [
            "",
            "?",
            "ex=training-cost",
            "seed=5",
            "ex=nope&seed=5",
            "ex=training-cost&seed=",
            "ex=training-cost&seed=-1",
            "ex=training-cost&seed=+1",
            "ex=training-cost&seed=1.5",
            "ex=training-cost&seed=1e3",
            "ex=training-cost&seed=18446744073709551616",
            "ex=training-cost&seed=99999999999999999999999999",
            "ex=training-cost&seed=%20",
            "ex=Training-Cost&seed=1",
            "ex=nope&seed=5&ex=training-cost",
        ] {
            assert_eq!(parse(bad), None, "{bad}");
        }
        assert_eq!(
            parse("ex=training-cost&seed=18446744073709551615"),
            Some((ExerciseKind::TrainingCost, u64::MAX))
        );
        assert_eq!(
            parse("ex=training%2Dcost&seed=007"),
            Some((ExerciseKind::TrainingCost, 7))
        );
    }

    proptest! {
        #[test]
        fn round_trips(k in 0usize..5, seed in any::<u64>()) {
            let kind = ExerciseKind::ALL[k];
            prop_assert_eq!(parse(&query(kind, seed)), Some((kind, seed)));
            prop_assert_eq!(parse(&format!("?x=1&{}&y=%ZZ", query(kind, seed))), Some((kind, seed)));
        }

        #[test]
        fn any_text_never_panics(text in any::<String>()) {
            if let Some((kind, seed)) = parse(&text) {
                prop_assert_eq!(parse(&query(kind, seed)), Some((kind, seed)));
            }
        }

        #[test]
        fn query_like_text_never_panics(text in "[a-z=&%0-9?+.-]{0,60}") {
            let _ = parse(&text);
        }
    }
}
