//! The hyperparameters a fine-tuning run asks for: what each one does, the
//! usual range, and the signs that it is set wrong, in this project's own
//! words. The epoch rule is the Dataset page's
//! ([`crate::core::dataset::training_estimate::default_epochs`]), quoted
//! here so the two never disagree.
//!
//! Architecture invariant: text only, no UI imports; no figure here is a
//! provider's price or limit (those live in `data/`, with dates).

use crate::core::costs::approach_cost::ApproachKind;

/// One hyperparameter explained.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Hyperparameter {
    /// Stable id (`epochs`, `learning_rate`, …).
    pub id: &'static str,
    /// Its name as providers and libraries call it.
    pub name: &'static str,
    /// What it does.
    pub what: &'static str,
    /// The usual range, and where to start.
    pub range: &'static str,
    /// How a run shows it is set too high or too low.
    pub signs: &'static str,
    /// Whether it applies only to LoRA-style training.
    pub lora_only: bool,
}

/// The guide, in the order a run's settings are usually chosen.
pub const GUIDE: [Hyperparameter; 5] = [
    Hyperparameter {
        id: "epochs",
        name: "Epochs",
        what: "How many times training goes through the whole dataset. More passes fit the examples more closely; too many make the model repeat them instead of generalising.",
        range: "3 to 5 is the usual range for a few hundred to a few thousand examples. The Dataset page's rule: 3 epochs, but at least 100 and at most 25,000 example passes in all, within 1 to 25 epochs.",
        signs: "Too many: validation loss turns up while training loss keeps falling (overfitting). Too few: both losses are still falling steeply at the end.",
        lora_only: false,
    },
    Hyperparameter {
        id: "learning_rate",
        name: "Learning rate (or its multiplier)",
        what: "How big each update to the weights is. Hosted services ask for a multiplier on their own default rate; libraries ask for the rate itself.",
        range: "Hosted: a multiplier of 0.5 to 2, starting at the default (1). Self-hosted: about 1e-5 to 5e-5 for full fine-tuning, 1e-4 to 3e-4 for LoRA, with a short warm-up.",
        signs: "Too high: the loss jumps about, spikes or stops being a number. Too low: the loss falls very slowly and the model barely changes from its base.",
        lora_only: false,
    },
    Hyperparameter {
        id: "batch_size",
        name: "Batch size",
        what: "How many examples each update averages over. Larger batches give steadier, fewer updates per epoch; smaller ones more, noisier updates.",
        range: "Hosted services pick one from the dataset's size (often about 0.2 % of the examples, 1 to 256). Self-hosted: 8 to 64 examples, reached with gradient accumulation when memory is short.",
        signs: "Too large for the data: few updates per epoch and little learning. Too small: a noisy loss curve; lower the learning rate with it.",
        lora_only: false,
    },
    Hyperparameter {
        id: "lora_rank",
        name: "LoRA rank (r)",
        what: "The size of the small matrices LoRA trains beside the frozen weights: how much the adapter can learn.",
        range: "8 to 16 for most tasks; 32 to 64 for harder domain shifts. Memory and adapter size grow with it.",
        signs: "Too low: quality stops improving while a full fine-tune does better. Too high: more memory and overfitting on small datasets, with little gain.",
        lora_only: true,
    },
    Hyperparameter {
        id: "lora_alpha",
        name: "LoRA alpha",
        what: "A scale on the adapter's contribution: the update is multiplied by alpha ÷ rank.",
        range: "Usually 1 to 2 × the rank (16 or 32 for rank 16). Change it together with the learning rate, not alone.",
        signs: "Too high behaves like a higher learning rate (unstable loss); too low like a lower one (slow learning).",
        lora_only: true,
    },
];

/// The guide's entries that apply to `kind`: LoRA rank and alpha only for
/// LoRA-style approaches, nothing for approaches that do not train.
pub fn for_kind(kind: ApproachKind) -> Vec<&'static Hyperparameter> {
    let lora = matches!(
        kind,
        ApproachKind::ApiSmallModel | ApproachKind::SelfHostedLora
    );
    GUIDE
        .iter()
        .filter(|h| kind.trains() && (lora || !h.lora_only))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::dataset::training_estimate::default_epochs;

    #[test]
    fn lora_settings_only_for_lora() {
        assert_eq!(for_kind(ApproachKind::SelfHostedLora).len(), 5);
        assert_eq!(for_kind(ApproachKind::ApiFineTuning).len(), 3);
        assert!(for_kind(ApproachKind::Rag).is_empty());
    }

    #[test]
    fn the_epoch_rule_quoted_is_the_one_applied() {
        let text = GUIDE[0].range;
        assert!(text.contains("at least 100 and at most 25,000"));
        // 33 examples × 3 = 99 < 100 passes → 4 epochs; 10,000 × 3 > 25,000 → 2.
        assert_eq!(default_epochs(33).0, 4);
        assert_eq!(default_epochs(10_000).0, 2);
        assert_eq!(default_epochs(1).0, 25);
    }

    #[test]
    fn ids_are_unique() {
        let mut ids: Vec<_> = GUIDE.iter().map(|h| h.id).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), GUIDE.len());
    }
}
