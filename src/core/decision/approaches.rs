//! Explainers for the ways of adapting a model, in tunewise's own words.
//!
//! Each [`Approach`] says what it is, when to use it, its advantages and
//! disadvantages, and a typical cost range. Cost ranges are tunewise's own
//! order-of-magnitude estimates (GPU-hours × rental rates, or tokens ×
//! per-token training prices) and carry the date they were written:
//! they orient, they do not quote.
//!
//! Architecture invariant: static content, no UI imports.

use crate::core::decision::tree::Outcome;

/// When the cost ranges below were last reviewed.
pub const COSTS_AS_OF: &str = "2026-11";

/// How the cost ranges were arrived at.
pub const COSTS_BASIS: &str = "tunewise estimate: GPU-hours × typical cloud GPU rental rates, or training tokens × \
     typical per-token training prices, for models of 7B-70B parameters. Orders of magnitude, not quotes.";

/// One way of adapting a model, explained.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Approach {
    /// Stable id, used as the HTML anchor.
    pub id: &'static str,
    pub name: &'static str,
    pub what: &'static str,
    pub when: &'static str,
    pub advantages: &'static [&'static str],
    pub disadvantages: &'static [&'static str],
    /// Typical cost range, see [`COSTS_BASIS`].
    pub cost: &'static str,
}

/// The approaches, cheapest and lightest first.
pub const ALL: [Approach; 5] = [
    Approach {
        id: "fine-tuning",
        name: "Fine-tuning",
        what: "Continue training a pretrained model on your own input-output examples so that the behaviour you show \
               becomes its default. Through a provider's API you upload a file and get a private model back; \
               what is trained underneath (all weights or an adapter) is the provider's choice.",
        when: "Prompts and retrieval are not enough, you have 100+ (better 1,000+) quality examples, and the same \
               behaviour is needed on many requests: a format, a style, a narrow task done reliably.",
        advantages: &[
            "Consistent output without long instructions; shorter prompts cut per-request tokens.",
            "A smaller tuned model can match a larger general one on a narrow task.",
            "Managed APIs make it a file upload, with no GPUs to run.",
        ],
        disadvantages: &[
            "Needs curated data, evaluation and repeated runs.",
            "Tuned models are often billed above their base model, and die with it when the base is retired.",
            "Bakes knowledge in at training time: it goes stale, unlike retrieval.",
        ],
        cost: "$10s to $1,000s per training run, by model size, tokens and epochs; inference often 1.5-10× the base price.",
    },
    Approach {
        id: "lora",
        name: "LoRA (low-rank adaptation)",
        what: "Freeze the model and train small low-rank matrices added to some of its layers, typically well under 1% \
               of the parameter count. The result is an adapter of a few megabytes that is loaded on top of the base model.",
        when: "You want fine-tuning's gains on a limited budget, need many variants of one base model (one adapter per \
               customer or task), or must train on a single GPU.",
        advantages: &[
            "An order of magnitude less GPU memory and time than full fine-tuning.",
            "Adapters are small: cheap to store, version and swap at serving time.",
            "The base model is untouched, which limits forgetting of general skills.",
        ],
        disadvantages: &[
            "Can plateau below full fine-tuning on large shifts in behaviour or domain.",
            "Rank, target layers and learning rate need tuning.",
            "Serving many adapters needs a server that supports them.",
        ],
        cost: "$10s to a few $100s per run: a few GPU-hours on one GPU for a 7-8B model, more for 70B.",
    },
    Approach {
        id: "full-fine-tuning",
        name: "Full fine-tuning",
        what: "Update every weight of the model on your data. It moves the model furthest, and costs the most to \
               train and to host, because the result is a whole new model.",
        when: "Deep customization (a specialised field's reasoning and vocabulary, a new language) where LoRA falls \
               short, with 1,000s of quality examples and a budget for GPUs and your own deployment.",
        advantages: &[
            "The largest possible change in behaviour and the highest ceiling on quality.",
            "No adapter overhead at inference.",
            "Full control of an open-weights model you own.",
        ],
        disadvantages: &[
            "Multi-GPU training: memory for weights, gradients and optimizer state.",
            "Risk of catastrophic forgetting of general abilities.",
            "You host and pay for a dedicated model, busy or idle.",
        ],
        cost: "$100s for small models to $10,000s for 70B-class models per run, plus dedicated hosting.",
    },
    Approach {
        id: "domain-adaptation",
        name: "Domain adaptation",
        what: "Continue pre-training on large amounts of unlabelled text from a field (contracts, clinical notes, \
               source code) so the model absorbs its vocabulary and style, usually followed by task-specific tuning.",
        when: "The domain's language is far from what the base model saw, retrieval cannot bridge it, and you have \
               millions of tokens of in-domain text.",
        advantages: &[
            "Uses raw text, with no labelling.",
            "Improves every downstream task in the domain at once.",
            "Can be done with LoRA to reduce cost.",
        ],
        disadvantages: &[
            "Needs a large corpus and substantial compute.",
            "Does not teach a task by itself: instruction tuning is still needed.",
            "Gains are hard to measure without domain evaluations.",
        ],
        cost: "$1,000s to $10,000s+: cost grows with corpus tokens × epochs × model size.",
    },
    Approach {
        id: "task-specific-training",
        name: "Task-specific training",
        what: "Train a model for one well-defined task (classification, extraction, routing, a fixed output schema), \
               often a small model, with labelled examples and a metric you can compute.",
        when: "A narrow, high-volume task with a clear right answer, where a small specialised model can replace \
               calls to a large general one.",
        advantages: &[
            "Small models are fast and cheap to serve at high volume.",
            "Clear metrics make progress measurable.",
            "Can run on your own hardware or at the edge.",
        ],
        disadvantages: &[
            "Does one thing: each new task needs new data and training.",
            "Labelled data must be collected and kept current.",
            "Brittle outside the distribution it was trained on.",
        ],
        cost: "$10s to $100s per run for small models; the main cost is labelling data.",
    },
];

/// The explainers most relevant to an outcome, by id.
pub fn related(outcome: Outcome) -> &'static [&'static str] {
    match outcome {
        Outcome::PromptEngineering | Outcome::Rag | Outcome::PromptRag => &["fine-tuning", "lora"],
        Outcome::CollectDataFirst => &["task-specific-training", "fine-tuning"],
        Outcome::LoraOrPromptRag => &["lora", "task-specific-training"],
        Outcome::LoraOrFineTuning => &["lora", "fine-tuning"],
        Outcome::FullFineTuning => &["full-fine-tuning", "domain-adaptation"],
    }
}

/// The approach with this id.
pub fn by_id(id: &str) -> Option<&'static Approach> {
    ALL.iter().find(|a| a.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_approach_is_complete_and_ids_are_unique() {
        let mut ids: Vec<&str> = ALL.iter().map(|a| a.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), ALL.len());
        for a in ALL {
            assert!(!a.what.is_empty() && !a.when.is_empty() && !a.cost.is_empty());
            assert!(a.advantages.len() >= 2 && a.disadvantages.len() >= 2);
            assert!(a.cost.contains('$'));
        }
    }

    #[test]
    fn every_outcome_links_to_existing_explainers() {
        for o in Outcome::ALL {
            for id in related(o) {
                assert!(by_id(id).is_some(), "{id}");
            }
        }
    }
}
