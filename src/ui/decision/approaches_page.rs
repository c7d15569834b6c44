//! Reference page: every adaptation approach explained.

use leptos::prelude::*;

use crate::core::decision::approaches;
use crate::ui::decision::approach_card::ApproachCard;

/// All explainers, open, with a table of contents.
#[component]
pub fn ApproachesPage() -> impl IntoView {
    view! {
        <section class="page approaches-page" aria-labelledby="approaches-title">
            <h1 id="approaches-title">"Ways to adapt a model"</h1>
            <p class="lede">
                "From cheapest to deepest: prompt engineering and retrieval change what the model is given; "
                "the approaches below change the model itself. Use the wizard to pick one for your task."
            </p>
            <div class="cards">
                {approaches::ALL.iter().map(|a| view! { <ApproachCard approach=a open=true /> }).collect_view()}
            </div>
        </section>
    }
}
