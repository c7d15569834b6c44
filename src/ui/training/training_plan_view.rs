//! The plan: five stages filled with the user's figures, written by
//! `core::training::plan_html` (read-only HTML, escaped).

use leptos::prelude::*;

use crate::core::training::plan_html::plan_html;
use crate::core::training::training_plan::TrainingPlan;

/// The plan section.
#[component]
pub fn TrainingPlanView(plan: Memo<TrainingPlan>) -> impl IntoView {
    view! {
        <section class="panel plan" aria-labelledby="plan-title">
            <h2 id="plan-title">"The plan, from data to deployment"</h2>
            <div inner_html=move || plan.with(|p| plan_html(p, true))></div>
        </section>
    }
}
