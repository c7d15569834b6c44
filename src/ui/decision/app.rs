//! The shell of `index.html`: the wizard's state, kept in local storage and
//! the address, and the wizard or the approach explainers.

use leptos::prelude::*;

use crate::core::decision::approaches;
use crate::core::decision::wizard_link::{self, Shown, WizardState};
use crate::core::route::{self, Page, Section};
use crate::ui::browser_state;
use crate::ui::decision::approach_card::summary_id;
use crate::ui::decision::approaches_page::ApproachesPage;
use crate::ui::decision::wizard_page::WizardPage;
use crate::ui::shared::page_frame::PageFrame;

/// The shell of `index.html`: header, navigation, and the wizard or the
/// approach explainers.
#[component]
pub fn App() -> impl IntoView {
    let start = route::parse(&browser_state::fragment());
    let section = RwSignal::new(start.section);
    // `#/approaches?focus=<id>` opens the explainers on that card; `true`
    // when it names one.
    let focus_card = |r: &route::Route| {
        let card = (r.section == Section::Approaches)
            .then(|| approaches::focused(&r.query))
            .flatten();
        card.map(|a| browser_state::focus_after_paint(summary_id(a)))
            .is_some()
    };
    focus_card(&start);
    let link_query = if start.section == Section::Wizard {
        start.query.as_str()
    } else {
        ""
    };
    let stored = browser_state::load(browser_state::WIZARD_KEY);
    let initial = wizard_link::starting_state(link_query, stored.as_deref());
    let wizard = RwSignal::new(initial);
    let wizard_query = Memo::new(move |_| wizard.with(wizard_link::encode));

    // The next change comes from the address (Back, Forward, a link) or from
    // another tab: it rewrites the current history entry, adds none.
    let quiet = StoredValue::new(false);

    // Persist every change, and keep the address bar shareable. Moving to
    // another step adds a history entry, so the browser's Back returns to
    // the step before; edits on a step (ticks, answers, budget) only
    // rewrite the current entry.
    Effect::new(move |previous: Option<Option<Shown>>| {
        let query = wizard_query.get();
        let shown = wizard.with(WizardState::shown);
        browser_state::save(browser_state::WIZARD_KEY, &query);
        if section.get() != Section::Wizard {
            return None;
        }
        let href = route::href(Section::Wizard, &query);
        let moved = matches!(previous, Some(Some(before)) if before != shown);
        if moved && !quiet.get_value() {
            browser_state::push_wizard_fragment(&href);
        } else {
            browser_state::replace_wizard_fragment(&href);
        }
        quiet.set_value(false);
        Some(shown)
    });
    Effect::new(move |_| browser_state::set_title(section.get().title()));

    // Back, Forward, links or a pasted address change the address: show
    // what it holds. Back and Forward fire `popstate` (and `hashchange`
    // when the fragment differs); applying the same address twice is a
    // no-op.
    let follow_address = move || {
        let r = route::parse(&browser_state::fragment());
        // Set only when it changes: setting it re-renders the whole page.
        let section_changed = section.get_untracked() != r.section;
        if section_changed {
            section.set(r.section);
        }
        if r.section == Section::Wizard {
            let incoming: WizardState = wizard_link::decode(&r.query);
            let next = if browser_state::is_wizard_entry() {
                // One of the wizard's own entries: go to its step.
                wizard.with_untracked(|w| wizard_link::on_history_entry(w, &incoming))
            } else if incoming.answers.is_empty() {
                // A link without answers (e.g. a nav link) keeps the current state.
                wizard.get_untracked()
            } else {
                incoming
            };
            if wizard.with_untracked(|w| *w != next) {
                quiet.set_value(true);
                wizard.set(next);
            }
        }
        // A new section starts at its top, or at the card a link names; a
        // new step focuses its heading (the wizard page does that).
        if !focus_card(&r) && section_changed {
            browser_state::focus_after_paint("main");
        }
    };
    let on_hash = window_event_listener(leptos::ev::hashchange, move |_| follow_address());
    let on_pop = window_event_listener(leptos::ev::popstate, move |_| follow_address());
    on_cleanup(move || {
        on_hash.remove();
        on_pop.remove();
    });
    // Another tab changed the wizard: follow it. The save above then stores
    // the same text again, which fires no event, so tabs never loop.
    browser_state::on_storage_change(move |key, value| {
        if key == browser_state::WIZARD_KEY {
            let incoming = value.map(|q| wizard_link::decode(&q)).unwrap_or_default();
            if wizard.with_untracked(|w| *w != incoming) {
                quiet.set_value(true);
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
                Section::Costs | Section::Dataset | Section::Training | Section::Report | Section::Practice => {
                    let target = section.get().page();
                    let fragment = browser_state::fragment();
                    browser_state::go_to(&format!("{}{}", target.url(), fragment));
                    view! { <p>"Opening…"</p> }.into_any()
                }
            }}
        </PageFrame>
    }
}
