//! The modes of `practice.html`: the overview, flashcards, quiz, mock
//! interview and progress; the mode shown comes from the address.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::practice::practice_mode::Mode;
use crate::core::practice::progress::Progress;
use crate::core::practice::question_bank::Bank;
use crate::core::practice::quiz::Filter;
use crate::ui::practice::app::BankState;
use crate::ui::practice::flashcards::Flashcards;
use crate::ui::practice::mock_interview_view::MockInterview;
use crate::ui::practice::practice_home::PracticeHome;
use crate::ui::practice::progress_view::ProgressView;
use crate::ui::practice::quiz_view::QuizView;
use crate::ui::practice::topic_filter::TopicFilter;

/// The mode's content (the exercises live on their own page).
#[component]
pub fn PracticePage(
    bank: ReadSignal<BankState>,
    progress: RwSignal<Progress>,
    mode: RwSignal<Mode>,
) -> impl IntoView {
    let filter = RwSignal::new(Filter::default());
    move || {
        let m = mode.get();
        let ready: Option<Arc<Bank>> = match bank.get() {
            BankState::Ready(b) => Some(b),
            _ => None,
        };
        let Some(b) = ready.clone().filter(|_| m.needs_bank()) else {
            return match (m, bank.get()) {
                (Mode::Home | Mode::Exercises, _) => view! { <PracticeHome progress /> }.into_any(),
                // Export, import and reset never wait for the bank.
                (Mode::Progress, state) => {
                    let failed = match state {
                        BankState::Failed(e) => Some(e),
                        _ => None,
                    };
                    view! {
                        {failed.map(|e| view! { <p class="notice error" role="alert">{e}</p> })}
                        <ProgressView bank=None progress />
                    }
                    .into_any()
                }
                (_, BankState::Failed(e)) => {
                    view! { <p class="notice error" role="alert">{e}</p> }.into_any()
                }
                _ => view! { <p class="loading" role="status">"Loading the question bank…"</p> }
                    .into_any(),
            };
        };
        let with_filter = matches!(m, Mode::Flashcards | Mode::Quiz | Mode::Interview);
        let filter_view = with_filter.then(|| view! { <TopicFilter filter /> });
        let content = match m {
            Mode::Quiz => view! { <QuizView bank=b progress filter=filter.into() /> }.into_any(),
            Mode::Interview => {
                view! { <MockInterview bank=b progress filter=filter.into() /> }.into_any()
            }
            Mode::Progress => view! { <ProgressView bank=Some(b) progress /> }.into_any(),
            _ => view! { <Flashcards bank=b progress filter=filter.into() /> }.into_any(),
        };
        view! { {filter_view} {content} }.into_any()
    }
}
