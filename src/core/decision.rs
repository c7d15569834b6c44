//! The five-step decision tree: which way to adapt a model to a task.
//!
//! The tree asks, in order: can prompt engineering solve it? can RAG? is there
//! training data? is the budget limited? how much customization is needed?
//! Every answer either ends the walk in one of seven [`Outcome`]s or leads to
//! the next [`Step`]. Each step also carries a checklist of [`Criterion`]s;
//! the ticked ones *suggest* an answer (see [`suggest`]), but the user's
//! answer is what the walk follows.
//!
//! Architecture invariant: pure data and functions, no UI imports.

/// One question of the tree, in the order the tree asks them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Step {
    /// 1. Can prompt engineering solve it?
    PromptEngineering,
    /// 2. Can retrieval-augmented generation solve it?
    Rag,
    /// 3. Do you have 100+ quality input-output examples?
    TrainingData,
    /// 4. What is your budget?
    Budget,
    /// 5. What customization level do you need?
    Customization,
}

/// A possible answer to a step. Each step accepts only some of them
/// (see [`Step::options`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Answer {
    Yes,
    No,
    /// Budget: limited.
    Limited,
    /// Budget: enough for training runs and dearer inference.
    Sufficient,
    Low,
    Medium,
    High,
}

/// Where a walk through the tree can end.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Outcome {
    PromptEngineering,
    Rag,
    CollectDataFirst,
    LoraOrPromptRag,
    PromptRag,
    LoraOrFineTuning,
    FullFineTuning,
}

/// What follows an answer: another question, or the end of the walk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Next {
    Step(Step),
    Outcome(Outcome),
}

/// A statement the user can tick on a step's checklist.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Criterion {
    /// Short label for the checkbox.
    pub label: &'static str,
    /// One line saying why it matters.
    pub hint: &'static str,
}

impl Step {
    /// All steps, in the tree's order.
    pub const ALL: [Step; 5] = [
        Step::PromptEngineering,
        Step::Rag,
        Step::TrainingData,
        Step::Budget,
        Step::Customization,
    ];

    /// Position in the tree, 1 to 5.
    pub fn number(self) -> usize {
        Step::ALL.iter().position(|s| *s == self).unwrap_or(0) + 1
    }

