//! Checks one JSONL line: framing, JSON, format detection, and the format's
//! rules. Every finding is collected; nothing stops at the first.
//!
//! Chat examples are checked with the error codes of OpenAI's
//! data-preparation notebook (`data_type`, `missing_messages_list`,
//! `message_missing_key`, `message_unrecognized_key`, `unrecognized_role`,
//! `missing_content`, `example_missing_assistant_message`), updated for what
//! the API accepts today (tool calls, `tool` and `developer` roles, content
//! parts), plus checks the notebook lacks.
//!
//! This file frames, parses and dispatches; each format's rules live in a
//! file of their own: `chat.rs` (OpenAI chat: messages, roles, content
//! parts, tool calls), `sharegpt.rs`, `preference.rs` (OpenAI DPO),
//! `string_fields.rs` (prompt/completion, Alpaca, input/output),
//! `gemini.rs` (Vertex AI Gemini tuning), `bedrock.rs` (Amazon Bedrock's
//! chat format for Claude) and `nova.rs` (Amazon Nova's conversation
//! format on Bedrock).
//!
//! Architecture invariant: pure, no UI imports; never panics on any input.

mod bedrock;
mod chat;
mod gemini;
mod nova;
mod preference;
mod sharegpt;
mod string_fields;

use bedrock::check_bedrock;
use chat::check_chat;
pub use chat::{CHAT_TOP_KEYS, ROLES};
use gemini::check_gemini;
use nova::check_nova;
use preference::check_preference;
use sharegpt::check_sharegpt;
use string_fields::check_strings;

use serde_json::{Map, Value};

use crate::core::dataset::finding::{Code, Finding};
use crate::core::dataset::framing::RawLine;

/// The training-data formats tunewise recognises.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// OpenAI chat: `{"messages": [...]}`.
    Chat,
    /// OpenAI preference (DPO): `input`, `preferred_output`, `non_preferred_output`.
    Preference,
    /// Legacy `prompt` / `completion`.
    PromptCompletion,
    /// Alpaca: `instruction`, `input`, `output`.
    Alpaca,
    /// Plain `input` / `output` pairs.
    InputOutput,
    /// ShareGPT: `conversations` of `from` / `value`.
    ShareGpt,
    /// Vertex AI Gemini supervised tuning: `contents` of `{role, parts}`,
    /// optional `systemInstruction`.
    Gemini,
    /// Amazon Bedrock's chat format for Claude: `system` string plus
    /// alternating user/assistant `messages`.
    Bedrock,
    /// Amazon Nova on Bedrock: `schemaVersion` ("bedrock-conversation-2024"),
    /// `system` as `[{text}]`, `messages` whose content is `[{text}]`.
    Nova,
}

impl Format {
    /// Every format, in detection order.
    pub const ALL: [Format; 9] = [
        Format::Chat,
        Format::Gemini,
        Format::Bedrock,
        Format::Nova,
        Format::Preference,
        Format::ShareGpt,
        Format::Alpaca,
        Format::PromptCompletion,
        Format::InputOutput,
    ];

    /// The format with this display name.
    pub fn from_label(label: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.label() == label)
    }

    /// Display name.
    pub fn label(self) -> &'static str {
        match self {
            Format::Chat => "OpenAI chat",
            Format::Preference => "OpenAI preference (DPO)",
            Format::PromptCompletion => "prompt / completion",
            Format::Alpaca => "Alpaca",
            Format::InputOutput => "input / output",
            Format::ShareGpt => "ShareGPT",
            Format::Gemini => "Vertex AI Gemini",
            Format::Bedrock => "Bedrock Claude chat",
            Format::Nova => "Bedrock Nova conversation",
        }
    }
}

