//! The training plan: the five stages from data to deployment (data
//! preparation, training, evaluation, deployment, iteration), each filled
//! with the user's own figures where another tool has them, and saying
//! where to get each figure that is missing.
//!
//! Where the figures come from:
//! - the **approach**: the wizard's outcome picks the kinds
//!   ([`recommended_kinds`]); among the calculator's compared approaches of
//!   those kinds that train, the cheapest over the horizon
//!   ([`recommended_approach::choose`]). When the wizard is not finished, or
//!   recommends no training, the cheapest compared approach that trains,
//!   said as such;
//! - **examples, tokens, format**: the brief of the last checked dataset;
//! - **epochs**: the Dataset page's setting, else the notebook's rule
//!   ([`training_estimate::default_epochs`]) on the clean examples;
//!   **billed training tokens and cost**: the dataset's tokens × epochs by
//!   the provider's billing rule, at the Dataset page's training price;
//! - **training cost, cost per request, monthly volume and cost,
//!   retraining, lifetime**: the calculator's scenario.
//!
//! Architecture invariant: pure, no UI imports; the plan reads the other
//! tools' state and never changes it.

use serde::{Deserialize, Serialize};

use crate::core::costs::approach_cost::{ApproachCost, ApproachKind};
use crate::core::costs::approach_notes::{NoteKind, approach_notes};
use crate::core::costs::break_even::break_even;
use crate::core::costs::chart::growth_words;
use crate::core::costs::prices;
use crate::core::costs::scenario::Scenario;
use crate::core::dataset::brief::{DatasetBrief, MIN_EXAMPLES, PREFERRED_EXAMPLES};
use crate::core::dataset::settings::DatasetSettings;
use crate::core::dataset::training_estimate::{self, DatasetTokens};
use crate::core::decision::walk::walk;
use crate::core::decision::wizard_link::WizardState;
use crate::core::number_format::{count, months, usd};
use crate::core::report::recommended_approach::{self, recommended_kinds};
use crate::core::route::Section;
use crate::core::training::evaluation_plan::{self, EvaluationSettings, Split};

/// A stage of the plan, with a stable id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StageId {
    DataPreparation,
    Training,
    Evaluation,
    Deployment,
    Iteration,
}

impl StageId {
    /// The five stages, in the order of the work.
    pub const ALL: [StageId; 5] = [
        StageId::DataPreparation,
        StageId::Training,
        StageId::Evaluation,
        StageId::Deployment,
        StageId::Iteration,
    ];

    /// The stage's heading.
    pub fn title(self) -> &'static str {
        match self {
            StageId::DataPreparation => "Prepare the data",
            StageId::Training => "Train",
            StageId::Evaluation => "Evaluate",
            StageId::Deployment => "Deploy",
            StageId::Iteration => "Iterate",
        }
    }

    /// What to do in this stage, in a few steps.
    pub fn steps(self) -> &'static [&'static str] {
        match self {
            StageId::DataPreparation => &[
                "Collect input-output pairs that look like the real traffic: the same kinds of request, the answers you want.",
                "Aim for at least 100 good examples; 1,000 or more usually train markedly better. Quality beats quantity: fix or drop wrong answers.",
                "Balance the cases: every kind of request and every label represented, none drowning the others.",
                "Use the provider's format (chat messages for most), remove exact repeats, and keep personal data out.",
            ],
            StageId::Training => &[
                "Start from the defaults: 3 epochs for a few hundred to a few thousand examples, the provider's learning-rate multiplier and batch size.",
                "Hold out a validation set and watch its loss during the run: it should fall with the training loss.",
                "Stop early when validation loss stops improving (the run explorer below applies the rule to your log).",
            ],
            StageId::Evaluation => &[
                "Keep a test set the model never saw (20 % held out is the usual start) and score the trained model on it.",
                "Compare with the baseline (prompt engineering or RAG) on the same test set: accuracy, p95 latency, cost per request.",
                "Before switching all traffic, run an A/B test sized for the difference you care about, and measure user satisfaction.",
            ],
            StageId::Deployment => &[
                "Deploy behind a switch, so traffic can go back to the baseline at once.",
                "Watch cost per request, latency and error rate against the evaluation's figures.",
                "Note the base model's retirement date: a fine-tune ends with it, so plan its replacement.",
            ],
            StageId::Iteration => &[
                "Collect the cases the model gets wrong and add them, corrected, to the next dataset.",
                "Retrain on a schedule or when quality drifts; check every new file on the Dataset page first.",
                "Re-run the evaluation and the break-even after each change of price, volume or model.",
            ],
        }
    }
}