    /// Stable short key used in links and storage.
    pub fn key(self) -> &'static str {
        match self {
            Step::PromptEngineering => "pe",
            Step::Rag => "rag",
            Step::TrainingData => "data",
            Step::Budget => "budget",
            Step::Customization => "level",
        }
    }

    /// The step with this key, if any.
    pub fn from_key(key: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|s| s.key() == key)
    }

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

    /// The answers this step accepts, in display order.
    pub fn options(self) -> &'static [Answer] {
        match self {
            Step::PromptEngineering | Step::Rag | Step::TrainingData => &[Answer::Yes, Answer::No],
            Step::Budget => &[Answer::Limited, Answer::Sufficient],
            Step::Customization => &[Answer::Low, Answer::Medium, Answer::High],
        }
    }

    /// Whether `answer` is one of this step's options.
    pub fn accepts(self, answer: Answer) -> bool {
        self.options().contains(&answer)
    }

    /// The checklist shown on this step.
    pub fn criteria(self) -> &'static [Criterion] {
        match self {
            Step::PromptEngineering => &PE_CRITERIA,
            Step::Rag => &RAG_CRITERIA,
            Step::TrainingData => &DATA_CRITERIA,
            Step::Budget => &BUDGET_CRITERIA,
            Step::Customization => &LEVEL_CRITERIA,
        }
    }

    /// Where `answer` leads from this step. An answer the step does not accept
    /// leads nowhere (`None`).
    pub fn next(self, answer: Answer) -> Option<Next> {
        use Answer as A;
        let next = match (self, answer) {
            (Step::PromptEngineering, A::Yes) => Next::Outcome(Outcome::PromptEngineering),
            (Step::PromptEngineering, A::No) => Next::Step(Step::Rag),
            (Step::Rag, A::Yes) => Next::Outcome(Outcome::Rag),
            (Step::Rag, A::No) => Next::Step(Step::TrainingData),
            (Step::TrainingData, A::No) => Next::Outcome(Outcome::CollectDataFirst),
            (Step::TrainingData, A::Yes) => Next::Step(Step::Budget),
            (Step::Budget, A::Limited) => Next::Outcome(Outcome::LoraOrPromptRag),
            (Step::Budget, A::Sufficient) => Next::Step(Step::Customization),
            (Step::Customization, A::Low) => Next::Outcome(Outcome::PromptRag),
            (Step::Customization, A::Medium) => Next::Outcome(Outcome::LoraOrFineTuning),
            (Step::Customization, A::High) => Next::Outcome(Outcome::FullFineTuning),
            _ => return None,
        };
        Some(next)
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
    /// Stable short key used in links and storage.
    pub fn key(self) -> &'static str {
        match self {
            Answer::Yes => "yes",
            Answer::No => "no",
            Answer::Limited => "limited",
            Answer::Sufficient => "sufficient",
            Answer::Low => "low",
            Answer::Medium => "medium",
            Answer::High => "high",
        }
    }

    /// The answer with this key, if any.
    pub fn from_key(key: &str) -> Option<Answer> {
        [
            Answer::Yes,
            Answer::No,
            Answer::Limited,
            Answer::Sufficient,
            Answer::Low,
            Answer::Medium,
            Answer::High,
        ]
        .into_iter()
        .find(|a| a.key() == key)
    }

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
    /// All outcomes, in the order the tree reaches them.
    pub const ALL: [Outcome; 7] = [
        Outcome::PromptEngineering,
        Outcome::Rag,
        Outcome::CollectDataFirst,
        Outcome::LoraOrPromptRag,
        Outcome::PromptRag,
        Outcome::LoraOrFineTuning,
        Outcome::FullFineTuning,
    ];

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

    /// Short key, stable for tests and links.
    pub fn key(self) -> &'static str {
        match self {
            Outcome::PromptEngineering => "prompt-engineering",
            Outcome::Rag => "rag",
            Outcome::CollectDataFirst => "collect-data",
            Outcome::LoraOrPromptRag => "lora-or-prompt-rag",
            Outcome::PromptRag => "prompt-rag",
            Outcome::LoraOrFineTuning => "lora-or-fine-tuning",
            Outcome::FullFineTuning => "full-fine-tuning",
        }
    }
}

const PE_CRITERIA: [Criterion; 4] = [
    Criterion {
        label: "The task is simple",
        hint: "Classify, rewrite, summarise or extract: things a strong model does from a clear instruction.",
    },
    Criterion {
        label: "General knowledge is enough",
        hint: "Nothing private, specialised or recent is needed to answer well.",
    },
    Criterion {
        label: "Fast iteration is needed",
        hint: "You want to change behaviour in minutes, not after a training run.",
    },
    Criterion {
        label: "The budget is limited",
        hint: "Prompting costs nothing up front.",
    },
];

const RAG_CRITERIA: [Criterion; 4] = [
    Criterion {
        label: "Needs domain-specific knowledge",
        hint: "Answers depend on your products, policies, code or research.",
    },
    Criterion {
        label: "The knowledge cutoff is a problem",
        hint: "The model was trained before the facts you need existed.",
    },
    Criterion {
        label: "A document corpus exists",
        hint: "The knowledge is written down somewhere you can index.",
    },
    Criterion {
        label: "Needs up-to-date information",
        hint: "Facts change weekly or daily; retraining could not keep up.",
    },
];

const DATA_CRITERIA: [Criterion; 4] = [
    Criterion {
        label: "At least 100 examples",
        hint: "100 is the floor; 1,000+ gives markedly better results.",
    },
    Criterion {
        label: "Input-output pairs",
        hint: "Each example shows an input and the exact output you want.",
    },
    Criterion {
        label: "Representative of real use",
        hint: "They cover the inputs the model will meet in production, hard cases included.",
    },
    Criterion {
        label: "Properly formatted",
        hint: "Clean, consistent, in the provider's training format (e.g. chat JSONL).",
    },
];

const BUDGET_CRITERIA: [Criterion; 3] = [
    Criterion {
        label: "Training costs in the $100s-$1,000s are acceptable",
        hint: "Each training run, and you will likely run several.",
    },
    Criterion {
        label: "A per-request cost 2-10x the base model is acceptable",
        hint: "Tuned models are often priced above their base model.",
    },
    Criterion {
        label: "Compute and infrastructure are available",
        hint: "GPUs or a provider account, plus the people to run and host it.",
    },
];

