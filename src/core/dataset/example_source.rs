//! A file's bytes as the examples it holds, whatever its container.
//!
//! [`ExampleSource`] holds back the first non-blank line (at most
//! [`DECIDE_BYTES`]), tells the container from it ([`container::detect`])
//! and then streams: JSONL through framing's [`LineSplitter`], a JSON array
//! or JSON values through [`JsonElements`], a CSV/TSV table through
//! [`CsvTable`]. Every example comes out as a [`RawLine`] (for containers:
//! the element's compact bytes, or the row's JSON object, numbered by the
//! physical line where it starts), so the report and the exports check
//! examples as they would be after conversion to JSONL. Structural problems
//! come out as findings, and at the end one finding says the file is not
//! JSONL and what it is.
//!
//! Architecture invariant: pure, no UI imports; never panics on any bytes;
//! chunking never changes the output (the report's property test).

use crate::core::dataset::container::{self, Container};
use crate::core::dataset::csv_table::{CsvTable, Mapping, Row};
use crate::core::dataset::finding::{Code, Finding};
use crate::core::dataset::framing::{LineSplitter, RawLine};
use crate::core::dataset::json_elements::{Item, JsonElements, Shape};
use crate::core::number_format;

/// Most bytes held back to find the first line; beyond, the file is JSONL
/// (a pretty-printed document's or a table's first line is short).
pub const DECIDE_BYTES: usize = 1 << 20;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Examples and findings completed by a chunk, in file order.
#[derive(Debug, Default)]
pub struct Batch {
    /// Each example as a line, with whether it is the file's last line.
    pub lines: Vec<(RawLine, bool)>,
    /// Structural findings (a container's, not a line's), each with how
    /// many of `lines` come before it.
    pub findings: Vec<(usize, Finding)>,
}

#[derive(Debug)]
enum Reader {
    Undecided(Vec<u8>),
    Lines(LineSplitter),
    Json(JsonElements),
    Table(CsvTable),
    Finished,
}

/// Streams a file into examples.
#[derive(Debug)]
pub struct ExampleSource {
    reader: Reader,
    /// Bytes pushed so far.
    pub bytes_seen: u64,
    /// The file began with a UTF-8 byte-order mark (known once decided).
    pub bom: bool,
    /// The container, once decided.
    pub container: Container,
    /// For tables: the header's mapping to a format.
    pub mapping: Option<Result<Mapping, String>>,
    /// Examples yielded (elements or rows; lines for JSONL).
    pub examples: usize,
    newlines: usize,
    last_byte: Option<u8>,
}

impl Default for ExampleSource {
    fn default() -> Self {
        ExampleSource {
            reader: Reader::Undecided(Vec::new()),
            bytes_seen: 0,
            bom: false,
            container: Container::Jsonl,
            mapping: None,
            examples: 0,
            newlines: 0,
            last_byte: None,
        }
    }
}

/// The first non-blank line of `body`, once it is complete.
fn first_line(body: &[u8]) -> Option<&[u8]> {
    let mut rest = body;
    while let Some(pos) = rest.iter().position(|b| *b == b'\n') {
        let line = &rest[..pos];
        if !line.trim_ascii().is_empty() {
            return Some(line);
        }
        rest = &rest[pos + 1..];
    }
    None
}

/// The container of a file starting with `buf`: from its first complete
/// non-blank line; JSONL when there is none (one line, or a first line
/// longer than [`DECIDE_BYTES`], which only JSONL has), `None` while
/// undecided and `more` bytes may come.
pub fn decide(buf: &[u8], more: bool) -> Option<Container> {
    let body = buf.strip_prefix(BOM).unwrap_or(buf);
    match first_line(body) {
        Some(line) => Some(container::detect(line)),
        None if more && buf.len() < DECIDE_BYTES => None,
        None => Some(Container::Jsonl),
    }
}

