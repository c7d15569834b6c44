//! Plain logs: a CSV with a header, read incrementally (RFC 4180 quotes,
//! CRLF, quoted fields across lines), and the mapping of one JSON record
//! (an object of column → value) shared with `trainer_state.json`.
//!
//! Columns read: the step (`step`, `steps`, `global_step`, `iteration`,
//! `iter`) or, failing that, the epoch (`epoch`, `epochs`) as the x value;
//! the epoch when present; every other column as a series, except text
//! columns named `timestamp`, `time`, `date`, `datetime`, `wall_time`,
//! `run`, `run_name`, `name`, `split`, `phase`, `model`. At least one
//! training or validation column (see `run_log::role_of`) is required.
//! Empty cells are missing values, never zero.
//!
//! Architecture invariant: pure, no UI imports; no bytes make it panic.

use crate::core::training::openai_results;
use crate::core::training::run_log::{
    ColumnRole, LogError, LogFormat, RunLog, RunLogBuilder, parse_cell, role_of,
};

/// Names read as the step.
pub const STEP_NAMES: [&str; 5] = ["step", "steps", "global_step", "iteration", "iter"];
/// Names read as the epoch.
pub const EPOCH_NAMES: [&str; 2] = ["epoch", "epochs"];
/// Text columns that are skipped.
pub const SKIPPED_NAMES: [&str; 11] = [
    "timestamp",
    "time",
    "date",
    "datetime",
    "wall_time",
    "run",
    "run_name",
    "name",
    "split",
    "phase",
    "model",
];

/// Longest field kept (a longer one is cut; it cannot be a number anyway).
const MAX_FIELD: usize = 4096;

/// The header of a CSV log: which field is what.
#[derive(Debug)]
struct Header {
    width: usize,
    names: Vec<String>,
    step: Option<usize>,
    epoch: Option<usize>,
    /// (field index, builder column index).
    values: Vec<(usize, usize)>,
}

/// Most values a row may hold (a guard: memory stays bounded whatever the file).
const MAX_FIELDS: usize = 10_000;

/// Reads a CSV log fed in chunks of bytes.
#[derive(Debug)]
pub struct CsvLogReader {
    builder: RunLogBuilder,
    header: Option<Header>,
    line: usize,
    record_line: usize,
    field: Vec<u8>,
    fields: Vec<String>,
    in_quotes: bool,
    quote_closed: bool,
    error: Option<LogError>,
    values: Vec<(usize, f64)>,
}

impl Default for CsvLogReader {
    fn default() -> Self {
        CsvLogReader::new()
    }
}

