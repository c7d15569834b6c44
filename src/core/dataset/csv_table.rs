//! A CSV or TSV file read as the JSONL examples it would become.
//!
//! [`sniff`] tells from the first line whether a file is a delimited table
//! (tabs: TSV, else commas: CSV). [`CsvTable`] parses RFC 4180 fields
//! (quoted fields, doubled quotes, line breaks inside quotes) chunk by
//! chunk, holding one record at a time (capped like framing's lines), maps
//! the header to a format (prompt,completion; input,output;
//! instruction,input,output or instruction,output: ASCII case-insensitive,
//! trimmed, in any order; Unicode case tables would cost ~7 KB of wasm) and turns each row into the JSON object it would
//! be in JSONL. A header that maps to no format gives one finding naming
//! its columns and what is expected.
//!
//! Hand-written (about a hundred lines) rather than the `csv` crate: the
//! Dataset page's wasm is close to its size budget.
//!
//! Architecture invariant: pure, no UI imports; never panics on any bytes;
//! chunking never changes the output (property-tested).

use serde_json::{Map, Value};

use crate::core::dataset::framing::DEFAULT_MAX_LINE_BYTES;
use crate::core::dataset::validate_line::Format;

/// The column sets tunewise converts, with the format they become.
pub const KNOWN_HEADERS: [(&[&str], Format); 4] = [
    (&["prompt", "completion"], Format::PromptCompletion),
    (&["instruction", "input", "output"], Format::Alpaca),
    (&["instruction", "output"], Format::Alpaca),
    (&["input", "output"], Format::InputOutput),
];

/// The delimiter a first line uses when it is a table's header: `\t`
/// when it holds tabs, else `,`; `None` when it is JSON or not delimited.
pub fn sniff(first_line: &[u8]) -> Option<u8> {
    let line = first_line.trim_ascii();
    // Text only: UTF-16 or binary data is named as such elsewhere.
    if line.is_empty()
        || std::str::from_utf8(line).is_err()
        || line.iter().any(|b| *b < 0x20 && *b != b'\t')
        || matches!(line[0], b'{' | b'[')
        || serde_json::from_slice::<serde::de::IgnoredAny>(line).is_ok()
    {
        return None;
    }
    let delimiter = if line.contains(&b'\t') { b'\t' } else { b',' };
    let fields = parse_all(delimiter, line);
    let header = fields.first()?;
    (header.fields.len() >= 2
        && header
            .fields
            .iter()
            .all(|f| !f.trim().is_empty() && f.len() <= 200))
    .then_some(delimiter)
}

/// One record: its fields and the physical line where it starts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    /// 1-based physical line.
    pub line: usize,
    /// The fields, unquoted (invalid UTF-8 replaced).
    pub fields: Vec<String>,
    /// The record was longer than the limit; its fields are cut.
    pub too_long: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Quote {
    /// Not in quotes.
    Out,
    /// Inside a quoted field.
    In,
    /// A quote inside a quoted field: closing, or the first of two.
    Maybe,
}

/// An RFC 4180 record splitter, streamed.
#[derive(Debug)]
pub struct RecordSplitter {
    delimiter: u8,
    field: Vec<u8>,
    fields: Vec<String>,
    quote: Quote,
    line: usize,
    start_line: usize,
    bytes: usize,
    too_long: bool,
    max_record_bytes: usize,
    /// The current record holds something (a byte other than its end).
    started: bool,
}

impl RecordSplitter {
    /// A splitter for fields separated by `delimiter`.
    pub fn new(delimiter: u8) -> RecordSplitter {
        RecordSplitter {
            delimiter,
            field: Vec::new(),
            fields: Vec::new(),
            quote: Quote::Out,
            line: 1,
            start_line: 1,
            bytes: 0,
            too_long: false,
            max_record_bytes: DEFAULT_MAX_LINE_BYTES,
            started: false,
        }
    }

