//! The wizard's words: each step's question, intro and reasons, the labels
//! and hints of answers, the outcomes' titles, summaries and next steps,
//! and the checklists. Written in the project's own words.
//!
//! Architecture invariant: text only, no logic beyond choosing a string;
//! the tree's shape and rules live in `tree.rs`, `walk.rs` and
//! `suggest.rs`, so rewording never changes a recommendation.

use crate::core::decision::tree::{Answer, Criterion, Outcome, Step};

impl Step {
    /// The question as shown to the user.
    pub fn question(self) -> &'static str {
        match self {
            Step::PromptEngineering => "Can prompt engineering solve it?",
            Step::Rag => "Can retrieval (RAG) solve it?",
            Step::TrainingData => "Do you have training data?",
            Step::Budget => "What is your budget?",
            Step::Customization => "What level of customization do you need?",
        }
    }

    /// A sentence that frames the question.
    pub fn intro(self) -> &'static str {
        match self {
            Step::PromptEngineering => {
                "Start with the cheapest lever: instructions, examples in the prompt and a clear output format. \
                 Tick what holds for your task."
            }
            Step::Rag => {
                "If the model lacks facts rather than skills, give it the facts at request time by retrieving them from your documents."
            }
            Step::TrainingData => {
                "Training teaches by example. You need at least 100 good input-output examples; 1,000 or more is better."
            }
            Step::Budget => {
                "Training costs money up front, and a tuned model usually costs more per request than its base model."
            }
            Step::Customization => {
                "How far must the model's behaviour move from the base model? Tick the needs that apply."
            }
        }
    }

    /// What choosing `answer` here means, as a reason in the result.
    pub fn reason(self, answer: Answer) -> &'static str {
        use Answer as A;
        match (self, answer) {
            (Step::PromptEngineering, A::Yes) => {
                "Prompt engineering can solve the task, so there is nothing to train."
            }
            (Step::PromptEngineering, _) => {
                "Prompting alone does not get the task done well enough."
            }
            (Step::Rag, A::Yes) => {
                "The gap is knowledge the model can be handed at request time, so retrieval closes it without training."
            }
            (Step::Rag, _) => {
                "Retrieval does not close the gap: the model needs to behave differently, not just know more."
            }
            (Step::TrainingData, A::Yes) => {
                "You have enough quality input-output examples to train on."
            }
            (Step::TrainingData, _) => {
                "There are not yet 100+ quality examples, and training on too few or poor examples teaches the wrong thing."
            }
            (Step::Budget, A::Limited) => {
                "The budget is limited, so the cheapest training method (LoRA) or no training at all fits best."
            }
            (Step::Budget, _) => {
                "The budget covers training runs and the higher price of serving a tuned model."
            }
            (Step::Customization, A::Low) => {
                "Only light customization is needed, which prompts and retrieval deliver without training."
            }
            (Step::Customization, A::Medium) => {
                "A medium level of customization is what LoRA or standard fine-tuning delivers."
            }
            (Step::Customization, _) => {
                "Deep customization needs all of the model's weights to move: full fine-tuning."
            }
        }
    }
}

impl Answer {
    /// Label of the answer on `step`'s form.
    pub fn label(self) -> &'static str {
        match self {
            Answer::Yes => "Yes",
            Answer::No => "No",
            Answer::Limited => "Limited",
            Answer::Sufficient => "Enough for training",
            Answer::Low => "Low",
            Answer::Medium => "Medium",
            Answer::High => "High",
        }
    }

    /// One line that explains the option under its label.
    pub fn hint(self, step: Step) -> &'static str {
        match (step, self) {
            (Step::PromptEngineering, Answer::Yes) => {
                "Good prompts already give acceptable results."
            }
            (Step::PromptEngineering, _) => {
                "Results stay inconsistent however the prompt is written."
            }
            (Step::Rag, Answer::Yes) => "The model fails for lack of facts that live in documents.",
            (Step::Rag, _) => "The model has the facts but the wrong behaviour, style or skill.",
            (Step::TrainingData, Answer::Yes) => {
                "100+ quality input-output examples (1,000+ preferred)."
            }
            (Step::TrainingData, _) => "Fewer examples, or examples not yet fit to train on.",
            (Step::Budget, Answer::Limited) => "Little room for training runs or dearer inference.",
            (Step::Budget, _) => "Hundreds to thousands of dollars for training are fine.",
            (Step::Customization, Answer::Low) => "Tone, format or phrasing.",
            (Step::Customization, Answer::Medium) => "A consistent style or a specific task skill.",
            (Step::Customization, _) => "Deep domain behaviour across everything the model does.",
        }
    }
}

