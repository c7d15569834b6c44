//! Validating a file in parts, one per worker, and merging the parts into
//! the one report a single pass gives.
//!
//! The rule, stated exactly:
//! - [`plan_parts`] cuts a file of `size` bytes into `n` nominal ranges
//!   `[size·i/n, size·(i+1)/n)`, with `n` at most the workers asked for, at
//!   most [`MAX_PARTS`], and at most one part per [`MIN_PART_BYTES`].
//! - A part covers the bytes from `boundary(start)` to `boundary(end)`,
//!   where `boundary(0) = 0` and, for `x > 0`, `boundary(x)` is one past the
//!   first `\n` at or after byte `x − 1` (the end of the file when there is
//!   none). Neighbouring parts compute the same boundary, so every line is in
//!   exactly one part and no part starts inside a line. A part reads from
//!   [`PartRange::read_from`] (the byte before its start) to see that.
//! - Only JSONL is split ([`splittable`]); a JSON array, pretty-printed JSON
//!   or a table is read by one part, since its examples span lines.
//! - Each part checks its lines on their own ([`analyse`]) and numbers them
//!   from 1; [`merge`] shifts them by the lines of the parts before it.
//!   Everything that depends on other lines happens only in [`merge`]: exact
//!   duplicates (the first occurrence in file order is the original),
//!   examples also in the other file, the file-level findings, and the
//!   statistics' quantiles. A single pass is the merge of one part, so the
//!   two cannot disagree (property-tested).
//!
//! Memory per part: the kept findings and excerpts (capped), 13 bytes per
//! example (hash, line, error flag) and the statistics' 12 bytes per valid
//! example; the duplicate and overlap lists are capped at
//! [`MAX_LISTED_LINES`] while their counts stay exact.
//!
//! Architecture invariant: pure, no UI imports; never panics on any bytes.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::core::dataset::container::Container;
use crate::core::dataset::example_source::{self, Batch, ExampleSource};
use crate::core::dataset::finding::{Code, Finding, Severity};
use crate::core::dataset::line_pool::LinePool;
use crate::core::dataset::report::{
    Analysed, DatasetReport, EXCERPT_CHARS, HISTOGRAM_BINS, MAX_FORMAT_LINES, MAX_KEPT_EXCERPTS,
    MAX_KEPT_FINDINGS, MIN_EXAMPLES, RECOMMENDED_EXAMPLES, ValidatorOptions,
};
use crate::core::dataset::stats::StatsBuilder;
use crate::core::dataset::validate_line::Format;
use crate::core::number_format;

/// Smallest part worth a worker of its own (smaller files are one part).
pub const MIN_PART_BYTES: u64 = 4 << 20;
/// Most parts a file is cut into.
pub const MAX_PARTS: usize = 8;
/// Duplicate and overlap lines listed (their counts stay exact).
pub const MAX_LISTED_LINES: usize = 10_000;

/// The nominal byte range of one part (see the module's rule).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartRange {
    /// 0 for the part that starts the file.
    pub index: usize,
    /// Nominal first byte.
    pub start: u64,
    /// Nominal end (exclusive); `u64::MAX` when the size is not known.
    pub end: u64,
}

impl PartRange {
    /// The whole file as one part (its size need not be known).
    pub fn whole() -> PartRange {
        PartRange {
            index: 0,
            start: 0,
            end: u64::MAX,
        }
    }

    /// The absolute offset of the first byte to feed to the part's
    /// [`PartValidator::push`]: the byte before its start (0 for the first).
    pub fn read_from(&self) -> u64 {
        self.start.saturating_sub(1)
    }
}

/// The parts to validate a file of `size` bytes with `workers` workers.
pub fn plan_parts(size: u64, workers: usize) -> Vec<PartRange> {
    let by_size = usize::try_from(size / MIN_PART_BYTES)
        .unwrap_or(MAX_PARTS)
        .max(1);
    let n = workers.clamp(1, MAX_PARTS).min(by_size);
    let cut = |i: usize| -> u64 {
        if i == n {
            u64::MAX
        } else {
            (u128::from(size) * i as u128 / n as u128) as u64
        }
    };
    (0..n)
        .map(|i| PartRange {
            index: i,
            start: cut(i),
            end: cut(i + 1),
        })
        .collect()
}