/// A figure of the plan: known, or missing with where to get it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum Value {
    /// The figure as shown (names in it are user-written: escape them).
    Known { text: String },
    /// Not known yet: `what` says how to get it, on `section`'s page.
    Missing {
        what: String,
        #[serde(with = "crate::core::report::decision_report::section_slug")]
        section: Section,
    },
}

/// One labelled figure of a stage.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// What the figure is ("Examples", "Epochs", …).
    pub label: String,
    pub value: Value,
}

impl Figure {
    fn known(label: &str, text: String) -> Figure {
        Figure {
            label: label.into(),
            value: Value::Known { text },
        }
    }

    fn missing(label: &str, what: &str, section: Section) -> Figure {
        Figure {
            label: label.into(),
            value: Value::Missing {
                what: what.into(),
                section,
            },
        }
    }
}

/// One stage, with the user's figures.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Stage {
    pub id: StageId,
    pub title: String,
    pub figures: Vec<Figure>,
    pub steps: Vec<String>,
}

/// Where the plan's approach comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ApproachSource {
    /// The cheapest compared approach of the kinds the wizard recommends.
    Wizard,
    /// The wizard is not finished or recommends no training: the cheapest
    /// compared approach that trains.
    CheapestTrained,
}

/// The approach the plan trains.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlanApproach {
    /// Index into the scenario's approaches.
    pub index: usize,
    /// Its name (user-written).
    pub name: String,
    pub source: ApproachSource,
}

/// The whole plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TrainingPlan {
    /// The approach trained; `None` when the calculator compares no
    /// approach that trains.
    pub approach: Option<PlanApproach>,
    /// A sentence on the approach's choice.
    pub approach_note: String,
    /// The five stages, in [`StageId::ALL`] order.
    pub stages: Vec<Stage>,
}

/// Whether the plan for `inputs` has figures from the user's own work (a
/// checked dataset or a finished wizard): the report includes it then.
pub fn has_own_figures(inputs: &PlanInputs) -> bool {
    inputs.brief.is_some() || walk(&inputs.wizard.answers).outcome().is_some()
}

/// What the plan reads from the other tools and the evaluation planner.
#[derive(Clone, Copy, Debug)]
pub struct PlanInputs<'a> {
    pub wizard: &'a WizardState,
    pub scenario: &'a Scenario,
    /// The brief of the last checked dataset.
    pub brief: Option<&'a DatasetBrief>,
    /// The Dataset page's settings (epochs, provider, training price).
    pub dataset_settings: Option<&'a DatasetSettings>,
    /// The evaluation planner's split of the valid examples: (train, test),
    /// and the held-out share (0..1).
    pub split: Option<(usize, usize, f64)>,
}

/// The evaluation planner's split of the brief's valid examples, as the
/// plan shows it: (train, test, held-out share 0..1); `None` without a
/// dataset or with fewer than 2 valid examples.
pub fn planned_split(
    brief: Option<&DatasetBrief>,
    evaluation: &EvaluationSettings,
) -> Option<(usize, usize, f64)> {
    match evaluation_plan::split(brief.map(|b| b.valid_examples), evaluation.held_out_pct) {
        Split::Counts { train, test } => Some((
            train,
            test,
            evaluation.held_out_pct.clamp(5.0, 50.0) / 100.0,
        )),
        Split::NoDataset | Split::TooFew { .. } => None,
    }
}