impl Outcome {
    /// The recommendation as a short title.
    pub fn title(self) -> &'static str {
        match self {
            Outcome::PromptEngineering => "Prompt engineering",
            Outcome::Rag => "RAG (retrieval-augmented generation)",
            Outcome::CollectDataFirst => "Collect data first, or use prompt engineering / RAG",
            Outcome::LoraOrPromptRag => "LoRA, or prompt engineering / RAG",
            Outcome::PromptRag => "Prompt engineering / RAG",
            Outcome::LoraOrFineTuning => "LoRA or fine-tuning",
            Outcome::FullFineTuning => "Full fine-tuning",
        }
    }

    /// Why this outcome suits the situation the path describes.
    pub fn summary(self) -> &'static str {
        match self {
            Outcome::PromptEngineering => {
                "The task is within what the base model can already do. Invest in the prompt: it is the cheapest, \
                 fastest-to-change option and keeps you free to switch models."
            }
            Outcome::Rag => {
                "The model lacks knowledge, not skill. Retrieve the relevant passages from your documents at request time \
                 and put them in the prompt: answers stay current when the documents change, and nothing is trained."
            }
            Outcome::CollectDataFirst => {
                "Training needs examples the model can learn from, and you do not have enough yet. Keep shipping with \
                 prompt engineering or RAG, and log real inputs and corrected outputs so they become a dataset."
            }
            Outcome::LoraOrPromptRag => {
                "Training is justified but money is tight. LoRA trains a small set of added weights on one GPU or a cheap \
                 API job; if even that is too much, push prompt engineering and RAG further."
            }
            Outcome::PromptRag => {
                "Only light customization is needed. Tone, format and phrasing are reachable with instructions, examples \
                 and retrieved context, at a fraction of the cost of training."
            }
            Outcome::LoraOrFineTuning => {
                "A medium degree of customization, with data and budget to match. Start with LoRA (cheaper, faster, \
                 easy to swap); move to standard fine-tuning if LoRA plateaus below your quality bar."
            }
            Outcome::FullFineTuning => {
                "Deep customization with the data and budget to support it. Update all of the model's weights, \
                 typically on an open-weights model you host yourself."
            }
        }
    }

    /// Concrete next moves for this outcome.
    pub fn next_steps(self) -> &'static [&'static str] {
        match self {
            Outcome::PromptEngineering => &[
                "Write a system prompt with the task, constraints and output format; add 3-5 worked examples.",
                "Build a small evaluation set (20-50 real inputs with expected outputs) and score every prompt change against it.",
                "Revisit this wizard if quality plateaus or prompts grow long enough to dominate cost.",
            ],
            Outcome::Rag => &[
                "Gather the documents the answers depend on and split them into passages.",
                "Embed and index the passages; retrieve the top few for each request and cite them in the answer.",
                "Measure retrieval (is the right passage found?) separately from generation (is the answer right?).",
            ],
            Outcome::CollectDataFirst => &[
                "Ship with prompt engineering or RAG now and log inputs with reviewed, corrected outputs.",
                "Aim for 100+ representative input-output pairs, 1,000+ for best results, in the provider's format.",
                "Check the file with tunewise's dataset validator before paying for a training run.",
            ],
            Outcome::LoraOrPromptRag => &[
                "Try a LoRA run on a small open model or a low-cost API fine-tuning job with your best 100-500 examples.",
                "Compare it against your strongest prompt/RAG setup on the same evaluation set.",
                "Price both with the break-even rule: training cost / saving per request = requests to pay it back.",
            ],
            Outcome::PromptRag => &[
                "Put the desired tone and format in the system prompt with a few examples.",
                "Add retrieval if answers need your own facts.",
                "Keep your examples: they seed a dataset if needs grow later.",
            ],
            Outcome::LoraOrFineTuning => &[
                "Hold out 10-20% of your examples as a test set before training anything.",
                "Run LoRA first; compare against the base model and your best prompt on the test set.",
                "Move to standard fine-tuning only if LoRA falls short, and check the break-even volume first.",
            ],
            Outcome::FullFineTuning => &[
                "Budget for GPUs (or a provider that trains full weights) and for several runs, not one.",
                "Prepare 1,000+ high-quality examples and a held-out test set; watch for forgetting of general skills.",
                "Plan hosting: a fully tuned model needs its own deployment, billed whether or not it is busy.",
            ],
        }
    }
}

