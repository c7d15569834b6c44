//! The hyperparameter guide for the plan's approach (LoRA rank and alpha
//! only for LoRA-style approaches), written by `core::training::plan_html`.

use leptos::prelude::*;

use crate::core::report::state::SharedState;
use crate::core::training::hyperparameters::{GUIDE, for_kind};
use crate::core::training::plan_html::guide_html;
use crate::core::training::training_plan::TrainingPlan;

/// The guide section: every setting when the plan has no approach.
#[component]
pub fn HyperparameterGuide(
    plan: Memo<TrainingPlan>,
    shared: ReadSignal<SharedState>,
) -> impl IntoView {
    let html = move || {
        let kind = plan.with(|p| p.approach.as_ref().map(|a| a.index));
        let entries = kind
            .and_then(|i| shared.with(|s| s.costs.approaches.get(i).map(|a| for_kind(a.kind))))
            .unwrap_or_else(|| GUIDE.iter().collect());
        guide_html(&entries)
    };
    view! {
        <section class="panel" aria-labelledby="hyper-title">
            <h2 id="hyper-title">"Hyperparameters"</h2>
            <p>"What each setting does and where to start. The Dataset page applies the epoch rule to your file."</p>
            <div class="table-scroll" role="region" aria-label="Hyperparameters, scrollable" tabindex="0" inner_html=html></div>
        </section>
    }
}
