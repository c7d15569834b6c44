//! The wizard's state as a query string, for shareable links and storage.
//!
//! `pe=no&rag=no&data=yes&budget=sufficient&level=high&pe.c=simple-task.limited-budget&at=rag`
//! - one `<step>=<answer>` pair per answered step (keys from [`Step::key`]
//!   and [`Answer::key`]);
//! - `<step>.c=<key>.<key>…`: the stable keys ([`Criterion::key`]) of the
//!   ticked criteria of that step, joined by `.`;
//! - `at=<step>`: the step being viewed, when it is not where the walk ends;
//! - `budget.once=<USD>` and `budget.month=<USD>`: the budget given on step
//!   4, whole dollars, when given.
//!
//! Links and stored state written before criteria had keys (until
//! 2026-12-01) carry `<step>.t=<digits>`, the positions of the ticked
//! criteria in the checklists of that time; [`LEGACY_ORDER`] freezes those
//! checklists, so such links keep decoding to the same ticks whatever the
//! checklists become.
//!
//! [`Criterion::key`]: crate::core::decision::tree::Criterion::key
//!
//! Decoding never fails: unknown keys, unknown values, answers a step does
//! not accept and out-of-range criteria are dropped one by one, so a
//! tampered link keeps whatever part of it still makes sense, and garbage
//! gives the default (empty) state.
//!
//! Architecture invariant: pure functions, no UI imports. The same string is
//! written to the URL and to local storage, so there is one format to test.

use crate::core::decision::answers::Answers;
use crate::core::decision::evidence::Budget;
use crate::core::decision::tree::{Answer, Outcome, Step};
use crate::core::decision::walk::{WalkEnd, walk};

/// The criteria keys of each step in checklist order as of 2026-12-01,
/// the order that `<step>.t=<digits>` links refer to. Never edit: it is
/// the meaning of links already out in the world.
pub const LEGACY_ORDER: [(&str, &[&str]); 5] = [
    (
        "pe",
        &[
            "simple-task",
            "general-knowledge",
            "fast-iteration",
            "limited-budget",
        ],
    ),
    (
        "rag",
        &[
            "domain-knowledge",
            "knowledge-cutoff",
            "document-corpus",
            "fresh-information",
        ],
    ),
    (
        "data",
        &[
            "100-examples",
            "input-output-pairs",
            "representative",
            "formatted",
        ],
    ),
    (
        "budget",
        &["training-cost-ok", "per-request-cost-ok", "infrastructure"],
    ),
    (
        "level",
        &[
            "low-tone-format",
            "low-house-rules",
            "medium-domain-style",
            "medium-task-skill",
            "high-domain-behaviour",
            "high-max-quality",
        ],
    ),
];

/// The key a legacy `<step>.t` digit named, if any.
fn legacy_key(step: Step, position: usize) -> Option<&'static str> {
    LEGACY_ORDER
        .iter()
        .find(|(k, _)| *k == step.key())
        .and_then(|(_, keys)| keys.get(position).copied())
}

/// Longest query string accepted; anything longer is treated as garbage.
pub const MAX_LEN: usize = 2048;

/// The state a wizard link carries.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WizardState {
    pub answers: Answers,
    /// The step the user is looking at; `None` = wherever the walk ends.
    pub viewing: Option<Step>,
    /// The budget given on step 4, if any.
    pub budget: Budget,
}

/// What the wizard shows for a state.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Shown {
    /// A question, answered or not.
    Step(Step),
    /// The recommendation at the end of a complete walk.
    Result(Outcome),
}

impl WizardState {
    /// What to show: the viewed step if the walk passes it, else where the
    /// walk ends (its pending question or its result).
    pub fn shown(&self) -> Shown {
        let w = walk(&self.answers);
        match self.viewing {
            Some(step) if w.visits(step) => Shown::Step(step),
            _ => match w.end {
                WalkEnd::Pending(step) => Shown::Step(step),
                WalkEnd::Outcome(outcome) => Shown::Result(outcome),
            },
        }
    }
}

