//! The Web Worker that validates files off the page's thread.
//!
//! Protocol: [`crate::core::dataset::worker_protocol`], the one typed
//! contract both sides encode and decode through ([`to_js`], [`decode`]).
//! Messages are plain JS objects, so a `File` travels as a handle, never
//! as bytes (this is why it is not gloo-worker, whose codec serializes
//! every message): the serde fields, with the attachments beside them.
//!
//! Architecture invariant: no validation logic here; the worker reads
//! slices, calls `crate::core::dataset`, and posts what it returns.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use bpe_openai::Tokenizer;
use js_sys::{Array, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, DedicatedWorkerGlobalScope, File, MessageEvent, Worker};

use crate::core::dataset::export::{ExportKind, Exporter};
use crate::core::dataset::histogram_chart;
use crate::core::dataset::job::JobOptions;
use crate::core::dataset::part::{self, PartRange, PartReport, PartValidator};
use crate::core::dataset::report::{DatasetValidator, ValidatorOptions};
use crate::core::dataset::summary::ReportJson;
use crate::core::dataset::tokens::{Encoding, tokenizer_from_tiktoken};
use crate::core::dataset::worker_protocol::{ATTACHMENTS, FromWorker, ToWorker, field};

/// Bytes read per slice: large enough to amortise the message round trip,
/// small enough for smooth progress and quick cancelling.
const SLICE: f64 = 4.0 * 1024.0 * 1024.0;

thread_local! {
    static CANCELLED: RefCell<HashSet<u32>> = RefCell::new(HashSet::new());
    static TOKENIZERS: RefCell<HashMap<Encoding, &'static Tokenizer>> = RefCell::new(HashMap::new());
    /// Vocabularies being loaded: the promise settles when the tokenizer
    /// is in `TOKENIZERS` (or the load failed), so a check and a
    /// `prepare` share one load.
    static LOADING: RefCell<HashMap<Encoding, Promise>> = RefCell::new(HashMap::new());
    /// Example hashes of the last training file, for the validation set.
    static TRAINING_HASHES: RefCell<Option<Arc<HashSet<u64>>>> = const { RefCell::new(None) };
}

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

/// A message as the JS object posted: its serde fields (`json`) with the
/// `attachments` (a `File`, `Blob`s, an `ArrayBuffer`) beside them.
pub fn to_js(json: &str, attachments: &[(&str, &JsValue)]) -> JsValue {
    let message = js_sys::JSON::parse(json).unwrap_or_else(|_| Object::new().into());
    for (k, v) in attachments {
        let _ = Reflect::set(&message, &JsValue::from_str(k), v);
    }
    message
}

/// The serde fields of a posted object as JSON text, its attachments left
/// out (a `File` would read as `{}`, bytes as a huge object).
pub fn json_of(data: &JsValue) -> String {
    let copy = Object::assign(&Object::new(), data.unchecked_ref());
    for k in ATTACHMENTS {
        let _ = Reflect::delete_property(&copy, &JsValue::from_str(k));
    }
    js_sys::JSON::stringify(&copy)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default()
}

fn post(message: &FromWorker) {
    post_with(message, &[], None);
}

fn post_with(message: &FromWorker, attachments: &[(&str, &JsValue)], transfer: Option<&Array>) {
    let js = to_js(&message.to_json(), attachments);
    let _ = match transfer {
        Some(t) => scope().post_message_with_transfer(&js, t),
        None => scope().post_message(&js),
    };
}

