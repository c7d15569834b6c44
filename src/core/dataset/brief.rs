//! The brief of a checked dataset: the few figures other tools and the
//! decision report need (name, counts, tokens, the minimum it was checked
//! against) and a verdict, never the file's contents.
//!
//! Query-string form, for links and storage (every key optional):
//! `f=train.jsonl&at=2026-12-01T10:15:00Z&fmt=chat&l=120&v=87&c=87&e=0&w=3&enc=o200k_base&tt=45210&tr=20110&min=10`
//! - `f` file name, `at` when it was checked, `fmt` main format;
//! - `l` lines, `v` valid examples, `c` clean examples (valid, repeats
//!   removed), `e` errors, `w` warnings;
//! - `enc` token encoding, `tt` total tokens, `tr` trainable tokens;
//! - `min` the provider's minimum number of examples it was checked against.
//!
//! Decoding is total: unknown keys and values that do not parse are
//! dropped one by one; a query in which nothing parses gives `None`. Text
//! is cleaned on the way in (control characters dropped, file names cut to
//! [`MAX_FILE_NAME`] characters), whether it comes from a report or a link.
//!
//! Architecture invariant: pure, no UI imports; the brief holds counts and
//! names only, so sharing it never shares a line of the user's data.

use serde::{Deserialize, Serialize};

use crate::core::dataset::summary::ReportJson;
use crate::core::number_format::{count, counted};

/// The wizard's training-data rule (step 3): at least this many quality
/// input-output examples to train on.
pub const MIN_EXAMPLES: usize = 100;
/// The wizard's training-data rule (step 3): this many examples or more
/// give markedly better results.
pub const PREFERRED_EXAMPLES: usize = 1_000;
/// Longest file name kept, in characters.
pub const MAX_FILE_NAME: usize = 120;
/// Longest short text (date-time, format, encoding) kept, in characters.
const MAX_SHORT_TEXT: usize = 40;
/// Longest query string accepted; anything longer gives `None`.
pub const MAX_LEN: usize = 2048;

/// The summary of one checked dataset file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DatasetBrief {
    /// The file's name as the user picked it (cleaned, at most
    /// [`MAX_FILE_NAME`] characters); user-written, so escape it.
    pub file_name: String,
    /// When the file was checked: an ISO date-time, passed in by the caller.
    pub checked_at: String,
    /// The format most examples are in (`chat`, `prompt_completion`, …).
    pub format: Option<String>,
    /// Lines in the file.
    pub lines: usize,
    /// Examples that passed every check.
    pub valid_examples: usize,
    /// Valid examples that are not exact repeats: what a clean export keeps.
    pub clean_examples: usize,
    /// Errors found, all of them (not only the listed ones).
    pub errors: usize,
    /// Warnings found, all of them.
    pub warnings: usize,
    /// The token encoding used to count tokens, when tokens were counted.
    pub encoding: Option<String>,
    /// Tokens in the valid examples, when counted.
    pub total_tokens: Option<u64>,
    /// Tokens the model trains on (assistant replies), when counted.
    pub trainable_tokens: Option<u64>,
    /// The provider's minimum number of examples the file was checked
    /// against (e.g. 10 for OpenAI); `None` when the target has none.
    pub min_examples: Option<usize>,
}

/// What a checked dataset is fit for, with a stable id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// No errors or warnings and at least [`MIN_EXAMPLES`] examples.
    Ready,
    /// Enough examples and no errors, but warnings to review.
    ReadyWithWarnings,
    /// No errors, but fewer than [`MIN_EXAMPLES`] clean examples.
    TooFewExamples,
    /// Fewer clean examples than the provider accepts at all.
    BelowProviderMinimum,
    /// At least one line has an error: fix it before training.
    HasErrors,
    /// No examples at all (an empty file, or only blank lines).
    Empty,
}

impl Verdict {
    /// Every verdict, from best to worst.
    pub const ALL: [Verdict; 6] = [
        Verdict::Ready,
        Verdict::ReadyWithWarnings,
        Verdict::TooFewExamples,
        Verdict::BelowProviderMinimum,
        Verdict::HasErrors,
        Verdict::Empty,
    ];

    /// Stable id, the same as in JSON (`"ready_with_warnings"`).
    pub fn id(self) -> &'static str {
        match self {
            Verdict::Ready => "ready",
            Verdict::ReadyWithWarnings => "ready_with_warnings",
            Verdict::TooFewExamples => "too_few_examples",
            Verdict::BelowProviderMinimum => "below_provider_minimum",
            Verdict::HasErrors => "has_errors",
            Verdict::Empty => "empty",
        }
    }

    /// Short label for a badge.
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Ready => "Ready to train",
            Verdict::ReadyWithWarnings => "Ready, with warnings",
            Verdict::TooFewExamples => "Too few examples",
            Verdict::BelowProviderMinimum => "Below the provider's minimum",
            Verdict::HasErrors => "Has errors",
            Verdict::Empty => "Empty",
        }
    }
}

