//! Token statistics, the histogram and the balance of the data.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::dataset::histogram_chart;
use crate::core::dataset::stats::Repeated;
use crate::core::dataset::summary::ReportJson;
use crate::core::number_format;

fn n(x: u64) -> String {
    number_format::count(x as f64)
}

fn repeated_list(title: &'static str, items: Vec<Repeated>) -> impl IntoView {
    (!items.is_empty()).then(|| {
        let rows = items
            .into_iter()
            .map(|r| view! { <li><span class="count">{format!("{}×", n(r.count as u64))}</span>" "<q>{r.text}</q></li> })
            .collect_view();
        view! { <h4>{title}</h4><ol class="repeated">{rows}</ol> }
    })
}

/// Tokens per example, trainable tokens, histogram, turns and roles. An
/// empty `chart` (a report kept without its file) says the histogram is
/// drawn when the file is checked. With no valid example there is nothing
/// to count: one sentence says so instead of a table of zeros.
/// `token_note` says when the counts are an approximation for the target
/// provider's models.
#[component]
pub fn DatasetStats(
    report: Arc<ReportJson>,
    chart: Arc<str>,
    limit: Option<usize>,
    token_note: Option<String>,
) -> impl IntoView {
    if report.valid_examples == 0 {
        return view! {
            <section class="panel" aria-labelledby="stats-title">
                <h2 id="stats-title">"Statistics"</h2>
                <p>"No valid examples yet: tokens, the histogram and the balance of the data are counted over the examples that pass the checks. Fix the problems above and check the file again."</p>
            </section>
        }
        .into_any();
    }
    let s = report.stats.clone();
    let tokens = report.tokens.clone();
    let svg = chart.to_string();
    let roles = s
        .roles
        .iter()
        .map(|(role, count)| format!("{role} {}", n(*count as u64)))
        .collect::<Vec<_>>()
        .join(" · ");
    view! {
        <section class="panel" aria-labelledby="stats-title">
            <h2 id="stats-title">"Statistics"</h2>
            {match tokens {
                None => view! { <p>"Tokens were not counted: the tokenizer is set to none, or its vocabulary could not be loaded (see above)."</p> }.into_any(),
                Some(t) => view! {
                    {token_note.map(|note| view! { <p class="hint token-note" role="note">{note}</p> })}
                    <table class="stats-table">
                        <caption>{format!("Tokens per valid example ({}, counted as OpenAI counts chat: 3 per message, 1 per name, 3 to prime the reply)", t.encoding)}</caption>
                        <tbody>
                            <tr><th scope="row">"Total"</th><td>{n(t.total)}</td></tr>
                            <tr><th scope="row">"Trainable"</th><td>{n(t.trainable)}</td></tr>
                            <tr><th scope="row">"Mean per example"</th><td>{number_format::mean(t.mean)}</td></tr>
                            <tr><th scope="row">"Median"</th><td>{n(t.median)}</td></tr>
                            <tr><th scope="row">"95th percentile"</th><td>{n(t.p95)}</td></tr>
                            <tr><th scope="row">"Maximum"</th><td>{n(t.max)}</td></tr>
                            <tr><th scope="row">"Examples over the limit"</th><td>{n(t.over_limit as u64)}</td></tr>
                        </tbody>
                    </table>
                    {if svg.is_empty() {
                        view! { <p class="hint">"The histogram of tokens per example is drawn while the file is checked: pick it again to see it."</p> }.into_any()
                    } else {
                        view! {
                            <figure class="histogram">
                                <div class="chart" role="img" aria-label=format!(
                                    "Histogram of tokens per example: from {} to {} tokens, median {}.", n(t.min), n(t.max), n(t.median))
                                    inner_html=svg></div>
                                <figcaption>"Examples by tokens per example"{histogram_chart::limit_note(&s.histogram, limit).map(|note| format!("; {note}"))}"."</figcaption>
                            </figure>
                        }.into_any()
                    }}
                    {(s.without_trainable > 0 || s.low_trainable > 0).then(|| view! {
                        <p class="hint">{format!("{} no trainable tokens; {} on under 5 % of their tokens.", number_format::counted(s.without_trainable, "example has", "examples have"), number_format::counted(s.low_trainable, "example trains", "examples train"))}</p>
                    })}
                }.into_any(),
            }}
            <h3>"Balance"</h3>
            <p>{format!("Turns per example: min {}, median {}, mean {}, max {}.", n(s.turns.min), n(s.turns.median), number_format::mean(s.turns.mean), n(s.turns.max))}</p>
            {(!roles.is_empty()).then(|| view! { <p>"Messages by role: "{roles.clone()}</p> })}
            {repeated_list("Most repeated system prompts", s.top_system_prompts.clone())}
            {repeated_list("Most repeated assistant replies", s.top_assistant_replies.clone())}
        </section>
    }
    .into_any()
}