    /// Feeds a chunk; appends the records it completes to `out`.
    pub fn push(&mut self, chunk: &[u8], out: &mut Vec<Record>) {
        for &b in chunk {
            if !self.started {
                self.start_line = self.line;
            }
            if self.quote == Quote::Maybe {
                if b == b'"' {
                    self.keep(b);
                    self.quote = Quote::In;
                    continue;
                }
                self.quote = Quote::Out;
            }
            match (self.quote, b) {
                (Quote::In, b'"') => self.quote = Quote::Maybe,
                (Quote::In, _) => self.keep(b),
                (_, b'"') if self.field.is_empty() => {
                    self.quote = Quote::In;
                    self.started = true;
                }
                (_, b'\n') => {
                    if self.field.last() == Some(&b'\r') {
                        self.field.pop();
                    }
                    self.end_record(out);
                }
                (_, d) if d == self.delimiter => {
                    self.end_field();
                    self.started = true;
                }
                _ => self.keep(b),
            }
            if b == b'\n' {
                self.line += 1;
            }
        }
    }

    /// Ends the stream: the last record, and whether a quote was left open
    /// (the line it opened on).
    pub fn finish(mut self, out: &mut Vec<Record>) -> Option<usize> {
        let open = (self.quote == Quote::In).then_some(self.start_line);
        if self.started {
            self.end_record(out);
        }
        open
    }

    fn keep(&mut self, b: u8) {
        self.started = true;
        self.bytes += 1;
        if self.bytes <= self.max_record_bytes {
            self.field.push(b);
        } else {
            self.too_long = true;
        }
    }

    fn end_field(&mut self) {
        let field = std::mem::take(&mut self.field);
        self.fields
            .push(String::from_utf8_lossy(&field).into_owned());
    }

    fn end_record(&mut self, out: &mut Vec<Record>) {
        // A line holding nothing (or only a CR) is no record.
        if self.started && !(self.fields.is_empty() && self.field.is_empty()) {
            self.end_field();
            out.push(Record {
                line: self.start_line,
                fields: std::mem::take(&mut self.fields),
                too_long: self.too_long,
            });
        }
        self.field.clear();
        self.fields.clear();
        self.bytes = 0;
        self.too_long = false;
        self.started = false;
    }
}

fn parse_all(delimiter: u8, bytes: &[u8]) -> Vec<Record> {
    let mut s = RecordSplitter::new(delimiter);
    let mut out = Vec::new();
    s.push(bytes, &mut out);
    s.finish(&mut out);
    out
}

/// Which format a header maps to, and where each key's column is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mapping {
    /// The format the rows become.
    pub format: Format,
    /// (JSON key, column index).
    pub columns: Vec<(&'static str, usize)>,
}

/// Maps a header to the first known column set it holds all of (extra
/// columns are left out), or says what it holds and what is expected.
pub fn map_header(header: &[String]) -> Result<Mapping, String> {
    let names: Vec<String> = header
        .iter()
        .map(|h| h.trim().to_ascii_lowercase())
        .collect();
    for (keys, format) in KNOWN_HEADERS {
        let columns: Option<Vec<(&'static str, usize)>> = keys
            .iter()
            .map(|k| names.iter().position(|n| n == k).map(|i| (*k, i)))
            .collect();
        if let Some(columns) = columns {
            return Ok(Mapping { format, columns });
        }
    }
    let shown: Vec<String> = header
        .iter()
        .take(12)
        .map(|h| format!("\"{}\"", h.trim().chars().take(40).collect::<String>()))
        .collect();
    Err(format!(
        "Its columns are {}: none of the sets tunewise can convert. Name the columns prompt,completion (prompt / completion), input,output (input / output) or instruction,input,output (Alpaca), or convert the table to JSONL yourself.",
        shown.join(", ")
    ))
}

/// What a table yields, in row order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Row {
    /// A row as the compact JSON object it becomes.
    Example {
        /// 1-based physical line where the row starts.
        line: usize,
        /// The object, serialised.
        bytes: Vec<u8>,
        /// The row was longer than the limit.
        too_long: bool,
    },
    /// A problem with the header or a row.
    Error {
        /// 1-based physical line.
        line: usize,
        /// Stable finding code.
        code: crate::core::dataset::finding::Code,
        /// What is wrong and how to fix it.
        message: String,
    },
}

