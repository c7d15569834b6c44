//! Reference page: every adaptation approach explained.

use leptos::prelude::*;

use crate::core::decision::approaches;
use crate::core::route::{self, Section};
use crate::ui::browser_state;
use crate::ui::decision::approach_card::{ApproachCard, summary_id};

/// All explainers, open, after a list of links to each
/// (`#/approaches?focus=<id>`, which the shell follows by focusing the card).
#[component]
pub fn ApproachesPage() -> impl IntoView {
    let contents = approaches::ALL
        .iter()
        .map(|a| {
            let href = route::href(Section::Approaches, &approaches::focus_query(a.id));
            // The same link twice changes no fragment: focus the card anyway.
            let focus = move |_| browser_state::focus_after_paint(summary_id(a));
            view! { <li><a href=href on:click=focus>{a.name()}</a></li> }
        })
        .collect_view();
    view! {
        <section class="page approaches-page" aria-labelledby="approaches-title">
            <h1 id="approaches-title">"Ways to adapt a model"</h1>
            <p class="lede">
                "From cheapest and lightest to deepest: prompt engineering and RAG change what the model is given "
                "on each request; the others train it, from a small adapter to new weights or a new, smaller model. "
                "Costs are tunewise's dated estimates. Use the wizard to pick one for your task."
            </p>
            <nav class="toc" aria-label="On this page"><ul>{contents}</ul></nav>
            <div class="cards">
                {approaches::ALL.iter().map(|a| view! { <ApproachCard approach=a open=true /> }).collect_view()}
            </div>
        </section>
    }
}
