//! The question bank: `data/questions.json`, read into typed questions.
//!
//! The bank is content, written in tunewise's own words; the page fetches
//! it when it opens (it is not compiled into the page's code). Every
//! question has a stable id (progress is kept by id, never by position),
//! topic tags, a difficulty, a model answer and key points; where it suits,
//! a multiple-choice form with a reason for every option, a scenario, the
//! date its facts were true (`as_of`) and the tool to try it in.
//!
//! [`parse`] is total: bytes that are not a bank give a message, never a
//! panic. [`problems`] lists what makes a bank incomplete; the test at the
//! bottom runs it on the shipped file with the date it was written.
//!
//! Architecture invariant: content only; no UI imports.

use serde::Deserialize;

/// What a question is about. The ids are stable (they are stored in
/// progress and in the bank).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Topic {
    /// Training versus prompt engineering or retrieval.
    WhenToTrain,
    /// The examples a training run needs.
    Data,
    /// Training, per-request and total costs; ROI and break-even.
    Costs,
    /// Fine-tuning, LoRA, QLoRA, full fine-tuning, preference tuning, distillation.
    Methods,
    /// Domain adaptation versus task-specific training.
    DomainAndTask,
    /// Evaluating a trained model.
    Evaluation,
    /// Overfitting and its prevention.
    Overfitting,
    /// How providers' closures and retirements change the answer.
    Providers,
}

impl Topic {
    /// Every topic, in the order the page lists them.
    pub const ALL: [Topic; 8] = [
        Topic::WhenToTrain,
        Topic::Data,
        Topic::Costs,
        Topic::Methods,
        Topic::DomainAndTask,
        Topic::Evaluation,
        Topic::Overfitting,
        Topic::Providers,
    ];

    /// The stable id, as in the bank's `topics`.
    pub fn id(self) -> &'static str {
        match self {
            Topic::WhenToTrain => "when-to-train",
            Topic::Data => "data",
            Topic::Costs => "costs",
            Topic::Methods => "methods",
            Topic::DomainAndTask => "domain-and-task",
            Topic::Evaluation => "evaluation",
            Topic::Overfitting => "overfitting",
            Topic::Providers => "providers",
        }
    }

    /// The topic with this id.
    pub fn from_id(id: &str) -> Option<Topic> {
        Topic::ALL.into_iter().find(|t| t.id() == id)
    }

    /// Label for filters and progress.
    pub fn label(self) -> &'static str {
        match self {
            Topic::WhenToTrain => "When to train",
            Topic::Data => "Training data",
            Topic::Costs => "Costs and break-even",
            Topic::Methods => "Methods",
            Topic::DomainAndTask => "Domain and task",
            Topic::Evaluation => "Evaluation",
            Topic::Overfitting => "Overfitting",
            Topic::Providers => "Providers and dates",
        }
    }
}

/// How hard a question is, in three levels.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Difficulty {
    /// What everyone deciding about training should know.
    Foundation,
    /// Needs some practice with the tools.
    Intermediate,
    /// Trade-offs an experienced engineer is expected to weigh.
    Advanced,
}

impl Difficulty {
    /// Every level, easiest first.
    pub const ALL: [Difficulty; 3] = [
        Difficulty::Foundation,
        Difficulty::Intermediate,
        Difficulty::Advanced,
    ];

    /// The stable id.
    pub fn id(self) -> &'static str {
        match self {
            Difficulty::Foundation => "foundation",
            Difficulty::Intermediate => "intermediate",
            Difficulty::Advanced => "advanced",
        }
    }

    /// The level with this id.
    pub fn from_id(id: &str) -> Option<Difficulty> {
        Difficulty::ALL.into_iter().find(|d| d.id() == id)
    }

    /// Label shown beside a question.
    pub fn label(self) -> &'static str {
        match self {
            Difficulty::Foundation => "Foundation",
            Difficulty::Intermediate => "Intermediate",
            Difficulty::Advanced => "Advanced",
        }
    }
}

/// The tunewise tool in which a question can be tried.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Tool {
    Wizard,
    Costs,
    Dataset,
    Training,
    Approaches,
}

impl Tool {
    /// The app section that holds the tool.
    pub fn section(self) -> crate::core::route::Section {
        use crate::core::route::Section;
        match self {
            Tool::Wizard => Section::Wizard,
            Tool::Costs => Section::Costs,
            Tool::Dataset => Section::Dataset,
            Tool::Training => Section::Training,
            Tool::Approaches => Section::Approaches,
        }
    }

