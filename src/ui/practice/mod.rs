//! The practice page (`practice.html`): flashcards, quiz, mock interview,
//! generated exercises and the learner's progress.

// The page's shell, its loading of the question bank and the shared parts.
pub mod app;
mod keyboard;
mod practice_page;
mod question_bank_loader;
mod question_links;
mod topic_filter;

// One file per mode.
mod exercise_view;
mod flashcards;
mod mock_interview_view;
mod progress_view;
mod quiz_view;
