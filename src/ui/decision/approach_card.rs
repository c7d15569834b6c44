//! One approach's explainer as a disclosure: what, when, pros, cons, cost.

use leptos::prelude::*;

use crate::core::decision::approaches::Approach;

/// The id of a card's summary, the element a `focus=<id>` link focuses
/// (the card itself carries the approach's id).
pub fn summary_id(approach: &Approach) -> String {
    format!("{}-name", approach.id)
}

/// An expandable explainer card, `id` = the approach's id.
#[component]
pub fn ApproachCard(approach: &'static Approach, open: bool) -> impl IntoView {
    let list = |items: &'static [&'static str]| {
        items.iter().map(|i| view! { <li>{*i}</li> }).collect_view()
    };
    view! {
        <details class="approach" id=approach.id open=open>
            <summary id=summary_id(approach)>{approach.name()}</summary>
            <div class="approach-body">
                <p><strong>"What it is. "</strong>{approach.what}</p>
                <p><strong>"When to use it. "</strong>{approach.when}</p>
                <div class="pros-cons">
                    <div>
                        <h4>"Advantages"</h4>
                        <ul>{list(approach.advantages)}</ul>
                    </div>
                    <div>
                        <h4>"Disadvantages"</h4>
                        <ul>{list(approach.disadvantages)}</ul>
                    </div>
                </div>
                <p><strong>"Typical cost (estimate). "</strong>{approach.cost}</p>
                <p class="source">"Basis: "{approach.cost_basis()}" As of "{approach.cost_as_of()}"."</p>
            </div>
        </details>
    }
}
