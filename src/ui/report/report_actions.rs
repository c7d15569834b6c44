//! Share, download and print the report: Markdown and JSON files, the
//! link to this report (the whole state, `core::report::link`) and the
//! browser's print dialog (the print stylesheet lays the page out).

use leptos::prelude::*;

use crate::core::report::decision_report::DecisionReport;
use crate::core::report::state::SharedState;
use crate::core::report::{json, link, markdown};
use crate::core::route::{self, Section};
use crate::ui::browser_state;

/// The report's action bar.
#[component]
pub fn ReportActions(
    state: ReadSignal<SharedState>,
    report: Memo<DecisionReport>,
) -> impl IntoView {
    let address = Memo::new(move |_| {
        let fragment = route::href(Section::Report, &state.with(link::encode));
        browser_state::address_with(&fragment)
    });
    let copied = RwSignal::new(false);
    Effect::new(move |_| {
        address.track();
        copied.set(false);
    });
    let copy = move |_| {
        browser_state::copy_to_clipboard(&address.get_untracked());
        copied.set(true);
    };
    let download_markdown = move |_| {
        let text = report.with_untracked(markdown::to_markdown);
        browser_state::download_text("tunewise-report.md", "text/markdown", &text);
    };
    let download_json = move |_| {
        let text = report.with_untracked(json::to_json);
        browser_state::download_text("tunewise-report.json", "application/json", &text);
    };
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! {
        <div class="report-actions" role="group" aria-label="Share, download or print this report">
            <div class="actions">
                <button type="button" class="primary" on:click=download_markdown>"Download Markdown"</button>
                <button type="button" class="secondary" on:click=download_json>"Download JSON"</button>
                <button type="button" class="secondary" on:click=print>"Print"</button>
            </div>
            <div class="share">
                <label for="report-link">"Link to this report"</label>
                <div class="share-row">
                    <input id="report-link" type="text" readonly prop:value=move || address.get()
                        on:focus=move |ev| {
                            use wasm_bindgen::JsCast;
                            if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                                input.select();
                            }
                        } />
                    <button type="button" class="secondary" on:click=copy>"Copy link to this report"</button>
                </div>
                <p class="status" role="status">{move || copied.get().then_some("Link copied.")}</p>
            </div>
        </div>
    }
}
