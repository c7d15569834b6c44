//! The shell of `training.html`.

use leptos::prelude::*;

use crate::core::route::{Page, Section};
use crate::core::training::training_state::TrainingState;
use crate::ui::browser_state;
use crate::ui::shared::page_frame::PageFrame;
use crate::ui::training::training_page::TrainingPage;

/// The shell of `training.html`.
#[component]
pub fn TrainingApp() -> impl IntoView {
    browser_state::set_title(Section::Training.title());
    let state = RwSignal::new(TrainingState::default());
    view! {
        <PageFrame section=Signal::stored(Section::Training) page=Page::Training
            query=Signal::stored(String::new())>
            <TrainingPage state />
        </PageFrame>
    }
}
