//! The mock interview: a few questions drawn at random, answered in the
//! user's own words, then marked against the key points.
//!
//! # The rule
//! [`draw`] picks `count` distinct questions among those the filter keeps,
//! uniformly, from a seed (the same seed and bank give the same
//! interview). [`mark`] is the share of key points the user ticked.
//!
//! Architecture invariant: pure; the seed is passed in.

use super::question_bank::{Bank, Question};

/// How many questions an interview asks, by default.
pub const DEFAULT_COUNT: usize = 5;

/// `count` distinct question ids drawn from those `filter` keeps.
pub fn draw(
    bank: &Bank,
    count: usize,
    seed: u64,
    filter: impl Fn(&Question) -> bool,
) -> Vec<String> {
    let mut ids: Vec<&str> = bank
        .questions
        .iter()
        .filter(|q| filter(q))
        .map(|q| q.id.as_str())
        .collect();
    let mut rng = fastrand::Rng::with_seed(seed);
    rng.shuffle(&mut ids);
    ids.into_iter().take(count).map(str::to_string).collect()
}

/// Ticked key points out of all, as a whole percentage (0 when there are none).
pub fn mark(ticked: &[bool]) -> u32 {
    if ticked.is_empty() {
        return 0;
    }
    let n = ticked.iter().filter(|t| **t).count();
    ((n * 100 + ticked.len() / 2) / ticked.len()) as u32
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::practice::question_bank::{Topic, parse};

    fn bank() -> Bank {
        parse(include_str!("../../../data/questions.json")).unwrap()
    }

    #[test]
    fn draws_are_distinct_seeded_and_filtered() {
        let bank = bank();
        let a = draw(&bank, 5, 42, |_| true);
        assert_eq!(a.len(), 5);
        let mut unique = a.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), 5);
        assert_eq!(a, draw(&bank, 5, 42, |_| true));
        assert_ne!(a, draw(&bank, 5, 43, |_| true));
        let costs = draw(&bank, 100, 7, |q| q.topic() == Topic::Costs);
        assert!(
            costs
                .iter()
                .all(|id| bank.get(id).unwrap().topic() == Topic::Costs)
        );
        assert!(draw(&bank, 5, 1, |_| false).is_empty());
    }

    #[test]
    fn marks_are_shares_of_ticked_points() {
        assert_eq!(mark(&[]), 0);
        assert_eq!(mark(&[true, false, true, true]), 75);
        assert_eq!(mark(&[true, false, false]), 33);
        assert_eq!(mark(&[true, true]), 100);
    }
}