impl ExampleSource {
    /// A source for a part of a JSONL file after its first: lines from the
    /// first byte, no byte-order mark to look for.
    pub fn continuing_jsonl() -> ExampleSource {
        ExampleSource {
            reader: Reader::Lines(LineSplitter::continuing(
                crate::core::dataset::framing::DEFAULT_MAX_LINE_BYTES,
            )),
            ..ExampleSource::default()
        }
    }

    /// Feeds the next chunk.
    pub fn push(&mut self, chunk: &[u8]) -> Batch {
        self.bytes_seen += chunk.len() as u64;
        let mut batch = Batch::default();
        if let Reader::Undecided(buf) = &mut self.reader {
            buf.extend_from_slice(chunk);
            if let Some(container) = decide(buf, true) {
                let buf = std::mem::take(buf);
                self.start(container, &buf, &mut batch);
            }
            return batch;
        }
        self.feed(chunk, &mut batch);
        batch
    }

    /// Ends the stream: what remains, and the container's finding.
    pub fn finish(&mut self) -> Batch {
        let mut batch = Batch::default();
        if let Reader::Undecided(buf) = &mut self.reader {
            let buf = std::mem::take(buf);
            let container = decide(&buf, false).unwrap_or_default();
            self.start(container, &buf, &mut batch);
        }
        match std::mem::replace(&mut self.reader, Reader::Finished) {
            Reader::Lines(s) => {
                self.bom = s.bom;
                batch.lines = s.finish_lines();
            }
            Reader::Json(s) => {
                let mut items = Vec::new();
                s.finish(&mut items);
                self.items(items, &mut batch);
            }
            Reader::Table(t) => {
                let mut rows = Vec::new();
                self.mapping = t.finish(&mut rows);
                self.rows(rows, &mut batch);
            }
            Reader::Undecided(_) | Reader::Finished => {}
        }
        if let Some(f) = self.container_finding() {
            batch.findings.push((batch.lines.len(), f));
        }
        batch
    }

    /// Physical lines read (a last line without a newline counts).
    pub fn physical_lines(&self) -> usize {
        self.newlines + usize::from(self.last_byte.is_some_and(|b| b != b'\n'))
    }

    fn start(&mut self, container: Container, buf: &[u8], batch: &mut Batch) {
        self.container = container;
        let body = match container {
            Container::Jsonl => buf,
            _ => {
                self.bom = buf.starts_with(BOM);
                buf.strip_prefix(BOM).unwrap_or(buf)
            }
        };
        self.reader = match container {
            Container::Jsonl => Reader::Lines(LineSplitter::default()),
            Container::JsonArray => Reader::Json(JsonElements::new(Shape::Array)),
            Container::JsonValues => Reader::Json(JsonElements::new(Shape::Values)),
            Container::Csv => Reader::Table(CsvTable::new(b',')),
            Container::Tsv => Reader::Table(CsvTable::new(b'\t')),
        };
        self.feed(body, batch);
    }

    fn feed(&mut self, chunk: &[u8], batch: &mut Batch) {
        if !matches!(self.reader, Reader::Lines(_)) {
            self.newlines += chunk.iter().filter(|b| **b == b'\n').count();
            if let Some(b) = chunk.last() {
                self.last_byte = Some(*b);
            }
        }
        match &mut self.reader {
            Reader::Lines(s) => {
                batch.lines = s.push_lines(chunk);
                self.examples += batch.lines.len();
            }
            Reader::Json(s) => {
                let mut items = Vec::new();
                s.push(chunk, &mut items);
                self.items(items, batch);
            }
            Reader::Table(t) => {
                let mut rows = Vec::new();
                t.push(chunk, &mut rows);
                if self.mapping.is_none() {
                    self.mapping = t.mapping().cloned();
                }
                self.rows(rows, batch);
            }
            Reader::Undecided(_) | Reader::Finished => {}
        }
    }

    fn example(&mut self, number: usize, bytes: Vec<u8>, too_long: bool, batch: &mut Batch) {
        self.examples += 1;
        let line = RawLine {
            number,
            bytes,
            crlf: false,
            terminated: true,
            too_long,
        };
        batch.lines.push((line, false));
    }

