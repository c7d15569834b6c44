//! What training on a dataset will cost: epochs (the notebook's default
//! rule, editable), billed tokens by the provider's rule, and the price
//! from the cost model's presets; plus the link that carries these numbers
//! into the cost calculator.
//!
//! Architecture invariant: pure, no UI imports.

use crate::core::costs::approach_cost::{ApproachKind, Training};
use crate::core::costs::prices::{self, Preset};
use crate::core::costs::scenario::{self, Scenario};
use crate::core::dataset::providers::{self, BillingRule};
use crate::core::dataset::settings::DatasetSettings;
use crate::core::number_format;
use crate::core::route::{self, Page, Section};

/// The notebook's epoch rule: aim for 3 epochs, but at least 100 and at
/// most 25,000 example passes, within 1..=25 epochs.
pub const TARGET_EPOCHS: u32 = 3;
const MIN_TARGET_EXAMPLES: u64 = 100;
const MAX_TARGET_EXAMPLES: u64 = 25_000;
const MIN_DEFAULT_EPOCHS: u32 = 1;
const MAX_DEFAULT_EPOCHS: u32 = 25;

/// The default number of epochs for `examples` examples, with why.
pub fn default_epochs(examples: usize) -> (u32, String) {
    let n = examples as u64;
    if n == 0 {
        return (
            TARGET_EPOCHS,
            "No valid examples yet: 3 epochs is the usual starting point.".into(),
        );
    }
    if n * u64::from(TARGET_EPOCHS) < MIN_TARGET_EXAMPLES {
        let e = (MIN_TARGET_EXAMPLES.div_ceil(n) as u32).min(MAX_DEFAULT_EPOCHS);
        (
            e,
            format!(
                "With {}, 3 epochs would show the model fewer than {MIN_TARGET_EXAMPLES} examples in all, so {e} epochs (capped at {MAX_DEFAULT_EPOCHS}).",
                number_format::counted(examples, "example", "examples")
            ),
        )
    } else if n * u64::from(TARGET_EPOCHS) > MAX_TARGET_EXAMPLES {
        let e = ((MAX_TARGET_EXAMPLES / n) as u32).max(MIN_DEFAULT_EPOCHS);
        (
            e,
            format!(
                "With {}, 3 epochs would be over {} example passes, so {e} epoch{}.",
                number_format::counted(examples, "example", "examples"),
                number_format::count(MAX_TARGET_EXAMPLES as f64),
                if e == 1 { "" } else { "s" }
            ),
        )
    } else {
        (
            TARGET_EPOCHS,
            format!(
                "{} × 3 epochs is between {MIN_TARGET_EXAMPLES} and {} example passes: the default 3 epochs.",
                number_format::counted(examples, "example", "examples"),
                number_format::count(MAX_TARGET_EXAMPLES as f64)
            ),
        )
    }
}

/// How a provider counts billed training tokens.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Billing {
    /// Tokens in the training file × epochs (OpenAI, Fireworks, Mistral).
    TokensTimesEpochs,
    /// Together AI: epochs × training tokens + evaluations × validation
    /// tokens; without packing, every row counts as `max_seq_len` tokens.
    Together {
        evaluations: u32,
        packing: bool,
        max_seq_len: u64,
    },
}

/// The billing the Dataset page's choices call for: the selected
/// provider's [`BillingRule`] (from `data/providers.json`), with Together's
/// evaluations, packing and sequence length from the settings. An unknown
/// provider bills tokens × epochs.
pub fn billing_for(settings: &DatasetSettings) -> Billing {
    match providers::by_id(&settings.provider).map(|p| p.billing_rule) {
        Some(BillingRule::Together) => Billing::Together {
            evaluations: settings.evaluations,
            packing: settings.packing,
            max_seq_len: settings.max_seq_len,
        },
        Some(BillingRule::TokensTimesEpochs) | None => Billing::TokensTimesEpochs,
    }
}

/// The billing inputs from a dataset report.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct DatasetTokens {
    /// Tokens of the training file (each example capped at the limit).
    pub training: u64,
    pub training_examples: u64,
    /// Tokens and rows of the validation file, if any.
    pub validation: u64,
    pub validation_examples: u64,
}

