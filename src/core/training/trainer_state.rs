//! JSON logs read as a stream of records: Hugging Face's
//! `trainer_state.json` (the elements of its `log_history` array), a JSON
//! array of records, or JSON Lines (one object per line).
//!
//! A small scanner that knows strings and nesting depth cuts the records
//! out as bytes arrive, and `plain_log::parse_record` reads each one alone, so memory
//! stays bounded by the largest record and progress is real.
//!
//! In `log_history`, training entries carry `loss` (and `learning_rate`,
//! `grad_norm`), evaluation entries carry `eval_loss` and other `eval_*`
//! keys at the same steps; both have `step` and a fractional `epoch`. The
//! final run-average summary entry (the one with `train_runtime`, whose
//! `train_loss` is the mean over the run) is ignored.
//!
//! Architecture invariant: pure, no UI imports; no bytes make it panic.

use crate::core::training::plain_log::{add_json_record, parse_record};
use crate::core::training::run_log::{LogError, LogFormat, RunLog, RunLogBuilder};

/// Longest record kept (bytes); a longer one is an error.
pub const MAX_RECORD: usize = 1 << 20;
/// Longest top-level key remembered (only `log_history` matters).
const MAX_KEY: usize = 32;

/// Reads a JSON log fed in chunks of bytes.
#[derive(Debug)]
pub struct JsonLogReader {
    builder: RunLogBuilder,
    trainer_state: bool,
    depth: usize,
    in_string: bool,
    escaped: bool,
    line: usize,
    /// The depth at which an opening `{` starts a record.
    record_depth: Option<usize>,
    record: Vec<u8>,
    in_record: bool,
    record_line: usize,
    /// The whole top-level object while it may still be a plain record.
    top: Vec<u8>,
    top_is_object: bool,
    top_line: usize,
    key: Vec<u8>,
    last_key: Vec<u8>,
    after_colon: bool,
    error: Option<LogError>,
}

impl Default for JsonLogReader {
    fn default() -> Self {
        JsonLogReader::new()
    }
}

impl JsonLogReader {
    /// A reader at the start of a file (after any byte-order mark).
    pub fn new() -> JsonLogReader {
        JsonLogReader {
            builder: RunLogBuilder::new(LogFormat::PlainJson, false),
            trainer_state: false,
            depth: 0,
            in_string: false,
            escaped: false,
            line: 1,
            record_depth: None,
            record: Vec::new(),
            in_record: false,
            record_line: 1,
            top: Vec::new(),
            top_is_object: false,
            top_line: 1,
            key: Vec::new(),
            last_key: Vec::new(),
            after_colon: false,
            error: None,
        }
    }

    /// Reads the next bytes; after an error the rest is ignored.
    pub fn feed(&mut self, bytes: &[u8]) {
        for &b in bytes {
            if self.error.is_some() {
                return;
            }
            self.byte(b);
        }
    }

    fn keep(&mut self, b: u8) {
        if self.in_record {
            if self.record.len() >= MAX_RECORD {
                self.error = Some(LogError::row(self.record_line, "the record is too long."));
                return;
            }
            self.record.push(b);
        }
        if self.top_is_object {
            if self.top.len() >= MAX_RECORD {
                self.error = Some(LogError::row(
                    self.top_line,
                    "the JSON object is too long to be one record and has no log_history.",
                ));
                return;
            }
            self.top.push(b);
        }
    }

    fn byte(&mut self, b: u8) {
        if b == b'\n' {
            self.line += 1;
        }
        if self.in_string {
            self.keep(b);
            if self.escaped {
                self.escaped = false;
            } else if b == b'\\' {
                self.escaped = true;
            } else if b == b'"' {
                self.in_string = false;
                if self.depth == 1 && self.top_is_object {
                    self.last_key = std::mem::take(&mut self.key);
                    self.after_colon = false;
                }
            } else if self.depth == 1 && self.key.len() < MAX_KEY {
                self.key.push(b);
            }
            return;
        }
        match b {
            b'"' => {
                self.in_string = true;
                self.key.clear();
                self.keep(b);
            }
            b'{' | b'[' => self.open(b),
            b'}' | b']' => self.close(b),
            b':' => {
                if self.depth == 1 {
                    self.after_colon = true;
                }
                self.keep(b);
            }
            b',' => {
                if self.depth == 1 {
                    self.after_colon = false;
                    self.last_key.clear();
                }
                self.keep(b);
            }
            _ if self.depth == 0 && !b.is_ascii_whitespace() => {
                self.error = Some(LogError::row(
                    self.line,
                    "this is not JSON: expected an object or an array.",
                ));
            }
            _ => self.keep(b),
        }
    }

