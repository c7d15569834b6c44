//! The quiz: multiple-choice questions scored as they are answered.
//!
//! # The rule
//! A quiz is the multiple-choice questions that pass the topic and
//! difficulty filter, in the bank's order. An answer is final once given
//! (the feedback shows at once: the chosen option, the right one, and the
//! reason of every option). The score is right answers out of the quiz's
//! questions; [`Quiz::retake_missed`] starts a quiz of the ones answered
//! wrong or left unanswered.
//!
//! Architecture invariant: pure state; the page only renders it.

use super::question_bank::{Bank, Difficulty, Question, Topic};

/// Which questions to practise.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub topic: Option<Topic>,
    pub difficulty: Option<Difficulty>,
}

impl Filter {
    /// Whether `q` passes (a topic matches any of the question's topics).
    pub fn keeps(&self, q: &Question) -> bool {
        self.topic.is_none_or(|t| q.topics.contains(&t))
            && self.difficulty.is_none_or(|d| q.difficulty == d)
    }
}

/// A quiz in progress.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quiz {
    /// The questions' ids, in order.
    pub ids: Vec<String>,
    /// The chosen option per question, once answered.
    pub chosen: Vec<Option<usize>>,
    /// The question shown.
    pub at: usize,
}

/// How an answered question went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Right,
    Wrong { right: usize },
}

impl Quiz {
    /// A quiz of the multiple-choice questions `filter` keeps.
    pub fn new(bank: &Bank, filter: Filter) -> Quiz {
        Quiz::of(
            bank.questions
                .iter()
                .filter(|q| q.correct_choice().is_some() && filter.keeps(q))
                .map(|q| q.id.clone())
                .collect(),
        )
    }

    fn of(ids: Vec<String>) -> Quiz {
        let chosen = vec![None; ids.len()];
        Quiz { ids, chosen, at: 0 }
    }

    /// The id shown, if the quiz has questions.
    pub fn current(&self) -> Option<&str> {
        self.ids.get(self.at).map(String::as_str)
    }

    /// Answers the shown question with option `choice`; a second answer, or
    /// an option the question does not have, changes nothing. Returns the
    /// outcome of the first answer.
    pub fn answer(&mut self, bank: &Bank, choice: usize) -> Option<Outcome> {
        let q = bank.get(self.current()?)?;
        let right = q.correct_choice()?;
        if choice >= q.choices.len() || self.chosen[self.at].is_some() {
            return None;
        }
        self.chosen[self.at] = Some(choice);
        Some(if choice == right {
            Outcome::Right
        } else {
            Outcome::Wrong { right }
        })
    }

    /// The outcome of question `i`, once answered.
    pub fn outcome(&self, bank: &Bank, i: usize) -> Option<Outcome> {
        let chosen = (*self.chosen.get(i)?)?;
        let right = bank.get(&self.ids[i])?.correct_choice()?;
        Some(if chosen == right {
            Outcome::Right
        } else {
            Outcome::Wrong { right }
        })
    }

    /// Moves to the next question (stays on the last).
    pub fn next(&mut self) {
        if self.at + 1 < self.ids.len() {
            self.at += 1;
        }
    }

    /// Moves to the previous question (stays on the first).
    pub fn previous(&mut self) {
        self.at = self.at.saturating_sub(1);
    }

    /// Right answers, answered questions, and questions in all.
    pub fn score(&self, bank: &Bank) -> (usize, usize, usize) {
        let right = (0..self.ids.len())
            .filter(|&i| self.outcome(bank, i) == Some(Outcome::Right))
            .count();
        let answered = self.chosen.iter().filter(|c| c.is_some()).count();
        (right, answered, self.ids.len())
    }

    /// Whether every question is answered.
    pub fn finished(&self) -> bool {
        !self.ids.is_empty() && self.chosen.iter().all(Option::is_some)
    }

    /// A new quiz of the questions answered wrong or not at all.
    pub fn retake_missed(&self, bank: &Bank) -> Quiz {
        Quiz::of(
            (0..self.ids.len())
                .filter(|&i| self.outcome(bank, i) != Some(Outcome::Right))
                .map(|i| self.ids[i].clone())
                .collect(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::practice::question_bank::parse;

    fn bank() -> Bank {
        parse(include_str!("../../../data/questions.json")).unwrap()
    }

    #[test]
    fn answers_score_at_once_and_only_once() {
        let bank = bank();
        let mut quiz = Quiz::new(&bank, Filter::default());
        assert!(quiz.ids.len() >= 30);
        let q = bank.get(quiz.current().unwrap()).unwrap().clone();
        let right = q.correct_choice().unwrap();
        let wrong = (right + 1) % q.choices.len();
        assert_eq!(quiz.answer(&bank, wrong), Some(Outcome::Wrong { right }));
        assert_eq!(quiz.answer(&bank, right), None, "an answer is final");
        quiz.next();
        let q2 = bank.get(quiz.current().unwrap()).unwrap().clone();
        assert_eq!(
            quiz.answer(&bank, q2.correct_choice().unwrap()),
            Some(Outcome::Right)
        );
        assert_eq!(quiz.answer(&bank, 99), None);
        assert_eq!(quiz.score(&bank), (1, 2, quiz.ids.len()));
        assert!(!quiz.finished());
        let retake = quiz.retake_missed(&bank);
        assert_eq!(retake.ids.len(), quiz.ids.len() - 1);
        assert_eq!(retake.ids[0], q.id);
        assert!(!retake.ids.contains(&q2.id));
    }

    #[test]
    fn filters_keep_matching_questions_only() {
        let bank = bank();
        for topic in Topic::ALL {
            for difficulty in Difficulty::ALL {
                let f = Filter {
                    topic: Some(topic),
                    difficulty: Some(difficulty),
                };
                let quiz = Quiz::new(&bank, f);
                for id in &quiz.ids {
                    let q = bank.get(id).unwrap();
                    assert!(q.topics.contains(&topic) && q.difficulty == difficulty);
                }
            }
        }
        let mut empty = Quiz::new(
            &bank,
            Filter {
                topic: Some(Topic::Costs),
                difficulty: None,
            },
        );
        empty.ids.clear();
        empty.chosen.clear();
        assert_eq!(empty.current(), None);
        assert_eq!(empty.answer(&bank, 0), None);
        empty.next();
        empty.previous();
        assert!(!empty.finished());
    }

    #[test]
    fn moving_stays_within_the_quiz() {
        let bank = bank();
        let mut quiz = Quiz::new(&bank, Filter::default());
        quiz.previous();
        assert_eq!(quiz.at, 0);
        for _ in 0..1000 {
            quiz.next();
        }
        assert_eq!(quiz.at, quiz.ids.len() - 1);
    }
}
