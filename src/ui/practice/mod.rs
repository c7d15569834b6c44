//! The practice section: `practice.html` (the overview, flashcards, quiz,
//! mock interview and progress) and `exercises.html` (the generated
//! numeric exercises, a bundle of their own because they carry the cost
//! model). Both keep the learner's progress through `progress_store`.

// The pages' shells and what they share.
pub mod app;
pub mod exercises_app;
mod keyboard;
mod practice_frame;
mod progress_store;
mod question_bank_loader;
mod question_links;
mod topic_filter;

// One file per mode.
mod exercise_view;
mod flashcards;
mod mock_interview_view;
mod practice_home;
mod practice_page;
mod progress_view;
mod quiz_view;
