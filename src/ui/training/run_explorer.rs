//! (to be written)
use leptos::prelude::*;

/// The run explorer (placeholder).
#[component]
pub fn RunExplorer() -> impl IntoView {
    view! { <section aria-labelledby="run-title"><h2 id="run-title">"Run explorer"</h2></section> }
}