pub(crate) const PE_CRITERIA: [Criterion; 4] = [
    Criterion {
        key: "simple-task",
        label: "The task is simple",
        hint: "Classify, rewrite, summarise or extract: things a strong model does from a clear instruction.",
    },
    Criterion {
        key: "general-knowledge",
        label: "General knowledge is enough",
        hint: "Nothing private, specialised or recent is needed to answer well.",
    },
    Criterion {
        key: "fast-iteration",
        label: "Fast iteration is needed",
        hint: "You want to change behaviour in minutes, not after a training run.",
    },
    Criterion {
        key: "limited-budget",
        label: "The budget is limited",
        hint: "Prompting costs nothing up front.",
    },
];

pub(crate) const RAG_CRITERIA: [Criterion; 4] = [
    Criterion {
        key: "domain-knowledge",
        label: "Needs domain-specific knowledge",
        hint: "Answers depend on your products, policies, code or research.",
    },
    Criterion {
        key: "knowledge-cutoff",
        label: "The knowledge cutoff is a problem",
        hint: "The model was trained before the facts you need existed.",
    },
    Criterion {
        key: "document-corpus",
        label: "A document corpus exists",
        hint: "The knowledge is written down somewhere you can index.",
    },
    Criterion {
        key: "fresh-information",
        label: "Needs up-to-date information",
        hint: "Facts change weekly or daily; retraining could not keep up.",
    },
];

pub(crate) const DATA_CRITERIA: [Criterion; 4] = [
    Criterion {
        key: "100-examples",
        label: "At least 100 examples",
        hint: "100 is the floor; 1,000+ gives markedly better results.",
    },
    Criterion {
        key: "input-output-pairs",
        label: "Input-output pairs",
        hint: "Each example shows an input and the exact output you want.",
    },
    Criterion {
        key: "representative",
        label: "Representative of real use",
        hint: "They cover the inputs the model will meet in production, hard cases included.",
    },
    Criterion {
        key: "formatted",
        label: "Properly formatted",
        hint: "Clean, consistent, in the provider's training format (e.g. chat JSONL).",
    },
];

pub(crate) const BUDGET_CRITERIA: [Criterion; 3] = [
    Criterion {
        key: "training-cost-ok",
        label: "Training costs in the $100s-$1,000s are acceptable",
        hint: "Each training run, and you will likely run several.",
    },
    Criterion {
        key: "per-request-cost-ok",
        label: "A per-request cost 2-10x the base model is acceptable",
        hint: "Tuned models are often priced above their base model.",
    },
    Criterion {
        key: "infrastructure",
        label: "Compute and infrastructure are available",
        hint: "GPUs or a provider account, plus the people to run and host it.",
    },
];

pub(crate) const LEVEL_CRITERIA: [Criterion; 6] = [
    Criterion {
        key: "low-tone-format",
        label: "Low: adjust tone or output format",
        hint: "The base model does the task; it should sound or look different.",
    },
    Criterion {
        key: "low-house-rules",
        label: "Low: follow house rules and phrasing",
        hint: "Rules that fit in a system prompt.",
    },
    Criterion {
        key: "medium-domain-style",
        label: "Medium: a consistent domain style",
        hint: "The same voice, structure and terminology across thousands of outputs.",
    },
    Criterion {
        key: "medium-task-skill",
        label: "Medium: a specific task skill",
        hint: "One task the base model does poorly, e.g. a niche extraction or classification scheme.",
    },
    Criterion {
        key: "high-domain-behaviour",
        label: "High: deep domain behaviour",
        hint: "Reasoning and vocabulary of a specialised field, throughout the model.",
    },
    Criterion {
        key: "high-max-quality",
        label: "High: maximum quality is critical",
        hint: "Every point of accuracy matters and the budget follows.",
    },
];