    fn open(&mut self, b: u8) {
        if self.depth == 0 {
            self.top_is_object = b == b'{';
            self.top.clear();
            self.top_line = self.line;
            self.record_depth = if b == b'[' { Some(1) } else { None };
        }
        if self.depth == 1
            && b == b'['
            && self.top_is_object
            && self.after_colon
            && self.last_key == b"log_history"
        {
            self.trainer_state = true;
            self.record_depth = Some(2);
            self.top_is_object = false;
            self.top.clear();
        }
        if b == b'{' && Some(self.depth) == self.record_depth && !self.in_record {
            self.in_record = true;
            self.record.clear();
            self.record_line = self.line;
        }
        self.keep(b);
        self.depth += 1;
        if self.depth > 64 {
            self.error = Some(LogError::row(self.line, "the JSON is nested too deeply."));
        }
    }

    fn close(&mut self, b: u8) {
        if self.depth == 0 {
            self.error = Some(LogError::row(
                self.line,
                format!("unexpected '{}'.", b as char),
            ));
            return;
        }
        self.keep(b);
        self.depth -= 1;
        if self.in_record && Some(self.depth) == self.record_depth {
            self.in_record = false;
            let record = std::mem::take(&mut self.record);
            let row = self.record_line;
            self.take_record(&record, row);
        }
        if self.trainer_state && self.depth == 1 && self.record_depth == Some(2) {
            self.record_depth = None;
        }
        if self.depth == 0 && self.top_is_object {
            let top = std::mem::take(&mut self.top);
            let row = self.top_line;
            self.top_is_object = false;
            self.take_record(&top, row);
        }
    }

    fn take_record(&mut self, bytes: &[u8], row: usize) {
        let result = parse_record(bytes, row).and_then(|map| {
            if self.trainer_state && map.iter().any(|(k, _)| k == "train_runtime") {
                return Ok(());
            }
            add_json_record(&mut self.builder, &map, row, !self.trainer_state)
        });
        if let Err(e) = result {
            self.error = Some(e);
        }
    }

    /// The log, or the first problem met.
    pub fn finish(self) -> Result<RunLog, LogError> {
        if let Some(e) = self.error {
            return Err(e);
        }
        if self.depth > 0 || self.in_string {
            return Err(LogError::row(self.line, "the JSON ends too early."));
        }
        let trainer_state = self.trainer_state;
        self.builder.finish().map(|mut log| {
            if trainer_state {
                log.format = LogFormat::TrainerState;
            } else {
                // A plain JSON log without steps uses its epochs.
                log.steps_are_epochs = log
                    .columns
                    .iter()
                    .all(|c| c.points.iter().all(|p| p.epoch == Some(p.step)));
            }
            log
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str, chunk: usize) -> Result<RunLog, LogError> {
        let mut r = JsonLogReader::new();
        for c in text.as_bytes().chunks(chunk.max(1)) {
            r.feed(c);
        }
        r.finish()
    }

    #[test]
    fn json_lines_and_arrays_are_plain_logs() {
        let log = read("{\"epoch\": 1, \"loss\": 2.0, \"val_loss\": 2.2}\n{\"epoch\": 2, \"loss\": 1.5, \"val_loss\": 1.9}\n", 5).unwrap();
        assert_eq!(log.format, LogFormat::PlainJson);
        assert!(log.steps_are_epochs);
        assert_eq!(log.column("val_loss").unwrap().points.len(), 2);
        let log = read("[{\"step\": 10, \"train_loss\": 1}, {\"step\": 20, \"train_loss\": 0.5, \"eval_loss\": null}]", 3).unwrap();
        assert_eq!(log.rows, 2);
        assert!(log.column("eval_loss").is_none());
    }

    #[test]
    fn bad_json_names_the_row() {
        let e = read(
            "[{\"step\": 1, \"loss\": 1},\n {\"step\": 2, \"loss\": \"abc\"}]",
            4,
        )
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "Row 2, column loss: \"abc\" is not a number."
        );
        assert!(read("[{\"step\": 1", 4).is_err());
        assert!(read("hello", 4).is_err());
    }
}
