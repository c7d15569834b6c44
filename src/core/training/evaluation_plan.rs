//! The evaluation planner: the held-out test set split from the checked
//! dataset, the metrics a trained model must meet (with targets the user
//! sets), and the saved settings of the planner and of A/B sizing.
//!
//! Rules:
//! - **Split**: the held-out share is 20 % by default (5–50 % allowed).
//!   test = round(valid × share) (halves away from zero), at least 1 and
//!   at most valid − 1 when there are 2 or more valid examples; train =
//!   valid − test. Valid examples come from the last checked dataset; with
//!   none, the planner says so and links to `dataset.html`.
//! - **Test set too small**: comparing the baseline's accuracy with the
//!   target accuracy on the test set is sized with the pooled
//!   two-proportion formula of [`ab_sizing`] (two independent proportions:
//!   a conservative choice, since both models answer the same examples),
//!   at the A/B section's significance and power (5 % and 80 % while those
//!   fields are invalid). When the test set is smaller than needed the
//!   planner warns, giving the smallest improvement over the baseline the
//!   test set can detect: found by bisection on the improvement in
//!   (0, 100 % − baseline], 100 steps, so it is bounded and never panics.
//! - **Cost target**: unless the user sets one, the baseline approach's
//!   cost per request from the calculator.
//!
//! Settings are saved as query keys starting with `e.` (see
//! [`EvaluationSettings::encode`]); decoding is total and a value that
//! does not parse, or is outside its field's own range, keeps that field's
//! default. Values the user types are kept as typed (any finite number)
//! and checked here, so each message appears on its field.
//!
//! Architecture invariant: pure, no UI imports.

use crate::core::costs::approach_cost::ApproachKind;
use crate::core::costs::scenario::Scenario;
use crate::core::dataset::brief::DatasetBrief;
use crate::core::html_rows::{self, Cell, escape};
use crate::core::number_format::{count, usd};
use crate::core::training::ab_sizing::{self, AbInput, pct_text};

/// The approach a trained model is compared with, by a stable id.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Baseline {
    /// Prompt engineering (id `pe`).
    #[default]
    PromptEngineering,
    /// Retrieval-augmented generation (id `rag`).
    Rag,
}

impl Baseline {
    /// Both baselines, in the order they are offered.
    pub const ALL: [Baseline; 2] = [Baseline::PromptEngineering, Baseline::Rag];

    /// Its stable id, for links and storage.
    pub fn id(self) -> &'static str {
        match self {
            Baseline::PromptEngineering => "pe",
            Baseline::Rag => "rag",
        }
    }

    /// The baseline with this id.
    pub fn from_id(id: &str) -> Option<Baseline> {
        Baseline::ALL.into_iter().find(|b| b.id() == id)
    }

    /// The calculator's approach kind for it.
    pub fn kind(self) -> ApproachKind {
        match self {
            Baseline::PromptEngineering => ApproachKind::PromptEngineering,
            Baseline::Rag => ApproachKind::Rag,
        }
    }
}

/// The evaluation planner's and A/B sizing's saved inputs, in the units
/// the user types (percent, seconds, USD). Query keys start with `e.`.
#[derive(Clone, Debug, PartialEq)]
pub struct EvaluationSettings {
    /// Held-out share, % (`e.ho`, 5–50, default 20).
    pub held_out_pct: f64,
    /// What the trained model is compared with (`e.b`).
    pub baseline: Baseline,
    /// The baseline's accuracy on the test set, % (`e.ba`, default 80).
    pub baseline_accuracy_pct: f64,
    /// The accuracy the trained model must reach, % (`e.ta`, default 85).
    pub target_accuracy_pct: f64,
    /// Latency target, p95 seconds (`e.lat`, default 2).
    pub latency_p95_s: f64,
    /// Cost-per-request target, USD (`e.cost`); `None`: the baseline's.
    pub cost_target: Option<f64>,
    /// User satisfaction target, % thumbs-up or CSAT (`e.sat`, default 80).
    pub satisfaction_pct: f64,
    /// A/B baseline rate, % (`e.r`, default 10).
    pub ab_baseline_pct: f64,
    /// A/B minimum detectable effect (`e.d`, default 2): points, or % of
    /// the baseline when `ab_relative`.
    pub ab_effect: f64,
    /// Whether the effect is relative (`e.rel=1`).
    pub ab_relative: bool,
    /// Two-sided significance, % (`e.a`, default 5).
    pub alpha_pct: f64,
    /// Power, % (`e.pw`, default 80).
    pub power_pct: f64,
}

