//! The learner's progress: per question (its flashcard, quiz and interview
//! marks), the review log, exercise tallies and daily limits; stored in
//! local storage and exported or imported as one JSON file.
//!
//! # The file
//! `{"format":"tunewise-practice","version":1,"questions":{id: …},"log":[…],
//! "exercises":{kind: …},"limits":{…}}`. [`Progress::from_json`] is the only
//! way in, for storage and imports alike: it refuses anything that is not
//! such a file (another app's JSON, a newer version, damaged numbers, more
//! than [`MAX_IMPORT_BYTES`]) with a message, and never returns a partly
//! read file, so an import either replaces the progress whole or changes
//! nothing.
//!
//! # The log and undo
//! Every rating appends a [`Review`] holding the card as it was before, so
//! [`Progress::undo_last`] restores exactly that. The log keeps the last
//! [`MAX_LOG`] reviews; the counts of today's reviews read it.
//!
//! Architecture invariant: pure; "now" and the user's day are passed in.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::flashcard_schedule::{self, CardState, Rating};
use super::question_bank::{Bank, Topic, is_id};

/// The `format` field of a progress file.
pub const FORMAT: &str = "tunewise-practice";
/// The version this build writes and reads.
pub const VERSION: u32 = 1;
/// Reviews kept in the log (the oldest are dropped first).
pub const MAX_LOG: usize = 2_000;
/// The largest progress file read (2 MB: far above any real one).
pub const MAX_IMPORT_BYTES: usize = 2_000_000;
/// Questions tracked at most (the bank has a few hundred at most).
pub const MAX_QUESTIONS: usize = 5_000;

/// Right and wrong answers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    pub right: u32,
    pub wrong: u32,
}

impl Tally {
    fn add(&mut self, right: bool) {
        if right {
            self.right = self.right.saturating_add(1);
        } else {
            self.wrong = self.wrong.saturating_add(1);
        }
    }
}

/// The last mock-interview mark of a question: key points ticked of all.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InterviewMark {
    pub ticked: u32,
    pub of: u32,
}

/// Everything known about one question.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct QuestionProgress {
    /// Its flashcard; `None` until first rated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card: Option<CardState>,
    #[serde(default)]
    pub quiz: Tally,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interview: Option<InterviewMark>,
}

/// One rating of a flashcard.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Review {
    pub id: String,
    pub rating: Rating,
    /// When, ms since the epoch.
    pub at: i64,
    /// The user's local day, `YYYY-MM-DD`.
    pub day: String,
    /// The card before this rating (`None`: it was new).
    pub before: Option<CardState>,
}

/// How many cards a day brings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DailyLimits {
    /// New cards introduced per day.
    pub new_per_day: u32,
    /// Ratings of cards already seen, per day.
    pub reviews_per_day: u32,
}

impl DailyLimits {
    /// The largest accepted limit.
    pub const MAX: u32 = 9_999;
}

impl Default for DailyLimits {
    fn default() -> Self {
        DailyLimits {
            new_per_day: 10,
            reviews_per_day: 100,
        }
    }
}

/// The learner's progress, as stored and exported.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    pub format: String,
    pub version: u32,
    #[serde(default)]
    pub questions: BTreeMap<String, QuestionProgress>,
    #[serde(default)]
    pub log: Vec<Review>,
    /// Generated exercises answered, by exercise kind id.
    #[serde(default)]
    pub exercises: BTreeMap<String, Tally>,
    #[serde(default)]
    pub limits: DailyLimits,
}

impl Default for Progress {
    fn default() -> Self {
        Progress {
            format: FORMAT.to_string(),
            version: VERSION,
            questions: BTreeMap::new(),
            log: Vec::new(),
            exercises: BTreeMap::new(),
            limits: DailyLimits::default(),
        }
    }
}

/// A day as `YYYY-MM-DD` that exists.
fn is_day(d: &str) -> bool {
    d.len() == 10 && crate::core::dates::day_number(d).is_some()
}