    /// The words of the link to it.
    pub fn link_text(self) -> &'static str {
        match self {
            Tool::Wizard => "Try it in the decision wizard",
            Tool::Costs => "Try it in the cost calculator",
            Tool::Dataset => "Try it in the dataset validator",
            Tool::Training => "Try it on the training page",
            Tool::Approaches => "Read the approaches explained",
        }
    }
}

/// One option of a multiple-choice question.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub text: String,
    pub correct: bool,
    /// Why this option is right, or why it is wrong.
    pub why: String,
}

/// One question of the bank.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Stable id: progress is kept under it.
    pub id: String,
    /// Topics, the first being the main one.
    pub topics: Vec<Topic>,
    pub difficulty: Difficulty,
    pub question: String,
    /// The model answer.
    pub answer: String,
    /// What an interviewer listens for; the mock interview's checklist.
    pub key_points: Vec<String>,
    /// The multiple-choice form, when the question has one.
    #[serde(default)]
    pub choices: Vec<Choice>,
    /// A situation to decide ("which approach would you pick and why?").
    #[serde(default)]
    pub scenario: Option<String>,
    /// The day the question's facts were true, where they can age.
    #[serde(default)]
    pub as_of: Option<String>,
    /// The tool to try it in.
    pub tool: Tool,
    /// The Approaches page explainer it relates to (an approach id).
    #[serde(default)]
    pub explainer: Option<String>,
}

impl Question {
    /// The main topic.
    pub fn topic(&self) -> Topic {
        self.topics.first().copied().unwrap_or(Topic::WhenToTrain)
    }

    /// The index of the right option, for multiple-choice questions.
    pub fn correct_choice(&self) -> Option<usize> {
        self.choices.iter().position(|c| c.correct)
    }
}

/// The whole bank.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bank {
    /// Format version of the file (1).
    pub version: u32,
    /// When the bank was last reviewed.
    pub as_of: String,
    /// What the file is and how to update it (for people; not shown).
    #[serde(default)]
    pub about: String,
    pub questions: Vec<Question>,
}

impl Bank {
    /// The question with this id.
    pub fn get(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }
}

/// Reads a bank from its JSON text; a message when it is not one.
pub fn parse(text: &str) -> Result<Bank, String> {
    let bank: Bank = serde_json::from_str(text)
        .map_err(|e| format!("The question bank could not be read: {e}."))?;
    if bank.version != 1 {
        return Err(format!(
            "The question bank is version {}, which this build of tunewise does not read.",
            bank.version
        ));
    }
    Ok(bank)
}

/// What makes `bank` incomplete on `today` (`YYYY-MM-DD`): every entry
/// complete, ids unique and well formed, exactly one right option with a
/// reason for each, no `as_of` after today, explainers that exist.
pub fn problems(bank: &Bank, today: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for q in &bank.questions {
        let mut bad = |what: &str| out.push(format!("{}: {what}", q.id));
        if !is_id(&q.id) {
            bad("the id is not kebab-case of at most 60 characters");
        }
        if !seen.insert(q.id.as_str()) {
            bad("the id is used twice");
        }
        if q.topics.is_empty() {
            bad("no topic");
        }
        if q.question.trim().len() < 10 || q.answer.trim().len() < 20 {
            bad("the question or the answer is missing");
        }
        if !(3..=6).contains(&q.key_points.len())
            || q.key_points.iter().any(|k| k.trim().is_empty())
        {
            bad("3 to 6 key points are needed");
        }
        if !q.choices.is_empty() {
            if !(3..=5).contains(&q.choices.len()) {
                bad("a multiple-choice form has 3 to 5 options");
            }
            if q.choices.iter().filter(|c| c.correct).count() != 1 {
                bad("exactly one option is right");
            }
            if q.choices
                .iter()
                .any(|c| c.text.trim().is_empty() || c.why.trim().len() < 10)
            {
                bad("every option has its text and a reason");
            }
        }
        if let Some(d) = &q.as_of {
            match crate::core::dates::day_number(d) {
                None => bad("the as-of date is not a date"),
                Some(n) if Some(n) > crate::core::dates::day_number(today) => {
                    bad("the as-of date is in the future")
                }
                _ => {}
            }
        }
        if let Some(e) = &q.explainer
            && crate::core::decision::approaches::name(e).is_none()
        {
            bad("the explainer does not exist");
        }
    }
    out
}

