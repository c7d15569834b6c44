//! The shell of `index.html`: the wizard's state, kept in local storage and
//! the address, and the wizard or the approach explainers.

use leptos::prelude::*;

use crate::core::decision::wizard_link::{self, WizardState};
use crate::core::route::{self, Page, Section};
use crate::ui::browser_state;
use crate::ui::decision::approaches_page::ApproachesPage;
use crate::ui::decision::wizard_page::WizardPage;
use crate::ui::shared::page_frame::PageFrame;

/// The shell of `index.html`: header, navigation, and the wizard or the
/// approach explainers.
#[component]
pub fn App() -> impl IntoView {
    let start = route::parse(&browser_state::fragment());
    let section = RwSignal::new(start.section);
    let link_query = if start.section == Section::Wizard {
        start.query.as_str()
    } else {
        ""
    };
    let stored = browser_state::load(browser_state::WIZARD_KEY);
    let initial = wizard_link::starting_state(link_query, stored.as_deref());
    let wizard = RwSignal::new(initial);
    let wizard_query = Memo::new(move |_| wizard.with(wizard_link::encode));

    // Persist every change, and keep the address bar shareable.
    Effect::new(move |_| {
        let query = wizard_query.get();
        browser_state::save(browser_state::WIZARD_KEY, &query);
        if section.get() == Section::Wizard {
            browser_state::replace_fragment(&route::href(Section::Wizard, &query));
        }
    });
    Effect::new(move |_| browser_state::set_title(section.get().title()));

    // Links, the back button or a pasted address change the fragment.
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        let r = route::parse(&browser_state::fragment());
        section.set(r.section);
        if r.section == Section::Wizard {
            let incoming: WizardState = wizard_link::decode(&r.query);
            // A link without answers (e.g. a nav link) keeps the current state.
            if !incoming.answers.is_empty() && wizard.with_untracked(|w| *w != incoming) {
                wizard.set(incoming);
            }
        }

        browser_state::focus_after_paint("main");
    });
    on_cleanup(move || listener.remove());
    // Another tab changed the wizard: follow it. The save above then stores
    // the same text again, which fires no event, so tabs never loop.
    browser_state::on_storage_change(move |key, value| {
        if key == browser_state::WIZARD_KEY {
            let incoming = value.map(|q| wizard_link::decode(&q)).unwrap_or_default();
            if wizard.with_untracked(|w| *w != incoming) {
                wizard.set(incoming);
            }
        }
    });

    view! {
        <PageFrame section=section.into() page=Page::Main
            query=wizard_query.into()>
            {move || match section.get() {
                Section::Wizard => view! { <WizardPage state=wizard /> }.into_any(),
                Section::Approaches => view! { <ApproachesPage /> }.into_any(),
                // The calculator lives on its own page; an old or hand-typed
                // `#/costs` link on this page goes there, state and all.
                Section::Costs | Section::Dataset | Section::Report => {
                    let target = section.get().page();
                    let fragment = browser_state::fragment();
                    browser_state::go_to(&format!("{}{}", target.url(), fragment));
                    view! { <p>"Opening…"</p> }.into_any()
                }
            }}
        </PageFrame>
    }
}
