//! Which practice mode the address shows: `#/practice?mode=quiz`.
//!
//! The mode is the `mode` key of the practice fragment's query; a shared
//! exercise adds `ex` and `seed` (read by `exercise_link`). Anything
//! unknown shows the overview: [`Mode::from_query`] is total.
//!
//! Architecture invariant: pure; stable ids.

use crate::core::route::{self, Page, Section};

/// A practice mode.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mode {
    /// The overview: today's cards and the modes (needs no question bank).
    Home,
    Flashcards,
    Quiz,
    Interview,
    Exercises,
    Progress,
}

impl Mode {
    /// Every mode, in the page's order.
    pub const ALL: [Mode; 6] = [
        Mode::Home,
        Mode::Flashcards,
        Mode::Quiz,
        Mode::Interview,
        Mode::Exercises,
        Mode::Progress,
    ];

    /// The stable id in the address.
    pub fn id(self) -> &'static str {
        match self {
            Mode::Home => "home",
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
            Mode::Home => "Overview",
            Mode::Flashcards => "Flashcards",
            Mode::Quiz => "Quiz",
            Mode::Interview => "Mock interview",
            Mode::Exercises => "Exercises",
            Mode::Progress => "Progress",
        }
    }

    /// Whether the mode shows questions of the bank (which the page then
    /// fetches; the overview and the exercises do without it).
    pub fn needs_bank(self) -> bool {
        !matches!(self, Mode::Home | Mode::Exercises)
    }

    /// The page that shows the mode: the exercises have their own bundle
    /// (they carry the cost model), the other modes share `practice.html`.
    pub fn page(self) -> Page {
        if self == Mode::Exercises {
            Page::Exercises
        } else {
            Page::Practice
        }
    }

    /// A link to the mode from a document of `from`, with `extra` query
    /// pairs (e.g. a shared exercise's `ex=…&seed=…`) after `mode=`.
    pub fn link(self, from: Page, extra: &str) -> String {
        let fragment = route::href(Section::Practice, &self.query_with(extra));
        if self.page() == from {
            fragment
        } else {
            format!("{}{fragment}", self.page().url())
        }
    }

    /// The mode a practice query names; the overview when none or unknown.
    pub fn from_query(query: &str) -> Mode {
        form_urlencoded::parse(query.as_bytes())
            .find(|(k, _)| k == "mode")
            .and_then(|(_, v)| Mode::ALL.into_iter().find(|m| m.id() == v))
            .unwrap_or(Mode::Home)
    }

    /// The query that shows this mode.
    pub fn query(self) -> String {
        format!("mode={}", self.id())
    }

    /// The query that shows this mode, with `extra` pairs after `mode=`
    /// (none when `extra` is empty).
    pub fn query_with(self, extra: &str) -> String {
        if extra.is_empty() {
            self.query()
        } else {
            format!("{}&{extra}", self.query())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn modes_round_trip_and_unknown_is_the_overview() {
        for m in Mode::ALL {
            assert_eq!(Mode::from_query(&m.query()), m);
        }
        assert_eq!(
            Mode::from_query("ex=training-cost&seed=4&mode=exercises"),
            Mode::Exercises
        );
        assert_eq!(Mode::from_query(""), Mode::Home);
        assert_eq!(Mode::from_query("mode=%3Cscript%3E"), Mode::Home);
        assert!(
            !Mode::Home.needs_bank() && !Mode::Exercises.needs_bank() && Mode::Quiz.needs_bank()
        );
    }

    #[test]
    fn links_cross_to_the_exercises_page_and_back() {
        assert_eq!(Mode::Quiz.link(Page::Practice, ""), "#/practice?mode=quiz");
        assert_eq!(
            Mode::Quiz.link(Page::Exercises, ""),
            "practice.html#/practice?mode=quiz"
        );
        assert_eq!(
            Mode::Exercises.link(Page::Practice, "ex=training-cost&seed=7"),
            "exercises.html#/practice?mode=exercises&ex=training-cost&seed=7"
        );
        assert_eq!(
            Mode::Exercises.link(Page::Exercises, ""),
            "#/practice?mode=exercises"
        );
    }

    proptest! {
        #[test]
        fn any_query_gives_a_mode(q in ".{0,200}") {
            let _ = Mode::from_query(&q);
        }
    }
}