/// The approach the plan trains, and why that one.
fn plan_approach(inputs: &PlanInputs) -> (Option<PlanApproach>, String) {
    let s = inputs.scenario;
    let trained: Vec<ApproachKind> = ApproachKind::ALL
        .into_iter()
        .filter(|k| k.trains())
        .collect();
    let outcome = walk(&inputs.wizard.answers).outcome();
    let wizard_kinds: Vec<ApproachKind> = outcome
        .map(|o| {
            recommended_kinds(o)
                .iter()
                .copied()
                .filter(|k| k.trains())
                .collect()
        })
        .unwrap_or_default();
    let pick = |kinds: &[ApproachKind], source| {
        recommended_approach::choose(s, kinds).map(|c| PlanApproach {
            index: c.index,
            name: s.approaches[c.index].name.clone(),
            source,
        })
    };
    if let Some(a) = (!wizard_kinds.is_empty())
        .then(|| pick(&wizard_kinds, ApproachSource::Wizard))
        .flatten()
    {
        let note = format!(
            "{}: the cheapest over {} of the approaches the wizard recommends.",
            a.name,
            months(s.horizon_months)
        );
        return (Some(a), note);
    }
    let fallback = pick(&trained, ApproachSource::CheapestTrained);
    let why = match (outcome, wizard_kinds.is_empty()) {
        (None, _) => "The wizard is not finished".to_string(),
        (Some(o), true) => format!("The wizard recommends {}, which trains nothing", o.title()),
        (Some(_), false) => {
            "The calculator compares none of the approaches the wizard recommends".to_string()
        }
    };
    let note = match &fallback {
        Some(a) => format!(
            "{why}: this plan uses {}, the cheapest approach that trains in the calculator.",
            a.name
        ),
        None => format!("{why}, and the calculator compares no approach that trains."),
    };
    (fallback, note)
}

fn data_figures(brief: Option<&DatasetBrief>) -> Vec<Figure> {
    const CHECK: &str = "Check your training file on the Dataset page";
    let Some(b) = brief else {
        return vec![
            Figure::missing("Examples", CHECK, Section::Dataset),
            Figure::missing("Tokens", CHECK, Section::Dataset),
        ];
    };
    let mut out = vec![Figure::known(
        "Examples",
        format!(
            "{} valid, {} after removing repeats, in {}",
            count(b.valid_examples as f64),
            count(b.clean_examples as f64),
            b.file_name
        ),
    )];
    if let Some(f) = &b.format {
        out.push(Figure::known("Format", f.clone()));
    }
    out.push(match (b.total_tokens, b.trainable_tokens) {
        (Some(t), trainable) => Figure::known(
            "Tokens",
            format!(
                "{} in all{}{}",
                count(t as f64),
                trainable.map_or(String::new(), |tr| format!(
                    ", {} trainable",
                    count(tr as f64)
                )),
                b.encoding
                    .as_ref()
                    .map_or(String::new(), |e| format!(" ({e})"))
            ),
        ),
        _ => Figure::missing(
            "Tokens",
            "Check the file again with token counting on",
            Section::Dataset,
        ),
    });
    let clean = b.clean_examples;
    let size = if clean < MIN_EXAMPLES {
        format!(
            "{} clean examples: below the {MIN_EXAMPLES} a fine-tune needs; collect more first",
            count(clean as f64)
        )
    } else if clean < PREFERRED_EXAMPLES {
        format!(
            "{} clean examples: enough to start; {} or more usually train markedly better",
            count(clean as f64),
            count(PREFERRED_EXAMPLES as f64)
        )
    } else {
        format!("{} clean examples: a good size", count(clean as f64))
    };
    out.push(Figure::known(
        "Verdict",
        format!("{}. {size}.", b.headline().trim_end_matches('.')),
    ));
    out
}

fn training_figures(inputs: &PlanInputs, approach: Option<&ApproachCost>) -> Vec<Figure> {
    let mut out = Vec::new();
    match approach {
        Some(a) => out.push(Figure::known(
            "Approach",
            if a.name == a.kind.label() {
                a.name.clone()
            } else {
                format!("{} ({})", a.name, a.kind.label())
            },
        )),
        None => out.push(Figure::missing(
            "Approach",
            "Finish the wizard, or switch on an approach that trains in the calculator",
            Section::Wizard,
        )),
    }
    match inputs.brief {
        Some(b) => {
            let settings = inputs.dataset_settings.cloned().unwrap_or_default();
            let examples = b.clean_examples.max(1);
            let (default, why) = training_estimate::default_epochs(examples);
            let (epochs, why) = match settings.epochs {
                Some(e) => (e, "set on the Dataset page".to_string()),
                None => (default, why),
            };
            out.push(Figure::known("Epochs", format!("{epochs}: {why}")));
            if let Some(tokens) = b.total_tokens {
                let billed = training_estimate::billed_tokens(
                    DatasetTokens {
                        training: tokens,
                        training_examples: b.valid_examples as u64,
                        validation: 0,
                        validation_examples: 0,
                    },
                    epochs,
                    training_estimate::billing_for(&settings),
                );
                out.push(Figure::known(
                    "Billed training tokens",
                    format!("{} ({} × {epochs} epochs)", count(billed as f64), count(tokens as f64)),
                ));
                match prices::by_id(&settings.price_preset).and_then(|p| p.training_per_1m.map(|m| (p, m))) {
                    Some((p, per_1m)) => out.push(Figure::known(
                        "Training cost, from the dataset",
                        format!(
                            "{} at {} {}, ${per_1m}/1M training tokens (as of {})",
                            usd(training_estimate::cost(billed, per_1m)),
                            p.provider,
                            p.model,
                            p.as_of
                        ),
                    )),
                    None => out.push(Figure::missing(
                        "Training cost, from the dataset",
                        "Pick a training price on the Dataset page",
                        Section::Dataset,
                    )),
                }
            }
        }
        None => out.push(Figure::missing(
            "Epochs and training tokens",
            "Check your training file on the Dataset page: it estimates epochs, billed tokens and cost",
            Section::Dataset,
        )),
    }
    if let Some(a) = approach {
        out.push(Figure::known(
            "Training cost, in the calculator",
            format!(
                "{} training, {} one-off with data preparation and indexing",
                usd(a.training_cost()),
                usd(a.one_off())
            ),
        ));
    }
    out
}

