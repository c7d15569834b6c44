//! The shell of `report.html`: which state the report shows. Opened
//! plainly, the user's own saved state (wizard, calculator, last checked
//! dataset), followed as other tabs change it; opened with a report link
//! (`#/report?v=1&…`), the state the link carries, with a note when the
//! link is damaged, cut or newer. The report never writes storage, so a
//! shared link never overwrites the user's own work.

use leptos::prelude::*;

use crate::core::report::decision_report::build_report;
use crate::core::report::link::{self, LinkNote};
use crate::core::report::state::SharedState;
use crate::core::route::{self, Page, Section};
use crate::ui::browser_state;
use crate::ui::report::report_page::ReportPage;
use crate::ui::shared::page_frame::PageFrame;

/// Where the shown state comes from.
#[derive(Clone, Debug, PartialEq)]
pub enum Source {
    /// The user's own saved work.
    Saved,
    /// A shared link, and what went wrong reading it, if anything.
    Link(Option<LinkNote>),
}

/// The user's saved state for `today`.
fn saved(today: &str) -> SharedState {
    browser_state::load_shared(today)
}

/// The state the address asks for: a report link's, else the saved one.
fn from_address(today: &str) -> (SharedState, Source) {
    match route::report_query(&browser_state::fragment()) {
        Some(query) => {
            let decoded = link::decode(&query, today);
            (decoded.state, Source::Link(decoded.note))
        }
        None => (saved(today), Source::Saved),
    }
}

/// The shell of `report.html`.
#[component]
pub fn ReportApp() -> impl IntoView {
    browser_state::set_title(Section::Report.title());
    let today = browser_state::today();
    let (initial, initial_source) = from_address(&today);
    let state = RwSignal::new(initial);
    let source = RwSignal::new(initial_source);
    let made_on = today.clone();
    let report = Memo::new(move |_| state.with(|s| build_report(s, &made_on)));

    // A link pasted into the address bar changes only the fragment.
    let on_hash = today.clone();
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        let (next, next_source) = from_address(&on_hash);
        state.set(next);
        source.set(next_source);
    });
    on_cleanup(move || listener.remove());
    // The user's own report follows edits made in other tabs.
    let on_store = today;
    browser_state::on_storage_change(move |key, _| {
        let ours = [
            browser_state::WIZARD_KEY,
            browser_state::COSTS_KEY,
            browser_state::DATASET_BRIEF_KEY,
            browser_state::DATASET_KEY,
            browser_state::TRAINING_KEY,
        ];
        if source.with_untracked(|s| *s == Source::Saved) && ours.contains(&key.as_str()) {
            state.set(saved(&on_store));
        }
    });

    view! {
        <PageFrame section=Signal::stored(Section::Report) page=Page::Report
            query=Signal::stored(String::new())>
            <ReportPage state=state.read_only() source=source.read_only() report />
        </PageFrame>
    }
}
