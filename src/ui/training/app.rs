//! The shell of `training.html`: the training page's own state (kept in
//! local storage under `tunewise.training.v1` and in the address,
//! `#/training?v=1&…`) and the other tools' saved work it reads (wizard,
//! calculator, checked dataset, Dataset page settings), followed as other
//! tabs change them. The page never writes the other tools' state.

use leptos::prelude::*;

use crate::core::report::state::SharedState;
use crate::core::route::{self, Page, Section};
use crate::core::training::training_state::{self, TrainingState};
use crate::ui::browser_state;
use crate::ui::shared::page_frame::PageFrame;
use crate::ui::training::training_page::TrainingPage;

/// The shell of `training.html`.
#[component]
pub fn TrainingApp() -> impl IntoView {
    browser_state::set_title(Section::Training.title());
    let today = browser_state::today();
    let shared = RwSignal::new(browser_state::load_shared(&today));
    let training = RwSignal::new(starting_state(&shared.get_untracked()));
    let query = Memo::new(move |_| training.with(training_state::encode));
    Effect::new(move |_| {
        let q = query.get();
        browser_state::save(browser_state::TRAINING_KEY, &q);
        browser_state::replace_fragment(&route::href(Section::Training, &q));
    });
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        let r = route::parse(&browser_state::fragment());
        if r.section == Section::Training && !r.query.is_empty() {
            let incoming = training_state::decode(&r.query);
            if training.with_untracked(|t| *t != incoming) {
                training.set(incoming);
            }
        }
    });
    on_cleanup(move || listener.remove());
    let on_store = today;
    browser_state::on_storage_change(move |key, value| {
        if key == browser_state::TRAINING_KEY {
            let incoming = value
                .map(|q| training_state::decode(&q))
                .unwrap_or_default();
            if training.with_untracked(|t| *t != incoming) {
                training.set(incoming);
            }
        } else if [
            browser_state::WIZARD_KEY,
            browser_state::COSTS_KEY,
            browser_state::DATASET_KEY,
            browser_state::DATASET_BRIEF_KEY,
        ]
        .contains(&key.as_str())
        {
            shared.set(browser_state::load_shared(&on_store));
        }
    });
    view! {
        <PageFrame section=Signal::stored(Section::Training) page=Page::Training
            query=query.into()>
            <TrainingPage training shared=shared.read_only() />
        </PageFrame>
    }
}

/// A link's state when it carries one that differs from the defaults,
/// else the saved one (a plain visit never wipes saved work).
fn starting_state(saved: &SharedState) -> TrainingState {
    let start = route::parse(&browser_state::fragment());
    if start.section == Section::Training && !start.query.is_empty() && !browser_state::is_reload()
    {
        let from_link = training_state::decode(&start.query);
        if from_link != TrainingState::default() {
            return from_link;
        }
    }
    saved.training.clone()
}
