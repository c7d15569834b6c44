//! Price presets from `data/prices.json`, and whether each can still be used.
//!
//! The JSON is read at build time (see `build.rs`) into [`PRESETS`]. Every
//! preset names its source page and the date of its figures. Availability
//! is computed from dates: a preset whose training path has closed (or
//! closes before the planned start) cannot be used for a new model, and a
//! fine-tuned model lives no longer than its base model.
//!
//! Architecture invariant: pure data and functions, no UI imports; dates are
//! ISO `YYYY-MM-DD` strings, compared as calendar days by `core::dates`.

use crate::core::costs::approach_cost::{ApproachCost, ApproachKind, Training};
use crate::core::dates::months_between;

/// What a preset prices.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PresetKind {
    /// A base model's inference prices (prompt engineering, RAG).
    BaseModel,
    /// A provider's fine-tuning: training price and tuned-model inference.
    ApiFineTuning,
    /// A provider's LoRA / small-model fine-tuning.
    ApiLora,
    /// One rented GPU per hour (self-hosted training and serving).
    GpuHour,
    /// An embedding model (RAG indexing and queries).
    Embedding,
}

/// One priced offer. Token prices are USD per 1M tokens.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Preset {
    pub id: &'static str,
    pub provider: &'static str,
    pub model: &'static str,
    pub kind: PresetKind,
    /// Inference price per 1M input tokens (for fine-tunes: the tuned price).
    pub input_per_1m: Option<f64>,
    pub cached_input_per_1m: Option<f64>,
    pub output_per_1m: Option<f64>,
    /// Batch API discount, 0..1.
    pub batch_discount: Option<f64>,
    pub training_per_1m: Option<f64>,
    /// Tuned price ÷ base price.
    pub tuned_multiplier: Option<f64>,
    pub gpu_per_hour: Option<f64>,
    /// Hourly fee of a dedicated deployment.
    pub hosting_per_hour: Option<f64>,
    pub embedding_per_1m: Option<f64>,
    /// Last day new training jobs can be created, if announced.
    pub training_closes: Option<&'static str>,
    /// Day the (base) model is retired, if announced.
    pub retires: Option<&'static str>,
    /// First day organisations that never trained at this provider can no
    /// longer start training here (earlier than [`Preset::training_closes`]).
    pub closed_to_new_orgs: Option<&'static str>,
    /// First day organisations with no recent training job here can no
    /// longer start training here.
    pub closed_to_inactive_orgs: Option<&'static str>,
    pub source: &'static str,
    /// Date of the figures (the page's date, or the day it was read).
    pub as_of: &'static str,
    pub note: Option<&'static str>,
    /// Example figures rather than a provider's price ("your own price"):
    /// no source; offered when no real preset is available on the user's
    /// date, and labelled so nobody mistakes them for a quote.
    pub own_price: bool,
    /// The range the source states for the preset's main price (training
    /// per 1M tokens, or per GPU-hour), in words: "Range: from $0.48 to
    /// $1.35 per 1M training tokens." `build.rs` writes it and checks that the
    /// preset's own figure lies in it.
    pub range: Option<&'static str>,
    /// The provider's own example figures ("for example purposes only"),
    /// not its price list.
    pub example: bool,
}

impl Preset {
    /// What the source does not publish, when the user must enter it:
    /// every price (all figures null), or the training price of a
    /// fine-tuning preset. `None` for "your own price" presets.
    pub fn unpublished(&self) -> Option<&'static str> {
        if self.own_price {
            return None;
        }
        let any = [
            self.input_per_1m,
            self.training_per_1m,
            self.gpu_per_hour,
            self.embedding_per_1m,
        ]
        .iter()
        .any(Option::is_some);
        let trains = matches!(self.kind, PresetKind::ApiFineTuning | PresetKind::ApiLora);
        if !any {
            Some("Price not published: enter yours.")
        } else if trains && self.training_per_1m.is_none() {
            Some("Training price not published: enter yours.")
        } else {
            None
        }
    }
}

