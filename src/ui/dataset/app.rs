//! The shell of `dataset.html`: header and the dataset validator.

use leptos::prelude::*;

use crate::core::route::{Page, Section};
use crate::ui::browser_state;
use crate::ui::dataset::dataset_page::DatasetPage;
use crate::ui::shared::page_frame::PageFrame;

/// The shell of `dataset.html`: header and the dataset validator.
#[component]
pub fn DatasetApp() -> impl IntoView {
    browser_state::set_title(Section::Dataset.title());
    view! {
        <PageFrame section=Signal::stored(Section::Dataset) page=Page::Dataset
            query=Signal::stored(String::new())>
            <DatasetPage />
        </PageFrame>
    }
}