/// From the file's first bytes: whether it may be split (it is JSONL);
/// `None` while undecided and `more` bytes may follow.
pub fn splittable(first_bytes: &[u8], more: bool) -> Option<bool> {
    example_source::decide(first_bytes, more).map(|c| c == Container::Jsonl)
}

/// What only the part that starts the file knows.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
struct FileStart {
    /// The first 8 bytes, to recognise files that are not JSONL text.
    head: Vec<u8>,
    bom: bool,
    container: Container,
    /// Physical lines, for containers other than JSONL.
    physical_lines: usize,
    /// Line 1 holds a CR (a file with CR-only line endings is one line).
    first_line_has_cr: bool,
    /// Codes found on line 1.
    first_line_codes: Vec<Code>,
    /// The start of line 1.
    first_text: Option<String>,
}

/// One checked part: everything [`merge`] needs, lines numbered from 1.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct PartReport {
    index: usize,
    /// Lines (for JSONL, physical lines) in the part.
    lines: usize,
    bytes: u64,
    start: Option<FileStart>,
    valid_examples: usize,
    over_limit: usize,
    formats: BTreeMap<String, usize>,
    error_counts: BTreeMap<Code, usize>,
    warning_counts: BTreeMap<Code, usize>,
    /// The first [`MAX_KEPT_FINDINGS`] findings, in line order.
    findings: Vec<WireFinding>,
    excerpts: BTreeMap<usize, String>,
    format_lines: BTreeMap<String, Vec<usize>>,
    /// Every parsed example, in line order: hash, line, has an error.
    hashes: Vec<u64>,
    example_lines: Vec<u32>,
    example_errors: Vec<bool>,
    stats: StatsBuilder,
}

/// A finding as it travels between workers.
#[derive(Clone, Debug, Serialize, Deserialize)]
struct WireFinding {
    line: Option<usize>,
    code: Code,
    error: bool,
    field: Option<String>,
    message: String,
}

impl From<Finding> for WireFinding {
    fn from(f: Finding) -> WireFinding {
        WireFinding {
            line: f.line,
            code: f.code,
            error: f.severity == Severity::Error,
            field: f.field,
            message: f.message,
        }
    }
}

fn static_format(label: &str) -> Option<&'static str> {
    Format::from_label(label).map(Format::label)
}

impl WireFinding {
    fn into_finding(self, offset: usize) -> Finding {
        Finding {
            line: self.line.map(|n| n + offset),
            code: self.code,
            severity: if self.error {
                Severity::Error
            } else {
                Severity::Warning
            },
            field: self.field,
            message: self.message,
        }
    }
}

impl PartReport {
    /// A compact binary form, to send to the worker that merges.
    pub fn to_bytes(&self) -> Vec<u8> {
        rmp_serde::to_vec(self).unwrap_or_default()
    }

    /// Reads [`PartReport::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<PartReport, String> {
        rmp_serde::from_slice(bytes).map_err(|e| format!("A worker's part could not be read: {e}"))
    }

    /// Lines in the part.
    pub fn lines(&self) -> usize {
        self.lines
    }
}

/// Checks one part of a file, chunk by chunk.
pub struct PartValidator {
    options: ValidatorOptions,
    range: PartRange,
    source: ExampleSource,
    /// Analyses the lines (natively on every core).
    pool: LinePool,
    /// Absolute offset of the next byte pushed.
    at: u64,
    /// Still looking for the part's first line (parts after the first).
    seeking_start: bool,
    /// The part's last line is complete: no more bytes are wanted.
    done: bool,
    part: PartReport,
    start: FileStart,
}

impl PartValidator {
    /// A validator of `range` of a file.
    pub fn new(options: ValidatorOptions, range: PartRange) -> PartValidator {
        PartValidator {
            source: if range.index == 0 {
                ExampleSource::default()
            } else {
                ExampleSource::continuing_jsonl()
            },
            at: range.read_from(),
            pool: LinePool::new(options.clone()),
            seeking_start: range.start > 0,
            done: false,
            part: PartReport {
                index: range.index,
                ..PartReport::default()
            },
            start: FileStart::default(),
            options,
            range,
        }
    }

