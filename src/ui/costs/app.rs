//! The shell of `costs.html`: the calculator's state, kept in local
//! storage and the address, settled before the heavy views follow it.

use leptos::prelude::*;

use crate::core::costs::scenario::{self, Scenario};
use crate::core::route::{self, Page, Section};
use crate::ui::browser_state;
use crate::ui::costs::costs_page::CostsPage;
use crate::ui::shared::page_frame::PageFrame;

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
        // The address being left first: a reload loads that one.
        browser_state::mark_leaving();
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
    // Another tab changed the calculator: follow it at once (both the
    // edited and the settled state, so no late save of this tab's older
    // state overwrites it). Saving the same text again fires no event, so
    // tabs never answer each other in a loop.
    browser_state::on_storage_change(move |key, value| {
        if key == browser_state::COSTS_KEY {
            let today = browser_state::today();
            let incoming = value
                .map(|q| scenario::decode(&q, &today))
                .unwrap_or_else(|| scenario::default_scenario(&today));
            if costs.with_untracked(|c| *c != incoming) {
                if let Some(handle) = pending.get_value() {
                    handle.clear();
                }
                settled.set(incoming.clone());
                costs.set(incoming);
            }
        }
    });
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
