//! Which flashcards to show now, within the daily limits.
//!
//! # The rule
//! - **Due reviews**: cards rated before whose due time is at or before
//!   now, earliest due first, as many as the day's review limit leaves
//!   (`reviews_per_day` minus the ratings of seen cards already made on the
//!   user's day).
//! - **New cards**: questions never rated, in the bank's order, as many as
//!   the day's new-card limit leaves (`new_per_day` minus the new cards
//!   rated on that day).
//! - The queue shows the due reviews first, then the new cards.
//! - **Review anyway** ([`ahead`]): when the queue is empty, every card not
//!   in it, the ones due soonest first, then the new cards beyond the
//!   limit; ratings made this way count towards the day like any other.
//!
//! Architecture invariant: pure; "now" and the user's day are passed in.

use super::progress::Progress;
use super::question_bank::{Bank, Question};

/// The cards to show now and what the day leaves.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Queue {
    /// Question ids, in the order to show them.
    pub ids: Vec<String>,
    /// Reviews the limit still allows today.
    pub reviews_left: u32,
    /// New cards the limit still allows today.
    pub new_left: u32,
    /// When the next card not in the queue falls due, if any was seen.
    pub next_due: Option<i64>,
}

/// The queue at `now_ms` on the user's `day`, over the questions `filter`
/// keeps.
pub fn due_now(
    bank: &Bank,
    progress: &Progress,
    now_ms: i64,
    day: &str,
    filter: impl Fn(&Question) -> bool,
) -> Queue {
    let (new_today, seen_today) = progress.counts_on(day);
    let reviews_left = progress.limits.reviews_per_day.saturating_sub(seen_today);
    let new_left = progress.limits.new_per_day.saturating_sub(new_today);
    let mut due: Vec<(i64, &str)> = Vec::new();
    let mut fresh: Vec<&str> = Vec::new();
    let mut next_due: Option<i64> = None;
    for q in bank.questions.iter().filter(|q| filter(q)) {
        match progress.card(&q.id) {
            Some(c) if c.due <= now_ms => due.push((c.due, &q.id)),
            Some(c) => next_due = Some(next_due.map_or(c.due, |n| n.min(c.due))),
            None => fresh.push(&q.id),
        }
    }
    due.sort();
    let mut ids: Vec<String> = due
        .iter()
        .take(reviews_left as usize)
        .map(|(_, id)| id.to_string())
        .collect();
    ids.extend(
        fresh
            .iter()
            .take(new_left as usize)
            .map(|id| id.to_string()),
    );
    Queue {
        ids,
        reviews_left,
        new_left,
        next_due,
    }
}

/// "Review anyway": every card of `filter` not due now, soonest first,
/// then the new cards (the limits do not apply).
pub fn ahead(
    bank: &Bank,
    progress: &Progress,
    now_ms: i64,
    filter: impl Fn(&Question) -> bool,
) -> Vec<String> {
    let mut seen: Vec<(i64, &str)> = Vec::new();
    let mut fresh: Vec<&str> = Vec::new();
    for q in bank.questions.iter().filter(|q| filter(q)) {
        match progress.card(&q.id) {
            Some(c) => seen.push((c.due.max(now_ms), &q.id)),
            None => fresh.push(&q.id),
        }
    }
    seen.sort();
    seen.iter()
        .map(|(_, id)| id.to_string())
        .chain(fresh.iter().map(|id| id.to_string()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::practice::flashcard_schedule::Rating;
    use crate::core::practice::question_bank::parse;

    const NOW: i64 = 1_796_115_600_000;
    const DAY: &str = "2026-12-01";
    const MINUTE: i64 = 60_000;

    fn bank() -> Bank {
        parse(include_str!("../../../data/questions.json")).unwrap()
    }

    #[test]
    fn the_new_card_limit_holds_for_the_day() {
        let bank = bank();
        let mut p = Progress::default();
        p.limits.new_per_day = 3;
        let q = due_now(&bank, &p, NOW, DAY, |_| true);
        assert_eq!(q.ids.len(), 3);
        assert_eq!(q.ids[0], bank.questions[0].id);
        for id in &q.ids {
            p.rate(id, Rating::Good, NOW, DAY);
        }
        // Rated Good, each is due again in 10 minutes; no new card today.
        let q = due_now(&bank, &p, NOW + MINUTE, DAY, |_| true);
        assert_eq!(
            (q.ids.len(), q.new_left, q.next_due),
            (0, 0, Some(NOW + 10 * MINUTE))
        );
        let q = due_now(&bank, &p, NOW + 10 * MINUTE, DAY, |_| true);
        assert_eq!(q.ids.len(), 3);
        // The next day brings new cards again.
        let q = due_now(&bank, &p, NOW + 10 * MINUTE, "2026-12-02", |_| true);
        assert_eq!(q.ids.len(), 6);
    }

    #[test]
    fn the_review_limit_holds_and_review_anyway_lifts_it() {
        let bank = bank();
        let mut p = Progress::default();
        p.limits.new_per_day = 2;
        p.limits.reviews_per_day = 1;
        let ids: Vec<String> = bank
            .questions
            .iter()
            .take(2)
            .map(|q| q.id.clone())
            .collect();
        for id in &ids {
            p.rate(id, Rating::Again, NOW, DAY);
        }
        let later = NOW + 5 * MINUTE;
        let q = due_now(&bank, &p, later, DAY, |_| true);
        assert_eq!(q.ids, vec![ids[0].clone()]);
        p.rate(&ids[0], Rating::Good, later, DAY);
        assert!(due_now(&bank, &p, later, DAY, |_| true).ids.is_empty());
        let anyway = ahead(&bank, &p, later, |_| true);
        assert_eq!(anyway.len(), bank.questions.len());
        assert_eq!(anyway[0], ids[1], "the card due soonest comes first");
    }

    #[test]
    fn a_filter_narrows_both_queues() {
        let bank = bank();
        let p = Progress::default();
        let topic = bank.questions[5].topic();
        let q = due_now(&bank, &p, NOW, DAY, |q| q.topic() == topic);
        assert!(
            q.ids
                .iter()
                .all(|id| bank.get(id).unwrap().topic() == topic)
        );
        assert!(
            ahead(&bank, &p, NOW, |q| q.topic() == topic)
                .iter()
                .all(|id| bank.get(id).unwrap().topic() == topic)
        );
    }
}
