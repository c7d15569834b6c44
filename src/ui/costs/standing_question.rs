//! The one question the calculator asks about the user's organisation:
//! whether it already trains at a provider that closes training by
//! history (OpenAI since 2026-05-07), which decides what is available.

use leptos::prelude::*;

use crate::core::costs::prices::{self, OrgStanding};
use crate::core::costs::scenario::{self, Scenario};

/// Radio buttons for [`OrgStanding`]; answering swaps untouched example
/// approaches to the presets available to that organisation.
#[component]
pub fn StandingQuestion(scenario: RwSignal<Scenario>) -> impl IntoView {
    let providers = prices::standing_providers().join(" or ");
    let standing = move || scenario.with(|s| s.standing);
    view! {
        <fieldset class="standing">
            <legend>{format!("Has your organisation run fine-tuning jobs at {providers}?")}</legend>
            <p class="hint">
                {format!("{providers} no longer takes training from organisations new to it, and closes to the rest on a later date; the answer decides which presets you can use.")}
            </p>
            <div class="choices">
                {OrgStanding::ALL.into_iter().map(|choice| {
                    let id = format!("org-{}", choice.id());
                    view! {
                        <div class="check">
                            <input type="radio" name="org-standing" id=id.clone() value=choice.id()
                                prop:checked=move || standing() == choice
                                on:change=move |_| scenario.update(|s| *s = scenario::with_standing(s, choice)) />
                            <label for=id>{choice.label()}</label>
                        </div>
                    }
                }).collect_view()}
            </div>
        </fieldset>
    }
}
