//! Following the answers through the tree.
//!
//! Architecture invariant: `walk` is total: it stops at the first
//! unanswered step or at an outcome, never loops and never panics.

use crate::core::decision::answers::Answers;
use crate::core::decision::tree::{Answer, Next, Outcome, Step};

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