    fn items(&mut self, items: Vec<Item>, batch: &mut Batch) {
        for item in items {
            match item {
                Item::Element(e) => self.example(e.line, e.bytes, e.too_long, batch),
                Item::Error { line, message } => {
                    let f = Finding::error(line, Code::JsonStructure, None, message);
                    batch.findings.push((batch.lines.len(), f));
                }
            }
        }
    }

    fn rows(&mut self, rows: Vec<Row>, batch: &mut Batch) {
        for row in rows {
            match row {
                Row::Example {
                    line,
                    bytes,
                    too_long,
                } => self.example(line, bytes, too_long, batch),
                Row::Error {
                    line,
                    code,
                    message,
                } => {
                    let f = Finding::error(line, code, None, message);
                    batch.findings.push((batch.lines.len(), f));
                }
            }
        }
    }

    /// The one finding that says the file is not JSONL and what it is.
    fn container_finding(&self) -> Option<Finding> {
        let n = self.examples;
        let counted = |one, many| {
            if n == 1 {
                format!("1 {one}")
            } else {
                format!("{} {many}", number_format::count(n as f64))
            }
        };
        let checked = "the examples were checked as they would be after conversion.";
        let (code, message) = match self.container {
            Container::Jsonl => return None,
            Container::JsonArray => (
                Code::JsonArrayNotJsonl,
                format!(
                    "The file is one JSON array of {}, not JSONL. Convert it to JSONL (one example per line); {checked}",
                    counted("example", "examples")
                ),
            ),
            Container::JsonValues => (
                Code::PrettyPrintedJson,
                format!(
                    "The file holds {} spread over several lines (pretty-printed JSON), not JSONL. Convert it to JSONL (one example per line); {checked}",
                    counted("JSON object", "JSON objects")
                ),
            ),
            Container::Csv | Container::Tsv => {
                let what = if self.container == Container::Csv {
                    "CSV (comma-separated)"
                } else {
                    "TSV (tab-separated)"
                };
                let rows = counted("row", "rows");
                match &self.mapping {
                    Some(Ok(m)) => (
                        Code::CsvNotJsonl,
                        format!(
                            "The file is a {what} table of {rows}, not JSONL. Convert it to JSONL (one example per line); its columns map to the {} format, and the rows were checked as the examples they would become.",
                            m.format.label()
                        ),
                    ),
                    _ => (
                        Code::CsvNotJsonl,
                        format!(
                            "The file is a {what} table, not JSONL, and its columns map to no format tunewise can convert (see line 1)."
                        ),
                    ),
                }
            }
        };
        Some(Finding::file_error(code, message))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_container_is_told_from_the_first_complete_line() {
        assert_eq!(decide(b"\n  \n[\n", true), Some(Container::JsonArray));
        assert_eq!(
            decide(b"\xEF\xBB\xBF{\n", true),
            Some(Container::JsonValues)
        );
        assert_eq!(decide(b"prompt,completion\r\n", true), Some(Container::Csv));
        assert_eq!(decide(b"[", true), None);
        // One line only, or a first line too long for a document's: JSONL.
        assert_eq!(decide(b"{\"messages\": [", false), Some(Container::Jsonl));
        let long = [b"{\"messages\": [".as_slice(), &vec![b' '; DECIDE_BYTES]].concat();
        assert_eq!(decide(&long, true), Some(Container::Jsonl));
    }

    #[test]
    fn structural_findings_keep_their_place() {
        let mut s = ExampleSource::default();
        let mut b = s.push(b"[\n{\"a\":1}\n{\"b\":2}]\n");
        b.findings.extend(s.finish().findings);
        assert_eq!(b.lines.len(), 2);
        assert_eq!(
            b.findings[0].0, 1,
            "the missing comma comes after the first element"
        );
        assert_eq!(b.findings[1].1.code, "json_array_not_jsonl");
        assert_eq!((s.container, s.physical_lines()), (Container::JsonArray, 3));
    }
}
