//! Which flashcards to show now, within the daily limits.
//!
//! # The rule
//! - **Learning steps**: cards in their (re)learning steps whose due time
//!   is at or before now, earliest first; no limit applies to them.
//! - **Due reviews**: cards in the review phase due at or before now,
//!   earliest due first, as many as the day's review limit leaves
//!   (`reviews_per_day` minus the reviews already rated on the user's
//!   day); the others are counted as held back.
//! - **New cards**: questions never rated, in the bank's order, as many as
//!   the day's new-card limit leaves (`new_per_day` minus the new cards
//!   rated on that day).
//! - The queue shows the learning steps, then the due reviews, then the new
//!   cards.
//! - **Review anyway** ([`ahead`]): every card of the filter, ignoring the
//!   limits: the ones due soonest first, then the new cards, and last the
//!   cards rated in the past [`RECENT_MS`] (so a card just rated does not
//!   come straight back); ratings made this way count like any other.
//!
//! Architecture invariant: pure; "now" and the user's day are passed in.

use super::flashcard_schedule::Phase;
use super::progress::Progress;

/// How recent a rating must be for "review anyway" to put its card last.
pub const RECENT_MS: i64 = 10 * 60_000;
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
    /// Due reviews left out because the day's review limit is reached.
    pub held_back: u32,
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
    let mut steps: Vec<(i64, &str)> = Vec::new();
    let mut due: Vec<(i64, &str)> = Vec::new();
    let mut fresh: Vec<&str> = Vec::new();
    let mut next_due: Option<i64> = None;
    for q in bank.questions.iter().filter(|q| filter(q)) {
        match progress.card(&q.id) {
            Some(c) if c.due <= now_ms && c.phase == Phase::Review => due.push((c.due, &q.id)),
            Some(c) if c.due <= now_ms => steps.push((c.due, &q.id)),
            Some(c) => next_due = Some(next_due.map_or(c.due, |n| n.min(c.due))),
            None => fresh.push(&q.id),
        }
    }
    steps.sort();
    due.sort();
    let held_back = due.len().saturating_sub(reviews_left as usize) as u32;
    let mut ids: Vec<String> = steps.iter().map(|(_, id)| id.to_string()).collect();
    ids.extend(
        due.iter()
            .take(reviews_left as usize)
            .map(|(_, id)| id.to_string()),
    );
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
        held_back,
    }
}

/// "Review anyway": every card of `filter`, the limits lifted: the ones
/// due soonest first, then the new cards, then the cards rated in the past
/// [`RECENT_MS`].
pub fn ahead(
    bank: &Bank,
    progress: &Progress,
    now_ms: i64,
    filter: impl Fn(&Question) -> bool,
) -> Vec<String> {
    let mut seen: Vec<(i64, &str)> = Vec::new();
    let mut recent: Vec<(i64, &str)> = Vec::new();
    let mut fresh: Vec<&str> = Vec::new();
    for q in bank.questions.iter().filter(|q| filter(q)) {
        match progress.card(&q.id) {
            Some(c) if now_ms.saturating_sub(c.last_review) < RECENT_MS => {
                recent.push((c.due, &q.id))
            }
            Some(c) => seen.push((c.due, &q.id)),
            None => fresh.push(&q.id),
        }
    }
    seen.sort();
    recent.sort();
    let ids = |v: &[(i64, &str)]| v.iter().map(|(_, id)| id.to_string()).collect::<Vec<_>>();
    let mut out = ids(&seen);
    out.extend(fresh.iter().map(|id| id.to_string()));
    out.extend(ids(&recent));
    out
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
    fn the_review_limit_holds_learning_steps_are_free_and_review_anyway_lifts_it() {
        let bank = bank();
        let mut p = Progress::default();
        p.limits.new_per_day = 3;
        p.limits.reviews_per_day = 1;
        let ids: Vec<String> = bank
            .questions
            .iter()
            .take(3)
            .map(|q| q.id.clone())
            .collect();
        // Two cards go to review (Easy: 15 days), one stays in its steps.
        p.rate(&ids[0], Rating::Easy, NOW, DAY);
        p.rate(&ids[1], Rating::Easy, NOW + 1, DAY);
        p.rate(&ids[2], Rating::Again, NOW, DAY);
        // Learning steps are shown whatever the review limit.
        let q = due_now(&bank, &p, NOW + 5 * MINUTE, DAY, |_| true);
        assert_eq!(q.ids, vec![ids[2].clone()]);
        p.rate(&ids[2], Rating::Good, NOW + 5 * MINUTE, DAY);
        assert_eq!(p.counts_on(DAY), (3, 0), "a learning step is not a review");
        // Sixteen days later the three cards are in review and due; the
        // limit lets the earliest due through and holds the others back.
        let later = NOW + 16 * 86_400_000;
        let mut by_due: Vec<(i64, String)> = ids
            .iter()
            .map(|id| (p.card(id).unwrap().due, id.clone()))
            .collect();
        by_due.sort();
        let q = due_now(&bank, &p, later, "2026-12-17", |_| true);
        assert_eq!(q.ids[0], by_due[0].1);
        assert_eq!(q.held_back, 2);
        assert!(!q.ids.contains(&by_due[1].1) && !q.ids.contains(&by_due[2].1));
        p.rate(&by_due[0].1, Rating::Good, later, "2026-12-17");
        let q = due_now(&bank, &p, later, "2026-12-17", |_| true);
        assert!(!q.ids.contains(&by_due[1].1) && q.held_back == 2 && q.reviews_left == 0);
        // Review anyway: the held-back cards first, the one just rated last.
        let anyway = ahead(&bank, &p, later, |_| true);
        assert_eq!(anyway.len(), bank.questions.len());
        assert_eq!(anyway[0], by_due[1].1);
        assert_eq!(anyway.last(), Some(&by_due[0].1));
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
