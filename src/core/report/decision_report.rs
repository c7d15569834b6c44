//! The decision report, built from the shared state: the recommendation
//! and the answers behind it, the key costs of every compared approach,
//! the break-even of the recommended approach against each of the others,
//! the checked dataset, and every assumption the figures rest on.
//!
//! Each section is either filled from the user's state or [`Missing`],
//! saying what is missing and on which page to fill it in. The costs are
//! always shown; when they are the calculator's example figures, the
//! section says so.
//!
//! Architecture invariant: pure, no UI imports; the report holds figures
//! and plain text only (rendering is `markdown.rs` and `json.rs`), keeps
//! user-written text (approach and file names) as written, and never reads
//! the clock: `today` is passed in.

use crate::core::training::training_plan::{
    PlanInputs, TrainingPlan, has_own_figures, planned_split, training_plan,
};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::core::costs::approach_cost::{ApproachCost, ApproachKind};
use crate::core::costs::approach_notes::approach_notes;
use crate::core::costs::break_even::{BreakEven, break_even, simple_break_even, simple_months};
use crate::core::costs::horizon_total::horizon_total;
use crate::core::costs::prices::{self, Availability};
use crate::core::costs::scenario::{self, Scenario, default_scenario};
use crate::core::dataset::brief::{DatasetBrief, Verdict};
use crate::core::decision::suggest::{join_words, reasons};
use crate::core::decision::tree::{Outcome, Step};
use crate::core::decision::walk::{WalkEnd, walk};
use crate::core::number_format::{count, months, usd};
use crate::core::report::recommended_approach::{
    Choice, choose, not_compared, recommended_kinds, retires_within,
};
use crate::core::report::state::SharedState;
use crate::core::route::Section;

/// The page where `section` is filled in, relative to the app's root:
/// `index.html#/wizard`, `costs.html` or `dataset.html`.
pub fn fill_url(section: Section) -> &'static str {
    match section {
        Section::Wizard => "index.html#/wizard",
        Section::Costs => "costs.html",
        Section::Dataset => "dataset.html",
        Section::Training => "training.html",
        Section::Report => "report.html",
        Section::Practice => "practice.html",
        Section::Approaches => "index.html#/approaches",
    }
}

/// Serde form of a [`Section`]: its slug (`"wizard"`, `"costs"`, …).
pub(crate) mod section_slug {
    use super::*;

    pub fn serialize<S: Serializer>(section: &Section, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(section.slug())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Section, D::Error> {
        let slug = String::deserialize(d)?;
        Section::ALL
            .into_iter()
            .find(|s| s.slug() == slug)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown section {slug:?}")))
    }
}

/// A section the user has not filled in, and where to fill it in.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Missing {
    /// What is missing, as a sentence for the reader.
    pub what: String,
    /// The section of the app that fills it in: `"wizard"`, `"costs"` or
    /// `"dataset"`.
    #[serde(rename = "where", with = "section_slug")]
    pub where_: Section,
    /// The page to open, relative to the app's root ([`fill_url`]).
    pub url: String,
}

impl Missing {
    /// `what` is missing, to be filled in at `where_`.
    pub fn new(what: impl Into<String>, where_: Section) -> Missing {
        Missing {
            what: what.into(),
            where_,
            url: fill_url(where_).to_string(),
        }
    }
}

/// A section of the report: filled in, or missing. In JSON, an object
/// with `"status": "filled"` and the section's fields, or
/// `"status": "missing"` and the fields of [`Missing`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Part<T> {
    Filled(T),
    Missing(Missing),
}

impl<T> Part<T> {
    /// The section's content, when filled in.
    pub fn filled(&self) -> Option<&T> {
        match self {
            Part::Filled(t) => Some(t),
            Part::Missing(_) => None,
        }
    }

    /// What is missing, when the section is not filled in.
    pub fn missing(&self) -> Option<&Missing> {
        match self {
            Part::Filled(_) => None,
            Part::Missing(m) => Some(m),
        }
    }
}

/// Stable id of an approach kind in the report (`"api_fine_tuning"`).
pub fn kind_id(kind: ApproachKind) -> &'static str {
    match kind {
        ApproachKind::PromptEngineering => "prompt_engineering",
        ApproachKind::Rag => "rag",
        ApproachKind::ApiFineTuning => "api_fine_tuning",
        ApproachKind::ApiSmallModel => "api_small_model",
        ApproachKind::SelfHostedLora => "self_hosted_lora",
        ApproachKind::SelfHostedFull => "self_hosted_full",
    }
}