    /// Feeds the next chunk (chunks in order, from [`PartRange::read_from`]);
    /// returns whether more bytes are wanted (false once the part's last
    /// line is complete: stop reading).
    pub fn push(&mut self, chunk: &[u8]) -> bool {
        let mut chunk = chunk;
        if self.done {
            return false;
        }
        if self.seeking_start {
            match chunk.iter().position(|b| *b == b'\n') {
                Some(p) => {
                    if self.at + p as u64 >= self.range.end.saturating_sub(1) {
                        // That newline also ends the part: it is empty.
                        self.done = true;
                        return false;
                    }
                    self.at += p as u64 + 1;
                    chunk = &chunk[p + 1..];
                    self.seeking_start = false;
                }
                None => {
                    self.at += chunk.len() as u64;
                    return true;
                }
            }
        }
        // The part ends one past the first newline at or after `end − 1`.
        let mut take = chunk.len();
        let last_start = self.range.end.saturating_sub(1);
        if self.at + chunk.len() as u64 > last_start {
            let from = last_start.saturating_sub(self.at) as usize;
            if let Some(p) = chunk[from..].iter().position(|b| *b == b'\n') {
                take = from + p + 1;
                self.done = true;
            }
        }
        let body = &chunk[..take];
        self.at += body.len() as u64;
        self.part.bytes += body.len() as u64;
        if self.range.index == 0 && self.start.head.len() < 8 {
            let n = (8 - self.start.head.len()).min(body.len());
            self.start.head.extend_from_slice(&body[..n]);
        }
        let batch = self.source.push(body);
        self.check_batch(batch);
        !self.done
    }

    /// Bytes of the file consumed by this part, and its lines so far.
    pub fn progress(&self) -> (u64, usize) {
        (self.part.bytes, self.part.lines)
    }

    /// Ends the part: its report, ready to merge.
    pub fn finish(mut self) -> PartReport {
        let ended_early = self.done;
        let mut batch = self.source.finish();
        if ended_early {
            // The part ended at a newline before the end of the file: its
            // last line is not the file's.
            for (_, last) in &mut batch.lines {
                *last = false;
            }
        }
        self.check_batch(batch);
        if self.range.index == 0 {
            self.start.bom = self.source.bom;
            self.start.container = self.source.container;
            self.start.physical_lines = self.source.physical_lines();
            if self.source.bom {
                self.add(Finding::warning(1, Code::ByteOrderMark, None, "The file starts with a byte-order mark (BOM). Some tools reject it: save as UTF-8 without BOM."));
            }
            self.part.start = Some(std::mem::take(&mut self.start));
        }
        self.part
    }

    /// Checks a batch of examples and aggregates them in order, with the
    /// batch's structural findings.
    fn check_batch(&mut self, batch: Batch) {
        let mut findings = batch.findings.into_iter().peekable();
        for (i, a) in self.pool.analyse(batch.lines).into_iter().enumerate() {
            while let Some((_, f)) = findings.next_if(|(before, _)| *before <= i) {
                self.add(f);
            }
            self.aggregate(a);
        }
        for (_, f) in findings {
            self.add(f);
        }
    }

