//! One approach's explainer as a disclosure: what, when, pros, cons, cost.

use leptos::prelude::*;

use crate::core::decision::approaches::{Approach, COSTS_AS_OF, COSTS_BASIS};

/// An expandable explainer card.
#[component]
pub fn ApproachCard(approach: &'static Approach, open: bool) -> impl IntoView {
    let list = |items: &'static [&'static str]| {
        items.iter().map(|i| view! { <li>{*i}</li> }).collect_view()
    };
    view! {
        <details class="approach" id=approach.id open=open>
            <summary>{approach.name}</summary>
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
                <p><strong>"Typical cost. "</strong>{approach.cost}</p>
                <p class="source">"Source: "{COSTS_BASIS}" As of "{COSTS_AS_OF}"."</p>
            </div>
        </details>
    }
}
