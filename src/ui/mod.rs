//! The web UI: an app shell over the core. Components read signals, call
//! `crate::core` and render; they compute nothing of their own.

pub mod browser_state;
mod components;
mod pages;

use leptos::prelude::*;

use crate::core::route::{self, Section};
use crate::core::wizard_link::{self, WizardState};
use components::site_header::SiteHeader;
use pages::{approaches::ApproachesPage, wizard::WizardPage};

/// Starts the app: installs the panic hook and mounts [`App`] on `<body>`.
pub fn mount() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_crash_notice();
    }));
    leptos::mount::mount_to_body(App);
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

/// The app shell: header, navigation and the current section.
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

    // Persist every change, and keep the address bar shareable.
    Effect::new(move |_| {
        let query = wizard.with(wizard_link::encode);
        browser_state::save(browser_state::WIZARD_KEY, &query);
        let s = section.get();
        let q = if s == Section::Wizard {
            query.as_str()
        } else {
            ""
        };
        browser_state::replace_fragment(&route::href(s, q));
        browser_state::set_title(s.title());
    });

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
        <a class="skip-link" href="#main" on:click=move |ev| {
            ev.prevent_default();
            browser_state::focus_after_paint("main");
        }>"Skip to content"</a>
        <SiteHeader section wizard />
        <main id="main" tabindex="-1">
            {move || match section.get() {
                Section::Wizard => view! { <WizardPage state=wizard /> }.into_any(),
                Section::Approaches => view! { <ApproachesPage /> }.into_any(),
            }}
        </main>
        <footer class="site-footer">
            <p>"tunewise runs entirely in your browser: nothing you enter leaves this page."</p>
        </footer>
    }
}
