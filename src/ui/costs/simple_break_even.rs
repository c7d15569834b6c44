//! The textbook break-even rule on its own, for people learning it:
//! requests = training cost ÷ saving per request.

use leptos::prelude::*;

use crate::core::costs::approach_cost::FieldKind;
use crate::core::costs::break_even::{simple_break_even, simple_months};
use crate::core::number_format;
use crate::ui::shared::number_field::NumberField;

/// Three inputs and the two results of the simple rule.
#[component]
pub fn SimpleBreakEven() -> impl IntoView {
    let training = RwSignal::new(500.0);
    let saving = RwSignal::new(0.01);
    let volume = RwSignal::new(10_000.0);
    let result = move || {
        match simple_break_even(training.get(), saving.get()) {
        Some(q) => {
            let months = simple_months(training.get(), saving.get(), volume.get());
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
