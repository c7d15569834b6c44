//! Clean exports, streamed like validation: the valid lines only, a seeded
//! 80/20 train/test split, the dataset converted to OpenAI chat, and a
//! JSON array, pretty-printed JSON or a CSV/TSV table rewritten as JSONL.
//!
//! Every kind reads the file through the report's [`ExampleSource`], so an
//! array's elements or a table's rows are the examples here as there.
//! "Clean" means: the example has no error and is not an exact repeat of an
//! earlier kept one. Split and conversion to chat keep only clean examples;
//! conversion to JSONL keeps every example that is JSON, one per line.
//!
//! Architecture invariant: pure, no UI imports; the same input, kind and
//! seed always give the same bytes.

use std::collections::HashSet;

use crate::core::dataset::convert::{from_chat, to_chat};
use crate::core::dataset::example_source::{Batch, ExampleSource};
use crate::core::dataset::finding::Code;
use crate::core::dataset::framing::RawLine;
use crate::core::dataset::json_elements::{Item, Shape, split_bytes};
use crate::core::dataset::report::{ValidatorOptions, analyse};
use crate::core::dataset::validate_line::Format;
/// Share of examples in the test part of a split.
pub const TEST_SHARE: f64 = 0.2;

/// What to export.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportKind {
    /// Clean lines, unchanged.
    ValidLines,
    /// Clean lines in two files, 80 % train and 20 % test, chosen by seed.
    Split,
    /// Clean examples converted to OpenAI chat.
    ToChat,
    /// A JSON array, pretty-printed JSON or a CSV/TSV table rewritten as
    /// JSONL (one compact JSON object per line).
    ToJsonl,
    /// Clean examples of any format converted to Vertex AI Gemini's
    /// (through OpenAI chat; examples it cannot carry are left out).
    ToGemini,
    /// Clean examples converted to Bedrock's Claude chat format.
    ToBedrock,
    /// Clean examples converted to Amazon Nova's conversation format.
    ToNova,
}

impl ExportKind {
    /// Every kind.
    pub const ALL: [ExportKind; 7] = [
        ExportKind::ValidLines,
        ExportKind::Split,
        ExportKind::ToChat,
        ExportKind::ToJsonl,
        ExportKind::ToGemini,
        ExportKind::ToBedrock,
        ExportKind::ToNova,
    ];

    /// The export that converts to a provider's own format (`None` for
    /// formats without one).
    pub fn to_format(format: Format) -> Option<ExportKind> {
        match format {
            Format::Gemini => Some(ExportKind::ToGemini),
            Format::Bedrock => Some(ExportKind::ToBedrock),
            Format::Nova => Some(ExportKind::ToNova),
            _ => None,
        }
    }

    /// The format a conversion writes (`None` for exports that keep lines).
    fn target(self) -> Option<Format> {
        match self {
            ExportKind::ToChat => Some(Format::Chat),
            ExportKind::ToGemini => Some(Format::Gemini),
            ExportKind::ToBedrock => Some(Format::Bedrock),
            ExportKind::ToNova => Some(Format::Nova),
            _ => None,
        }
    }

    /// Stable name used in messages between page and worker.
    pub fn name(self) -> &'static str {
        match self {
            ExportKind::ValidLines => "valid",
            ExportKind::Split => "split",
            ExportKind::ToChat => "chat",
            ExportKind::ToJsonl => "jsonl",
            ExportKind::ToGemini => "gemini",
            ExportKind::ToBedrock => "bedrock",
            ExportKind::ToNova => "nova",
        }
    }

    /// The kind with this name.
    pub fn from_name(name: &str) -> Option<ExportKind> {
        ExportKind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// Number of files produced.
    pub fn outputs(self) -> usize {
        if self == ExportKind::Split { 2 } else { 1 }
    }

    /// The name of output `i` made from the file `input`: its stem (the
    /// name without `.jsonl`, `.json`, `.csv`, `.tsv` or `.txt`) and the
    /// kind's suffix, never the input's own name (`data.json` →
    /// `data.jsonl`, but a CSV called `data.jsonl` → `data.converted.jsonl`).
    pub fn file_name(self, input: &str, i: usize) -> String {
        let stem = [".jsonl", ".json", ".csv", ".tsv", ".txt"]
            .iter()
            .find_map(|ext| {
                let cut = input.len().checked_sub(ext.len())?;
                (input.is_char_boundary(cut) && input[cut..].eq_ignore_ascii_case(ext))
                    .then(|| &input[..cut])
            })
            .filter(|s| !s.is_empty())
            .unwrap_or(input);
        let name = format!("{stem}{}", self.suffix(i));
        if name == input {
            format!("{stem}.converted{}", self.suffix(i))
        } else {
            name
        }
    }

    /// File name suffix of output `i`.
    pub fn suffix(self, i: usize) -> &'static str {
        match (self, i) {
            (ExportKind::ValidLines, _) => ".valid.jsonl",
            (ExportKind::Split, 0) => ".train.jsonl",
            (ExportKind::Split, _) => ".test.jsonl",
            (ExportKind::ToChat, _) => ".chat.jsonl",
            (ExportKind::ToJsonl, _) => ".jsonl",
            (ExportKind::ToGemini, _) => ".gemini.jsonl",
            (ExportKind::ToBedrock, _) => ".bedrock.jsonl",
            (ExportKind::ToNova, _) => ".nova.jsonl",
        }
    }
}

