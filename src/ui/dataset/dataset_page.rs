//! The dataset validator: pick or drop a file, watch it being checked in
//! the worker, read the verdict, findings, statistics and cost, download
//! clean data. The training file's report (never its contents) is kept in
//! local storage, so leaving the page and coming back shows it again, and
//! open tabs of the page follow each other's settings and kept report.

use std::sync::Arc;

use leptos::prelude::*;
use web_sys::File;

use crate::core::dataset::brief::DatasetBrief;
use crate::core::dataset::export::ExportKind;
use crate::core::dataset::job::JobOptions;
use crate::core::dataset::providers;
use crate::core::dataset::saved_report::{self, SavedReport};
use crate::core::dataset::settings::{self, DatasetSettings};
use crate::core::dataset::summary::ReportJson;
use crate::core::dataset::tokens::Encoding;
use crate::core::dataset::validate_line::Format;
use crate::core::number_format;
use crate::ui::browser_state;
use crate::ui::dataset::dataset_downloads::{DatasetDownloads, convertible};
use crate::ui::dataset::dataset_findings::DatasetFindings;
use crate::ui::dataset::dataset_stats::DatasetStats;
use crate::ui::dataset::file_picker::{FilePicker, first_file};
use crate::ui::dataset::training_cost::TrainingCost;
use crate::ui::dataset::validation_client::{JobEvent, ValidationClient};
use crate::ui::dataset::validation_progress::ValidationProgress;

/// Where one file slot of the page is.
#[derive(Clone, Debug, PartialEq)]
enum FileState {
    /// No file chosen, nothing kept from earlier.
    Empty,
    /// No file chosen: the report kept from an earlier check (training
    /// slot only). The file itself is not held, so nothing can be exported.
    Saved(Arc<SavedReport>),
    /// No file chosen: the kept report was just forgotten.
    Forgotten,
    /// A validation file queued until the training file's check ends (its
    /// overlap check needs the training examples).
    Waiting {
        name: String,
        size: f64,
    },
    /// Being checked by the worker. `status` is the worker's own message
    /// (loading the vocabulary, say), shown instead of the progress text.
    Running {
        name: String,
        size: f64,
        bytes: f64,
        lines: f64,
        status: Option<String>,
    },
    Done {
        name: String,
        report: Arc<ReportJson>,
        chart: Arc<str>,
        notice: Option<String>,
        /// From the check's start to its report, as the user waited.
        millis: f64,
        /// Of which loading the vocabulary (its name), if there was a wait.
        vocabulary: Option<(f64, &'static str)>,
        size: f64,
    },
    Failed {
        name: String,
        message: String,
    },
    Cancelled {
        name: String,
    },
}

impl FileState {
    /// The chosen file's name (none for a kept report: no file is chosen).
    fn name(&self) -> Option<String> {
        match self {
            FileState::Empty | FileState::Saved(_) | FileState::Forgotten => None,
            FileState::Waiting { name, .. }
            | FileState::Running { name, .. }
            | FileState::Done { name, .. }
            | FileState::Failed { name, .. }
            | FileState::Cancelled { name } => Some(name.clone()),
        }
    }

    fn report(&self) -> Option<Arc<ReportJson>> {
        match self {
            FileState::Done { report, .. } => Some(report.clone()),
            _ => None,
        }
    }

    /// Whether no file is chosen in this slot (a kept report may show).
    fn is_fileless(&self) -> bool {
        matches!(
            self,
            FileState::Empty | FileState::Saved(_) | FileState::Forgotten
        )
    }
}

/// Where the data download (made by the worker from the file) is.
#[derive(Clone, Debug, PartialEq)]
enum ExportState {
    Idle,
    /// Started for the file `name`.
    Preparing {
        name: String,
    },
    /// `bytes` of the file read so far.
    Reading {
        bytes: f64,
    },
    /// Offered as these files.
    Downloaded(Vec<String>),
    Failed(String),
    Cancelled,
}

impl ExportState {
    /// Whether an export is under way (the export buttons wait).
    fn is_busy(&self) -> bool {
        matches!(
            self,
            ExportState::Preparing { .. } | ExportState::Reading { .. }
        )
    }

