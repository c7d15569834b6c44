//! The decision wizard: one question at a time, then the recommendation.

use leptos::prelude::*;

use crate::core::decision::walk::walk;
use crate::core::decision::wizard_link::{Shown, WizardState};
use crate::ui::browser_state;
use crate::ui::decision::decision_tree::DecisionTree;
use crate::ui::decision::path_list::PathList;
use crate::ui::decision::result_view::ResultView;
use crate::ui::decision::step_form::StepForm;
use crate::ui::decision::wizard_heading::HEADING_ID;

/// The wizard page. `state` is owned by the app shell, which persists it.
#[component]
pub fn WizardPage(state: RwSignal<WizardState>) -> impl IntoView {
    let shown = Memo::new(move |_| state.with(WizardState::shown));
    let walk = Memo::new(move |_| state.with(|s| walk(&s.answers)));

    // Move focus to the new heading when the user moves through the wizard
    // (not on first load, so a screen reader starts at the top).
    Effect::new(move |previous: Option<Shown>| {
        let now = shown.get();
        if previous.is_some_and(|p| p != now) {
            browser_state::focus_after_paint(HEADING_ID);
        }
        now
    });

    // Starting over keeps the previous answers for one undo.
    let cleared = RwSignal::new(None::<WizardState>);
    let restart = move |_| {
        let previous = state.get_untracked();
        if !previous.answers.is_empty() {
            cleared.set(Some(previous));
        }
        state.set(WizardState::default());
    };
    let undo = move |_| {
        if let Some(previous) = cleared.get_untracked() {
            state.set(previous);
            cleared.set(None);
        }
    };

    view! {
        <div class="page-intro">
            <h1>"Should we fine-tune?"</h1>
            <p class="lede">
                "Five questions, from the cheapest lever to the deepest. Tick what holds for your task; "
                "tunewise suggests an answer, you decide."
            </p>
        </div>
        <div class="wizard">
            <div class="wizard-main">
                // Keyed, so each step gets fresh form elements: reusing the
                // previous step's radios would let the browser's radio-group
                // rules uncheck the restored answer while names are swapped.
                <For each=move || std::iter::once(shown.get()) key=|s| *s let(shown)>
                    {match shown {
                        Shown::Step(step) => view! { <StepForm step state /> }.into_any(),
                        Shown::Result(outcome) => view! { <ResultView outcome state walk /> }.into_any(),
                    }}
                </For>
            </div>
            <aside class="wizard-aside" aria-label="Your progress">
                <h2 class="aside-title">"Your path"</h2>
                <PathList state />
                <div class="restart">
                    <button type="button" class="secondary" on:click=restart>"Start over"</button>
                    <p class="status" role="status">
                        {move || cleared.get().map(|_| view! {
                            "Answers cleared. "
                            <button type="button" class="link-button" on:click=undo>"Undo"</button>
                        })}
                    </p>
                </div>
                // On the result view the tree is drawn in the main column.
                <Show when=move || matches!(shown.get(), Shown::Step(_))>
                    <details class="tree-details" open>
                        <summary>"The whole decision tree"</summary>
                        <DecisionTree walk />
                    </details>
                </Show>
            </aside>
        </div>
    }
}