impl CsvLogReader {
    /// A reader at the start of a file (after any byte-order mark).
    pub fn new() -> CsvLogReader {
        CsvLogReader {
            builder: RunLogBuilder::new(LogFormat::PlainCsv, false),
            header: None,
            line: 1,
            record_line: 1,
            field: Vec::new(),
            fields: Vec::new(),
            in_quotes: false,
            quote_closed: false,
            error: None,
            values: Vec::new(),
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

    fn byte(&mut self, b: u8) {
        if self.in_quotes {
            match b {
                b'"' => {
                    self.in_quotes = false;
                    self.quote_closed = true;
                }
                b'\n' => {
                    self.line += 1;
                    self.push(b);
                }
                _ => self.push(b),
            }
            return;
        }
        match b {
            b'"' if self.quote_closed => {
                self.push(b'"');
                self.in_quotes = true;
                self.quote_closed = false;
            }
            b'"' if self.field.is_empty() => self.in_quotes = true,
            b',' => self.end_field(),
            b'\n' => {
                self.end_field();
                self.end_record();
                self.line += 1;
                self.record_line = self.line;
            }
            b'\r' => {}
            _ => {
                self.quote_closed = false;
                self.push(b);
            }
        }
    }

    fn push(&mut self, b: u8) {
        if self.field.len() < MAX_FIELD {
            self.field.push(b);
        }
    }

    fn end_field(&mut self) {
        self.quote_closed = false;
        if self.fields.len() >= MAX_FIELDS {
            // No training log has this many columns: stop before memory runs out.
            self.error = Some(LogError::row(
                self.record_line,
                format!("the row has more than {MAX_FIELDS} values: this is not a training log."),
            ));
            self.field.clear();
            return;
        }
        let text = String::from_utf8_lossy(&self.field).into_owned();
        self.field.clear();
        self.fields.push(text);
    }

    fn end_record(&mut self) {
        let fields = std::mem::take(&mut self.fields);
        if fields.iter().all(|f| f.trim().is_empty()) {
            return;
        }
        let row = self.record_line;
        let result = match &self.header {
            None => self.read_header(fields, row),
            Some(_) => self.read_row(&fields, row),
        };
        if let Err(e) = result {
            self.error = Some(e);
        }
    }

    fn read_header(&mut self, fields: Vec<String>, row: usize) -> Result<(), LogError> {
        let names: Vec<String> = fields
            .iter()
            .map(|f| f.trim().trim_start_matches('\u{feff}').to_string())
            .collect();
        let lower: Vec<String> = names.iter().map(|n| n.to_ascii_lowercase()).collect();
        let find = |set: &[&str]| lower.iter().position(|n| set.contains(&n.as_str()));
        let step = find(&STEP_NAMES);
        let epoch = find(&EPOCH_NAMES);
        if step.is_none() && epoch.is_none() {
            return Err(LogError::row(
                row,
                format!("no step or epoch column (found: {}).", shown_names(&names)),
            ));
        }
        let format = if openai_results::is_openai_header(&lower) {
            LogFormat::OpenAiResults
        } else {
            LogFormat::PlainCsv
        };
        self.builder = RunLogBuilder::new(format, step.is_none());
        let mut values = Vec::new();
        for (i, n) in names.iter().enumerate() {
            if Some(i) == step
                || Some(i) == epoch
                || n.is_empty()
                || SKIPPED_NAMES.contains(&lower[i].as_str())
            {
                continue;
            }
            values.push((i, self.builder.column(n)));
        }
        require_metric(&names, values.iter().map(|&(i, _)| names[i].as_str()), row)?;
        self.header = Some(Header {
            width: names.len(),
            names,
            step,
            epoch,
            values,
        });
        Ok(())
    }

    fn read_row(&mut self, fields: &[String], row: usize) -> Result<(), LogError> {
        let Some(h) = &self.header else {
            return Ok(());
        };
        if fields.len() != h.width {
            return Err(LogError::row(
                row,
                format!("{} values for {} columns.", fields.len(), h.width),
            ));
        }
        let epoch = match h.epoch {
            Some(i) => parse_cell(&fields[i], row, &h.names[i])?,
            None => None,
        };
        let x_index = h.step.or(h.epoch).unwrap_or(0);
        let x_name = &h.names[x_index];
        let Some(x) = parse_cell(&fields[x_index], row, x_name)? else {
            return Err(LogError::at(row, x_name, "the value is missing."));
        };
        self.values.clear();
        for &(i, c) in &h.values {
            if let Some(v) = parse_cell(&fields[i], row, &h.names[i])? {
                self.values.push((c, v));
            }
        }
        let values = std::mem::take(&mut self.values);
        let r = self.builder.record(row, x_name, x, epoch, &values);
        self.values = values;
        r
    }

    /// The log, or the first problem met.
    pub fn finish(mut self) -> Result<RunLog, LogError> {
        if self.error.is_none() && (!self.field.is_empty() || !self.fields.is_empty()) {
            self.end_field();
            self.end_record();
        }
        if let Some(e) = self.error {
            return Err(e);
        }
        if self.header.is_none() {
            return Err(LogError::whole("The log is empty."));
        }
        self.builder.finish()
    }
}

/// Names for a message, at most 12.
fn shown_names(names: &[String]) -> String {
    let mut s: Vec<&str> = names.iter().take(12).map(String::as_str).collect();
    if names.len() > 12 {
        s.push("…");
    }
    s.join(", ")
}

/// Refuses a header without a training or validation column.
fn require_metric<'a>(
    all: &[String],
    mut read: impl Iterator<Item = &'a str>,
    row: usize,
) -> Result<(), LogError> {
    if read.any(|n| role_of(n) != ColumnRole::Other) {
        Ok(())
    } else {
        Err(LogError::row(
            row,
            format!(
                "no loss or metric column: expected names such as train_loss, valid_loss, eval_loss or accuracy (found: {}).",
                shown_names(all)
            ),
        ))
    }
}

/// Keys of a JSON record that are not series: the step and epoch (read
/// apart), skipped text names, and Hugging Face's throughput and size
/// figures (`total_flos`, `*_runtime`, `*_per_second`).
fn skipped_key(key: &str) -> bool {
    let k = key.to_ascii_lowercase();
    STEP_NAMES.contains(&k.as_str())
        || EPOCH_NAMES.contains(&k.as_str())
        || SKIPPED_NAMES.contains(&k.as_str())
        || k == "total_flos"
        || k.ends_with("_runtime")
        || k.ends_with("_per_second")
}

/// One value of a JSON record, as far as a log needs it.
#[derive(Clone, Debug, PartialEq)]
pub enum Field {
    /// A number (also `NaN`, `Infinity`, `-Infinity` as Python writes them).
    Number(f64),
    /// A string.
    Text(String),
    /// `null`.
    Null,
    /// `true`, `false`, an object or an array (not a series).
    Other,
}

/// A JSON record: its keys and values in order.
pub type Record = Vec<(String, Field)>;

/// A field as a number: numbers as they are, strings as cells (`"NaN"`,
/// `"1e-5"`, `""`), `null` as missing; other kinds are ignored.
fn json_number(v: &Field, row: usize, key: &str) -> Result<Option<f64>, LogError> {
    match v {
        Field::Number(n) => Ok(Some(*n)),
        Field::Text(s) => parse_cell(s, row, key),
        _ => Ok(None),
    }
}

/// Adds one JSON record at `row` to `builder`: the step from a step key
/// (else the epoch when `epoch_fallback`), the epoch, and every other
/// numeric key as a series.
pub fn add_json_record(
    builder: &mut RunLogBuilder,
    map: &Record,
    row: usize,
    epoch_fallback: bool,
) -> Result<(), LogError> {
    let find = |set: &[&str]| {
        map.iter()
            .find(|(k, _)| set.contains(&k.to_ascii_lowercase().as_str()))
    };
    let epoch = match find(&EPOCH_NAMES) {
        Some((k, v)) => json_number(v, row, k)?,
        None => None,
    };
    let (x_name, x) = match find(&STEP_NAMES) {
        Some((k, v)) => (k.as_str(), json_number(v, row, k)?),
        None if epoch_fallback => ("epoch", epoch),
        None => ("step", None),
    };
    let Some(x) = x else {
        return Err(LogError::at(row, x_name, "the record has no step."));
    };
    let mut values = Vec::new();
    for (k, v) in map {
        if skipped_key(k) {
            continue;
        }
        if let Some(n) = json_number(v, row, k)? {
            values.push((builder.column(k), n));
        }
    }
    builder.record(row, x_name, x, epoch, &values)
}

/// A small reader of one flat JSON object (nested values are skipped).
struct Cursor<'a> {
    b: &'a [u8],
    i: usize,
}