impl Progress {
    /// The file's text (indented, for people who open it).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Reads a progress file, whole or not at all; the message says what
    /// is wrong and that nothing was changed.
    pub fn from_json(text: &str) -> Result<Progress, String> {
        const KEPT: &str = "Nothing was changed.";
        if text.len() > MAX_IMPORT_BYTES {
            return Err(format!(
                "This file is {} bytes; a tunewise progress file is at most {MAX_IMPORT_BYTES}. {KEPT}",
                text.len()
            ));
        }
        let text = text.trim_start_matches('\u{feff}');
        // Read in two typed passes, never through a JSON tree: the header
        // first (so a foreign or newer file gets its own message), then the
        // whole file.
        serde_json::from_str::<serde::de::IgnoredAny>(text)
            .map_err(|e| format!("This is not a JSON file ({e}). {KEPT}"))?;
        #[derive(Deserialize)]
        struct Header {
            #[serde(default)]
            format: Option<String>,
            #[serde(default)]
            version: Option<u64>,
        }
        let not_ours = || {
            format!(
                "This JSON is not a tunewise practice progress file (no \"format\": \"{FORMAT}\"). {KEPT}"
            )
        };
        let header: Header = serde_json::from_str(text).map_err(|_| not_ours())?;
        if header.format.as_deref() != Some(FORMAT) {
            return Err(not_ours());
        }
        match header.version {
            Some(v) if v == VERSION as u64 => {}
            Some(v) if v > VERSION as u64 => {
                return Err(format!(
                    "This file was written by a newer tunewise (version {v}); this one reads version {VERSION}. {KEPT}"
                ));
            }
            _ => return Err(format!("This progress file has no valid version. {KEPT}")),
        }
        let p: Progress = serde_json::from_str(text)
            .map_err(|e| format!("This progress file is damaged: {e}. {KEPT}"))?;
        p.check()
            .map_err(|e| format!("This progress file is damaged: {e}. {KEPT}"))?;
        Ok(p)
    }

    fn check(&self) -> Result<(), String> {
        if self.questions.len() > MAX_QUESTIONS {
            return Err(format!(
                "it tracks {} questions (at most {MAX_QUESTIONS})",
                self.questions.len()
            ));
        }
        if self.log.len() > MAX_LOG {
            return Err(format!(
                "its log has {} reviews (at most {MAX_LOG})",
                self.log.len()
            ));
        }
        for (id, q) in &self.questions {
            if !is_id(id) {
                return Err("a question id is not a tunewise id".to_string());
            }
            if q.card.as_ref().is_some_and(|c| !c.is_sane()) {
                return Err(format!("the flashcard of \"{id}\" has impossible numbers"));
            }
            if q.interview.is_some_and(|m| m.ticked > m.of || m.of > 50) {
                return Err(format!("the interview mark of \"{id}\" is impossible"));
            }
        }
        for (i, r) in self.log.iter().enumerate() {
            let sane_time = (0..=flashcard_schedule::MAX_TIME_MS).contains(&r.at);
            if !is_id(&r.id)
                || !is_day(&r.day)
                || !sane_time
                || r.before.as_ref().is_some_and(|c| !c.is_sane())
            {
                return Err(format!("review {} of the log is not a valid review", i + 1));
            }
        }
        const MAX_TALLY: u32 = 1_000_000_000;
        let huge = |t: &Tally| t.right > MAX_TALLY || t.wrong > MAX_TALLY;
        if self.questions.values().any(|q| huge(&q.quiz)) || self.exercises.values().any(huge) {
            return Err("a tally is impossibly large".to_string());
        }
        if self.exercises.len() > 64 || self.exercises.keys().any(|k| !is_id(k)) {
            return Err("its exercise tallies are not tunewise's".to_string());
        }
        if self.limits.new_per_day > DailyLimits::MAX
            || self.limits.reviews_per_day > DailyLimits::MAX
        {
            return Err(format!("a daily limit is above {}", DailyLimits::MAX));
        }
        Ok(())
    }