fn evaluation_figures(
    inputs: &PlanInputs,
    resolved: &[ApproachCost],
    approach: Option<&ApproachCost>,
) -> Vec<Figure> {
    let mut out = Vec::new();
    match inputs.split {
        Some((train, test, share)) => out.push(Figure::known(
            "Held-out split",
            format!(
                "{} to train, {} held out for testing ({:.0} %)",
                count(train as f64),
                count(test as f64),
                share * 100.0
            ),
        )),
        None => out.push(Figure::missing(
            "Held-out split",
            "Check your training file on the Dataset page to split its examples",
            Section::Dataset,
        )),
    }
    let s = inputs.scenario;
    let baseline = baseline_index(s);
    match (baseline, approach) {
        (Some(b), Some(a)) => {
            let base = &resolved[b];
            let be = break_even(base, a, s.monthly_requests);
            let pays = match be.practical_months() {
                Some(0.0) => "cheaper from the first request".to_string(),
                Some(m) => format!("pays for itself after {}", months(m)),
                None => "never pays for itself at this volume".to_string(),
            };
            out.push(Figure::known(
                "Baseline",
                format!(
                    "{}: {} per request all-in against {} for {}; the trained model {pays}",
                    base.name,
                    usd(all_in(base, s.monthly_requests)),
                    usd(all_in(a, s.monthly_requests)),
                    a.name
                ),
            ));
        }
        (Some(b), None) => out.push(Figure::known(
            "Baseline",
            format!(
                "{}: {} per request all-in",
                resolved[b].name,
                usd(all_in(&resolved[b], s.monthly_requests))
            ),
        )),
        (None, _) => out.push(Figure::missing(
            "Baseline",
            "Switch on prompt engineering or RAG in the calculator to compare against",
            Section::Costs,
        )),
    }
    out.push(Figure::known(
        "Targets",
        "Set them in the training page's evaluation planner: accuracy, p95 latency, cost per request, satisfaction".into(),
    ));
    out
}

/// One request's cost with the month's fixed costs and retraining spread
/// over the month's requests (the evaluation planner's figure too); the
/// marginal cost when there is no volume.
fn all_in(a: &ApproachCost, monthly_requests: f64) -> f64 {
    if monthly_requests > 0.0 && monthly_requests.is_finite() {
        a.monthly(monthly_requests) / monthly_requests
    } else {
        a.per_request()
    }
}

/// The cheapest compared untrained approach (prompt engineering or RAG)
/// over the horizon: the baseline a trained model must beat.
pub fn baseline_index(s: &Scenario) -> Option<usize> {
    recommended_approach::choose(s, &[ApproachKind::PromptEngineering, ApproachKind::Rag])
        .map(|c| c.index)
}

