//! When a flashcard is next due: FSRS, through the `rs-fsrs` crate.
//!
//! # The rule
//! Scheduling is FSRS-5 with its default weights, a requested retention of
//! 90 %, a maximum interval of 36,500 days, short-term (minute) steps on
//! and no fuzz, so the same ratings at the same times always give the same
//! dates. A new card rated Again is due in 1 minute, Hard in 5, Good in
//! 10; Easy sends it to review in 15 days (`round(w₃ = 15.47)`).
//!
//! `rs-fsrs` reads the clock in `Card::new()` and in its default
//! parameters (the fuzz seed); tunewise calls neither: the time is passed
//! in as milliseconds since the Unix epoch, and [`parameters`] spells
//! every field out.
//!
//! [`CardState`] is tunewise's own stored form of a card (stable field
//! names, times in milliseconds), so saved progress never depends on the
//! crate's serialisation. Any stored numbers are sanitised before they
//! reach the scheduler: a damaged card is treated as new, never a panic or
//! a NaN date.
//!
//! Architecture invariant: pure; the caller passes "now".

use chrono::{DateTime, Utc};
use rs_fsrs::{Card, FSRS, Parameters, Seed, State};
use serde::{Deserialize, Serialize};

/// FSRS-5's default weights (the values of `rs-fsrs` 1.2's defaults; a test
/// checks they still agree).
pub const WEIGHTS: [f64; 19] = [
    0.4072, 1.1829, 3.1262, 15.4722, 7.2102, 0.5316, 1.0651, 0.0234, 1.616, 0.1544, 1.0824, 1.9813,
    0.0953, 0.2975, 2.2042, 0.2407, 2.9466, 0.5034, 0.6567,
];

/// A milliseconds-since-epoch time in the range tunewise accepts
/// (1970 to 9999), so every date converts.
pub const MAX_TIME_MS: i64 = 253_402_300_799_000;

/// How the user rated their recall.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Rating {
    Again,
    Hard,
    Good,
    Easy,
}

impl Rating {
    /// The four ratings, in key order (1 to 4).
    pub const ALL: [Rating; 4] = [Rating::Again, Rating::Hard, Rating::Good, Rating::Easy];

    /// The button's label.
    pub fn label(self) -> &'static str {
        match self {
            Rating::Again => "Again",
            Rating::Hard => "Hard",
            Rating::Good => "Good",
            Rating::Easy => "Easy",
        }
    }

    /// The keyboard key (1 to 4).
    pub fn key(self) -> char {
        match self {
            Rating::Again => '1',
            Rating::Hard => '2',
            Rating::Good => '3',
            Rating::Easy => '4',
        }
    }

    /// The rating of a key, if it is one.
    pub fn from_key(key: &str) -> Option<Rating> {
        Rating::ALL
            .into_iter()
            .find(|r| key.len() == 1 && key.starts_with(r.key()))
    }

    fn to_fsrs(self) -> rs_fsrs::Rating {
        match self {
            Rating::Again => rs_fsrs::Rating::Again,
            Rating::Hard => rs_fsrs::Rating::Hard,
            Rating::Good => rs_fsrs::Rating::Good,
            Rating::Easy => rs_fsrs::Rating::Easy,
        }
    }
}

/// Where a card is in FSRS's cycle.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Phase {
    New,
    Learning,
    Review,
    Relearning,
}

/// One card's scheduling state, as stored.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CardState {
    /// When it is next due, ms since the epoch.
    pub due: i64,
    pub stability: f64,
    pub difficulty: f64,
    pub elapsed_days: i64,
    pub scheduled_days: i64,
    pub reps: i32,
    pub lapses: i32,
    pub phase: Phase,
    /// When it was last rated, ms since the epoch.
    pub last_review: i64,
}

impl CardState {
    /// Whether the stored numbers are ones FSRS can have produced.
    pub fn is_sane(&self) -> bool {
        let time = |t: i64| (0..=MAX_TIME_MS).contains(&t);
        time(self.due)
            && time(self.last_review)
            && self.stability.is_finite()
            && (0.0..=1.0e6).contains(&self.stability)
            && self.difficulty.is_finite()
            && (0.0..=10.0).contains(&self.difficulty)
            && (0..=1_000_000).contains(&self.elapsed_days)
            && (0..=1_000_000).contains(&self.scheduled_days)
            && (0..=1_000_000).contains(&self.reps)
            && (0..=1_000_000).contains(&self.lapses)
            && (self.phase == Phase::New || self.stability > 0.0)
    }
}

/// The FSRS parameters tunewise schedules with, every field explicit (no
/// clock-seeded default).
pub fn parameters() -> Parameters {
    Parameters {
        request_retention: 0.9,
        maximum_interval: 36_500,
        w: WEIGHTS,
        decay: Parameters::DECAY,
        factor: Parameters::FACTOR,
        enable_short_term: true,
        enable_fuzz: false,
        seed: Seed::String("tunewise".to_string()),
    }
}

fn time(ms: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_millis(ms.clamp(0, MAX_TIME_MS)).unwrap_or_default()
}

fn new_card(now: DateTime<Utc>) -> Card {
    Card {
        due: now,
        last_review: now,
        ..Card::default()
    }
}

fn to_card(s: &CardState) -> Card {
    Card {
        due: time(s.due),
        stability: s.stability,
        difficulty: s.difficulty,
        elapsed_days: s.elapsed_days,
        scheduled_days: s.scheduled_days,
        reps: s.reps,
        lapses: s.lapses,
        state: match s.phase {
            Phase::New => State::New,
            Phase::Learning => State::Learning,
            Phase::Review => State::Review,
            Phase::Relearning => State::Relearning,
        },
        last_review: time(s.last_review),
    }
}