/// A stable id: kebab-case ASCII, 1 to 60 characters.
pub fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 60
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHIPPED: &str = include_str!("../../../data/questions.json");
    /// The day the shipped bank was last reviewed: its dates are checked
    /// against this, not the calendar.
    const WRITTEN: &str = "2026-12-01";

    #[test]
    fn the_shipped_bank_is_complete() {
        let bank = parse(SHIPPED).expect("the shipped bank parses");
        assert_eq!(problems(&bank, WRITTEN), Vec::<String>::new());
        assert!(
            bank.questions.len() >= 60,
            "{} questions",
            bank.questions.len()
        );
        assert!(
            crate::core::dates::day_number(&bank.as_of) <= crate::core::dates::day_number(WRITTEN)
        );
    }

    #[test]
    fn the_shipped_bank_covers_every_topic_and_level_with_every_form() {
        let bank = parse(SHIPPED).unwrap();
        for t in Topic::ALL {
            let n = bank.questions.iter().filter(|q| q.topic() == t).count();
            assert!(n >= 5, "{}: {n} questions", t.id());
        }
        for d in Difficulty::ALL {
            assert!(
                bank.questions.iter().filter(|q| q.difficulty == d).count() >= 10,
                "{}",
                d.id()
            );
        }
        assert!(
            bank.questions
                .iter()
                .filter(|q| !q.choices.is_empty())
                .count()
                >= 30
        );
        assert!(
            bank.questions
                .iter()
                .filter(|q| q.scenario.is_some())
                .count()
                >= 10
        );
        // A question that names a year states a dated fact: it carries its as-of date.
        let names_a_year = |t: &str| {
            t.as_bytes()
                .windows(4)
                .any(|w| w.starts_with(b"20") && w.iter().all(u8::is_ascii_digit))
        };
        for q in &bank.questions {
            if names_a_year(&q.question) || names_a_year(&q.answer) {
                assert!(
                    q.as_of.is_some(),
                    "{} names a year but has no as-of date",
                    q.id
                );
            }
        }
        assert!(
            bank.questions
                .iter()
                .filter(|q| q.topic() == Topic::Providers && q.as_of.is_some())
                .count()
                >= 5
        );
    }

    #[test]
    fn problems_are_found() {
        let mut bank = parse(SHIPPED).unwrap();
        let first = bank.questions[0].clone();
        bank.questions.push(first.clone());
        let mut future = first.clone();
        future.id = "future-fact".into();
        future.as_of = Some("2027-01-01".into());
        bank.questions.push(future);
        let mut two_right = first.clone();
        two_right.id = "two-right".into();
        two_right.choices = vec![
            Choice {
                text: "a".into(),
                correct: true,
                why: "because it is".into(),
            },
            Choice {
                text: "b".into(),
                correct: true,
                why: "because it is".into(),
            },
            Choice {
                text: "c".into(),
                correct: false,
                why: "because it is not".into(),
            },
        ];
        bank.questions.push(two_right);
        let found = problems(&bank, WRITTEN);
        assert!(
            found.iter().any(|p| p.ends_with("the id is used twice")),
            "{found:?}"
        );
        assert!(
            found
                .iter()
                .any(|p| p == "future-fact: the as-of date is in the future"),
            "{found:?}"
        );
        assert!(
            found
                .iter()
                .any(|p| p == "two-right: exactly one option is right"),
            "{found:?}"
        );
    }

    #[test]
    fn damaged_banks_are_refused_with_a_message() {
        for text in [
            "",
            "[]",
            "{\"version\":1}",
            "{\"version\":2,\"as_of\":\"x\",\"questions\":[]}",
            "\u{0}\u{ff}",
        ] {
            let e = parse(text).unwrap_err();
            assert!(e.starts_with("The question bank"), "{e}");
        }
    }

    #[test]
    fn ids_are_kebab_case() {
        assert!(is_id("costs-break-even-1"));
        for bad in ["", "Costs", "a--b", "-a", "a-", "a b", &"a".repeat(61)] {
            assert!(!is_id(bad), "{bad}");
        }
    }
}
