//! (to be written)
use leptos::prelude::*;

/// A/B test sizing (placeholder).
#[component]
pub fn AbTestSizing() -> impl IntoView {
    view! { <section aria-labelledby="ab-title"><h2 id="ab-title">"A/B test sizing"</h2></section> }
}