include!(concat!(env!("OUT_DIR"), "/prices.rs"));

/// The preset with this id.
pub fn by_id(id: &str) -> Option<&'static Preset> {
    PRESETS.iter().find(|p| p.id == id)
}

/// Presets that fit an approach kind.
pub fn for_kind(kind: ApproachKind) -> impl Iterator<Item = &'static Preset> {
    let wanted: &[PresetKind] = match kind {
        ApproachKind::PromptEngineering | ApproachKind::Rag => &[PresetKind::BaseModel],
        ApproachKind::ApiFineTuning => &[PresetKind::ApiFineTuning],
        ApproachKind::ApiSmallModel => &[PresetKind::ApiLora, PresetKind::ApiFineTuning],
        ApproachKind::SelfHostedLora | ApproachKind::SelfHostedFull => &[PresetKind::GpuHour],
    };
    PRESETS.iter().filter(move |p| wanted.contains(&p.kind))
}

/// Where the user's organisation stands with a provider that closes
/// training to organisations by their history (OpenAI from 2026-05-07).
/// Asked once in the calculator; the serialized ids are stable (links).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum OrgStanding {
    /// Has never run a training job there (the default: most people asking
    /// "should we fine-tune?" have not).
    #[default]
    New,
    /// Trained there before, but has no recent training job.
    Inactive,
    /// Trains there now.
    Active,
}

impl OrgStanding {
    /// Every standing, in the order the question lists them.
    pub const ALL: [OrgStanding; 3] =
        [OrgStanding::New, OrgStanding::Inactive, OrgStanding::Active];

    /// Stable id in links and storage.
    pub fn id(self) -> &'static str {
        match self {
            OrgStanding::New => "new",
            OrgStanding::Inactive => "inactive",
            OrgStanding::Active => "active",
        }
    }

    /// The standing with this id.
    pub fn from_id(id: &str) -> Option<OrgStanding> {
        OrgStanding::ALL.into_iter().find(|s| s.id() == id)
    }

    /// The answer as the question shows it.
    pub fn label(self) -> &'static str {
        match self {
            OrgStanding::New => "No, never",
            OrgStanding::Inactive => "Yes, but not in the last 60 days",
            OrgStanding::Active => "Yes, within the last 60 days",
        }
    }
}

/// The providers whose training access depends on [`OrgStanding`], for the
/// question the calculator asks ("… at OpenAI?").
pub fn standing_providers() -> Vec<&'static str> {
    let mut out: Vec<&'static str> = PRESETS
        .iter()
        .filter(|p| p.closed_to_new_orgs.is_some() || p.closed_to_inactive_orgs.is_some())
        .map(|p| p.provider)
        .collect();
    out.dedup();
    out
}

/// Whether a preset can be used for a model trained from `start`.
#[derive(Clone, Debug, PartialEq)]
pub enum Availability {
    Available {
        /// Months the trained model can serve, when its base model has an
        /// announced retirement.
        lifetime_months: Option<f64>,
    },
    Unavailable {
        reason: String,
    },
}