/// A table streamed into [`Row`]s.
#[derive(Debug)]
pub struct CsvTable {
    splitter: RecordSplitter,
    header: Option<(usize, Result<Mapping, String>)>,
    records: Vec<Record>,
    /// Rows after the header, so far.
    pub rows: usize,
}

impl CsvTable {
    /// A table whose fields are separated by `delimiter`.
    pub fn new(delimiter: u8) -> CsvTable {
        CsvTable {
            splitter: RecordSplitter::new(delimiter),
            header: None,
            records: Vec::new(),
            rows: 0,
        }
    }

    /// The header's mapping, once the header has been read.
    pub fn mapping(&self) -> Option<&Result<Mapping, String>> {
        self.header.as_ref().map(|(_, m)| m)
    }

    /// Feeds a chunk; appends the rows it completes to `out`.
    pub fn push(&mut self, chunk: &[u8], out: &mut Vec<Row>) {
        self.splitter.push(chunk, &mut self.records);
        self.drain(out);
    }

    /// Ends the stream: the last row, and a quote left open; returns the
    /// header's mapping (`None`: no header).
    pub fn finish(mut self, out: &mut Vec<Row>) -> Option<Result<Mapping, String>> {
        let splitter = std::mem::replace(&mut self.splitter, RecordSplitter::new(b','));
        let open = splitter.finish(&mut self.records);
        self.drain(out);
        if let Some(line) = open {
            out.push(Row::Error {
                line,
                code: crate::core::dataset::finding::Code::CsvOpenQuote,
                message: format!("The quoted field opened on line {line} is never closed: the rest of the file was read as one field. Close the quote (a quote inside a field is written twice: \"\")."),
            });
        }
        self.header.map(|(_, m)| m)
    }

    fn drain(&mut self, out: &mut Vec<Row>) {
        for record in std::mem::take(&mut self.records) {
            let Some((width, mapping)) = &self.header else {
                let mapping = map_header(&record.fields);
                if let Err(message) = &mapping {
                    out.push(Row::Error {
                        line: record.line,
                        code: crate::core::dataset::finding::Code::CsvUnknownColumns,
                        message: message.clone(),
                    });
                }
                self.header = Some((record.fields.len(), mapping));
                continue;
            };
            self.rows += 1;
            let Ok(mapping) = mapping else { continue };
            if record.fields.len() != *width {
                out.push(Row::Error {
                    line: record.line,
                    code: crate::core::dataset::finding::Code::CsvFieldCount,
                    message: format!("This row has {} fields; the header has {width}. Quote fields that hold the delimiter or a line break (\"like, this\").", record.fields.len()),
                });
                continue;
            }
            let object: Map<String, Value> = mapping
                .columns
                .iter()
                .map(|(key, i)| ((*key).to_string(), Value::String(record.fields[*i].clone())))
                .collect();
            out.push(Row::Example {
                line: record.line,
                bytes: Value::Object(object).to_string().into_bytes(),
                too_long: record.too_long,
            });
        }
    }
}

