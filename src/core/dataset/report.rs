//! Streaming validation of a whole file: feed chunks, get one report.
//!
//! [`DatasetValidator`] splits the stream into lines, checks each one, and
//! aggregates: lines, valid examples, formats seen, counts by code, exact
//! duplicates, and file-level findings (too few examples, mixed formats, a
//! pretty-printed JSON document or a JSON array instead of JSONL). Memory
//! stays bounded: it keeps at most [`MAX_KEPT_FINDINGS`] findings (counts
//! stay exact) and an 8-byte hash per example for duplicate detection.
//!
//! Architecture invariant: pure, no UI imports; never panics on any bytes.

use std::collections::{BTreeMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::Arc;

use bpe_openai::Tokenizer;

use crate::core::dataset::container::Container;
use crate::core::dataset::finding::{Code, Finding, Severity};
use crate::core::dataset::framing::RawLine;
use crate::core::dataset::part::{self, PartRange, PartValidator};
use crate::core::dataset::providers::Provider;
use crate::core::dataset::stats::DatasetStats;
use crate::core::dataset::tokens::{Encoding, ExampleTokens, count_example};
use crate::core::dataset::validate_line::{Format, validate_line};
use crate::core::number_format;

/// Findings kept in full; beyond this only counts grow.
pub const MAX_KEPT_FINDINGS: usize = 10_000;
/// OpenAI's minimum number of training examples.
pub const MIN_EXAMPLES: usize = 10;
/// Fewer examples than this rarely improve a model.
pub const RECOMMENDED_EXAMPLES: usize = 100;
/// Lines whose text is kept to show next to their findings.
pub const MAX_KEPT_EXCERPTS: usize = 2_000;
/// Characters kept of such a line.
pub const EXCERPT_CHARS: usize = 600;
/// Line numbers kept per format, to flag the lines of a file's minority
/// formats at their own line (counts stay exact beyond this).
pub const MAX_FORMAT_LINES: usize = 1_000;
/// Bars in the token histogram.
pub const HISTOGRAM_BINS: usize = 24;

/// What to check a file against.
#[derive(Clone, Default)]
pub struct ValidatorOptions {
    /// Check every line as this format (`None`: detect per line).
    pub expected: Option<Format>,
    /// Count tokens with this tokenizer (`None`: no token counts).
    pub tokenizer: Option<(&'static Tokenizer, Encoding)>,
    /// Flag examples with more tokens than this (they get truncated).
    pub max_tokens_per_example: Option<usize>,
    /// Minimum number of examples the target provider requires
    /// (`None`: OpenAI's [`MIN_EXAMPLES`]).
    pub min_examples: Option<usize>,
    /// Example hashes of the other file (training set when this is the
    /// validation set): examples found in both are flagged.
    pub other_set: Option<Arc<HashSet<u64>>>,
    /// The target provider's own rules (roles, keys, file size, formats).
    pub provider: Option<&'static Provider>,
    /// This is the validation file (the provider's cap on validation
    /// examples applies, e.g. Vertex AI's 5,000).
    pub validation_set: bool,
}

/// The result of validating a file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DatasetReport {
    pub lines: usize,
    pub bytes: u64,
    /// Lines that parsed as an example of a known format with no error.
    pub valid_examples: usize,
    /// Valid examples that are not repeats of an earlier line (what the
    /// clean exports keep).
    pub clean_examples: usize,
    /// Examples per format.
    pub formats: BTreeMap<&'static str, usize>,
    /// Every finding's code with how often it occurred.
    pub error_counts: BTreeMap<&'static str, usize>,
    pub warning_counts: BTreeMap<&'static str, usize>,
    /// The findings kept (the first [`MAX_KEPT_FINDINGS`]), in line order.
    pub findings: Vec<Finding>,
    /// Exact duplicates: (line, line of its first occurrence).
    pub duplicates: Vec<(usize, usize)>,
    /// Lines whose example is also in the other file.
    pub overlap: Vec<usize>,
    /// The encoding tokens were counted with, if they were.
    pub encoding: Option<Encoding>,
    /// Statistics of the valid examples.
    pub stats: DatasetStats,
    /// Examples over the per-example token limit.
    pub over_limit: usize,
    /// The text of lines with findings (the first [`MAX_KEPT_EXCERPTS`]),
    /// cut to [`EXCERPT_CHARS`] characters.
    pub excerpts: BTreeMap<usize, String>,
    /// What holds the examples (JSONL, a JSON array, a table...); for
    /// containers other than JSONL the examples are checked as converted
    /// and `lines` counts physical lines.
    pub container: Container,
}

impl DatasetReport {
    /// The format most examples are in.
    pub fn main_format(&self) -> Option<&'static str> {
        // On a tie, the format listed first in `Format::ALL`.
        let rank = |label: &str| Format::ALL.iter().position(|f| f.label() == label);
        self.formats
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then_with(|| rank(b.0).cmp(&rank(a.0))))
            .map(|(f, _)| *f)
    }

    /// Total errors (all, not only the kept ones).
    pub fn error_total(&self) -> usize {
        self.error_counts.values().sum()
    }

    /// Total warnings.
    pub fn warning_total(&self) -> usize {
        self.warning_counts.values().sum()
    }
}

