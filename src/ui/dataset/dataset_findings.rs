//! The verdict and the findings, grouped by kind, each with its line
//! numbers; a line's text is shown (as text, never as HTML) on request.

use std::collections::BTreeMap;
use std::sync::Arc;

use leptos::prelude::*;

use crate::core::dataset::container::Container;
use crate::core::dataset::finding::place;
use crate::core::dataset::summary::{FindingJson, ReportJson};
use crate::core::number_format;

/// "line 6" → "Line 6", "whole file" → "Whole file".
fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
        .unwrap_or_default()
}

/// Findings listed per kind before "… and N more".
const SHOWN_PER_KIND: usize = 100;

/// Verdict first, then the findings grouped by code. `saved`: the report
/// was kept from an earlier visit, without its file (so no line texts and
/// no downloads).
#[component]
pub fn DatasetFindings(
    report: Arc<ReportJson>,
    file_name: String,
    #[prop(optional)] saved: bool,
    /// Converts the file to JSONL, offered in the verdict when the file is
    /// a JSON array, pretty-printed JSON or a table.
    #[prop(optional)]
    convert: Option<Callback<()>>,
    #[prop(optional, into)] busy: Signal<bool>,
) -> impl IntoView {
    let errors = report.error_total();
    let warnings = report.warning_total();
    let container = report.container;
    let verdict = if container.needs_conversion() {
        // One headline for a document that is not JSONL: what it is, with
        // its conversion beside it (its elements were checked as examples).
        format!("{file_name} is {}, not JSONL", container.label())
    } else if errors == 0 {
        format!(
            "Ready: {} in {}",
            number_format::counted(report.valid_examples, "valid example", "valid examples"),
            file_name
        )
    } else {
        format!(
            "Fix {} in {}",
            number_format::counted(errors, "error", "errors"),
            file_name
        )
    };
    let format = match (report.formats.len(), &report.format) {
        (0, _) | (_, None) => "no known format".to_string(),
        (1, Some(f)) => f.clone(),
        _ => format!(
            "mixed: {}",
            report
                .formats
                .keys()
                .cloned()
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    let detail = format!(
        "{} · {} ({format}) · {} · {}",
        number_format::counted(report.lines, "line", "lines"),
        number_format::counted(report.valid_examples, "valid example", "valid examples"),
        number_format::counted(errors, "error", "errors"),
        number_format::counted(warnings, "warning", "warnings"),
    );
    let mut groups: BTreeMap<(u8, String), Vec<&FindingJson>> = BTreeMap::new();
    for f in &report.errors {
        groups.entry((0, f.code.clone())).or_default().push(f);
    }
    for f in &report.warnings {
        groups.entry((1, f.code.clone())).or_default().push(f);
    }
    let groups_view = groups
        .into_iter()
        .map(|((rank, code), list)| {
            let total = if rank == 0 { report.error_counts.get(&code) } else { report.warning_counts.get(&code) }
                .copied()
                .unwrap_or(list.len());
            let kind = if rank == 0 { "error" } else { "warning" };
            let meaning = if rank == 0 {
                "Error: the provider would reject this (or train on garbage)."
            } else {
                "Warning: the target provider accepts this, but it is likely a mistake, or another provider or good practice does not accept it."
            };
            let numbers: Vec<String> = list
                .iter()
                .take(12)
                .filter_map(|f| f.line)
                .map(|n| number_format::count(n as f64))
                .collect();
            let at = if numbers.is_empty() {
                "whole file".to_string()
            } else {
                format!(
                    "line{} {}{}",
                    if total == 1 { "" } else { "s" },
                    numbers.join(", "),
                    if total > 12 { ", …" } else { "" }
                )
            };
            let items = list
                .iter()
                .take(SHOWN_PER_KIND)
                .map(|f| {
                    let excerpt = f.line.and_then(|n| report.excerpts.get(&n).cloned());
                    // A field path can hold a hostile 200,000-character key.
                    let field = f
                        .field
                        .as_deref()
                        .map(|p| {
                            let short: String = p.chars().take(80).collect();
                            let more = if p.chars().count() > 80 { "…" } else { "" };
                            format!(" · {short}{more}")
                        })
                        .unwrap_or_default();
                    view! {
                        <li>
                            <span class="finding-line">{format!("{}{field}", capitalised(&place(f.line)))}</span>
                            ": "{f.message.clone()}
                            {excerpt.map(|text| view! {
                                <details class="line-text">
                                    <summary>{format!("Show {}", place(f.line))}</summary>
                                    <pre>{text}</pre>
                                </details>
                            })}
                        </li>
                    }
                })
                .collect_view();
            let hidden = total.saturating_sub(list.len().min(SHOWN_PER_KIND));
            view! {
                <details class=format!("finding-group {kind}")>
                    <summary>
                        <span class="badge">{kind}</span>
                        <code>{code.clone()}</code>
                        {format!(" × {} · {at}", number_format::count(total as f64))}
                    </summary>
                    <p class="hint">{meaning}</p>
                    <ul class="findings">{items}</ul>
                    {(hidden > 0).then(|| view! {
                        <p class="hint">{if saved {
                            format!("… and {} more (pick the file again to list them all).", number_format::count(hidden as f64))
                        } else {
                            format!("… and {} more (all are in the JSON and CSV downloads, up to 10,000).", number_format::count(hidden as f64))
                        }}</p>
                    })}
                </details>
            }
        })
        .collect_view();
    let ready = errors == 0;
    let offer = convert.map(|convert| {
        view! {
            <p class="convert">
                {format!("Its {} were checked as the examples they become in JSONL. ", if matches!(container, Container::Csv | Container::Tsv) { "rows" } else { "elements" })}
                <button type="button" disabled=busy on:click=move |_| convert.run(())>"Convert to JSONL"</button>
            </p>
        }
    });
    view! {
        <div class="verdict" class:ready=ready class:problems=!ready role="status">
            <h2 id="verdict-title" tabindex="-1">{verdict}</h2>
            <p>{detail}</p>
            {offer}
        </div>
        <section class="findings-section" aria-labelledby="findings-title">
            <h3 id="findings-title">"Findings"</h3>
            {if errors + warnings == 0 {
                view! { <p>"No findings: every line is a well-formed example."</p> }.into_any()
            } else {
                view! { <div class="finding-groups">{groups_view}</div> }.into_any()
            }}
        </section>
    }
}