    /// What the page says about it.
    fn message(&self) -> Option<String> {
        match self {
            ExportState::Idle => None,
            ExportState::Preparing { name } => Some(format!("Preparing {name}…")),
            ExportState::Reading { bytes } => Some(format!(
                "Preparing the download… {}",
                number_format::bytes(*bytes)
            )),
            ExportState::Downloaded(names) => Some(format!("Downloaded {}.", names.join(" and "))),
            ExportState::Failed(message) => Some(format!("The download failed: {message}")),
            ExportState::Cancelled => Some("Cancelled.".into()),
        }
    }
}

const TRAINING: usize = 0;
const VALIDATION: usize = 1;

/// The report kept from an earlier visit, if any and if it reads back.
fn load_saved() -> Option<SavedReport> {
    browser_state::load(browser_state::DATASET_REPORT_KEY)
        .and_then(|json| SavedReport::from_json(&json))
}

/// Now, as an ISO date-time with the user's offset, from the browser clock.
fn now_checked_at() -> Option<String> {
    let d = js_sys::Date::new_0();
    saved_report::local_date_time(
        i64::from(d.get_full_year()),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes(),
        d.get_seconds(),
        // `getTimezoneOffset` counts minutes west of UTC.
        -(d.get_timezone_offset().round() as i32),
    )
}

/// Keeps a checked training file's report and brief in local storage;
/// returns the kept record, or `None` when nothing could be kept (then no
/// older report stays behind either).
fn keep_report(
    report: &ReportJson,
    name: &str,
    min_examples: Option<usize>,
) -> Option<SavedReport> {
    let saved = now_checked_at()
        .and_then(|at| SavedReport::from_report(report, name, &at))
        .filter(|s| browser_state::save(browser_state::DATASET_REPORT_KEY, &s.to_json()));
    match &saved {
        Some(s) => {
            let brief = DatasetBrief::from_report(report, name, &s.checked_at, min_examples);
            browser_state::save(browser_state::DATASET_BRIEF_KEY, &brief.to_query());
        }
        None => forget_report(),
    }
    saved
}

/// Removes the kept report and brief from local storage.
fn forget_report() {
    browser_state::save(browser_state::DATASET_REPORT_KEY, "");
    browser_state::save(browser_state::DATASET_BRIEF_KEY, "");
}

fn job_options(s: &DatasetSettings, is_validation_set: bool) -> JobOptions {
    let provider = providers::by_id(&s.provider);
    JobOptions {
        encoding: s.encoding.map(|e| e.name().to_string()),
        format: s.format.map(|f| f.id().to_string()),
        max_tokens_per_example: s.max_tokens,
        min_examples: if is_validation_set {
            Some(1)
        } else {
            provider.and_then(|p| p.min_examples)
        },
        is_validation_set,
        split_seed: s.seed,
        clean_examples: 0,
        compare_with_training: false,
        provider: Some(s.provider.clone()),
        workers: workers(),
    }
}

/// Workers one check may use: this device's cores, at most four.
fn workers() -> usize {
    web_sys::window()
        .map(|w| w.navigator().hardware_concurrency())
        .filter(|n| n.is_finite() && *n >= 1.0)
        .map_or(1, |n| (n as usize).min(4))
}

/// "Checked 21.0 MB in 0.80 s (26 MB/s), on this device.", or with a
/// wait for the vocabulary, "Checked 31.5 MB in 4.90 s (2.4 s of it
/// loading the o200k_base vocabulary, once), on this device." The time is
/// the whole wait, from the file's choice to its report.
fn checked_text(size: f64, millis: f64, vocabulary: Option<(f64, &str)>) -> String {
    let secs = millis / 1000.0;
    let loading = vocabulary.filter(|(ms, _)| *ms >= 50.0);
    let checking = secs - loading.map_or(0.0, |(ms, _)| ms / 1000.0);
    let detail = match loading {
        Some((ms, name)) => format!(
            " ({:.1} s of it loading the {name} vocabulary, once)",
            ms / 1000.0
        ),
        None if size >= 1e6 && checking > 0.0 => format!(" ({:.0} MB/s)", size / 1e6 / checking),
        None => String::new(),
    };
    format!(
        "Checked {} in {secs:.2} s{detail}, on this device.",
        number_format::bytes(size)
    )
}

/// The Dataset page.
#[component]
pub fn DatasetPage() -> impl IntoView {
    let settings = RwSignal::new(
        browser_state::load(browser_state::DATASET_KEY)
            .map(|q| settings::decode(&q))
            .unwrap_or_default(),
    );
    Effect::new(move |_| {
        browser_state::save(browser_state::DATASET_KEY, &settings.with(settings::encode));
    });
    let client = ValidationClient::new();
    let files = StoredValue::new_local([None::<File>, None::<File>]);
    let jobs = StoredValue::new([None::<u32>, None::<u32>]);
    let generation = StoredValue::new([0u32, 0u32]);
    // With no file chosen, the training slot shows the report kept from
    // an earlier visit (the calculator and back, a reload, another day).
    let states = [
        RwSignal::new(load_saved().map_or(FileState::Empty, |s| FileState::Saved(Arc::new(s)))),
        RwSignal::new(FileState::Empty),
    ];
    // The kept record's label ("train.jsonl, checked …") while the shown
    // training report is the one kept in storage.
    let kept = RwSignal::new(None::<String>);
    let export_state = RwSignal::new(ExportState::Idle);
    let export_job = StoredValue::new(None::<u32>);

    // Starts (or restarts) the check of file `slot`. The validation set
    // waits for the training set: its overlap check needs those examples.
    // `focus`: the user chose the file, so the verdict takes focus when it
    // arrives (a re-check after a settings change leaves focus alone).
    let run = move |slot: usize, focus: bool| {
        let Some(file) = files.with_value(|f| f[slot].clone()) else {
            return;
        };
        if let Some(job) = jobs.with_value(|j| j[slot]) {
            client.cancel(job);
        }
        jobs.update_value(|j| j[slot] = None);
        // Events of a replaced job (its "cancelled", say) are ignored.
        let current = generation
            .try_update_value(|g| {
                g[slot] += 1;
                g[slot]
            })
            .unwrap_or(0);
        let is_current = move || generation.with_value(|g| g[slot]) == current;
        if slot == VALIDATION
            && matches!(states[TRAINING].get_untracked(), FileState::Running { .. })
        {
            states[VALIDATION].set(FileState::Waiting {
                name: file.name(),
                size: file.size(),
            });
            return;
        }
        let (name, size) = (file.name(), file.size());
        states[slot].set(FileState::Running {
            name: name.clone(),
            size,
            bytes: 0.0,
            lines: 0.0,
            status: None,
        });
        let mut options = settings.with_untracked(|s| job_options(s, slot == VALIDATION));
        options.compare_with_training = slot == VALIDATION
            && matches!(states[TRAINING].get_untracked(), FileState::Done { .. });
        let state = states[slot];
        let options_encoding = options.encoding().map(Encoding::name);
        let started = browser_state::now_ms();
        let job = client.validate(&file, &options, move |event| {
            if !is_current() {
                return;
            }
            match event {
                JobEvent::Status(text) => state.update(|s| {
                    if let FileState::Running { status, .. } = s {
                        *status = Some(text)
                    }
                }),
                JobEvent::Progress { bytes: b, lines: l } => state.update(|s| {
                    if let FileState::Running {
                        bytes,
                        lines,
                        status,
                        ..
                    } = s
                    {
                        (*bytes, *lines, *status) = (b, l, None);
                    }
                }),
                JobEvent::Done {
                    report,
                    chart,
                    vocabulary_millis,
                    memory,
                    notice,
                } => {
                    let millis = browser_state::now_ms() - started;
                    browser_state::record_timing(
                        "dataset-validate",
                        browser_state::now_ms() - started,
                    );
                    browser_state::record_timing("dataset-worker-memory-bytes", memory);
                    let report: Arc<ReportJson> = Arc::from(report);
                    if slot == TRAINING {
                        let min_examples = settings.with_untracked(|s| {
                            providers::by_id(&s.provider).and_then(|p| p.min_examples)
                        });
                        kept.set(keep_report(&report, &name, min_examples).map(|s| s.label()));
                    }
                    state.set(FileState::Done {
                        name: name.clone(),
                        report,
                        chart: chart.into(),
                        notice,
                        millis,
                        vocabulary: options_encoding.map(|e| (vocabulary_millis, e)),
                        size,
                    });
                    jobs.update_value(|j| j[slot] = None);
                    if focus && slot == TRAINING {
                        browser_state::focus_after_paint("verdict-title");
                    }
                }
                JobEvent::Cancelled => state.set(FileState::Cancelled { name: name.clone() }),
                JobEvent::Failed(message) => state.set(FileState::Failed {
                    name: name.clone(),
                    message,
                }),
                JobEvent::Exported(_) => {}
            }
        });
        jobs.update_value(|j| j[slot] = Some(job));
    };
    // When the training file is done (or cancelled, or failed), a waiting
    // validation file goes next; overlap is checked only against a report.
    Effect::new(move |_| {
        if !matches!(states[TRAINING].get(), FileState::Running { .. })
            && files.with_value(|f| f[VALIDATION].is_some())
            && matches!(
                states[VALIDATION].get_untracked(),
                FileState::Waiting { .. }
            )
        {
            run(VALIDATION, false);
        }
    });
    let choose = move |slot: usize, file: File| {
        files.update_value(|f| f[slot] = Some(file));
        run(slot, true);
        if slot == TRAINING && files.with_value(|f| f[VALIDATION].is_some()) {
            run(VALIDATION, false);
        }
    };
    let cancel = move |slot: usize| {
        // The Cancel button disappears: keep the keyboard where it was.
        browser_state::focus_after_paint(if slot == TRAINING {
            "training-file"
        } else {
            "validation-file"
        });
        if let Some(job) = jobs.with_value(|j| j[slot]) {
            client.cancel(job);
        } else {
            states[slot].set(FileState::Cancelled {
                name: states[slot].get_untracked().name().unwrap_or_default(),
            });
        }
    };
    // A change of what is checked re-checks the files.
    let checked = Memo::new(move |_| {
        settings.with(|s| (s.provider.clone(), s.max_tokens, s.encoding, s.format))
    });
    Effect::new(move |previous: Option<()>| {
        // `get`, not `track`: a memo that is only tracked never runs, so it
        // would never notice the settings change.
        let _ = checked.get();
        if previous.is_some() {
            run(TRAINING, false);
            run(VALIDATION, false);
        }
    });
    // The user is about to choose a file (opening the file dialog, or a
    // drag entering the page): start the worker and its vocabulary now,
    // so both overlap with the choice.
    let prepare = Callback::new(move |()| {
        if let Some(e) = settings.with_untracked(|s| s.encoding) {
            client.prepare(e);
        }
    });
    let enter = window_event_listener(leptos::ev::dragenter, move |_| prepare.run(()));
    // Drop anywhere on the page: the training file.
    let over = window_event_listener(leptos::ev::dragover, |ev| ev.prevent_default());
    let drop = window_event_listener(leptos::ev::drop, move |ev| {
        ev.prevent_default();
        if let Some(f) = first_file(ev.data_transfer().and_then(|d| d.files())) {
            choose(TRAINING, f);
        }
    });
    on_cleanup(move || {
        enter.remove();
        over.remove();
        drop.remove();
    });

    let export = move |kind: ExportKind| {
        let Some(file) = files.with_value(|f| f[TRAINING].clone()) else {
            return;
        };
        let Some(report) = states[TRAINING].get_untracked().report() else {
            return;
        };
        let mut options = settings.with_untracked(|s| job_options(s, false));
        options.clean_examples = report.clean_examples;
        export_state.set(ExportState::Preparing { name: file.name() });
        let job = client.export(&file, &options, kind, move |event| match event {
            JobEvent::Progress { bytes, .. } => export_state.set(ExportState::Reading { bytes }),
            JobEvent::Exported(blobs) => {
                export_state.set(ExportState::Downloaded(
                    blobs.iter().map(|(n, _)| n.clone()).collect(),
                ));
                for (name, blob) in blobs {
                    browser_state::download_blob(&name, &blob);
                }
                export_job.set_value(None);
            }
            JobEvent::Failed(message) => {
                export_state.set(ExportState::Failed(message));
                export_job.set_value(None);
            }
            JobEvent::Cancelled => export_state.set(ExportState::Cancelled),
            JobEvent::Status(_) | JobEvent::Done { .. } => {}
        });
        export_job.set_value(Some(job));
    };
    let exporting = Signal::derive(move || export_state.with(ExportState::is_busy));

    // "Forget this report": nothing of it stays in storage. A report shown
    // with its file stays on screen (until the page is left).
    let forget = move || {
        forget_report();
        kept.set(None);
        if matches!(states[TRAINING].get_untracked(), FileState::Saved(_)) {
            states[TRAINING].set(FileState::Forgotten);
            browser_state::focus_after_paint("training-file");
        }
    };
    // Another tab changed the settings or the kept report: follow it. The
    // settings' own effect then stores the same text again, which fires no
    // event, so two tabs never answer each other in a loop.
    browser_state::on_storage_change(move |key, value| {
        if key == browser_state::DATASET_KEY {
            let incoming = value.map(|q| settings::decode(&q)).unwrap_or_default();
            if settings.with_untracked(|s| *s != incoming) {
                settings.set(incoming);
            }
        } else if key == browser_state::DATASET_REPORT_KEY {
            let incoming = value.as_deref().and_then(SavedReport::from_json);
            let training = states[TRAINING];
            if training.with_untracked(FileState::is_fileless) {
                let next = match incoming {
                    Some(s) => FileState::Saved(Arc::new(s)),
                    None if matches!(training.get_untracked(), FileState::Saved(_)) => {
                        FileState::Forgotten
                    }
                    None => return,
                };
                if training.with_untracked(|s| *s != next) {
                    training.set(next);
                }
            } else {
                // The file shown here is no longer the one kept.
                kept.set(None);
            }
        }
    });

    let provider_options = providers::all()
        .iter()
        .map(|p| view! { <option value=p.id>{p.name}</option> })
        .collect_view();
    let provider = Memo::new(move |_| settings.with(|s| providers::by_id(&s.provider)));
    // The model's fine-tuning status is judged against the user's day.
    let today = browser_state::today();
    let model_options = move || {
        provider.get().map(|p| {
            p.models
                .iter()
                .map(|m| view! { <option value=m.id>{format!("{} — {} tokens per example", m.label(&today), number_format::count(m.max_tokens_per_example as f64))}</option> })
                .collect_view()
        })
    };
    let set_provider = move |ev| {
        let id = event_target_value(&ev);
        let p = providers::by_id(&id);
        settings.update(|s| {
            s.provider = id;
            let first = p.as_ref().and_then(|p| p.models.first().cloned());
            s.model = first.map(|m| m.id.to_string()).unwrap_or_default();
            s.max_tokens = first.map(|m| m.max_tokens_per_example).or(s.max_tokens);
        });
    };
    let set_model = move |ev| {
        let id = event_target_value(&ev);
        let limit = provider
            .get_untracked()
            .and_then(|p| p.models.iter().find(|m| m.id == id))
            .map(|m| m.max_tokens_per_example);
        settings.update(|s| {
            s.model = id;
            if limit.is_some() {
                s.max_tokens = limit;
            }
        });
    };
    let source = move || {
        provider.get().map(|p| {
            let model = settings.with(|s| p.models.iter().find(|m| m.id == s.model).cloned());
            let (src, date) = model.map(|m| (m.source, m.as_of)).unwrap_or((p.source, p.as_of));
            view! {
                <p class="hint source">
                    {format!("{}: {}; ", p.name, p.min_examples.map_or("no documented minimum of examples".into(), |n| format!("at least {}", number_format::counted(n, "example", "examples"))))}
                    {p.billing}" Source: "<a href=src rel="noopener noreferrer">{src}</a>{format!(" (as of {date}).")}
                </p>
                <ProviderNote id=p.id />
            }
        })
    };

    let progress_for = move |slot: usize, label: &'static str| {
        move || {
            match states[slot].get() {
            FileState::Running { size, .. } => {
                let state = states[slot];
                let done = Signal::derive(move || match state.get() { FileState::Running { bytes, .. } => bytes, _ => size });
                let lines = Signal::derive(move || match state.get() { FileState::Running { lines, .. } => lines, _ => 0.0 });
                let status = Signal::derive(move || match state.get() { FileState::Running { status, .. } => status, _ => None });
                Some(view! { <ValidationProgress label=label.to_string() done total=size lines status on_cancel=Callback::new(move |_| cancel(slot)) /> }.into_any())
            }
            FileState::Failed { name, message } => Some(view! { <p class="error-message" role="alert">{format!("{name} could not be checked: {message}")}</p> }.into_any()),
            FileState::Cancelled { name } => Some(view! { <p class="hint" role="status">{format!("Cancelled: {name} was not checked. Pick it again to restart.")}</p> }.into_any()),
            FileState::Waiting { size, .. } => Some(view! {
                <ValidationProgress label=label.to_string() done=0.0 total=size lines=0.0
                    status=Some("Waiting for the training file…".to_string())
                    on_cancel=Callback::new(move |_| cancel(slot)) />
            }.into_any()),
            FileState::Done { millis, size, notice, vocabulary, .. } => Some(view! {
                <p class="hint timing">{checked_text(size, millis, vocabulary)}</p>
                {notice.map(|n| view! { <p class="notice" role="status">{n}</p> })}
                {(slot == TRAINING).then_some(move || kept.get().map(|label| view! {
                    <p class="hint kept">
                        {format!("This report (not the file, nor the text of its lines) is kept on this device for your next visit: {label}. ")}
                        <button type="button" class="link-button" on:click=move |_| forget()>"Forget this report"</button>
                    </p>
                }))}
            }.into_any()),
            FileState::Saved(saved) => Some(view! {
                <div class="saved-report" role="group" aria-labelledby="saved-title">
                    <p id="saved-title"><strong>"Report kept from an earlier visit: "</strong>{saved.label()}</p>
                    <p class="hint">
                        "Only this report is kept on this device: the file itself is not, nor the text of its lines. "
                        "To see the lines or download findings, valid lines or a split, pick the file again."
                    </p>
                    <button type="button" on:click=move |_| forget()>"Forget this report"</button>
                </div>
            }.into_any()),
            FileState::Forgotten => Some(view! {
                <p class="hint" role="status">"Forgotten: nothing of the last report is kept on this device."</p>
            }.into_any()),
            FileState::Empty => None,
        }
        }
    };

