//! What the other tools tell the wizard: the checked dataset for step 3
//! (training data) and the calculator's costs against the user's budget
//! for step 4 (budget). Evidence sets the criteria it can know; the user
//! ticks the rest and still picks the answer.
//!
//! Rules, exactly:
//! - Step 3, from a [`DatasetBrief`]: "At least 100 examples"
//!   (`100-examples`) is ticked when the file has at least
//!   [`MIN_EXAMPLES`] clean examples (valid, repeats removed); "Input-output
//!   pairs" (`input-output-pairs`) when its main format is one the validator
//!   knows (every one of them pairs an input with the wanted output: chat,
//!   preference, prompt/completion, Alpaca, input/output, ShareGPT) and it
//!   has at least one clean example; "Properly formatted" (`formatted`) when
//!   the file has no errors and at least one valid example. "Representative
//!   of real use" is never set: no file check can tell.
//! - Step 4, from a [`Budget`] and the calculator's [`Scenario`]: among the
//!   compared approaches that train, the one with the lowest one-off cost
//!   is the cheapest way to train. "Training costs … are acceptable"
//!   (`training-cost-ok`) is ticked when the one-off budget is at least that
//!   approach's one-off cost; "A per-request cost … is acceptable"
//!   (`per-request-cost-ok`) when the monthly budget is at least its
//!   monthly cost at the scenario's volume. A budget left empty sets
//!   nothing. The suggestion is *enough for training* when both hold,
//!   otherwise *limited*, with the figures as the reason.
//!
//! Architecture invariant: pure, no UI imports; evidence only proposes
//! ticks and a suggestion, it never answers a step.

use crate::core::costs::approach_cost::ApproachCost;
use crate::core::costs::scenario::Scenario;
use crate::core::dataset::brief::{DatasetBrief, MIN_EXAMPLES, PREFERRED_EXAMPLES};
use crate::core::dataset::saved_report;
use crate::core::dataset::validate_line::Format;
use crate::core::decision::suggest::Suggestion;
use crate::core::decision::tree::Answer;
use crate::core::number_format;

/// What the user can spend: whole US dollars, up front and per month.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Budget {
    /// One-off budget for preparing data and training.
    pub one_off: Option<u64>,
    /// Monthly budget for serving and hosting.
    pub monthly: Option<u64>,
}

impl Budget {
    /// Whether neither figure is given.
    pub fn is_empty(&self) -> bool {
        self.one_off.is_none() && self.monthly.is_none()
    }
}

