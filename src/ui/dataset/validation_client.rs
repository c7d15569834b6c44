//! The page's side of the validation worker (`src/validation_worker.rs`):
//! starts it, queues commands until it is ready, and routes its messages
//! to the job that asked.
//!
//! Messages follow `core::dataset::worker_protocol`; this side reads and
//! writes them field by field (its tags and field names), not through
//! serde, which would not fit in the page's first-visit download.

use std::collections::HashMap;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{Blob, File, MessageEvent, Worker};

use crate::core::dataset::export::ExportKind;
use crate::core::dataset::job::JobOptions;
use crate::core::dataset::summary::ReportJson;
use crate::core::dataset::tokens::Encoding;
use crate::core::dataset::worker_protocol::{Kind, ToWorker, field};

/// What a job reports.
pub enum JobEvent {
    /// A step such as loading the vocabulary.
    Status(String),
    Progress {
        bytes: f64,
        lines: f64,
    },
    Done {
        report: Box<ReportJson>,
        /// The token histogram as SVG, drawn by the worker.
        chart: String,
        /// How long the worker waited for the vocabulary.
        vocabulary_millis: f64,
        /// The worker's WebAssembly memory when it finished, in bytes.
        memory: f64,
        /// Why tokens were not counted although asked for.
        notice: Option<String>,
    },
    Exported(Vec<(String, Blob)>),
    Cancelled,
    Failed(String),
}

type Handler = std::rc::Rc<dyn Fn(JobEvent)>;

#[derive(Default)]
struct Inner {
    worker: Option<Worker>,
    ready: bool,
    queue: Vec<JsValue>,
    next_job: u32,
    handlers: HashMap<u32, Handler>,
    /// Vocabularies this worker was asked to load.
    prepared: Vec<Encoding>,
}

/// A handle on the worker, cheap to copy into closures.
#[derive(Clone, Copy)]
pub struct ValidationClient {
    inner: StoredValue<Inner, LocalStorage>,
}