    let report_view = move || {
        let (name, report, chart, saved) = match states[TRAINING].get() {
            FileState::Done {
                name,
                report,
                chart,
                ..
            } => (name, report, chart, false),
            // No histogram drawing: the worker draws it while checking.
            FileState::Saved(s) => (
                s.file_name.clone(),
                Arc::new(s.report.clone()),
                Arc::<str>::from(""),
                true,
            ),
            _ => return None,
        };
        let limit = settings.with_untracked(|s| s.max_tokens);
        let token_note = report.tokens.as_ref().and_then(|t| {
            settings
                .with_untracked(|s| providers::by_id(&s.provider))
                .and_then(|p| p.token_count_note(&t.encoding))
        });
        let stem = name
            .strip_suffix(".jsonl")
            .or_else(|| name.strip_suffix(".json"))
            .unwrap_or(&name)
            .to_string();
        let validation = Signal::derive(move || states[VALIDATION].with(FileState::report));
        Some(view! {
            <div class="dataset-report">
                {if !saved && convertible(&report) {
                    let convert = Callback::new(move |()| export(ExportKind::ToJsonl));
                    view! { <DatasetFindings report=report.clone() file_name=name.clone() convert busy=exporting /> }.into_any()
                } else {
                    view! { <DatasetFindings report=report.clone() file_name=name.clone() saved /> }.into_any()
                }}
                {(report.tokens.is_some() && report.valid_examples > 0).then(|| view! { <TrainingCost report=report.clone() validation settings /> })}
                <DatasetStats report=report.clone() chart limit token_note />
                {if saved {
                    view! {
                        <section class="panel" aria-labelledby="downloads-title">
                            <h2 id="downloads-title">"Downloads"</h2>
                            <p>{format!("Downloads are made from the file itself, which is not kept: pick {name} again to download its findings, its valid lines or a train/test split.")}</p>
                        </section>
                    }.into_any()
                } else {
                    view! {
                        <DatasetDownloads report=report.clone() stem on_export=Callback::new(export) busy=exporting
                            native=settings.with_untracked(|s| providers::by_id(&s.provider).and_then(|p| p.native_format()))
                            seed=Signal::derive(move || settings.with(|s| s.seed))
                            on_seed=Callback::new(move |v| settings.update(|s| s.seed = v)) />
                        <p class="hint" aria-live="polite">{move || export_state.with(ExportState::message)}</p>
                    }.into_any()
                }}
            </div>
        })
    };
    let validation_view = move || {
        let FileState::Done { name, report, .. } = states[VALIDATION].get() else {
            return None;
        };
        Some(view! {
            <section class="panel validation-report" aria-labelledby="validation-title">
                <h2 id="validation-title">"Validation set"</h2>
                <p>{format!(
                    "{name}: {}, {}, {}; {} also in the training file.",
                    number_format::counted(report.valid_examples, "valid example", "valid examples"),
                    number_format::counted(report.error_total(), "error", "errors"),
                    number_format::counted(report.warning_total(), "warning", "warnings"),
                    number_format::counted(report.warning_counts.get("in_both_sets").copied().unwrap_or(0), "example", "examples"),
                )}</p>
                <details><summary>"Its findings"</summary><DatasetFindings report=report.clone() file_name=name.clone() /></details>
            </section>
        })
    };

