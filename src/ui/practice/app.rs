//! The shell of `practice.html`: the question bank (fetched the first time
//! a mode needs it), the learner's progress (`progress_store`) and the mode
//! in the address (`#/practice?mode=quiz`). An exercises address opened
//! here goes to `exercises.html`, state and all.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::practice::practice_mode::Mode;
use crate::core::practice::question_bank::Bank;
use crate::core::route::{self, Page, Section};
use crate::ui::browser_state;
use crate::ui::practice::practice_frame::PracticeFrame;
use crate::ui::practice::practice_page::PracticePage;
use crate::ui::practice::progress_store::use_progress;
use crate::ui::practice::question_bank_loader;
use crate::ui::shared::page_frame::PageFrame;

/// Where the question bank is.
#[derive(Clone)]
pub enum BankState {
    /// Not needed yet (the overview does without it).
    NotLoaded,
    Loading,
    Ready(Arc<Bank>),
    Failed(String),
}

/// The mode in the address; the exercises move to their own page.
fn mode_in_address() -> Mode {
    let r = route::parse(&browser_state::fragment());
    let m = if r.section == Section::Practice {
        Mode::from_query(&r.query)
    } else {
        Mode::Home
    };
    if m == Mode::Exercises {
        browser_state::go_to(&format!(
            "{}{}",
            Page::Exercises.url(),
            browser_state::fragment()
        ));
    }
    m
}

/// The shell of `practice.html`.
#[component]
pub fn PracticeApp() -> impl IntoView {
    browser_state::set_title(Section::Practice.title());
    let bank = RwSignal::new(BankState::NotLoaded);
    let (progress, storage_notice) = use_progress();
    let mode = RwSignal::new(mode_in_address());
    // The bank is fetched the first time a mode needs it; after a failure,
    // again when the user opens such a mode again.
    Effect::new(move |_| {
        let needed = mode.get().needs_bank();
        let start =
            bank.with_untracked(|b| matches!(b, BankState::NotLoaded | BankState::Failed(_)));
        if needed && start {
            bank.set(BankState::Loading);
            leptos::task::spawn_local(async move {
                bank.set(match question_bank_loader::load().await {
                    Ok(b) => BankState::Ready(b),
                    Err(e) => BankState::Failed(e),
                });
            });
        }
    });
    let query = Memo::new(move |_| mode.get().query());
    Effect::new(move |_| {
        browser_state::replace_fragment(&route::href(Section::Practice, &query.get()))
    });
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        let m = mode_in_address();
        if mode.get_untracked() != m {
            mode.set(m);
        }
    });
    on_cleanup(move || listener.remove());
    view! {
        <PageFrame section=Signal::stored(Section::Practice) page=Page::Practice query=query.into()>
            <PracticeFrame mode=mode.into() page=Page::Practice storage_notice>
                <PracticePage bank=bank.read_only() progress mode />
            </PracticeFrame>
        </PageFrame>
    }
}
