//! What every page shares: skip link, header with navigation, the main
//! landmark (focus target after navigation) and the footer.

use leptos::prelude::*;

use crate::core::route::{Page, Section};
use crate::ui::browser_state;
use crate::ui::shared::site_header::SiteHeader;

/// Frames a page's content; `query` is the shareable state carried by the
/// navigation link of the page's own section.
#[component]
pub fn PageFrame(
    section: Signal<Section>,
    page: Page,
    query: Signal<String>,
    children: Children,
) -> impl IntoView {
    view! {
        <a class="skip-link" href="#main" on:click=move |ev| {
            ev.prevent_default();
            browser_state::focus_after_paint("main");
        }>"Skip to content"</a>
        <SiteHeader section page query />
        <main id="main" tabindex="-1">{children()}</main>
        <footer class="site-footer">
            <p>"tunewise runs entirely in your browser: nothing you enter leaves this page."</p>
        </footer>
    }
}
