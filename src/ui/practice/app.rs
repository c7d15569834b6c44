//! The shell of `practice.html`: the question bank (fetched when the page
//! opens), the learner's progress (local storage, `tunewise.practice.v1`,
//! followed across tabs) and the mode in the address
//! (`#/practice?mode=quiz`, a shared exercise adding `ex` and `seed`).

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::practice::exercise::ExerciseKind;
use crate::core::practice::exercise_link;
use crate::core::practice::practice_mode::Mode;
use crate::core::practice::progress::Progress;
use crate::core::practice::question_bank::Bank;
use crate::core::route::{self, Page, Section};
use crate::ui::browser_state;
use crate::ui::practice::practice_page::PracticePage;
use crate::ui::practice::question_bank_loader;
use crate::ui::shared::page_frame::PageFrame;

/// Where the question bank is.
#[derive(Clone)]
pub enum BankState {
    Loading,
    Ready(Arc<Bank>),
    Failed(String),
}

/// The saved progress, and a notice when what was saved could not be read
/// (it is then kept aside, never silently overwritten).
fn saved_progress() -> (Progress, Option<String>) {
    match browser_state::load(browser_state::PRACTICE_KEY) {
        None => (Progress::default(), None),
        Some(text) => match Progress::from_json(&text) {
            Ok(p) => (p, None),
            Err(e) => {
                let aside = format!("{}.unreadable", browser_state::PRACTICE_KEY);
                browser_state::save(&aside, &text);
                (
                    Progress::default(),
                    Some(format!(
                        "Your saved practice progress could not be read, so this page starts afresh; \
                         the old text is kept under \"{aside}\" in this browser's storage. ({e})"
                    )),
                )
            }
        },
    }
}

/// The exercise a link names, if any.
fn linked_exercise(query: &str) -> Option<(ExerciseKind, u64)> {
    exercise_link::parse(query)
}

/// The shell of `practice.html`.
#[component]
pub fn PracticeApp() -> impl IntoView {
    browser_state::set_title(Section::Practice.title());
    let bank = RwSignal::new(BankState::Loading);
    leptos::task::spawn_local(async move {
        bank.set(match question_bank_loader::load().await {
            Ok(b) => BankState::Ready(b),
            Err(e) => BankState::Failed(e),
        });
    });
    let (start, notice) = saved_progress();
    let progress = RwSignal::new(start);
    let storage_notice = RwSignal::new(notice);
    let start_route = route::parse(&browser_state::fragment());
    let start_query = if start_route.section == Section::Practice { start_route.query } else { String::new() };
    let mode = RwSignal::new(Mode::from_query(&start_query));
    let exercise = RwSignal::new(linked_exercise(&start_query));
    // Progress is saved as it changes (not before the first change, so a
    // damaged saved copy stays until the user does something).
    Effect::new(move |first: Option<()>| {
        let text = progress.with(Progress::to_json);
        if first.is_some() && !browser_state::save(browser_state::PRACTICE_KEY, &text) {
            storage_notice.set(Some(
                "Your progress could not be saved in this browser (storage is full or blocked). \
                 Export it from the Progress tab to keep it."
                    .to_string(),
            ));
        }
    });
    browser_state::on_storage_change(move |key, value| {
        if key == browser_state::PRACTICE_KEY {
            let incoming = value.and_then(|v| Progress::from_json(&v).ok()).unwrap_or_default();
            if progress.with_untracked(|p| *p != incoming) {
                progress.set(incoming);
            }
        }
    });
    let query = Memo::new(move |_| {
        let m = mode.get();
        match (m, exercise.get()) {
            (Mode::Exercises, Some((kind, seed))) => format!("{}&{}", m.query(), exercise_link::query(kind, seed)),
            _ => m.query(),
        }
    });
    Effect::new(move |_| browser_state::replace_fragment(&route::href(Section::Practice, &query.get())));
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        let r = route::parse(&browser_state::fragment());
        if r.section == Section::Practice {
            let m = Mode::from_query(&r.query);
            if mode.get_untracked() != m {
                mode.set(m);
            }
            if let Some(e) = linked_exercise(&r.query)
                && exercise.get_untracked() != Some(e)
            {
                exercise.set(Some(e));
            }
        }
    });
    on_cleanup(move || listener.remove());
    view! {
        <PageFrame section=Signal::stored(Section::Practice) page=Page::Practice query=query.into()>
            <PracticePage bank=bank.read_only() progress mode exercise storage_notice />
        </PageFrame>
    }
}