    fn aggregate(&mut self, a: Analysed) {
        let Analysed {
            line,
            found,
            format,
            value,
            has_error,
            tokens,
            key,
        } = a;
        self.part.lines = line.number;
        if line.number == 1 && self.range.index == 0 {
            self.start.first_line_has_cr = line.bytes.contains(&b'\r');
            self.start.first_line_codes = found.iter().map(|f| f.code).collect();
            self.start.first_text = Some(
                String::from_utf8_lossy(&line.bytes[..line.bytes.len().min(200)]).into_owned(),
            );
        }
        if let (Some(format), Some(value)) = (format, &value) {
            *self
                .part
                .formats
                .entry(format.label().to_string())
                .or_default() += 1;
            let lines = self
                .part
                .format_lines
                .entry(format.label().to_string())
                .or_default();
            if lines.len() < MAX_FORMAT_LINES {
                lines.push(line.number);
            }
            if !has_error {
                self.part.valid_examples += 1;
                if let (Some(t), Some(limit)) = (tokens, self.options.max_tokens_per_example)
                    && t.total > limit
                {
                    self.part.over_limit += 1;
                }
                self.part.stats.add(value, tokens);
            }
            self.part.hashes.push(key);
            self.part
                .example_lines
                .push(u32::try_from(line.number).unwrap_or(u32::MAX));
            self.part.example_errors.push(has_error);
        }
        if !found.is_empty() && self.part.excerpts.len() < MAX_KEPT_EXCERPTS {
            let text = String::from_utf8_lossy(&line.bytes);
            self.part
                .excerpts
                .insert(line.number, text.chars().take(EXCERPT_CHARS).collect());
        }
        for f in found {
            self.add(f);
        }
    }

    fn add(&mut self, f: Finding) {
        let counts = match f.severity {
            Severity::Error => &mut self.part.error_counts,
            Severity::Warning => &mut self.part.warning_counts,
        };
        *counts.entry(f.code).or_default() += 1;
        if self.part.findings.len() < MAX_KEPT_FINDINGS {
            self.part.findings.push(f.into());
        }
    }
}

/// Merges the parts of one file (in any order; each exactly once) into its
/// report, with the hashes of its examples (to check another file for
/// overlap).
pub fn merge(
    options: &ValidatorOptions,
    mut parts: Vec<PartReport>,
) -> (DatasetReport, HashSet<u64>) {
    parts.sort_by_key(|p| p.index);
    let mut m = Merger {
        options,
        report: DatasetReport {
            encoding: options.tokenizer.map(|(_, e)| e),
            ..DatasetReport::default()
        },
        findings: Vec::new(),
        late: Vec::new(),
        seen: HashMap::new(),
        format_lines: BTreeMap::new(),
        stats: StatsBuilder::default(),
        start: FileStart::default(),
    };
    let mut offset = 0;
    for part in parts {
        m.part(part, offset);
        offset = m.report.lines;
    }
    m.finish()
}

struct Merger<'o> {
    options: &'o ValidatorOptions,
    report: DatasetReport,
    /// The parts' findings, lines shifted, in line order.
    findings: Vec<Finding>,
    /// Findings that depend on other lines (overlap, duplicates).
    late: Vec<Finding>,
    /// Every example's hash with the line of its first occurrence.
    seen: HashMap<u64, usize>,
    format_lines: BTreeMap<&'static str, Vec<usize>>,
    stats: StatsBuilder,
    start: FileStart,
}

