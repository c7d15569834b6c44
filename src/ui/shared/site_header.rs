//! The header: product name and navigation between sections.

use leptos::prelude::*;

use crate::core::route::{self, Page, Section};

/// Product name and section links; the current section is marked with
/// `aria-current="page"`. `query` is the shareable state of the stateful
/// section shown on this page, carried in its link.
#[component]
pub fn SiteHeader(section: Signal<Section>, page: Page, query: Signal<String>) -> impl IntoView {
    let links = Section::ALL.map(|s| {
        let href = move || {
            let stateful = s.page() == page && s != Section::Approaches;
            route::link(
                s,
                if stateful { query.get() } else { String::new() }.as_str(),
                page,
            )
        };
        let current = move || (section.get() == s).then_some("page");
        view! { <li><a href=href aria-current=current>{s.label()}</a></li> }
    });
    view! {
        <header class="site-header">
            <a class="brand" href=route::link(Section::Wizard, "", page)>
                <span class="brand-mark" aria-hidden="true">"◆"</span>
                "tunewise"
            </a>
            <nav aria-label="Sections">
                <ul>{links.into_iter().collect_view()}</ul>
            </nav>
        </header>
    }
}
