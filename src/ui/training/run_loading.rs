//! Reads a training log into the core's [`LogReader`] in 1 MiB slices,
//! yielding to the browser between slices so a 50 MB file keeps the page
//! responsive, reporting progress and stopping when cancelled.

use std::future::Future;

use js_sys::{Promise, Uint8Array};
use wasm_bindgen_futures::JsFuture;
use web_sys::File;

use crate::core::training::log_reader::LogReader;
use crate::core::training::run_log::{LogError, RunLog};

/// Bytes read per slice.
pub const SLICE: usize = 1 << 20;

/// Where a log comes from.
pub enum LogSource {
    /// A picked or dropped file, read slice by slice.
    File(File),
    /// Text already in memory (pasted, or a built-in example).
    Text(String),
}

/// Resolves after the browser has had a turn (a `setTimeout(0)`).
pub fn next_turn() -> impl Future<Output = ()> {
    let p = Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        }
    });
    async move {
        let _ = JsFuture::from(p).await;
    }
}

async fn file_slice(file: &File, start: f64, end: f64) -> Option<Vec<u8>> {
    let blob = file.slice_with_f64_and_f64(start, end).ok()?;
    let buf = JsFuture::from(blob.array_buffer()).await.ok()?;
    Some(Uint8Array::new(&buf).to_vec())
}

/// Reads `source`; `progress(done, total)` after every slice;
/// `cancelled()` is asked between slices (then `None`).
pub async fn read_source(
    source: LogSource,
    progress: impl Fn(f64, f64),
    cancelled: impl Fn() -> bool,
) -> Option<Result<RunLog, LogError>> {
    let mut reader = LogReader::new();
    match source {
        LogSource::File(file) => {
            let total = file.size();
            let mut start = 0.0;
            while start < total {
                let end = (start + SLICE as f64).min(total);
                let Some(bytes) = file_slice(&file, start, end).await else {
                    return Some(Err(LogError::whole("The file could not be read.")));
                };
                reader.feed(&bytes);
                start = end;
                progress(start, total);
                next_turn().await;
                if cancelled() {
                    return None;
                }
            }
        }
        LogSource::Text(text) => {
            let total = text.len() as f64;
            for chunk in text.as_bytes().chunks(SLICE) {
                reader.feed(chunk);
                progress(reader.bytes_read() as f64, total);
                if text.len() > SLICE {
                    next_turn().await;
                }
                if cancelled() {
                    return None;
                }
            }
        }
    }
    Some(reader.finish())
}