impl Cursor<'_> {
    fn ws(&mut self) {
        while self.b.get(self.i).is_some_and(|c| c.is_ascii_whitespace()) {
            self.i += 1;
        }
    }

    fn eat(&mut self, c: u8) -> Option<()> {
        self.ws();
        (self.b.get(self.i) == Some(&c)).then(|| self.i += 1)
    }

    fn string(&mut self) -> Option<String> {
        self.eat(b'"')?;
        let mut out = Vec::new();
        loop {
            let c = *self.b.get(self.i)?;
            self.i += 1;
            match c {
                b'"' => return Some(String::from_utf8_lossy(&out).into_owned()),
                b'\\' => {
                    let e = *self.b.get(self.i)?;
                    self.i += 1;
                    match e {
                        b'n' => out.push(b'\n'),
                        b't' => out.push(b'\t'),
                        b'r' => out.push(b'\r'),
                        b'b' => out.push(8),
                        b'f' => out.push(12),
                        b'u' => {
                            let hex = self.b.get(self.i..self.i + 4)?;
                            self.i += 4;
                            let n = u32::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()?;
                            let ch = char::from_u32(n).unwrap_or('\u{fffd}');
                            out.extend_from_slice(ch.encode_utf8(&mut [0; 4]).as_bytes());
                        }
                        other => out.push(other),
                    }
                }
                c => out.push(c),
            }
        }
    }

    fn skip_nested(&mut self) -> Option<()> {
        let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
        while let Some(&c) = self.b.get(self.i) {
            self.i += 1;
            if in_string {
                if escaped {
                    escaped = false;
                } else if c == b'\\' {
                    escaped = true;
                } else if c == b'"' {
                    in_string = false;
                }
                continue;
            }
            match c {
                b'"' => in_string = true,
                b'{' | b'[' => depth += 1,
                b'}' | b']' => {
                    depth = depth.checked_sub(1)?;
                    if depth == 0 {
                        return Some(());
                    }
                }
                _ => {}
            }
        }
        None
    }

    fn word(&mut self, w: &[u8]) -> bool {
        let ok = self.b[self.i.min(self.b.len())..].starts_with(w);
        if ok {
            self.i += w.len();
        }
        ok
    }

    fn value(&mut self) -> Option<Field> {
        self.ws();
        let c = *self.b.get(self.i)?;
        Some(match c {
            b'"' => Field::Text(self.string()?),
            b'{' | b'[' => {
                self.skip_nested()?;
                Field::Other
            }
            _ if self.word(b"null") => Field::Null,
            _ if self.word(b"true") || self.word(b"false") => Field::Other,
            _ if self.word(b"NaN") => Field::Number(f64::NAN),
            _ if self.word(b"Infinity") => Field::Number(f64::INFINITY),
            _ if self.word(b"-Infinity") => Field::Number(f64::NEG_INFINITY),
            _ => {
                let start = self.i;
                while self
                    .b
                    .get(self.i)
                    .is_some_and(|c| c.is_ascii_digit() || b"+-.eE".contains(c))
                {
                    self.i += 1;
                }
                let text = std::str::from_utf8(&self.b[start..self.i]).ok()?;
                Field::Number(text.parse::<f64>().ok().filter(|v| v.is_finite())?)
            }
        })
    }

    fn record(&mut self) -> Option<Record> {
        self.eat(b'{')?;
        let mut out = Vec::new();
        if self.eat(b'}').is_some() {
            return Some(out);
        }
        loop {
            let k = self.string()?;
            self.eat(b':')?;
            let v = self.value()?;
            out.push((k, v));
            if self.eat(b'}').is_some() {
                self.ws();
                return (self.i == self.b.len()).then_some(out);
            }
            self.eat(b',')?;
        }
    }
}

