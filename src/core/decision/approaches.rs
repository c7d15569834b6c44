//! Explainers for the ways of adapting a model, in tunewise's own words.
//!
//! Each [`Approach`] says what it is, when to use it, its advantages and
//! disadvantages, and a typical cost range. Cost ranges are tunewise's own
//! order-of-magnitude estimates and carry how they were arrived at and the
//! date they were written: training approaches share [`COSTS_BASIS`]
//! (GPU-hours × rental rates, or tokens × per-token training prices); the
//! ones paid per request (prompt engineering, RAG) or by another model's
//! tokens (distillation) state their own. They orient, they do not quote.
//!
//! A link opens the Approaches page on one card with `#/approaches?focus=<id>`
//! ([`focus_query`], read back by [`focused`]).
//!
//! Architecture invariant: static content, no UI imports.

use crate::core::decision::tree::Outcome;

/// When the shared cost ranges below were last reviewed.
pub const COSTS_AS_OF: &str = "2026-11";

/// How the shared cost ranges (the training approaches') were arrived at.
pub const COSTS_BASIS: &str = "tunewise estimate: GPU-hours × typical cloud GPU rental rates, or training tokens × \
     typical per-token training prices, for models of 7B-70B parameters. Orders of magnitude, not quotes.";

/// One way of adapting a model, explained.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Approach {
    /// Stable id, used as the HTML anchor and by links (`focus=<id>`).
    pub id: &'static str,
    pub what: &'static str,
    pub when: &'static str,
    pub advantages: &'static [&'static str],
    pub disadvantages: &'static [&'static str],
    /// Typical cost range, see [`Approach::cost_basis`].
    pub cost: &'static str,
    /// How `cost` was estimated, when [`COSTS_BASIS`] does not fit.
    pub own_basis: Option<&'static str>,
    /// When `cost` was written (`YYYY-MM`), when not [`COSTS_AS_OF`].
    pub own_as_of: Option<&'static str>,
}

impl Approach {
    /// How the cost range was estimated: its own basis, else [`COSTS_BASIS`].
    pub fn cost_basis(&self) -> &'static str {
        self.own_basis.unwrap_or(COSTS_BASIS)
    }

    /// When the cost range was written: its own date, else [`COSTS_AS_OF`].
    pub fn cost_as_of(&self) -> &'static str {
        self.own_as_of.unwrap_or(COSTS_AS_OF)
    }
}

