//! The report's sections, each rendered from its part of the
//! [`DecisionReport`]: the recommendation and its path, the key costs, the
//! break-even of the recommended approach, the dataset and the
//! assumptions. A section the user has not filled in says so and links to
//! where to fill it in. Figures and verdicts all come from the report;
//! this file only words and lays them out.

use crate::core::costs::chart::growth_words;
use crate::core::training::plan_html::plan_html;
use leptos::prelude::*;

use crate::core::number_format::{count, counted, months, usd};
use crate::core::report::decision_report::{
    ApproachCosts, BreakEvenResult, BreakEvenRow, CatchingUp, DecisionReport, Missing, Part,
    PriceSource, RecommendedApproach,
};
use crate::core::route::Section;

/// Where a missing section is filled in, as a link text.
fn fill_in(section: Section) -> &'static str {
    match section {
        Section::Wizard => "Fill it in with the wizard",
        Section::Costs => "Enter your figures in the cost calculator",
        Section::Dataset => "Check a dataset",
        Section::Training => "Plan the training",
        Section::Report => "Open the decision report",
        Section::Practice => "Practise",
        Section::Approaches => "Read about the approaches",
    }
}

/// A section (or part of one) that is not filled in, and where to fill it in.
#[component]
pub fn MissingNote(missing: Missing) -> impl IntoView {
    view! {
        <div class="missing-note">
            <p>
                <strong>"Not filled in. "</strong>{missing.what}" "
                <a href=missing.url>{fill_in(missing.where_)}</a>"."
            </p>
        </div>
    }
}

/// A report section: a panel labelled by its h2.
#[component]
fn ReportSection(id: &'static str, title: &'static str, children: Children) -> impl IntoView {
    view! {
        <section class="panel report-section" aria-labelledby=id>
            <h2 id=id>{title}</h2>
            {children()}
        </section>
    }
}

/// The recommendation, its next steps and the answers behind it.
#[component]
pub fn RecommendationSection(report: Memo<DecisionReport>) -> impl IntoView {
    let body = move || {
        report.with(|r| {
            let rec = match &r.recommendation {
                Part::Filled(rec) => view! {
                    <p class="report-outcome">{rec.title.clone()}</p>
                    <p>{rec.summary.clone()}</p>
                    <h3>"Next steps"</h3>
                    <ol class="next-steps">
                        {rec.next_steps.iter().map(|s| view! { <li>{s.clone()}</li> }).collect_view()}
                    </ol>
                }
                .into_any(),
                Part::Missing(m) => view! { <MissingNote missing=m.clone() /> }.into_any(),
            };
            let path = if r.path.is_empty() {
                view! { <p>"No question answered yet."</p> }.into_any()
            } else {
                view! {
                    <ol class="report-path">
                        {r.path.iter().map(|p| view! {
                            <li value=p.number.to_string()>
                                <span class="path-question">{p.question.clone()}</span>" "
                                <strong>{p.answer_label.clone()}"."</strong>" "
                                <span class="path-reason">{p.reason.clone()}</span>
                            </li>
                        }).collect_view()}
                    </ol>
                }
                .into_any()
            };
            view! {
                {rec}
                <h3>"Why: your answers"</h3>
                {path}
            }
        })
    };
    view! {
        <ReportSection id="report-recommendation-title" title="Recommendation">
            {body}
        </ReportSection>
    }
}

fn cost_row(a: &ApproachCosts) -> impl IntoView + use<> {
    let name = a.name.clone();
    let retires = a.retires_before_horizon;
    let recommended = a.recommended;
    view! {
        <tr class:recommended=recommended>
            <th scope="row">
                {name}
                {recommended.then(|| view! { " " <span class="tag">"recommended"</span> })}
                {retires.then(|| view! { <sup><a href="#retiring-note" aria-label="retires before the horizon ends">"†"</a></sup> })}
            </th>
            <td>{usd(a.per_request)}</td>
            <td>{usd(a.one_off)}</td>
            <td>{usd(a.monthly)}</td>
            <td>{usd(a.total)}</td>
        </tr>
    }
}