/// Reads a whole table (tests).
pub fn table_bytes(delimiter: u8, bytes: &[u8]) -> Vec<Row> {
    let mut t = CsvTable::new(delimiter);
    let mut out = Vec::new();
    t.push(bytes, &mut out);
    t.finish(&mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn examples(rows: &[Row]) -> Vec<(usize, String)> {
        rows.iter()
            .filter_map(|r| match r {
                Row::Example { line, bytes, .. } => {
                    Some((*line, String::from_utf8_lossy(bytes).into_owned()))
                }
                Row::Error { .. } => None,
            })
            .collect()
    }

    #[test]
    fn sniffs_tables_not_json() {
        assert_eq!(sniff(b"prompt,completion"), Some(b','));
        assert_eq!(sniff(b"instruction\tinput\toutput\r"), Some(b'\t'));
        assert_eq!(sniff(b"\"a, b\",c"), Some(b','));
        assert_eq!(sniff(b"{\"a\":1}"), None);
        assert_eq!(sniff(b"\"a,b\""), None);
        assert_eq!(sniff(b"[1,2]"), None);
        assert_eq!(sniff(b"just text"), None);
        assert_eq!(sniff(b"a,,b"), None);
        let utf16: Vec<u8> = "\u{feff}{\"a\":\"b\",\"c\":1}"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        assert_eq!(sniff(&utf16), None);
    }

    #[test]
    fn rfc_4180_fields() {
        let r = parse_all(b',', b"a,\"b,\"\"c\"\"\nd\",e\r\n\r\nf,g");
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].fields, vec!["a", "b,\"c\"\nd", "e"]);
        assert_eq!(
            (r[1].line, r[1].fields.clone()),
            (4, vec!["f".into(), "g".into()])
        );
    }

    #[test]
    fn headers_map_to_formats() {
        let h = |s: &str| s.split(',').map(str::to_string).collect::<Vec<_>>();
        assert_eq!(
            map_header(&h(" Prompt ,COMPLETION")).unwrap().format,
            Format::PromptCompletion
        );
        assert_eq!(
            map_header(&h("output,input,instruction")).unwrap().format,
            Format::Alpaca
        );
        assert_eq!(
            map_header(&h("instruction,output")).unwrap().format,
            Format::Alpaca
        );
        assert_eq!(
            map_header(&h("id,input,output")).unwrap().format,
            Format::InputOutput
        );
        let err = map_header(&h("question,answer")).unwrap_err();
        assert!(
            err.contains("\"question\", \"answer\"") && err.contains("prompt,completion"),
            "{err}"
        );
    }

    #[test]
    fn rows_become_objects() {
        let rows = table_bytes(
            b',',
            b"prompt,completion\nhi,\"hello, you\"\nx\n\"multi\nline\",y\n",
        );
        assert_eq!(
            examples(&rows),
            vec![
                (
                    2,
                    r#"{"completion":"hello, you","prompt":"hi"}"#.to_string()
                ),
                (
                    4,
                    r#"{"completion":"y","prompt":"multi\nline"}"#.to_string()
                )
            ]
        );
        assert!(matches!(
            rows[1],
            Row::Error {
                line: 3,
                code: crate::core::dataset::finding::Code::CsvFieldCount,
                ..
            }
        ));
        let unknown = table_bytes(b',', b"q,a\n1,2\n3,4\n");
        assert_eq!(unknown.len(), 1);
        assert!(matches!(
            unknown[0],
            Row::Error {
                code: crate::core::dataset::finding::Code::CsvUnknownColumns,
                ..
            }
        ));
        let open = table_bytes(b'\t', b"input\toutput\n\"a\tb\n");
        assert!(matches!(
            open.last(),
            Some(Row::Error {
                code: crate::core::dataset::finding::Code::CsvOpenQuote,
                line: 2,
                ..
            })
        ));
    }

    proptest! {
        #[test]
        fn chunking_never_changes_the_rows(
            data in proptest::collection::vec(prop_oneof![
                Just(b'"'), Just(b','), Just(b'\t'), Just(b'\n'), Just(b'\r'), Just(b'a'), any::<u8>()
            ], 0..300),
            cut in 0usize..300,
        ) {
            let mut data = data;
            let mut all = b"prompt,completion\n".to_vec();
            all.append(&mut data);
            let cut = cut.min(all.len());
            let whole = table_bytes(b',', &all);
            let mut t = CsvTable::new(b',');
            let mut out = Vec::new();
            t.push(&all[..cut], &mut out);
            t.push(&all[cut..], &mut out);
            t.finish(&mut out);
            prop_assert_eq!(out, whole);
        }
    }
}