/// `s` without control characters, cut to `max` characters.
fn clean_text(s: &str, max: usize) -> String {
    s.chars().filter(|c| !c.is_control()).take(max).collect()
}

impl DatasetBrief {
    /// The brief of a validator report. `file_name` and `checked_at` (an
    /// ISO date-time) come from the caller; `min_examples` is the target
    /// provider's minimum (`Provider::min_examples`, 10 for OpenAI).
    pub fn from_report(
        report: &ReportJson,
        file_name: &str,
        checked_at: &str,
        min_examples: Option<usize>,
    ) -> DatasetBrief {
        let tokens = report.tokens.as_ref();
        DatasetBrief {
            file_name: clean_text(file_name, MAX_FILE_NAME),
            checked_at: clean_text(checked_at, MAX_SHORT_TEXT),
            format: report
                .format
                .as_deref()
                .map(|f| clean_text(f, MAX_SHORT_TEXT)),
            lines: report.lines,
            valid_examples: report.valid_examples,
            clean_examples: report.clean_examples.min(report.valid_examples),
            errors: report.error_total(),
            warnings: report.warning_total(),
            encoding: tokens.map(|t| clean_text(&t.encoding, MAX_SHORT_TEXT)),
            total_tokens: tokens.map(|t| t.total),
            trainable_tokens: tokens.map(|t| t.trainable),
            min_examples,
        }
    }

    /// What the file is fit for. The example counts use the clean
    /// examples (valid, repeats removed): what would be trained on.
    pub fn verdict(&self) -> Verdict {
        let usable = self.clean_examples.min(self.valid_examples);
        if self.valid_examples == 0 && self.errors == 0 {
            Verdict::Empty
        } else if self.errors > 0 {
            Verdict::HasErrors
        } else if self.min_examples.is_some_and(|m| usable < m) {
            Verdict::BelowProviderMinimum
        } else if usable < MIN_EXAMPLES {
            Verdict::TooFewExamples
        } else if self.warnings > 0 {
            Verdict::ReadyWithWarnings
        } else {
            Verdict::Ready
        }
    }

    /// One sentence that sums the file up, e.g. "train.jsonl: 87 valid
    /// examples, below the 100 minimum; 1,000+ preferred." The file name is
    /// user-written: escape the sentence where markup matters.
    pub fn headline(&self) -> String {
        let name = if self.file_name.trim().is_empty() {
            "The dataset"
        } else {
            self.file_name.as_str()
        };
        let usable = self.clean_examples.min(self.valid_examples);
        let repeats = self.valid_examples - usable;
        let examples = if repeats > 0 {
            format!(
                "{} (after removing {})",
                counted(usable, "valid example", "valid examples"),
                counted(repeats, "repeat", "repeats")
            )
        } else {
            counted(usable, "valid example", "valid examples")
        };
        let rule = format!(
            "the {} minimum; {}+ preferred",
            count(MIN_EXAMPLES as f64),
            count(PREFERRED_EXAMPLES as f64)
        );
        let preferred = if usable >= PREFERRED_EXAMPLES {
            String::new()
        } else {
            format!(" ({}+ preferred)", count(PREFERRED_EXAMPLES as f64))
        };
        match self.verdict() {
            Verdict::Empty if self.lines == 0 => format!("{name}: the file is empty."),
            Verdict::Empty => format!(
                "{name}: no examples in {}.",
                counted(self.lines, "line", "lines")
            ),
            Verdict::HasErrors => format!(
                "{name}: {} in {}; fix {} before training ({examples} so far).",
                counted(self.errors, "error", "errors"),
                counted(self.lines, "line", "lines"),
                if self.errors == 1 { "it" } else { "them" },
            ),
            Verdict::BelowProviderMinimum => format!(
                "{name}: {examples}, below the provider's minimum of {} and {rule}.",
                count(self.min_examples.unwrap_or(0) as f64)
            ),
            Verdict::TooFewExamples => format!("{name}: {examples}, below {rule}."),
            Verdict::ReadyWithWarnings => format!(
                "{name}: {examples}, enough to train{preferred}, with {} to review.",
                counted(self.warnings, "warning", "warnings")
            ),
            Verdict::Ready => format!("{name}: {examples}, enough to train{preferred}."),
        }
    }