impl Default for EvaluationSettings {
    fn default() -> Self {
        EvaluationSettings {
            held_out_pct: 20.0,
            baseline: Baseline::PromptEngineering,
            baseline_accuracy_pct: 80.0,
            target_accuracy_pct: 85.0,
            latency_p95_s: 2.0,
            cost_target: None,
            satisfaction_pct: 80.0,
            ab_baseline_pct: 10.0,
            ab_effect: 2.0,
            ab_relative: false,
            alpha_pct: 5.0,
            power_pct: 80.0,
        }
    }
}

/// A number from a link, if finite and within `lo..=hi`.
fn within(v: &str, lo: f64, hi: f64) -> Option<f64> {
    v.parse::<f64>()
        .ok()
        .filter(|x| x.is_finite() && *x >= lo && *x <= hi)
}

/// A number that must be strictly inside (lo, hi).
fn inside(v: &str, lo: f64, hi: f64) -> Option<f64> {
    within(v, lo, hi).filter(|x| *x > lo && *x < hi)
}

impl EvaluationSettings {
    /// The settings as query pairs (`e.` keys), for storage and links.
    pub fn encode(&self) -> String {
        let mut out = form_urlencoded::Serializer::new(String::new());
        let n = field_text;
        out.append_pair("e.ho", &n(self.held_out_pct));
        out.append_pair("e.b", self.baseline.id());
        out.append_pair("e.ba", &n(self.baseline_accuracy_pct));
        out.append_pair("e.ta", &n(self.target_accuracy_pct));
        out.append_pair("e.lat", &n(self.latency_p95_s));
        if let Some(c) = self.cost_target {
            out.append_pair("e.cost", &n(c));
        }
        out.append_pair("e.sat", &n(self.satisfaction_pct));
        out.append_pair("e.r", &n(self.ab_baseline_pct));
        out.append_pair("e.d", &n(self.ab_effect));
        if self.ab_relative {
            out.append_pair("e.rel", "1");
        }
        out.append_pair("e.a", &n(self.alpha_pct));
        out.append_pair("e.pw", &n(self.power_pct));
        out.finish()
    }

    /// Reads the `e.` keys of `query`; total: anything else is ignored and a
    /// value that does not parse, or lies outside its field's own range
    /// (the ranges of [`Field::error`]), keeps its default.
    pub fn decode(query: &str) -> EvaluationSettings {
        let mut s = EvaluationSettings::default();
        let query = query.strip_prefix('?').unwrap_or(query);
        for (key, v) in form_urlencoded::parse(query.as_bytes()) {
            let v = v.as_ref();
            match key.as_ref() {
                "e.ho" => s.held_out_pct = within(v, 5.0, 50.0).unwrap_or(s.held_out_pct),
                "e.b" => s.baseline = Baseline::from_id(v).unwrap_or(s.baseline),
                "e.ba" => {
                    s.baseline_accuracy_pct =
                        inside(v, 0.0, 100.0).unwrap_or(s.baseline_accuracy_pct)
                }
                "e.ta" => {
                    s.target_accuracy_pct = within(v, 0.0, 100.0)
                        .filter(|x| *x > 0.0)
                        .unwrap_or(s.target_accuracy_pct)
                }
                "e.lat" => {
                    s.latency_p95_s = within(v, 0.0, 3600.0)
                        .filter(|x| *x > 0.0)
                        .unwrap_or(s.latency_p95_s)
                }
                "e.cost" => s.cost_target = within(v, 0.0, 1e6).or(s.cost_target),
                "e.sat" => {
                    s.satisfaction_pct = within(v, 0.0, 100.0)
                        .filter(|x| *x > 0.0)
                        .unwrap_or(s.satisfaction_pct)
                }
                "e.r" => s.ab_baseline_pct = inside(v, 0.0, 100.0).unwrap_or(s.ab_baseline_pct),
                "e.d" => {
                    s.ab_effect = within(v, -1e6, 1e6)
                        .filter(|x| *x != 0.0)
                        .unwrap_or(s.ab_effect)
                }
                "e.rel" => s.ab_relative = v == "1",
                "e.a" => {
                    s.alpha_pct = within(v, 0.0, 50.0)
                        .filter(|x| *x > 0.0)
                        .unwrap_or(s.alpha_pct)
                }
                "e.pw" => s.power_pct = inside(v, 0.0, 100.0).unwrap_or(s.power_pct),
                _ => {}
            }
        }
        s
    }

    /// Switches the effect between points and relative to the baseline,
    /// converting it so the rate to detect stays the same (10 % + 2
    /// points ⇄ + 20 % of it) when the baseline rate is valid; otherwise
    /// only the switch changes. Converted values are rounded to 1e-9.
    pub fn set_relative(&mut self, relative: bool) {
        if relative == self.ab_relative {
            return;
        }
        let b = self.ab_baseline_pct;
        if b > 0.0 && b < 100.0 {
            let d = if relative {
                self.ab_effect / b * 100.0
            } else {
                self.ab_effect * b / 100.0
            };
            let d = (d * 1e9).round() / 1e9;
            if d.is_finite() && d != 0.0 {
                self.ab_effect = d;
            }
        }
        self.ab_relative = relative;
    }

