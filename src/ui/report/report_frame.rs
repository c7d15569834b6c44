//! The report page's frame: skip link, the site's header with the report
//! marked as the current page, the main landmark and the footer.

use leptos::prelude::*;

use crate::core::route::{self, Page, Section};
use crate::ui::browser_state;

/// Frames the report's content.
#[component]
pub fn ReportFrame(children: Children) -> impl IntoView {
    let links = Section::ALL
        .map(|s| {
            let current = (s == Section::Report).then_some("page");
            view! { <li><a href=route::link(s, "", Page::Report) aria-current=current>{s.label()}</a></li> }
        })
        .into_iter()
        .collect_view();
    view! {
        <a class="skip-link" href="#main" on:click=move |ev| {
            ev.prevent_default();
            browser_state::focus_after_paint("main");
        }>"Skip to content"</a>
        <header class="site-header">
            <a class="brand" href=route::link(Section::Wizard, "", Page::Report)>
                <span class="brand-mark" aria-hidden="true">"◆"</span>
                "tunewise"
            </a>
            <nav aria-label="Sections">
                <ul>{links}</ul>
            </nav>
        </header>
        <main id="main" tabindex="-1">{children()}</main>
        <footer class="site-footer">
            <p>"tunewise runs entirely in your browser: nothing you enter leaves this page."</p>
        </footer>
    }
}