/// splitmix64: a tiny seeded generator for the split.
fn splitmix(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Exactly `round(n × TEST_SHARE)` indices of `0..n`, chosen by `seed`
/// (Floyd's sampling: uniform, memory proportional to the sample).
pub fn test_indices(n: usize, seed: u64) -> HashSet<usize> {
    let k = ((n as f64) * TEST_SHARE).round() as usize;
    let mut state = seed;
    let mut chosen = HashSet::with_capacity(k);
    for j in (n - k)..n {
        let t = (splitmix(&mut state) % (j as u64 + 1)) as usize;
        if !chosen.insert(t) {
            chosen.insert(j);
        }
    }
    chosen
}

/// Streams a file into one or two outputs.
pub struct Exporter {
    kind: ExportKind,
    /// The checks that decide which lines are clean: the report's own.
    options: ValidatorOptions,
    source: ExampleSource,
    kept: HashSet<u64>,
    test: HashSet<usize>,
    lines: usize,
    /// The first structural problem (conversion to JSONL stops on it).
    broken: Option<String>,
}

impl Exporter {
    /// An exporter that keeps the lines the report with `options` counts
    /// as clean. For [`ExportKind::Split`], `clean_examples` is that
    /// report's count, so the split is exactly 80/20.
    pub fn new(
        kind: ExportKind,
        options: ValidatorOptions,
        seed: u64,
        clean_examples: usize,
    ) -> Exporter {
        // A conversion to a provider's format reads each line as the format
        // it is in, by that format's own rules (the report checks every line
        // as the provider's format, and by the provider's rules, which an
        // OpenAI chat line fails until it is converted).
        let options = if matches!(kind.target(), Some(t) if t != Format::Chat) {
            ValidatorOptions {
                expected: None,
                provider: None,
                ..options
            }
        } else {
            options
        };
        Exporter {
            kind,
            options,
            source: ExampleSource::default(),
            kept: HashSet::new(),
            test: if kind == ExportKind::Split {
                test_indices(clean_examples, seed)
            } else {
                HashSet::new()
            },
            lines: 0,
            broken: None,
        }
    }

    /// Bytes and lines consumed so far.
    pub fn progress(&self) -> (u64, usize) {
        (self.source.bytes_seen, self.lines)
    }

    /// Feeds a chunk; appends output bytes to `out[i]` (one per output).
    pub fn push(&mut self, chunk: &[u8], out: &mut [Vec<u8>]) {
        let batch = self.source.push(chunk);
        self.batch(batch, out);
    }

    fn batch(&mut self, batch: Batch, out: &mut [Vec<u8>]) {
        if self.broken.is_none()
            && let Some((_, f)) = batch.findings.iter().find(|(_, f)| {
                matches!(
                    f.code,
                    Code::JsonStructure | Code::CsvOpenQuote | Code::CsvUnknownColumns
                )
            })
        {
            self.broken = Some(match f.line {
                Some(n) => format!("Line {n}: {}", f.message),
                None => f.message.clone(),
            });
        }
        for (line, is_last) in batch.lines {
            self.line(line, is_last, out);
        }
    }

    /// Ends the stream, writing what remains.
    pub fn finish(mut self, out: &mut [Vec<u8>]) -> Result<(), String> {
        let batch = self.source.finish();
        self.batch(batch, out);
        match self.broken.take() {
            Some(problem) if self.kind == ExportKind::ToJsonl => Err(format!(
                "The file could not be converted to JSONL. {problem}"
            )),
            _ => Ok(()),
        }
    }

    fn line(&mut self, line: RawLine, is_last: bool, out: &mut [Vec<u8>]) {
        self.lines = line.number;
        if self.kind == ExportKind::ToJsonl {
            let bytes = line.bytes.trim_ascii();
            if line.too_long {
                return;
            }
            if bytes.starts_with(b"[") {
                // A JSON array on one line (a one-line file is JSONL to the
                // report, which names it an array): its elements.
                for item in split_bytes(Shape::Array, bytes) {
                    match item {
                        Item::Element(e) => write_json(&e.bytes, out),
                        Item::Error { message, .. } => {
                            self.broken
                                .get_or_insert(format!("Line {}: {message}", line.number));
                        }
                    }
                }
            } else {
                write_json(bytes, out);
            }
            return;
        }
        let a = analyse(&self.options, line, is_last);
        let (false, Some(format), Some(value)) = (a.has_error, a.format, a.value) else {
            return;
        };
        if !self.kept.insert(a.key) {
            return;
        }
        let index = self.kept.len() - 1;
        let target = usize::from(self.kind == ExportKind::Split && self.test.contains(&index));
        match self.kind.target() {
            Some(goal) => {
                let converted = if format == goal {
                    Some(value)
                } else {
                    to_chat(format, &value).and_then(|chat| from_chat(goal, &chat))
                };
                let Some(converted) = converted else {
                    return;
                };
                out[0].extend_from_slice(converted.to_string().as_bytes());
            }
            None => out[target].extend_from_slice(a.line.bytes.trim_ascii()),
        }
        out[target].push(b'\n');
    }
}

/// Writes `bytes` as one JSONL line when they are JSON.
fn write_json(bytes: &[u8], out: &mut [Vec<u8>]) {
    if serde_json::from_slice::<serde::de::IgnoredAny>(bytes).is_ok() {
        out[0].extend_from_slice(bytes);
        out[0].push(b'\n');
    }
}

/// Exports a whole buffer (tests, CLI).
pub fn export_bytes(
    kind: ExportKind,
    bytes: &[u8],
    seed: u64,
    clean_examples: usize,
) -> Result<Vec<Vec<u8>>, String> {
    let mut out = vec![Vec::new(); kind.outputs()];
    let mut e = Exporter::new(kind, ValidatorOptions::default(), seed, clean_examples);
    e.push(bytes, &mut out);
    e.finish(&mut out)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chat_converts_to_the_providers_formats_and_back() {
        let text = "{\"messages\":[{\"role\":\"system\",\"content\":\"Be brief.\"},{\"role\":\"user\",\"content\":\"Hi\"},{\"role\":\"assistant\",\"content\":\"Hello!\"}]}\n{\"prompt\":\"2+2?\",\"completion\":\"4\"}\n";
        for (kind, format) in [
            (ExportKind::ToGemini, Format::Gemini),
            (ExportKind::ToBedrock, Format::Bedrock),
            (ExportKind::ToNova, Format::Nova),
        ] {
            assert_eq!(ExportKind::to_format(format), Some(kind));
            assert_eq!(ExportKind::from_name(kind.name()), Some(kind));
            let out = export_bytes(kind, text.as_bytes(), 1, 0).unwrap();
            let report = crate::core::dataset::report::validate_bytes(&out[0], Some(format));
            assert_eq!(
                (report.lines, report.valid_examples, report.error_total()),
                (2, 2, 1),
                "{kind:?}: {:?}",
                report.findings
            );
            assert_eq!(report.error_counts.get("too_few_examples"), Some(&1));
            assert_eq!(
                kind.file_name("data.jsonl", 0),
                format!("data{}", kind.suffix(0))
            );
        }
        // With the provider as the target (every line checked as its format,
        // by its rules), the chat lines are still converted.
        let vertex = crate::core::dataset::providers::by_id("vertex").unwrap();
        let options = ValidatorOptions {
            expected: vertex.native_format(),
            provider: Some(vertex),
            ..ValidatorOptions::default()
        };
        let mut out = vec![Vec::new()];
        let mut e = Exporter::new(ExportKind::ToGemini, options, 1, 0);
        e.push(text.as_bytes(), &mut out);
        e.finish(&mut out).unwrap();
        assert_eq!(String::from_utf8_lossy(&out[0]).lines().count(), 2);
    }

    use crate::core::dataset::generate::chat_jsonl;
    use crate::core::dataset::report::validate_bytes;
    use proptest::prelude::*;

    #[test]
    fn valid_lines_drop_errors_and_repeats() {
        let text = "{\"prompt\":\"a\",\"completion\":\"b\"}\nnot json\n{\"prompt\":\"a\",\"completion\":\"b\"}\n{\"prompt\":\"c\",\"completion\":\"d\"}";
        let out = export_bytes(ExportKind::ValidLines, text.as_bytes(), 1, 0).unwrap();
        assert_eq!(
            String::from_utf8(out[0].clone()).unwrap(),
            "{\"prompt\":\"a\",\"completion\":\"b\"}\n{\"prompt\":\"c\",\"completion\":\"d\"}\n"
        );
        let chat = export_bytes(ExportKind::ToChat, text.as_bytes(), 1, 0).unwrap();
        let report = validate_bytes(&chat[0], None);
        assert_eq!(
            (report.valid_examples, report.main_format()),
            (2, Some("OpenAI chat"))
        );
    }

    #[test]
    fn the_split_is_exact_reproducible_and_complete() {
        let mut text = String::new();
        chat_jsonl(3, 40_000, &mut text);
        let report = validate_bytes(text.as_bytes(), None);
        let n = report.clean_examples;
        let a = export_bytes(ExportKind::Split, text.as_bytes(), 42, n).unwrap();
        let b = export_bytes(ExportKind::Split, text.as_bytes(), 42, n).unwrap();
        assert_eq!(a, b);
        let count = |v: &Vec<u8>| v.iter().filter(|&&c| c == b'\n').count();
        assert_eq!(count(&a[0]) + count(&a[1]), n);
        assert_eq!(count(&a[1]), ((n as f64) * 0.2).round() as usize);
        let c = export_bytes(ExportKind::Split, text.as_bytes(), 43, n).unwrap();
        assert_ne!(a, c, "another seed, another split");
    }

    #[test]
    fn exports_keep_exactly_what_the_report_counts_as_clean() {
        // A "developer" message is fine in general but not at OpenAI: the
        // provider's checks decide for the exports as for the report.
        let text = "{\"messages\":[{\"role\":\"user\",\"content\":\"a\"},{\"role\":\"assistant\",\"content\":\"b\"}]}\n\
                    {\"messages\":[{\"role\":\"developer\",\"content\":\"d\"},{\"role\":\"user\",\"content\":\"c\"},{\"role\":\"assistant\",\"content\":\"e\"}]}\n";
        let options = ValidatorOptions {
            provider: crate::core::dataset::providers::by_id("openai"),
            ..ValidatorOptions::default()
        };
        let mut validator =
            crate::core::dataset::report::DatasetValidator::with_options(options.clone());
        validator.push(text.as_bytes());
        let clean = validator.finish().clean_examples;
        let mut out = vec![Vec::new()];
        let mut e = Exporter::new(ExportKind::ValidLines, options, 1, clean);
        e.push(text.as_bytes(), &mut out);
        e.finish(&mut out).unwrap();
        assert_eq!(clean, 1);
        assert_eq!(out[0].iter().filter(|&&c| c == b'\n').count(), clean);
    }

    #[test]
    fn arrays_become_jsonl() {
        let out = export_bytes(
            ExportKind::ToJsonl,
            b"[{\"prompt\": \"a b\",\n \"completion\":\"b\"}]",
            0,
            0,
        )
        .unwrap();
        assert_eq!(
            out[0],
            b"{\"prompt\":\"a b\",\"completion\":\"b\"}\n".to_vec()
        );
        let one_line = export_bytes(
            ExportKind::ToJsonl,
            b"[{\"prompt\":\"a\",\"completion\":\"b\"}, {\"prompt\":\"c\"}]",
            0,
            0,
        )
        .unwrap();
        assert_eq!(
            one_line[0],
            b"{\"prompt\":\"a\",\"completion\":\"b\"}\n{\"prompt\":\"c\"}\n".to_vec()
        );
        let values = export_bytes(
            ExportKind::ToJsonl,
            b"{\n \"a\": 1\n}\n{\n \"b\": [1,\n 2]\n}\n",
            0,
            0,
        )
        .unwrap();
        assert_eq!(values[0], b"{\"a\":1}\n{\"b\":[1,2]}\n".to_vec());
        let err = export_bytes(ExportKind::ToJsonl, b"[\n{\"a\":1},\n{\"b\"", 0, 0).unwrap_err();
        assert!(err.contains("Line 3") && err.contains("line 3"), "{err}");
        let err = export_bytes(ExportKind::ToJsonl, b"question,answer\na,b\n", 0, 0).unwrap_err();
        assert!(err.contains("\"question\""), "{err}");
    }

    fn same_examples(original: &[u8]) {
        let before = validate_bytes(original, None);
        let out = export_bytes(ExportKind::ToJsonl, original, 0, 0).unwrap();
        let after = validate_bytes(&out[0], None);
        assert_eq!(
            after.container,
            crate::core::dataset::container::Container::Jsonl
        );
        assert_eq!(
            (
                after.valid_examples,
                after.clean_examples,
                &after.formats,
                &after.stats
            ),
            (
                before.valid_examples,
                before.clean_examples,
                &before.formats,
                &before.stats
            )
        );
        assert_eq!(after.lines, out[0].iter().filter(|&&b| b == b'\n').count());
        let lines: Vec<&str> = std::str::from_utf8(&out[0]).unwrap().lines().collect();
        let again = export_bytes(ExportKind::ValidLines, original, 0, 0).unwrap();
        let valid: Vec<&str> = std::str::from_utf8(&again[0]).unwrap().lines().collect();
        assert!(valid.iter().all(|l| lines.contains(l)));
    }

    #[test]
    fn converted_files_check_as_the_same_examples() {
        let mut text = String::new();
        chat_jsonl(5, 200, &mut text);
        let values: Vec<serde_json::Value> = text
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        same_examples(serde_json::to_string_pretty(&values).unwrap().as_bytes());
        let pretty: String = values
            .iter()
            .map(|v| serde_json::to_string_pretty(v).unwrap() + "\n")
            .collect();
        same_examples(pretty.as_bytes());
        let mut csv = String::from("instruction,input,output\n");
        for i in 0..50 {
            csv.push_str(&format!(
                "\"Add, then say \"\"{i}\"\"\",{i} {i},\"{}\nok\"\n",
                2 * i
            ));
        }
        same_examples(csv.as_bytes());
        same_examples(b"prompt\tcompletion\r\nhi\tthere\r\n");
    }

    #[test]
    fn converted_files_are_named_after_the_input_stem() {
        let name = |input: &str| ExportKind::ToJsonl.file_name(input, 0);
        assert_eq!(name("data.json"), "data.jsonl");
        assert_eq!(name("data.JSON"), "data.jsonl");
        assert_eq!(name("data.csv"), "data.jsonl");
        assert_eq!(name("data.jsonl"), "data.converted.jsonl");
        assert_eq!(name("notes"), "notes.jsonl");
        assert_eq!(ExportKind::Split.file_name("a.jsonl", 1), "a.test.jsonl");
        assert_eq!(
            ExportKind::ValidLines.file_name("a.json", 0),
            "a.valid.jsonl"
        );
    }

    proptest! {
        #[test]
        fn chunking_never_changes_a_conversion(
            n in 0usize..20,
            container in 0usize..4,
            cut in 0usize..2000,
            kind in 0usize..4,
        ) {
            let rows: Vec<(String, String)> =
                (0..n).map(|i| (format!("q \"{i}\", x"), format!("a{}\nb", i % 7))).collect();
            let text = match container {
                0 => rows.iter().map(|(p, c)| serde_json::json!({"prompt": p, "completion": c}).to_string() + "\n").collect::<String>(),
                1 => serde_json::to_string_pretty(&rows.iter().map(|(p, c)| serde_json::json!({"prompt": p, "completion": c})).collect::<Vec<_>>()).unwrap(),
                2 => rows.iter().map(|(p, c)| serde_json::to_string_pretty(&serde_json::json!({"prompt": p, "completion": c})).unwrap() + "\n").collect(),
                _ => "prompt,completion\n".to_string() + &rows.iter().map(|(p, c)| format!("\"{}\",\"{c}\"\n", p.replace('"', "\"\""))).collect::<String>(),
            };
            let kind = ExportKind::ALL[kind];
            let bytes = text.as_bytes();
            let cut = cut.min(bytes.len());
            let clean = validate_bytes(bytes, None).clean_examples;
            let whole = export_bytes(kind, bytes, 7, clean);
            let mut out = vec![Vec::new(); kind.outputs()];
            let mut e = Exporter::new(kind, ValidatorOptions::default(), 7, clean);
            e.push(&bytes[..cut], &mut out);
            e.push(&bytes[cut..], &mut out);
            let chunked = e.finish(&mut out).map(|()| out);
            prop_assert_eq!(chunked, whole.clone());
            if kind == ExportKind::ToJsonl {
                let lines = whole.unwrap()[0].iter().filter(|&&b| b == b'\n').count();
                prop_assert_eq!(lines, n);
            }
        }

        #[test]
        fn the_sample_is_exact(n in 0usize..500, seed in any::<u64>()) {
            let s = test_indices(n, seed);
            prop_assert_eq!(s.len(), ((n as f64) * TEST_SHARE).round() as usize);
            prop_assert!(s.iter().all(|&i| i < n));
        }
    }
}
