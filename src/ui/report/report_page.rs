//! The decision report: its heading, where its state comes from, the
//! share, download and print actions, and one section per part of the
//! report.

use leptos::prelude::*;

use crate::core::report::decision_report::DecisionReport;
use crate::core::report::state::SharedState;
use crate::core::route::Page;
use crate::ui::report::app::Source;
use crate::ui::report::report_actions::ReportActions;
use crate::ui::report::report_chart::ReportChart;
use crate::ui::report::report_sections::{
    AssumptionsSection, BreakEvenSection, CostsSection, DatasetSection, RecommendationSection,
    TrainingPlanSection,
};

/// The report page for `report` (built from `state`, which came from `source`).
#[component]
pub fn ReportPage(
    state: ReadSignal<SharedState>,
    source: ReadSignal<Source>,
    report: Memo<DecisionReport>,
) -> impl IntoView {
    let made_on = move || report.with(|r| r.made_on.clone());
    let origin = move || match source.get() {
        Source::Saved => None,
        Source::Link(note) => Some(view! {
            <div class="report-origin" role="status">
                {note.map(|n| view! {
                    <p class="link-note"><strong>"This link has a problem. "</strong>{n.message()}</p>
                })}
                <p>
                    "This report shows what a shared link carries; your own saved work is unchanged. "
                    <a href=Page::Report.url()>"Show the report of your own work"</a>
                </p>
            </div>
        }),
    };
    let missing_count = move || {
        report.with(|r| match r.missing().len() {
            0 => "Every section is filled in.".to_string(),
            1 => "One section is not filled in yet: it says where to fill it in.".to_string(),
            n => format!("{n} sections are not filled in yet: each says where to fill it in."),
        })
    };
    view! {
        <article class="report" aria-labelledby="report-title">
            <header class="page-intro report-intro">
                <h1 id="report-title">"Decision report"</h1>
                <p class="lede">
                    "Made with tunewise on "<time datetime=made_on>{made_on}</time>
                    ": the recommendation, what each approach costs, when the recommended one pays off, "
                    "the training data and every assumption behind the figures. "
                    {missing_count}
                </p>
                {origin}
            </header>
            <ReportActions state report />
            <RecommendationSection report />
            <CostsSection report />
            <BreakEvenSection report />
            <ReportChart state />
            <DatasetSection report />
            <TrainingPlanSection report />
            <AssumptionsSection report />
        </article>
    }
}