/// Billed tokens for `epochs` epochs.
pub fn billed_tokens(d: DatasetTokens, epochs: u32, billing: Billing) -> u64 {
    let e = u64::from(epochs);
    match billing {
        Billing::TokensTimesEpochs => d.training.saturating_mul(e),
        Billing::Together {
            evaluations,
            packing,
            max_seq_len,
        } => {
            let (train, valid) = if packing {
                (d.training, d.validation)
            } else {
                (
                    d.training_examples.saturating_mul(max_seq_len),
                    d.validation_examples.saturating_mul(max_seq_len),
                )
            };
            train
                .saturating_mul(e)
                .saturating_add(valid.saturating_mul(u64::from(evaluations)))
        }
    }
}

/// Presets that price training per token.
pub fn token_priced_presets() -> impl Iterator<Item = &'static Preset> {
    prices::PRESETS
        .iter()
        .filter(|p| p.training_per_1m.is_some() && !p.own_price)
}

/// Cost in USD of `billed` tokens at `per_1m` per million.
pub fn cost(billed: u64, per_1m: f64) -> f64 {
    billed as f64 / 1e6 * per_1m
}

/// A link to the cost calculator with this training priced in: the
/// approach the preset belongs to gets the preset, the tokens and epochs.
pub fn costs_link(
    base: &Scenario,
    preset: &'static Preset,
    training_tokens: u64,
    epochs: u32,
) -> String {
    let mut s = base.clone();
    let kind = ApproachKind::ALL
        .into_iter()
        .find(|k| prices::for_kind(*k).any(|p| p.id == preset.id))
        .unwrap_or(ApproachKind::ApiFineTuning);
    if let Some(a) = s.approaches.iter_mut().find(|a| a.kind == kind) {
        prices::apply(a, preset);
        a.enabled = true;
        a.training = Training::Tokens {
            tokens: training_tokens as f64,
            epochs: f64::from(epochs),
            per_1m: preset.training_per_1m.unwrap_or(0.0),
        };
    }
    route::link(Section::Costs, &scenario::encode(&s), Page::Dataset)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_billing_rule_comes_from_the_provider_file() {
        let mut s = DatasetSettings {
            provider: "together".into(),
            evaluations: 2,
            ..DatasetSettings::default()
        };
        assert!(matches!(
            billing_for(&s),
            Billing::Together { evaluations: 2, .. }
        ));
        s.provider = "openai".into();
        assert_eq!(billing_for(&s), Billing::TokensTimesEpochs);
        s.provider = "no-such-provider".into();
        assert_eq!(billing_for(&s), Billing::TokensTimesEpochs);
    }

    #[test]
    fn the_notebook_epoch_rule() {
        assert_eq!(default_epochs(12).0, 9);
        assert_eq!(default_epochs(3).0, 25);
        assert_eq!(default_epochs(1000).0, 3);
        assert_eq!(default_epochs(10_000).0, 2);
        assert_eq!(default_epochs(100_000).0, 1);
        assert!(default_epochs(12).1.contains("fewer than 100"));
    }

    #[test]
    fn billing_rules() {
        let d = DatasetTokens {
            training: 1_000_000,
            training_examples: 1000,
            validation: 100_000,
            validation_examples: 100,
        };
        assert_eq!(billed_tokens(d, 3, Billing::TokensTimesEpochs), 3_000_000);
        assert_eq!(
            billed_tokens(
                d,
                3,
                Billing::Together {
                    evaluations: 2,
                    packing: true,
                    max_seq_len: 8192
                }
            ),
            3_200_000
        );
        assert_eq!(
            billed_tokens(
                d,
                1,
                Billing::Together {
                    evaluations: 0,
                    packing: false,
                    max_seq_len: 8192
                }
            ),
            8_192_000
        );
        assert!((cost(3_000_000, 25.0) - 75.0).abs() < 1e-9);
    }

    #[test]
    fn the_link_carries_tokens_epochs_and_price() {
        let today = "2026-11-25";
        let base = scenario::default_scenario(today);
        let preset = prices::by_id("openai-gpt-4o-mini-ft").unwrap();
        let link = costs_link(&base, preset, 1_234_567, 4);
        assert!(link.starts_with("costs.html#/costs?"), "{link}");
        let back = scenario::decode(link.split_once('?').unwrap().1, today);
        let a = back
            .approaches
            .iter()
            .find(|a| a.kind == ApproachKind::ApiFineTuning)
            .unwrap();
        assert_eq!(
            a.training,
            Training::Tokens {
                tokens: 1_234_567.0,
                epochs: 4.0,
                per_1m: preset.training_per_1m.unwrap()
            }
        );
        assert_eq!(a.preset, Some("openai-gpt-4o-mini-ft"));
    }
}