fn get(object: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

impl ValidationClient {
    /// A client; the worker starts with the first job, so merely opening
    /// the page downloads neither the worker nor a vocabulary.
    pub fn new() -> ValidationClient {
        ValidationClient {
            inner: StoredValue::new_local(Inner::default()),
        }
    }

    /// Starts the worker (`worker_loader.js`, which Trunk writes to load
    /// `worker.js` and `worker_bg.wasm`, built from `src/bin/worker.rs`).
    fn ensure_worker(&self) {
        if self.inner.with_value(|i| i.worker.is_some()) {
            return;
        }
        let client = *self;
        match Worker::new("./worker_loader.js") {
            Ok(worker) => {
                let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
                    client.receive(e.data());
                });
                worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
                on_message.forget();
                let on_error = Closure::<dyn FnMut(web_sys::ErrorEvent)>::new(
                    move |e: web_sys::ErrorEvent| {
                        let offline = web_sys::window().is_some_and(|w| !w.navigator().on_line());
                        client.crash(if offline {
                            "You are offline, and the validator is downloaded only the first time a file is checked. Connect once and check any file; after that it works offline too.".to_string()
                        } else {
                            // A load failure gives an empty message.
                            let what = e.message();
                            let what = if what.is_empty() { "it could not be loaded".to_string() } else { what };
                            format!("The validator stopped: {what}. Pick the file again to retry.")
                        });
                    },
                );
                worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
                on_error.forget();
                self.inner.update_value(|i| i.worker = Some(worker));
            }
            Err(_) => self.fail_all(
                "This browser cannot start a Web Worker, which the validator needs.".into(),
            ),
        }
    }

    /// Drops a worker in an unknown state (the next job starts a fresh
    /// one) and fails every job with `message`.
    fn crash(&self, message: String) {
        let worker = self.inner.try_update_value(|i| {
            i.ready = false;
            i.queue.clear();
            i.prepared.clear();
            i.worker.take()
        });
        if let Some(w) = worker.flatten() {
            w.terminate();
        }
        self.fail_all(message);
    }

    fn fail_all(&self, message: String) {
        let handlers: Vec<Handler> = self
            .inner
            .try_update_value(|i| i.handlers.drain().map(|(_, h)| h).collect())
            .unwrap_or_default();
        for h in handlers {
            h(JobEvent::Failed(message.clone()));
        }
    }

    fn receive(&self, data: JsValue) {
        let text = |key| get(&data, key).as_string().unwrap_or_default();
        let number = |key| get(&data, key).as_f64().unwrap_or(0.0);
        let Some(kind) = Kind::from_tag(&text(field::TYPE)) else {
            return;
        };
        let job = get(&data, field::JOB).as_f64().unwrap_or(-1.0) as u32;
        let event = match kind {
            Kind::Ready => {
                let queue = self
                    .inner
                    .try_update_value(|i| {
                        i.ready = true;
                        std::mem::take(&mut i.queue)
                    })
                    .unwrap_or_default();
                for message in queue {
                    self.post(message);
                }
                return;
            }
            Kind::Crashed => {
                let why = text(field::MESSAGE);
                self.crash(format!("The validator hit an internal error ({why}). Pick the file again to retry; if it happens again, please report it with the file's first lines."));
                return;
            }
            Kind::Status => JobEvent::Status(text(field::TEXT)),
            Kind::Progress => JobEvent::Progress {
                bytes: number(field::BYTES),
                lines: number(field::LINES),
            },
            Kind::Done => match serde_json::from_str(&text(field::REPORT)) {
                Ok(report) => JobEvent::Done {
                    report: Box::new(report),
                    chart: text(field::CHART),
                    memory: number(field::MEMORY),
                    notice: get(&data, field::NOTICE).as_string(),
                    vocabulary_millis: number(field::VOCABULARY_MILLIS),
                },
                Err(e) => {
                    JobEvent::Failed(format!("The validator's report could not be read: {e}"))
                }
            },
            Kind::Exported => {
                let blobs: js_sys::Array = get(&data, field::BLOBS).unchecked_into();
                let names: js_sys::Array = get(&data, field::NAMES).unchecked_into();
                JobEvent::Exported(
                    (0..blobs.length())
                        .filter_map(|k| {
                            Some((
                                names.get(k).as_string()?,
                                blobs.get(k).dyn_into::<Blob>().ok()?,
                            ))
                        })
                        .collect(),
                )
            }
            Kind::Cancelled => JobEvent::Cancelled,
            Kind::Failed => JobEvent::Failed(text(field::MESSAGE)),
            Kind::PartDone => return,
        };
        let finished = !matches!(event, JobEvent::Status(_) | JobEvent::Progress { .. });
        // Take the handler out before calling it: it may start another job.
        let handler = self.inner.try_update_value(|i| {
            if finished {
                i.handlers.remove(&job)
            } else {
                i.handlers.get(&job).cloned()
            }
        });
        if let Some(h) = handler.flatten() {
            h(event);
        }
    }

    fn post(&self, message: JsValue) {
        self.ensure_worker();
        let ready = self.inner.with_value(|i| i.ready);
        if !ready {
            self.inner.update_value(|i| i.queue.push(message));
            return;
        }
        self.inner.with_value(|i| {
            if let Some(w) = &i.worker {
                let _ = w.post_message(&message);
            }
        });
    }

    /// `message` as the object posted, `file` attached.
    fn to_js(message: &ToWorker, file: Option<&File>) -> JsValue {
        let object = js_sys::Object::new();
        let set = |k: &str, v: &JsValue| {
            let _ = js_sys::Reflect::set(&object, &JsValue::from_str(k), v);
        };
        set(field::CMD, &message.cmd().into());
        let options = |o: &JobOptions| JsValue::from(serde_json::to_string(o).unwrap_or_default());
        match message {
            ToWorker::Validate { job, options: o } => {
                set(field::JOB, &(*job).into());
                set(field::OPTIONS, &options(o));
            }
            ToWorker::Export {
                job,
                options: o,
                kind,
            } => {
                set(field::JOB, &(*job).into());
                set(field::OPTIONS, &options(o));
                set(field::KIND, &kind.into());
            }
            ToWorker::Cancel { job } => set(field::JOB, &(*job).into()),
            ToWorker::Prepare { encoding } => set(field::ENCODING, &encoding.into()),
            // Sent by the lead worker only.
            ToWorker::Part { .. } => {}
        }
        if let Some(f) = file {
            set(field::FILE, f);
        }
        object.into()
    }

    /// Starts the worker and has it load `encoding`'s vocabulary, so a
    /// check started soon (the user is choosing the file) does not wait
    /// for it. Cheap to call again: the worker loads each vocabulary once.
    pub fn prepare(&self, encoding: Encoding) {
        let asked = self.inner.try_update_value(|i| {
            let asked = i.prepared.contains(&encoding);
            if !asked {
                i.prepared.push(encoding);
            }
            asked
        });
        if asked != Some(false) {
            return;
        }
        let message = ToWorker::Prepare {
            encoding: encoding.name().into(),
        };
        self.post(Self::to_js(&message, None));
    }

    fn submit(
        &self,
        message: impl FnOnce(u32) -> ToWorker,
        file: &File,
        on: impl Fn(JobEvent) + 'static,
    ) -> u32 {
        let job = self
            .inner
            .try_update_value(|i| {
                i.next_job += 1;
                i.handlers.insert(i.next_job, std::rc::Rc::new(on));
                i.next_job
            })
            .unwrap_or(0);
        self.post(Self::to_js(&message(job), Some(file)));
        job
    }

    /// Validates `file`; `on` receives its progress and report.
    pub fn validate(
        &self,
        file: &File,
        options: &JobOptions,
        on: impl Fn(JobEvent) + 'static,
    ) -> u32 {
        let options = options.clone();
        self.submit(|job| ToWorker::Validate { job, options }, file, on)
    }

    /// Exports `file` as `kind`.
    pub fn export(
        &self,
        file: &File,
        options: &JobOptions,
        kind: ExportKind,
        on: impl Fn(JobEvent) + 'static,
    ) -> u32 {
        let options = options.clone();
        let kind = kind.name().to_string();
        self.submit(|job| ToWorker::Export { job, options, kind }, file, on)
    }

    /// Stops a job: its handler gets `Cancelled` at once; the worker (and
    /// its sub-workers) stop after the slice they are reading, and its
    /// later messages about the job are dropped.
    pub fn cancel(&self, job: u32) {
        if self.inner.with_value(|i| i.worker.is_none()) {
            return;
        }
        self.post(Self::to_js(&ToWorker::Cancel { job }, None));
        let handler = self.inner.try_update_value(|i| i.handlers.remove(&job));
        if let Some(h) = handler.flatten() {
            h(JobEvent::Cancelled);
        }
    }
}