    /// The A/B sizing inputs.
    pub fn ab_input(&self) -> AbInput {
        AbInput {
            baseline_pct: self.ab_baseline_pct,
            effect: self.ab_effect,
            relative: self.ab_relative,
            alpha_pct: self.alpha_pct,
            power_pct: self.power_pct,
        }
    }

    /// Significance and power as fractions for the test-set check: the A/B
    /// section's when valid, else 5 % and 80 %.
    fn alpha_power(&self) -> (f64, f64) {
        let e = ab_sizing::errors(&AbInput {
            baseline_pct: 50.0,
            effect: 1.0,
            relative: false,
            ..self.ab_input()
        });
        if e.alpha.is_none() && e.power.is_none() {
            (self.alpha_pct / 100.0, self.power_pct / 100.0)
        } else {
            (0.05, 0.8)
        }
    }
}

/// One approach's cost per request from the calculator.
#[derive(Clone, Debug, PartialEq)]
pub struct ApproachPrice {
    /// Its kind.
    pub kind: ApproachKind,
    /// Its name in the calculator (user-written: escape it).
    pub name: String,
    /// Cost of one request, USD, all in at the calculator's monthly
    /// volume: the month's cost (`ApproachCost::monthly`: requests, fixed
    /// monthly costs such as hosting, retraining spread over its period)
    /// divided by the volume; the marginal per-request price when there is
    /// no volume. A self-hosted model's hosting is thus counted, not shown
    /// as $0.00.
    pub per_request: f64,
}

/// What the other tools tell the evaluation planner.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EvaluationInputs {
    /// Valid examples of the last checked dataset; `None` without one.
    pub valid_examples: Option<usize>,
    /// Of those, the ones that are not exact repeats.
    pub clean_examples: Option<usize>,
    /// The calculator's monthly request volume; `None` when it is 0 or
    /// unusable.
    pub monthly_requests: Option<f64>,
    /// The baselines' costs (prompt engineering, RAG), as priced.
    pub baselines: Vec<ApproachPrice>,
    /// The trained approaches the calculator compares, as priced.
    pub trained: Vec<ApproachPrice>,
}

impl EvaluationInputs {
    /// The cost per request of `baseline`, if the calculator prices it.
    pub fn baseline_cost(&self, baseline: Baseline) -> Option<f64> {
        self.baselines
            .iter()
            .find(|a| a.kind == baseline.kind())
            .map(|a| a.per_request)
    }
}

/// The planner's inputs from the last checked dataset and the calculator:
/// the brief's valid and clean examples, the scenario's monthly volume,
/// and each approach priced by [`Scenario::priced`] (all in at that volume,
/// see [`ApproachPrice::per_request`]; the baselines always;
/// the trained approaches that [`Scenario::compared`] lists). `today` is
/// the date the scenario was decoded for; nothing else here depends on it.
pub fn evaluation_inputs(
    brief: Option<&DatasetBrief>,
    scenario: &Scenario,
    today: &str,
) -> EvaluationInputs {
    let _ = today;
    let volume = scenario.monthly_requests;
    let price = |i: usize| {
        let a = scenario.priced(i);
        let per_request = if volume.is_finite() && volume > 0.0 {
            a.monthly(volume) / volume
        } else {
            a.per_request()
        };
        ApproachPrice {
            kind: a.kind,
            name: a.name,
            per_request: if per_request.is_finite() {
                per_request
            } else {
                0.0
            },
        }
    };
    let compared = scenario.compared();
    EvaluationInputs {
        valid_examples: brief.map(|b| b.valid_examples),
        clean_examples: brief.map(|b| b.clean_examples),
        monthly_requests: Some(scenario.monthly_requests).filter(|m| m.is_finite() && *m > 0.0),
        baselines: (0..scenario.approaches.len())
            .filter(|i| !scenario.approaches[*i].kind.trains())
            .map(price)
            .collect(),
        trained: compared
            .into_iter()
            .filter(|i| scenario.approaches[*i].kind.trains())
            .map(price)
            .collect(),
    }
}

