//! The web UI: an app shell over the core. Components read signals, call
//! `crate::core` and render; they compute nothing of their own.

pub mod browser_state;
mod components;
mod pages;
mod validation_client;

use leptos::prelude::*;

use crate::core::costs::scenario::{self, Scenario};
use crate::core::decision::wizard_link::{self, WizardState};
use crate::core::route::{self, Page, Section};
use components::page_frame::PageFrame;
use pages::{
    approaches::ApproachesPage, costs::CostsPage, dataset::DatasetPage, wizard::WizardPage,
};

fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_crash_notice();
    }));
}

/// Starts `index.html`: installs the panic hook and mounts [`App`].
pub fn mount() {
    install_panic_hook();
    leptos::mount::mount_to_body(App);
}

/// Starts `costs.html`: installs the panic hook and mounts [`CostsApp`].
pub fn mount_costs() {
    install_panic_hook();
    leptos::mount::mount_to_body(CostsApp);
}

/// Starts `dataset.html`: installs the panic hook and mounts [`DatasetApp`].
pub fn mount_dataset() {
    install_panic_hook();
    leptos::mount::mount_to_body(DatasetApp);
}

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

/// Replaces the page with a short notice if the app crashes, so the user
/// never faces a blank page. Saved answers survive a reload.
fn show_crash_notice() {
    if let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    {
        body.set_inner_html(
            "<main class=\"crash\" role=\"alert\"><h1>tunewise stopped unexpectedly</h1>\
             <p>Your answers are saved. <a href=\"\">Reload the page</a> to continue.</p></main>",
        );
    }
}

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

    view! {
        <PageFrame section=section.into() page=Page::Main
            query=wizard_query.into()>
            {move || match section.get() {
                Section::Wizard => view! { <WizardPage state=wizard /> }.into_any(),
                Section::Approaches => view! { <ApproachesPage /> }.into_any(),
                // The calculator lives on its own page; an old or hand-typed
                // `#/costs` link on this page goes there, state and all.
                Section::Costs | Section::Dataset => {
                    let target = section.get().page();
                    let fragment = browser_state::fragment();
                    browser_state::go_to(&format!("{}{}", target.url(), fragment));
                    view! { <p>"Opening…"</p> }.into_any()
                }
            }}
        </PageFrame>
    }
}

/// The shell of `costs.html`: header and the cost calculator.
#[component]
pub fn CostsApp() -> impl IntoView {
    let start = route::parse(&browser_state::fragment());
    let today = browser_state::today();
    let costs = RwSignal::new(starting_costs(&start, &today));
    // Settles 120 ms after the last change: tables, storage and the address
    // follow it (browsers throttle history updates during a drag).
    let settled = RwSignal::new(costs.get_untracked());
    let pending = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |_| {
        let next = costs.get();
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
        let handle = set_timeout_with_handle(
            move || settled.set(next),
            std::time::Duration::from_millis(120),
        )
        .ok();
        pending.set_value(handle);
    });
    let settled_query = Memo::new(move |_| settled.with(scenario::encode));
    Effect::new(move |_| persist_costs(&settled_query.get()));
    browser_state::set_title(Section::Costs.title());
    // Leaving or reloading within the settle delay must not lose the last edit.
    let flush = window_event_listener(leptos::ev::pagehide, move |_| {
        persist_costs(&costs.with_untracked(scenario::encode));
    });
    on_cleanup(move || flush.remove());
    // A pasted link changes only the fragment.
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        let r = route::parse(&browser_state::fragment());
        if !r.query.is_empty() {
            let incoming = scenario::decode(&r.query, &browser_state::today());
            if costs.with_untracked(|c| *c != incoming) {
                costs.set(incoming);
            }
        }
    });
    on_cleanup(move || listener.remove());
    view! {
        <PageFrame section=Signal::stored(Section::Costs) page=Page::Costs
            query=settled_query.into()>
            <CostsPage scenario=costs settled />
        </PageFrame>
    }
}

/// Saves the calculator's state and puts it in the address.
fn persist_costs(query: &str) {
    browser_state::save(browser_state::COSTS_KEY, query);
    browser_state::replace_fragment(&route::href(Section::Costs, query));
}

/// The calculator's starting state: a link's, else the stored one, else
/// the examples. A link that changes nothing never wipes stored work.
fn starting_costs(start: &route::Route, today: &str) -> Scenario {
    let defaults = scenario::default_scenario(today);
    let stored = browser_state::load(browser_state::COSTS_KEY);
    // On a reload, storage (flushed when the page was left) is newer than
    // the address, which follows edits only once they settle.
    if browser_state::is_reload()
        && let Some(stored) = &stored
    {
        return scenario::decode(stored, today);
    }
    if !start.query.is_empty() {
        let from_link = scenario::decode(&start.query, today);
        if from_link != defaults {
            return from_link;
        }
    }
    match stored {
        Some(stored) => scenario::decode(&stored, today),
        None => defaults,
    }
}