/// Validates a stream chunk by chunk: the file as one part
/// ([`crate::core::dataset::part`]), merged on its own, so a single pass
/// and a multi-worker run share every rule.
pub struct DatasetValidator {
    part: PartValidator,
    options: ValidatorOptions,
}

impl DatasetValidator {
    /// A validator that detects each line's format (`None`) or checks every
    /// line as `expected`.
    pub fn new(expected: Option<Format>) -> DatasetValidator {
        DatasetValidator::with_options(ValidatorOptions {
            expected,
            ..ValidatorOptions::default()
        })
    }

    /// A validator with every option.
    pub fn with_options(options: ValidatorOptions) -> DatasetValidator {
        DatasetValidator {
            part: PartValidator::new(options.clone(), PartRange::whole()),
            options,
        }
    }

    /// Feeds the next chunk of the file.
    pub fn push(&mut self, chunk: &[u8]) {
        self.part.push(chunk);
    }

    /// Bytes and lines consumed so far (for progress).
    pub fn progress(&self) -> (u64, usize) {
        self.part.progress()
    }

    /// Ends the stream and returns the report.
    pub fn finish(self) -> DatasetReport {
        self.finish_with_hashes().0
    }

    /// Ends the stream and returns the report with the hashes of its
    /// examples (to check another file for overlap).
    pub fn finish_with_hashes(self) -> (DatasetReport, HashSet<u64>) {
        part::merge(&self.options, vec![self.part.finish()])
    }
}

/// One line checked on its own: nothing here depends on other lines, so
/// lines can be analysed in parallel and aggregated in order.
pub(crate) struct Analysed {
    pub(crate) line: RawLine,
    pub(crate) found: Vec<Finding>,
    pub(crate) format: Option<Format>,
    pub(crate) value: Option<serde_json::Value>,
    /// An error on the line itself (repeats and overlap are warnings).
    pub(crate) has_error: bool,
    pub(crate) tokens: Option<ExampleTokens>,
    /// [`example_hash`] of the line.
    pub(crate) key: u64,
}

