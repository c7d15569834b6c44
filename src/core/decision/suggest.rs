//! What a step's ticked criteria suggest, and the reasons for a result.
//!
//! Architecture invariant: the rules name criteria by their stable keys,
//! never by position, so reordering or rewording a checklist changes no
//! suggestion; the user's answer, not the suggestion, decides the walk.

use crate::core::decision::answers::Answers;
use crate::core::decision::tree::{Answer, Step};
use crate::core::decision::walk::Walk;

/// The answer that a step's ticked criteria point to, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suggestion {
    pub answer: Answer,
    pub because: String,
}

/// Suggests an answer for `step` from its ticked criteria.
///
/// Rules (the user always makes the final choice):
/// 1. Prompt engineering: *yes* when "general knowledge is enough"
///    (`general-knowledge`) and at least one more sign hold; otherwise *no*.
/// 2. RAG: *yes* when a document corpus exists (`document-corpus`) and at
///    least one knowledge need (domain, cutoff, freshness) is ticked;
///    otherwise *no*.
/// 3. Training data: *yes* only when all four quality criteria hold.
/// 4. Budget: *enough* only when all three cost criteria are acceptable;
///    otherwise *limited*.
/// 5. Customization: the highest level with a ticked need (`high-*`, then
///    `medium-*`); *low* when none.
pub fn suggest(step: Step, answers: &Answers) -> Suggestion {
    let ticked: Vec<&str> = answers.ticked(step).iter().map(|c| c.key).collect();
    let has = |key: &str| answers.is_ticked(step, key);
    let names = |keys: &[&str]| -> String {
        let parts: Vec<String> = keys
            .iter()
            .filter_map(|k| step.criterion(k))
            .map(|c| format!("\u{201c}{}\u{201d}", c.label.to_ascii_lowercase()))
            .collect();
        join_words(&parts)
    };
    let missing: Vec<&str> = step
        .criteria()
        .iter()
        .map(|c| c.key)
        .filter(|k| !has(k))
        .collect();
    match step {
        Step::PromptEngineering => {
            if has("general-knowledge") && ticked.len() >= 2 {
                Suggestion {
                    answer: Answer::Yes,
                    because: format!(
                        "You ticked {}: the base model has what it needs, so start with a better prompt.",
                        names(&ticked)
                    ),
                }
            } else if ticked.is_empty() {
                Suggestion {
                    answer: Answer::No,
                    because: "None of the signs that favour prompt engineering is ticked.".into(),
                }
            } else if !has("general-knowledge") {
                Suggestion {
                    answer: Answer::No,
                    because: format!(
                        "You ticked {}, but not \u{201c}general knowledge is enough\u{201d}: prompts cannot add knowledge the model lacks.",
                        names(&ticked)
                    ),
                }
            } else {
                Suggestion {
                    answer: Answer::No,
                    because: "General knowledge is enough, but no other sign points to prompting alone; try it anyway if it is cheap to test.".into(),
                }
            }
        }
        Step::Rag => {
            let needs: Vec<&str> = ticked
                .iter()
                .copied()
                .filter(|k| *k != "document-corpus")
                .collect();
            if has("document-corpus") && !needs.is_empty() {
                Suggestion {
                    answer: Answer::Yes,
                    because: format!(
                        "The gap is knowledge ({}) and a document corpus exists to retrieve it from.",
                        names(&needs)
                    ),
                }
            } else if !needs.is_empty() {
                Suggestion {
                    answer: Answer::No,
                    because: format!(
                        "You need knowledge ({}) but there is no document corpus to retrieve it from yet.",
                        names(&needs)
                    ),
                }
            } else {
                Suggestion {
                    answer: Answer::No,
                    because: "No knowledge gap is ticked, so retrieval has nothing to add.".into(),
                }
            }
        }
        Step::TrainingData => {
            if missing.is_empty() {
                Suggestion {
                    answer: Answer::Yes,
                    because: "All four quality criteria hold.".into(),
                }
            } else {
                Suggestion {
                    answer: Answer::No,
                    because: format!("Not yet ticked: {}.", names(&missing)),
                }
            }
        }
        Step::Budget => {
            if missing.is_empty() {
                Suggestion {
                    answer: Answer::Sufficient,
                    because:
                        "Training runs, dearer inference and the infrastructure are all affordable."
                            .into(),
                }
            } else {
                Suggestion {
                    answer: Answer::Limited,
                    because: format!("Not affordable yet: {}.", names(&missing)),
                }
            }
        }
        Step::Customization => {
            let at = |prefix: &str| -> Vec<&str> {
                ticked
                    .iter()
                    .copied()
                    .filter(|k| k.starts_with(prefix))
                    .collect()
            };
            let (high, medium) = (at("high-"), at("medium-"));
            let (answer, at_level) = if !high.is_empty() {
                (Answer::High, high)
            } else if !medium.is_empty() {
                (Answer::Medium, medium)
            } else {
                (Answer::Low, Vec::new())
            };
            let because = if at_level.is_empty() {
                "No medium or high need is ticked.".to_string()
            } else {
                format!("The highest need ticked is {}.", names(&at_level))
            };
            Suggestion { answer, because }
        }
    }
}

/// Joins words as "a", "a and b", "a, b and c".
pub(crate) fn join_words(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {}", init.join(", "), last),
    }
}

/// The reasons for a walk's result: one line per answered step, plus the
/// ticked criteria that back it.
pub fn reasons(answers: &Answers, walk: &Walk) -> Vec<String> {
    walk.path
        .iter()
        .map(|(step, answer)| {
            let ticked = answers.ticked(*step);
            let mut line = step.reason(*answer).to_string();
            if !ticked.is_empty() {
                let labels: Vec<String> = ticked
                    .iter()
                    .map(|c| c.label.to_ascii_lowercase())
                    .collect();
                line.push_str(&format!(" (You ticked: {}.)", labels.join("; ")));
            }
            line
        })
        .collect()
}
