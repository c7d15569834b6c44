//! The user's answers and ticked criteria, step by step.
//!
//! Architecture invariant: only answers a step accepts and criteria its
//! checklist lists are stored (by their stable keys), so a walk never meets
//! an impossible edge and reordering a checklist loses no tick.

use crate::core::decision::tree::{Answer, Criterion, Step};

/// The user's answers and ticked criteria, step by step.
///
/// Answers to steps that the current path does not reach are kept, so going
/// back and changing an early answer never loses later work.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Answers {
    answers: [Option<Answer>; 5],
    /// Keys of the ticked criteria of each step, in checklist order.
    ticks: [Vec<&'static str>; 5],
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

    /// Whether the criterion with this key is ticked on `step`.
    pub fn is_ticked(&self, step: Step, key: &str) -> bool {
        self.ticks[step.number() - 1].contains(&key)
    }

    /// Ticks or unticks the criterion with this key on `step`; a key the
    /// step's checklist does not list is ignored.
    pub fn set_ticked(&mut self, step: Step, key: &str, ticked: bool) {
        let Some(criterion) = step.criterion(key) else {
            return;
        };
        let slot = &mut self.ticks[step.number() - 1];
        slot.retain(|k| *k != criterion.key);
        if ticked {
            slot.push(criterion.key);
            let order = |k: &&str| step.criteria().iter().position(|c| c.key == *k);
            slot.sort_by_key(order);
        }
    }

    /// The ticked criteria of `step`, in checklist order.
    pub fn ticked(&self, step: Step) -> Vec<&'static Criterion> {
        step.criteria()
            .iter()
            .filter(|c| self.is_ticked(step, c.key))
            .collect()
    }

    /// Whether nothing has been answered or ticked.
    pub fn is_empty(&self) -> bool {
        *self == Answers::default()
    }
}