/// Checks one line on its own, as the report and the exports both do.
pub(crate) fn analyse(options: &ValidatorOptions, line: RawLine, is_last: bool) -> Analysed {
    let mut found = Vec::new();
    let result = validate_line(&line, is_last, options.expected, &mut found);
    let mut tokens = None;
    if let (Some(format), Some(value)) = (result.format, &result.value) {
        if let Some(p) = options.provider {
            p.check_example(line.number, format, value, &mut found);
        }
        if !found.iter().any(|f| f.severity == Severity::Error) {
            tokens = options
                .tokenizer
                .map(|(t, _)| count_example(format, value, t));
        }
        if let Some(t) = tokens {
            let n = line.number;
            if t.trainable == 0 {
                found.push(Finding::warning(n, Code::NoTrainableTokens, None, "No assistant output with weight 1: the model learns nothing from this example. Add an assistant reply or set its weight to 1."));
            }
            if let Some(limit) = options.max_tokens_per_example.filter(|l| t.total > *l) {
                found.push(Finding::warning(n, Code::TooManyTokens, None, format!("{} tokens, over the limit of {} per example: the end will be truncated in training. Shorten or split the example.", number_format::count(t.total as f64), number_format::count(limit as f64))));
            }
        }
    }
    drop_contradicted_warnings(&mut found);
    let has_error = found.iter().any(|f| f.severity == Severity::Error);
    Analysed {
        key: example_hash(&line.bytes),
        line,
        found,
        format: result.format,
        value: result.value,
        has_error,
        tokens,
    }
}

/// One line never gets an error and a warning about the same field (say
/// "OpenAI does not accept the key" beside "unknown key, accepted"): the
/// warning is dropped when an error on the line names the same field, and a
/// finding repeated with the same code and field is kept once.
fn drop_contradicted_warnings(found: &mut Vec<Finding>) {
    let erred: HashSet<&str> = found
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .filter_map(|f| f.field.as_deref())
        .collect();
    if erred.is_empty() && found.len() < 2 {
        return;
    }
    let mut keep = Vec::with_capacity(found.len());
    let mut seen = HashSet::new();
    for f in found.iter() {
        let contradicted = f.severity == Severity::Warning
            && f.field.as_deref().is_some_and(|x| erred.contains(x));
        let repeat = f.field.is_some() && !seen.insert((f.code, f.field.as_deref()));
        keep.push(!contradicted && !repeat);
    }
    let mut k = keep.into_iter();
    found.retain(|_| k.next().unwrap_or(true));
}

/// The identity of an example for duplicate and overlap checks: a hash of
/// the line without surrounding whitespace.
pub fn example_hash(line: &[u8]) -> u64 {
    let mut h = DefaultHasher::new();
    line.trim_ascii().hash(&mut h);
    h.finish()
}

