//! One problem found in a dataset: where, what, how bad, and what to do.
//!
//! [`Code`] is the finding's stable code. Its strings are a public contract:
//! the CLI's JSON, the CSV and JSON downloads and the saved reports carry
//! them, so a variant's string never changes (a test pins some).

use serde::{Deserialize, Deserializer, Serialize, Serializer};

macro_rules! codes {
    ($($variant:ident => $text:literal,)+) => {
        /// Every finding code tunewise reports, one variant per code. Its
        /// text ([`Code::as_str`]) is what JSON and CSV output carry.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $(
                #[doc = concat!("`", $text, "`")]
                $variant,
            )+
        }

        impl Code {
            /// Every code, in alphabetical order of its text.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)+];

            /// The code's stable text, e.g. `"data_type"`.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $text,)+
                }
            }

            /// The code whose text is `text`; `None` for an unknown code
            /// (say, from a report saved by a later release).
            pub fn parse(text: &str) -> Option<Code> {
                match text {
                    $($text => Some(Code::$variant),)+
                    _ => None,
                }
            }
        }
    };
}

codes! {
    BadFirstRole => "bad_first_role",
    BinaryFile => "binary_file",
    BlankLine => "blank_line",
    ByteOrderMark => "byte_order_mark",
    CompressedFile => "compressed_file",
    ConsecutiveSameRole => "consecutive_same_role",
    ContentAndToolCalls => "content_and_tool_calls",
    CrLineEndings => "cr_line_endings",
    CrlfLineEnding => "crlf_line_ending",
    CsvFieldCount => "csv_field_count",
    CsvNotJsonl => "csv_not_jsonl",
    CsvOpenQuote => "csv_open_quote",
    CsvUnknownColumns => "csv_unknown_columns",
    DataType => "data_type",
    DuplicateExample => "duplicate_example",
    EmptyContent => "empty_content",
    EmptyFile => "empty_file",
    EmptyValue => "empty_value",
    ExampleMissingAssistantMessage => "example_missing_assistant_message",
    FewExamples => "few_examples",
    FileNeedsMultipartUpload => "file_needs_multipart_upload",
    FileTooLarge => "file_too_large",
    FindingsNotListed => "findings_not_listed",
    FirstTurnNotUser => "first_turn_not_user",
    FormatDiffers => "format_differs",
    FormatNotSupported => "format_not_supported",
    InBothSets => "in_both_sets",
    InvalidImage => "invalid_image",
    InvalidJson => "invalid_json",
    InvalidUtf8 => "invalid_utf8",
    InvalidWeight => "invalid_weight",
    JsonArrayNotJsonl => "json_array_not_jsonl",
    JsonStructure => "json_structure",
    KeyNotSupported => "key_not_supported",
    LastTurnNotAssistant => "last_turn_not_assistant",
    LineTooLong => "line_too_long",
    MalformedToolCall => "malformed_tool_call",
    MessageMissingKey => "message_missing_key",
    MessageUnrecognizedKey => "message_unrecognized_key",
    MissingContent => "missing_content",
    MissingKey => "missing_key",
    MissingMessagesList => "missing_messages_list",
    MixedFormats => "mixed_formats",
    MostlyUntrainable => "mostly_untrainable",
    MultipleSystemMessages => "multiple_system_messages",
    NoTrainableTokens => "no_trainable_tokens",
    NotEndingWithAssistant => "not_ending_with_assistant",
    PdfFile => "pdf_file",
    PrettyPrintedJson => "pretty_printed_json",
    ReservedKeyword => "reserved_keyword",
    RoleNotSupported => "role_not_supported",
    TooFewExamples => "too_few_examples",
    TooManyExamples => "too_many_examples",
    TooManyTokens => "too_many_tokens",
    TooManyValidationExamples => "too_many_validation_examples",
    TooManyValues => "too_many_values",
    TruncatedLastLine => "truncated_last_line",
    TurnsNotAlternating => "turns_not_alternating",
    UnknownContentPart => "unknown_content_part",
    UnknownFormat => "unknown_format",
    UnknownToolCallId => "unknown_tool_call_id",
    UnknownTopLevelKey => "unknown_top_level_key",
    UnrecognizedRole => "unrecognized_role",
    Utf16File => "utf16_file",
    WeightNotSupported => "weight_not_supported",
    WrongType => "wrong_type",
    ZipFile => "zip_file",
}

impl std::str::FromStr for Code {
    type Err = UnknownCode;