/// The key costs of every compared approach, as a table.
#[component]
pub fn CostsSection(report: Memo<DecisionReport>) -> impl IntoView {
    let body = move || {
        report.with(|r| {
            let a = &r.assumptions;
            let horizon = months(a.horizon_months);
            let scale = format!(
                "At {} requests a month{} over {horizon}, from {}.",
                count(a.monthly_requests),
                growth_words(a.monthly_growth),
                a.start
            );
            let table = if r.costs.approaches.is_empty() {
                view! { <p>"No approach is compared: switch one on in the "<a href="costs.html">"cost calculator"</a>"."</p> }
                    .into_any()
            } else {
                view! {
                    <div class="table-scroll" role="group" aria-label="Key costs table" tabindex="0">
                        <table class="report-table">
                            <caption>{format!("Key costs of every compared approach (USD), over {horizon}")}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">"Approach"</th>
                                    <th scope="col">"Per request"</th>
                                    <th scope="col">"One-off"</th>
                                    <th scope="col">"Monthly"</th>
                                    <th scope="col">{format!("Total over {horizon}")}</th>
                                </tr>
                            </thead>
                            <tbody>{r.costs.approaches.iter().map(cost_row).collect_view()}</tbody>
                        </table>
                    </div>
                }
                .into_any()
            };
            let retiring: Vec<String> = r
                .costs
                .approaches
                .iter()
                .filter(|a| a.retires_before_horizon)
                .map(|a| {
                    format!(
                        "{}: its model retires after {}, before the horizon ends: it cannot serve the horizon, and its total covers only those months.",
                        a.name,
                        months(a.lifetime_months.unwrap_or(0.0))
                    )
                })
                .collect();
            let retiring = (!retiring.is_empty()).then(|| view! {
                <div id="retiring-note" class="note">
                    {retiring.into_iter().map(|t| view! { <p>"† "{t}</p> }).collect_view()}
                </div>
            });
            let left_out = (!r.costs.left_out.is_empty()).then(|| view! {
                <h3>"Not compared"</h3>
                <ul>
                    {r.costs.left_out.iter().map(|l| view! { <li>{l.name.clone()}": "{l.reason.clone()}</li> }).collect_view()}
                </ul>
            });
            view! {
                {r.costs.missing.clone().map(|m| view! { <MissingNote missing=m /> })}
                <p>{scale}</p>
                {table}
                {retiring}
                {left_out}
            }
        })
    };
    view! {
        <ReportSection id="report-costs-title" title="Key costs">
            {body}
        </ReportSection>
    }
}

/// Who pays more up front in a pair.
fn catching_up(rec: &RecommendedApproach, row: &BreakEvenRow) -> String {
    match row.catching_up {
        CatchingUp::Recommended => rec.name.clone(),
        CatchingUp::Other => row.other.clone(),
    }
}

/// The full cost model's break-even, in words.
fn full_model(row: &BreakEvenRow) -> String {
    match &row.result {
        BreakEvenResult::Immediate => "No dearer from the first request".into(),
        BreakEvenResult::At {
            requests,
            months: m,
            within_lifetime,
        } => {
            let mut s = format!("After {} requests ({})", count(*requests), months(*m));
            if !within_lifetime {
                s.push_str(", after its model retires: in practice never");
            }
            s
        }
        BreakEvenResult::Never { reason } => format!("Never: {reason}"),
    }
}

/// The simple rule, in words.
fn simple_rule(row: &BreakEvenRow) -> String {
    match row.simple_requests {
        Some(q) => {
            let mut s = format!(
                "{} ÷ {} = {} requests",
                usd(row.extra_one_off),
                usd(row.saving_per_request),
                count(q)
            );
            if let Some(m) = row.simple_months {
                s.push_str(&format!(" ({})", months(m)));
            }
            s
        }
        None => "Never: nothing is saved per request".into(),
    }
}

