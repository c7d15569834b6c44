//! The header: product name and navigation between sections.

use leptos::prelude::*;

use crate::core::route::{self, Section};
use crate::core::wizard_link::{self, WizardState};

/// Product name and section links; the current section is marked with
/// `aria-current="page"`.
#[component]
pub fn SiteHeader(section: RwSignal<Section>, wizard: RwSignal<WizardState>) -> impl IntoView {
    let links = Section::ALL.map(|s| {
        let href = move || {
            if s == Section::Wizard {
                route::href(s, &wizard.with(wizard_link::encode))
            } else {
                route::href(s, "")
            }
        };
        let current = move || (section.get() == s).then_some("page");
        view! { <li><a href=href aria-current=current>{s.label()}</a></li> }
    });
    view! {
        <header class="site-header">
            <a class="brand" href="#/wizard">
                <span class="brand-mark" aria-hidden="true">"◆"</span>
                "tunewise"
            </a>
            <nav aria-label="Sections">
                <ul>{links.into_iter().collect_view()}</ul>
            </nav>
        </header>
    }
}
