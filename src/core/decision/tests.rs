//! Tests of the tree, the walk and the suggestion rules together.

use crate::core::decision::answers::Answers;
use crate::core::decision::suggest::{join_words, reasons, suggest};
use crate::core::decision::tree::{Answer, Outcome, Step};
use crate::core::decision::walk::{WalkEnd, walk};

fn answered(pairs: &[(Step, Answer)]) -> Answers {
    let mut a = Answers::default();
    for (s, ans) in pairs {
        a.set(*s, Some(*ans));
    }
    a
}

#[test]
fn each_outcome_is_reached_through_its_path() {
    use Answer::*;
    use Step::*;
    let cases: [(&[(Step, Answer)], Outcome); 7] = [
        (&[(PromptEngineering, Yes)], Outcome::PromptEngineering),
        (&[(PromptEngineering, No), (Rag, Yes)], Outcome::Rag),
        (
            &[(PromptEngineering, No), (Rag, No), (TrainingData, No)],
            Outcome::CollectDataFirst,
        ),
        (
            &[
                (PromptEngineering, No),
                (Rag, No),
                (TrainingData, Yes),
                (Budget, Limited),
            ],
            Outcome::LoraOrPromptRag,
        ),
        (
            &[
                (PromptEngineering, No),
                (Rag, No),
                (TrainingData, Yes),
                (Budget, Sufficient),
                (Customization, Low),
            ],
            Outcome::PromptRag,
        ),
        (
            &[
                (PromptEngineering, No),
                (Rag, No),
                (TrainingData, Yes),
                (Budget, Sufficient),
                (Customization, Medium),
            ],
            Outcome::LoraOrFineTuning,
        ),
        (
            &[
                (PromptEngineering, No),
                (Rag, No),
                (TrainingData, Yes),
                (Budget, Sufficient),
                (Customization, High),
            ],
            Outcome::FullFineTuning,
        ),
    ];
    for (path, outcome) in cases {
        let w = walk(&answered(path));
        assert_eq!(w.end, WalkEnd::Outcome(outcome));
        assert_eq!(w.path, path.to_vec());
        assert_eq!(reasons(&answered(path), &w).len(), path.len());
    }
}

#[test]
fn walk_stops_at_first_unanswered_step_and_ignores_off_path_answers() {
    let mut a = Answers::default();
    assert_eq!(walk(&a).end, WalkEnd::Pending(Step::PromptEngineering));
    a.set(Step::PromptEngineering, Some(Answer::No));
    a.set(Step::TrainingData, Some(Answer::Yes));
    let w = walk(&a);
    assert_eq!(w.end, WalkEnd::Pending(Step::Rag));
    assert_eq!(w.steps(), vec![Step::PromptEngineering, Step::Rag]);
    assert_eq!(w.before(Step::Rag), Some(Step::PromptEngineering));
    assert_eq!(w.before(Step::PromptEngineering), None);
    // Answering step 1 "yes" ends the walk; the later answer is kept, unused.
    a.set(Step::PromptEngineering, Some(Answer::Yes));
    assert_eq!(walk(&a).outcome(), Some(Outcome::PromptEngineering));
    assert_eq!(a.get(Step::TrainingData), Some(Answer::Yes));
}

#[test]
fn answers_a_step_does_not_accept_are_refused() {
    let mut a = Answers::default();
    a.set(Step::Budget, Some(Answer::Yes));
    assert_eq!(a.get(Step::Budget), None);
    a.set(Step::PromptEngineering, Some(Answer::High));
    assert_eq!(a.get(Step::PromptEngineering), None);
    a.set_ticked(Step::Budget, "high-max-quality", true);
    assert!(a.ticked(Step::Budget).is_empty());
}

#[test]
fn every_step_lists_criteria_and_options() {
    for s in Step::ALL {
        assert!(!s.criteria().is_empty());
        assert!(s.options().len() >= 2);
        assert_eq!(Step::from_key(s.key()), Some(s));
        for a in s.options() {
            assert!(s.next(*a).is_some());
            assert_eq!(Answer::from_key(a.key()), Some(*a));
        }
    }
}

/// Answers with the criteria at these positions of today's checklist ticked.
fn ticks(step: Step, idx: &[usize]) -> Answers {
    let mut a = Answers::default();
    for i in idx {
        a.set_ticked(step, step.criteria()[*i].key, true);
    }
    a
}

