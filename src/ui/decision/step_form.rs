//! One question of the wizard: its checklist, the suggested answer, the
//! user's answer and the buttons to move on.

use leptos::prelude::*;

use crate::core::decision::suggest::suggest;
use crate::core::decision::tree::{Next, Step};
use crate::core::decision::wizard_link::WizardState;
use crate::ui::browser_state;
use crate::ui::decision::budget_panel::BudgetPanel;
use crate::ui::decision::data_evidence_panel::DataEvidencePanel;
use crate::ui::decision::wizard_heading::HEADING_ID;

/// The form for `step`. Picking an answer keeps this step in view; "Next"
/// moves on.
#[component]
pub fn StepForm(step: Step, state: RwSignal<WizardState>) -> impl IntoView {
    let answer = Memo::new(move |_| state.with(|s| s.answers.get(step)));
    let suggestion = Memo::new(move |_| state.with(|s| suggest(step, &s.answers)));
    let any_ticked = Memo::new(move |_| state.with(|s| !s.answers.ticked(step).is_empty()));

    let criteria = step
        .criteria()
        .iter()
        .map(|c| {
            let id = format!("crit-{}-{}", step.key(), c.key);
            let hint_id = format!("{id}-hint");
            view! {
                <div class="check">
                    <input type="checkbox" id=id.clone() aria-describedby=hint_id.clone()
                        prop:checked=move || state.with(|s| s.answers.is_ticked(step, c.key))
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            state.update(|s| s.answers.set_ticked(step, c.key, on));
                        } />
                    <label for=id>{c.label}</label>
                    <p class="hint" id=hint_id>{c.hint}</p>
                </div>
            }
        })
        .collect_view();

    let options = step
        .options()
        .iter()
        .map(|a| {
            let a = *a;
            let id = format!("answer-{}-{}", step.key(), a.key());
            let hint_id = format!("{id}-hint");
            view! {
                <div class="choice">
                    <input type="radio" name=format!("answer-{}", step.key()) id=id.clone()
                        aria-describedby=hint_id.clone()
                        prop:checked=move || answer.get() == Some(a)
                        on:change=move |_| state.update(|s| {
                            s.answers.set(step, Some(a));
                            s.viewing = Some(step);
                        }) />
                    <label for=id>{a.label()}</label>
                    <p class="hint" id=hint_id>{a.hint(step)}</p>
                </div>
            }
        })
        .collect_view();

    // The button is disabled once its answer is chosen, which would drop
    // keyboard focus to the page: focus moves to the chosen answer instead.
    let use_suggestion = move |_| {
        let a = suggestion.get().answer;
        state.update(|s| {
            s.answers.set(step, Some(a));
            s.viewing = Some(step);
        });
        browser_state::focus_after_paint(format!("answer-{}-{}", step.key(), a.key()));
    };
    let go_next = move |_| {
        if let Some(a) = answer.get() {
            state.update(|s| {
                s.viewing = match step.next(a) {
                    Some(Next::Step(n)) => Some(n),
                    _ => None,
                }
            });
        }
    };
    let go_back = move |_| {
        let before = state.with(|s| crate::core::decision::walk::walk(&s.answers).before(step));
        if let Some(b) = before {
            state.update(|s| s.viewing = Some(b));
        }
    };
    let next_label = move || match answer.get().and_then(|a| step.next(a)) {
        Some(Next::Outcome(_)) => "See the recommendation",
        _ => "Next question",
    };

    view! {
        <section class="step" aria-labelledby=HEADING_ID>
            <p class="eyebrow">"Step "{step.number()}" of 5"</p>
            <h2 id=HEADING_ID tabindex="-1">{step.question()}</h2>
            <p class="intro">{step.intro()}</p>
            {(step == Step::TrainingData).then(|| view! { <DataEvidencePanel state /> })}
            {(step == Step::Budget).then(|| view! { <BudgetPanel state /> })}
            <fieldset class="criteria">
                <legend>"What holds for your task?"</legend>
                {criteria}
            </fieldset>
            <div class="suggestion">
                {move || {
                    let s = suggestion.get();
                    let lead = if any_ticked.get() { "Suggested answer: " } else { "With nothing ticked, the suggestion is: " };
                    view! {
                        <p role="status">
                            {lead}<strong>{s.answer.label()}</strong>". "{s.because}
                        </p>
                    }
                }}
                <button type="button" class="secondary" on:click=use_suggestion
                    disabled=move || answer.get() == Some(suggestion.get().answer)>
                    "Use the suggestion"
                </button>
            </div>
            <fieldset class="answer">
                <legend>"Your answer"</legend>
                <div class="choices">{options}</div>
                {move || {
                    let a = answer.get()?;
                    (a != suggestion.get().answer).then(|| view! {
                        <p class="note">"Your answer differs from the suggestion. That is fine: you know your case best."</p>
                    })
                }}
            </fieldset>
            <div class="actions">
                <button type="button" class="secondary" on:click=go_back disabled=step == Step::PromptEngineering>
                    "Back"
                </button>
                <button type="button" class="primary" on:click=go_next disabled=move || answer.get().is_none()>
                    {next_label}
                </button>
            </div>
        </section>
    }
}
