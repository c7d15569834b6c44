//! The five-step decision tree's shape: steps, answers, outcomes and the
//! edges between them (the text shown for each lives in `content.rs`).
//!
//! The tree asks, in order: can prompt engineering solve it? can RAG? is there
//! training data? is the budget limited? how much customization is needed?
//! Every answer either ends the walk in one of seven [`Outcome`]s or leads to
//! the next [`Step`]. Each step also carries a checklist of [`Criterion`]s;
//! the ticked ones *suggest* an answer (see [`suggest`]), but the user's
//! answer is what the walk follows.
//!
//! Architecture invariant: pure data and functions, no UI imports; keys
//! ([`Step::key`], [`Answer::key`], [`Criterion::key`]) are stable ids.

use crate::core::decision::content::{
    BUDGET_CRITERIA, DATA_CRITERIA, LEVEL_CRITERIA, PE_CRITERIA, RAG_CRITERIA,
};

/// One question of the tree, in the order the tree asks them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Step {
    /// 1. Can prompt engineering solve it?
    PromptEngineering,
    /// 2. Can retrieval-augmented generation solve it?
    Rag,
    /// 3. Do you have 100+ quality input-output examples?
    TrainingData,
    /// 4. What is your budget?
    Budget,
    /// 5. What customization level do you need?
    Customization,
}

/// A possible answer to a step. Each step accepts only some of them
/// (see [`Step::options`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Answer {
    Yes,
    No,
    /// Budget: limited.
    Limited,
    /// Budget: enough for training runs and dearer inference.
    Sufficient,
    Low,
    Medium,
    High,
}

/// Where a walk through the tree can end.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Outcome {
    PromptEngineering,
    Rag,
    CollectDataFirst,
    LoraOrPromptRag,
    PromptRag,
    LoraOrFineTuning,
    FullFineTuning,
}

/// What follows an answer: another question, or the end of the walk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Next {
    Step(Step),
    Outcome(Outcome),
}

/// A statement the user can tick on a step's checklist.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Criterion {
    /// Stable key in links, storage and the suggestion rules: never
    /// renamed or reused, so reordering a checklist changes nothing.
    pub key: &'static str,
    /// Short label for the checkbox.
    pub label: &'static str,
    /// One line saying why it matters.
    pub hint: &'static str,
}

impl Step {
    /// All steps, in the tree's order.
    pub const ALL: [Step; 5] = [
        Step::PromptEngineering,
        Step::Rag,
        Step::TrainingData,
        Step::Budget,
        Step::Customization,
    ];

    /// Position in the tree, 1 to 5.
    pub fn number(self) -> usize {
        Step::ALL.iter().position(|s| *s == self).unwrap_or(0) + 1
    }

    /// Stable short key used in links and storage.
    pub fn key(self) -> &'static str {
        match self {
            Step::PromptEngineering => "pe",
            Step::Rag => "rag",
            Step::TrainingData => "data",
            Step::Budget => "budget",
            Step::Customization => "level",
        }
    }

    /// The step with this key, if any.
    pub fn from_key(key: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|s| s.key() == key)
    }

    /// The answers this step accepts, in display order.
    pub fn options(self) -> &'static [Answer] {
        match self {
            Step::PromptEngineering | Step::Rag | Step::TrainingData => &[Answer::Yes, Answer::No],
            Step::Budget => &[Answer::Limited, Answer::Sufficient],
            Step::Customization => &[Answer::Low, Answer::Medium, Answer::High],
        }
    }

    /// Whether `answer` is one of this step's options.
    pub fn accepts(self, answer: Answer) -> bool {
        self.options().contains(&answer)
    }

    /// The checklist shown on this step.
    pub fn criteria(self) -> &'static [Criterion] {
        match self {
            Step::PromptEngineering => &PE_CRITERIA,
            Step::Rag => &RAG_CRITERIA,
            Step::TrainingData => &DATA_CRITERIA,
            Step::Budget => &BUDGET_CRITERIA,
            Step::Customization => &LEVEL_CRITERIA,
        }
    }

    /// The criterion of this step's checklist with this key, if any.
    pub fn criterion(self, key: &str) -> Option<&'static Criterion> {
        self.criteria().iter().find(|c| c.key == key)
    }

    /// Where `answer` leads from this step. An answer the step does not accept
    /// leads nowhere (`None`).
    pub fn next(self, answer: Answer) -> Option<Next> {
        use Answer as A;
        let next = match (self, answer) {
            (Step::PromptEngineering, A::Yes) => Next::Outcome(Outcome::PromptEngineering),
            (Step::PromptEngineering, A::No) => Next::Step(Step::Rag),
            (Step::Rag, A::Yes) => Next::Outcome(Outcome::Rag),
            (Step::Rag, A::No) => Next::Step(Step::TrainingData),
            (Step::TrainingData, A::No) => Next::Outcome(Outcome::CollectDataFirst),
            (Step::TrainingData, A::Yes) => Next::Step(Step::Budget),
            (Step::Budget, A::Limited) => Next::Outcome(Outcome::LoraOrPromptRag),
            (Step::Budget, A::Sufficient) => Next::Step(Step::Customization),
            (Step::Customization, A::Low) => Next::Outcome(Outcome::PromptRag),
            (Step::Customization, A::Medium) => Next::Outcome(Outcome::LoraOrFineTuning),
            (Step::Customization, A::High) => Next::Outcome(Outcome::FullFineTuning),
            _ => return None,
        };
        Some(next)
    }
}

impl Answer {
    /// Stable short key used in links and storage.
    pub fn key(self) -> &'static str {
        match self {
            Answer::Yes => "yes",
            Answer::No => "no",
            Answer::Limited => "limited",
            Answer::Sufficient => "sufficient",
            Answer::Low => "low",
            Answer::Medium => "medium",
            Answer::High => "high",
        }
    }

    /// The answer with this key, if any.
    pub fn from_key(key: &str) -> Option<Answer> {
        [
            Answer::Yes,
            Answer::No,
            Answer::Limited,
            Answer::Sufficient,
            Answer::Low,
            Answer::Medium,
            Answer::High,
        ]
        .into_iter()
        .find(|a| a.key() == key)
    }
}

impl Outcome {
    /// All outcomes, in the order the tree reaches them.
    pub const ALL: [Outcome; 7] = [
        Outcome::PromptEngineering,
        Outcome::Rag,
        Outcome::CollectDataFirst,
        Outcome::LoraOrPromptRag,
        Outcome::PromptRag,
        Outcome::LoraOrFineTuning,
        Outcome::FullFineTuning,
    ];

    /// Short key, stable for tests and links.
    pub fn key(self) -> &'static str {
        match self {
            Outcome::PromptEngineering => "prompt-engineering",
            Outcome::Rag => "rag",
            Outcome::CollectDataFirst => "collect-data",
            Outcome::LoraOrPromptRag => "lora-or-prompt-rag",
            Outcome::PromptRag => "prompt-rag",
            Outcome::LoraOrFineTuning => "lora-or-fine-tuning",
            Outcome::FullFineTuning => "full-fine-tuning",
        }
    }
}