/// The whole report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DecisionReport {
    /// The day the report was made, ISO `YYYY-MM-DD` (passed in).
    pub made_on: String,
    /// The wizard's recommendation; missing until the wizard is finished.
    pub recommendation: Part<Recommendation>,
    /// The answered questions on the wizard's path, in order, each with
    /// the reason its answer gives. Empty when nothing is answered.
    pub path: Vec<PathStep>,
    /// The key costs of every compared approach.
    pub costs: Costs,
    /// The recommended approach and its break-even against each other
    /// compared approach; missing until the wizard is finished, or when
    /// none of the approaches it recommends is compared.
    pub recommended_approach: Part<RecommendedApproach>,
    /// The checked dataset; missing when none was checked.
    pub dataset: Part<DatasetSummary>,
    /// The training plan, from data to deployment; missing until a dataset
    /// is checked or the wizard is finished (see
    /// [`crate::core::training::training_plan`]).
    #[serde(default = "no_training_plan")]
    pub training_plan: Part<TrainingPlan>,
    /// Every assumption the figures rest on.
    pub assumptions: Assumptions,
}

impl DecisionReport {
    /// Every section the user has not filled in, in report order.
    pub fn missing(&self) -> Vec<&Missing> {
        [
            self.recommendation.missing(),
            self.costs.missing.as_ref(),
            self.recommended_approach.missing(),
            self.dataset.missing(),
            self.training_plan.missing(),
        ]
        .into_iter()
        .flatten()
        .collect()
    }
}

/// Where the wizard's walk ends.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Recommendation {
    /// Stable key of the outcome (`"lora-or-fine-tuning"`, …).
    pub outcome: String,
    /// The recommendation as a short title.
    pub title: String,
    /// Why it suits the situation the answers describe.
    pub summary: String,
    /// Concrete next moves.
    pub next_steps: Vec<String>,
}

/// One answered question on the wizard's path.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PathStep {
    /// Position of the question in the wizard, 1 to 5.
    pub number: usize,
    /// Stable key of the question (`"pe"`, `"rag"`, `"data"`, `"budget"`,
    /// `"level"`).
    pub step: String,
    /// The question as the wizard asks it.
    pub question: String,
    /// Stable key of the answer (`"yes"`, `"no"`, `"limited"`,
    /// `"sufficient"`, `"low"`, `"medium"`, `"high"`).
    pub answer: String,
    /// The answer as the wizard labels it.
    pub answer_label: String,
    /// What the answer means, with the criteria the user ticked.
    pub reason: String,
}

/// The key costs of the compared approaches.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Costs {
    /// Set when the figures are the calculator's example figures for the
    /// start date rather than the user's own.
    pub missing: Option<Missing>,
    /// Every compared approach, in the calculator's order.
    pub approaches: Vec<ApproachCosts>,
    /// The calculator's approaches left out of the comparison, and why.
    pub left_out: Vec<LeftOut>,
}

/// What one compared approach costs (USD).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ApproachCosts {
    /// The approach's name as the user gave it (user-written).
    pub name: String,
    /// Stable id of its kind ([`kind_id`]).
    pub kind: String,
    /// Cost of one request.
    pub per_request: f64,
    /// One-off cost: data preparation, training and indexing (paid again
    /// at each retraining).
    pub one_off: f64,
    /// Cost of a month at the scenario's volume, retraining spread over
    /// its period.
    pub monthly: f64,
    /// Cumulative cost over the months it serves: the horizon, or until
    /// its model retires when that comes first (see
    /// [`crate::core::costs::horizon_total`]).
    pub total: f64,
    /// `total` ÷ the requests served over those months: one-off, hosting
    /// and fees spread over every request.
    #[serde(default)]
    pub all_in_per_request: f64,
    /// Months its model can serve from the start date before its base
    /// model retires; `None` when no end is announced.
    pub lifetime_months: Option<f64>,
    /// Whether the model retires before the horizon ends: it cannot serve
    /// the horizon, and `total` covers only its lifetime.
    pub retires_before_horizon: bool,
    /// What to know before trusting its figures (unavailable, retiring,
    /// base model retiring, training closing, example figures), as
    /// sentences.
    #[serde(default)]
    pub notes: Vec<String>,
    /// Whether its kind is one the wizard's outcome recommends.
    pub recommended_kind: bool,
    /// Whether it is the recommended approach.
    pub recommended: bool,
}