/// Parses one record's bytes (a flat JSON object; nested values are read
/// as [`Field::Other`]), or says why not.
pub fn parse_record(bytes: &[u8], row: usize) -> Result<Record, LogError> {
    let mut c = Cursor { b: bytes, i: 0 };
    c.ws();
    if c.b.get(c.i) != Some(&b'{') {
        return Err(LogError::row(row, "the record is not a JSON object."));
    }
    c.record()
        .ok_or_else(|| LogError::row(row, "the record is not valid JSON."))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<RunLog, LogError> {
        let mut r = CsvLogReader::new();
        r.feed(text.as_bytes());
        r.finish()
    }

    #[test]
    fn a_plain_epoch_csv_with_quotes_and_crlf() {
        let log = read("\"epoch\",train_loss,val_loss,val_accuracy\r\n1,2.0,2.1,0.5\r\n2,1.5,\"1.7\",0.6\r\n3,1.2,,0.65\r\n").unwrap();
        assert_eq!(log.format, LogFormat::PlainCsv);
        assert!(log.steps_are_epochs);
        assert_eq!(log.rows, 3);
        assert_eq!(log.column("val_loss").unwrap().points.len(), 2);
        assert_eq!(log.validation_loss().unwrap().name, "val_loss");
        assert_eq!(
            log.training_counterpart("val_loss").unwrap().name,
            "train_loss"
        );
    }

    #[test]
    fn errors_name_the_row_and_column() {
        let e = read("step,loss,valid_loss\n1,2,3\n2,2,abc\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            "Row 3, column valid_loss: \"abc\" is not a number."
        );
        let e = read("step,lr\n1,2\n").unwrap_err();
        assert!(e.to_string().starts_with("Row 1: no loss or metric column"));
        let e = read("when,loss\n1,2\n").unwrap_err();
        assert!(e.to_string().starts_with("Row 1: no step or epoch column"));
        let e = read("step,loss\n1,2,3\n").unwrap_err();
        assert_eq!(e.to_string(), "Row 2: 3 values for 2 columns.");
    }

    #[test]
    fn records_read_python_non_finite_words_and_skip_nesting() {
        let m = parse_record(br#"{"loss": NaN, "x": "a\"b\u00e9", "y": -Infinity, "n": {"a": [1, "]"]}, "z": null, "e": 1.2e-05}"#, 3).unwrap();
        assert!(matches!(m[0], (ref k, Field::Number(v)) if k == "loss" && v.is_nan()));
        assert_eq!(m[1].1, Field::Text("a\"bé".into()));
        assert_eq!(m[2].1, Field::Number(f64::NEG_INFINITY));
        assert_eq!(m[3].1, Field::Other);
        assert_eq!(m[4].1, Field::Null);
        assert_eq!(m[5].1, Field::Number(1.2e-5));
        assert!(parse_record(b"{\"a\": 1,}", 2).is_err());
        assert!(parse_record(b"{\"a\": 1} x", 2).is_err());
        assert!(parse_record(b"[1]", 2).is_err());
    }
}