/// Which format an object's keys indicate, if any.
pub fn detect(object: &Map<String, Value>) -> Option<Format> {
    let has = |k: &str| object.contains_key(k);
    if has("contents") {
        Some(Format::Gemini)
    } else if has("schemaVersion") {
        Some(Format::Nova)
    } else if has("messages") && object.get("system").is_some_and(Value::is_string) {
        // OpenAI chat has no top-level `system`; Bedrock's is a string.
        // A Bedrock line without one reads as chat unless the target
        // provider (or the format picker) says Bedrock.
        Some(Format::Bedrock)
    } else if has("messages") {
        Some(Format::Chat)
    } else if has("preferred_output") || has("non_preferred_output") {
        Some(Format::Preference)
    } else if has("conversations") {
        Some(Format::ShareGpt)
    } else if has("instruction") {
        Some(Format::Alpaca)
    } else if has("prompt") || has("completion") {
        Some(Format::PromptCompletion)
    } else if has("input") && has("output") {
        Some(Format::InputOutput)
    } else {
        None
    }
}

/// The outcome of checking one line.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LineReport {
    /// The format the line is in, when it is a JSON object of a known shape.
    pub format: Option<Format>,
    /// The parsed object, for statistics and token counting.
    pub value: Option<Value>,
}

/// Checks `line` (in `expected` format, or whatever it looks like when
/// `None`), appending findings to `out`.
pub fn validate_line(
    line: &RawLine,
    is_last: bool,
    expected: Option<Format>,
    out: &mut Vec<Finding>,
) -> LineReport {
    let n = line.number;
    if line.too_long {
        out.push(Finding::error(
            n,
            Code::LineTooLong,
            None,
            format!(
                "The line is longer than {} bytes; it was skipped.",
                line.bytes.len()
            ),
        ));
        return LineReport::default();
    }
    if line.crlf {
        out.push(Finding::warning(n, Code::CrlfLineEnding, None, "The line ends in CRLF (Windows line ending). OpenAI accepts it; some tools do not: save the file with LF endings."));
    }
    let text = match std::str::from_utf8(&line.bytes) {
        Ok(t) => t,
        Err(e) => {
            out.push(Finding::error(
                n,
                Code::InvalidUtf8,
                None,
                format!(
                    "Invalid UTF-8 at byte {} of the line. Save the file as UTF-8.",
                    e.valid_up_to() + 1
                ),
            ));
            return LineReport::default();
        }
    };
    if text.trim().is_empty() {
        out.push(Finding::warning(
            n,
            Code::BlankLine,
            None,
            "Blank line. Remove it: JSONL needs exactly one JSON object per line.",
        ));
        return LineReport::default();
    }
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            let (code, hint) = if is_last && !line.terminated && e.is_eof() {
                (
                    Code::TruncatedLastLine,
                    "The last line ends in the middle of a JSON value: the file looks truncated.",
                )
            } else if text.trim() == "[" || text.trim() == "{" || text.trim_start().starts_with('"')
            {
                (
                    Code::InvalidJson,
                    "This looks like part of a pretty-printed JSON document: JSONL needs one whole object per line.",
                )
            } else {
                (Code::InvalidJson, "The line is not valid JSON.")
            };
            out.push(Finding::error(n, code, None, {
                // serde_json says "… at line 1 column N"; in one JSONL
                // line, only the character position means anything.
                let text = e.to_string();
                let what = text
                    .rsplit_once(" at line ")
                    .map_or(text.as_str(), |(w, _)| w);
                let why = if what.contains("surrogate") || what.contains("hex escape") {
                    " (a \\u escape between \\ud800 and \\udfff must be one of a pair: write the character itself, or both halves)"
                } else if what.contains("number out of range") {
                    " (a number too large for a 64-bit float: write it as a string)"
                } else {
                    ""
                };
                format!(
                    "{hint} The parser stopped at character {}: {what}{why}.",
                    e.column()
                )
            }));
            return LineReport::default();
        }
    };
    let Some(object) = value.as_object() else {
        out.push(Finding::error(
            n,
            Code::DataType,
            None,
            format!("The line is JSON but a {}, not an object. Each line must be one object such as {{\"messages\": [...]}}.", kind_of(&value)),
        ));
        return LineReport::default();
    };
    let format = expected.or_else(|| detect(object));
    match format {
        Some(Format::Chat) => check_chat(n, object, out),
        Some(Format::Preference) => check_preference(n, object, out),
        Some(Format::PromptCompletion) => check_strings(n, object, &["prompt", "completion"], &[], out),
        Some(Format::Alpaca) => check_strings(n, object, &["instruction", "output"], &["input"], out),
        Some(Format::InputOutput) => check_strings(n, object, &["input", "output"], &[], out),
        Some(Format::ShareGpt) => check_sharegpt(n, object, out),
        Some(Format::Gemini) => check_gemini(n, object, out),
        Some(Format::Bedrock) => check_bedrock(n, object, out),
        Some(Format::Nova) => check_nova(n, object, out),
        None => out.push(Finding::error(
            n,
            Code::UnknownFormat,
            None,
            format!(
                "No known format matches the keys {}. Expected \"messages\" (chat), \"contents\" (Vertex AI Gemini), \"prompt\"/\"completion\", \"instruction\"/\"output\", \"input\"/\"output\", \"conversations\" or a preference example.",
                key_list(object)
            ),
        )),
    }
    LineReport {
        format,
        value: Some(value),
    }
}