/// The recommended approach and its break-even against each other one.
#[component]
pub fn BreakEvenSection(report: Memo<DecisionReport>) -> impl IntoView {
    let body = move || {
        report.with(|r| match &r.recommended_approach {
            Part::Missing(m) => view! { <MissingNote missing=m.clone() /> }.into_any(),
            Part::Filled(rec) if rec.against.is_empty() => view! {
                <p class="report-outcome">{rec.name.clone()}</p>
                <p>{rec.why.clone()}</p>
                <p>"No other approach is compared, so there is no break-even."</p>
            }
            .into_any(),
            Part::Filled(rec) => {
                let rows = rec
                    .against
                    .iter()
                    .map(|row| {
                        view! {
                            <tr>
                                <th scope="row">{row.other.clone()}</th>
                                <td>{catching_up(rec, row)}</td>
                                <td>{full_model(row)}</td>
                                <td>{simple_rule(row)}</td>
                            </tr>
                        }
                    })
                    .collect_view();
                view! {
                    <p class="report-outcome">{rec.name.clone()}</p>
                    <p>{rec.why.clone()}</p>
                    <div class="table-scroll" role="group" aria-label="Break-even table" tabindex="0">
                        <table class="report-table">
                            <caption>{format!("Break-even of “{}” against each other compared approach", rec.name)}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">"Against"</th>
                                    <th scope="col">"Pays more up front"</th>
                                    <th scope="col">"Break-even, full cost model"</th>
                                    <th scope="col">"Simple rule: extra one-off ÷ saving per request"</th>
                                </tr>
                            </thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                    <p class="note">
                        "The one that pays more up front catches up with the other at the break-even. "
                        "The full cost model counts hosting, fixed fees, retraining and the model's lifetime; "
                        "the simple rule leaves them out, so the two can differ."
                    </p>
                }
                .into_any()
            }
        })
    };
    view! {
        <ReportSection id="report-break-even-title" title="Recommended approach and break-even">
            {body}
        </ReportSection>
    }
}

/// The checked dataset.
#[component]
pub fn DatasetSection(report: Memo<DecisionReport>) -> impl IntoView {
    let body = move || {
        report.with(|r| match &r.dataset {
            Part::Missing(m) => view! { <MissingNote missing=m.clone() /> }.into_any(),
            Part::Filled(d) => {
                let b = &d.brief;
                let mut facts: Vec<(&'static str, String)> = vec![
                    ("File", b.file_name.clone()),
                    ("Checked", b.checked_at.clone()),
                ];
                if let Some(f) = &b.format {
                    facts.push(("Format", f.clone()));
                }
                facts.push(("Lines", count(b.lines as f64)));
                facts.push((
                    "Examples",
                    format!(
                        "{}, {} after removing repeats",
                        counted(b.valid_examples, "valid example", "valid examples"),
                        count(b.clean_examples as f64)
                    ),
                ));
                facts.push((
                    "Problems",
                    format!(
                        "{}, {}",
                        counted(b.errors, "error", "errors"),
                        counted(b.warnings, "warning", "warnings")
                    ),
                ));
                if let (Some(total), Some(enc)) = (b.total_tokens, &b.encoding) {
                    facts.push((
                        "Tokens",
                        format!(
                            "{} in all, {} trained on ({enc})",
                            count(total as f64),
                            count(b.trainable_tokens.unwrap_or(0) as f64)
                        ),
                    ));
                }
                if let Some(m) = b.min_examples {
                    facts.push(("Provider minimum", counted(m, "example", "examples")));
                }
                view! {
                    <p class="report-outcome">{d.verdict.label()}</p>
                    <p>{d.headline.clone()}</p>
                    <dl class="report-facts">
                        {facts.into_iter().map(|(k, v)| view! { <div><dt>{k}</dt><dd>{v}</dd></div> }).collect_view()}
                    </dl>
                }
                .into_any()
            }
        })
    };
    view! {
        <ReportSection id="report-dataset-title" title="Dataset">
            {body}
        </ReportSection>
    }
}