const LEVEL_CRITERIA: [Criterion; 6] = [
    Criterion {
        label: "Low: adjust tone or output format",
        hint: "The base model does the task; it should sound or look different.",
    },
    Criterion {
        label: "Low: follow house rules and phrasing",
        hint: "Rules that fit in a system prompt.",
    },
    Criterion {
        label: "Medium: a consistent domain style",
        hint: "The same voice, structure and terminology across thousands of outputs.",
    },
    Criterion {
        label: "Medium: a specific task skill",
        hint: "One task the base model does poorly, e.g. a niche extraction or classification scheme.",
    },
    Criterion {
        label: "High: deep domain behaviour",
        hint: "Reasoning and vocabulary of a specialised field, throughout the model.",
    },
    Criterion {
        label: "High: maximum quality is critical",
        hint: "Every point of accuracy matters and the budget follows.",
    },
];

/// The user's answers and ticked criteria, step by step.
///
/// Answers to steps that the current path does not reach are kept, so going
/// back and changing an early answer never loses later work.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Answers {
    answers: [Option<Answer>; 5],
    /// Bit `i` set = criterion `i` of that step is ticked.
    ticks: [u8; 5],
}

impl Answers {
    /// The answer given to `step`, if any.
    pub fn get(&self, step: Step) -> Option<Answer> {
        self.answers[step.number() - 1]
    }

    /// Records `answer` for `step`; an answer the step does not accept clears it.
    pub fn set(&mut self, step: Step, answer: Option<Answer>) {
        self.answers[step.number() - 1] = answer.filter(|a| step.accepts(*a));
    }

    /// Whether criterion `index` of `step` is ticked.
    pub fn is_ticked(&self, step: Step, index: usize) -> bool {
        index < 8 && self.ticks[step.number() - 1] & (1 << index) != 0
    }

    /// Ticks or unticks criterion `index` of `step`; indices beyond the
    /// step's checklist are ignored.
    pub fn set_ticked(&mut self, step: Step, index: usize, ticked: bool) {
        if index >= step.criteria().len() {
            return;
        }
        let slot = &mut self.ticks[step.number() - 1];
        if ticked {
            *slot |= 1 << index;
        } else {
            *slot &= !(1 << index);
        }
    }

    /// Indices of the ticked criteria of `step`, ascending.
    pub fn ticked(&self, step: Step) -> Vec<usize> {
        (0..step.criteria().len())
            .filter(|i| self.is_ticked(step, *i))
            .collect()
    }

    /// Whether nothing has been answered or ticked.
    pub fn is_empty(&self) -> bool {
        *self == Answers::default()
    }
}

/// A walk through the tree: the answered steps it passed and where it stops.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Walk {
    /// Steps passed, with the answer that led on, in order.
    pub path: Vec<(Step, Answer)>,
    /// Where the walk stops.
    pub end: WalkEnd,
}

/// Where a walk stops.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WalkEnd {
    /// This step has no answer yet.
    Pending(Step),
    /// The answers lead to this recommendation.
    Outcome(Outcome),
}

impl Walk {
    /// The outcome reached, if the walk is complete.
    pub fn outcome(&self) -> Option<Outcome> {
        match self.end {
            WalkEnd::Outcome(o) => Some(o),
            WalkEnd::Pending(_) => None,
        }
    }

    /// Whether `step` lies on this walk (answered on the path, or pending).
    pub fn visits(&self, step: Step) -> bool {
        self.path.iter().any(|(s, _)| *s == step) || self.end == WalkEnd::Pending(step)
    }

    /// The step before `step` on this walk.
    pub fn before(&self, step: Step) -> Option<Step> {
        let steps: Vec<Step> = self.steps();
        let i = steps.iter().position(|s| *s == step)?;
        i.checked_sub(1).map(|j| steps[j])
    }

    /// Every step the walk visits, answered ones first, then the pending one.
    pub fn steps(&self) -> Vec<Step> {
        let mut steps: Vec<Step> = self.path.iter().map(|(s, _)| *s).collect();
        if let WalkEnd::Pending(s) = self.end {
            steps.push(s);
        }
        steps
    }
}