/// An approach of the calculator that is not compared.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LeftOut {
    /// The approach's name (user-written).
    pub name: String,
    /// Stable id of its kind.
    pub kind: String,
    /// Why it is left out: switched off, or unavailable on the start date.
    pub reason: String,
}

/// The recommended approach: the cheapest compared approach, over the
/// horizon, of the kinds the wizard's outcome recommends.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RecommendedApproach {
    /// Its name (user-written).
    pub name: String,
    /// Stable id of its kind.
    pub kind: String,
    /// Its cumulative cost at the end of the horizon, USD.
    pub total: f64,
    /// Whether its model retires before the horizon ends.
    pub retires_before_horizon: bool,
    /// Ids of the kinds the wizard's outcome recommends.
    pub recommended_kinds: Vec<String>,
    /// Ids of the recommended kinds that are not compared.
    pub not_compared: Vec<String>,
    /// Why this approach, as a sentence (names in it are user-written).
    pub why: String,
    /// Its break-even against each other compared approach.
    pub against: Vec<BreakEvenRow>,
}

/// Which side of a pair pays more up front, and so is the one catching up.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CatchingUp {
    /// The recommended approach pays more up front and catches up.
    Recommended,
    /// The other approach pays more up front and catches up.
    Other,
}

/// Where the one catching up meets the other, as the cost model finds it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum BreakEvenResult {
    /// It is no dearer from the first request.
    Immediate,
    /// It catches up after `requests`, `months` at the scenario's volume;
    /// `within_lifetime` is false when that is after its model retires.
    At {
        requests: f64,
        months: f64,
        within_lifetime: bool,
    },
    /// It never catches up; `reason` says why (names in it are
    /// user-written).
    Never { reason: String },
}

impl From<BreakEven> for BreakEvenResult {
    fn from(b: BreakEven) -> BreakEvenResult {
        match b {
            BreakEven::Immediate => BreakEvenResult::Immediate,
            BreakEven::At {
                requests,
                months,
                within_lifetime,
            } => BreakEvenResult::At {
                requests,
                months,
                within_lifetime,
            },
            BreakEven::Never { reason } => BreakEvenResult::Never { reason },
        }
    }
}

/// The break-even of the recommended approach against one other.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BreakEvenRow {
    /// The other approach's name (user-written).
    pub other: String,
    /// Stable id of its kind.
    pub other_kind: String,
    /// Which of the two pays more up front and catches up.
    pub catching_up: CatchingUp,
    /// The break-even from the full cost model (hosting, retraining and
    /// lifetime included).
    pub result: BreakEvenResult,
    /// One-off cost of the one catching up minus the other's, USD.
    pub extra_one_off: f64,
    /// Per-request cost of the other minus the one catching up, USD
    /// (negative when the one catching up is dearer per request).
    pub saving_per_request: f64,
    /// The simple rule: extra one-off ÷ saving per request, in requests,
    /// without hosting, fixed fees, retraining or lifetime (so it can
    /// differ from `result`); `None` when there is no saving.
    pub simple_requests: Option<f64>,
    /// The simple rule in months at the scenario's volume.
    pub simple_months: Option<f64>,
}

/// The checked dataset.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DatasetSummary {
    /// The brief of the check (counts and names, never contents).
    pub brief: DatasetBrief,
    /// What the file is fit for.
    pub verdict: Verdict,
    /// One sentence summing it up (the file name in it is user-written).
    pub headline: String,
}

/// What the figures rest on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Assumptions {
    /// Requests a month (at the start, when the volume grows).
    pub monthly_requests: f64,
    /// Monthly growth of the volume (0.05 = 5 % a month, compounded;
    /// negative shrinks), by the rule of
    /// [`crate::core::costs::volume_growth`]. 0 in reports made before it.
    #[serde(default)]
    pub monthly_growth: f64,
    /// Months the totals cover.
    pub horizon_months: f64,
    /// Planned start of training and serving, ISO date; lifetimes and
    /// availability are counted from it.
    pub start: String,
    /// Whether the costs are the calculator's example figures (token
    /// counts, data preparation and GPU-hours are illustrative).
    pub example_figures: bool,
    /// When the price file was last checked against its sources.
    pub prices_checked: String,
    /// The prices of each compared approach, with their sources.
    pub prices: Vec<PriceSource>,
}