fn deployment_figures(
    inputs: &PlanInputs,
    resolved: &[ApproachCost],
    plan: Option<&PlanApproach>,
) -> Vec<Figure> {
    let s = inputs.scenario;
    let Some(p) = plan else {
        return vec![Figure::missing(
            "Costs",
            "Switch on an approach that trains in the calculator",
            Section::Costs,
        )];
    };
    let a = &resolved[p.index];
    let mut out = vec![
        Figure::known(
            "Cost per request",
            format!(
                "{} all-in at this volume (hosting, fees and retraining spread over the month's \
                 requests); {} for the tokens alone",
                usd(all_in(a, s.monthly_requests)),
                usd(a.per_request())
            ),
        ),
        Figure::known(
            "Monthly volume",
            format!(
                "{} requests a month{}",
                count(s.monthly_requests),
                growth_words(s.profile.growth)
            ),
        ),
        Figure::known(
            "Monthly cost",
            format!(
                "{} (requests, hosting and fees, retraining spread over its period)",
                usd(a.monthly(s.monthly_requests))
            ),
        ),
    ];
    let notes: Vec<String> = approach_notes(s, resolved, p.index)
        .into_iter()
        .filter(|n| {
            matches!(
                n.kind,
                NoteKind::RetiresFirst | NoteKind::TrainingCloses | NoteKind::Unavailable
            )
        })
        .map(|n| n.text)
        .collect();
    out.push(Figure::known(
        "Lifetime",
        match (a.lifetime_months, notes.is_empty()) {
            (_, false) => notes.join(" "),
            (Some(l), true) if l.is_finite() => format!(
                "its base model retires {} after the start ({})",
                months(l),
                s.start
            ),
            _ => "no retirement announced for its base model".into(),
        },
    ));
    out
}

fn iteration_figures(resolved: &[ApproachCost], plan: Option<&PlanApproach>) -> Vec<Figure> {
    let Some(p) = plan else {
        return vec![Figure::missing(
            "Retraining",
            "Switch on an approach that trains in the calculator",
            Section::Costs,
        )];
    };
    let a = &resolved[p.index];
    let retrain = match a.retrain_period() {
        Some(n) => Figure::known(
            "Retraining",
            format!("every {}, {} each time", months(n), usd(a.one_off())),
        ),
        None => Figure::missing(
            "Retraining",
            "None planned: set how often to retrain in the calculator",
            Section::Costs,
        ),
    };
    vec![
        retrain,
        Figure::known(
            "Each new dataset",
            "Check it on the Dataset page before training; read the run in the training page's run explorer"
                .into(),
        ),
    ]
}

