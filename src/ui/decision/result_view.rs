//! The recommendation at the end of the wizard: what, why, what next, and
//! the explainers that go with it.

use leptos::prelude::*;

use crate::core::costs::scenario as cost_scenario;
use crate::core::decision::approaches;
use crate::core::decision::suggest::reasons;
use crate::core::decision::tree::Outcome;
use crate::core::decision::walk::Walk;
use crate::core::decision::wizard_link::{self, WizardState};
use crate::core::report::recommended_approach;
use crate::core::route::{self, Page, Section};
use crate::ui::browser_state;
use crate::ui::decision::approach_card::ApproachCard;
use crate::ui::decision::decision_tree::DecisionTree;
use crate::ui::decision::wizard_heading::HEADING_ID;

/// The result view for `outcome`.
#[component]
pub fn ResultView(
    outcome: Outcome,
    state: RwSignal<WizardState>,
    walk: Memo<Walk>,
) -> impl IntoView {
    let why = move || {
        state.with(|s| {
            walk.with(|w| reasons(&s.answers, w))
                .into_iter()
                .map(|r| view! { <li>{r}</li> })
                .collect_view()
        })
    };
    let link = move || {
        let fragment = route::href(Section::Wizard, &state.with(wizard_link::encode));
        browser_state::address_with(&fragment)
    };
    let copied = RwSignal::new(false);
    let copy = move |_| {
        browser_state::copy_to_clipboard(&link());
        copied.set(true);
    };
    let back = move |_| {
        let last = walk.with(|w| w.path.last().map(|(s, _)| *s));
        state.update(|s| s.viewing = last);
    };
    // The numbers behind the recommendation: the calculator with the
    // recommended approach marked, the dataset report, the decision report.
    let today = browser_state::today();
    let costs = browser_state::load_costs(&today);
    let choice =
        recommended_approach::choose(&costs, recommended_approach::recommended_kinds(outcome));
    let costs_query = cost_scenario::encode(&costs);
    let (costs_href, costs_text) = match &choice {
        Some(c) => (
            format!(
                "{}{}",
                Page::Costs.url(),
                route::href(
                    Section::Costs,
                    &cost_scenario::with_highlight(&costs_query, c.index)
                )
            ),
            format!(
                "Compare the costs, with {} marked, in the calculator",
                costs.approaches[c.index].name
            ),
        ),
        None => (
            format!(
                "{}{}",
                Page::Costs.url(),
                route::href(Section::Costs, &costs_query)
            ),
            "Compare the costs in the calculator".to_string(),
        ),
    };
    let dataset_text = match browser_state::load_dataset_brief() {
        Some(b) => format!("The dataset report: {}", b.headline()),
        None => "Check your training data with the dataset validator".to_string(),
    };
    let related = approaches::related(outcome);
    let cards = approaches::ALL
        .iter()
        .map(|a| view! { <ApproachCard approach=a open=related.contains(&a.id) /> })
        .collect_view();

    view! {
        <section class="result" aria-labelledby=HEADING_ID>
            <p class="eyebrow">"Recommendation"</p>
            <h2 id=HEADING_ID tabindex="-1">{outcome.title()}</h2>
            <p class="summary">{outcome.summary()}</p>
            <h3>"Why"</h3>
            <ul class="reasons">{why}</ul>
            <h3>"What to do next"</h3>
            <ol class="next-steps">
                {outcome.next_steps().iter().map(|s| view! { <li>{*s}</li> }).collect_view()}
            </ol>
            <h3>"The numbers behind it"</h3>
            <ul class="evidence-links">
                <li><a href=costs_href>{costs_text}</a></li>
                <li><a href=Page::Dataset.url()>{dataset_text}</a></li>
                <li><a href=Page::Report.url()>"The decision report: recommendation, costs, break-even and sources, to keep or forward"</a></li>
            </ul>
            <h3>"Your path on the decision tree"</h3>
            <div class="tree-main"><DecisionTree walk /></div>
            <div class="share">
                <label for="share-link">"Link to this result"</label>
                <div class="share-row">
                    <input id="share-link" type="text" readonly prop:value=link
                        on:focus=move |ev| {
                            use wasm_bindgen::JsCast;
                            if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                                input.select();
                            }
                        } />
                    <button type="button" class="secondary" on:click=copy>"Copy link"</button>
                </div>
                <p class="status" role="status">{move || copied.get().then_some("Link copied.")}</p>
            </div>
            <div class="actions">
                <button type="button" class="secondary" on:click=back>"Back"</button>
            </div>
            <h3 id="approaches-heading">"Approaches explained"</h3>
            <div class="cards">{cards}</div>
        </section>
    }
}