fn from_card(c: &Card) -> CardState {
    CardState {
        due: c.due.timestamp_millis(),
        stability: c.stability,
        difficulty: c.difficulty,
        elapsed_days: c.elapsed_days,
        scheduled_days: c.scheduled_days,
        reps: c.reps,
        lapses: c.lapses,
        phase: match c.state {
            State::New => Phase::New,
            State::Learning => Phase::Learning,
            State::Review => Phase::Review,
            State::Relearning => Phase::Relearning,
        },
        last_review: c.last_review.timestamp_millis(),
    }
}

/// The card after rating it `rating` at `now_ms`: `None` is a card never
/// rated, and so is a stored card that is not sane. A `now_ms` before the
/// last review is read as the last review (clocks can move back).
pub fn rate(card: Option<&CardState>, rating: Rating, now_ms: i64) -> CardState {
    let card = card.filter(|c| c.is_sane());
    let now_ms = now_ms.clamp(card.map_or(0, |c| c.last_review), MAX_TIME_MS);
    let now = time(now_ms);
    let current = card.map_or_else(|| new_card(now), to_card);
    let next = FSRS::new(parameters()).next(current, now, rating.to_fsrs());
    let mut out = from_card(&next.card);
    if !out.is_sane() {
        // Only reachable from extreme stored values: start the card again.
        out = from_card(
            &FSRS::new(parameters())
                .next(new_card(now), now, rating.to_fsrs())
                .card,
        );
    }
    out.due = out.due.clamp(now_ms, MAX_TIME_MS);
    out
}

/// The interval `rating` would give, in words ("10 min", "15 days"), for
/// the buttons' hints.
pub fn interval_words(card: Option<&CardState>, rating: Rating, now_ms: i64) -> String {
    let next = rate(card, rating, now_ms);
    duration_words((next.due - now_ms.clamp(0, MAX_TIME_MS)).max(0) as f64 / 60_000.0)
}

/// A span of `minutes` in words: "10 min" (at least 1) below an hour,
/// "3 h" below a day, else "1 day" or "15 days" (each rounded).
pub fn duration_words(minutes: f64) -> String {
    if minutes < 60.0 {
        format!("{} min", minutes.round().max(1.0))
    } else if minutes < 60.0 * 24.0 {
        format!("{} h", (minutes / 60.0).round())
    } else {
        let days = (minutes / 1440.0).round();
        if days == 1.0 {
            "1 day".to_string()
        } else {
            format!("{days} days")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// 2026-12-01T09:00:00Z.
    const NOW: i64 = 1_796_115_600_000;
    const MINUTE: i64 = 60_000;
    const DAY: i64 = 86_400_000;

    #[test]
    fn the_weights_are_the_crates_defaults() {
        assert_eq!(WEIGHTS, Parameters::default().w);
    }

    #[test]
    fn a_new_card_follows_the_fsrs_defaults() {
        assert_eq!(rate(None, Rating::Again, NOW).due, NOW + MINUTE);
        assert_eq!(rate(None, Rating::Hard, NOW).due, NOW + 5 * MINUTE);
        let good = rate(None, Rating::Good, NOW);
        assert_eq!(good.due, NOW + 10 * MINUTE);
        assert_eq!(good.phase, Phase::Learning);
        let easy = rate(None, Rating::Easy, NOW);
        assert_eq!(easy.due, NOW + 15 * DAY);
        assert_eq!(easy.phase, Phase::Review);
        assert_eq!(easy.scheduled_days, 15);
        assert_eq!(interval_words(None, Rating::Good, NOW), "10 min");
        assert_eq!(interval_words(None, Rating::Easy, NOW), "15 days");
    }

    #[test]
    fn good_then_good_graduates_to_days() {
        let first = rate(None, Rating::Good, NOW);
        let second = rate(Some(&first), Rating::Good, first.due);
        assert_eq!(second.phase, Phase::Review);
        assert!(
            second.due >= first.due + DAY,
            "{}",
            (second.due - first.due) / DAY
        );
        // Forgetting a review card sends it back to relearning within minutes.
        let later = rate(Some(&second), Rating::Again, second.due);
        assert_eq!(later.phase, Phase::Relearning);
        assert_eq!(later.lapses, 1);
        assert!(later.due < second.due + DAY);
    }

    #[test]
    fn damaged_cards_start_again_and_clocks_moving_back_are_absorbed() {
        let mut bad = rate(None, Rating::Good, NOW);
        bad.stability = f64::NAN;
        assert_eq!(
            rate(Some(&bad), Rating::Good, NOW),
            rate(None, Rating::Good, NOW)
        );
        let card = rate(None, Rating::Good, NOW);
        let back = rate(Some(&card), Rating::Good, NOW - DAY);
        assert!(back.due >= NOW);
    }

    proptest! {
        #[test]
        fn no_stored_card_or_time_panics(
            due in any::<i64>(), last in any::<i64>(), s in any::<f64>(), d in any::<f64>(),
            e in any::<i64>(), sd in any::<i64>(), reps in any::<i32>(), lapses in any::<i32>(),
            phase in 0..4u8, rating in 0..4usize, now in any::<i64>(),
        ) {
            let phase = [Phase::New, Phase::Learning, Phase::Review, Phase::Relearning][phase as usize];
            let card = CardState { due, stability: s, difficulty: d, elapsed_days: e, scheduled_days: sd, reps, lapses, phase, last_review: last };
            let next = rate(Some(&card), Rating::ALL[rating], now);
            prop_assert!(next.is_sane(), "{next:?}");
            let _ = interval_words(Some(&card), Rating::ALL[rating], now);
        }
    }
}
