//! Training tokens and cost of the validated dataset, and the link that
//! carries them into the cost calculator.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::costs::approach_cost::FieldKind;
use crate::core::costs::prices;
use crate::core::costs::scenario;
use crate::core::dataset::settings::DatasetSettings;
use crate::core::dataset::summary::ReportJson;
use crate::core::dataset::training_estimate::{self, Billing, DatasetTokens};
use crate::core::number_format;
use crate::ui::browser_state;
use crate::ui::shared::number_field::NumberField;

/// Epochs, price, billed tokens and cost.
#[component]
pub fn TrainingCost(
    report: Arc<ReportJson>,
    #[prop(into)] validation: Signal<Option<Arc<ReportJson>>>,
    settings: RwSignal<DatasetSettings>,
) -> impl IntoView {
    let examples = report.valid_examples;
    let (default_epochs, why) = training_estimate::default_epochs(examples);
    let epochs = Signal::derive(move || settings.with(|s| s.epochs.unwrap_or(default_epochs)));
    let training_tokens = report.stats.billable_tokens;
    let billing = move || settings.with(training_estimate::billing_for);
    let dataset = move || {
        let v = validation.get();
        DatasetTokens {
            training: training_tokens,
            training_examples: examples as u64,
            validation: v.as_ref().map_or(0, |r| r.stats.billable_tokens),
            validation_examples: v.as_ref().map_or(0, |r| r.valid_examples as u64),
        }
    };
    let billed = move || training_estimate::billed_tokens(dataset(), epochs.get(), billing());
    let preset = move || settings.with(|s| prices::by_id(&s.price_preset));
    let per_1m = move || preset().and_then(|p| p.training_per_1m).unwrap_or(0.0);
    let cost = move || training_estimate::cost(billed(), per_1m());
    let options = training_estimate::token_priced_presets()
        .map(|p| view! { <option value=p.id>{format!("{} {} — ${}/1M training tokens (as of {})", p.provider, p.model, p.training_per_1m.unwrap_or(0.0), p.as_of)}</option> })
        .collect_view();
    let link = move || {
        let today = browser_state::today();
        let base = browser_state::load(browser_state::COSTS_KEY)
            .map(|q| scenario::decode(&q, &today))
            .unwrap_or_else(|| scenario::default_scenario(&today));
        match preset() {
            Some(p) => training_estimate::costs_link(&base, p, training_tokens, epochs.get()),
            None => "costs.html".into(),
        }
    };
    let is_together = move || matches!(billing(), Billing::Together { .. });
    view! {
        <section class="panel" aria-labelledby="cost-title">
            <h2 id="cost-title">"Training tokens and cost"</h2>
            <div class="grid">
                <NumberField id="epochs".into() label="Epochs".into() unit="passes" kind=FieldKind::Count
                    value=Signal::derive(move || f64::from(epochs.get()))
                    on_valid=Callback::new(move |v: f64| settings.update(|s| s.epochs = Some(v.round().clamp(1.0, 100.0) as u32))) />
                <div class="field">
                    <label for="price-preset">"Training price"</label>
                    <select id="price-preset" prop:value=move || settings.with(|s| s.price_preset.clone())
                        on:change=move |ev| { let v = event_target_value(&ev); settings.update(|s| s.price_preset = v); }>
                        {options}
                    </select>
                </div>
            </div>
            <p class="hint">{why}" "
                <button type="button" class="link-button" on:click=move |_| settings.update(|s| s.epochs = None)>"Use the default"</button>
            </p>
            {move || is_together().then(|| view! {
                <div class="grid">
                    <NumberField id="evaluations".into() label="Evaluations (Together)".into() unit="runs over the validation set" kind=FieldKind::Count
                        value=Signal::derive(move || f64::from(settings.with(|s| s.evaluations)))
                        on_valid=Callback::new(move |v: f64| settings.update(|s| s.evaluations = v.round().clamp(0.0, 1000.0) as u32)) />
                    <div class="field checkbox">
                        <input id="packing" type="checkbox" prop:checked=move || settings.with(|s| s.packing)
                            on:change=move |ev| { let on = event_target_checked(&ev); settings.update(|s| s.packing = on); } />
                        <label for="packing">"Packing on (off: every row is billed as the maximum sequence length)"</label>
                    </div>
                    <NumberField id="max-seq-len".into() label="Maximum sequence length".into() unit="tokens" kind=FieldKind::Count
                        value=Signal::derive(move || settings.with(|s| s.max_seq_len as f64))
                        on_valid=Callback::new(move |v: f64| settings.update(|s| s.max_seq_len = v.round().clamp(1.0, 1e7) as u64)) />
                </div>
            })}
            <p class="estimate" aria-live="polite">
                <strong>{move || format!("{} billed tokens", number_format::count(billed() as f64))}</strong>
                {move || format!(" = {} tokens per epoch × {} epoch{}", number_format::count(training_tokens as f64), epochs.get(), if epochs.get() == 1 { "" } else { "s" })}
                {move || if is_together() { " (+ evaluations × validation tokens)".to_string() } else { String::new() }}
                <br />
                <strong>{move || format!("Estimated training cost: {}", number_format::usd(cost()))}</strong>
                {move || preset().map(|p| format!(" at ${}/1M ({}, {}; source {} as of {})", per_1m(), p.provider, p.model, p.source, p.as_of))}
            </p>
            <p><a class="button" href=link>"Use these numbers in the cost calculator"</a></p>
        </section>
    }
}
