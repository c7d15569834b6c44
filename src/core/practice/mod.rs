//! Practice: interview and training preparation by doing. The question
//! bank (`data/questions.json`), FSRS-scheduled flashcards, the quiz, the
//! mock interview, numeric exercises generated from the core's own cost
//! model (seeded, so that a link shares one exercise) and the learner's
//! progress.
//!
//! Architecture invariant: pure, no UI imports; never reads the clock (the
//! time, the user's day and random seeds are passed in); no input panics.

pub mod exercise;
pub mod exercise_link;
pub mod flashcard_schedule;
pub mod mock_interview;
pub mod practice_mode;
pub mod progress;
pub mod question_bank;
pub mod quiz;
pub mod review_queue;