/// Encodes `state` as a query string (without the leading `?`).
pub fn encode(state: &WizardState) -> String {
    let mut out = form_urlencoded::Serializer::new(String::new());
    for step in Step::ALL {
        if let Some(answer) = state.answers.get(step) {
            out.append_pair(step.key(), answer.key());
        }
    }
    for step in Step::ALL {
        let ticked: Vec<&str> = state.answers.ticked(step).iter().map(|c| c.key).collect();
        if !ticked.is_empty() {
            out.append_pair(&format!("{}.c", step.key()), &ticked.join("."));
        }
    }
    if let Some(step) = state.viewing {
        out.append_pair("at", step.key());
    }
    if let Some(b) = state.budget.one_off {
        out.append_pair("budget.once", &b.to_string());
    }
    if let Some(b) = state.budget.monthly {
        out.append_pair("budget.month", &b.to_string());
    }
    out.finish()
}

/// The state to start from: a link's, when it carries any answers or
/// ticks; otherwise the stored one. A link with nothing usable (an empty or
/// damaged query) never wipes stored work.
pub fn starting_state(link_query: &str, stored: Option<&str>) -> WizardState {
    let from_link = decode(link_query);
    if !from_link.answers.is_empty() || !from_link.budget.is_empty() {
        return from_link;
    }
    stored.map(decode).unwrap_or_default()
}

/// The state to show when the browser's Back or Forward lands on a history
/// entry the wizard wrote, holding `entry`, while the wizard holds
/// `current`.
///
/// The wizard adds an entry each time the user moves to another step, and
/// keeps the current entry up to date while they stay on it; so an earlier
/// entry knows fewer answers than the user has given since. When every
/// answer `entry` carries is also `current`'s, going back only moves the
/// view: `current` (all its answers, ticks and budget) showing the step
/// `entry` showed, as the wizard's own Back button does. Otherwise the
/// entry is from before the answers changed (Back after "Start over", or
/// Forward after changing an earlier answer): the entry's state is taken
/// whole.
pub fn on_history_entry(current: &WizardState, entry: &WizardState) -> WizardState {
    let agrees = Step::ALL.into_iter().all(|step| {
        entry
            .answers
            .get(step)
            .is_none_or(|a| current.answers.get(step) == Some(a))
    });
    if !agrees {
        return entry.clone();
    }
    let viewing = match entry.shown() {
        Shown::Step(step) => Some(step),
        Shown::Result(_) => None,
    };
    WizardState {
        viewing,
        ..current.clone()
    }
}

/// Whole dollars up to a trillion, if `v` is one.
fn dollars(v: &str) -> Option<u64> {
    v.parse::<u64>().ok().filter(|d| *d <= 1_000_000_000_000)
}