/// Follows the answers from step 1 until an unanswered step or an outcome.
pub fn walk(answers: &Answers) -> Walk {
    let mut path = Vec::new();
    let mut step = Step::PromptEngineering;
    loop {
        let Some(answer) = answers.get(step) else {
            return Walk {
                path,
                end: WalkEnd::Pending(step),
            };
        };
        path.push((step, answer));
        match step.next(answer) {
            Some(Next::Step(next)) => step = next,
            Some(Next::Outcome(outcome)) => {
                return Walk {
                    path,
                    end: WalkEnd::Outcome(outcome),
                };
            }
            // `Answers::set` only stores accepted answers, so this cannot
            // happen; stop at the step rather than loop or panic.
            None => {
                path.pop();
                return Walk {
                    path,
                    end: WalkEnd::Pending(step),
                };
            }
        }
    }
}

/// The answer that a step's ticked criteria point to, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suggestion {
    pub answer: Answer,
    pub because: String,
}

/// Suggests an answer for `step` from its ticked criteria.
///
/// Rules (the user always makes the final choice):
/// 1. Prompt engineering: *yes* when "general knowledge is enough" and at
///    least one more sign hold; otherwise *no*.
/// 2. RAG: *yes* when a document corpus exists and at least one knowledge
///    need (domain, cutoff, freshness) is ticked; otherwise *no*.
/// 3. Training data: *yes* only when all four quality criteria hold.
/// 4. Budget: *enough* only when all three cost criteria are acceptable;
///    otherwise *limited*.
/// 5. Customization: the highest level with a ticked need; *low* when none.
pub fn suggest(step: Step, answers: &Answers) -> Suggestion {
    let ticked = answers.ticked(step);
    let criteria = step.criteria();
    let has = |i: usize| ticked.contains(&i);
    let names = |idx: &[usize]| -> String {
        let parts: Vec<String> = idx
            .iter()
            .map(|i| format!("\u{201c}{}\u{201d}", criteria[*i].label.to_lowercase()))
            .collect();
        join_words(&parts)
    };
    let missing: Vec<usize> = (0..criteria.len()).filter(|i| !has(*i)).collect();
    match step {
        Step::PromptEngineering => {
            if has(1) && ticked.len() >= 2 {
                Suggestion {
                    answer: Answer::Yes,
                    because: format!(
                        "You ticked {}: the base model has what it needs, so start with a better prompt.",
                        names(&ticked)
                    ),
                }
            } else if ticked.is_empty() {
                Suggestion {
                    answer: Answer::No,
                    because: "None of the signs that favour prompt engineering is ticked.".into(),
                }
            } else if !has(1) {
                Suggestion {
                    answer: Answer::No,
                    because: format!(
                        "You ticked {}, but not \u{201c}general knowledge is enough\u{201d}: prompts cannot add knowledge the model lacks.",
                        names(&ticked)
                    ),
                }
            } else {
                Suggestion {
                    answer: Answer::No,
                    because: "General knowledge is enough, but no other sign points to prompting alone; try it anyway if it is cheap to test.".into(),
                }
            }
        }
        Step::Rag => {
            let needs: Vec<usize> = ticked.iter().copied().filter(|i| *i != 2).collect();
            if has(2) && !needs.is_empty() {
                Suggestion {
                    answer: Answer::Yes,
                    because: format!(
                        "The gap is knowledge ({}) and a document corpus exists to retrieve it from.",
                        names(&needs)
                    ),
                }
            } else if !needs.is_empty() {
                Suggestion {
                    answer: Answer::No,
                    because: format!(
                        "You need knowledge ({}) but there is no document corpus to retrieve it from yet.",
                        names(&needs)
                    ),
                }
            } else {
                Suggestion {
                    answer: Answer::No,
                    because: "No knowledge gap is ticked, so retrieval has nothing to add.".into(),
                }
            }
        }
        Step::TrainingData => {
            if missing.is_empty() {
                Suggestion {
                    answer: Answer::Yes,
                    because: "All four quality criteria hold.".into(),
                }
            } else {
                Suggestion {
                    answer: Answer::No,
                    because: format!("Not yet ticked: {}.", names(&missing)),
                }
            }
        }
        Step::Budget => {
            if missing.is_empty() {
                Suggestion {
                    answer: Answer::Sufficient,
                    because:
                        "Training runs, dearer inference and the infrastructure are all affordable."
                            .into(),
                }
            } else {
                Suggestion {
                    answer: Answer::Limited,
                    because: format!("Not affordable yet: {}.", names(&missing)),
                }
            }
        }
        Step::Customization => {
            let (answer, level) = if has(4) || has(5) {
                (Answer::High, [4, 5])
            } else if has(2) || has(3) {
                (Answer::Medium, [2, 3])
            } else {
                (Answer::Low, [0, 1])
            };
            let at_level: Vec<usize> = level.into_iter().filter(|i| has(*i)).collect();
            let because = if at_level.is_empty() {
                "No medium or high need is ticked.".to_string()
            } else {
                format!("The highest need ticked is {}.", names(&at_level))
            };
            Suggestion { answer, because }
        }
    }
}

