//! The textbook break-even rule on its own, for people learning it:
//! requests = training cost ÷ saving per request.

use leptos::prelude::*;

use crate::core::costs::approach_cost::{ApproachCost, FieldKind};
use crate::core::costs::break_even::{simple_break_even, simple_months};
use crate::core::costs::scenario::Scenario;
use crate::core::costs::simple_inputs::simple_inputs;
use crate::core::number_format;
use crate::ui::shared::number_field::NumberField;

/// Three inputs and the two results of the simple rule; says whether they
/// follow the scenario or are the panel's own, and fills them from the
/// scenario in one click.
#[component]
pub fn SimpleBreakEven(
    scenario: RwSignal<Scenario>,
    resolved: Memo<Vec<ApproachCost>>,
    /// The approach the wizard recommends, if the link named one.
    recommended: Option<usize>,
) -> impl IntoView {
    let training = RwSignal::new(500.0);
    let saving = RwSignal::new(0.01);
    let volume = RwSignal::new(10_000.0);
    let from_scenario =
        Memo::new(move |_| scenario.with(|s| resolved.with(|r| simple_inputs(s, r, recommended))));
    let close = |a: f64, b: f64| (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1e-12);
    let follows = move || {
        from_scenario.with(|f| {
            f.as_ref().is_some_and(|f| {
                close(training.get(), f.one_off)
                    && close(saving.get(), f.saving_per_request)
                    && close(volume.get(), f.monthly_requests)
            })
        })
    };
    let origin = move || {
        let names = scenario.with(|s| {
            from_scenario.with(|f| {
                f.as_ref().map(|f| {
                    (
                        s.approaches[f.candidate].name.clone(),
                        s.approaches[f.baseline].name.clone(),
                    )
                })
            })
        });
        match (follows(), names) {
            (true, Some((cand, base))) => format!(
                "Follows the scenario: {cand} against {base}, the cheapest untrained approach, at your volume \
                 (saving per request all-in: hosting and fees spread over the month's requests)."
            ),
            (false, Some(_)) => "Holds its own figures (the textbook example unless you changed them), not the scenario's.".to_string(),
            (false, None) | (true, None) => {
                "Holds its own figures: the scenario compares no trained and untrained approach to fill it from.".to_string()
            }
        }
    };
    let fill = move |_| {
        if let Some(f) = from_scenario.get_untracked() {
            training.set(f.one_off);
            saving.set(f.saving_per_request);
            volume.set(f.monthly_requests);
        }
    };
    let result = move || {
        match simple_break_even(training.get(), saving.get()) {
        Some(q) => {
            // Following the scenario, its volume grows as the scenario's does.
            let growth = if follows() { scenario.with(|s| s.profile.growth) } else { 0.0 };
            let months = simple_months(training.get(), saving.get(), volume.get(), growth);
            view! {
                <p>
                    "Break-even at "<strong class="big" data-testid="simple-requests">{number_format::count(q)}</strong>" requests"
                    {months.map(|m| view! { ", about "<strong>{number_format::months(m)}</strong>" at your volume" })}"."
                </p>
                <p class="formula">
                    {number_format::usd(training.get())}" ÷ "{number_format::usd(saving.get())}
                    " per request = "{number_format::count(q)}" requests"
                </p>
            }
            .into_any()
        }
        None => view! {
            <p><strong>"Never"</strong>": with no saving per request, the training cost is never repaid."</p>
        }
        .into_any(),
    }
    };
    view! {
        <section class="panel" aria-labelledby="simple-title">
            <h2 id="simple-title">"Simple break-even"</h2>
            <p class="lede">"The rule of thumb: training cost ÷ saving per request = requests needed to repay it."</p>
            <p class="origin" aria-live="polite">{origin}</p>
            <button type="button" class="secondary" on:click=fill
                disabled=move || from_scenario.with(Option::is_none) || follows()>
                "Fill from the scenario"
            </button>
            <div class="grid">
                <NumberField id="simple-training".into() label="Training cost".into() unit="USD" kind=FieldKind::Money
                    value=training.into() on_valid=Callback::new(move |v| training.set(v)) />
                <NumberField id="simple-saving".into() label="Saving per request".into() unit="USD" kind=FieldKind::Money
                    value=saving.into() on_valid=Callback::new(move |v| saving.set(v)) />
                <NumberField id="simple-volume".into() label="Requests per month".into() unit="requests" kind=FieldKind::Count
                    value=volume.into() on_valid=Callback::new(move |v| volume.set(v)) />
            </div>
            <div class="simple-result" role="status">{result}</div>
        </section>
    }
}
