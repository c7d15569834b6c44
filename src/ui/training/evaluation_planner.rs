//! The evaluation planner: the held-out split of the checked dataset, and
//! the metrics a trained model must meet with their targets.
//!
//! Every editable number is drawn by [`eval_field`] (one small view for all
//! of them, A/B sizing's too); the split, its warning and the checklist are
//! escaped HTML from `core::training::evaluation_plan`, which keeps the
//! page within its download budget.

use leptos::prelude::*;

use crate::core::number_parse::parse_number;
use crate::core::training::evaluation_plan::{
    Baseline, EvaluationInputs, EvaluationSettings, Field, checklist_html, field_text, split_html,
};

/// One labelled number field of the planner or A/B sizing: what the user
/// types is read by `core::number_parse` and stored as typed; the field's
/// message (unreadable input, or the core's rule for it) is shown under it
/// and marks it `aria-invalid`.
pub fn eval_field(
    field: Field,
    settings: RwSignal<EvaluationSettings>,
    inputs: Signal<EvaluationInputs>,
) -> impl IntoView {
    let value = move || inputs.with(|i| settings.with(|s| field.get(s, i)));
    let raw = RwSignal::new(field_text(value()));
    let unreadable = RwSignal::new(None::<String>);
    // Follow changes made elsewhere (the relative switch, the calculator).
    Effect::new(move |_| {
        let v = value();
        let typed = raw.with_untracked(|r| parse_number(r).ok());
        if typed.is_none_or(|t| (t - v).abs() > 1e-9 * v.abs().max(1.0))
            && unreadable.get_untracked().is_none()
        {
            raw.set(field_text(v));
        }
    });
    let message = move || {
        unreadable
            .get()
            .or_else(|| settings.with(|s| field.error(s)))
    };
    let id = field.id();
    let error_id = format!("{id}-error");
    view! {
        <div class="field">
            <label for=id>{field.label()}" "<span class="unit">"("{move || settings.with(|s| field.unit(s))}")"</span></label>
            <input id=id type="text" autocomplete="off" spellcheck="false"
                inputmode=if field == Field::AbEffect { "text" } else { "decimal" }
                prop:value=move || raw.get()
                aria-invalid=move || message().is_some().then_some("true")
                aria-describedby=error_id.clone()
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    raw.set(text.clone());
                    match parse_number(&text) {
                        Ok(v) => {
                            unreadable.set(None);
                            settings.update(|s| field.set(s, v));
                        }
                        Err(why) => unreadable.set(Some(why)),
                    }
                } />
            <p class="field-error" id=error_id>{message}</p>
        </div>
    }
}

/// The evaluation planner: split, metrics and targets.
#[component]
pub fn EvaluationPlanner(
    settings: RwSignal<EvaluationSettings>,
    inputs: Signal<EvaluationInputs>,
) -> impl IntoView {
    let split = move || inputs.with(|i| settings.with(|s| split_html(s, i)));
    let checklist = move || inputs.with(|i| settings.with(|s| checklist_html(s, i)));
    view! {
        <section class="panel evaluation" aria-labelledby="evaluation-title">
            <h2 id="evaluation-title">"Evaluation planner"</h2>
            <h3>"Held-out test set"</h3>
            <div class="grid">{eval_field(Field::HeldOut, settings, inputs)}</div>
            <div class="eval-split" aria-live="polite" inner_html=split></div>
            <h3>"Metrics and targets"</h3>
            <div class="grid">
                <div class="field">
                    <label for="eval-baseline">"Baseline approach"</label>
                    <select id="eval-baseline"
                        on:change=move |ev| {
                            if let Some(b) = Baseline::from_id(&event_target_value(&ev)) {
                                settings.update(|s| s.baseline = b);
                            }
                        }>
                        <option value="pe">"Prompt engineering"</option>
                        <option value="rag" selected=move || settings.with(|s| s.baseline == Baseline::Rag)>"RAG"</option>
                    </select>
                </div>
                {Field::PLANNER[1..].iter().map(|f| eval_field(*f, settings, inputs)).collect_view()}
            </div>
            <div class="table-scroll" role="region" aria-label="Metric checklist, scrollable" tabindex="0"
                inner_html=checklist></div>
        </section>
    }
}