    /// The flashcard of `id`, if it was ever rated.
    pub fn card(&self, id: &str) -> Option<&CardState> {
        self.questions.get(id).and_then(|q| q.card.as_ref())
    }

    /// Rates `id`'s flashcard at `now_ms` on the user's `day` and logs it.
    pub fn rate(&mut self, id: &str, rating: Rating, now_ms: i64, day: &str) {
        if !is_id(id) {
            return;
        }
        let before = self.card(id).cloned();
        let after = flashcard_schedule::rate(before.as_ref(), rating, now_ms);
        self.questions.entry(id.to_string()).or_default().card = Some(after);
        let day = if is_day(day) {
            day.to_string()
        } else {
            "1970-01-01".to_string()
        };
        let at = now_ms.clamp(0, flashcard_schedule::MAX_TIME_MS);
        self.log.push(Review {
            id: id.to_string(),
            rating,
            at,
            day,
            before,
        });
        if self.log.len() > MAX_LOG {
            let extra = self.log.len() - MAX_LOG;
            self.log.drain(..extra);
        }
    }

    /// Takes back the last rating: the card is as it was before it. Returns
    /// the id of the card, to show it again; `None` when the log is empty.
    pub fn undo_last(&mut self) -> Option<String> {
        let last = self.log.pop()?;
        let entry = self.questions.entry(last.id.clone()).or_default();
        entry.card = last.before;
        Some(last.id)
    }

    /// The last rating, if any (what Undo would take back).
    pub fn last_review(&self) -> Option<&Review> {
        self.log.last()
    }

    /// Ratings on `day`: (new cards introduced, reviews of cards in the
    /// review phase). Ratings of cards still in their (re)learning steps
    /// count as neither.
    pub fn counts_on(&self, day: &str) -> (u32, u32) {
        let mut new = 0;
        let mut seen = 0;
        for r in self
            .log
            .iter()
            .rev()
            .take_while(|r| r.day.as_str() >= day)
            .filter(|r| r.day == day)
        {
            match &r.before {
                None => new += 1,
                Some(c) if c.phase == flashcard_schedule::Phase::Review => seen += 1,
                // Learning steps of a card are not reviews: they never
                // use up the day's review limit.
                Some(_) => {}
            }
        }
        (new, seen)
    }

    /// Records a quiz answer.
    pub fn record_quiz(&mut self, id: &str, right: bool) {
        if is_id(id) && (self.questions.contains_key(id) || self.questions.len() < MAX_QUESTIONS) {
            self.questions
                .entry(id.to_string())
                .or_default()
                .quiz
                .add(right);
        }
    }

    /// Records a mock-interview self-mark.
    pub fn record_interview(&mut self, id: &str, ticked: u32, of: u32) {
        if is_id(id)
            && of <= 50
            && (self.questions.contains_key(id) || self.questions.len() < MAX_QUESTIONS)
        {
            self.questions.entry(id.to_string()).or_default().interview = Some(InterviewMark {
                ticked: ticked.min(of),
                of,
            });
        }
    }

    /// Records a generated exercise's answer, by its kind id.
    pub fn record_exercise(&mut self, kind: &str, right: bool) {
        if is_id(kind) && (self.exercises.contains_key(kind) || self.exercises.len() < 64) {
            self.exercises
                .entry(kind.to_string())
                .or_default()
                .add(right);
        }
    }