#[test]
fn criterion_keys_are_unique_and_ticks_follow_keys_not_positions() {
    for s in Step::ALL {
        let mut keys: Vec<&str> = s.criteria().iter().map(|c| c.key).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), s.criteria().len(), "{s:?}");
    }
    let mut a = Answers::default();
    a.set_ticked(Step::Customization, "high-max-quality", true);
    a.set_ticked(Step::Customization, "low-tone-format", true);
    a.set_ticked(Step::Customization, "no-such-criterion", true);
    let keys: Vec<&str> = a
        .ticked(Step::Customization)
        .iter()
        .map(|c| c.key)
        .collect();
    assert_eq!(
        keys,
        ["low-tone-format", "high-max-quality"],
        "checklist order"
    );
    a.set_ticked(Step::Customization, "low-tone-format", false);
    assert!(!a.is_ticked(Step::Customization, "low-tone-format"));
    assert!(a.is_ticked(Step::Customization, "high-max-quality"));
}

#[test]
fn prompt_engineering_suggestion_needs_general_knowledge_and_one_more_sign() {
    let s = Step::PromptEngineering;
    assert_eq!(suggest(s, &ticks(s, &[0, 1])).answer, Answer::Yes);
    assert_eq!(suggest(s, &ticks(s, &[1, 2, 3])).answer, Answer::Yes);
    assert_eq!(suggest(s, &ticks(s, &[0, 2, 3])).answer, Answer::No);
    assert_eq!(suggest(s, &ticks(s, &[1])).answer, Answer::No);
    assert_eq!(suggest(s, &ticks(s, &[])).answer, Answer::No);
    let why = suggest(s, &ticks(s, &[0, 1])).because;
    assert!(
        why.contains("the task is simple") && why.contains("general knowledge is enough"),
        "{why}"
    );
}

#[test]
fn rag_suggestion_needs_a_corpus_and_a_knowledge_gap() {
    let s = Step::Rag;
    assert_eq!(suggest(s, &ticks(s, &[0, 2])).answer, Answer::Yes);
    assert_eq!(suggest(s, &ticks(s, &[3, 2])).answer, Answer::Yes);
    assert_eq!(suggest(s, &ticks(s, &[2])).answer, Answer::No);
    let no_corpus = suggest(s, &ticks(s, &[0, 1]));
    assert_eq!(no_corpus.answer, Answer::No);
    assert!(no_corpus.because.contains("no document corpus"));
}

#[test]
fn data_and_budget_suggestions_need_every_criterion() {
    assert_eq!(
        suggest(
            Step::TrainingData,
            &ticks(Step::TrainingData, &[0, 1, 2, 3])
        )
        .answer,
        Answer::Yes
    );
    let partial = suggest(Step::TrainingData, &ticks(Step::TrainingData, &[0, 1, 3]));
    assert_eq!(partial.answer, Answer::No);
    assert!(partial.because.contains("representative of real use"));
    assert_eq!(
        suggest(Step::Budget, &ticks(Step::Budget, &[0, 1, 2])).answer,
        Answer::Sufficient
    );
    assert_eq!(
        suggest(Step::Budget, &ticks(Step::Budget, &[0, 2])).answer,
        Answer::Limited
    );
}

#[test]
fn customization_suggestion_is_the_highest_level_ticked() {
    let s = Step::Customization;
    assert_eq!(suggest(s, &ticks(s, &[])).answer, Answer::Low);
    assert_eq!(suggest(s, &ticks(s, &[0])).answer, Answer::Low);
    assert_eq!(suggest(s, &ticks(s, &[0, 3])).answer, Answer::Medium);
    assert_eq!(suggest(s, &ticks(s, &[0, 3, 5])).answer, Answer::High);
    assert!(
        suggest(s, &ticks(s, &[4]))
            .because
            .contains("deep domain behaviour")
    );
}

#[test]
fn join_words_reads_naturally() {
    let w = |v: &[&str]| join_words(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
    assert_eq!(w(&[]), "");
    assert_eq!(w(&["a"]), "a");
    assert_eq!(w(&["a", "b"]), "a and b");
    assert_eq!(w(&["a", "b", "c"]), "a, b and c");
}

#[test]
fn criterion_labels_are_ascii_so_ascii_lowercasing_is_exact() {
    // `suggest` lowercases labels with `to_ascii_lowercase` (Unicode case
    // tables would cost every page about 7 KB): that is exact only for ASCII.
    for step in Step::ALL {
        for c in step.criteria() {
            assert!(c.label.is_ascii(), "{}", c.label);
            assert_eq!(c.label.to_ascii_lowercase(), c.label.to_lowercase());
        }
    }
}