/// The dataset's evidence for step 3.
#[derive(Clone, Debug, PartialEq)]
pub struct DataEvidence {
    /// One sentence about the file, e.g. "train.jsonl: 87 valid examples,
    /// below the 100 minimum; 1,000+ preferred".
    pub headline: String,
    /// When the file was checked ("2026-12-01 10:20"), when the brief's
    /// time reads as one.
    pub checked: Option<String>,
    /// Criteria keys of step 3 the file decides, and whether each holds.
    pub ticks: Vec<(&'static str, bool)>,
}

/// Step 3's evidence from a checked dataset (rules in the module docs).
pub fn data_evidence(brief: &DatasetBrief) -> DataEvidence {
    let known_format = brief
        .format
        .as_deref()
        .and_then(Format::from_label)
        .is_some();
    let pairs = known_format && brief.clean_examples > 0;
    DataEvidence {
        headline: brief.headline(),
        checked: saved_report::checked_time(&brief.checked_at),
        ticks: vec![
            ("100-examples", brief.clean_examples >= MIN_EXAMPLES),
            ("input-output-pairs", pairs),
            ("formatted", brief.errors == 0 && brief.valid_examples > 0),
        ],
    }
}

/// The training need in the wizard's own words, for the step's text.
pub fn data_rule() -> String {
    format!(
        "at least {} quality examples, {}+ preferred",
        MIN_EXAMPLES,
        number_format::count(PREFERRED_EXAMPLES as f64)
    )
}

/// One approach's costs as step 4 shows them.
#[derive(Clone, Debug, PartialEq)]
pub struct ApproachBudgetRow {
    pub name: String,
    /// Whether the approach trains a model.
    pub trains: bool,
    /// One-off cost (data preparation and training), USD.
    pub one_off: f64,
    /// Monthly cost at the scenario's volume, USD.
    pub monthly: f64,
}

/// The calculator's evidence for step 4.
#[derive(Clone, Debug, PartialEq)]
pub struct BudgetEvidence {
    /// Every compared approach, in the calculator's order.
    pub rows: Vec<ApproachBudgetRow>,
    /// Monthly volume the monthly costs are for.
    pub monthly_requests: f64,
    /// Criteria keys of step 4 the budget decides, and whether each holds.
    pub ticks: Vec<(&'static str, bool)>,
    /// The suggestion from the budget, when a budget is given and some
    /// compared approach trains.
    pub suggestion: Option<Suggestion>,
}

fn row(a: &ApproachCost, monthly_requests: f64) -> ApproachBudgetRow {
    ApproachBudgetRow {
        name: a.name.clone(),
        trains: a.kind.trains(),
        one_off: a.one_off(),
        monthly: a.monthly(monthly_requests),
    }
}

/// Step 4's evidence: the scenario's costs against `budget` (rules in the
/// module docs).
pub fn budget_evidence(budget: Budget, scenario: &Scenario) -> BudgetEvidence {
    let resolved = scenario.resolved();
    let v = scenario.monthly_requests;
    let rows: Vec<ApproachBudgetRow> = scenario
        .compared()
        .into_iter()
        .map(|i| row(&resolved[i], v))
        .collect();
    let cheapest = rows
        .iter()
        .filter(|r| r.trains)
        .min_by(|a, b| a.one_off.total_cmp(&b.one_off));
    let mut ticks = Vec::new();
    let mut suggestion = None;
    if let Some(c) = cheapest.filter(|_| !budget.is_empty()) {
        let once_ok = budget.one_off.map(|b| b as f64 >= c.one_off);
        let month_ok = budget.monthly.map(|b| b as f64 >= c.monthly);
        if let Some(ok) = once_ok {
            ticks.push(("training-cost-ok", ok));
        }
        if let Some(ok) = month_ok {
            ticks.push(("per-request-cost-ok", ok));
        }
        let mut parts = Vec::new();
        if let Some(b) = budget.one_off {
            parts.push(format!(
                "{} up front {} its {}",
                number_format::usd(b as f64),
                if once_ok == Some(true) {
                    "covers"
                } else {
                    "does not cover"
                },
                number_format::usd(c.one_off)
            ));
        }
        if let Some(b) = budget.monthly {
            parts.push(format!(
                "{} a month {} its {} a month at {} requests",
                number_format::usd(b as f64),
                if month_ok == Some(true) {
                    "covers"
                } else {
                    "does not cover"
                },
                number_format::usd(c.monthly),
                number_format::count(v)
            ));
        }
        let enough = once_ok != Some(false) && month_ok != Some(false);
        suggestion = Some(Suggestion {
            answer: if enough {
                Answer::Sufficient
            } else {
                Answer::Limited
            },
            because: format!(
                "The cheapest way to train in your calculator is {}: {}.",
                c.name,
                parts.join("; ")
            ),
        });
    }
    BudgetEvidence {
        rows,
        monthly_requests: v,
        ticks,
        suggestion,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::costs::scenario::default_scenario;

    fn brief(clean: usize, errors: usize, format: &str) -> DatasetBrief {
        DatasetBrief {
            file_name: "train.jsonl".into(),
            checked_at: "2026-12-01T10:20:00Z".into(),
            format: Some(format.into()),
            lines: clean + errors,
            valid_examples: clean,
            clean_examples: clean,
            errors,
            warnings: 0,
            encoding: Some("o200k_base".into()),
            total_tokens: Some(10_000),
            trainable_tokens: Some(4_000),
            min_examples: Some(10),
        }
    }

    fn tick(e: &[(&'static str, bool)], key: &str) -> Option<bool> {
        e.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
    }

    #[test]
    fn a_small_clean_file_is_formatted_pairs_but_too_few() {
        let e = data_evidence(&brief(87, 0, "OpenAI chat"));
        assert!(
            e.headline.contains("train.jsonl") && e.headline.contains("87"),
            "{}",
            e.headline
        );
        assert_eq!(tick(&e.ticks, "100-examples"), Some(false));
        assert_eq!(tick(&e.ticks, "input-output-pairs"), Some(true));
        assert_eq!(tick(&e.ticks, "formatted"), Some(true));
        assert_eq!(tick(&e.ticks, "representative"), None, "no file tells that");
        assert_eq!(e.checked.as_deref(), Some("2026-12-01 10:20"));
    }

    #[test]
    fn a_large_file_with_errors_is_not_formatted() {
        let e = data_evidence(&brief(1_500, 3, "OpenAI chat"));
        assert_eq!(tick(&e.ticks, "100-examples"), Some(true));
        assert_eq!(tick(&e.ticks, "formatted"), Some(false));
        let unknown = data_evidence(&brief(500, 0, "not a format"));
        assert_eq!(tick(&unknown.ticks, "input-output-pairs"), Some(false));
    }

    #[test]
    fn every_evidence_key_is_a_criterion_of_its_step() {
        use crate::core::decision::tree::Step;
        for (k, _) in data_evidence(&brief(5, 0, "OpenAI chat")).ticks {
            assert!(Step::TrainingData.criterion(k).is_some(), "{k}");
        }
        let b = Budget {
            one_off: Some(1),
            monthly: Some(1),
        };
        for (k, _) in budget_evidence(b, &default_scenario("2026-12-01")).ticks {
            assert!(Step::Budget.criterion(k).is_some(), "{k}");
        }
    }

    #[test]
    fn a_budget_is_measured_against_the_cheapest_way_to_train() {
        let s = default_scenario("2026-12-01");
        let none = budget_evidence(Budget::default(), &s);
        assert_eq!(none.rows.len(), 6);
        assert!(none.ticks.is_empty() && none.suggestion.is_none());
        let cheapest = none
            .rows
            .iter()
            .filter(|r| r.trains)
            .map(|r| r.one_off)
            .fold(f64::INFINITY, f64::min);
        let rich = budget_evidence(
            Budget {
                one_off: Some(1_000_000),
                monthly: Some(1_000_000),
            },
            &s,
        );
        assert_eq!(rich.suggestion.as_ref().unwrap().answer, Answer::Sufficient);
        assert_eq!(tick(&rich.ticks, "training-cost-ok"), Some(true));
        let poor = budget_evidence(
            Budget {
                one_off: Some((cheapest - 1.0).max(0.0) as u64),
                monthly: None,
            },
            &s,
        );
        let why = poor.suggestion.unwrap();
        assert_eq!(why.answer, Answer::Limited);
        assert!(why.because.contains("does not cover"), "{}", why.because);
        assert_eq!(tick(&poor.ticks, "per-request-cost-ok"), None);
        // Nothing that trains is compared: no suggestion.
        let mut only_prompting = s.clone();
        for a in only_prompting.approaches.iter_mut().skip(2) {
            a.enabled = false;
        }
        assert!(
            budget_evidence(
                Budget {
                    one_off: Some(10),
                    monthly: None
                },
                &only_prompting
            )
            .suggestion
            .is_none()
        );
    }
}