/// Where one compared approach's prices come from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PriceSource {
    /// The approach's name (user-written).
    pub approach: String,
    /// Stable id of its kind.
    pub kind: String,
    /// Id of the price preset, `None` when the user set no preset.
    pub preset: Option<String>,
    /// Who sells it ("Your own price" for example figures).
    pub provider: Option<String>,
    /// The model or offer priced.
    pub model: Option<String>,
    /// The page the figures come from; `None` for example figures.
    pub source: Option<String>,
    /// Date of the figures, ISO date.
    pub as_of: Option<String>,
    /// True for "your own price" presets: example figures, not a quote.
    pub example_figures: bool,
    /// The preset's caveat, if any.
    pub note: Option<String>,
}

/// Builds the report for `state` on `today` (an ISO date).
pub fn build_report(state: &SharedState, today: &str) -> DecisionReport {
    let answers = &state.wizard.answers;
    let w = walk(answers);
    let path = w
        .path
        .iter()
        .zip(reasons(answers, &w))
        .map(|((step, answer), reason)| PathStep {
            number: step.number(),
            step: step.key().into(),
            question: step.question().into(),
            answer: answer.key().into(),
            answer_label: answer.label().into(),
            reason,
        })
        .collect();
    let outcome = w.outcome();
    let recommendation = match w.end {
        WalkEnd::Outcome(o) => Part::Filled(Recommendation {
            outcome: o.key().into(),
            title: o.title().into(),
            summary: o.summary().into(),
            next_steps: o.next_steps().iter().map(|s| s.to_string()).collect(),
        }),
        WalkEnd::Pending(step) => Part::Missing(unfinished_wizard(answers.is_empty(), step)),
    };
    let s = &state.costs;
    let kinds = outcome.map(recommended_kinds).unwrap_or(&[]);
    let choice = outcome.and_then(|_| choose(s, kinds));
    let recommended_approach = match (outcome, &choice) {
        (None, _) => Part::Missing(Missing::new(
            "There is no recommended approach until the wizard is finished: its result \
             decides which approaches to compare.",
            Section::Wizard,
        )),
        (Some(_), None) => Part::Missing(Missing::new(
            format!(
                "None of the approaches the wizard recommends ({}) is compared in the \
                 calculator: switch one on, or pick a start date when it is available.",
                join_words(&labels(kinds))
            ),
            Section::Costs,
        )),
        (Some(o), Some(c)) => Part::Filled(recommended(s, o, kinds, c)),
    };
    let dataset = match &state.dataset {
        Some(b) => Part::Filled(DatasetSummary {
            brief: b.clone(),
            verdict: b.verdict(),
            headline: b.headline(),
        }),
        None => Part::Missing(Missing::new(
            "No dataset has been checked: check the training file before paying for a run.",
            Section::Dataset,
        )),
    };
    let plan_inputs = PlanInputs {
        wizard: &state.wizard,
        scenario: s,
        brief: state.dataset.as_ref(),
        dataset_settings: state.dataset_settings.as_ref(),
        split: planned_split(state.dataset.as_ref(), &state.training.evaluation),
    };
    let plan = training_plan(&plan_inputs);
    let training_plan = if has_own_figures(&plan_inputs) {
        Part::Filled(plan)
    } else {
        no_training_plan()
    };
    DecisionReport {
        made_on: today.to_string(),
        recommendation,
        path,
        costs: costs(s, kinds, choice.as_ref()),
        recommended_approach,
        dataset,
        training_plan,
        assumptions: assumptions(s),
    }
}

/// The training plan's part before any of the user's figures exist.
fn no_training_plan() -> Part<TrainingPlan> {
    Part::Missing(Missing::new(
        "There is no training plan yet: check a dataset or finish the wizard, and the \
         training page fills the plan with your figures.",
        Section::Training,
    ))
}

fn unfinished_wizard(nothing_answered: bool, pending: Step) -> Missing {
    let what = if nothing_answered {
        "The wizard has not been filled in, so there is no recommendation yet.".to_string()
    } else {
        format!(
            "The wizard is not finished: question {} of {}, \u{201c}{}\u{201d}, has no answer \
             yet, so there is no recommendation.",
            pending.number(),
            Step::ALL.len(),
            pending.question()
        )
    };
    Missing::new(what, Section::Wizard)
}

fn labels(kinds: &[ApproachKind]) -> Vec<String> {
    kinds.iter().map(|k| k.label().to_string()).collect()
}

fn ids(kinds: &[ApproachKind]) -> Vec<String> {
    kinds.iter().map(|k| kind_id(*k).to_string()).collect()
}