pub(super) fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

pub(super) fn key_list(object: &Map<String, Value>) -> String {
    if object.is_empty() {
        return "(none)".into();
    }
    let keys: Vec<String> = object
        .keys()
        .take(8)
        .map(|k| format!("\"{}\"", truncate(k, 40)))
        .collect();
    keys.join(", ")
}

/// Flags keys outside `allowed` as the provider that owns the format
/// treats them (`unknown_keys` in `data/providers.json`): an error
/// (`key_not_supported`) where it rejects them, a warning
/// (`unknown_top_level_key`) where it ignores them.
pub(super) fn unknown_top_level_keys(
    n: usize,
    provider_id: &str,
    object: &Map<String, Value>,
    allowed: &[&str],
    out: &mut Vec<Finding>,
) {
    let provider = crate::core::dataset::providers::by_id(provider_id);
    let name = provider.map_or(provider_id, |p| p.name);
    let rejects = provider.is_none_or(|p| p.rejects_unknown_keys());
    for key in object.keys().filter(|k| !allowed.contains(&k.as_str())) {
        let k = truncate(key, 60);
        let allowed = allowed.join(", ");
        if rejects {
            out.push(Finding::error(
                n,
                Code::KeyNotSupported,
                Some(k.clone()),
                format!(
                    "{name} rejects the key \"{k}\" (a line may hold only {allowed}): remove it."
                ),
            ));
        } else {
            out.push(Finding::warning(
                n,
                Code::UnknownTopLevelKey,
                Some(k.clone()),
                format!("Unknown key \"{k}\"; {name} ignores it (a line holds {allowed})."),
            ));
        }
    }
}