/// The approaches, cheapest and lightest first: what the model is given
/// (prompt, retrieval), then what it is trained into.
pub const ALL: [Approach; 10] = [
    Approach {
        id: "prompt-engineering",
        what: "Change what the model is given, not the model: a system prompt stating the task, the rules and the \
               output format, a few worked examples (few-shot), and structure such as a schema the answer must \
               follow. Every request carries these instructions as tokens.",
        when: "Always first. The base model can already do the task once it is told clearly, you have few or no \
               examples, the requirements still change often, or you want to stay free to switch models.",
        advantages: &[
            "No training and no data pipeline: a change ships in minutes and is easy to roll back.",
            "Works with any model, so a newer or cheaper one can be adopted without redoing work.",
            "A small evaluation set of 20-50 real inputs is enough to measure each change.",
        ],
        disadvantages: &[
            "Every request pays for the instructions and examples: long prompts add cost and latency at volume.",
            "Cannot add knowledge the model lacks, and behaviour can shift when the provider updates the model.",
            "Rules buried in a long prompt are followed less reliably than trained behaviour.",
        ],
        cost: "Nothing up front beyond the time to write and test prompts (hours to days). Per request about \
               $0.0003-$0.007 for a 1,000-2,000-token prompt and a 300-token answer, i.e. $0.30-$7 per 1,000 \
               requests; a repeated prompt prefix is often billed at 25-50% of the input price when cached.",
        own_basis: Some(
            "tunewise estimate: (prompt + answer tokens) × a hosted base model's per-token prices, \
             $0.15/$0.60 (gpt-4o-mini) to $2/$8 (gpt-4.1) per 1M input/output tokens, from tunewise's price \
             list read 2026-11-25. Per request, not training. Orders of magnitude, not quotes.",
        ),
        own_as_of: Some("2026-11"),
    },
    Approach {
        id: "rag",
        what: "Keep your documents outside the model. Split them into passages, turn each into an embedding (a vector \
               that captures its meaning) and store it in an index; for each request, find the few passages closest \
               to the question, often together with keyword search, and put them in the prompt with an instruction \
               to answer from them and cite them.",
        when: "The answers depend on facts the model does not have or that change: product documentation, policies, \
               tickets, a knowledge base. The model has the skill but lacks the information, or answers must be \
               traceable to a source.",
        advantages: &[
            "Knowledge stays current: re-index a changed document, nothing is retrained.",
            "Answers can cite their passages, which makes them checkable and limits invented facts.",
            "Access rules can be applied when retrieving, so each user sees only documents they may read.",
        ],
        disadvantages: &[
            "Retrieval caps quality: when the right passage is not found, the answer is wrong or missing.",
            "More parts to build and keep in sync: splitting, embeddings, the index, often a re-ranker.",
            "Retrieved passages lengthen every prompt, and it does not teach a format or a style.",
        ],
        cost: "Per request: the prompt plus 1,000-4,000 retrieved tokens, about $0.0005-$0.015 on small to mid-size \
               hosted models (embedding the question costs almost nothing). Once: embedding the documents, about \
               $0.20-$1.30 per 10M tokens (roughly 15,000 pages). Monthly: $0 on a free tier or in a database you \
               already run (pgvector), $50-$500+ for a managed vector store with millions of passages. Building and \
               evaluating the pipeline (weeks of work) often costs more than all of these.",
        own_basis: Some(
            "tunewise estimate: per-request tokens × a hosted base model's prices ($0.15/$0.60 for gpt-4o-mini to \
             $2/$8 for gpt-4.1 per 1M input/output tokens), document tokens × embedding prices ($0.02-$0.13 per 1M), both from tunewise's \
             price list read 2026-11-25, and typical vector-store plans. Per request and per month, not training. \
             Orders of magnitude, not quotes.",
        ),
        own_as_of: Some("2026-11"),
    },
    Approach {
        id: "fine-tuning",
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
        own_basis: None,
        own_as_of: None,
    },
    Approach {
        id: "lora",
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
        own_basis: None,
        own_as_of: None,
    },
    Approach {
        id: "qlora",
        what: "LoRA on a base model whose frozen weights are stored in 4 bits instead of 16, while the small adapter \
               is still trained at higher precision. The weights take about a quarter of the memory, so bigger \
               models fit on one GPU: a 7-8B model on a 16-24 GB card, a 70B model on one 48-80 GB GPU.",
        when: "You train open-weights models on your own or rented GPUs and memory is the limit: the model you need \
               does not fit for LoRA on the GPU you can afford. Hosted LoRA services choose for you, so QLoRA \
               matters when you run the training yourself.",
        advantages: &[
            "Trains a model 2-4× larger on the same GPU, or the same model on a much cheaper one.",
            "Quality usually close to 16-bit LoRA for instruction and task tuning.",
            "The result is an ordinary LoRA adapter, stored and served like any other.",
        ],
        disadvantages: &[
            "Slower per step than 16-bit LoRA: the 4-bit weights are unpacked as they are used.",
            "Quantization can cost some quality; compare with a LoRA run when the task is sensitive.",
            "Serve the adapter on the 16-bit base model, or evaluate the quantized model you actually ship.",
        ],
        cost: "Under $10 to a few $10s for a 7-8B model (a few hours on one 24-48 GB GPU at about $0.40-$1.40 an \
               hour); $50 to a few $100s for 70B (tens of hours on one 80 GB GPU at about $2.70-$4 an hour). The \
               saving over LoRA is the cheaper GPU, not fewer hours.",
        own_basis: None,
        own_as_of: None,
    },
    Approach {
        id: "preference-tuning",
        what: "Train on pairs of answers to the same prompt, one preferred and one rejected, so that the model makes \
               answers like the preferred ones more likely and the rejected ones less likely. Direct preference \
               optimization (DPO) does this with one loss measured against a frozen copy of the starting model, \
               without the separate reward model and reinforcement-learning loop of RLHF.",
        when: "The model already does the task (after fine-tuning, or an instruction-tuned model) and it is easier to \
               say which of two answers is better than to write the ideal one: tone, helpfulness, length, safe \
               refusals, house style. Plan for hundreds to a few thousand comparisons, from reviewers or from users \
               choosing between two drafts.",
        advantages: &[
            "Learns from judgements, which are quicker and cheaper to collect than written ideal answers.",
            "Simpler and more stable than RLHF: one training run on a fixed file, and it works with LoRA.",
            "Removes specific habits (padding, hedging, a wrong tone) by showing them as the rejected answer.",
        ],
        disadvantages: &[
            "Refines behaviour the model has; it does not teach a new task or new knowledge.",
            "Noisy or inconsistent judgements are learned too, and training too long drifts the model (for \
             example towards longer answers) or wears down other skills.",
            "Fewer hosted services offer it than plain fine-tuning; OpenAI's closes with its self-serve \
             fine-tuning (to every customer on 2027-01-06).",
        ],
        cost: "Roughly 2-3× a supervised run on the same number of prompts, because each pair holds two answers and \
               the frozen reference model is run too: $10s to $100s with LoRA on a 7-8B model, $1,000s for full \
               tuning of large models. Collecting and reviewing the pairs often costs more than the compute.",
        own_basis: None,
        own_as_of: None,
    },
    Approach {
        id: "full-fine-tuning",
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
        own_basis: None,
        own_as_of: None,
    },
    Approach {
        id: "domain-adaptation",
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
        own_basis: None,
        own_as_of: None,
    },
    Approach {
        id: "task-specific-training",
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
        own_basis: None,
        own_as_of: None,
    },
    Approach {
        id: "distillation",
        what: "Use a large model (the teacher) to answer many real inputs of your task, then train a smaller model \
               (the student) on those answers, so that it does that one task nearly as well at a fraction of the \
               serving cost. With an open-weights teacher the student can also learn the teacher's probabilities for \
               each next token, which carry more signal per example than the text alone.",
        when: "A large model already does the task well with prompting, the volume is high enough that its price or \
               latency hurts, and you have or can log thousands of representative inputs. The teacher's terms must \
               allow training on its outputs.",
        advantages: &[
            "The teacher writes the labels, so a large dataset is quick to make without annotators.",
            "The student is cheaper and faster to serve, and can run on your own hardware.",
            "The teacher's long prompt is no longer needed: the student has learnt the behaviour.",
        ],
        disadvantages: &[
            "The student is at best as good as the teacher on the task, copies its mistakes, and is weaker on \
             inputs unlike those it was trained on.",
            "Some providers' terms forbid using outputs to build competing models: check before generating.",
            "Teacher answers need filtering and spot checks, and the work repeats when the task or the teacher changes.",
        ],
        cost: "$100s to a few $1,000s in all: the teacher's tokens for 10,000-100,000 examples (about $60-$600 for a \
               1,000-token input and a 500-token answer at $2/$8 per 1M tokens), plus a student run of $10s to \
               $100s. Afterwards each request costs the small model's price, often a tenth of the teacher's or less.",
        own_basis: Some(
            "tunewise estimate: examples × teacher tokens × a large hosted model's prices ($2/$8 per 1M input/output \
             tokens, gpt-4.1 in tunewise's price list read 2026-11-25), plus the student's training as GPU-hours × rental \
             rates or training tokens × training prices. Orders of magnitude, not quotes.",
        ),
        own_as_of: Some("2026-11"),
    },
];