impl Merger<'_> {
    fn part(&mut self, part: PartReport, offset: usize) {
        let r = &mut self.report;
        r.lines = offset + part.lines;
        r.bytes += part.bytes;
        r.valid_examples += part.valid_examples;
        r.over_limit += part.over_limit;
        for (label, n) in part.formats {
            if let Some(f) = static_format(&label) {
                *r.formats.entry(f).or_default() += n;
            }
        }
        for (code, n) in part.error_counts {
            *r.error_counts.entry(code.as_str()).or_default() += n;
        }
        for (code, n) in part.warning_counts {
            *r.warning_counts.entry(code.as_str()).or_default() += n;
        }
        let room = MAX_KEPT_FINDINGS.saturating_sub(self.findings.len());
        self.findings.extend(
            part.findings
                .into_iter()
                .take(room)
                .map(|f| f.into_finding(offset)),
        );
        for (n, text) in part.excerpts {
            if r.excerpts.len() < MAX_KEPT_EXCERPTS {
                r.excerpts.insert(n + offset, text);
            }
        }
        for (label, lines) in part.format_lines {
            let Some(f) = static_format(&label) else {
                continue;
            };
            let kept = self.format_lines.entry(f).or_default();
            let room = MAX_FORMAT_LINES.saturating_sub(kept.len());
            kept.extend(lines.into_iter().take(room).map(|n| n + offset));
        }
        self.stats.merge(part.stats);
        if let Some(start) = part.start {
            self.start = start;
        }
        let examples = part
            .hashes
            .into_iter()
            .zip(part.example_lines)
            .zip(part.example_errors);
        for ((key, line), has_error) in examples {
            self.example(key, line as usize + offset, has_error);
        }
    }

    /// The checks of one example that depend on other lines.
    fn example(&mut self, key: u64, line: usize, has_error: bool) {
        let r = &mut self.report;
        if self
            .options
            .other_set
            .as_ref()
            .is_some_and(|s| s.contains(&key))
        {
            if r.overlap.len() < MAX_LISTED_LINES {
                r.overlap.push(line);
            }
            *r.warning_counts
                .entry(Code::InBothSets.as_str())
                .or_default() += 1;
            if self.late.len() < MAX_KEPT_FINDINGS {
                self.late.push(Finding::warning(line, Code::InBothSets, None, "This example is also in the other file (training and validation sets overlap): the validation loss will look better than it is. Keep it in one file only."));
            }
        }
        match self.seen.get(&key) {
            Some(&first) => {
                if r.duplicates.len() < MAX_LISTED_LINES {
                    r.duplicates.push((line, first));
                }
                *r.warning_counts
                    .entry(Code::DuplicateExample.as_str())
                    .or_default() += 1;
                if self.late.len() < MAX_KEPT_FINDINGS {
                    self.late.push(Finding::warning(line, Code::DuplicateExample, None, format!("Exact duplicate of line {}: duplicates overweight one example; remove it.", number_format::count(first as f64))));
                }
            }
            None => {
                self.seen.insert(key, line);
                if !has_error {
                    r.clean_examples += 1;
                }
            }
        }
    }

    fn finish(mut self) -> (DatasetReport, HashSet<u64>) {
        let mut findings = std::mem::take(&mut self.findings);
        findings.append(&mut self.late);
        // Stable: within a line, its own findings, then overlap, then repeats.
        findings.sort_by_key(|f| f.line);
        findings.truncate(MAX_KEPT_FINDINGS);
        self.report.findings = findings;
        self.report.container = self.start.container;
        if self.start.container.needs_conversion() {
            self.report.lines = self.start.physical_lines;
        }
        self.file_level();
        self.report.findings.sort_by_key(|f| f.line);
        let stats = std::mem::take(&mut self.stats);
        self.report.stats = stats.finish(HISTOGRAM_BINS, self.options.max_tokens_per_example);
        (self.report, self.seen.into_keys().collect())
    }

    /// Adds a finding on the whole file: always listed (they are few).
    fn add(&mut self, f: Finding) {
        let counts = match f.severity {
            Severity::Error => &mut self.report.error_counts,
            Severity::Warning => &mut self.report.warning_counts,
        };
        *counts.entry(f.code.as_str()).or_default() += 1;
        self.report.findings.push(f);
    }

    /// Adds a finding on a line, listed while there is room.
    fn add_on_line(&mut self, f: Finding) {
        let counts = match f.severity {
            Severity::Error => &mut self.report.error_counts,
            Severity::Warning => &mut self.report.warning_counts,
        };
        *counts.entry(f.code.as_str()).or_default() += 1;
        if self.report.findings.len() < MAX_KEPT_FINDINGS {
            self.report.findings.push(f);
        }
    }

    fn file_level(&mut self) {
        if self.report.bytes == 0 {
            self.add(Finding::file_error(
                Code::EmptyFile,
                "The file is empty: pick the file that holds the examples.",
            ));
        }
        if let Some((code, message)) = not_jsonl_text(&self.start.head) {
            self.add(Finding::file_error(code, message));
        }
        if self.report.lines == 1 && self.start.first_line_has_cr {
            self.add(Finding::file_error(Code::CrLineEndings, "The lines end in CR only (classic Mac OS line endings), so the whole file reads as one line. Save it with LF (Unix) or CRLF (Windows) line endings."));
        }
        // Arrays of objects and pretty-printed JSON are told by the container
        // (one finding, elements checked); a one-line file that is an array
        // of something else is still named as an array.
        let first = self.start.first_text.clone().unwrap_or_default();
        if self.report.container == Container::Jsonl
            && self.report.lines == 1
            && first.trim_start().starts_with('[')
            && self.start.first_line_codes.iter().any(|c| c == "data_type")
        {
            self.add(Finding::file_error(Code::JsonArrayNotJsonl, "The file is one JSON array, not JSONL. JSONL needs one object per line: convert it (one array element per line)."));
        }
        self.minority_formats();
        let n = self.report.valid_examples;
        let low = self.stats.low_trainable();
        if n > 0 && low * 2 > n {
            self.add(Finding::file_warning(Code::MostlyUntrainable, format!("{} of {} train on almost nothing (under 5 % of their tokens are trainable assistant output): check weights and that the answers are in assistant messages.", number_format::count(low as f64), number_format::counted(n, "example", "examples"))));
        }
        if let Some(p) = self.options.provider {
            let mut found = Vec::new();
            let format = self.report.main_format().and_then(Format::from_label);
            p.check_file(self.report.bytes, n, format, &mut found);
            if self.options.validation_set {
                p.check_validation_file(n, &mut found);
            }
            for mut f in found {
                f.line = None;
                self.add(f);
            }
        }
        let min = self
            .options
            .min_examples
            // A target that documents no minimum needs one example; with no
            // target, OpenAI's minimum applies.
            .or(self.options.provider.map(|p| p.min_examples.unwrap_or(1)))
            .unwrap_or(MIN_EXAMPLES);
        if n < min {
            self.add(Finding::file_error(
                Code::TooFewExamples,
                format!(
                    "{}; the target provider requires at least {}, and 100+ are recommended.",
                    number_format::counted(n, "valid example", "valid examples"),
                    number_format::count(min as f64)
                ),
            ));
        } else if n < RECOMMENDED_EXAMPLES {
            self.add(Finding::file_warning(Code::FewExamples, format!("{}; fewer than {RECOMMENDED_EXAMPLES} rarely improve a model (1,000+ preferred).", number_format::counted(n, "valid example", "valid examples"))));
        }
    }

    /// Flags each line of a format other than the file's main one at its
    /// own line (code `format_differs`; `missing_messages_list` in a chat
    /// file, as OpenAI's notebook counts it), then the file once (`mixed_formats`,
    /// naming those lines). Counts are exact; findings are kept for the
    /// first [`MAX_FORMAT_LINES`] lines of each format.
    fn minority_formats(&mut self) {
        let Some(main) = self.report.main_format() else {
            return;
        };
        if self.report.formats.len() < 2 {
            return;
        }
        let mut named = Vec::new();
        let minority: Vec<(&'static str, usize)> = self
            .report
            .formats
            .iter()
            .filter(|(f, _)| **f != main)
            .map(|(f, n)| (*f, *n))
            .collect();
        for (format, count) in minority {
            let lines = self.format_lines.remove(format).unwrap_or_default();
            // In a chat file such a line has no "messages": the notebook's
            // `missing_messages_list`, so counts compare one to one.
            let code = if main == Format::Chat.label() {
                Code::MissingMessagesList
            } else {
                Code::FormatDiffers
            };
            for &n in &lines {
                self.add_on_line(Finding::error(
                    n,
                    code,
                    None,
                    format!("This line is {format}; the file is {main}. Convert it (Downloads → Converted to OpenAI chat) or remove it."),
                ));
            }
            if let Some(extra) = count.checked_sub(lines.len()).filter(|e| *e > 0) {
                *self.report.error_counts.entry(code.as_str()).or_default() += extra;
            }
            let shown: Vec<String> = lines
                .iter()
                .take(10)
                .map(|n| number_format::count(*n as f64))
                .collect();
            let more = if count > shown.len() { ", …" } else { "" };
            named.push(format!(
                "{format} on {} {}{more}",
                if count == 1 { "line" } else { "lines" },
                shown.join(", ")
            ));
        }
        self.add(Finding::file_error(
            Code::MixedFormats,
            format!(
                "Several formats in one file: most lines ({}) are {main}, but {}. Use one format throughout.",
                number_format::count(self.report.formats[main] as f64),
                named.join("; ")
            ),
        ));
    }
}