    view! {
        <div class="page-intro">
            <h1>"Check a fine-tuning dataset"</h1>
            <p class="lede">
                "Drop a JSONL file anywhere on this page. Every line is checked on this device (nothing is uploaded), "
                "with exact token counts, statistics, a cost estimate and clean downloads."
            </p>
        </div>
        <section class="panel" aria-labelledby="target-title">
            <h2 id="target-title">"Target"</h2>
            <div class="grid">
                <div class="field">
                    <label for="provider">"Provider"</label>
                    <select id="provider" prop:value=move || settings.with(|s| s.provider.clone()) on:change=set_provider>{provider_options}</select>
                </div>
                <div class="field">
                    <label for="model">"Model (per-example limit)"</label>
                    <select id="model" prop:value=move || settings.with(|s| s.model.clone()) on:change=set_model>
                        {model_options}
                        <option value="">"Custom limit"</option>
                    </select>
                </div>
                <div class="field">
                    <label for="max-tokens">"Tokens per example at most"</label>
                    <input id="max-tokens" type="number" min="1" step="1" inputmode="numeric"
                        prop:value=move || settings.with(|s| s.max_tokens.map(|m| m.to_string()).unwrap_or_default())
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            settings.update(|s| {
                                s.max_tokens = v.trim().parse().ok().filter(|m: &usize| *m > 0);
                                s.model = String::new();
                            });
                        } />
                </div>
                <div class="field">
                    <label for="encoding">"Tokenizer"</label>
                    <select id="encoding" prop:value=move || settings.with(|s| s.encoding.map_or("none", Encoding::name).to_string())
                        on:change=move |ev| { let v = event_target_value(&ev); settings.update(|s| s.encoding = Encoding::from_name(&v)); }>
                        <option value="o200k_base">"o200k_base (GPT-4o, GPT-4.1 and later)"</option>
                        <option value="cl100k_base">"cl100k_base (GPT-3.5, GPT-4)"</option>
                        <option value="none">"None (faster, no token counts)"</option>
                    </select>
                </div>
                <div class="field">
                    <label for="format">"Format"</label>
                    <select id="format" prop:value=move || settings.with(|s| s.format.map_or("", Format::id).to_string())
                        on:change=move |ev| { let v = event_target_value(&ev); settings.update(|s| s.format = Format::from_id(&v)); }>
                        // Vertex AI and Bedrock take one format: lines are checked as it.
                        <option value="">{move || provider.get().and_then(|p| p.native_format()).map_or("Detect per line".to_string(), |f| format!("{} (the provider's own)", f.label()))}</option>
                        {Format::ALL.into_iter().map(|f| view! { <option value=f.id()>{f.label()}</option> }).collect_view()}
                    </select>
                </div>
            </div>
            {source}
        </section>
        <section class="panel files" aria-labelledby="files-title">
            <h2 id="files-title">"Files"</h2>
            <div class="grid">
                <FilePicker id="training-file" label="Training file (JSONL)"
                    hint="Or drop it anywhere on the page. Files of any size are read in slices."
                    on_file=Callback::new(move |f| choose(TRAINING, f)) on_intent=prepare
                    chosen=Signal::derive(move || states[TRAINING].with(FileState::name)) />
                <FilePicker id="validation-file" label="Validation file (optional)"
                    hint="Checked too; examples found in both files are flagged."
                    on_file=Callback::new(move |f| choose(VALIDATION, f)) on_intent=prepare
                    chosen=Signal::derive(move || states[VALIDATION].with(FileState::name)) />
            </div>
            {progress_for(TRAINING, "Checking the training file")}
            {progress_for(VALIDATION, "Checking the validation file")}
        </section>
        {report_view}
        {validation_view}
    }
}

/// "How sure are these figures?" for provider `id`: the note is read from
/// `providers.json` (copied beside the page by the build) when the reader
/// opens it, so the page's code does not carry every provider's notes.
#[component]
fn ProviderNote(id: &'static str) -> impl IntoView {
    let note = RwSignal::new(None::<String>);
    let load = move |ev: leptos::ev::Event| {
        let open = event_target::<web_sys::Element>(&ev).has_attribute("open");
        if open && note.with_untracked(Option::is_none) {
            note.set(Some("Loading…".into()));
            leptos::task::spawn_local(async move {
                let text = browser_state::fetch_text("providers.json").await;
                note.set(Some(
                    text.ok()
                        .and_then(|t| providers::note_from_json(&t, id))
                        .unwrap_or_else(|| "The notes could not be loaded: check your connection, or read data/providers.json in the project's repository.".into()),
                ));
            });
        }
    };
    view! {
        <details class="hint source" on:toggle=load>
            <summary>"How sure are these figures?"</summary>
            <p>{move || note.get()}</p>
        </details>
    }
}
