//! The path taken so far, as a list of buttons that jump to each step.

use leptos::prelude::*;

use crate::core::decision::walk::{WalkEnd, walk};
use crate::core::decision::wizard_link::{Shown, WizardState};

/// Ordered list of the steps on the walk, each with its answer; clicking one
/// shows that step. The shown entry carries `aria-current="step"`.
#[component]
pub fn PathList(state: RwSignal<WizardState>) -> impl IntoView {
    let entries = move || {
        let s = state.get();
        let w = walk(&s.answers);
        let shown = s.shown();
        let mut items: Vec<AnyView> = w
            .path
            .iter()
            .map(|(step, answer)| {
                let step = *step;
                let current = (shown == Shown::Step(step)).then_some("step");
                view! {
                    <li>
                        <button type="button" class="path-item" aria-current=current
                            on:click=move |_| state.update(|s| s.viewing = Some(step))>
                            <span class="path-q">"Step "{step.number()}": "{step.question()}</span>" "
                            <span class="path-a">{answer.label()}</span>
                        </button>
                    </li>
                }
                .into_any()
            })
            .collect();
        match w.end {
            WalkEnd::Pending(step) => {
                let current = (shown == Shown::Step(step)).then_some("step");
                items.push(
                    view! {
                        <li>
                            <button type="button" class="path-item pending" aria-current=current
                                on:click=move |_| state.update(|s| s.viewing = None)>
                                <span class="path-q">"Step "{step.number()}": "{step.question()}</span>" "
                                <span class="path-a">"not answered"</span>
                            </button>
                        </li>
                    }
                    .into_any(),
                );
            }
            WalkEnd::Outcome(outcome) => {
                let current = matches!(shown, Shown::Result(_)).then_some("step");
                items.push(
                    view! {
                        <li>
                            <button type="button" class="path-item outcome" aria-current=current
                                on:click=move |_| state.update(|s| s.viewing = None)>
                                <span class="path-q">"Result:"</span>" "
                                <span class="path-a">{outcome.title()}</span>
                            </button>
                        </li>
                    }
                    .into_any(),
                );
            }
        }
        items
    };
    view! { <ol class="path-list">{entries}</ol> }
}