/// Whether the scenario is the calculator's example for its start date.
/// Compared through the link form, which leaves out what is derived from
/// the date (lifetimes).
fn is_example(s: &Scenario) -> bool {
    scenario::encode(s) == scenario::encode(&default_scenario(&s.start))
}

fn costs(s: &Scenario, kinds: &[ApproachKind], choice: Option<&Choice>) -> Costs {
    let resolved = s.resolved();
    let compared = s.compared();
    let approaches = compared
        .iter()
        .map(|&i| {
            let a = &resolved[i];
            let total = horizon_total(a, s.monthly_requests, s.horizon_months);
            ApproachCosts {
                name: a.name.clone(),
                kind: kind_id(a.kind).into(),
                per_request: a.per_request(),
                one_off: a.one_off(),
                monthly: a.monthly(s.monthly_requests),
                total: total.cost(),
                all_in_per_request: total.all_in_per_request(),
                lifetime_months: a.lifetime_months,
                retires_before_horizon: !total.serves(),
                notes: approach_notes(s, &resolved, i)
                    .into_iter()
                    .map(|n| n.text)
                    .collect(),
                recommended_kind: kinds.contains(&a.kind),
                recommended: choice.is_some_and(|c| c.index == i),
            }
        })
        .collect();
    let left_out = (0..s.approaches.len())
        .filter(|i| !compared.contains(i))
        .map(|i| {
            let a = &s.approaches[i];
            let reason = if !a.enabled {
                "switched off in the calculator".to_string()
            } else {
                match scenario::availability(s, i) {
                    Availability::Unavailable { reason } => reason,
                    Availability::Available { .. } => "not compared".to_string(),
                }
            };
            LeftOut {
                name: a.name.clone(),
                kind: kind_id(a.kind).into(),
                reason,
            }
        })
        .collect();
    Costs {
        missing: is_example(s).then(|| {
            Missing::new(
                "These are the calculator's example figures, not yours: token counts, data \
                 preparation and GPU-hours are illustrative. Enter your own to price your task.",
                Section::Costs,
            )
        }),
        approaches,
        left_out,
    }
}

fn quoted(name: &str) -> String {
    format!("\u{201c}{name}\u{201d}")
}

fn recommended(
    s: &Scenario,
    outcome: Outcome,
    kinds: &[ApproachKind],
    c: &Choice,
) -> RecommendedApproach {
    let resolved = s.resolved();
    let compared = s.compared();
    let r = &resolved[c.index];
    let missing_kinds = not_compared(s, kinds);
    let candidates: Vec<&ApproachCost> = compared
        .iter()
        .map(|&i| &resolved[i])
        .filter(|a| kinds.contains(&a.kind))
        .collect();
    let (v, h) = (s.monthly_requests, s.horizon_months);
    let over = format!("over {} at {} requests a month", months(h), count(v));
    let mut why = format!(
        "The wizard's result, \u{201c}{}\u{201d}, points to {}",
        outcome.title(),
        join_words(&labels(kinds))
    );
    if candidates.len() > 1 {
        why.push_str(&format!(
            "; of those compared, {} costs the least {over}: {}.",
            quoted(&r.name),
            usd(c.total)
        ));
    } else {
        why.push_str(&format!(
            ": {} costs {} {over}.",
            quoted(&r.name),
            usd(c.total)
        ));
    }
    if !missing_kinds.is_empty() {
        let verb = if missing_kinds.len() == 1 {
            "is"
        } else {
            "are"
        };
        why.push_str(&format!(
            " {} {verb} not compared (switched off, or unavailable on the start date).",
            join_words(&labels(&missing_kinds))
        ));
    }
    let chosen_all_in = horizon_total(r, v, h).all_in_per_request();
    let cheaper_but_retiring: Vec<String> = candidates
        .iter()
        .filter(|a| {
            retires_within(a, h)
                && !c.retires_early
                && horizon_total(a, v, h).all_in_per_request() < chosen_all_in
        })
        .map(|a| quoted(&a.name))
        .collect();
    if !cheaper_but_retiring.is_empty() {
        why.push_str(&format!(
            " {} would cost less per request while it lasts, but its model retires before the \
             horizon ends, so it cannot serve it.",
            join_words(&cheaper_but_retiring)
        ));
    }
    if c.retires_early {
        why.push_str(
            " Its model retires before the horizon ends, as every candidate's does: it cannot \
             serve the horizon, and the total covers only its lifetime.",
        );
    }
    let against = compared
        .iter()
        .filter(|&&i| i != c.index)
        .map(|&i| {
            let other = &resolved[i];
            let recommended_catches_up = r.one_off() >= other.one_off();
            let (base, cand) = if recommended_catches_up {
                (other, r)
            } else {
                (r, other)
            };
            let extra = cand.one_off() - base.one_off();
            let saving = base.per_request() - cand.per_request();
            BreakEvenRow {
                other: other.name.clone(),
                other_kind: kind_id(other.kind).into(),
                catching_up: if recommended_catches_up {
                    CatchingUp::Recommended
                } else {
                    CatchingUp::Other
                },
                result: break_even(base, cand, v).into(),
                extra_one_off: extra,
                saving_per_request: saving,
                simple_requests: simple_break_even(extra, saving),
                simple_months: simple_months(extra, saving, v, s.profile.growth),
            }
        })
        .collect();
    RecommendedApproach {
        name: r.name.clone(),
        kind: kind_id(r.kind).into(),
        total: c.total,
        retires_before_horizon: c.retires_early,
        recommended_kinds: ids(kinds),
        not_compared: ids(&missing_kinds),
        why,
        against,
    }
}