/// The explainers most relevant to an outcome, by id.
pub fn related(outcome: Outcome) -> &'static [&'static str] {
    match outcome {
        Outcome::PromptEngineering => &["prompt-engineering", "fine-tuning", "lora"],
        Outcome::Rag => &["rag", "fine-tuning", "lora"],
        Outcome::PromptRag => &["prompt-engineering", "rag", "fine-tuning", "lora"],
        Outcome::CollectDataFirst => &[
            "prompt-engineering",
            "rag",
            "task-specific-training",
            "fine-tuning",
        ],
        Outcome::LoraOrPromptRag => &[
            "lora",
            "qlora",
            "prompt-engineering",
            "rag",
            "task-specific-training",
        ],
        Outcome::LoraOrFineTuning => &["lora", "qlora", "fine-tuning"],
        Outcome::FullFineTuning => &["full-fine-tuning", "domain-adaptation"],
    }
}

/// The display name of the approach with this id (also its card's title).
/// Kept apart from [`ALL`] so that a page linking to an explainer by name
/// does not carry every explainer's text.
pub fn name(id: &str) -> Option<&'static str> {
    Some(match id {
        "prompt-engineering" => "Prompt engineering",
        "rag" => "RAG (retrieval-augmented generation)",
        "fine-tuning" => "Fine-tuning",
        "lora" => "LoRA (low-rank adaptation)",
        "qlora" => "QLoRA (quantized LoRA)",
        "preference-tuning" => "Preference tuning (DPO)",
        "full-fine-tuning" => "Full fine-tuning",
        "domain-adaptation" => "Domain adaptation",
        "task-specific-training" => "Task-specific training",
        "distillation" => "Distillation",
        _ => return None,
    })
}

impl Approach {
    /// The approach's display name.
    pub fn name(&self) -> &'static str {
        name(self.id).unwrap_or(self.id)
    }
}