/// Joins words as "a", "a and b", "a, b and c".
fn join_words(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {}", init.join(", "), last),
    }
}

/// The reasons for a walk's result: one line per answered step, plus the
/// ticked criteria that back it.
pub fn reasons(answers: &Answers, walk: &Walk) -> Vec<String> {
    walk.path
        .iter()
        .map(|(step, answer)| {
            let ticked = answers.ticked(*step);
            let mut line = step.reason(*answer).to_string();
            if !ticked.is_empty() {
                let labels: Vec<String> = ticked
                    .iter()
                    .map(|i| step.criteria()[*i].label.to_lowercase())
                    .collect();
                line.push_str(&format!(" (You ticked: {}.)", labels.join("; ")));
            }
            line
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answered(pairs: &[(Step, Answer)]) -> Answers {
        let mut a = Answers::default();
        for (s, ans) in pairs {
            a.set(*s, Some(*ans));
        }
        a
    }

    #[test]
    fn each_outcome_is_reached_through_its_path() {
        use Answer::*;
        use Step::*;
        let cases: [(&[(Step, Answer)], Outcome); 7] = [
            (&[(PromptEngineering, Yes)], Outcome::PromptEngineering),
            (&[(PromptEngineering, No), (Rag, Yes)], Outcome::Rag),
            (
                &[(PromptEngineering, No), (Rag, No), (TrainingData, No)],
                Outcome::CollectDataFirst,
            ),
            (
                &[
                    (PromptEngineering, No),
                    (Rag, No),
                    (TrainingData, Yes),
                    (Budget, Limited),
                ],
                Outcome::LoraOrPromptRag,
            ),
            (
                &[
                    (PromptEngineering, No),
                    (Rag, No),
                    (TrainingData, Yes),
                    (Budget, Sufficient),
                    (Customization, Low),
                ],
                Outcome::PromptRag,
            ),
            (
                &[
                    (PromptEngineering, No),
                    (Rag, No),
                    (TrainingData, Yes),
                    (Budget, Sufficient),
                    (Customization, Medium),
                ],
                Outcome::LoraOrFineTuning,
            ),
            (
                &[
                    (PromptEngineering, No),
                    (Rag, No),
                    (TrainingData, Yes),
                    (Budget, Sufficient),
                    (Customization, High),
                ],
                Outcome::FullFineTuning,
            ),
        ];
        for (path, outcome) in cases {
            let w = walk(&answered(path));
            assert_eq!(w.end, WalkEnd::Outcome(outcome));
            assert_eq!(w.path, path.to_vec());
            assert_eq!(reasons(&answered(path), &w).len(), path.len());
        }
    }

    #[test]
    fn walk_stops_at_first_unanswered_step_and_ignores_off_path_answers() {
        let mut a = Answers::default();
        assert_eq!(walk(&a).end, WalkEnd::Pending(Step::PromptEngineering));
        a.set(Step::PromptEngineering, Some(Answer::No));
        a.set(Step::TrainingData, Some(Answer::Yes));
        let w = walk(&a);
        assert_eq!(w.end, WalkEnd::Pending(Step::Rag));
        assert_eq!(w.steps(), vec![Step::PromptEngineering, Step::Rag]);
        assert_eq!(w.before(Step::Rag), Some(Step::PromptEngineering));
        assert_eq!(w.before(Step::PromptEngineering), None);
        // Answering step 1 "yes" ends the walk; the later answer is kept, unused.
        a.set(Step::PromptEngineering, Some(Answer::Yes));
        assert_eq!(walk(&a).outcome(), Some(Outcome::PromptEngineering));
        assert_eq!(a.get(Step::TrainingData), Some(Answer::Yes));
    }

    #[test]
    fn answers_a_step_does_not_accept_are_refused() {
        let mut a = Answers::default();
        a.set(Step::Budget, Some(Answer::Yes));
        assert_eq!(a.get(Step::Budget), None);
        a.set(Step::PromptEngineering, Some(Answer::High));
        assert_eq!(a.get(Step::PromptEngineering), None);
        a.set_ticked(Step::Budget, 7, true);
        assert!(a.ticked(Step::Budget).is_empty());
    }

    #[test]
    fn every_step_lists_criteria_and_options() {
        for s in Step::ALL {
            assert!(!s.criteria().is_empty());
            assert!(s.options().len() >= 2);
            assert_eq!(Step::from_key(s.key()), Some(s));
            for a in s.options() {
                assert!(s.next(*a).is_some());
                assert_eq!(Answer::from_key(a.key()), Some(*a));
            }
        }
    }

    fn ticks(step: Step, idx: &[usize]) -> Answers {
        let mut a = Answers::default();
        for i in idx {
            a.set_ticked(step, *i, true);
        }
        a
    }

    #[test]
    fn prompt_engineering_suggestion_needs_general_knowledge_and_one_more_sign() {
        let s = Step::PromptEngineering;
        assert_eq!(suggest(s, &ticks(s, &[0, 1])).answer, Answer::Yes);
        assert_eq!(suggest(s, &ticks(s, &[1, 2, 3])).answer, Answer::Yes);
        assert_eq!(suggest(s, &ticks(s, &[0, 2, 3])).answer, Answer::No);
        assert_eq!(suggest(s, &ticks(s, &[1])).answer, Answer::No);
        assert_eq!(suggest(s, &ticks(s, &[])).answer, Answer::No);
        let why = suggest(s, &ticks(s, &[0, 1])).because;
        assert!(
            why.contains("the task is simple") && why.contains("general knowledge is enough"),
            "{why}"
        );
    }

    #[test]
    fn rag_suggestion_needs_a_corpus_and_a_knowledge_gap() {
        let s = Step::Rag;
        assert_eq!(suggest(s, &ticks(s, &[0, 2])).answer, Answer::Yes);
        assert_eq!(suggest(s, &ticks(s, &[3, 2])).answer, Answer::Yes);
        assert_eq!(suggest(s, &ticks(s, &[2])).answer, Answer::No);
        let no_corpus = suggest(s, &ticks(s, &[0, 1]));
        assert_eq!(no_corpus.answer, Answer::No);
        assert!(no_corpus.because.contains("no document corpus"));
    }

    #[test]
    fn data_and_budget_suggestions_need_every_criterion() {
        assert_eq!(
            suggest(
                Step::TrainingData,
                &ticks(Step::TrainingData, &[0, 1, 2, 3])
            )
            .answer,
            Answer::Yes
        );
        let partial = suggest(Step::TrainingData, &ticks(Step::TrainingData, &[0, 1, 3]));
        assert_eq!(partial.answer, Answer::No);
        assert!(partial.because.contains("representative of real use"));
        assert_eq!(
            suggest(Step::Budget, &ticks(Step::Budget, &[0, 1, 2])).answer,
            Answer::Sufficient
        );
        assert_eq!(
            suggest(Step::Budget, &ticks(Step::Budget, &[0, 2])).answer,
            Answer::Limited
        );
    }

    #[test]
    fn customization_suggestion_is_the_highest_level_ticked() {
        let s = Step::Customization;
        assert_eq!(suggest(s, &ticks(s, &[])).answer, Answer::Low);
        assert_eq!(suggest(s, &ticks(s, &[0])).answer, Answer::Low);
        assert_eq!(suggest(s, &ticks(s, &[0, 3])).answer, Answer::Medium);
        assert_eq!(suggest(s, &ticks(s, &[0, 3, 5])).answer, Answer::High);
        assert!(
            suggest(s, &ticks(s, &[4]))
                .because
                .contains("deep domain behaviour")
        );
    }

    #[test]
    fn join_words_reads_naturally() {
        let w = |v: &[&str]| join_words(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(w(&[]), "");
        assert_eq!(w(&["a"]), "a");
        assert_eq!(w(&["a", "b"]), "a and b");
        assert_eq!(w(&["a", "b", "c"]), "a, b and c");
    }
}