/// The fields the planner and A/B sizing edit, each with its label, unit,
/// value and rule; the UI draws them all with one small view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// Held-out share, %.
    HeldOut,
    /// Baseline accuracy, %.
    BaselineAccuracy,
    /// Target accuracy, %.
    TargetAccuracy,
    /// Latency p95 target, s.
    Latency,
    /// Cost-per-request target, USD.
    Cost,
    /// User satisfaction target, %.
    Satisfaction,
    /// A/B baseline rate, %.
    AbBaseline,
    /// A/B minimum detectable effect.
    AbEffect,
    /// Significance, %.
    Alpha,
    /// Power, %.
    Power,
}

impl Field {
    /// The planner's fields, in order.
    pub const PLANNER: [Field; 6] = [
        Field::HeldOut,
        Field::BaselineAccuracy,
        Field::TargetAccuracy,
        Field::Latency,
        Field::Cost,
        Field::Satisfaction,
    ];
    /// A/B sizing's fields, in order.
    pub const AB: [Field; 4] = [
        Field::AbBaseline,
        Field::AbEffect,
        Field::Alpha,
        Field::Power,
    ];

    /// The input's element id.
    pub fn id(self) -> &'static str {
        match self {
            Field::HeldOut => "eval-held-out",
            Field::BaselineAccuracy => "eval-baseline-accuracy",
            Field::TargetAccuracy => "eval-target-accuracy",
            Field::Latency => "eval-latency",
            Field::Cost => "eval-cost",
            Field::Satisfaction => "eval-satisfaction",
            Field::AbBaseline => "ab-baseline",
            Field::AbEffect => "ab-effect",
            Field::Alpha => "ab-alpha",
            Field::Power => "ab-power",
        }
    }

    /// Its label.
    pub fn label(self) -> &'static str {
        match self {
            Field::HeldOut => "Held-out share",
            Field::BaselineAccuracy => "Baseline accuracy",
            Field::TargetAccuracy => "Target accuracy",
            Field::Latency => "Latency target, p95",
            Field::Cost => "Cost target per request",
            Field::Satisfaction => "User satisfaction target",
            Field::AbBaseline => "Baseline rate",
            Field::AbEffect => "Minimum detectable effect",
            Field::Alpha => "Significance (two-sided)",
            Field::Power => "Power",
        }
    }

    /// Its unit, shown after the label.
    pub fn unit(self, s: &EvaluationSettings) -> &'static str {
        match self {
            Field::Latency => "seconds",
            Field::Cost => "USD",
            Field::Satisfaction => "% thumbs-up or CSAT",
            Field::AbEffect if s.ab_relative => "% of the baseline",
            Field::AbEffect => "points",
            _ => "%",
        }
    }

    /// Its value (the cost target shows the baseline's cost until set).
    pub fn get(self, s: &EvaluationSettings, inputs: &EvaluationInputs) -> f64 {
        match self {
            Field::HeldOut => s.held_out_pct,
            Field::BaselineAccuracy => s.baseline_accuracy_pct,
            Field::TargetAccuracy => s.target_accuracy_pct,
            Field::Latency => s.latency_p95_s,
            Field::Cost => cost_target(s, inputs),
            Field::Satisfaction => s.satisfaction_pct,
            Field::AbBaseline => s.ab_baseline_pct,
            Field::AbEffect => s.ab_effect,
            Field::Alpha => s.alpha_pct,
            Field::Power => s.power_pct,
        }
    }

    /// Sets it to `v` (any finite number: [`Field::error`] judges it).
    pub fn set(self, s: &mut EvaluationSettings, v: f64) {
        if !v.is_finite() {
            return;
        }
        match self {
            Field::HeldOut => s.held_out_pct = v,
            Field::BaselineAccuracy => s.baseline_accuracy_pct = v,
            Field::TargetAccuracy => s.target_accuracy_pct = v,
            Field::Latency => s.latency_p95_s = v,
            Field::Cost => s.cost_target = Some(v),
            Field::Satisfaction => s.satisfaction_pct = v,
            Field::AbBaseline => s.ab_baseline_pct = v,
            Field::AbEffect => s.ab_effect = v,
            Field::Alpha => s.alpha_pct = v,
            Field::Power => s.power_pct = v,
        }
    }

    /// The message on this field for these settings, naming the field.
    pub fn error(self, s: &EvaluationSettings) -> Option<String> {
        let ab = || ab_sizing::errors(&s.ab_input());
        match self {
            Field::HeldOut => (!(5.0..=50.0).contains(&s.held_out_pct))
                .then(|| "The held-out share must be between 5 and 50 %.".into()),
            Field::BaselineAccuracy => (!(s.baseline_accuracy_pct > 0.0
                && s.baseline_accuracy_pct < 100.0))
                .then(|| "Baseline accuracy must be more than 0 and less than 100 %.".into()),
            Field::TargetAccuracy => {
                let b = s.baseline_accuracy_pct;
                let t = s.target_accuracy_pct;
                (!(t > b && t <= 100.0)).then(|| {
                    format!(
                        "The target accuracy must be above the baseline accuracy ({} %) and at most 100 %.",
                        pct_text(b)
                    )
                })
            }
            Field::Latency => (!(s.latency_p95_s > 0.0 && s.latency_p95_s <= 3600.0)).then(|| {
                "The latency target must be more than 0 and at most 3,600 seconds.".into()
            }),
            Field::Cost => s
                .cost_target
                .filter(|c| !(*c >= 0.0 && *c <= 1e6))
                .map(|_| "The cost target must be between $0 and $1,000,000 per request.".into()),
            Field::Satisfaction => (!(s.satisfaction_pct > 0.0 && s.satisfaction_pct <= 100.0))
                .then(|| "The satisfaction target must be more than 0 and at most 100 %.".into()),
            Field::AbBaseline => ab().baseline,
            Field::AbEffect => ab().effect,
            Field::Alpha => ab().alpha,
            Field::Power => ab().power,
        }
    }
}

