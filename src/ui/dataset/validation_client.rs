//! The page's side of the validation worker (`src/validation_worker.rs`):
//! starts it, queues commands until it is ready, and routes its messages
//! to the job that asked.

use std::collections::HashMap;

use js_sys::{Object, Reflect};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{Blob, File, MessageEvent, Worker};

use crate::core::dataset::export::ExportKind;
use crate::core::dataset::job::JobOptions;
use crate::core::dataset::summary::ReportJson;

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
        millis: f64,
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
    queue: Vec<Object>,
    next_job: u32,
    handlers: HashMap<u32, Handler>,
}

/// A handle on the worker, cheap to copy into closures.
#[derive(Clone, Copy)]
pub struct ValidationClient {
    inner: StoredValue<Inner, LocalStorage>,
}

fn get(object: &JsValue, key: &str) -> JsValue {
    Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
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
        let kind = get(&data, "type").as_string().unwrap_or_default();
        if kind == "ready" {
            let queue = self
                .inner
                .try_update_value(|i| {
                    i.ready = true;
                    std::mem::take(&mut i.queue)
                })
                .unwrap_or_default();
            for message in queue {
                self.post(&message);
            }
            return;
        }
        if kind == "crashed" {
            let why = get(&data, "message").as_string().unwrap_or_default();
            self.crash(format!("The validator hit an internal error ({why}). Pick the file again to retry; if it happens again, please report it with the file's first lines."));
            return;
        }
        let job = get(&data, "job").as_f64().unwrap_or(-1.0) as u32;
        let event = match kind.as_str() {
            "status" => JobEvent::Status(get(&data, "text").as_string().unwrap_or_default()),
            "progress" => JobEvent::Progress {
                bytes: get(&data, "bytes").as_f64().unwrap_or(0.0),
                lines: get(&data, "lines").as_f64().unwrap_or(0.0),
            },
            "done" => {
                let text = get(&data, "report").as_string().unwrap_or_default();
                match serde_json::from_str(&text) {
                    Ok(report) => JobEvent::Done {
                        report: Box::new(report),
                        chart: get(&data, "chart").as_string().unwrap_or_default(),
                        memory: get(&data, "memory").as_f64().unwrap_or(0.0),
                        notice: get(&data, "notice").as_string(),
                        millis: get(&data, "millis").as_f64().unwrap_or(0.0),
                    },
                    Err(e) => {
                        JobEvent::Failed(format!("The validator's report could not be read: {e}"))
                    }
                }
            }
            "exported" => {
                let blobs: js_sys::Array = get(&data, "blobs").unchecked_into();
                let names: js_sys::Array = get(&data, "names").unchecked_into();
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
            "cancelled" => JobEvent::Cancelled,
            "failed" => JobEvent::Failed(get(&data, "message").as_string().unwrap_or_default()),
            _ => return,
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

    fn post(&self, message: &Object) {
        self.ensure_worker();
        let ready = self.inner.with_value(|i| i.ready);
        if !ready {
            self.inner.update_value(|i| i.queue.push(message.clone()));
            return;
        }
        self.inner.with_value(|i| {
            if let Some(w) = &i.worker {
                let _ = w.post_message(message);
            }
        });
    }

    fn submit(&self, fields: &[(&str, JsValue)], on: impl Fn(JobEvent) + 'static) -> u32 {
        let job = self
            .inner
            .try_update_value(|i| {
                i.next_job += 1;
                i.handlers.insert(i.next_job, std::rc::Rc::new(on));
                i.next_job
            })
            .unwrap_or(0);
        let message = Object::new();
        let _ = Reflect::set(&message, &"job".into(), &job.into());
        for (k, v) in fields {
            let _ = Reflect::set(&message, &JsValue::from_str(k), v);
        }
        self.post(&message);
        job
    }

    /// Validates `file`; `on` receives its progress and report.
    pub fn validate(
        &self,
        file: &File,
        options: &JobOptions,
        on: impl Fn(JobEvent) + 'static,
    ) -> u32 {
        let options = serde_json::to_string(options).unwrap_or_default();
        self.submit(
            &[
                ("cmd", "validate".into()),
                ("file", file.into()),
                ("options", options.into()),
            ],
            on,
        )
    }

    /// Exports `file` as `kind`.
    pub fn export(
        &self,
        file: &File,
        options: &JobOptions,
        kind: ExportKind,
        on: impl Fn(JobEvent) + 'static,
    ) -> u32 {
        let options = serde_json::to_string(options).unwrap_or_default();
        self.submit(
            &[
                ("cmd", "export".into()),
                ("file", file.into()),
                ("options", options.into()),
                ("kind", kind.name().into()),
            ],
            on,
        )
    }

    /// Stops a job after the slice it is reading; its handler gets `Cancelled`.
    pub fn cancel(&self, job: u32) {
        if self.inner.with_value(|i| i.worker.is_none()) {
            return;
        }
        let message = Object::new();
        let _ = Reflect::set(&message, &"cmd".into(), &"cancel".into());
        let _ = Reflect::set(&message, &"job".into(), &job.into());
        self.post(&message);
    }
}