/// The plan for `inputs`.
pub fn training_plan(inputs: &PlanInputs) -> TrainingPlan {
    let resolved = inputs.scenario.resolved();
    let (approach, approach_note) = plan_approach(inputs);
    let chosen = approach.as_ref().and_then(|p| resolved.get(p.index));
    let figures = |id: StageId| match id {
        StageId::DataPreparation => data_figures(inputs.brief),
        StageId::Training => training_figures(inputs, chosen),
        StageId::Evaluation => evaluation_figures(inputs, &resolved, chosen),
        StageId::Deployment => deployment_figures(inputs, &resolved, approach.as_ref()),
        StageId::Iteration => iteration_figures(&resolved, approach.as_ref()),
    };
    let stages = StageId::ALL
        .into_iter()
        .map(|id| Stage {
            id,
            title: id.title().into(),
            figures: figures(id),
            steps: id.steps().iter().map(|s| s.to_string()).collect(),
        })
        .collect();
    TrainingPlan {
        approach,
        approach_note,
        stages,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::costs::prices::OrgStanding;
    use crate::core::costs::scenario::default_scenario_for;
    use crate::core::decision::wizard_link;

    const TODAY: &str = "2026-12-01";

    fn brief() -> DatasetBrief {
        DatasetBrief::from_query(
            "f=train.jsonl&at=2026-12-01T10:15:00Z&fmt=chat&l=120&v=400&c=380&e=0&w=3&enc=o200k_base&tt=45210&tr=20110&min=10",
        )
        .unwrap()
    }

    fn figure<'a>(plan: &'a TrainingPlan, stage: StageId, label: &str) -> &'a Value {
        &plan
            .stages
            .iter()
            .find(|s| s.id == stage)
            .unwrap()
            .figures
            .iter()
            .find(|f| f.label == label)
            .unwrap_or_else(|| panic!("no {label} in {stage:?}"))
            .value
    }

    fn text(v: &Value) -> &str {
        match v {
            Value::Known { text } => text,
            Value::Missing { what, .. } => panic!("missing: {what}"),
        }
    }

    #[test]
    fn an_empty_start_says_where_every_figure_comes_from() {
        let wizard = WizardState::default();
        let s = default_scenario_for(TODAY, OrgStanding::New);
        let plan = training_plan(&PlanInputs {
            wizard: &wizard,
            scenario: &s,
            brief: None,
            dataset_settings: None,
            split: None,
        });
        assert_eq!(plan.stages.len(), 5);
        assert!(matches!(
            figure(&plan, StageId::DataPreparation, "Examples"),
            Value::Missing {
                section: Section::Dataset,
                ..
            }
        ));
        // The cheapest trained approach stands in, and the note says so.
        let a = plan.approach.as_ref().unwrap();
        assert_eq!(a.source, ApproachSource::CheapestTrained);
        assert!(plan.approach_note.starts_with("The wizard is not finished"));
        assert!(s.approaches[a.index].kind.trains());
        assert!(text(figure(&plan, StageId::Deployment, "Cost per request")).starts_with('$'));
        assert!(text(figure(&plan, StageId::Deployment, "Cost per request")).contains("all-in"));
        assert!(!has_own_figures(&PlanInputs {
            wizard: &wizard,
            scenario: &s,
            brief: None,
            dataset_settings: None,
            split: None,
        }));
    }

    #[test]
    fn a_checked_dataset_fills_the_data_and_training_stages() {
        let wizard = wizard_link::decode("pe=no&rag=no&data=yes&budget=sufficient&level=medium");
        let s = default_scenario_for(TODAY, OrgStanding::New);
        let b = brief();
        let inputs = PlanInputs {
            wizard: &wizard,
            scenario: &s,
            brief: Some(&b),
            dataset_settings: None,
            split: Some((320, 80, 0.2)),
        };
        let plan = training_plan(&inputs);
        assert!(has_own_figures(&inputs));
        assert!(
            text(figure(&plan, StageId::DataPreparation, "Examples"))
                .starts_with("400 valid, 380 after")
        );
        assert!(
            text(figure(&plan, StageId::DataPreparation, "Tokens"))
                .starts_with("45,210 in all, 20,110 trainable")
        );
        // 380 examples × 3 epochs is within 100..25,000 passes: 3 epochs.
        assert!(text(figure(&plan, StageId::Training, "Epochs")).starts_with("3: "));
        assert!(
            text(figure(&plan, StageId::Training, "Billed training tokens"))
                .starts_with("135,630 ")
        );
        assert_eq!(
            text(figure(&plan, StageId::Evaluation, "Held-out split")),
            "320 to train, 80 held out for testing (20 %)"
        );
        assert_eq!(
            plan.approach.as_ref().unwrap().source,
            ApproachSource::Wizard
        );
    }

    #[test]
    fn the_dataset_pages_epochs_win_over_the_rule() {
        let wizard = WizardState::default();
        let s = default_scenario_for(TODAY, OrgStanding::Active);
        let b = brief();
        let settings = DatasetSettings {
            epochs: Some(5),
            ..DatasetSettings::default()
        };
        let plan = training_plan(&PlanInputs {
            wizard: &wizard,
            scenario: &s,
            brief: Some(&b),
            dataset_settings: Some(&settings),
            split: None,
        });
        assert_eq!(
            text(figure(&plan, StageId::Training, "Epochs")),
            "5: set on the Dataset page"
        );
        assert!(
            text(figure(&plan, StageId::Training, "Billed training tokens"))
                .starts_with("226,050 ")
        );
    }

    #[test]
    fn a_wizard_that_recommends_no_training_is_said_so() {
        let wizard = wizard_link::decode("pe=yes");
        let s = default_scenario_for(TODAY, OrgStanding::New);
        let plan = training_plan(&PlanInputs {
            wizard: &wizard,
            scenario: &s,
            brief: None,
            dataset_settings: None,
            split: None,
        });
        assert!(
            plan.approach_note.contains("which trains nothing"),
            "{}",
            plan.approach_note
        );
    }

    #[test]
    fn with_nothing_that_trains_the_plan_says_where_to_switch_one_on() {
        let wizard = WizardState::default();
        let mut s = default_scenario_for(TODAY, OrgStanding::New);
        for a in &mut s.approaches {
            if a.kind.trains() {
                a.enabled = false;
            }
        }
        let plan = training_plan(&PlanInputs {
            wizard: &wizard,
            scenario: &s,
            brief: None,
            dataset_settings: None,
            split: None,
        });
        assert!(plan.approach.is_none());
        assert!(matches!(
            figure(&plan, StageId::Deployment, "Costs"),
            Value::Missing {
                section: Section::Costs,
                ..
            }
        ));
    }
}