    /// Progress by topic, over the questions of `bank` (their main topic).
    pub fn by_topic(&self, bank: &Bank, now_ms: i64) -> Vec<TopicProgress> {
        Topic::ALL
            .into_iter()
            .map(|topic| {
                let mut t = TopicProgress {
                    topic,
                    ..TopicProgress::default()
                };
                for q in bank.questions.iter().filter(|q| q.topic() == topic) {
                    t.questions += 1;
                    if let Some(p) = self.questions.get(&q.id) {
                        if let Some(c) = &p.card {
                            t.studied += 1;
                            if c.due <= now_ms {
                                t.due += 1;
                            }
                        }
                        t.quiz.right = t.quiz.right.saturating_add(p.quiz.right);
                        t.quiz.wrong = t.quiz.wrong.saturating_add(p.quiz.wrong);
                    }
                }
                t
            })
            .collect()
    }
}

/// The overview's figures, read from the progress alone (no bank needed).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Overview {
    /// Questions whose flashcard was ever rated.
    pub studied: u32,
    /// Of those, due at the time asked.
    pub due: u32,
    /// New cards and reviews rated on the day asked.
    pub new_today: u32,
    pub reviews_today: u32,
    /// Quiz answers, all time.
    pub quiz: Tally,
    /// Exercise answers, all time.
    pub exercises: Tally,
}

impl Progress {
    /// The overview at `now_ms` on the user's `day`.
    pub fn overview(&self, now_ms: i64, day: &str) -> Overview {
        let (new_today, reviews_today) = self.counts_on(day);
        let mut o = Overview {
            new_today,
            reviews_today,
            ..Overview::default()
        };
        for q in self.questions.values() {
            if let Some(c) = &q.card {
                o.studied += 1;
                if c.due <= now_ms {
                    o.due += 1;
                }
            }
            o.quiz.right = o.quiz.right.saturating_add(q.quiz.right);
            o.quiz.wrong = o.quiz.wrong.saturating_add(q.quiz.wrong);
        }
        for t in self.exercises.values() {
            o.exercises.right = o.exercises.right.saturating_add(t.right);
            o.exercises.wrong = o.exercises.wrong.saturating_add(t.wrong);
        }
        o
    }
}

/// One topic's progress.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TopicProgress {
    pub topic: Topic,
    /// Questions in the bank.
    pub questions: u32,
    /// Questions whose flashcard was rated.
    pub studied: u32,
    /// Of those, due now.
    pub due: u32,
    pub quiz: Tally,
}