    fn from_str(text: &str) -> Result<Code, UnknownCode> {
        Code::parse(text).ok_or(UnknownCode)
    }
}

/// A code text that names no [`Code`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UnknownCode;

impl std::fmt::Display for UnknownCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("unknown finding code")
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<str> for Code {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Code {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Code, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Code::parse(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown finding code {text:?}")))
    }
}

/// How bad a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// OpenAI accepts the line, but it is likely a mistake or another
    /// provider's validator rejects it.
    Warning,
    /// The line would be rejected (or train on garbage).
    Error,
}

/// A problem on one line or in the whole file, with a stable code for
/// counting and comparison (the chat codes are those of OpenAI's
/// data-preparation notebook where it has one).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// 1-based line number; `None` for a finding on the whole file (too few
    /// examples, mixed formats, file size), which no line can fix alone.
    pub line: Option<usize>,
    pub code: Code,
    pub severity: Severity,
    /// JSON path of the offending field, e.g. `messages[2].content`.
    pub field: Option<String>,
    /// What is wrong and what to do, in one or two sentences.
    pub message: String,
}

impl Finding {
    /// An error on `line`.
    pub fn error(
        line: usize,
        code: Code,
        field: Option<String>,
        message: impl Into<String>,
    ) -> Finding {
        Finding {
            line: Some(line),
            code,
            severity: Severity::Error,
            field,
            message: message.into(),
        }
    }

    /// A warning on `line`.
    pub fn warning(
        line: usize,
        code: Code,
        field: Option<String>,
        message: impl Into<String>,
    ) -> Finding {
        Finding {
            line: Some(line),
            code,
            severity: Severity::Warning,
            field,
            message: message.into(),
        }
    }

    /// An error on the whole file.
    pub fn file_error(code: Code, message: impl Into<String>) -> Finding {
        Finding {
            line: None,
            code,
            severity: Severity::Error,
            field: None,
            message: message.into(),
        }
    }

    /// A warning on the whole file.
    pub fn file_warning(code: Code, message: impl Into<String>) -> Finding {
        Finding {
            severity: Severity::Warning,
            ..Finding::file_error(code, message)
        }
    }
}

/// Where a finding is, in words: "line 6" or "whole file".
pub fn place(line: Option<usize>) -> String {
    match line {
        Some(n) => format!("line {}", crate::core::number_format::count(n as f64)),
        None => "whole file".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_findings_have_no_line() {
        assert_eq!(Finding::file_error(Code::TooFewExamples, "x").line, None);
        assert_eq!(
            Finding::warning(6, Code::BlankLine, None, "x").line,
            Some(6)
        );
        assert_eq!(place(None), "whole file");
        assert_eq!(place(Some(12_345)), "line 12,345");
    }

    #[test]
    fn every_code_text_is_unique_and_round_trips() {
        let mut seen = std::collections::HashSet::new();
        for &code in Code::ALL {
            assert!(seen.insert(code.as_str()), "{code} twice");
            assert_eq!(Code::parse(code.as_str()), Some(code));
            assert_eq!(code.as_str().parse::<Code>(), Ok(code));
            let json = serde_json::to_string(&code).unwrap();
            assert_eq!(json, format!("\"{}\"", code.as_str()));
            assert_eq!(serde_json::from_str::<Code>(&json).unwrap(), code);
            assert!(
                code.as_str()
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
                "{code}"
            );
        }
        let mut sorted = Code::ALL.to_vec();
        sorted.sort_by_key(|c| c.as_str());
        assert_eq!(sorted, Code::ALL);
        assert_eq!(Code::parse("no_such_code"), None);
        assert!(serde_json::from_str::<Code>("\"no_such_code\"").is_err());
    }

    /// The strings are a public contract (CLI JSON, CSV, saved reports).
    #[test]
    fn code_strings_are_pinned() {
        assert_eq!(Code::DataType.as_str(), "data_type");
        assert_eq!(Code::MissingMessagesList.as_str(), "missing_messages_list");
        assert_eq!(Code::DuplicateExample.as_str(), "duplicate_example");
        assert_eq!(Code::InBothSets.as_str(), "in_both_sets");
        assert_eq!(Code::TooFewExamples.as_str(), "too_few_examples");
        assert_eq!(Code::MixedFormats.as_str(), "mixed_formats");
        assert_eq!(Code::InvalidJson.to_string(), "invalid_json");
        assert_eq!(Code::ALL.len(), 67);
    }
}
