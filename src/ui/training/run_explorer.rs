//! The run explorer: a training log (an example, a picked, dropped or
//! pasted file) read in slices, early stopping and the overfitting rule
//! applied by the core, the verdict and the chart written by the core as
//! escaped HTML.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::core::html_rows::escape;
use crate::core::training::early_stopping::{
    Mode, StoppingRule, StoppingSettings, judge, parse_min_delta, parse_optional, parse_patience,
    verdict_html,
};
use crate::core::training::example_runs::ExampleRun;
use crate::core::training::overfitting::{assess, finding_html};
use crate::core::training::run_chart::chart_html;
use crate::core::training::run_log::{RunLog, number_text};
use crate::ui::training::run_field::RunField;
use crate::ui::training::run_loading::{LogSource, read_source};

/// What the page shows for a log and the settings.
#[derive(Clone, Debug, PartialEq)]
struct Shown {
    /// The format line, verdict, restore and overfitting note (HTML).
    text: String,
    /// The chart (HTML), empty when the rule cannot run.
    chart: String,
    /// Why the rule cannot run, if so.
    problem: Option<String>,
}

fn show(log: &RunLog, s: &StoppingSettings) -> Shown {
    let format = format!("<p class=\"run-format\">{}</p>", escape(&log.description()));
    let fit = finding_html(log, &assess(log, s.min_delta));
    match judge(log, s) {
        Ok(v) => Shown {
            text: format!("{format}{}{fit}", verdict_html(log, &v)),
            chart: chart_html(log, &v, 720, 360),
            problem: None,
        },
        Err(problem) => Shown {
            text: format!("{format}{fit}"),
            chart: String::new(),
            problem: Some(problem),
        },
    }
}

fn text_of(v: Option<f64>) -> String {
    v.map(number_text).unwrap_or_default()
}