impl Default for TopicProgress {
    fn default() -> Self {
        TopicProgress {
            topic: Topic::WhenToTrain,
            questions: 0,
            studied: 0,
            due: 0,
            quiz: Tally::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const NOW: i64 = 1_796_115_600_000;
    const DAY: &str = "2026-12-01";

    fn sample() -> Progress {
        let mut p = Progress::default();
        p.rate("costs-break-even", Rating::Good, NOW, DAY);
        p.rate("costs-break-even", Rating::Good, NOW + 600_000, DAY);
        p.rate("data-how-many", Rating::Easy, NOW, DAY);
        p.record_quiz("data-how-many", true);
        p.record_quiz("data-how-many", false);
        p.record_interview("costs-break-even", 3, 4);
        p.record_exercise("break-even-volume", true);
        p
    }

    #[test]
    fn export_then_import_gives_the_same_progress() {
        let p = sample();
        assert_eq!(Progress::from_json(&p.to_json()), Ok(p));
    }

    #[test]
    fn undo_restores_the_card_as_it_was() {
        let mut p = Progress::default();
        p.rate("a", Rating::Good, NOW, DAY);
        let first = p.card("a").cloned();
        p.rate("a", Rating::Easy, NOW + 600_000, DAY);
        assert_ne!(p.card("a").cloned(), first);
        assert_eq!(p.undo_last().as_deref(), Some("a"));
        assert_eq!(p.card("a").cloned(), first);
        assert_eq!(p.undo_last().as_deref(), Some("a"));
        assert_eq!(p.card("a"), None);
        assert_eq!(p.undo_last(), None);
    }

    #[test]
    fn todays_counts_split_new_cards_from_reviews() {
        let p = sample();
        // The second rating of "costs-break-even" was a learning step.
        assert_eq!(p.counts_on(DAY), (2, 0));
        let mut q = Progress::default();
        q.rate("a", Rating::Easy, NOW, DAY);
        q.rate("a", Rating::Good, NOW + 15 * 86_400_000, "2026-12-16");
        assert_eq!(q.counts_on("2026-12-16"), (0, 1));
        assert_eq!(p.counts_on("2026-12-02"), (0, 0));
    }

    #[test]
    fn the_overview_counts_cards_due_and_answers() {
        let p = sample();
        let o = p.overview(NOW, DAY);
        assert_eq!(
            (o.studied, o.due, o.new_today, o.reviews_today),
            (2, 0, 2, 0)
        );
        assert_eq!(
            (o.quiz, o.exercises),
            (Tally { right: 1, wrong: 1 }, Tally { right: 1, wrong: 0 })
        );
        // A month later both cards are due.
        assert_eq!(p.overview(NOW + 30 * 86_400_000, "2026-12-31").due, 2);
    }

    #[test]
    fn the_log_is_bounded() {
        let mut p = Progress::default();
        for i in 0..(MAX_LOG + 10) {
            p.rate("a", Rating::Good, NOW + i as i64 * 1000, DAY);
        }
        assert_eq!(p.log.len(), MAX_LOG);
    }

    #[test]
    fn damaged_and_foreign_files_are_refused_with_a_message() {
        let good = sample().to_json();
        let cases: Vec<(String, &str)> = vec![
            ("".into(), "not a JSON file"),
            ("{".into(), "not a JSON file"),
            ("[1,2]".into(), "not a tunewise practice progress file"),
            (
                "{\"messages\":[]}".into(),
                "not a tunewise practice progress file",
            ),
            (
                good.replace("\"version\": 1", "\"version\": 7"),
                "newer tunewise",
            ),
            (
                good.replace("\"version\": 1", "\"version\": \"1\""),
                "not a tunewise practice progress file",
            ),
            (
                good.replace("\"version\": 1", "\"version\": 0"),
                "no valid version",
            ),
            (
                good.replace("\"rating\": \"good\"", "\"rating\": \"great\""),
                "damaged",
            ),
            (
                good.replace("\"stability\": ", "\"stability\": -"),
                "impossible numbers",
            ),
            (
                good.replace("\"day\": \"2026-12-01\"", "\"day\": \"2026-13-01\""),
                "not a valid review",
            ),
            (
                good.replace("\"ticked\": 3", "\"ticked\": 9"),
                "interview mark",
            ),
            (
                good.replace("\"new_per_day\": 10", "\"new_per_day\": 100000"),
                "daily limit",
            ),
            (
                format!("{}{}", good, " ".repeat(MAX_IMPORT_BYTES)),
                "at most",
            ),
        ];
        for (text, why) in cases {
            let e = Progress::from_json(&text).unwrap_err();
            assert!(
                e.contains(why) && e.ends_with("Nothing was changed."),
                "{why}: {e}"
            );
        }
    }

    #[test]
    fn a_byte_order_mark_is_accepted() {
        let p = sample();
        assert_eq!(
            Progress::from_json(&format!("\u{feff}{}", p.to_json())),
            Ok(p)
        );
    }

    proptest! {
        #[test]
        fn no_text_panics_the_import(s in ".{0,400}") {
            let _ = Progress::from_json(&s);
        }

        #[test]
        fn mutated_files_either_load_sanely_or_are_refused(pos in 0usize..2000, byte in any::<u8>()) {
            let mut bytes = sample().to_json().into_bytes();
            let i = pos % bytes.len();
            bytes[i] = byte;
            if let Ok(text) = String::from_utf8(bytes)
                && let Ok(p) = Progress::from_json(&text)
            {
                prop_assert!(p.check().is_ok());
                prop_assert_eq!(Progress::from_json(&p.to_json()), Ok(p));
            }
        }
    }
}
