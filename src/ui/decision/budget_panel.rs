//! Step 4's box "Your budget and the calculator": the user's budget (up
//! front and per month), each compared approach's one-off and monthly cost
//! from the calculator's current scenario, and the answer they suggest.
//! A budget (typed, or carried by a link) ticks the cost criteria it
//! decides; the user may still change them until the budget or the
//! calculator's figures change again.

use leptos::prelude::*;

use crate::core::decision::evidence::{self, Budget};
use crate::core::decision::tree::Step;
use crate::core::decision::wizard_link::WizardState;
use crate::core::number_format;
use crate::core::number_parse::parse_number;
use crate::ui::browser_state;

/// Whole dollars from what was typed: empty is "no budget given".
fn read_dollars(text: &str) -> Result<Option<u64>, String> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    let v = parse_number(text)?;
    if v < 0.0 {
        return Err(format!(
            "\u{201c}{}\u{201d} is negative: enter a budget of 0 or more, or leave it empty.",
            text.trim()
        ));
    }
    if v > 1e12 {
        return Err("Enter at most 1,000,000,000,000 dollars.".into());
    }
    Ok(Some(v.round() as u64))
}

/// One optional budget figure with its label and inline error.
#[component]
fn BudgetField(
    id: &'static str,
    label: &'static str,
    value: Signal<Option<u64>>,
    on_change: Callback<Option<u64>>,
) -> impl IntoView {
    let raw = RwSignal::new(
        value
            .get_untracked()
            .map(|v| v.to_string())
            .unwrap_or_default(),
    );
    let error = RwSignal::new(None::<String>);
    let error_id = format!("{id}-error");
    let described = error_id.clone();
    view! {
        <div class="field" class:invalid=move || error.with(Option::is_some)>
            <label for=id>{label}" "<span class="unit">"(USD, optional)"</span></label>
            <input id=id type="text" inputmode="decimal" autocomplete="off" spellcheck="false"
                prop:value=move || raw.get()
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=described
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    raw.set(text.clone());
                    match read_dollars(&text) {
                        Ok(v) => {
                            error.set(None);
                            on_change.run(v);
                        }
                        Err(message) => error.set(Some(message)),
                    }
                } />
            <p class="field-error" id=error_id>{move || error.get()}</p>
        </div>
    }
}

/// The budget evidence on step 4.
#[component]
pub fn BudgetPanel(state: RwSignal<WizardState>) -> impl IntoView {
    let today = browser_state::today();
    let scenario = RwSignal::new(browser_state::load_costs(&today));
    browser_state::on_storage_change(move |key, _| {
        if key == browser_state::COSTS_KEY {
            scenario.set(browser_state::load_costs(&browser_state::today()));
        }
    });
    let budget = Memo::new(move |_| state.with(|s| s.budget));
    let found = Memo::new(move |_| scenario.with(|s| evidence::budget_evidence(budget.get(), s)));
    let set_budget = move |f: fn(&mut Budget, Option<u64>)| {
        Callback::new(move |v: Option<u64>| state.update(|s| f(&mut s.budget, v)))
    };
    // The criteria the budget decides follow it (typed, or from a link),
    // and whenever the calculator's figures change.
    Effect::new(move |_| {
        let ticks = found.get().ticks;
        let differs = state.with_untracked(|s| {
            ticks
                .iter()
                .any(|(key, holds)| s.answers.is_ticked(Step::Budget, key) != *holds)
        });
        if differs {
            state.update(|s| {
                for (key, holds) in &ticks {
                    s.answers.set_ticked(Step::Budget, key, *holds);
                }
            });
        }
    });
    let rows = move || {
        found
            .get()
            .rows
            .into_iter()
            .map(|r| {
                view! {
                    <tr>
                        <th scope="row">{r.name}</th>
                        <td>{number_format::usd(r.one_off)}</td>
                        <td>{number_format::usd(r.monthly)}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <aside class="evidence" aria-labelledby="budget-evidence-title">
            <h3 id="budget-evidence-title">"Your budget and the calculator"</h3>
            <div class="row">
                <BudgetField id="budget-once" label="Training budget, up front"
                    value=Signal::derive(move || budget.get().one_off)
                    on_change=set_budget(|b, v| b.one_off = v) />
                <BudgetField id="budget-month" label="Budget per month"
                    value=Signal::derive(move || budget.get().monthly)
                    on_change=set_budget(|b, v| b.monthly = v) />
            </div>
            <table class="budget-table">
                <caption>
                    {move || format!(
                        "Costs from the calculator at {} requests a month",
                        number_format::count(found.get().monthly_requests)
                    )}
                </caption>
                <thead>
                    <tr><th scope="col">"Approach"</th><th scope="col">"One-off"</th><th scope="col">"Per month"</th></tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            <p role="status">
                {move || match found.get().suggestion {
                    Some(s) => view! {
                        "From your budget: "<strong>{s.answer.label()}</strong>". "{s.because}
                    }
                    .into_any(),
                    None => view! { "Give a budget to compare it with these costs." }.into_any(),
                }}
            </p>
            <p class="hint"><a href="costs.html">"Change the figures in the cost calculator"</a></p>
        </aside>
    }
}
