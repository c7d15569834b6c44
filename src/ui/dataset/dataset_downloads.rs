//! Downloads of the report and of cleaned or converted data.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::dataset::export::ExportKind;
use crate::core::dataset::summary::ReportJson;
use crate::core::dataset::validate_line::Format;
use crate::ui::browser_state;

/// Whether "Convert to JSONL" is offered: the file is not JSONL (a JSON
/// array, pretty-printed JSON, or a table whose columns map to a format).
pub fn convertible(report: &ReportJson) -> bool {
    (report.container.needs_conversion()
        || report.error_counts.contains_key("json_array_not_jsonl")
        || report.error_counts.contains_key("pretty_printed_json"))
        && !report.error_counts.contains_key("csv_unknown_columns")
}

/// Report downloads (made here) and data exports (made by the worker via
/// `on_export`, which streams the file again).
#[component]
pub fn DatasetDownloads(
    report: Arc<ReportJson>,
    stem: String,
    on_export: Callback<ExportKind>,
    #[prop(into)] busy: Signal<bool>,
    #[prop(into)] seed: Signal<u64>,
    on_seed: Callback<u64>,
    /// The target provider's own format (Vertex AI Gemini, Bedrock), when
    /// it has one: a download converts the file to it.
    #[prop(default = None)]
    native: Option<Format>,
) -> impl IntoView {
    // Offered whenever the target has its own format: lines in another
    // format are converted, lines already in it are kept as they are.
    let to_native = native
        .and_then(|f| ExportKind::to_format(f).map(|k| (k, format!("Converted to {}", f.label()))));
    let json_report = report.clone();
    let csv_report = report.clone();
    let (json_name, csv_name) = (
        format!("{stem}.findings.json"),
        format!("{stem}.findings.csv"),
    );
    let is_document = convertible(&report);
    // Offered for a file in another format, and for a mixed file (its
    // lines of another format are converted line by line).
    let other_format =
        report.format.as_deref().is_some_and(|f| f != "OpenAI chat") || report.formats.len() > 1;
    view! {
        <section class="panel" aria-labelledby="downloads-title">
            <h2 id="downloads-title">"Downloads"</h2>
            <p class="hint">"Made on this device from your file; nothing is uploaded."</p>
            <div class="button-row">
                <button type="button" on:click=move |_| browser_state::download_text(&json_name, "application/json", &json_report.to_json())>"Findings (JSON)"</button>
                <button type="button" on:click=move |_| browser_state::download_text(&csv_name, "text/csv", &csv_report.findings_csv())>"Findings (CSV)"</button>
                <button type="button" disabled=busy on:click=move |_| on_export.run(ExportKind::ValidLines)>"Valid lines only"</button>
                <button type="button" disabled=busy on:click=move |_| on_export.run(ExportKind::Split)>"80/20 train/test split"</button>
                {is_document.then(|| view! {
                    // The same conversion as the report's "Convert to JSONL" (named
                    // otherwise: one button per name on the page).
                    <button type="button" disabled=busy on:click=move |_| on_export.run(ExportKind::ToJsonl)>"All examples as JSONL"</button>
                })}
                {other_format.then(|| view! {
                    <button type="button" disabled=busy on:click=move |_| on_export.run(ExportKind::ToChat)>"Converted to OpenAI chat"</button>
                })}
                {to_native.map(|(kind, label)| view! {
                    <button type="button" disabled=busy on:click=move |_| on_export.run(kind)>{label}</button>
                })}
            </div>
            <div class="field inline">
                <label for="split-seed">"Split seed (same seed, same split)"</label>
                <input id="split-seed" type="number" min="0" step="1" prop:value=move || seed.get().to_string()
                    on:change=move |ev| {
                        if let Ok(v) = event_target_value(&ev).trim().parse::<u64>() {
                            on_seed.run(v);
                        }
                    } />
            </div>
        </section>
    }
}