/// Decodes a query string (a leading `?` is allowed); see the module docs
/// for what is kept from a damaged one.
pub fn decode(query: &str) -> WizardState {
    let query = query.strip_prefix('?').unwrap_or(query);
    let mut state = WizardState::default();
    if query.len() > MAX_LEN {
        return state;
    }
    for (key, value) in form_urlencoded::parse(query.as_bytes()) {
        if key == "at" {
            state.viewing = Step::from_key(&value);
        } else if key == "budget.once" {
            state.budget.one_off = dollars(&value);
        } else if key == "budget.month" {
            state.budget.monthly = dollars(&value);
        } else if let Some(step_key) = key.strip_suffix(".c") {
            if let Some(step) = Step::from_key(step_key) {
                for k in value.split('.') {
                    state.answers.set_ticked(step, k, true);
                }
            }
        } else if let Some(step_key) = key.strip_suffix(".t") {
            if let Some(step) = Step::from_key(step_key) {
                for c in value.chars() {
                    if let Some(k) = c.to_digit(10).and_then(|i| legacy_key(step, i as usize)) {
                        state.answers.set_ticked(step, k, true);
                    }
                }
            }
        } else if let (Some(step), Some(answer)) = (Step::from_key(&key), Answer::from_key(&value))
        {
            state.answers.set(step, Some(answer));
        }
    }
    state
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn sample() -> WizardState {
        let mut answers = Answers::default();
        answers.set(Step::PromptEngineering, Some(Answer::No));
        answers.set(Step::Rag, Some(Answer::No));
        answers.set(Step::TrainingData, Some(Answer::Yes));
        answers.set(Step::Budget, Some(Answer::Sufficient));
        answers.set(Step::Customization, Some(Answer::High));
        answers.set_ticked(Step::PromptEngineering, "simple-task", true);
        answers.set_ticked(Step::PromptEngineering, "limited-budget", true);
        answers.set_ticked(Step::Customization, "high-max-quality", true);
        WizardState {
            answers,
            viewing: Some(Step::Rag),
            ..WizardState::default()
        }
    }

    #[test]
    fn shown_follows_the_walk_unless_an_earlier_step_is_viewed() {
        let mut s = sample();
        assert_eq!(s.shown(), Shown::Step(Step::Rag));
        s.viewing = None;
        assert_eq!(s.shown(), Shown::Result(Outcome::FullFineTuning));
        // A viewed step that the walk no longer passes is ignored.
        s.answers.set(Step::PromptEngineering, Some(Answer::Yes));
        s.viewing = Some(Step::Budget);
        assert_eq!(s.shown(), Shown::Result(Outcome::PromptEngineering));
        assert_eq!(
            WizardState::default().shown(),
            Shown::Step(Step::PromptEngineering)
        );
    }

    #[test]
    fn back_to_an_earlier_entry_moves_the_view_and_keeps_later_answers() {
        let current = sample();
        // The entry written while step 1 was answered and shown.
        let step_one = decode("pe=no&pe.c=simple-task&at=pe");
        let back = on_history_entry(&current, &step_one);
        assert_eq!(back.shown(), Shown::Step(Step::PromptEngineering));
        assert_eq!(back.answers, current.answers);
        // The very first entry, before any answer: step 1 again.
        let first = on_history_entry(&current, &decode(""));
        assert_eq!(first.shown(), Shown::Step(Step::PromptEngineering));
        assert_eq!(first.answers, current.answers);
        // An entry that showed step 3 pending (no `at`): step 3, not the end.
        let third = on_history_entry(&current, &decode("pe=no&rag=no"));
        assert_eq!(third.shown(), Shown::Step(Step::TrainingData));
        // Forward to the result.
        let result = on_history_entry(&back, &encode_decode(&sample_at_end()));
        assert_eq!(result.shown(), Shown::Result(Outcome::FullFineTuning));
        // Applying the same entry twice changes nothing more.
        assert_eq!(on_history_entry(&back, &step_one), back);
    }

    fn sample_at_end() -> WizardState {
        WizardState {
            viewing: None,
            ..sample()
        }
    }

    fn encode_decode(s: &WizardState) -> WizardState {
        decode(&encode(s))
    }

    #[test]
    fn an_entry_with_other_answers_is_taken_whole() {
        // Back after "Start over": the entry holds the answers cleared.
        let cleared = WizardState::default();
        let before = sample();
        assert_eq!(on_history_entry(&cleared, &before), before);
        // Forward after changing step 1's answer: the entry's answers win.
        let mut changed = sample();
        changed
            .answers
            .set(Step::PromptEngineering, Some(Answer::Yes));
        assert_eq!(on_history_entry(&changed, &sample()), sample());
    }

    #[test]
    fn a_link_wins_over_storage_unless_it_carries_nothing() {
        let stored = "pe=no&rag=yes";
        let s = starting_state("pe=yes", Some(stored));
        assert_eq!(s.answers.get(Step::PromptEngineering), Some(Answer::Yes));
        for useless in ["", "foo=bar", "%%%", "at=rag"] {
            let s = starting_state(useless, Some(stored));
            assert_eq!(s.answers.get(Step::Rag), Some(Answer::Yes), "{useless:?}");
        }
        assert_eq!(starting_state("junk", None), WizardState::default());
        assert_eq!(
            starting_state("", Some("\u{0}garbage")),
            WizardState::default()
        );
    }

    #[test]
    fn encodes_readably() {
        assert_eq!(
            encode(&sample()),
            "pe=no&rag=no&data=yes&budget=sufficient&level=high\
             &pe.c=simple-task.limited-budget&level.c=high-max-quality&at=rag"
        );
        assert_eq!(encode(&WizardState::default()), "");
    }

    fn keys(s: &WizardState, step: Step) -> Vec<&'static str> {
        s.answers.ticked(step).iter().map(|c| c.key).collect()
    }

    #[test]
    fn links_from_before_criteria_keys_keep_their_ticks() {
        // The format written until 2026-12-01, positions of the ticked criteria.
        let old =
            decode("pe=no&rag=no&data=yes&budget=sufficient&level=high&pe.t=03&level.t=5&at=rag");
        assert_eq!(old, sample());
        let all = decode("pe.t=0123&rag.t=0123&data.t=0123&budget.t=012&level.t=012345");
        for (step_key, frozen) in LEGACY_ORDER {
            let step = Step::from_key(step_key).unwrap();
            assert_eq!(keys(&all, step).len(), step.criteria().len());
            for k in frozen {
                assert!(step.criterion(k).is_some(), "{step_key}: {k} still exists");
            }
        }
        assert_eq!(
            keys(&decode("budget.t=3&level.t=9"), Step::Budget),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn a_budget_travels_in_the_link_and_bad_figures_are_dropped() {
        let mut s = sample();
        s.budget = Budget {
            one_off: Some(5_000),
            monthly: Some(800),
        };
        let q = encode(&s);
        assert!(q.ends_with("&budget.once=5000&budget.month=800"), "{q}");
        assert_eq!(decode(&q), s);
        let bad = decode("budget.once=-5&budget.month=1e9");
        assert!(bad.budget.is_empty());
        assert_eq!(
            starting_state("budget.once=10", Some("pe=no"))
                .budget
                .one_off,
            Some(10)
        );
    }

    #[test]
    fn round_trips() {
        let s = sample();
        assert_eq!(decode(&encode(&s)), s);
        assert_eq!(decode(&format!("?{}", encode(&s))), s);
        assert_eq!(decode(""), WizardState::default());
    }

    #[test]
    fn tampered_links_keep_what_still_makes_sense() {
        let s = decode("pe=no&rag=maybe&budget=yes&level=high&pe.t=0x9z3&at=nowhere&evil=%00");
        assert_eq!(s.answers.get(Step::PromptEngineering), Some(Answer::No));
        assert_eq!(s.answers.get(Step::Rag), None);
        assert_eq!(
            s.answers.get(Step::Budget),
            None,
            "budget does not accept yes"
        );
        assert_eq!(s.answers.get(Step::Customization), Some(Answer::High));
        assert_eq!(
            keys(&s, Step::PromptEngineering),
            ["simple-task", "limited-budget"]
        );
        assert_eq!(s.viewing, None);
    }

    #[test]
    fn garbage_gives_defaults() {
        for junk in [
            "%%%%",
            "&&&==&=",
            "\u{0}\u{1}\u{ffff}",
            "pe",
            "=yes",
            "pe.t=",
            "level.t=99999999999999999999",
        ] {
            let s = decode(junk);
            assert_eq!(s.answers.get(Step::PromptEngineering), None, "{junk:?}");
            assert!(s.answers.ticked(Step::Customization).is_empty(), "{junk:?}");
        }
        let long = format!("pe=yes&{}", "x".repeat(MAX_LEN));
        assert_eq!(decode(&long), WizardState::default());
    }

    proptest! {
        #[test]
        fn decode_never_panics_and_reencodes_stably(q in ".{0,300}") {
            let s = decode(&q);
            prop_assert_eq!(decode(&encode(&s)), s);
        }

        #[test]
        fn any_state_round_trips(
            picks in proptest::collection::vec(0usize..4, 5),
            tick_bits in proptest::collection::vec(0u8..64, 5),
            viewing in proptest::option::of(0usize..5),
        ) {
            let mut answers = Answers::default();
            for (i, step) in Step::ALL.into_iter().enumerate() {
                let options = step.options();
                answers.set(step, options.get(picks[i]).copied());
                for (bit, c) in step.criteria().iter().enumerate() {
                    answers.set_ticked(step, c.key, tick_bits[i] & (1 << bit) != 0);
                }
            }
            let s = WizardState { answers, viewing: viewing.map(|i| Step::ALL[i]), ..WizardState::default() };
            prop_assert_eq!(decode(&encode(&s)), s);
        }
    }
}