/// A preset's status on a date, for an organisation of a standing: what
/// the dropdown and the preset's card say beside it.
#[derive(Clone, Debug, PartialEq)]
pub enum PresetStatus {
    /// Usable, with no announced end.
    Open,
    /// Usable now; training closes after the last day `date`.
    TrainingCloses { date: &'static str },
    /// Usable now; the (base) model retires on `date`.
    Retires { date: &'static str },
    /// No new training for this organisation since `date`.
    Closed { date: &'static str },
    /// The model was retired on `date`.
    Retired { date: &'static str },
}

impl PresetStatus {
    /// Whether a new approach can use the preset.
    pub fn usable(&self) -> bool {
        !matches!(
            self,
            PresetStatus::Closed { .. } | PresetStatus::Retired { .. }
        )
    }

    /// Its place in the only order a status moves in as the date
    /// advances: open (0), closing (1), closed (2), retired (3).
    pub fn rank(&self) -> u8 {
        match self {
            PresetStatus::Open => 0,
            PresetStatus::TrainingCloses { .. } | PresetStatus::Retires { .. } => 1,
            PresetStatus::Closed { .. } => 2,
            PresetStatus::Retired { .. } => 3,
        }
    }

    /// A few words for the dropdown and the preset's card ("open",
    /// "training closes after 2027-01-06", "retired 2026-06-01").
    pub fn short(&self) -> String {
        match self {
            PresetStatus::Open => "open".to_string(),
            PresetStatus::TrainingCloses { date } => format!("training closes after {date}"),
            PresetStatus::Retires { date } => format!("retires {date}"),
            PresetStatus::Closed { date } => format!("closed to you since {date}"),
            PresetStatus::Retired { date } => format!("retired {date}"),
        }
    }
}

/// The first day `preset` stopped taking training jobs from an
/// organisation of `standing`, if it has by `start`, and why.
fn closed_for(
    preset: &Preset,
    standing: OrgStanding,
    start: &str,
) -> Option<(&'static str, String)> {
    let reached = |day: &str| months_between(day, start).is_some_and(|m| m >= 0.0);
    let early = match standing {
        OrgStanding::New => preset
            .closed_to_new_orgs
            .map(|d| (d, "organisations that never trained there")),
        OrgStanding::Inactive => preset
            .closed_to_inactive_orgs
            .or(preset.closed_to_new_orgs)
            .map(|d| (d, "organisations with no recent training job there")),
        OrgStanding::Active => None,
    };
    if let Some((day, whom)) = early
        && reached(day)
    {
        return Some((
            day,
            format!(
                "{} has accepted no training from {whom} since {day}.",
                preset.provider
            ),
        ));
    }
    // `training_closes` is the last day jobs are accepted.
    let closes = preset.training_closes?;
    months_between(start, closes)
        .is_some_and(|m| m < 0.0)
        .then(|| {
            (
                closes,
                format!(
                    "{} stopped accepting new training jobs after {closes}, before the planned start.",
                    preset.provider
                ),
            )
        })
}

/// The status of `preset` for an approach of `kind` started on `start` by
/// an organisation of `standing`.
pub fn status(
    preset: &'static Preset,
    kind: ApproachKind,
    start: &str,
    standing: OrgStanding,
) -> PresetStatus {
    if let Some(retires) = preset.retires
        && months_between(start, retires).is_some_and(|m| m <= 0.0)
    {
        return PresetStatus::Retired { date: retires };
    }
    if kind.trains() {
        if let Some((date, _)) = closed_for(preset, standing, start) {
            return PresetStatus::Closed { date };
        }
        if let Some(date) = preset.training_closes {
            return PresetStatus::TrainingCloses { date };
        }
    }
    match preset.retires {
        Some(date) => PresetStatus::Retires { date },
        None => PresetStatus::Open,
    }
}

/// Availability of `preset` for an approach of `kind` started on `start`
/// (an ISO date; today or a planned date) by an organisation of `standing`:
/// [`status`] says whether it can be used, this adds why not, or how long
/// a model trained on it can serve.
pub fn availability(
    preset: &'static Preset,
    kind: ApproachKind,
    start: &str,
    standing: OrgStanding,
) -> Availability {
    match status(preset, kind, start, standing) {
        PresetStatus::Retired { date } => Availability::Unavailable {
            reason: format!("{} was retired on {date}.", preset.model),
        },
        PresetStatus::Closed { .. } => Availability::Unavailable {
            reason: closed_for(preset, standing, start)
                .map(|(_, reason)| reason)
                .unwrap_or_default(),
        },
        _ => Availability::Available {
            lifetime_months: if kind.trains() {
                preset.retires.and_then(|r| months_between(start, r))
            } else {
                None
            },
        },
    }
}

/// The price figures an approach of `kind` has when no preset sets them:
/// zero prices, a 1× multiplier, no batch discount, serverless (no
/// hosting); RAG embeds with text-embedding-3-small's $0.02 per 1M, and a
/// tuned small model is served at the example $0.20 / $0.20 per 1M, which
/// is not a provider's price (see [`example_figures`]).
pub fn price_defaults(kind: ApproachKind) -> PriceFigures {
    let serverless_small = matches!(kind, ApproachKind::ApiSmallModel);
    PriceFigures {
        input_per_1m: if serverless_small {
            EXAMPLE_SMALL_INFERENCE
        } else {
            0.0
        },
        cached_input_per_1m: None,
        output_per_1m: if serverless_small {
            EXAMPLE_SMALL_INFERENCE
        } else {
            0.0
        },
        price_multiplier: 1.0,
        batch_discount: 0.0,
        hosting_per_hour: 0.0,
        embedding_per_1m: if kind == ApproachKind::Rag { 0.02 } else { 0.0 },
        training_price: 0.0,
    }
}

/// Example serverless price (USD per 1M tokens, input and output) of a
/// tuned small model where its preset does not price inference.
pub const EXAMPLE_SMALL_INFERENCE: f64 = 0.2;

/// The figures a preset decides; everything else (tokens, data
/// preparation, hours, replicas, retraining) is the user's.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PriceFigures {
    pub input_per_1m: f64,
    /// `None`: the same as the input price (no caching discount).
    pub cached_input_per_1m: Option<f64>,
    pub output_per_1m: f64,
    pub price_multiplier: f64,
    pub batch_discount: f64,
    pub hosting_per_hour: f64,
    pub embedding_per_1m: f64,
    /// Per 1M training tokens, or per GPU-hour for GPU training.
    pub training_price: f64,
}

/// The names of the figures [`apply`] changed, in form order.
pub type Changed = Vec<&'static str>;

/// Applies `preset` to `a`: every figure the preset defines is set from
/// it, and every other figure a preset can decide is reset to
/// [`price_defaults`] for the approach's kind, so the result never depends
/// on which presets were applied before (property-tested). Fields a preset
/// never decides (tokens, data preparation, hours, replicas, retraining)
/// are kept. Returns the names of the figures that changed.
pub fn apply(a: &mut ApproachCost, preset: &'static Preset) -> Changed {
    let before = a.clone();
    let d = price_defaults(a.kind);
    a.preset = Some(preset.id);
    let multiplier = preset.tuned_multiplier.filter(|m| *m > 0.0).unwrap_or(1.0);
    let tuned = matches!(preset.kind, PresetKind::ApiFineTuning | PresetKind::ApiLora);
    let divisor = if tuned { multiplier } else { 1.0 };
    a.input_per_1m = preset.input_per_1m.map_or(d.input_per_1m, |v| v / divisor);
    a.output_per_1m = preset
        .output_per_1m
        .map_or(d.output_per_1m, |v| v / divisor);
    a.cached_input_per_1m = preset
        .cached_input_per_1m
        .map(|v| v / divisor)
        .or(d.cached_input_per_1m)
        .unwrap_or(a.input_per_1m);
    a.price_multiplier = if tuned {
        multiplier
    } else {
        d.price_multiplier
    };
    a.batch_discount = preset.batch_discount.unwrap_or(d.batch_discount);
    a.hosting_per_hour = match (preset.kind, preset.gpu_per_hour) {
        // One rented GPU trains and serves.
        (PresetKind::GpuHour, Some(per_hour)) => per_hour,
        _ => preset.hosting_per_hour.unwrap_or(d.hosting_per_hour),
    };
    a.embedding_per_1m = preset.embedding_per_1m.unwrap_or(d.embedding_per_1m);
    a.training = match (preset.training_per_1m, preset.gpu_per_hour, a.training) {
        (Some(per_1m), _, Training::Tokens { tokens, epochs, .. }) => Training::Tokens {
            tokens,
            epochs,
            per_1m,
        },
        (Some(per_1m), _, _) => Training::Tokens {
            tokens: 1_000_000.0,
            epochs: 3.0,
            per_1m,
        },
        (None, Some(per_hour), Training::GpuHours { hours, .. }) => {
            Training::GpuHours { hours, per_hour }
        }
        (None, Some(per_hour), _) => Training::GpuHours {
            hours: 8.0,
            per_hour,
        },
        (None, None, Training::Tokens { tokens, epochs, .. }) => Training::Tokens {
            tokens,
            epochs,
            per_1m: d.training_price,
        },
        (None, None, Training::GpuHours { hours, .. }) => Training::GpuHours {
            hours,
            per_hour: d.training_price,
        },
        (None, None, Training::None) => Training::None,
    };
    changed(&before, a)
}

/// The names of the price figures that differ between `before` and `after`.
fn changed(before: &ApproachCost, after: &ApproachCost) -> Changed {
    let mut out = Changed::new();
    let check = |out: &mut Changed, name: &'static str, x: f64, y: f64| {
        if x != y {
            out.push(name);
        }
    };
    check(
        &mut out,
        "Input price",
        before.input_per_1m,
        after.input_per_1m,
    );
    check(
        &mut out,
        "Output price",
        before.output_per_1m,
        after.output_per_1m,
    );
    check(
        &mut out,
        "Tuned price multiplier",
        before.price_multiplier,
        after.price_multiplier,
    );
    check(
        &mut out,
        "Cached input price",
        before.cached_input_per_1m,
        after.cached_input_per_1m,
    );
    check(
        &mut out,
        "Batch discount",
        before.batch_discount,
        after.batch_discount,
    );
    check(
        &mut out,
        "Embedding price",
        before.embedding_per_1m,
        after.embedding_per_1m,
    );
    let price = |t: Training| match t {
        Training::None => 0.0,
        Training::Tokens { per_1m, .. } => per_1m,
        Training::GpuHours { per_hour, .. } => per_hour,
    };
    if std::mem::discriminant(&before.training) != std::mem::discriminant(&after.training) {
        out.push("Training billed by");
    } else {
        check(
            &mut out,
            "Training price",
            price(before.training),
            price(after.training),
        );
    }
    check(
        &mut out,
        "Dedicated hosting",
        before.hosting_per_hour,
        after.hosting_per_hour,
    );
    out
}

/// The figures of `a` that are example figures rather than a provider's
/// price: all of them when its preset is a "your own price" one, and the
/// serverless inference price of a tuned small model when its preset does
/// not price inference and the figure is still the example default.
pub fn example_figures(a: &ApproachCost) -> Vec<&'static str> {
    let Some(p) = a.preset.and_then(by_id) else {
        return Vec::new();
    };
    if p.own_price {
        return vec!["every price"];
    }
    let d = price_defaults(a.kind);
    let mut out = Vec::new();
    if a.kind == ApproachKind::ApiSmallModel && p.input_per_1m.is_none() {
        if a.input_per_1m == d.input_per_1m {
            out.push("Input price");
        }
        if a.output_per_1m == d.output_per_1m {
            out.push("Output price");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::dates::day_number;

    #[test]
    fn every_preset_has_a_source_and_a_date() {
        assert!(PRESETS.len() >= 20);
        assert_eq!(day_number(RETRIEVED).map(|d| d > 0), Some(true));
        for p in PRESETS {
            assert!(
                p.own_price || p.source.starts_with("https://"),
                "{}: source {:?}",
                p.id,
                p.source
            );
            assert!(
                day_number(p.as_of).is_some(),
                "{}: as_of {:?}",
                p.id,
                p.as_of
            );
            for d in [p.training_closes, p.retires].into_iter().flatten() {
                assert!(day_number(d).is_some(), "{}: date {d:?}", p.id);
            }
            // Dates compare as ISO strings; the file's own date, never the clock.
            assert!(
                p.as_of <= RETRIEVED,
                "{}: as_of {} after {RETRIEVED}",
                p.id,
                p.as_of
            );
            let priced = [
                p.input_per_1m,
                p.training_per_1m,
                p.gpu_per_hour,
                p.embedding_per_1m,
            ]
            .iter()
            .any(Option::is_some);
            // No price is invented: a preset without one says so.
            assert!(priced || p.unpublished().is_some(), "{} has no price", p.id);
            // build.rs checked that the figure lies in the range.
            assert!(
                p.range.is_none_or(|r| r.starts_with("Range: from $")),
                "{}",
                p.id
            );
        }
        let mut ids: Vec<&str> = PRESETS.iter().map(|p| p.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), PRESETS.len(), "ids are unique");
    }

    #[test]
    fn every_approach_kind_has_presets() {
        for k in ApproachKind::ALL {
            assert!(for_kind(k).count() > 0, "{k:?}");
        }
    }

    #[test]
    fn openai_fine_tuning_closes_and_dies_with_its_base_model() {
        let ft = by_id("openai-gpt-4.1-mini-ft").unwrap();
        assert_eq!(ft.training_closes, Some("2027-01-06"));
        match availability(
            ft,
            ApproachKind::ApiFineTuning,
            "2026-11-25",
            OrgStanding::Active,
        ) {
            Availability::Available {
                lifetime_months: Some(m),
            } => assert!(m > 1.5 && m < 1.7),
            other => panic!("{other:?}"),
        }
        match availability(
            ft,
            ApproachKind::ApiFineTuning,
            "2027-01-07",
            OrgStanding::Active,
        ) {
            Availability::Unavailable { reason } => {
                assert!(reason.contains("2027-01-06"), "{reason}")
            }
            other => panic!("{other:?}"),
        }
        let nano = by_id("openai-gpt-4.1-nano-ft").unwrap();
        assert!(matches!(
            availability(
                nano,
                ApproachKind::ApiFineTuning,
                "2026-11-25",
                OrgStanding::Active
            ),
            Availability::Unavailable { .. }
        ));
        // Prompting the base model is not bound by the fine-tuning shutdown.
        let base = by_id("openai-gpt-4.1").unwrap();
        assert_eq!(
            availability(
                base,
                ApproachKind::PromptEngineering,
                "2027-01-07",
                OrgStanding::New
            ),
            Availability::Available {
                lifetime_months: None
            }
        );
    }

    #[test]
    fn applying_a_preset_sets_prices_and_multiplier() {
        let mut a = ApproachCost::blank(ApproachKind::ApiFineTuning);
        let changed = apply(&mut a, by_id("openai-gpt-4.1-mini-ft").unwrap());
        assert_eq!(a.price_multiplier, 2.0);
        assert!((a.input_per_1m * a.price_multiplier - 0.8).abs() < 1e-12);
        assert!((a.output_per_1m * a.price_multiplier - 3.2).abs() < 1e-12);
        assert!(matches!(a.training, Training::Tokens { per_1m, .. } if per_1m == 5.0));
        assert_eq!(a.preset, Some("openai-gpt-4.1-mini-ft"));
        assert!(changed.contains(&"Input price") && changed.contains(&"Training billed by"));
        let mut g = ApproachCost::blank(ApproachKind::SelfHostedLora);
        apply(&mut g, by_id("runpod-h100-community").unwrap());
        assert!(matches!(g.training, Training::GpuHours { per_hour, .. } if per_hour == 2.69));
        assert_eq!(g.hosting_per_hour, 2.69);
    }

    #[test]
    fn a_preset_resets_what_it_does_not_define() {
        // Azure → Together on the small-model approach: Together prices
        // neither inference nor hosting, so Azure's figures must not stay.
        let mut a = ApproachCost::blank(ApproachKind::ApiSmallModel);
        a.input_tokens = 300.0;
        a.output_tokens = 300.0;
        a.training = Training::Tokens {
            tokens: 2e6,
            epochs: 3.0,
            per_1m: 0.0,
        };
        let mut fresh = a.clone();
        apply(&mut a, by_id("azure-gpt-4.1-mini-ft").unwrap());
        assert_eq!(a.hosting_per_hour, 1.7);
        let changed = apply(&mut a, by_id("together-lora-up-to-16b").unwrap());
        apply(&mut fresh, by_id("together-lora-up-to-16b").unwrap());
        assert_eq!(a, fresh);
        assert_eq!(a.hosting_per_hour, 0.0);
        assert_eq!(a.input_per_1m, EXAMPLE_SMALL_INFERENCE);
        assert_eq!(a.price_multiplier, 1.0);
        for name in [
            "Input price",
            "Output price",
            "Dedicated hosting",
            "Tuned price multiplier",
        ] {
            assert!(changed.contains(&name), "{name} in {changed:?}");
        }
        assert_eq!(example_figures(&a), vec!["Input price", "Output price"]);
        a.input_per_1m = 0.3;
        assert_eq!(example_figures(&a), vec!["Output price"]);
    }

    #[test]
    fn standing_decides_openai_training_by_date() {
        let ft = by_id("openai-gpt-4.1-mini-ft").unwrap();
        let k = ApproachKind::ApiFineTuning;
        let open = |standing, day| {
            matches!(
                availability(ft, k, day, standing),
                Availability::Available { .. }
            )
        };
        use OrgStanding::{Active, Inactive, New};
        // Before and after each provider date, for each standing.
        for (day, new, inactive, active) in [
            ("2026-05-06", true, true, true),
            ("2026-05-07", false, true, true),
            ("2026-07-01", false, true, true),
            ("2026-07-02", false, false, true),
            ("2027-01-06", false, false, true),
            ("2027-01-07", false, false, false),
        ] {
            assert_eq!(open(New, day), new, "new org on {day}");
            assert_eq!(open(Inactive, day), inactive, "inactive org on {day}");
            assert_eq!(open(Active, day), active, "active org on {day}");
        }
        assert_eq!(
            status(ft, k, "2026-12-01", New),
            PresetStatus::Closed { date: "2026-05-07" }
        );
        assert_eq!(
            status(ft, k, "2026-12-01", Active),
            PresetStatus::TrainingCloses { date: "2027-01-06" }
        );
        assert_eq!(
            status(ft, k, "2027-01-20", Active),
            PresetStatus::Retired { date: "2027-01-14" }
        );
        match availability(ft, k, "2026-12-01", New) {
            Availability::Unavailable { reason } => {
                assert!(reason.contains("never trained"), "{reason}")
            }
            other => panic!("{other:?}"),
        }
        // Other providers and untrained uses do not depend on standing.
        let azure = by_id("azure-gpt-4.1-mini-ft").unwrap();
        assert_eq!(
            status(azure, k, "2026-12-01", New),
            PresetStatus::TrainingCloses { date: "2027-04-13" }
        );
        let runpod = by_id("runpod-h100-secure").unwrap();
        assert_eq!(
            status(runpod, ApproachKind::SelfHostedFull, "2026-12-01", New),
            PresetStatus::Open
        );
        let base = by_id("openai-gpt-4.1").unwrap();
        assert_eq!(
            status(base, ApproachKind::PromptEngineering, "2026-12-01", New),
            PresetStatus::Retires { date: "2027-01-14" }
        );
        assert_eq!(standing_providers(), vec!["OpenAI"]);
        for s in OrgStanding::ALL {
            assert_eq!(OrgStanding::from_id(s.id()), Some(s));
        }
    }

    /// Every day from 2026-01-01 to 2028-12-31 (ISO strings).
    fn days() -> Vec<String> {
        let mut out = Vec::new();
        for y in 2026..=2028 {
            for m in 1..=12 {
                for d in 1..=31 {
                    let day = format!("{y}-{m:02}-{d:02}");
                    if day_number(&day).is_some() {
                        out.push(day);
                    }
                }
            }
        }
        out
    }

    #[test]
    fn every_status_is_total_and_only_moves_forward() {
        let days = days();
        assert_eq!(days.len(), 365 + 365 + 366);
        for p in PRESETS {
            for kind in ApproachKind::ALL {
                for standing in OrgStanding::ALL {
                    let mut last = 0;
                    for day in &days {
                        let s = status(p, kind, day, standing);
                        assert!(
                            s.rank() >= last,
                            "{} {kind:?} {standing:?}: {s:?} on {day} after rank {last}",
                            p.id
                        );
                        last = s.rank();
                        assert!(!s.short().is_empty());
                        // Availability agrees with the status.
                        let usable = matches!(
                            availability(p, kind, day, standing),
                            Availability::Available { .. }
                        );
                        assert_eq!(usable, s.usable(), "{} on {day}", p.id);
                    }
                }
            }
        }
    }

    #[test]
    fn retired_models_show_retired_from_their_last_day() {
        let k = ApproachKind::ApiFineTuning;
        let active = OrgStanding::Active;
        for id in [
            "vertex-gemini-2.0-flash-sft",
            "vertex-gemini-2.0-flash-lite-sft",
        ] {
            let p = by_id(id).unwrap();
            assert_eq!(
                status(p, k, "2026-12-01", active),
                PresetStatus::Retired { date: "2026-06-01" }
            );
        }
        let nano = by_id("openai-gpt-4.1-nano-ft").unwrap();
        assert!(status(nano, k, "2026-10-22", active).usable());
        for day in ["2026-10-23", "2026-12-01", "2027-06-01"] {
            assert_eq!(
                status(nano, k, day, active),
                PresetStatus::Retired { date: "2026-10-23" }
            );
        }
        // Azure: training closes before deployments retire.
        let azure = by_id("azure-gpt-4o-family-ft").unwrap();
        assert_eq!(
            status(azure, k, "2027-04-01", active),
            PresetStatus::Closed { date: "2027-03-31" }
        );
        assert_eq!(
            status(azure, k, "2027-10-01", active),
            PresetStatus::Retired { date: "2027-10-01" }
        );
    }

    #[test]
    fn unpublished_prices_are_said_not_invented() {
        let vertex = by_id("vertex-gemini-3.5-flash-sft").unwrap();
        assert_eq!(
            vertex.unpublished(),
            Some("Price not published: enter yours.")
        );
        assert_eq!(vertex.training_per_1m, None);
        let nova = by_id("bedrock-nova-micro-ft").unwrap();
        assert_eq!(
            nova.unpublished(),
            Some("Training price not published: enter yours.")
        );
        assert_eq!(by_id("openai-gpt-4.1-mini-ft").unwrap().unpublished(), None);
        assert_eq!(by_id("own-api-lora").unwrap().unpublished(), None);
        let full = by_id("together-full-up-to-16b").unwrap();
        assert_eq!(full.training_per_1m, Some(1.35));
        assert_eq!(
            full.range,
            Some("Range: from $0.48 to $1.35 per 1M training tokens.")
        );
        assert_eq!(
            by_id("runpod-h100-secure").unwrap().gpu_per_hour,
            Some(3.49)
        );
        assert!(by_id("azure-gpt-4.1-ft").unwrap().example);
    }

    proptest::proptest! {
        /// Applying preset B after any sequence of presets gives the same
        /// approach as applying B to the defaults.
        #[test]
        fn the_last_preset_alone_decides(kind in 0usize..6, seq in proptest::collection::vec(0usize..64, 0..6), last in 0usize..64) {
            let kind = ApproachKind::ALL[kind];
            let presets: Vec<&'static Preset> = for_kind(kind).collect();
            let pick = |i: usize| presets[i % presets.len()];
            let start = crate::core::costs::scenario::default_scenario("2026-12-01").approaches
                [ApproachKind::ALL.iter().position(|k| *k == kind).unwrap()]
                .clone();
            let mut walked = start.clone();
            for i in seq {
                apply(&mut walked, pick(i));
            }
            apply(&mut walked, pick(last));
            let mut direct = start;
            apply(&mut direct, pick(last));
            proptest::prop_assert_eq!(walked, direct);
        }
    }
}