pub(super) fn truncate(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::dataset::framing::split_all;
    use proptest::prelude::*;

    fn check(text: &str) -> (Option<Format>, Vec<&'static str>) {
        let (lines, _) = split_all(text.as_bytes(), 1 << 20);
        let Some(first) = lines.first() else {
            return (None, Vec::new());
        };
        let mut out = Vec::new();
        let r = validate_line(first, true, None, &mut out);
        (r.format, out.iter().map(|f| f.code.as_str()).collect())
    }

    #[test]
    fn a_clean_chat_example_has_no_findings() {
        let line = r#"{"messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"Hi"},{"role":"assistant","content":"Hello!","weight":1}]}"#;
        assert_eq!(check(line), (Some(Format::Chat), vec![]));
    }

    #[test]
    fn notebook_codes() {
        assert_eq!(check("[1,2]").1, vec!["data_type"]);
        assert_eq!(check(r#"{"messages":[]}"#).1, vec!["missing_messages_list"]);
        assert!(
            check(r#"{"messages":[{"role":"user"},{"role":"assistant","content":"x"}]}"#)
                .1
                .contains(&"message_missing_key")
        );
        assert!(check(r#"{"messages":[{"role":"user","content":"a","extra":1},{"role":"assistant","content":"x"}]}"#).1.contains(&"message_unrecognized_key"));
        assert!(check(r#"{"messages":[{"role":"robot","content":"a"},{"role":"assistant","content":"x"}]}"#).1.contains(&"unrecognized_role"));
        assert!(check(r#"{"messages":[{"role":"user","content":null},{"role":"assistant","content":"x"}]}"#).1.contains(&"missing_content"));
        assert!(
            check(r#"{"messages":[{"role":"user","content":"a"}]}"#)
                .1
                .contains(&"example_missing_assistant_message")
        );
    }

    #[test]
    fn checks_beyond_the_notebook() {
        let codes = check(r#"{"messages":[{"role":"assistant","content":"a","weight":2},{"role":"assistant","content":""},{"role":"user","content":"q"}],"id":7}"#).1;
        for c in [
            "unknown_top_level_key",
            "bad_first_role",
            "invalid_weight",
            "consecutive_same_role",
            "missing_content",
            "not_ending_with_assistant",
        ] {
            assert!(codes.contains(&c), "{c} in {codes:?}");
        }
        let tools = r#"{"messages":[{"role":"user","content":"weather?"},{"role":"assistant","tool_calls":[{"id":"c1","type":"function","function":{"name":"w","arguments":"{}"}}]},{"role":"tool","tool_call_id":"c1","content":"sunny"},{"role":"assistant","content":"Sunny."}]}"#;
        assert_eq!(check(tools).1, Vec::<&str>::new());
        let bad = r#"{"messages":[{"role":"user","content":"x"},{"role":"assistant","content":"y","tool_calls":[{"function":{"arguments":{}}}]},{"role":"tool","tool_call_id":"zz","content":"r"},{"role":"assistant","content":"ok"}]}"#;
        let codes = check(bad).1;
        assert!(codes.contains(&"content_and_tool_calls"));
        assert_eq!(
            codes
                .iter()
                .filter(|c| **c == "malformed_tool_call")
                .count(),
            3,
            "{codes:?}"
        );
        assert!(codes.contains(&"unknown_tool_call_id"));
        let two_systems = r#"{"messages":[{"role":"system","content":"a"},{"role":"system","content":"b"},{"role":"user","content":"q"},{"role":"assistant","content":"r"}]}"#;
        assert!(check(two_systems).1.contains(&"multiple_system_messages"));
    }

    #[test]
    fn content_parts_and_images() {
        let ok = r#"{"messages":[{"role":"user","content":[{"type":"text","text":"What is this?"},{"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0KGgo="}}]},{"role":"assistant","content":"A cat."}]}"#;
        assert_eq!(check(ok).1, Vec::<&str>::new());
        let bad = r#"{"messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"data:text/html;base64,PHA+"}},{"type":"audio"}]},{"role":"assistant","content":"?"}]}"#;
        let codes = check(bad).1;
        assert!(codes.contains(&"invalid_image") && codes.contains(&"unknown_content_part"));
    }

    #[test]
    fn framing_problems() {
        assert_eq!(
            check("").1,
            Vec::<&str>::new(),
            "an empty file has no lines"
        );
        assert_eq!(check("   \n").1, vec!["blank_line"]);
        assert_eq!(check("{\"messages\": [\n").1, vec!["invalid_json"]);
        assert_eq!(
            check("{\"messages\": [{\"role\":").1,
            vec!["truncated_last_line"]
        );
        let (lines, _) = split_all(b"\xff\xfe{}\n", 64);
        let mut out = Vec::new();
        validate_line(&lines[0], false, None, &mut out);
        assert_eq!(out[0].code, "invalid_utf8");
        assert!(out[0].message.contains("byte 1"));
        let (f, codes) = check("{\"prompt\":\"a\",\"completion\":\"b\"}\r\n");
        assert_eq!(
            (f, codes),
            (Some(Format::PromptCompletion), vec!["crlf_line_ending"])
        );
    }

    #[test]
    fn other_formats() {
        assert_eq!(
            check(r#"{"instruction":"Add","input":"1+1","output":"2"}"#),
            (Some(Format::Alpaca), vec![])
        );
        assert_eq!(
            check(r#"{"instruction":"Add","input":3,"output":""}"#).1,
            vec!["empty_value", "wrong_type"]
        );
        assert_eq!(
            check(r#"{"input":"q","output":"a"}"#),
            (Some(Format::InputOutput), vec![])
        );
        assert_eq!(check(r#"{"prompt":"q"}"#).1, vec!["missing_key"]);
        assert_eq!(
            check(
                r#"{"conversations":[{"from":"human","value":"hi"},{"from":"gpt","value":"hello"}]}"#
            ),
            (Some(Format::ShareGpt), vec![])
        );
        assert!(
            check(r#"{"conversations":[{"from":"human","value":"hi"}]}"#)
                .1
                .contains(&"example_missing_assistant_message")
        );
        let dpo = r#"{"input":{"messages":[{"role":"user","content":"hi"}]},"preferred_output":[{"role":"assistant","content":"Hello!"}],"non_preferred_output":[{"role":"assistant","content":"What?"}]}"#;
        assert_eq!(check(dpo), (Some(Format::Preference), vec![]));
        assert_eq!(check(r#"{"foo":1}"#).1, vec!["unknown_format"]);
    }

    fn check_as(text: &str, format: Format) -> Vec<&'static str> {
        let (lines, _) = split_all(text.as_bytes(), 1 << 20);
        let mut out = Vec::new();
        validate_line(&lines[0], true, Some(format), &mut out);
        out.iter().map(|f| f.code.as_str()).collect()
    }

    fn severity_of(text: &str, code: &str) -> Option<crate::core::dataset::finding::Severity> {
        let (lines, _) = split_all(text.as_bytes(), 1 << 20);
        let mut out = Vec::new();
        validate_line(&lines[0], true, None, &mut out);
        out.iter().find(|f| f.code == code).map(|f| f.severity)
    }

    #[test]
    fn gemini_lines() {
        use crate::core::dataset::finding::Severity;
        let ok = r#"{"systemInstruction":{"role":"system","parts":[{"text":"Be brief."}]},"contents":[{"role":"user","parts":[{"text":"Hi"}]},{"role":"model","parts":[{"text":"Hello!"}]}]}"#;
        assert_eq!(check(ok), (Some(Format::Gemini), vec![]));
        let file = r#"{"contents":[{"role":"user","parts":[{"fileData":{"mimeType":"image/png","fileUri":"gs://b/cat.png"}},{"text":"What is this?"}]},{"role":"model","parts":[{"text":"A cat."}]}]}"#;
        assert_eq!(check(file).1, Vec::<&str>::new());
        // Starts with the model; an OpenAI role name.
        let codes = check(r#"{"contents":[{"role":"model","parts":[{"text":"Hi"}]},{"role":"assistant","parts":[{"text":"x"}]}]}"#).1;
        assert!(codes.contains(&"first_turn_not_user"), "{codes:?}");
        assert!(codes.contains(&"unrecognized_role"), "{codes:?}");
        // Not alternating: a warning (Vertex documents no alternation rule).
        let two_users = r#"{"contents":[{"role":"user","parts":[{"text":"a"}]},{"role":"user","parts":[{"text":"b"}]},{"role":"model","parts":[{"text":"c"}]}]}"#;
        assert_eq!(check(two_users).1, vec!["consecutive_same_role"]);
        assert_eq!(
            severity_of(two_users, "consecutive_same_role"),
            Some(Severity::Warning)
        );
        // Empty parts, an empty text, a part with two kinds, an unknown key in a turn.
        let codes = check(r#"{"contents":[{"role":"user","parts":[]},{"role":"model","parts":[{"text":" "}],"weight":1},{"role":"user","parts":[{"text":"a","fileData":{}}]}]}"#).1;
        for c in [
            "missing_content",
            "empty_content",
            "message_unrecognized_key",
            "unknown_content_part",
            "not_ending_with_assistant",
        ] {
            assert!(codes.contains(&c), "{c} in {codes:?}");
        }
        // No model turn; no parts; no role; contents not a list.
        assert!(
            check(r#"{"contents":[{"role":"user","parts":[{"text":"a"}]}]}"#)
                .1
                .contains(&"example_missing_assistant_message")
        );
        let codes = check(r#"{"contents":[{"parts":[{"text":"a"}]},{"role":"model"}]}"#).1;
        assert_eq!(
            codes
                .iter()
                .filter(|c| **c == "message_missing_key")
                .count(),
            2,
            "{codes:?}"
        );
        assert_eq!(check(r#"{"contents":{}}"#).1, vec!["missing_messages_list"]);
        assert!(check(r#"{"contents":[1,{"role":"model","parts":[{"text":"x"}]}],"systemInstruction":"Be brief."}"#).1.contains(&"data_type"));
        // Unknown top-level keys: Vertex's rule from providers.json (reject).
        let extra = r#"{"contents":[{"role":"user","parts":[{"text":"a"}]},{"role":"model","parts":[{"text":"b"}]}],"id":7}"#;
        assert_eq!(check(extra).1, vec!["key_not_supported"]);
        assert_eq!(
            severity_of(extra, "key_not_supported"),
            Some(Severity::Error)
        );
    }

    #[test]
    fn bedrock_lines() {
        use crate::core::dataset::finding::Severity;
        let ok = r#"{"system":"Be brief.","messages":[{"role":"user","content":"Hi"},{"role":"assistant","content":"Hello!"}]}"#;
        assert_eq!(check(ok), (Some(Format::Bedrock), vec![]));
        // Without "system" the line reads as OpenAI chat unless Bedrock is asked for.
        let plain = r#"{"messages":[{"role":"user","content":"Hi"},{"role":"assistant","content":"Hello!"}]}"#;
        assert_eq!(check(plain).0, Some(Format::Chat));
        assert_eq!(check_as(plain, Format::Bedrock), Vec::<&str>::new());
        // Starts with the assistant, not alternating, ends with the user.
        let codes = check(r#"{"system":"s","messages":[{"role":"assistant","content":"a"},{"role":"assistant","content":"b"},{"role":"user","content":"c"}]}"#).1;
        for c in [
            "first_turn_not_user",
            "turns_not_alternating",
            "last_turn_not_assistant",
        ] {
            assert!(codes.contains(&c), "{c} in {codes:?}");
        }
        let two_users = r#"{"system":"s","messages":[{"role":"user","content":"a"},{"role":"user","content":"b"},{"role":"assistant","content":"c"}]}"#;
        assert_eq!(
            severity_of(two_users, "turns_not_alternating"),
            Some(Severity::Error)
        );
        // Empty content, a system role inside messages, an extra message key.
        let codes = check(r#"{"system":"s","messages":[{"role":"system","content":"x"},{"role":"user","content":""},{"role":"assistant","content":"ok","weight":1}]}"#).1;
        for c in [
            "unrecognized_role",
            "missing_content",
            "message_unrecognized_key",
        ] {
            assert!(codes.contains(&c), "{c} in {codes:?}");
        }
        // Content parts are not Bedrock's Claude format.
        assert!(check_as(r#"{"messages":[{"role":"user","content":[{"type":"text","text":"Hi"}]},{"role":"assistant","content":"x"}]}"#, Format::Bedrock).contains(&"missing_content"));
        // Only a user message; a missing role; system not a string.
        assert_eq!(
            check(r#"{"system":"s","messages":[{"role":"user","content":"a"}]}"#).1,
            vec!["example_missing_assistant_message"]
        );
        assert!(
            check_as(
                r#"{"messages":[{"content":"a"},{"role":"assistant","content":"b"}]}"#,
                Format::Bedrock
            )
            .contains(&"message_missing_key")
        );
        assert!(check_as(r#"{"system":["s"],"messages":[{"role":"user","content":"a"},{"role":"assistant","content":"b"}]}"#, Format::Bedrock).contains(&"data_type"));
        assert_eq!(
            check(r#"{"system":"s","messages":[]}"#).1,
            vec!["missing_messages_list"]
        );
        // Unknown top-level keys: Bedrock allows no other keys, an error.
        let extra = r#"{"system":"s","messages":[{"role":"user","content":"a"},{"role":"assistant","content":"b"}],"tools":[]}"#;
        assert_eq!(check(extra).1, vec!["key_not_supported"]);
        assert_eq!(
            severity_of(extra, "key_not_supported"),
            Some(Severity::Error)
        );
    }

    #[test]
    fn nova_lines() {
        let ok = r#"{"schemaVersion":"bedrock-conversation-2024","system":[{"text":"Be friendly."}],"messages":[{"role":"user","content":[{"text":"Capital of Mars?"}]},{"role":"assistant","content":[{"text":"Mars has none."}]}]}"#;
        assert_eq!(check(ok), (Some(Format::Nova), vec![]));
        let codes = check(r#"{"schemaVersion":"bedrock-conversation-2024","messages":[{"role":"assistant","content":[{"text":"a"}]},{"role":"assistant","content":[]},{"role":"user","content":[{"text":"User: hi"}]}],"id":1}"#).1;
        for c in [
            "first_turn_not_user",
            "consecutive_same_role",
            "missing_content",
            "reserved_keyword",
            "last_turn_not_assistant",
            "key_not_supported",
        ] {
            assert!(codes.contains(&c), "{c} in {codes:?}");
        }
        let codes = check(r#"{"schemaVersion":"x","system":"Be brief.","messages":[{"role":"user","content":"hi"},{"role":"assistant","content":[{"text":"a","image":{}}]}]}"#).1;
        for c in ["data_type", "missing_content", "unknown_content_part"] {
            assert!(codes.contains(&c), "{c} in {codes:?}");
        }
    }

    #[test]
    fn formats_round_trip_their_labels() {
        for f in Format::ALL {
            assert_eq!(Format::from_label(f.label()), Some(f));
        }
        // Labels saved by the current release still load.
        for label in [
            "OpenAI chat",
            "OpenAI preference (DPO)",
            "prompt / completion",
            "Alpaca",
            "input / output",
            "ShareGPT",
        ] {
            assert!(Format::from_label(label).is_some(), "{label}");
        }
    }

    proptest! {
        #[test]
        fn no_bytes_make_it_panic(data in proptest::collection::vec(any::<u8>(), 0..300)) {
            let (lines, _) = split_all(&data, 128);
            let mut out = Vec::new();
            let count = lines.len();
            for (i, l) in lines.iter().enumerate() {
                validate_line(l, i + 1 == count, None, &mut out);
            }
            for f in &out {
                prop_assert!(f.line.is_some_and(|l| l >= 1 && l <= count) && !f.message.is_empty());
            }
        }

        #[test]
        fn no_provider_format_json_makes_it_panic(text in r#"\{("(contents|systemInstruction|parts|role|text|fileData|model|user|system|messages|content|schemaVersion|assistant|image|video)"|[:,\[\]\{\}0-9 ]|"[a-z]{0,4}"|null|true){0,40}\}?"#) {
            let (lines, _) = split_all(text.as_bytes(), 1 << 16);
            let mut out = Vec::new();
            for l in &lines {
                for f in [None, Some(Format::Gemini), Some(Format::Bedrock), Some(Format::Nova)] {
                    validate_line(l, true, f, &mut out);
                }
            }
        }

        #[test]
        fn no_json_makes_it_panic(text in r#"\{("(messages|role|content|tool_calls|id|function|name|arguments|weight|type|image_url|url|text)"|[:,\[\]\{\}0-9 ]|"[a-z]{0,4}"|null|true){0,40}\}?"#) {
            let (lines, _) = split_all(text.as_bytes(), 1 << 16);
            let mut out = Vec::new();
            for l in &lines {
                validate_line(l, true, None, &mut out);
            }
        }
    }
}