fn get(object: &JsValue, key: &str) -> JsValue {
    Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn error_text(e: &JsValue) -> String {
    e.as_string()
        .or_else(|| {
            e.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .unwrap_or_else(|| format!("{e:?}"))
}

/// Milliseconds on the worker's monotonic clock (tests freeze `Date`).
fn now() -> f64 {
    scope().performance().map_or(0.0, |p| p.now())
}

/// Installs the message handler and tells the page the worker is ready.
pub fn start() {
    console_error_panic_hook::set_once();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|event: MessageEvent| {
        let data = event.data();
        let Ok(message) = ToWorker::from_json(&json_of(&data)) else {
            return;
        };
        let file: Option<File> = get(&data, "file").dyn_into().ok();
        match message {
            ToWorker::Cancel { job } => {
                CANCELLED.with(|c| c.borrow_mut().insert(job));
                cancel_subs(job);
            }
            ToWorker::Prepare { encoding } => {
                if let Some(e) = Encoding::from_name(&encoding) {
                    wasm_bindgen_futures::spawn_local(async move {
                        // A failure is told to the check that needs it.
                        let _ = tokenizer(None, e).await;
                    });
                }
            }
            job_message => {
                wasm_bindgen_futures::spawn_local(async move {
                    let job = match &job_message {
                        ToWorker::Validate { job, .. }
                        | ToWorker::Export { job, .. }
                        | ToWorker::Part { job, .. } => *job,
                        _ => 0,
                    };
                    let result = run(job_message, file).await;
                    CANCELLED.with(|c| c.borrow_mut().remove(&job));
                    match result {
                        Ok(()) => {}
                        Err(Stop::Cancelled) => post(&FromWorker::Cancelled { job }),
                        Err(Stop::Failed(message)) => post(&FromWorker::Failed { job, message }),
                    }
                });
            }
        }
    });
    scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // A bug that escapes as an exception or a rejected promise must not
    // leave the page waiting: tell it, so it can say so and restart us.
    let crashed = Closure::<dyn FnMut(JsValue)>::new(|event: JsValue| {
        let reason = get(&event, "reason");
        let detail = if reason.is_undefined() {
            get(&event, "message")
        } else {
            reason
        };
        post(&FromWorker::Crashed {
            message: error_text(&detail),
        });
    });
    for kind in ["unhandledrejection", "error"] {
        let _ = scope().add_event_listener_with_callback(kind, crashed.as_ref().unchecked_ref());
    }
    crashed.forget();
    post(&FromWorker::Ready);
}

enum Stop {
    Cancelled,
    Failed(String),
}

impl From<JsValue> for Stop {
    fn from(e: JsValue) -> Stop {
        Stop::Failed(error_text(&e))
    }
}

async fn run(message: ToWorker, file: Option<File>) -> Result<(), Stop> {
    let file = file.ok_or_else(|| Stop::Failed("No file was given.".into()))?;
    match message {
        ToWorker::Export { job, options, kind } => {
            let kind = ExportKind::from_name(&kind)
                .ok_or_else(|| Stop::Failed("Unknown export.".into()))?;
            export(job, &file, &options, kind).await
        }
        ToWorker::Validate { job, options } => validate(job, &file, &options).await,
        ToWorker::Part { job, options, part } => check_part(job, &file, &options, part).await,
        _ => Err(Stop::Failed("Unknown job.".into())),
    }
}

async fn validate(job: u32, file: &File, options: &JobOptions) -> Result<(), Stop> {
    let started = now();
    // Without its vocabulary (offline before it was ever fetched, say) the
    // file is still checked, without token counts, and the page says why.
    let mut vocabulary_millis = 0.0;
    let (tokenizer, notice) = match options.encoding() {
        Some(e) => match tokenizer(Some(job), e).await {
            Ok((t, waited)) => {
                vocabulary_millis = waited;
                (Some((t, e)), None)
            }
            Err(Stop::Failed(why)) => (
                None,
                Some(format!("{why} The file was checked without token counts.")),
            ),
            Err(stop) => return Err(stop),
        },
        None => (None, None),
    };
    let other_set = if options.is_validation_set && options.compare_with_training {
        TRAINING_HASHES.with(|h| h.borrow().clone())
    } else {
        None
    };
    if !options.is_validation_set {
        // Until this file is done, no training examples are known.
        TRAINING_HASHES.with(|h| *h.borrow_mut() = None);
    }
    let validator_options = ValidatorOptions {
        expected: options.format(),
        tokenizer,
        max_tokens_per_example: options.max_tokens_per_example,
        min_examples: options.min_examples,
        other_set,
        provider: options.provider(),
        validation_set: options.is_validation_set,
    };
    let plan = part::plan_parts(file.size() as u64, options.workers);
    let split = plan.len() > 1 && splittable(job, file).await?;
    let workers = if split { plan.len() } else { 1 };
    let (report, hashes) = if split {
        // The sub-workers count tokens only if this worker can.
        let mut part_options = options.clone();
        if tokenizer.is_none() {
            part_options.encoding = None;
        }
        validate_split(job, file, &part_options, validator_options, plan).await?
    } else {
        let mut validator = DatasetValidator::with_options(validator_options);
        each_slice(job, file, |bytes| {
            validator.push(bytes);
            post_progress(job, validator.progress());
        })
        .await?;
        validator.finish_with_hashes()
    };
    if !options.is_validation_set {
        TRAINING_HASHES.with(|h| *h.borrow_mut() = Some(Arc::new(hashes)));
    }
    let json = ReportJson::from(&report);
    // The histogram is drawn here, so the page's bundle carries no plotters.
    let chart =
        histogram_chart::render_both(&report.stats.histogram, options.max_tokens_per_example);
    post(&FromWorker::Done {
        job,
        report: serde_json::to_string(&json).unwrap_or_default(),
        chart,
        memory: wasm_memory_bytes(),
        notice,
        millis: now() - started,
        vocabulary_millis,
        workers,
    });
    Ok(())
}
/// The worker's WebAssembly memory: it grows to the peak and stays, so it
/// is the peak the validation needed.
fn wasm_memory_bytes() -> f64 {
    wasm_bindgen::memory()
        .unchecked_into::<js_sys::WebAssembly::Memory>()
        .buffer()
        .unchecked_into::<js_sys::ArrayBuffer>()
        .byte_length() as f64
}

/// Tells the page how far a job is: bytes and lines done.
fn post_progress(job: u32, (bytes, lines): (u64, usize)) {
    post(&FromWorker::Progress {
        job,
        bytes,
        lines: lines as u64,
    });
}

/// Reads `file` slice by slice, calling `each` with the bytes; stops when
/// the job is cancelled.
async fn each_slice(job: u32, file: &File, mut each: impl FnMut(&[u8])) -> Result<(), Stop> {
    each_slice_from(job, file, 0.0, |bytes| {
        each(bytes);
        true
    })
    .await
}

/// Reads `file` from byte `from`, slice by slice, while `each` wants more.
async fn each_slice_from(
    job: u32,
    file: &File,
    from: f64,
    mut each: impl FnMut(&[u8]) -> bool,
) -> Result<(), Stop> {
    let size = file.size();
    let mut offset = from;
    let mut buffer = Vec::new();
    while offset < size {
        if CANCELLED.with(|c| c.borrow().contains(&job)) {
            return Err(Stop::Cancelled);
        }
        let end = (offset + SLICE).min(size);
        let slice = file.slice_with_f64_and_f64(offset, end)?;
        let array = JsFuture::from(slice.array_buffer()).await.map_err(|e| {
            Stop::Failed(format!(
                "The browser could not read the file ({}). Was it moved or deleted?",
                error_text(&e)
            ))
        })?;
        let bytes = Uint8Array::new(&array);
        buffer.resize(bytes.length() as usize, 0);
        bytes.copy_to(&mut buffer);
        if !each(&buffer) {
            break;
        }
        offset = end;
    }
    if CANCELLED.with(|c| c.borrow().contains(&job)) {
        return Err(Stop::Cancelled);
    }
    Ok(())
}

/// The tokenizer for `encoding`, fetched and built once per worker, and
/// how long `job` waited for it (0 when it was ready). A load already
/// started (by `prepare`) is awaited, not repeated.
async fn tokenizer(
    job: Option<u32>,
    encoding: Encoding,
) -> Result<(&'static Tokenizer, f64), Stop> {
    if let Some(t) = TOKENIZERS.with(|t| t.borrow().get(&encoding).copied()) {
        return Ok((t, 0.0));
    }
    let waiting_from = now();
    if let Some(job) = job {
        post(&FromWorker::Status {
            job,
            text: format!("Loading the {} vocabulary (1–2 MB, once)…", encoding.name()),
        });
    }
    let promise = LOADING.with(|l| {
        l.borrow_mut()
            .entry(encoding)
            .or_insert_with(|| {
                wasm_bindgen_futures::future_to_promise(async move {
                    match load_tokenizer(encoding).await {
                        Ok(built) => {
                            let leaked: &'static Tokenizer = Box::leak(Box::new(built));
                            TOKENIZERS.with(|t| t.borrow_mut().insert(encoding, leaked));
                            Ok(JsValue::UNDEFINED)
                        }
                        Err(why) => Err(JsValue::from_str(&why)),
                    }
                })
            })
            .clone()
    });
    let loaded = JsFuture::from(promise).await;
    LOADING.with(|l| l.borrow_mut().remove(&encoding));
    loaded.map_err(|e| Stop::Failed(error_text(&e)))?;
    let t = TOKENIZERS
        .with(|t| t.borrow().get(&encoding).copied())
        .ok_or_else(|| Stop::Failed("The vocabulary was not loaded.".into()))?;
    Ok((t, now() - waiting_from))
}

/// Fetches `encoding`'s gzipped vocabulary and builds its tokenizer.
async fn load_tokenizer(encoding: Encoding) -> Result<Tokenizer, String> {
    let failed = |e: JsValue| {
        format!(
            "Could not load the {} vocabulary ({}). Token counts need it once; check the connection and try again.",
            encoding.name(),
            error_text(&e)
        )
    };
    let response: web_sys::Response =
        JsFuture::from(scope().fetch_with_str(encoding.vocabulary_file()))
            .await
            .map_err(failed)?
            .unchecked_into();
    if !response.ok() {
        return Err(failed(format!("HTTP {}", response.status()).into()));
    }
    let body = response
        .body()
        .ok_or_else(|| failed("empty response".into()))?;
    // DecompressionStream (web-sys has it only behind its unstable flag).
    let constructor =
        Reflect::get(&js_sys::global(), &"DecompressionStream".into()).map_err(failed)?;
    let gunzip = Reflect::construct(
        constructor.unchecked_ref::<js_sys::Function>(),
        &Array::of1(&"gzip".into()),
    )
    .map_err(|_| failed("this browser cannot decompress gzip streams".into()))?;
    let pair = Object::new();
    Reflect::set(&pair, &"readable".into(), &get(&gunzip, "readable")).map_err(failed)?;
    Reflect::set(&pair, &"writable".into(), &get(&gunzip, "writable")).map_err(failed)?;
    let text_stream = body.pipe_through(pair.unchecked_ref());
    let text = JsFuture::from(
        web_sys::Response::new_with_opt_readable_stream(Some(&text_stream))
            .map_err(failed)?
            .text()
            .map_err(failed)?,
    )
    .await
    .map_err(failed)?
    .as_string()
    .unwrap_or_default();
    tokenizer_from_tiktoken(encoding, &text)
}

async fn export(job: u32, file: &File, options: &JobOptions, kind: ExportKind) -> Result<(), Stop> {
    let mut exporter = Exporter::new(
        kind,
        // The report's checks, so "clean" means the same lines it counted.
        ValidatorOptions {
            expected: options.format(),
            provider: options.provider(),
            ..ValidatorOptions::default()
        },
        options.split_seed,
        options.clean_examples,
    );
    // One JS array per output (vec![Array::new(); n] would share one).
    let mut parts: Vec<Array> = (0..kind.outputs()).map(|_| Array::new()).collect();
    let mut out: Vec<Vec<u8>> = vec![Vec::new(); kind.outputs()];
    let flush = |out: &mut Vec<Vec<u8>>, parts: &mut Vec<Array>, force: bool| {
        for (o, p) in out.iter_mut().zip(parts.iter()) {
            if force || o.len() > (8 << 20) {
                p.push(&Uint8Array::from(o.as_slice()));
                o.clear();
            }
        }
    };
    each_slice(job, file, |bytes| {
        exporter.push(bytes, &mut out);
        flush(&mut out, &mut parts, false);
        post_progress(job, exporter.progress());
    })
    .await?;
    exporter.finish(&mut out).map_err(Stop::Failed)?;
    flush(&mut out, &mut parts, true);
    let input = file.name();
    let blobs = Array::new();
    let mut names = Vec::new();
    for (i, p) in parts.iter().enumerate() {
        let bag = BlobPropertyBag::new();
        bag.set_type("application/jsonl");
        blobs.push(&Blob::new_with_u8_array_sequence_and_options(p, &bag)?.into());
        names.push(kind.file_name(&input, i));
    }
    post_with(
        &FromWorker::Exported { job, names },
        &[("blobs", &blobs.into())],
        None,
    );
    Ok(())
}

// ---- Several workers: the lead splits a large JSONL file into parts ----

/// A sub-worker of the lead: started once, kept for later jobs.
struct Sub {
    worker: Worker,
    ready: bool,
    /// Messages posted before it was ready.
    queue: Vec<(JsValue, Option<Array>)>,
    /// The part it is checking: (job, settle) where settle resolves with
    /// the report bytes or rejects with why.
    pending: Option<(u32, usize, js_sys::Function, js_sys::Function)>,
}

thread_local! {
    static SUBS: RefCell<Vec<Option<Sub>>> = const { RefCell::new(Vec::new()) };
    /// Bytes and lines done by each part of a split job, summed into one
    /// progress stream.
    static PART_PROGRESS: RefCell<HashMap<u32, Vec<(u64, u64)>>> = RefCell::new(HashMap::new());
}

/// Why a part failed when it was cancelled (not an error to show).
const CANCELLED_PART: &str = "\u{0}cancelled";

fn sub_post(slot: usize, message: JsValue, transfer: Option<Array>) {
    SUBS.with(|s| {
        if let Some(Some(sub)) = s.borrow_mut().get_mut(slot) {
            if sub.ready {
                let _ = match &transfer {
                    Some(t) => sub.worker.post_message_with_transfer(&message, t),
                    None => sub.worker.post_message(&message),
                };
            } else {
                sub.queue.push((message, transfer));
            }
        }
    });
}

/// Starts sub-worker `slot` (if it is not running) and has it load
/// `encoding`'s vocabulary up front.
fn ensure_sub(slot: usize, encoding: Option<Encoding>) -> Result<(), String> {
    let running = SUBS.with(|s| s.borrow().get(slot).is_some_and(Option::is_some));
    if !running {
        let worker = Worker::new("./worker_loader.js")
            .map_err(|e| format!("a helper worker could not start ({})", error_text(&e)))?;
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
            sub_receive(slot, e.data());
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        let on_error =
            Closure::<dyn FnMut(web_sys::ErrorEvent)>::new(move |e: web_sys::ErrorEvent| {
                e.prevent_default();
                let what = e.message();
                sub_crashed(
                    slot,
                    if what.is_empty() {
                        "it could not be loaded".into()
                    } else {
                        what
                    },
                );
            });
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        on_error.forget();
        SUBS.with(|s| {
            let mut s = s.borrow_mut();
            if s.len() <= slot {
                s.resize_with(slot + 1, || None);
            }
            s[slot] = Some(Sub {
                worker,
                ready: false,
                queue: Vec::new(),
                pending: None,
            });
        });
    }
    if let Some(e) = encoding {
        let prepare = ToWorker::Prepare {
            encoding: e.name().into(),
        };
        sub_post(slot, to_js(&prepare.to_json(), &[]), None);
    }
    Ok(())
}

/// A sub-worker stopped: its part fails the job, and the next job starts
/// a fresh one.
fn sub_crashed(slot: usize, why: String) {
    let sub = SUBS.with(|s| s.borrow_mut().get_mut(slot).and_then(Option::take));
    if let Some(sub) = sub {
        sub.worker.terminate();
        if let Some((_, index, _, reject)) = sub.pending {
            let _ = reject.call1(
                &JsValue::NULL,
                &format!("The helper worker checking part {} of the file stopped: {why}. Pick the file again to retry.", index + 1).into(),
            );
        }
    }
}

fn sub_receive(slot: usize, data: JsValue) {
    let Ok(message) = FromWorker::from_json(&json_of(&data)) else {
        return;
    };
    match message {
        FromWorker::Ready => {
            let queue = SUBS.with(|s| {
                s.borrow_mut()
                    .get_mut(slot)
                    .and_then(Option::as_mut)
                    .map(|sub| {
                        sub.ready = true;
                        std::mem::take(&mut sub.queue)
                    })
            });
            for (m, t) in queue.unwrap_or_default() {
                sub_post(slot, m, t);
            }
        }
        FromWorker::Crashed { message } => sub_crashed(slot, message),
        FromWorker::Progress { job, bytes, lines } => {
            let index = SUBS.with(|s| {
                s.borrow()
                    .get(slot)
                    .and_then(Option::as_ref)
                    .and_then(|sub| sub.pending.as_ref())
                    .filter(|p| p.0 == job)
                    .map(|p| p.1)
            });
            if let Some(index) = index {
                part_progress(job, index, (bytes, lines));
            }
        }
        FromWorker::PartDone { job, .. } => settle(slot, job, Ok(get(&data, field::PART_REPORT))),
        FromWorker::Failed { job, message } => settle(slot, job, Err(message)),
        FromWorker::Cancelled { job } => settle(slot, job, Err(CANCELLED_PART.into())),
        _ => {}
    }
}

fn settle(slot: usize, job: u32, result: Result<JsValue, String>) {
    let pending = SUBS.with(|s| {
        s.borrow_mut()
            .get_mut(slot)
            .and_then(Option::as_mut)
            .and_then(|sub| {
                if sub.pending.as_ref().is_some_and(|p| p.0 == job) {
                    sub.pending.take()
                } else {
                    None
                }
            })
    });
    if let Some((_, _, resolve, reject)) = pending {
        let _ = match result {
            Ok(bytes) => resolve.call1(&JsValue::NULL, &bytes),
            Err(why) => reject.call1(&JsValue::NULL, &why.into()),
        };
    }
}

/// Records part `index`'s progress and posts the sum of every part's.
fn part_progress(job: u32, index: usize, done: (u64, u64)) {
    let sum = PART_PROGRESS.with(|p| {
        let mut p = p.borrow_mut();
        let parts = p.get_mut(&job)?;
        *parts.get_mut(index)? = done;
        Some(
            parts
                .iter()
                .fold((0, 0), |(b, l), (pb, pl)| (b + pb, l + pl)),
        )
    });
    if let Some((bytes, lines)) = sum {
        post(&FromWorker::Progress { job, bytes, lines });
    }
}

/// Tells every sub-worker to stop `job`.
fn cancel_subs(job: u32) {
    let slots = SUBS.with(|s| s.borrow().len());
    for slot in 0..slots {
        sub_post(slot, to_js(&ToWorker::Cancel { job }.to_json(), &[]), None);
    }
}

/// Sends part `index` of `file` to sub-worker `slot`; the promise settles
/// with the part's report bytes (an `ArrayBuffer`).
fn send_part(slot: usize, job: u32, file: &File, options: &JobOptions, part: PartRange) -> Promise {
    let mut settle_with = None;
    let promise = Promise::new(&mut |resolve, reject| settle_with = Some((resolve, reject)));
    if let Some((resolve, reject)) = settle_with {
        SUBS.with(|s| {
            if let Some(Some(sub)) = s.borrow_mut().get_mut(slot) {
                sub.pending = Some((job, part.index, resolve, reject));
            }
        });
    }
    let message = ToWorker::Part {
        job,
        options: options.clone(),
        part,
    };
    sub_post(slot, to_js(&message.to_json(), &[("file", file)]), None);
    promise
}

/// Whether the file may be split: its first slice tells whether it is
/// JSONL (undecided after a whole slice: it is read by one worker).
async fn splittable(job: u32, file: &File) -> Result<bool, Stop> {
    let mut first = Vec::new();
    each_slice_from(job, file, 0.0, |bytes| {
        first.extend_from_slice(bytes);
        false
    })
    .await?;
    let more = (first.len() as f64) < file.size();
    Ok(part::splittable(&first, more).unwrap_or(false))
}

/// The lead's side of a split check: part 0 here, the others in
/// sub-workers; their reports merged into the one report.
async fn validate_split(
    job: u32,
    file: &File,
    options: &JobOptions,
    validator_options: ValidatorOptions,
    plan: Vec<PartRange>,
) -> Result<(crate::core::dataset::report::DatasetReport, HashSet<u64>), Stop> {
    PART_PROGRESS.with(|p| p.borrow_mut().insert(job, vec![(0, 0); plan.len()]));
    let result = run_parts(job, file, options, &validator_options, &plan).await;
    PART_PROGRESS.with(|p| p.borrow_mut().remove(&job));
    if result.is_err() {
        // Stop the parts still running.
        cancel_subs(job);
    }
    let reports = result?;
    Ok(part::merge(&validator_options, reports))
}

async fn run_parts(
    job: u32,
    file: &File,
    options: &JobOptions,
    validator_options: &ValidatorOptions,
    plan: &[PartRange],
) -> Result<Vec<PartReport>, Stop> {
    let mut promises = Vec::new();
    // The last part ends at the file's end (u64::MAX does not survive
    // JSON as a JS number).
    let size = file.size() as u64;
    for range in &plan[1..] {
        let slot = range.index - 1;
        let range = &PartRange {
            end: range.end.min(size),
            ..*range
        };
        ensure_sub(slot, options.encoding()).map_err(|why| {
            Stop::Failed(format!("The file could not be checked in parts: {why}."))
        })?;
        promises.push(send_part(slot, job, file, options, *range));
    }
    let mut first = PartValidator::new(validator_options.clone(), plan[0]);
    each_slice_from(job, file, plan[0].read_from() as f64, |bytes| {
        let more = first.push(bytes);
        let (b, l) = first.progress();
        part_progress(job, 0, (b, l as u64));
        more
    })
    .await?;
    let mut reports = vec![first.finish()];
    for promise in promises {
        let buffer = JsFuture::from(promise).await.map_err(|e| {
            let why = error_text(&e);
            if why == CANCELLED_PART {
                Stop::Cancelled
            } else {
                Stop::Failed(why)
            }
        })?;
        let bytes = Uint8Array::new(&buffer).to_vec();
        reports.push(PartReport::from_bytes(&bytes).map_err(Stop::Failed)?);
    }
    if CANCELLED.with(|c| c.borrow().contains(&job)) {
        return Err(Stop::Cancelled);
    }
    Ok(reports)
}

/// A sub-worker's job: check one part, post its report's bytes.
async fn check_part(
    job: u32,
    file: &File,
    options: &JobOptions,
    range: PartRange,
) -> Result<(), Stop> {
    let tokenizer = match options.encoding() {
        Some(e) => Some((tokenizer(None, e).await?.0, e)),
        None => None,
    };
    let mut validator = PartValidator::new(
        ValidatorOptions {
            expected: options.format(),
            tokenizer,
            max_tokens_per_example: options.max_tokens_per_example,
            min_examples: options.min_examples,
            // The overlap with the training file is found in the merge.
            other_set: None,
            provider: options.provider(),
            validation_set: options.is_validation_set,
        },
        range,
    );
    each_slice_from(job, file, range.read_from() as f64, |bytes| {
        let more = validator.push(bytes);
        post_progress(job, validator.progress());
        more
    })
    .await?;
    let bytes = validator.finish().to_bytes();
    let buffer = Uint8Array::from(bytes.as_slice()).buffer();
    post_with(
        &FromWorker::PartDone {
            job,
            index: range.index,
        },
        &[(field::PART_REPORT, &buffer)],
        Some(&Array::of1(&buffer)),
    );
    Ok(())
}