/// Recognises, from its first bytes, a file that is not JSONL text at all,
/// so the report says what it is instead of only "not JSON" on every line.
fn not_jsonl_text(head: &[u8]) -> Option<(Code, &'static str)> {
    let starts = |magic: &[u8]| head.starts_with(magic);
    if starts(b"\xFF\xFE") || starts(b"\xFE\xFF") {
        Some((
            Code::Utf16File,
            "The file is UTF-16 text (what Windows Notepad calls \"Unicode\"). Save it as UTF-8 and check it again.",
        ))
    } else if starts(b"\x1F\x8B") {
        Some((
            Code::CompressedFile,
            "The file is gzip-compressed. Decompress it first (gunzip, or open and save it), then check the .jsonl inside.",
        ))
    } else if starts(b"PK\x03\x04") {
        Some((
            Code::ZipFile,
            "The file is a ZIP archive (or an Excel or Word document, which are ZIP files). Export the data as JSONL: one JSON object per line.",
        ))
    } else if starts(b"%PDF") {
        Some((
            Code::PdfFile,
            "The file is a PDF, not JSONL. Export the training data as JSONL: one JSON object per line.",
        ))
    } else if head.len() >= 4 && head[..4].iter().filter(|b| **b == 0).count() >= 2 {
        Some((
            Code::BinaryFile,
            "The file holds binary data (NUL bytes), not JSONL text. Pick the .jsonl file itself.",
        ))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::core::dataset::report::DatasetValidator;
    use crate::core::dataset::tokens::{Encoding, builtin};
    use proptest::prelude::*;

    /// Validates `data` in parts cut at `cuts` (nominal offsets), each fed
    /// in chunks of `chunk` bytes from its `read_from`, and merges them.
    fn in_parts(
        options: &ValidatorOptions,
        data: &[u8],
        cuts: &[u64],
        chunk: usize,
    ) -> (DatasetReport, HashSet<u64>) {
        let mut points: Vec<u64> = cuts.iter().map(|c| c % (data.len() as u64 + 1)).collect();
        points.sort_unstable();
        points.dedup();
        points.retain(|p| *p > 0);
        let mut starts = vec![0];
        starts.extend(points);
        let parts: Vec<PartReport> = starts
            .iter()
            .enumerate()
            .map(|(i, &start)| {
                let end = starts.get(i + 1).copied().unwrap_or(u64::MAX);
                let range = PartRange {
                    index: i,
                    start,
                    end,
                };
                let mut v = PartValidator::new(options.clone(), range);
                let mut at = range.read_from() as usize;
                while at < data.len() {
                    let to = (at + chunk.max(1)).min(data.len());
                    if !v.push(&data[at..to]) {
                        break;
                    }
                    at = to;
                }
                // Through the wire, as between workers.
                PartReport::from_bytes(&v.finish().to_bytes()).unwrap()
            })
            .rev()
            .collect();
        merge(options, parts)
    }

    fn single(options: &ValidatorOptions, data: &[u8]) -> (DatasetReport, HashSet<u64>) {
        let mut v = DatasetValidator::with_options(options.clone());
        v.push(data);
        v.finish_with_hashes()
    }

    fn line_pool() -> Vec<String> {
        let chat = |q: &str, a: &str| {
            format!(
                r#"{{"messages":[{{"role":"system","content":"Be brief."}},{{"role":"user","content":"{q}"}},{{"role":"assistant","content":"{a}"}}]}}"#
            )
        };
        vec![
            chat("What is LoRA?", "A low-rank adapter."),
            chat("Hello", "Hi there, how can I help?"),
            chat("2+2", "4"),
            chat("Résumé ünïcode 中文", "Ja, 日本語も。"),
            r#"{"messages":[{"role":"user","content":"no reply"}]}"#.into(),
            r#"{"prompt":"p","completion":"c"}"#.into(),
            r#"{"instruction":"i","input":"","output":"o"}"#.into(),
            "not json at all".into(),
            "[1,2]".into(),
            String::new(),
            "   ".into(),
            r#"{"messages":[{"role":"wizard","content":"x"},{"role":"assistant"}]}"#.into(),
        ]
    }

    fn file() -> impl Strategy<Value = Vec<u8>> {
        let pool = line_pool();
        let n = pool.len();
        (
            proptest::collection::vec((0..n, any::<bool>()), 0..60),
            any::<bool>(),
        )
            .prop_map(move |(picks, final_newline)| {
                let mut out = Vec::new();
                for (k, (i, crlf)) in picks.iter().enumerate() {
                    out.extend_from_slice(pool[*i].as_bytes());
                    let last = k + 1 == picks.len();
                    if !last || final_newline {
                        out.extend_from_slice(if *crlf { b"\r\n" } else { b"\n" });
                    }
                }
                out
            })
    }

    #[test]
    fn plans_cover_the_file_and_respect_the_minimum() {
        assert_eq!(plan_parts(1000, 4), vec![PartRange::whole()]);
        let parts = plan_parts(10 * MIN_PART_BYTES, 4);
        assert_eq!(parts.len(), 4);
        assert_eq!(parts[0].start, 0);
        assert_eq!(parts[3].end, u64::MAX);
        for w in parts.windows(2) {
            assert_eq!(w[0].end, w[1].start);
        }
        assert_eq!(plan_parts(3 * MIN_PART_BYTES, 16).len(), 3);
        assert_eq!(plan_parts(100 * MIN_PART_BYTES, 16).len(), MAX_PARTS);
        assert_eq!(plan_parts(0, 0).len(), 1);
    }

    #[test]
    fn only_jsonl_is_split() {
        assert_eq!(splittable(b"{\"a\":1}\n", true), Some(true));
        assert_eq!(splittable(b"[\n", true), Some(false));
        assert_eq!(splittable(b"prompt,completion\n", true), Some(false));
        assert_eq!(splittable(b"{\"a\":", true), None);
    }

    #[test]
    fn duplicates_across_a_split_point_name_the_first_line() {
        let line = r#"{"prompt":"p","completion":"c"}"#;
        let data = format!("{line}\nnot json\n{line}\n{line}\n");
        let options = ValidatorOptions::default();
        let whole = single(&options, data.as_bytes());
        for cut in 0..data.len() as u64 {
            let parts = in_parts(&options, data.as_bytes(), &[cut], 3);
            assert_eq!(parts.0, whole.0, "cut at {cut}");
            assert_eq!(parts.1, whole.1, "cut at {cut}");
        }
        assert_eq!(whole.0.duplicates, vec![(3, 1), (4, 1)]);
        assert_eq!(whole.0.clean_examples, 1);
    }

    #[test]
    fn lists_are_bounded_and_counts_exact() {
        let line = "{\"prompt\":\"p\",\"completion\":\"c\"}\n";
        let data = line.repeat(MAX_LISTED_LINES + 7);
        let r = single(&ValidatorOptions::default(), data.as_bytes()).0;
        assert_eq!(r.duplicates.len(), MAX_LISTED_LINES);
        assert_eq!(
            r.warning_counts.get("duplicate_example"),
            Some(&(MAX_LISTED_LINES + 6))
        );
        assert!(r.findings.len() <= MAX_KEPT_FINDINGS + 10);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(160))]
        #[test]
        fn parts_merge_to_the_single_pass(
            data in file(),
            cuts in proptest::collection::vec(0u64..4000, 0..5),
            chunk in 1usize..300,
            tokens in any::<bool>(),
            overlap in any::<bool>(),
        ) {
            let other = single(&ValidatorOptions::default(), line_pool()[..3].join("\n").as_bytes()).1;
            let options = ValidatorOptions {
                tokenizer: tokens.then(|| (builtin(Encoding::O200kBase), Encoding::O200kBase)),
                max_tokens_per_example: Some(30),
                other_set: overlap.then(|| Arc::new(other)),
                ..ValidatorOptions::default()
            };
            let whole = single(&options, &data);
            let parts = in_parts(&options, &data, &cuts, chunk);
            prop_assert_eq!(&parts.0, &whole.0);
            prop_assert_eq!(parts.1, whole.1);
        }
    }
}