/// The run explorer section.
#[component]
pub fn RunExplorer(settings: RwSignal<StoppingSettings>) -> impl IntoView {
    let log = RwSignal::new(None::<Arc<RunLog>>);
    let error = RwSignal::new(None::<String>);
    let progress = RwSignal::new(None::<(String, f64, f64)>);
    let generation = StoredValue::new(0u32);
    let dragging = RwSignal::new(false);

    let load = move |name: String, source: LogSource| {
        let id = generation.get_value().wrapping_add(1);
        generation.set_value(id);
        error.set(None);
        progress.set(Some((name.clone(), 0.0, 1.0)));
        spawn_local(async move {
            let current = move || generation.try_get_value() == Some(id);
            let result = read_source(
                source,
                |done, total| {
                    if current() {
                        progress.set(Some((name.clone(), done, total)));
                    }
                },
                move || !current(),
            )
            .await;
            let Some(result) = result else { return };
            if !current() {
                return;
            }
            progress.set(None);
            match result {
                Ok(l) => {
                    settings.update(|s| {
                        if s.monitored(&l) != s.monitor.as_deref() {
                            s.monitor = None;
                            s.mode = l.default_monitor().map_or(Mode::Min, Mode::for_column);
                        }
                    });
                    log.set(Some(Arc::new(l)));
                }
                Err(e) => {
                    log.set(None);
                    error.set(Some(format!("{name}: {e}")));
                }
            }
        });
    };
    let load_example =
        move |e: ExampleRun| load(e.file_name().to_string(), LogSource::Text(e.text()));
    if let Some(e) = settings.get_untracked().example {
        load_example(e);
    }
    let load_file = move |f: web_sys::File| {
        settings.update(|s| s.example = None);
        load(f.name(), LogSource::File(f));
    };
    let cancel = move |_| {
        generation.set_value(generation.get_value().wrapping_add(1));
        progress.set(None);
        error.set(Some("Reading the log was cancelled.".into()));
    };

    let shown = Memo::new(move |_| log.with(|l| l.as_ref().map(|l| settings.with(|s| show(l, s)))));
    let alert = move || {
        error
            .get()
            .or_else(|| shown.with(|s| s.as_ref().and_then(|s| s.problem.clone())))
    };
    let columns = move || {
        log.with(|l| {
            l.as_ref()
                .map(|l| l.columns.iter().map(|c| c.name.clone()).collect::<Vec<_>>())
        })
        .unwrap_or_default()
    };
    let monitored = move || {
        log.with(|l| {
            l.as_ref()
                .and_then(|l| settings.with(|s| s.monitored(l).map(String::from)))
        })
    };
    let s0 = settings.get_untracked();

    view! {
        <section class="run-explorer" aria-labelledby="run-title">
            <h2 id="run-title">"Run explorer"</h2>
            <p>"Read a finished run's log: where early stopping would have stopped it, what the best checkpoint gives, and whether it overfits. Nothing leaves your browser."</p>
            <div class="run-sources">
                <div class="field">
                    <label for="run-example">"Example run"</label>
                    <select id="run-example" prop:value=move || settings.with(|s| s.example.map_or("", |e| e.id())) on:change=move |ev| {
                        let e = ExampleRun::from_id(&event_target_value(&ev));
                        settings.update(|s| s.example = e);
                        if let Some(e) = e { load_example(e); }
                    }>
                        <option value="" selected=s0.example.is_none()>"None: use my own log"</option>
                        {ExampleRun::ALL.map(|e| view! {
                            <option value=e.id() selected=s0.example == Some(e)>{e.label()}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="run-drop" class:dragging=move || dragging.get() role="group"
                    aria-label="Drop a training log" aria-describedby="run-file-hint"
                    on:dragover=move |ev: web_sys::DragEvent| { ev.prevent_default(); dragging.set(true); }
                    on:dragleave=move |_| dragging.set(false)
                    on:drop=move |ev: web_sys::DragEvent| {
                        ev.prevent_default();
                        dragging.set(false);
                        if let Some(f) = ev.data_transfer().and_then(|d| d.files()).and_then(|l| l.get(0)) {
                            load_file(f);
                        }
                    }>
                    <label for="run-file">"Training log file"</label>
                    <input id="run-file" type="file" aria-describedby="run-file-hint"
                        accept=".csv,.json,.jsonl,.txt,.b64,text/csv,application/json"
                        on:change=move |ev| {
                            let input: web_sys::HtmlInputElement = ev.target().unwrap().unchecked_into();
                            if let Some(f) = input.files().and_then(|l| l.get(0)) { load_file(f); }
                            input.set_value("");
                        } />
                    <p class="hint" id="run-file-hint">"Or drop it on this box: OpenAI's result file (CSV or base64), Hugging Face's trainer_state.json, or any CSV or JSON log with a step or epoch column."</p>
                </div>
                <div class="field run-paste">
                    <label for="run-paste">"Or paste a log"</label>
                    <textarea id="run-paste" rows="4" spellcheck="false" on:input=move |ev| {
                        settings.update(|s| s.example = None);
                        load("The pasted log".into(), LogSource::Text(event_target_value(&ev)));
                    }></textarea>
                </div>
            </div>
            <div class="run-progress" prop:hidden=move || progress.with(Option::is_none)>
                <label for="run-progress-bar">{move || progress.with(|p| p.as_ref().map(|(n, d, t)| format!("Reading {n}: {:.0}%", 100.0 * d / t.max(1.0))).unwrap_or_default())}</label>
                <progress id="run-progress-bar" max="1" prop:value=move || progress.with(|p| p.as_ref().map_or(0.0, |(_, d, t)| d / t.max(1.0)))></progress>
                <button type="button" on:click=cancel>"Cancel"</button>
            </div>
            <div class="run-error" role="alert">{alert}</div>
            <fieldset class="run-settings">
                <legend>"Early stopping"</legend>
                <div class="field">
                    <label for="run-rule">"Rule"</label>
                    <select id="run-rule" aria-describedby="run-rule-hint" on:change=move |ev| {
                        let r = StoppingRule::from_id(&event_target_value(&ev)).unwrap_or_default();
                        settings.update(|s| s.rule = r);
                    }>
                        <option value="keras" selected=s0.rule == StoppingRule::Keras>"Keras / Lightning"</option>
                        <option value="hf" selected=s0.rule == StoppingRule::HuggingFace>"Hugging Face"</option>
                    </select>
                    <p class="hint" id="run-rule-hint">"Keras: only a gain of more than min_delta counts. Hugging Face: any gain moves the best, but only one of more than min_delta resets the count, so it can stop sooner."</p>
                </div>
                <div class="field">
                    <label for="run-column">"Monitored column"</label>
                    <select id="run-column" on:change=move |ev| {
                        let c = event_target_value(&ev);
                        settings.update(|s| { s.mode = Mode::for_column(&c); s.monitor = Some(c); });
                    }>
                        {move || {
                            let current = monitored();
                            columns().into_iter().map(|c| {
                                let selected = current.as_deref() == Some(c.as_str());
                                let label = c.clone();
                                view! { <option value=c selected=selected>{label}</option> }
                            }).collect_view()
                        }}
                    </select>
                </div>
                <div class="field">
                    <label for="run-mode">"Better is"</label>
                    <select id="run-mode" prop:value=move || settings.with(|s| s.mode.id()) on:change=move |ev| {
                        let m = Mode::from_id(&event_target_value(&ev)).unwrap_or_default();
                        settings.update(|s| s.mode = m);
                    }>
                        <option value="min">"Lower (min: losses)"</option>
                        <option value="max">"Higher (max: accuracy)"</option>
                    </select>
                </div>
                <RunField id="run-patience" label="Patience (checks)" hint="Validation checks without improvement before stopping."
                    initial=s0.patience.to_string()
                    on_text=Callback::new(move |t: String| match parse_patience(&t) {
                        Ok(v) => { settings.update(|s| s.patience = v); None }
                        Err(e) => Some(e),
                    }) />
                <RunField id="run-min-delta" label="min_delta" hint="The smallest change that counts as an improvement."
                    initial=number_text(s0.min_delta)
                    on_text=Callback::new(move |t: String| match parse_min_delta(&t) {
                        Ok(v) => { settings.update(|s| s.min_delta = v); None }
                        Err(e) => Some(e),
                    }) />
                <RunField id="run-start-from" label="Start from epoch" hint="Checks before this epoch (or step, without epochs) are ignored. Empty: none."
                    initial=text_of(s0.start_from)
                    on_text=Callback::new(move |t: String| match parse_optional(&t) {
                        Ok(v) => { settings.update(|s| s.start_from = v); None }
                        Err(e) => Some(e),
                    }) />
                <RunField id="run-divergence" label="Divergence threshold" hint="Stop at once when the value is worse than this. Empty: none."
                    initial=text_of(s0.divergence)
                    on_text=Callback::new(move |t: String| match parse_optional(&t) {
                        Ok(v) => { settings.update(|s| s.divergence = v); None }
                        Err(e) => Some(e),
                    }) />
            </fieldset>
            <div class="run-results" role="region" aria-label="Run verdict" aria-live="polite"
                inner_html=move || shown.with(|s| s.as_ref().map_or_else(
                    || "<p>Pick an example run, or drop, pick or paste a training log.</p>".to_string(),
                    |s| s.text.clone()))></div>
            <div class="run-figure" inner_html=move || shown.with(|s| s.as_ref().map(|s| s.chart.clone()).unwrap_or_default())></div>
        </section>
    }
}
