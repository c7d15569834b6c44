//! (contract stub: helper A replaces this file)
use leptos::prelude::*;

use crate::core::training::early_stopping::StoppingSettings;

/// The run explorer (placeholder).
#[component]
pub fn RunExplorer(settings: RwSignal<StoppingSettings>) -> impl IntoView {
    let _ = settings;
    view! { <section aria-labelledby="run-title"><h2 id="run-title">"Run explorer"</h2></section> }
}
