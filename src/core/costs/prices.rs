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
    pub source: &'static str,
    /// Date of the figures (the page's date, or the day it was read).
    pub as_of: &'static str,
    pub note: Option<&'static str>,
    /// Example figures rather than a provider's price ("your own price"):
    /// no source; offered when no real preset is available on the user's
    /// date, and labelled so nobody mistakes them for a quote.
    pub own_price: bool,
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

/// Availability of `preset` for an approach of `kind` started on `start`
/// (an ISO date; today or a planned date).
pub fn availability(preset: &Preset, kind: ApproachKind, start: &str) -> Availability {
    let trains = kind.trains();
    if let Some(retires) = preset.retires
        && months_between(start, retires).is_some_and(|m| m <= 0.0)
    {
        return Availability::Unavailable {
            reason: format!("{} was retired on {retires}.", preset.model),
        };
    }
    if trains
        && let Some(closes) = preset.training_closes
        && months_between(start, closes).is_some_and(|m| m < 0.0)
    {
        return Availability::Unavailable {
            reason: format!(
                "{} stopped accepting new training jobs on {closes}, before the planned start.",
                preset.provider
            ),
        };
    }
    let lifetime_months = if trains {
        preset.retires.and_then(|r| months_between(start, r))
    } else {
        None
    };
    Availability::Available { lifetime_months }
}

/// Fills `a`'s prices from `preset` (fields the preset lacks are kept),
/// records the preset's id, and bounds its lifetime by the base model's
/// retirement.
pub fn apply(a: &mut ApproachCost, preset: &'static Preset, start: &str) {
    a.preset = Some(preset.id);
    let multiplier = preset.tuned_multiplier.filter(|m| *m > 0.0).unwrap_or(1.0);
    let tuned = matches!(preset.kind, PresetKind::ApiFineTuning | PresetKind::ApiLora);
    let divisor = if tuned { multiplier } else { 1.0 };
    if let Some(v) = preset.input_per_1m {
        a.input_per_1m = v / divisor;
    }
    if let Some(v) = preset.cached_input_per_1m {
        a.cached_input_per_1m = v / divisor;
    }
    if let Some(v) = preset.output_per_1m {
        a.output_per_1m = v / divisor;
    }
    if tuned {
        a.price_multiplier = multiplier;
    }
    if let Some(v) = preset.batch_discount {
        a.batch_discount = v;
    }
    if let Some(v) = preset.hosting_per_hour {
        a.hosting_per_hour = v;
    }
    if let Some(v) = preset.embedding_per_1m {
        a.embedding_per_1m = v;
    }
    match (preset.training_per_1m, preset.gpu_per_hour, a.training) {
        (Some(per_1m), _, Training::Tokens { tokens, epochs, .. }) => {
            a.training = Training::Tokens {
                tokens,
                epochs,
                per_1m,
            }
        }
        (Some(per_1m), _, _) => {
            a.training = Training::Tokens {
                tokens: 1_000_000.0,
                epochs: 3.0,
                per_1m,
            }
        }
        (None, Some(per_hour), Training::GpuHours { hours, .. }) => {
            a.training = Training::GpuHours { hours, per_hour }
        }
        (None, Some(per_hour), _) => {
            a.training = Training::GpuHours {
                hours: 8.0,
                per_hour,
            }
        }
        _ => {}
    }
    if let (Some(per_hour), PresetKind::GpuHour) = (preset.gpu_per_hour, preset.kind) {
        a.hosting_per_hour = per_hour;
    }
    a.lifetime_months = match availability(preset, a.kind, start) {
        Availability::Available { lifetime_months } => lifetime_months,
        Availability::Unavailable { .. } => Some(0.0),
    };
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
            let priced = [
                p.input_per_1m,
                p.training_per_1m,
                p.gpu_per_hour,
                p.embedding_per_1m,
            ]
            .iter()
            .any(Option::is_some);
            assert!(priced, "{} has no price", p.id);
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
        match availability(ft, ApproachKind::ApiFineTuning, "2026-11-25") {
            Availability::Available {
                lifetime_months: Some(m),
            } => assert!(m > 1.5 && m < 1.7),
            other => panic!("{other:?}"),
        }
        match availability(ft, ApproachKind::ApiFineTuning, "2027-01-07") {
            Availability::Unavailable { reason } => {
                assert!(reason.contains("2027-01-06"), "{reason}")
            }
            other => panic!("{other:?}"),
        }
        let nano = by_id("openai-gpt-4.1-nano-ft").unwrap();
        assert!(matches!(
            availability(nano, ApproachKind::ApiFineTuning, "2026-11-25"),
            Availability::Unavailable { .. }
        ));
        // Prompting the base model is not bound by the fine-tuning shutdown.
        let base = by_id("openai-gpt-4.1").unwrap();
        assert_eq!(
            availability(base, ApproachKind::PromptEngineering, "2027-01-07"),
            Availability::Available {
                lifetime_months: None
            }
        );
    }

    #[test]
    fn applying_a_preset_sets_prices_multiplier_and_lifetime() {
        let mut a = ApproachCost::blank(ApproachKind::ApiFineTuning);
        apply(
            &mut a,
            by_id("openai-gpt-4.1-mini-ft").unwrap(),
            "2026-11-25",
        );
        assert_eq!(a.price_multiplier, 2.0);
        assert!((a.input_per_1m * a.price_multiplier - 0.8).abs() < 1e-12);
        assert!((a.output_per_1m * a.price_multiplier - 3.2).abs() < 1e-12);
        assert!(matches!(a.training, Training::Tokens { per_1m, .. } if per_1m == 5.0));
        assert!(a.lifetime_months.unwrap() < 2.0);
        assert_eq!(a.preset, Some("openai-gpt-4.1-mini-ft"));
        let mut g = ApproachCost::blank(ApproachKind::SelfHostedLora);
        apply(
            &mut g,
            by_id("runpod-h100-community").unwrap(),
            "2026-11-25",
        );
        assert!(matches!(g.training, Training::GpuHours { per_hour, .. } if per_hour == 2.69));
        assert_eq!(g.hosting_per_hour, 2.69);
        assert_eq!(g.lifetime_months, None);
    }
}