/// Validates a whole buffer (small files, tests).
pub fn validate_bytes(bytes: &[u8], expected: Option<Format>) -> DatasetReport {
    let mut v = DatasetValidator::new(expected);
    v.push(bytes);
    v.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn chat(i: usize) -> String {
        format!(
            r#"{{"messages":[{{"role":"user","content":"q{i}"}},{{"role":"assistant","content":"a{i}"}}]}}"#
        )
    }

    #[test]
    fn a_clean_file() {
        let text: String = (0..120).map(|i| chat(i) + "\n").collect();
        let r = validate_bytes(text.as_bytes(), None);
        assert_eq!((r.lines, r.valid_examples), (120, 120));
        assert_eq!(r.error_total() + r.warning_total(), 0, "{:?}", r.findings);
        assert_eq!(r.main_format(), Some("OpenAI chat"));
    }

    #[test]
    fn counts_duplicates_mixed_formats_and_too_few() {
        let text = format!(
            "{}\n{}\n{{\"prompt\":\"p\",\"completion\":\"c\"}}\nnot json\n",
            chat(1),
            chat(1)
        );
        let r = validate_bytes(text.as_bytes(), None);
        assert_eq!(r.duplicates, vec![(2, 1)]);
        for code in ["mixed_formats", "too_few_examples", "invalid_json"] {
            assert!(
                r.error_counts.contains_key(code),
                "{code}: {:?}",
                r.error_counts
            );
        }
        assert_eq!(r.warning_counts.get("duplicate_example"), Some(&1));
    }

    #[test]
    fn file_findings_have_no_line_and_minority_formats_are_flagged_at_theirs() {
        let mut text: String = (0..20).map(|i| chat(i) + "\n").collect();
        text.push_str("{\"prompt\":\"p\",\"completion\":\"c\"}\n");
        text.push_str(&chat(99));
        text.push_str("\n{\"prompt\":\"q\",\"completion\":\"d\"}\n");
        let r = validate_bytes(text.as_bytes(), None);
        let at = |code: &str| -> Vec<Option<usize>> {
            r.findings
                .iter()
                .filter(|f| f.code == code)
                .map(|f| f.line)
                .collect()
        };
        assert_eq!(at("missing_messages_list"), vec![Some(21), Some(23)]);
        assert_eq!(at("mixed_formats"), vec![None]);
        assert_eq!(at("few_examples"), vec![None]);
        let mixed = r
            .findings
            .iter()
            .find(|f| f.code == "mixed_formats")
            .unwrap();
        assert!(
            mixed
                .message
                .contains("prompt / completion on lines 21, 23")
                && mixed.message.contains("most lines (21) are OpenAI chat"),
            "{}",
            mixed.message
        );
        assert!(r.findings[0].line.is_none(), "file findings sort first");
        // Counts stay exact beyond the kept line numbers.
        let mut many: String = (0..MAX_FORMAT_LINES + 5)
            .map(|i| format!("{{\"prompt\":\"{i}\",\"completion\":\"c\"}}\n"))
            .collect();
        many.push_str(
            &(0..MAX_FORMAT_LINES + 10)
                .map(|i| chat(i) + "\n")
                .collect::<String>(),
        );
        let r = validate_bytes(many.as_bytes(), None);
        assert_eq!(
            r.error_counts.get("missing_messages_list"),
            Some(&(MAX_FORMAT_LINES + 5))
        );
    }

    #[test]
    fn a_minority_format_in_a_non_chat_file_is_format_differs() {
        let pc = |i: usize| format!("{{\"prompt\":\"{i}\",\"completion\":\"c\"}}\n");
        let text =
            format!("{}{}{}", pc(1), r#"{"instruction":"i","output":"o"}"#, "\n") + &pc(2) + &pc(3);
        let r = validate_bytes(text.as_bytes(), None);
        let lines: Vec<Option<usize>> = r
            .findings
            .iter()
            .filter(|f| f.code == "format_differs")
            .map(|f| f.line)
            .collect();
        assert_eq!(lines, vec![Some(2)]);
        assert!(!r.error_counts.contains_key("missing_messages_list"));
    }

    #[test]
    fn a_validation_file_over_the_providers_cap_is_named_once() {
        let vertex = crate::core::dataset::providers::by_id("vertex").unwrap();
        let line = r#"{"contents":[{"role":"user","parts":[{"text":"q"}]},{"role":"model","parts":[{"text":"a"}]}]}"#;
        let text = format!("{line}\n").repeat(5_001);
        let check = |validation_set| {
            let mut v = DatasetValidator::with_options(ValidatorOptions {
                provider: Some(vertex),
                validation_set,
                ..ValidatorOptions::default()
            });
            v.push(text.as_bytes());
            v.finish()
        };
        let r = check(true);
        let cap: Vec<Option<usize>> = r
            .findings
            .iter()
            .filter(|f| f.code == "too_many_validation_examples")
            .map(|f| f.line)
            .collect();
        assert_eq!(cap, vec![None]);
        assert!(
            !check(false)
                .error_counts
                .contains_key("too_many_validation_examples")
        );
    }

    #[test]
    fn a_target_without_a_minimum_does_not_require_openais() {
        let vertex = crate::core::dataset::providers::by_id("vertex").unwrap();
        assert_eq!(vertex.min_examples, None);
        let line = r#"{"contents":[{"role":"user","parts":[{"text":"q"}]},{"role":"model","parts":[{"text":"a"}]}]}"#;
        let mut v = DatasetValidator::with_options(ValidatorOptions {
            provider: Some(vertex),
            ..ValidatorOptions::default()
        });
        v.push(format!("{line}\n").as_bytes());
        let r = v.finish();
        assert!(
            !r.error_counts.contains_key("too_few_examples"),
            "{:?}",
            r.error_counts
        );
        assert_eq!(r.warning_counts.get("few_examples"), Some(&1));
    }

    #[test]
    fn one_line_never_gets_an_error_and_a_warning_on_one_field() {
        let openai = crate::core::dataset::providers::by_id("openai").unwrap();
        let mut v = DatasetValidator::with_options(ValidatorOptions {
            provider: Some(openai),
            ..ValidatorOptions::default()
        });
        v.push(br#"{"messages":[{"role":"user","content":"q"},{"role":"assistant","content":"a"}],"prompt":"x"}"#);
        let r = v.finish();
        let on_line: Vec<(&str, Severity)> = r
            .findings
            .iter()
            .filter(|f| f.line == Some(1))
            .map(|f| (f.code.as_str(), f.severity))
            .collect();
        assert_eq!(on_line, vec![("key_not_supported", Severity::Error)]);
    }

    #[test]
    fn recognises_json_arrays_and_pretty_printed_json() {
        let r = validate_bytes(b"[\n  {\"messages\": []}\n]\n", None);
        assert!(r.error_counts.contains_key("json_array_not_jsonl"));
        let r = validate_bytes(b"{\n  \"messages\": []\n}\n", None);
        assert!(r.error_counts.contains_key("pretty_printed_json"));
    }

    #[test]
    fn the_last_line_may_lack_a_newline_but_not_be_cut() {
        let ok = format!("{}\n{}", chat(1), chat(2));
        assert!(
            !validate_bytes(ok.as_bytes(), None)
                .error_counts
                .contains_key("truncated_last_line")
        );
        let cut = format!("{}\n{}", chat(1), &chat(2)[..30]);
        assert_eq!(
            validate_bytes(cut.as_bytes(), None)
                .error_counts
                .get("truncated_last_line"),
            Some(&1)
        );
    }

    #[test]
    fn files_that_are_not_text_say_what_they_are() {
        let utf16: Vec<u8> = "\u{feff}{\"prompt\":\"a\"}\n"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        for (bytes, code) in [
            (utf16.as_slice(), "utf16_file"),
            (b"\x1F\x8B\x08\x00rest".as_slice(), "compressed_file"),
            (b"PK\x03\x04xlsx".as_slice(), "zip_file"),
            (b"%PDF-1.7\n".as_slice(), "pdf_file"),
        ] {
            let r = validate_bytes(bytes, None);
            assert_eq!(
                r.error_counts.get(code),
                Some(&1),
                "{code}: {:?}",
                r.error_counts
            );
        }
        assert!(
            !validate_bytes(b"{\"prompt\":\"a\",\"completion\":\"b\"}\n", None)
                .error_counts
                .keys()
                .any(|k| k.ends_with("_file"))
        );
    }

    #[test]
    fn empty_files_cr_only_files_and_arrays_are_named() {
        assert_eq!(
            validate_bytes(b"", None).error_counts.get("empty_file"),
            Some(&1)
        );
        let cr =
            b"{\"prompt\":\"a\",\"completion\":\"b\"}\r{\"prompt\":\"c\",\"completion\":\"d\"}\r";
        assert_eq!(
            validate_bytes(cr, None).error_counts.get("cr_line_endings"),
            Some(&1)
        );
        let one_line = validate_bytes(b"[{\"prompt\":\"a\",\"completion\":\"b\"}]\n", None);
        assert!(
            one_line.error_counts.contains_key("json_array_not_jsonl"),
            "{:?}",
            one_line.error_counts
        );
        // A deeply nested first line followed by good lines is not an array file.
        let mut deep = "[".repeat(1000);
        deep.push('\n');
        for i in 0..3 {
            deep.push_str(&format!("{{\"prompt\":\"{i}\",\"completion\":\"x\"}}\n"));
        }
        let r = validate_bytes(deep.as_bytes(), None);
        assert!(
            !r.error_counts.contains_key("json_array_not_jsonl"),
            "{:?}",
            r.error_counts
        );
        assert!(r.error_counts.contains_key("invalid_json"));
    }

    fn pretty_chat(i: usize, indent: &str) -> String {
        format!(
            "{{\n{indent}\"messages\": [\n{indent}{indent}{{\"role\": \"user\", \"content\": \"q{i}\"}},\n{indent}{indent}{{\"role\": \"assistant\", \"content\": \"a{i}\"}}\n{indent}]\n}}"
        )
    }

    fn listed_errors(r: &DatasetReport) -> usize {
        r.findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count()
    }

    #[test]
    fn a_json_array_is_reported_once_with_its_elements_checked() {
        let mut elements: Vec<String> = (0..800).map(|i| pretty_chat(i, "  ")).collect();
        // Element 6 has no assistant reply; element 8 repeats element 1.
        elements[5] = "{\"messages\": [{\"role\": \"user\", \"content\": \"q\"}]}".into();
        elements[7] = pretty_chat(0, "  ");
        let text = format!("[\n{}\n]\n", elements.join(",\n"));
        let r = validate_bytes(text.as_bytes(), None);
        assert_eq!(r.container, Container::JsonArray);
        assert_eq!(r.error_counts.get("json_array_not_jsonl"), Some(&1));
        assert!(
            !r.error_counts.contains_key("invalid_json"),
            "{:?}",
            r.error_counts
        );
        assert_eq!(r.formats.get("OpenAI chat"), Some(&800));
        assert_eq!(r.valid_examples, 799);
        assert_eq!(r.error_total(), 2, "{:?}", r.error_counts);
        assert_eq!(r.error_total(), listed_errors(&r));
        // Each element spans 6 lines; element 6 starts on line 2 + 5 × 6.
        let missing = r
            .findings
            .iter()
            .find(|f| f.code == "example_missing_assistant_message")
            .expect("the bad element's finding");
        assert_eq!(missing.line, Some(32));
        // Element 8 starts 5 lines earlier than 2 + 7 × 6: element 6 is one line.
        assert_eq!(r.duplicates, vec![(39, 2)]);
        assert_eq!(r.lines, text.lines().count());
        let headline = r
            .findings
            .iter()
            .find(|f| f.code == "json_array_not_jsonl")
            .unwrap();
        assert!(
            headline.message.contains("800 examples"),
            "{}",
            headline.message
        );
    }

    #[test]
    fn pretty_printed_objects_are_reported_once() {
        let text: String = (0..120).map(|i| pretty_chat(i, "    ") + "\n").collect();
        let r = validate_bytes(text.as_bytes(), None);
        assert_eq!(r.container, Container::JsonValues);
        assert_eq!(r.error_counts.len(), 1, "{:?}", r.error_counts);
        assert_eq!(r.error_counts.get("pretty_printed_json"), Some(&1));
        assert_eq!((r.valid_examples, r.lines), (120, 720));
        assert_eq!(r.formats.get("OpenAI chat"), Some(&120));
        assert_eq!(r.error_total(), listed_errors(&r));
    }

    #[test]
    fn broken_arrays_say_where() {
        let r = validate_bytes(
            b"[\n{\"prompt\":\"a\",\"completion\":\"b\"},\n{\"prompt\":\"c\",\n",
            None,
        );
        assert_eq!(
            r.error_counts.get("json_structure"),
            Some(&2),
            "{:?}",
            r.findings
        );
        assert_eq!(r.valid_examples, 1);
    }

    #[test]
    fn csv_and_tsv_are_named_and_checked_as_converted() {
        let mut csv = String::from("Prompt,Completion\r\n");
        for i in 0..101 {
            csv.push_str(&format!("\"Say \"\"{i}\"\", please\",\"{i},\nsaid\"\r\n"));
        }
        let r = validate_bytes(csv.as_bytes(), None);
        assert_eq!(r.container, Container::Csv);
        assert_eq!(r.error_counts.len(), 1, "{:?}", r.error_counts);
        let f = r
            .findings
            .iter()
            .find(|f| f.code == "csv_not_jsonl")
            .unwrap();
        assert!(
            f.message.contains("CSV") && f.message.contains("101 rows"),
            "{}",
            f.message
        );
        assert_eq!(r.valid_examples, 101);
        assert_eq!(r.formats.get("prompt / completion"), Some(&101));
        assert_eq!(r.lines, 1 + 101 * 2);

        let tsv = "instruction\tinput\toutput\nAdd\t2 2\t4\nGreet\t\tHello\n";
        let r = validate_bytes(tsv.as_bytes(), None);
        assert_eq!(r.container, Container::Tsv);
        assert_eq!(r.formats.get("Alpaca"), Some(&2));
        assert_eq!(r.valid_examples, 2);
        let f = r
            .findings
            .iter()
            .find(|f| f.code == "csv_not_jsonl")
            .unwrap();
        assert!(f.message.contains("TSV"), "{}", f.message);
    }

    #[test]
    fn a_table_with_unknown_columns_gets_one_clear_finding() {
        let r = validate_bytes(b"question,answer\nWhy?,Because.\n", None);
        assert_eq!(r.container, Container::Csv);
        let f = r
            .findings
            .iter()
            .find(|f| f.code == "csv_unknown_columns")
            .unwrap();
        assert!(
            f.message.contains("\"question\", \"answer\"")
                && f.message.contains("prompt,completion")
        );
        assert_eq!(r.error_counts.get("csv_unknown_columns"), Some(&1));
        assert!(!r.error_counts.contains_key("invalid_json"));
    }

    fn structured() -> impl Strategy<Value = Vec<u8>> {
        let prefix = prop_oneof![
            Just(b"".to_vec()),
            Just(b"\xEF\xBB\xBF".to_vec()),
            Just(b"[\n".to_vec()),
            Just(b"{\n".to_vec()),
            Just(b"prompt,completion\n".to_vec()),
            Just(b"input\toutput\n".to_vec()),
        ];
        let body = proptest::collection::vec(
            prop_oneof![
                Just(b"{\"prompt\":\"a\",\"completion\":\"b\"}".to_vec()),
                Just(b"\"x,y\"".to_vec()),
                Just(b",".to_vec()),
                Just(b"\t".to_vec()),
                Just(b"\n".to_vec()),
                Just(b"]".to_vec()),
                Just(b"}".to_vec()),
                Just(b"\"".to_vec()),
                proptest::collection::vec(any::<u8>(), 0..4),
            ],
            0..30,
        );
        (prefix, body).prop_map(|(p, b)| [p, b.concat()].concat())
    }

    proptest! {
        #[test]
        fn containers_any_chunking(data in structured(), cuts in proptest::collection::vec(0usize..400, 0..4)) {
            let mut cuts: Vec<usize> = cuts.into_iter().map(|c| c.min(data.len())).collect();
            cuts.sort_unstable();
            let mut v = DatasetValidator::new(None);
            let mut from = 0;
            for c in cuts {
                v.push(&data[from..c]);
                from = c;
            }
            v.push(&data[from..]);
            prop_assert_eq!(v.finish(), validate_bytes(&data, None));
        }

        #[test]
        fn any_bytes_any_chunking(data in proptest::collection::vec(any::<u8>(), 0..600), cut in 0usize..600) {
            let cut = cut.min(data.len());
            let mut v = DatasetValidator::new(None);
            v.push(&data[..cut]);
            v.push(&data[cut..]);
            let chunked = v.finish();
            prop_assert_eq!(chunked, validate_bytes(&data, None));
        }
    }
}