/// The approach with this id.
pub fn by_id(id: &str) -> Option<&'static Approach> {
    ALL.iter().find(|a| a.id == id)
}

/// The query that opens the Approaches page on the card `id`:
/// `focus=<id>`, as in `./#/approaches?focus=rag`.
pub fn focus_query(id: &str) -> String {
    format!("focus={id}")
}

/// The approach an Approaches query asks to show (`focus=<id>`, among
/// other `&`-separated pairs); `None` for anything else. Total.
pub fn focused(query: &str) -> Option<&'static Approach> {
    query
        .split('&')
        .find_map(|pair| pair.strip_prefix("focus="))
        .and_then(by_id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::dates;

    #[test]
    fn every_approach_is_complete_and_ids_are_unique() {
        let mut ids: Vec<&str> = ALL.iter().map(|a| a.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), ALL.len());
        for a in ALL {
            assert!(
                a.name() != a.id && !a.what.is_empty() && !a.when.is_empty() && !a.cost.is_empty(),
                "{}",
                a.id
            );
            assert!(
                a.advantages.len() >= 2 && a.disadvantages.len() >= 2,
                "{}",
                a.id
            );
            assert!(
                a.advantages
                    .iter()
                    .chain(a.disadvantages)
                    .all(|s| !s.trim().is_empty()),
                "{}",
                a.id
            );
            assert!(a.cost.contains('$'), "{}", a.id);
            // Ids are HTML anchors and link values: lower-case words and hyphens.
            assert!(
                a.id.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
                "{}",
                a.id
            );
        }
    }

    #[test]
    fn the_ids_others_rely_on_are_there() {
        for id in [
            "prompt-engineering",
            "rag",
            "fine-tuning",
            "lora",
            "qlora",
            "preference-tuning",
            "full-fine-tuning",
            "distillation",
            "domain-adaptation",
            "task-specific-training",
        ] {
            assert_eq!(by_id(id).map(|a| a.id), Some(id));
        }
        assert_eq!(ALL[0].id, "prompt-engineering");
        assert_eq!(ALL[1].id, "rag");
        let at = |id| ALL.iter().position(|a| a.id == id).unwrap();
        assert_eq!(at("qlora"), at("lora") + 1);
    }

    #[test]
    fn every_cost_has_an_estimate_basis_and_a_date_not_after_2026_12_01() {
        let latest = dates::day_number("2026-12-01").unwrap();
        for a in ALL {
            assert!(a.cost_basis().starts_with("tunewise estimate:"), "{}", a.id);
            assert!(a.cost_basis().contains("not quotes"), "{}", a.id);
            let month = a.cost_as_of();
            assert_eq!(month.len(), 7, "{}: YYYY-MM", a.id);
            let first_day = dates::day_number(&format!("{month}-01")).expect(a.id);
            assert!(first_day <= latest, "{}: {month}", a.id);
        }
        // Per-request approaches are not priced as training runs.
        for id in ["prompt-engineering", "rag", "distillation"] {
            let a = by_id(id).unwrap();
            assert!(
                a.own_basis.is_some() && a.cost_basis() != COSTS_BASIS,
                "{id}"
            );
        }
        assert!(by_id("rag").unwrap().cost_basis().contains("embedding"));
        assert_eq!(by_id("lora").unwrap().cost_basis(), COSTS_BASIS);
    }

    #[test]
    fn every_outcome_links_to_existing_explainers() {
        for o in Outcome::ALL {
            assert!(!related(o).is_empty());
            for id in related(o) {
                assert!(by_id(id).is_some(), "{id}");
            }
        }
        assert_eq!(related(Outcome::PromptEngineering)[0], "prompt-engineering");
        assert_eq!(related(Outcome::Rag)[0], "rag");
        for o in [
            Outcome::PromptRag,
            Outcome::CollectDataFirst,
            Outcome::LoraOrPromptRag,
        ] {
            assert!(
                related(o).contains(&"prompt-engineering") && related(o).contains(&"rag"),
                "{o:?}"
            );
        }
    }

    #[test]
    fn a_focus_query_names_one_card() {
        for a in ALL {
            assert_eq!(focused(&focus_query(a.id)).map(|f| f.id), Some(a.id));
        }
        assert_eq!(focused("x=1&focus=qlora").map(|a| a.id), Some("qlora"));
        for junk in [
            "",
            "focus=",
            "focus=nope",
            "focus",
            "rag",
            "focus=RAG",
            "&&=&",
            "focus=rag%20",
        ] {
            assert_eq!(focused(junk), None, "{junk}");
        }
    }
}