    /// The brief as a query string (see the module docs for the keys).
    pub fn to_query(&self) -> String {
        let mut out = form_urlencoded::Serializer::new(String::new());
        out.append_pair("f", &self.file_name);
        out.append_pair("at", &self.checked_at);
        if let Some(f) = &self.format {
            out.append_pair("fmt", f);
        }
        for (key, n) in [
            ("l", self.lines),
            ("v", self.valid_examples),
            ("c", self.clean_examples),
            ("e", self.errors),
            ("w", self.warnings),
        ] {
            out.append_pair(key, &n.to_string());
        }
        if let Some(e) = &self.encoding {
            out.append_pair("enc", e);
        }
        if let Some(t) = self.total_tokens {
            out.append_pair("tt", &t.to_string());
        }
        if let Some(t) = self.trainable_tokens {
            out.append_pair("tr", &t.to_string());
        }
        if let Some(m) = self.min_examples {
            out.append_pair("min", &m.to_string());
        }
        out.finish()
    }

    /// Reads a query string (a leading `?` is allowed): the fields that
    /// parse, defaults for the rest, or `None` when nothing parses.
    pub fn from_query(query: &str) -> Option<DatasetBrief> {
        let query = query.strip_prefix('?').unwrap_or(query);
        if query.len() > MAX_LEN {
            return None;
        }
        let mut b = DatasetBrief::default();
        let mut understood = false;
        for (key, value) in form_urlencoded::parse(query.as_bytes()) {
            let short = || clean_text(&value, MAX_SHORT_TEXT);
            let whole = || value.parse::<usize>().ok();
            let tokens = || value.parse::<u64>().ok();
            let known = match key.as_ref() {
                "f" => {
                    b.file_name = clean_text(&value, MAX_FILE_NAME);
                    true
                }
                "at" => {
                    b.checked_at = short();
                    true
                }
                "fmt" => {
                    b.format = Some(short()).filter(|f| !f.is_empty());
                    b.format.is_some()
                }
                "enc" => {
                    b.encoding = Some(short()).filter(|e| !e.is_empty());
                    b.encoding.is_some()
                }
                "l" => whole().map(|n| b.lines = n).is_some(),
                "v" => whole().map(|n| b.valid_examples = n).is_some(),
                "c" => whole().map(|n| b.clean_examples = n).is_some(),
                "e" => whole().map(|n| b.errors = n).is_some(),
                "w" => whole().map(|n| b.warnings = n).is_some(),
                "tt" => tokens().map(|n| b.total_tokens = Some(n)).is_some(),
                "tr" => tokens().map(|n| b.trainable_tokens = Some(n)).is_some(),
                "min" => whole().map(|n| b.min_examples = Some(n)).is_some(),
                _ => false,
            };
            understood |= known;
        }
        b.clean_examples = b.clean_examples.min(b.valid_examples);
        understood.then_some(b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::dataset::report::validate_bytes;
    use proptest::prelude::*;

    fn brief(valid: usize, errors: usize, warnings: usize) -> DatasetBrief {
        DatasetBrief {
            file_name: "train.jsonl".into(),
            checked_at: "2026-12-01T10:15:00Z".into(),
            format: Some("chat".into()),
            lines: valid + errors,
            valid_examples: valid,
            clean_examples: valid,
            errors,
            warnings,
            encoding: Some("o200k_base".into()),
            total_tokens: Some(45_210),
            trainable_tokens: Some(20_110),
            min_examples: Some(10),
        }
    }

    #[test]
    fn the_headline_states_the_wizard_rule() {
        assert_eq!(
            brief(87, 0, 0).headline(),
            "train.jsonl: 87 valid examples, below the 100 minimum; 1,000+ preferred."
        );
        assert_eq!(
            brief(7, 0, 0).headline(),
            "train.jsonl: 7 valid examples, below the provider's minimum of 10 and the 100 minimum; 1,000+ preferred."
        );
        assert_eq!(
            brief(450, 0, 12).headline(),
            "train.jsonl: 450 valid examples, enough to train (1,000+ preferred), with 12 warnings to review."
        );
        assert_eq!(
            brief(2_300, 0, 0).headline(),
            "train.jsonl: 2,300 valid examples, enough to train."
        );
        assert_eq!(
            brief(87, 3, 0).headline(),
            "train.jsonl: 3 errors in 90 lines; fix them before training (87 valid examples so far)."
        );
        assert_eq!(
            brief(0, 1, 0).headline(),
            "train.jsonl: 1 error in 1 line; fix it before training (0 valid examples so far)."
        );
        let mut repeated = brief(150, 0, 1);
        repeated.clean_examples = 90;
        assert_eq!(
            repeated.headline(),
            "train.jsonl: 90 valid examples (after removing 60 repeats), below the 100 minimum; 1,000+ preferred."
        );
        let mut empty = brief(0, 0, 0);
        assert_eq!(empty.headline(), "train.jsonl: the file is empty.");
        empty.lines = 3;
        empty.file_name.clear();
        assert_eq!(empty.headline(), "The dataset: no examples in 3 lines.");
    }

    #[test]
    fn verdicts_have_stable_ids_and_an_order_of_precedence() {
        let cases = [
            (brief(150, 0, 0), Verdict::Ready),
            (brief(150, 0, 2), Verdict::ReadyWithWarnings),
            (brief(99, 0, 2), Verdict::TooFewExamples),
            (brief(9, 0, 0), Verdict::BelowProviderMinimum),
            (brief(9, 1, 0), Verdict::HasErrors),
            (brief(0, 0, 5), Verdict::Empty),
        ];
        for (b, v) in cases {
            assert_eq!(b.verdict(), v, "{b:?}");
            assert_eq!(
                serde_json::to_string(&v).unwrap(),
                format!("\"{}\"", v.id())
            );
        }
        let ids: Vec<&str> = Verdict::ALL.iter().map(|v| v.id()).collect();
        assert_eq!(
            ids,
            [
                "ready",
                "ready_with_warnings",
                "too_few_examples",
                "below_provider_minimum",
                "has_errors",
                "empty"
            ]
        );
        let mut no_minimum = brief(9, 0, 0);
        no_minimum.min_examples = None;
        assert_eq!(no_minimum.verdict(), Verdict::TooFewExamples);
    }

    #[test]
    fn from_report_takes_counts_and_tokens_but_no_contents() {
        let r = validate_bytes(
            b"not json\n{\"prompt\":\"secret\",\"completion\":\"b\"}\n{\"prompt\":\"secret\",\"completion\":\"b\"}\n",
            None,
        );
        let j = ReportJson::from(&r);
        let name = format!("a\u{7}b{}", "x".repeat(200));
        let b = DatasetBrief::from_report(&j, &name, "2026-12-01T10:15:00Z", Some(10));
        assert_eq!(b.file_name.chars().count(), MAX_FILE_NAME);
        assert!(b.file_name.starts_with("abx"));
        assert_eq!((b.lines, b.valid_examples, b.clean_examples), (3, 2, 1));
        assert_eq!(b.errors, j.error_total());
        assert_eq!(b.warnings, j.warning_total());
        assert_eq!(b.verdict(), Verdict::HasErrors);
        assert!(!serde_json::to_string(&b).unwrap().contains("secret"));
        assert!(!b.to_query().contains("secret"));
    }

    #[test]
    fn round_trips_through_serde_and_a_query() {
        let b = brief(87, 0, 3);
        assert_eq!(DatasetBrief::from_query(&b.to_query()), Some(b.clone()));
        let back: DatasetBrief = serde_json::from_str(&serde_json::to_string(&b).unwrap()).unwrap();
        assert_eq!(back, b);
        let bare = DatasetBrief {
            file_name: "odd & name = 1%.jsonl".into(),
            ..DatasetBrief::default()
        };
        assert_eq!(DatasetBrief::from_query(&bare.to_query()), Some(bare));
    }

    #[test]
    fn a_damaged_query_keeps_what_parses() {
        assert_eq!(DatasetBrief::from_query(""), None);
        assert_eq!(DatasetBrief::from_query("%%%&==&x=1"), None);
        assert_eq!(DatasetBrief::from_query("v=lots&l=-1"), None);
        let b = DatasetBrief::from_query("?f=a%0Ab.jsonl&v=87&c=900&e=two&tt=1e9").unwrap();
        assert_eq!(b.file_name, "ab.jsonl", "control characters dropped");
        assert_eq!((b.valid_examples, b.clean_examples), (87, 87));
        assert_eq!((b.errors, b.total_tokens), (0, None));
        let long = format!("f={}", "n".repeat(500));
        assert_eq!(
            DatasetBrief::from_query(&long).unwrap().file_name.len(),
            MAX_FILE_NAME
        );
        assert_eq!(
            DatasetBrief::from_query(&format!("v=1&{}", "x".repeat(MAX_LEN))),
            None
        );
    }

    proptest! {
        #[test]
        fn any_string_decodes_without_panic(q in ".{0,300}") {
            if let Some(b) = DatasetBrief::from_query(&q) {
                prop_assert!(b.file_name.chars().count() <= MAX_FILE_NAME);
                prop_assert!(!b.file_name.chars().any(char::is_control));
                prop_assert!(b.clean_examples <= b.valid_examples);
                let _ = b.headline();
                prop_assert_eq!(DatasetBrief::from_query(&b.to_query()), Some(b));
            }
        }
    }
}