/// The cost target: the user's, else the baseline's cost per request (0
/// when the calculator does not price it).
pub fn cost_target(s: &EvaluationSettings, inputs: &EvaluationInputs) -> f64 {
    s.cost_target
        .or_else(|| inputs.baseline_cost(s.baseline))
        .unwrap_or(0.0)
}

/// A number as a field shows it and a link stores it: whole numbers
/// plainly ("20"), others with at most nine decimals ("0.00425"); "" when
/// not finite. (Fixed decimals keep the page free of Rust's shortest-float
/// formatting code.)
pub fn field_text(v: f64) -> String {
    if !v.is_finite() {
        String::new()
    } else if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{v:.0}")
    } else {
        let s = format!("{v:.9}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// How the valid examples split.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Split {
    /// No checked dataset.
    NoDataset,
    /// Fewer than 2 valid examples: nothing to split.
    TooFew {
        /// The valid examples there are.
        valid: usize,
    },
    /// The counts.
    Counts {
        /// Examples to train on.
        train: usize,
        /// Examples held out for testing.
        test: usize,
    },
}

/// The split of `valid` examples at `share_pct` % held out (rule in the
/// module doc); a share outside 5–50 % is clamped into it.
pub fn split(valid: Option<usize>, share_pct: f64) -> Split {
    let Some(valid) = valid else {
        return Split::NoDataset;
    };
    if valid < 2 {
        return Split::TooFew { valid };
    }
    let share = if share_pct.is_finite() {
        share_pct.clamp(5.0, 50.0) / 100.0
    } else {
        0.2
    };
    let test = ((valid as f64 * share).round() as usize).clamp(1, valid - 1);
    Split::Counts {
        train: valid - test,
        test,
    }
}

/// The test examples needed to tell `baseline` from `target` accuracy
/// (fractions), rounded up; `None` when they are not a valid pair.
pub fn examples_needed(baseline: f64, target: f64, alpha: f64, power: f64) -> Option<f64> {
    // NaN passes here and is refused by `pooled_n`.
    if target <= baseline {
        return None;
    }
    ab_sizing::pooled_n(baseline, target, alpha, power).map(f64::ceil)
}

/// The smallest improvement over `baseline` (a fraction, in points as a
/// fraction) a test set of `n` examples can detect, by bisection (module
/// doc); `None` when even a perfect score would not be detected.
pub fn min_detectable_improvement(baseline: f64, n: f64, alpha: f64, power: f64) -> Option<f64> {
    if !(baseline > 0.0 && baseline < 1.0 && n > 0.0) {
        return None;
    }
    let needs = |d: f64| ab_sizing::pooled_n(baseline, baseline + d, alpha, power);
    let top = 1.0 - baseline;
    if needs(top).is_none_or(|m| m > n) {
        return None;
    }
    let (mut lo, mut hi) = (0.0, top);
    for _ in 0..100 {
        let mid = (lo + hi) / 2.0;
        match needs(mid) {
            Some(m) if m <= n => hi = mid,
            _ => lo = mid,
        }
    }
    Some(hi)
}

/// The split as HTML: the counts (or why there are none, with a link to
/// the validator), a note on repeats, and the too-small warning.
pub fn split_html(s: &EvaluationSettings, inputs: &EvaluationInputs) -> String {
    let p = |text: &str, class: &str| format!("<p class=\"{class}\">{}</p>", escape(text));
    let (train, test) = match split(inputs.valid_examples, s.held_out_pct) {
        Split::NoDataset => {
            return "<p class=\"note\">No checked dataset yet: check your training file in the \
                    <a href=\"dataset.html\">dataset validator</a> to see the split.</p>"
                .into();
        }
        Split::TooFew { valid } => {
            return p(
                &format!(
                    "The checked dataset has {} valid example{}: at least 2 are needed to hold some out.",
                    count(valid as f64),
                    if valid == 1 { "" } else { "s" }
                ),
                "warning",
            );
        }
        Split::Counts { train, test } => (train, test),
    };
    let valid = train + test;
    let mut out = format!(
        "<p class=\"split-counts\"><strong>{}</strong> to train on · <strong>{}</strong> held out for testing \
         (of {} valid examples).</p>",
        count(train as f64),
        count(test as f64),
        count(valid as f64)
    );
    if let Some(clean) = inputs.clean_examples.filter(|c| *c < valid) {
        let repeats = valid - clean;
        out.push_str(&p(
            &format!(
                "{} of them {} exact repeats: use the validator's clean export so no test example is also trained on.",
                count(repeats as f64),
                if repeats == 1 { "is an" } else { "are" }
            ),
            "note",
        ));
    }
    if let Some(w) = too_small_warning(s, test) {
        out.push_str(&p(&w, "warning"));
    }
    out
}

/// The warning when `test` examples cannot show the accuracy target (rule
/// in the module doc), or `None` when they can or the targets are invalid.
pub fn too_small_warning(s: &EvaluationSettings, test: usize) -> Option<String> {
    if Field::BaselineAccuracy.error(s).is_some() || Field::TargetAccuracy.error(s).is_some() {
        return None;
    }
    let (alpha, power) = s.alpha_power();
    let (b, t) = (
        s.baseline_accuracy_pct / 100.0,
        s.target_accuracy_pct / 100.0,
    );
    let needed = examples_needed(b, t, alpha, power)?;
    let n = test as f64;
    if n >= needed {
        return None;
    }
    let goal = format!(
        "to see {} % → {} % you need about {} test examples",
        pct_text(b * 100.0),
        pct_text(t * 100.0),
        count(needed)
    );
    Some(match min_detectable_improvement(b, n, alpha, power) {
        Some(d) => format!(
            "Your test set of {} examples can detect only differences of about {} points; {goal}.",
            count(n),
            (d * 100.0).ceil()
        ),
        None => format!(
            "Your test set of {} examples cannot detect any improvement over {} % (not even to 100 %); {goal}.",
            count(n),
            pct_text(b * 100.0)
        ),
    })
}

/// The "Metric · Target · Where it comes from" table (caption, head and
/// rows), as escaped HTML.
pub fn checklist_html(s: &EvaluationSettings, inputs: &EvaluationInputs) -> String {
    format!(
        "<table class=\"eval-checklist\"><caption>Metric · Target · Where it comes from</caption>\
         <thead><tr><th scope=\"col\">Metric</th><th scope=\"col\">Target</th>\
         <th scope=\"col\">Where it comes from</th></tr></thead><tbody>{}</tbody></table>",
        checklist_rows(s, inputs)
    )
}

/// The checklist's rows.
fn checklist_rows(s: &EvaluationSettings, inputs: &EvaluationInputs) -> String {
    let baseline_name = inputs
        .baselines
        .iter()
        .find(|a| a.kind == s.baseline.kind())
        .map_or(s.baseline.kind().label(), |a| a.name.as_str());
    let shown = |f: Field, text: String| {
        if f.error(s).is_some() {
            "— (fix the field above)".to_string()
        } else {
            text
        }
    };
    let test = match split(inputs.valid_examples, s.held_out_pct) {
        Split::Counts { test, .. } => format!("the {} held-out examples", count(test as f64)),
        _ => "the held-out test set".to_string(),
    };
    let costs = {
        let base = inputs
            .baseline_cost(s.baseline)
            .map_or("not priced".to_string(), usd);
        let trained: Vec<String> = inputs
            .trained
            .iter()
            .map(|a| format!("{} {}", a.name, usd(a.per_request)))
            .collect();
        let trained = if trained.is_empty() {
            "no trained approach compared".to_string()
        } else {
            trained.join("; ")
        };
        format!(
            "Cost calculator, all in at your monthly volume: {baseline_name} {base}; trained: {trained}."
        )
    };
    let accuracy_target = shown(
        Field::TargetAccuracy,
        format!(
            "≥ {} % (baseline {} %)",
            pct_text(s.target_accuracy_pct),
            pct_text(s.baseline_accuracy_pct)
        ),
    );
    let rows: [(&str, String, String); 4] = [
        (
            "Accuracy on the test set",
            if Field::BaselineAccuracy.error(s).is_some() {
                "— (fix the field above)".into()
            } else {
                accuracy_target
            },
            format!("The trained model and {baseline_name} both answer {test}."),
        ),
        (
            "Latency (p95)",
            shown(Field::Latency, format!("< {} s", pct_text(s.latency_p95_s))),
            "Your serving logs: the 95th percentile of response time.".into(),
        ),
        (
            "Cost per request",
            shown(Field::Cost, format!("≤ {}", usd(cost_target(s, inputs)))),
            costs,
        ),
        (
            "User satisfaction",
            shown(
                Field::Satisfaction,
                format!("≥ {} %", pct_text(s.satisfaction_pct)),
            ),
            "Thumbs-up rate or CSAT in production, compared by the A/B test below.".into(),
        ),
    ];
    rows.iter()
        .map(|(head, target, source)| {
            html_rows::row("", head, "", &[Cell::text(target), Cell::text(source)])
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::costs::scenario::default_scenario;
    use proptest::prelude::*;

    const TODAY: &str = "2026-12-01";

    fn brief(valid: usize, clean: usize) -> DatasetBrief {
        DatasetBrief {
            valid_examples: valid,
            clean_examples: clean,
            ..DatasetBrief::default()
        }
    }

    #[test]
    fn settings_round_trip_and_bad_values_keep_defaults() {
        let d = EvaluationSettings::default();
        assert_eq!(EvaluationSettings::decode(&d.encode()), d);
        assert!(d.encode().split('&').all(|kv| kv.starts_with("e.")));
        let s = EvaluationSettings {
            held_out_pct: 30.0,
            baseline: Baseline::Rag,
            cost_target: Some(0.004),
            ab_relative: true,
            ab_effect: -15.0,
            ..d.clone()
        };
        assert_eq!(EvaluationSettings::decode(&s.encode()), s);
        let bad = EvaluationSettings::decode(
            "e.ho=70&e.b=x&e.ba=100&e.r=NaN&e.d=0&e.a=0&e.pw=100&e.lat=-1&e.cost=abc&other=1",
        );
        assert_eq!(bad, d);
    }

    #[test]
    fn the_split_rounds_the_test_share() {
        assert_eq!(split(None, 20.0), Split::NoDataset);
        assert_eq!(split(Some(1), 20.0), Split::TooFew { valid: 1 });
        assert_eq!(
            split(Some(100), 20.0),
            Split::Counts {
                train: 80,
                test: 20
            }
        );
        // 87 × 0.2 = 17.4 → 17; 2 × 0.05 = 0.1 → at least 1.
        assert_eq!(
            split(Some(87), 20.0),
            Split::Counts {
                train: 70,
                test: 17
            }
        );
        assert_eq!(split(Some(2), 5.0), Split::Counts { train: 1, test: 1 });
        // 5 × 0.5 = 2.5 → 3 (halves away from zero).
        assert_eq!(split(Some(5), 50.0), Split::Counts { train: 2, test: 3 });
    }

    #[test]
    fn a_small_test_set_is_flagged_with_what_it_can_detect() {
        let s = EvaluationSettings::default();
        // Python (statistics.NormalDist, the pooled formula): 80 % → 85 %
        // at α 0.05, power 0.8 needs 905.37 → 906; bisection on the
        // improvement gives 13.38 points for 100 examples, and for 20
        // examples not even 80 % → 100 % is detectable.
        assert_eq!(examples_needed(0.8, 0.85, 0.05, 0.8), Some(906.0));
        let d = min_detectable_improvement(0.8, 100.0, 0.05, 0.8).unwrap();
        assert!((d - 0.13379331669739045).abs() < 1e-9);
        assert_eq!(min_detectable_improvement(0.8, 20.0, 0.05, 0.8), None);
        assert_eq!(
            too_small_warning(&s, 100).as_deref(),
            Some(
                "Your test set of 100 examples can detect only differences of about 14 points; \
                 to see 80 % → 85 % you need about 906 test examples."
            )
        );
        assert!(
            too_small_warning(&s, 20)
                .unwrap()
                .contains("cannot detect any improvement")
        );
        assert_eq!(too_small_warning(&s, 906), None);
        let html = split_html(
            &s,
            &evaluation_inputs(Some(&brief(100, 98)), &default_scenario(TODAY), TODAY),
        );
        assert!(html.contains("<strong>80</strong> to train on · <strong>20</strong> held out"));
        assert!(html.contains("2 of them are exact repeats"));
        assert!(html.contains("class=\"warning\""));
    }

    #[test]
    fn no_dataset_links_to_the_validator() {
        let i = evaluation_inputs(None, &default_scenario(TODAY), TODAY);
        assert_eq!(i.valid_examples, None);
        assert!(split_html(&EvaluationSettings::default(), &i).contains("href=\"dataset.html\""));
    }

    #[test]
    fn inputs_come_from_the_brief_and_the_scenario() {
        let sc = default_scenario(TODAY);
        let i = evaluation_inputs(Some(&brief(87, 85)), &sc, TODAY);
        assert_eq!((i.valid_examples, i.clean_examples), (Some(87), Some(85)));
        assert_eq!(i.monthly_requests, Some(500_000.0));
        assert_eq!(i.baselines.len(), 2);
        let all_in = |k: usize| sc.priced(k).monthly(500_000.0) / 500_000.0;
        assert_eq!(
            i.baseline_cost(Baseline::PromptEngineering),
            Some(all_in(0))
        );
        assert_eq!(i.baseline_cost(Baseline::Rag), Some(all_in(1)));
        // Prompting has no fixed costs: all in is its per-request price.
        assert!((all_in(0) - sc.priced(0).per_request()).abs() < 1e-12);
        // Self-hosting's hosting is counted, not shown as $0.00.
        let lora = i
            .trained
            .iter()
            .find(|a| a.kind == ApproachKind::SelfHostedLora);
        assert!(lora.is_none_or(|a| a.per_request > 0.0));
        assert!(!i.trained.is_empty() && i.trained.iter().all(|a| a.kind.trains()));
        let mut none = sc.clone();
        none.monthly_requests = 0.0;
        assert_eq!(evaluation_inputs(None, &none, TODAY).monthly_requests, None);
        // The cost target follows the baseline until the user sets one.
        let s = EvaluationSettings::default();
        assert_eq!(cost_target(&s, &i), all_in(0));
        let html = checklist_html(&s, &i);
        assert!(html.contains("Cost per request"));
        assert!(html.contains("the 17 held-out examples"));
        assert!(html.contains("&lt; 2 s") && html.contains("≥ 80 %"));
    }

    #[test]
    fn field_messages_name_the_field() {
        let mut s = EvaluationSettings::default();
        for f in Field::PLANNER.into_iter().chain(Field::AB) {
            assert_eq!(f.error(&s), None, "{f:?}");
        }
        Field::TargetAccuracy.set(&mut s, 75.0);
        assert!(
            Field::TargetAccuracy
                .error(&s)
                .unwrap()
                .contains("above the baseline accuracy (80 %)")
        );
        Field::HeldOut.set(&mut s, 60.0);
        assert!(
            Field::HeldOut
                .error(&s)
                .unwrap()
                .starts_with("The held-out share")
        );
        Field::AbEffect.set(&mut s, 95.0);
        assert_eq!(
            Field::AbEffect.error(&s).as_deref(),
            Some("10 % + 95 points is past 100 %: lower the effect.")
        );
        Field::Power.set(&mut s, 4.0);
        assert!(
            Field::Power
                .error(&s)
                .unwrap()
                .contains("more than the significance level")
        );
        let html = checklist_html(&s, &EvaluationInputs::default());
        assert!(html.contains("— (fix the field above)"));
    }

    #[test]
    fn the_relative_switch_keeps_the_rate_to_detect() {
        let mut s = EvaluationSettings::default();
        s.set_relative(true);
        assert_eq!((s.ab_relative, s.ab_effect), (true, 20.0));
        assert_eq!(ab_sizing::size(&s.ab_input()).unwrap().per_arm, 3841.0);
        s.set_relative(false);
        assert_eq!((s.ab_relative, s.ab_effect), (false, 2.0));
        assert_eq!(field_text(0.004_25), "0.00425");
        assert_eq!(field_text(20.0), "20");
        assert_eq!(field_text(f64::NAN), "");
    }

    proptest! {
        #[test]
        fn decoding_anything_is_safe(q in ".{0,300}") {
            let s = EvaluationSettings::decode(&q);
            prop_assert_eq!(EvaluationSettings::decode(&s.encode()), s);
        }

        #[test]
        fn no_settings_show_nan(
            vals in proptest::collection::vec(proptest::num::f64::ANY, 10),
            valid in proptest::option::of(0usize..100_000),
            rel in any::<bool>(),
        ) {
            let mut s = EvaluationSettings { ab_relative: rel, ..EvaluationSettings::default() };
            for (f, v) in Field::PLANNER.into_iter().chain(Field::AB).zip(vals) {
                f.set(&mut s, v);
            }
            let inputs = EvaluationInputs { valid_examples: valid, clean_examples: valid, ..EvaluationInputs::default() };
            let html = split_html(&s, &inputs) + &checklist_html(&s, &inputs);
            prop_assert!(!html.contains("NaN") && !html.contains("inf"), "{}", html);
            for f in Field::PLANNER.into_iter().chain(Field::AB) {
                prop_assert!(f.get(&s, &inputs).is_finite());
            }
        }
    }
}