/// The training plan, written by `core::training::plan_html`.
#[component]
pub fn TrainingPlanSection(report: Memo<DecisionReport>) -> impl IntoView {
    let body = move || {
        report.with(|r| match &r.training_plan {
            Part::Missing(m) => view! { <MissingNote missing=m.clone() /> }.into_any(),
            Part::Filled(plan) => {
                view! { <div class="plan" inner_html=plan_html(plan, false)></div> }.into_any()
            }
        })
    };
    view! {
        <ReportSection id="report-training-title" title="Training plan">
            {body}
        </ReportSection>
    }
}

fn or_dash(s: &Option<String>) -> String {
    s.clone().unwrap_or_else(|| "—".into())
}

fn source_cell(p: &PriceSource) -> AnyView {
    match (&p.preset, &p.source) {
        (None, _) => "Your own figures, no preset".into_any(),
        (Some(_), _) if p.example_figures => "Example figures, not a quote".into_any(),
        (Some(_), Some(url)) => {
            view! { <a class="source-link" href=url.clone()>{url.clone()}</a> }.into_any()
        }
        (Some(_), None) => "—".into_any(),
    }
}

/// Every assumption the figures rest on, with price sources and dates.
#[component]
pub fn AssumptionsSection(report: Memo<DecisionReport>) -> impl IntoView {
    let body = move || {
        report.with(|r| {
            let a = &r.assumptions;
            let figures = if a.example_figures {
                "the calculator's example figures (token counts, data preparation and GPU-hours are illustrative)"
            } else {
                "as entered in the cost calculator"
            };
            let prices = (!a.prices.is_empty()).then(|| {
                let rows = a
                    .prices
                    .iter()
                    .map(|p| {
                        view! {
                            <tr>
                                <th scope="row">{p.approach.clone()}</th>
                                <td>{or_dash(&p.provider)}</td>
                                <td>{or_dash(&p.model)}</td>
                                <td class="source">{source_cell(p)}</td>
                                <td class="date">{or_dash(&p.as_of)}</td>
                            </tr>
                        }
                    })
                    .collect_view();
                view! {
                    <div class="table-scroll" role="group" aria-label="Price sources table" tabindex="0">
                        <table class="report-table">
                            <caption>"Price sources of the compared approaches"</caption>
                            <thead>
                                <tr>
                                    <th scope="col">"Approach"</th>
                                    <th scope="col">"Provider"</th>
                                    <th scope="col">"Model"</th>
                                    <th scope="col">"Source"</th>
                                    <th scope="col">"As of"</th>
                                </tr>
                            </thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                }
            });
            let notes: Vec<(String, String)> = a
                .prices
                .iter()
                .filter_map(|p| p.note.clone().map(|n| (p.approach.clone(), n)))
                .collect();
            let notes = (!notes.is_empty()).then(|| view! {
                <h3>"Notes on the prices"</h3>
                <ul>{notes.into_iter().map(|(name, note)| view! { <li>{name}": "{note}</li> }).collect_view()}</ul>
            });
            view! {
                <ul class="report-assumptions">
                    <li>"Volume: "{count(a.monthly_requests)}" requests a month"{growth_words(a.monthly_growth)}"."</li>
                    <li>"Horizon: "{months(a.horizon_months)}"."</li>
                    <li>"Start: "{a.start.clone()}" (lifetimes and availability count from this date)."</li>
                    <li>"Figures: "{figures}"."</li>
                    <li>"Prices last checked against their sources on "{a.prices_checked.clone()}"."</li>
                </ul>
                {prices}
                {notes}
            }
        })
    };
    view! {
        <ReportSection id="report-assumptions-title" title="Assumptions">
            {body}
        </ReportSection>
    }
}
