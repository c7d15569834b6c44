//! Which practice mode the address shows: `#/practice?mode=quiz`.
//!
//! The mode is the `mode` key of the practice fragment's query; a shared
//! exercise adds `ex` and `seed` (read by `exercise_link`). Anything
//! unknown shows the flashcards: [`Mode::from_query`] is total.
//!
//! Architecture invariant: pure; stable ids.

/// A practice mode.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mode {
    Flashcards,
    Quiz,
    Interview,
    Exercises,
    Progress,
}

impl Mode {
    /// Every mode, in the page's order.
    pub const ALL: [Mode; 5] = [Mode::Flashcards, Mode::Quiz, Mode::Interview, Mode::Exercises, Mode::Progress];

    /// The stable id in the address.
    pub fn id(self) -> &'static str {
        match self {
            Mode::Flashcards => "cards",
            Mode::Quiz => "quiz",
            Mode::Interview => "interview",
            Mode::Exercises => "exercises",
            Mode::Progress => "progress",
        }
    }

    /// The navigation label.
    pub fn label(self) -> &'static str {
        match self {
            Mode::Flashcards => "Flashcards",
            Mode::Quiz => "Quiz",
            Mode::Interview => "Mock interview",
            Mode::Exercises => "Exercises",
            Mode::Progress => "Progress",
        }
    }

    /// The mode a practice query names; flashcards when none or unknown.
    pub fn from_query(query: &str) -> Mode {
        form_urlencoded::parse(query.as_bytes())
            .find(|(k, _)| k == "mode")
            .and_then(|(_, v)| Mode::ALL.into_iter().find(|m| m.id() == v))
            .unwrap_or(Mode::Flashcards)
    }

    /// The query that shows this mode.
    pub fn query(self) -> String {
        format!("mode={}", self.id())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn modes_round_trip_and_unknown_is_flashcards() {
        for m in Mode::ALL {
            assert_eq!(Mode::from_query(&m.query()), m);
        }
        assert_eq!(Mode::from_query("ex=training-cost&seed=4&mode=exercises"), Mode::Exercises);
        assert_eq!(Mode::from_query(""), Mode::Flashcards);
        assert_eq!(Mode::from_query("mode=%3Cscript%3E"), Mode::Flashcards);
    }

    proptest! {
        #[test]
        fn any_query_gives_a_mode(q in ".{0,200}") {
            let _ = Mode::from_query(&q);
        }
    }
}
