//! The practice page: heading, the modes, the filter and the keyboard
//! shortcuts; the mode shown comes from the address.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::practice::exercise::ExerciseKind;
use crate::core::practice::practice_mode::Mode;
use crate::core::practice::progress::Progress;
use crate::core::practice::question_bank::Bank;
use crate::core::practice::quiz::Filter;
use crate::core::route::{self, Section};
use crate::ui::practice::app::BankState;
use crate::ui::practice::exercise_view::ExerciseView;
use crate::ui::practice::flashcards::Flashcards;
use crate::ui::practice::mock_interview_view::MockInterview;
use crate::ui::practice::progress_view::ProgressView;
use crate::ui::practice::quiz_view::QuizView;
use crate::ui::practice::topic_filter::TopicFilter;

/// The page's content.
#[component]
pub fn PracticePage(
    bank: ReadSignal<BankState>,
    progress: RwSignal<Progress>,
    mode: RwSignal<Mode>,
    exercise: RwSignal<Option<(ExerciseKind, u64)>>,
    storage_notice: RwSignal<Option<String>>,
) -> impl IntoView {
    let filter = RwSignal::new(Filter::default());
    let nav = Mode::ALL.map(|m| {
        let current = move || (mode.get() == m).then_some("page");
        view! { <li><a href=route::href(Section::Practice, &m.query()) aria-current=current>{m.label()}</a></li> }
    });
    let needs_bank = move |m: Mode| !matches!(m, Mode::Exercises);
    let body = move || {
        let m = mode.get();
        let ready: Option<Arc<Bank>> = match bank.get() {
            BankState::Ready(b) => Some(b),
            _ => None,
        };
        if needs_bank(m) && ready.is_none() {
            return match bank.get() {
                BankState::Failed(e) => view! { <p class="notice error" role="alert">{e}</p> }.into_any(),
                _ => view! { <p class="loading" role="status">"Loading the question bank…"</p> }.into_any(),
            };
        }
        let with_filter = matches!(m, Mode::Flashcards | Mode::Quiz | Mode::Interview);
        let filter_view = with_filter.then(|| view! { <TopicFilter filter /> });
        let content = match m {
            Mode::Flashcards => view! { <Flashcards bank=ready.unwrap() progress filter=filter.into() /> }.into_any(),
            Mode::Quiz => view! { <QuizView bank=ready.unwrap() progress filter=filter.into() /> }.into_any(),
            Mode::Interview => view! { <MockInterview bank=ready.unwrap() progress filter=filter.into() /> }.into_any(),
            Mode::Exercises => view! { <ExerciseView exercise progress /> }.into_any(),
            Mode::Progress => view! { <ProgressView bank=ready.unwrap() progress /> }.into_any(),
        };
        view! { {filter_view} {content} }.into_any()
    };
    view! {
        <section class="page practice-page" aria-labelledby="practice-title">
            <h1 id="practice-title">"Practise"</h1>
            <p class="lede">
                "Learn when and how to adapt a model by doing: flashcards that come back when you are about to forget, "
                "a scored quiz, a mock interview marked against key points, and exercises worked with tunewise's own cost model. "
                "Your progress stays in this browser."
            </p>
            {move || storage_notice.get().map(|n| view! { <p class="notice" role="alert">{n}</p> })}
            <nav class="practice-modes" aria-label="Practice modes">
                <ul>{nav.into_iter().collect_view()}</ul>
            </nav>
            <div class="practice-body">{body}</div>
            <section class="shortcuts" aria-labelledby="shortcuts-title">
                <h2 id="shortcuts-title">"Keyboard shortcuts"</h2>
                <dl>
                    <div><dt><kbd>"Space"</kbd></dt><dd>"Show the answer (flashcards, mock interview)"</dd></div>
                    <div><dt><kbd>"1"</kbd>"–"<kbd>"4"</kbd></dt><dd>"Rate Again, Hard, Good or Easy (flashcards); choose an option (quiz)"</dd></div>
                    <div><dt><kbd>"←"</kbd>" "<kbd>"→"</kbd></dt><dd>"Previous or next card, question or exercise"</dd></div>
                    <div><dt><kbd>"U"</kbd></dt><dd>"Undo the last rating (flashcards)"</dd></div>
                </dl>
                <p class="hint">"Shortcuts work when the focus is not in a text field; Tab and Enter reach every control too."</p>
            </section>
        </section>
    }
}