fn assumptions(s: &Scenario) -> Assumptions {
    let prices = s
        .compared()
        .into_iter()
        .map(|i| {
            let a = &s.approaches[i];
            let preset = a.preset.and_then(prices::by_id);
            PriceSource {
                approach: a.name.clone(),
                kind: kind_id(a.kind).into(),
                preset: preset.map(|p| p.id.to_string()),
                provider: preset.map(|p| p.provider.to_string()),
                model: preset.map(|p| p.model.to_string()),
                source: preset
                    .filter(|p| !p.own_price && !p.source.is_empty())
                    .map(|p| p.source.to_string()),
                as_of: preset.map(|p| p.as_of.to_string()),
                example_figures: preset.is_some_and(|p| p.own_price),
                note: preset.and_then(|p| p.note).map(str::to_string),
            }
        })
        .collect();
    Assumptions {
        monthly_requests: s.monthly_requests,
        monthly_growth: s.profile.growth,
        horizon_months: s.horizon_months,
        start: s.start.clone(),
        example_figures: is_example(s),
        prices_checked: prices::RETRIEVED.to_string(),
        prices,
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::core::costs::approach_cost::Training;
    use crate::core::decision::answers::Answers;
    use crate::core::decision::tree::Answer;
    use crate::core::decision::wizard_link::WizardState;

    pub(crate) const TODAY: &str = "2026-12-01";

    #[derive(Clone, Copy, Debug, PartialEq)]
    enum Wizard {
        Empty,
        Partial,
        Complete,
    }

    fn wizard(w: Wizard) -> WizardState {
        let mut answers = Answers::default();
        let given: &[(Step, Answer)] = match w {
            Wizard::Empty => &[],
            Wizard::Partial => &[
                (Step::PromptEngineering, Answer::No),
                (Step::Rag, Answer::No),
            ],
            Wizard::Complete => &[
                (Step::PromptEngineering, Answer::No),
                (Step::Rag, Answer::No),
                (Step::TrainingData, Answer::Yes),
                (Step::Budget, Answer::Sufficient),
                (Step::Customization, Answer::Medium),
            ],
        };
        for (step, answer) in given {
            answers.set(*step, Some(*answer));
        }
        if w != Wizard::Empty {
            answers.set_ticked(Step::Rag, "domain-knowledge", true);
        }
        WizardState {
            answers,
            viewing: None,
            ..WizardState::default()
        }
    }

    pub(crate) fn dataset() -> DatasetBrief {
        DatasetBrief {
            file_name: "train.jsonl".into(),
            checked_at: "2026-12-01T10:15:00Z".into(),
            format: Some("chat".into()),
            lines: 87,
            valid_examples: 87,
            clean_examples: 87,
            errors: 0,
            warnings: 0,
            encoding: Some("o200k_base".into()),
            total_tokens: Some(45_210),
            trainable_tokens: Some(20_110),
            min_examples: Some(10),
        }
    }

    #[test]
    fn every_combination_of_filled_and_empty_sections() {
        for w in [Wizard::Empty, Wizard::Partial, Wizard::Complete] {
            for with_dataset in [false, true] {
                for edited in [false, true] {
                    let mut costs = default_scenario(TODAY);
                    if edited {
                        costs.monthly_requests = 50_000.0;
                    }
                    let state = SharedState {
                        wizard: wizard(w),
                        costs,
                        dataset: with_dataset.then(dataset),
                        dataset_settings: None,
                        training: Default::default(),
                    };
                    let r = build_report(&state, TODAY);
                    let case = format!("{w:?}, dataset {with_dataset}, edited {edited}");
                    assert_eq!(r.made_on, TODAY);

                    let finished = w == Wizard::Complete;
                    assert_eq!(r.recommendation.filled().is_some(), finished, "{case}");
                    assert_eq!(
                        r.recommended_approach.filled().is_some(),
                        finished,
                        "{case}"
                    );
                    for m in [r.recommendation.missing(), r.recommended_approach.missing()]
                        .into_iter()
                        .flatten()
                    {
                        assert_eq!(
                            (m.where_, m.url.as_str()),
                            (Section::Wizard, "index.html#/wizard")
                        );
                    }
                    let expected_path = match w {
                        Wizard::Empty => 0,
                        Wizard::Partial => 2,
                        Wizard::Complete => 5,
                    };
                    assert_eq!(r.path.len(), expected_path, "{case}");
                    if w == Wizard::Partial {
                        let m = r.recommendation.missing().unwrap();
                        assert!(m.what.contains("question 3 of 5"), "{}", m.what);
                        assert!(r.path[1].reason.contains("You ticked"), "{:?}", r.path[1]);
                    }

                    assert_eq!(r.dataset.filled().is_some(), with_dataset, "{case}");
                    if let Some(m) = r.dataset.missing() {
                        assert_eq!(
                            (m.where_, m.url.as_str()),
                            (Section::Dataset, "dataset.html")
                        );
                    }

                    assert_eq!(r.costs.missing.is_some(), !edited, "{case}");
                    assert_eq!(r.assumptions.example_figures, !edited, "{case}");
                    if let Some(m) = &r.costs.missing {
                        assert_eq!((m.where_, m.url.as_str()), (Section::Costs, "costs.html"));
                    }
                    assert_eq!(r.costs.approaches.len(), 6, "all compared on {TODAY}");
                    assert_eq!(r.assumptions.prices.len(), 6);

                    let missing = r.missing().len();
                    let expected = usize::from(!finished) * 2
                        + usize::from(!with_dataset)
                        + usize::from(!edited)
                        // The training plan needs a dataset or a finished wizard.
                        + usize::from(!finished && !with_dataset);
                    assert_eq!(missing, expected, "{case}");
                    assert_eq!(
                        r.training_plan.filled().is_some(),
                        finished || with_dataset,
                        "{case}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_recommended_approach_is_the_cheapest_of_the_recommended_kinds() {
        let state = SharedState {
            wizard: wizard(Wizard::Complete),
            // An organisation that trains at OpenAI keeps its fine-tune,
            // which retires within the horizon.
            costs: crate::core::costs::scenario::default_scenario_for(
                TODAY,
                prices::OrgStanding::Active,
            ),
            dataset: None,
            dataset_settings: None,
            training: Default::default(),
        };
        let r = build_report(&state, TODAY);
        let rec = r.recommended_approach.filled().unwrap();
        assert_eq!(
            rec.recommended_kinds,
            ["api_fine_tuning", "api_small_model", "self_hosted_lora"]
        );
        let chosen: Vec<&ApproachCosts> = r
            .costs
            .approaches
            .iter()
            .filter(|a| a.recommended)
            .collect();
        assert_eq!(chosen.len(), 1);
        assert_eq!(chosen[0].name, rec.name);
        let lasting = |a: &&ApproachCosts| a.recommended_kind && !a.retires_before_horizon;
        let cheapest = r
            .costs
            .approaches
            .iter()
            .filter(lasting)
            .map(|a| a.total)
            .fold(f64::INFINITY, f64::min);
        assert_eq!(rec.total, cheapest);
        assert!(rec.why.contains("of those compared"), "{}", rec.why);
        assert!(rec.why.contains(&format!("\u{201c}{}\u{201d}", rec.name)));
        assert_eq!(rec.against.len(), 5);
        // The OpenAI fine-tune retires before the 24-month horizon.
        let api = r
            .costs
            .approaches
            .iter()
            .find(|a| a.kind == "api_fine_tuning")
            .unwrap();
        assert!(api.retires_before_horizon && api.lifetime_months.unwrap() < 2.0);
        // Its total covers only its lifetime, and says so.
        assert!(api.total < rec.total, "{} vs {}", api.total, rec.total);
        assert!(
            api.notes
                .iter()
                .any(|n| n.contains("Cannot serve the whole horizon")),
            "{:?}",
            api.notes
        );
        let sources = &r.assumptions.prices;
        assert!(
            sources
                .iter()
                .all(|p| p.as_of.is_some() && p.provider.is_some())
        );
        assert!(sources.iter().all(|p| {
            p.example_figures
                || p.source
                    .as_deref()
                    .is_some_and(|s| s.starts_with("https://"))
        }));
    }

    /// A scenario where the textbook rule holds exactly: prompting at $0.02
    /// a request against a LoRA at $0.01 with $500 up front, 10,000
    /// requests a month: 50,000 requests, 5 months.
    pub(crate) fn seed_state() -> SharedState {
        let mut costs = default_scenario(TODAY);
        costs.monthly_requests = 10_000.0;
        costs.horizon_months = 12.0;
        for a in &mut costs.approaches {
            a.enabled = false;
        }
        // One request: 1,000 prompt tokens, nothing out, no retries; both
        // approaches send the whole prompt.
        costs.profile = crate::core::costs::request_profile::RequestProfile {
            prompt_tokens: 1_000.0,
            output_tokens: 0.0,
            retry_rate: 0.0,
            growth: 0.0,
        };
        let mut pe = ApproachCost::blank(ApproachKind::PromptEngineering);
        pe.input_per_1m = 20.0;
        let mut lora = ApproachCost::blank(ApproachKind::SelfHostedLora);
        lora.input_per_1m = 10.0;
        lora.data_prep = 500.0;
        lora.training = Training::None;
        costs.approaches[0] = pe;
        costs.approaches[4] = lora;
        let mut answers = Answers::default();
        answers.set(Step::PromptEngineering, Some(Answer::No));
        answers.set(Step::Rag, Some(Answer::No));
        answers.set(Step::TrainingData, Some(Answer::Yes));
        answers.set(Step::Budget, Some(Answer::Limited));
        SharedState {
            wizard: WizardState {
                answers,
                viewing: None,
                ..WizardState::default()
            },
            costs,
            dataset: Some(dataset()),
            dataset_settings: None,
            training: Default::default(),
        }
    }

    #[test]
    fn break_even_follows_the_textbook_rule() {
        let r = build_report(&seed_state(), TODAY);
        assert_eq!(r.costs.left_out.len(), 4);
        assert!(
            r.costs
                .left_out
                .iter()
                .all(|l| l.reason.contains("switched off"))
        );
        let rec = r.recommended_approach.filled().unwrap();
        assert_eq!(rec.kind, "self_hosted_lora");
        assert_eq!(rec.not_compared, ["api_small_model"]);
        assert!(
            rec.why
                .contains("API LoRA / small-model fine-tuning is not compared"),
            "{}",
            rec.why
        );
        let row = &rec.against[0];
        assert_eq!(row.other_kind, "prompt_engineering");
        assert_eq!(row.catching_up, CatchingUp::Recommended);
        assert_eq!(
            row.result,
            BreakEvenResult::At {
                requests: 50_000.0,
                months: 5.0,
                within_lifetime: true
            }
        );
        assert_eq!(row.simple_requests, Some(50_000.0));
        assert_eq!(row.simple_months, Some(5.0));
        assert_eq!(
            r.assumptions.prices[0].preset, None,
            "blank approaches have no preset"
        );
        assert!(!r.assumptions.example_figures);
    }

    #[test]
    fn no_compared_approach_of_the_recommended_kinds_points_to_the_calculator() {
        let mut state = seed_state();
        state.costs.approaches[4].enabled = false;
        let r = build_report(&state, TODAY);
        let m = r.recommended_approach.missing().unwrap();
        assert_eq!(m.where_, Section::Costs);
        assert!(m.what.contains("Self-hosted LoRA"), "{}", m.what);
        assert!(r.costs.approaches.iter().all(|a| !a.recommended));
    }

    #[test]
    fn a_cheaper_pick_further_up_front_is_the_one_caught_up_with() {
        // Recommended prompting (no one-off) against a LoRA that pays back.
        let mut state = seed_state();
        state
            .wizard
            .answers
            .set(Step::PromptEngineering, Some(Answer::Yes));
        let r = build_report(&state, TODAY);
        let rec = r.recommended_approach.filled().unwrap();
        assert_eq!(rec.kind, "prompt_engineering");
        let row = &rec.against[0];
        assert_eq!(row.catching_up, CatchingUp::Other);
        assert_eq!(row.simple_requests, Some(50_000.0));
        assert!(matches!(row.result, BreakEvenResult::At { months, .. } if months == 5.0));
    }
}
