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
//! Architecture invariant: pure, no UI imports; never panics on any input.

use serde_json::{Map, Value};

use crate::core::dataset::finding::Finding;
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
}

impl Format {
    /// Every format, in detection order.
    pub const ALL: [Format; 6] = [
        Format::Chat,
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
        }
    }
}

/// Which format an object's keys indicate, if any.
pub fn detect(object: &Map<String, Value>) -> Option<Format> {
    let has = |k: &str| object.contains_key(k);
    if has("messages") {
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
            "line_too_long",
            None,
            format!(
                "The line is longer than {} bytes; it was skipped.",
                line.bytes.len()
            ),
        ));
        return LineReport::default();
    }
    if line.crlf {
        out.push(Finding::warning(n, "crlf_line_ending", None, "The line ends in CRLF (Windows line ending). OpenAI accepts it; some tools do not: save the file with LF endings."));
    }
    let text = match std::str::from_utf8(&line.bytes) {
        Ok(t) => t,
        Err(e) => {
            out.push(Finding::error(
                n,
                "invalid_utf8",
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
            "blank_line",
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
                    "truncated_last_line",
                    "The last line ends in the middle of a JSON value: the file looks truncated.",
                )
            } else if text.trim() == "[" || text.trim() == "{" || text.trim_start().starts_with('"')
            {
                (
                    "invalid_json",
                    "This looks like part of a pretty-printed JSON document: JSONL needs one whole object per line.",
                )
            } else {
                ("invalid_json", "The line is not valid JSON.")
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
            "data_type",
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
        None => out.push(Finding::error(
            n,
            "unknown_format",
            None,
            format!(
                "No known format matches the keys {}. Expected \"messages\" (chat), \"prompt\"/\"completion\", \"instruction\"/\"output\", \"input\"/\"output\", \"conversations\" or a preference example.",
                key_list(object)
            ),
        )),
    }
    LineReport {
        format,
        value: Some(value),
    }
}

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

fn key_list(object: &Map<String, Value>) -> String {
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

fn truncate(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

/// The chat roles OpenAI's API knows (a provider may accept fewer).
pub const ROLES: [&str; 6] = [
    "system",
    "developer",
    "user",
    "assistant",
    "tool",
    "function",
];
const MESSAGE_KEYS: [&str; 8] = [
    "role",
    "content",
    "name",
    "weight",
    "tool_calls",
    "tool_call_id",
    "function_call",
    "refusal",
];
const CHAT_TOP_KEYS: [&str; 5] = [
    "messages",
    "tools",
    "functions",
    "parallel_tool_calls",
    "metadata",
];

fn check_chat(n: usize, object: &Map<String, Value>, out: &mut Vec<Finding>) {
    for key in object.keys() {
        if !CHAT_TOP_KEYS.contains(&key.as_str()) {
            out.push(Finding::warning(
                n,
                "unknown_top_level_key",
                Some(truncate(key, 60)),
                format!("Unknown key \"{}\" next to \"messages\"; OpenAI rejects unknown keys: remove it.", truncate(key, 60)),
            ));
        }
    }
    let messages = match object.get("messages") {
        Some(Value::Array(m)) if !m.is_empty() => m,
        Some(Value::Array(_)) | None | Some(Value::Null) => {
            out.push(Finding::error(
                n,
                "missing_messages_list",
                Some("messages".into()),
                "The example has no messages: \"messages\" must be a non-empty list.",
            ));
            return;
        }
        Some(other) => {
            out.push(Finding::error(
                n,
                "missing_messages_list",
                Some("messages".into()),
                format!(
                    "\"messages\" is a {}, not a list of messages.",
                    kind_of(other)
                ),
            ));
            return;
        }
    };
    let mut call_ids: Vec<String> = Vec::new();
    let mut previous_role: Option<&str> = None;
    let mut systems = 0;
    let mut has_assistant = false;
    for (k, message) in messages.iter().enumerate() {
        let path = format!("messages[{k}]");
        let Some(m) = message.as_object() else {
            out.push(Finding::error(
                n,
                "data_type",
                Some(path),
                format!(
                    "Message {} is a {}, not an object.",
                    k + 1,
                    kind_of(message)
                ),
            ));
            continue;
        };
        let role = m.get("role").and_then(Value::as_str);
        let has_calls = m.get("tool_calls").is_some_and(|c| !c.is_null())
            || m.get("function_call").is_some_and(|c| !c.is_null());
        if m.get("role").is_none() || (m.get("content").is_none() && !has_calls) {
            let missing = if m.get("role").is_none() {
                "role"
            } else {
                "content"
            };
            out.push(Finding::error(
                n,
                "message_missing_key",
                Some(path.clone()),
                format!("Message {} has no \"{missing}\".", k + 1),
            ));
        }
        for key in m.keys() {
            if !MESSAGE_KEYS.contains(&key.as_str()) {
                out.push(Finding::error(
                    n,
                    "message_unrecognized_key",
                    Some(format!("{path}.{}", truncate(key, 40))),
                    format!("Message {} has an unrecognised key \"{}\"; allowed: role, content, name, weight, tool_calls, tool_call_id.", k + 1, truncate(key, 40)),
                ));
            }
        }
        match role {
            Some(r) if ROLES.contains(&r) => {}
            Some(r) => out.push(Finding::error(
                n,
                "unrecognized_role",
                Some(format!("{path}.role")),
                format!(
                    "Role \"{}\" is not one of system, user, assistant, tool.",
                    truncate(r, 40)
                ),
            )),
            None if m.get("role").is_some() => out.push(Finding::error(
                n,
                "unrecognized_role",
                Some(format!("{path}.role")),
                "The role must be a string.",
            )),
            None => {}
        }
        check_content(n, k, &path, m, has_calls, out);
        if role == Some("system") || role == Some("developer") {
            systems += 1;
        }
        if role == Some("assistant") {
            has_assistant = true;
            check_assistant(n, k, &path, m, &mut call_ids, out);
        } else if m.contains_key("weight") {
            out.push(Finding::error(
                n,
                "invalid_weight",
                Some(format!("{path}.weight")),
                "Only assistant messages may carry a \"weight\".",
            ));
        }
        if role == Some("tool") {
            match m.get("tool_call_id").and_then(Value::as_str) {
                Some(id) if call_ids.iter().any(|c| c == id) => {}
                Some(id) => out.push(Finding::error(
                    n,
                    "unknown_tool_call_id",
                    Some(format!("{path}.tool_call_id")),
                    format!("Tool message answers call \"{}\", but no earlier assistant message made that call.", truncate(id, 60)),
                )),
                None => out.push(Finding::error(n, "unknown_tool_call_id", Some(format!("{path}.tool_call_id")), "A tool message needs the \"tool_call_id\" of the call it answers.")),
            }
        }
        if let (Some(prev), Some(r)) = (previous_role, role)
            && prev == r
            && r != "tool"
        {
            out.push(Finding::warning(
                n,
                "consecutive_same_role",
                Some(path.clone()),
                format!("Messages {} and {} are both \"{r}\"; other providers' validators reject this: merge them.", k, k + 1),
            ));
        }
        if k == 0 && !matches!(role, Some("system" | "developer" | "user")) {
            out.push(Finding::warning(
                n,
                "bad_first_role",
                Some(path.clone()),
                "The conversation should start with a system or user message.",
            ));
        }
        previous_role = role.or(previous_role);
    }
    if systems > 1 {
        out.push(Finding::warning(
            n,
            "multiple_system_messages",
            Some("messages".into()),
            format!("{systems} system messages; most providers expect at most one, first."),
        ));
    }
    if !has_assistant {
        out.push(Finding::error(n, "example_missing_assistant_message", Some("messages".into()), "No assistant message: there is nothing to learn from. Add the reply the model should give."));
    } else if previous_role != Some("assistant") {
        out.push(Finding::warning(n, "not_ending_with_assistant", Some("messages".into()), "The conversation does not end with an assistant message; the final turns are not trained on."));
    }
}

fn check_content(
    n: usize,
    k: usize,
    path: &str,
    m: &Map<String, Value>,
    has_calls: bool,
    out: &mut Vec<Finding>,
) {
    let field = Some(format!("{path}.content"));
    match m.get("content") {
        // A missing content is `message_missing_key`, reported by the caller.
        None => {}
        Some(Value::Null) if !has_calls => out.push(Finding::error(
            n,
            "missing_content",
            field,
            format!("Message {} has null content.", k + 1),
        )),
        Some(Value::String(s)) if s.trim().is_empty() && !has_calls => out.push(Finding::error(
            n,
            "empty_content",
            field,
            format!("Message {} has empty content.", k + 1),
        )),
        Some(Value::Null) => {}
        Some(Value::String(_)) => {}
        Some(Value::Array(parts)) => {
            if parts.is_empty() {
                out.push(Finding::error(
                    n,
                    "empty_content",
                    field,
                    format!("Message {} has an empty list of content parts.", k + 1),
                ));
            }
            for (p, part) in parts.iter().enumerate() {
                check_part(n, &format!("{path}.content[{p}]"), part, out);
            }
        }
        Some(other) => out.push(Finding::error(
            n,
            "missing_content",
            field,
            format!(
                "Message {} content is a {}; it must be a string or a list of content parts.",
                k + 1,
                kind_of(other)
            ),
        )),
    }
}

fn check_part(n: usize, path: &str, part: &Value, out: &mut Vec<Finding>) {
    let kind = part.get("type").and_then(Value::as_str);
    match kind {
        Some("text") => {
            if part
                .get("text")
                .and_then(Value::as_str)
                .is_none_or(|t| t.trim().is_empty())
            {
                out.push(Finding::error(
                    n,
                    "empty_content",
                    Some(format!("{path}.text")),
                    "A text part needs non-empty \"text\".",
                ));
            }
        }
        Some("image_url") => {
            let url = part
                .get("image_url")
                .and_then(|u| u.get("url"))
                .and_then(Value::as_str);
            match url {
                Some(u) if u.starts_with("https://") || u.starts_with("http://") => {}
                Some(u) if u.starts_with("data:") => {
                    let ok = u
                        .split_once(',')
                        .is_some_and(|(head, data)| {
                            ["image/png", "image/jpeg", "image/webp", "image/gif"].iter().any(|t| head == format!("data:{t};base64"))
                                && !data.is_empty()
                                && data.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'/' || b == b'=')
                        });
                    if !ok {
                        out.push(Finding::error(n, "invalid_image", Some(format!("{path}.image_url.url")), "The image data URL must be data:image/(png|jpeg|webp|gif);base64,<data>."));
                    }
                }
                _ => out.push(Finding::error(n, "invalid_image", Some(format!("{path}.image_url.url")), "An image part needs \"image_url\": {\"url\": \"https://…\" or a base64 data URL}.")),
            }
        }
        Some(other) => out.push(Finding::error(
            n,
            "unknown_content_part",
            Some(format!("{path}.type")),
            format!(
                "Content part type \"{}\" is not \"text\" or \"image_url\".",
                truncate(other, 40)
            ),
        )),
        None => out.push(Finding::error(
            n,
            "unknown_content_part",
            Some(path.to_string()),
            "A content part needs a \"type\".",
        )),
    }
}

fn check_assistant(
    n: usize,
    k: usize,
    path: &str,
    m: &Map<String, Value>,
    call_ids: &mut Vec<String>,
    out: &mut Vec<Finding>,
) {
    if let Some(w) = m.get("weight")
        && !(w.as_f64() == Some(0.0) || w.as_f64() == Some(1.0))
    {
        out.push(Finding::error(
            n,
            "invalid_weight",
            Some(format!("{path}.weight")),
            "\"weight\" must be 0 or 1.",
        ));
    }
    let content_present = match m.get("content") {
        Some(Value::String(s)) => !s.trim().is_empty(),
        Some(Value::Array(a)) => !a.is_empty(),
        _ => false,
    };
    match m.get("tool_calls") {
        None | Some(Value::Null) => {}
        Some(Value::Array(calls)) => {
            if content_present {
                out.push(Finding::warning(n, "content_and_tool_calls", Some(path.to_string()), format!("Assistant message {} has both content and tool calls; some providers reject this.", k + 1)));
            }
            if calls.is_empty() {
                out.push(Finding::error(
                    n,
                    "malformed_tool_call",
                    Some(format!("{path}.tool_calls")),
                    "\"tool_calls\" is an empty list.",
                ));
            }
            for (c, call) in calls.iter().enumerate() {
                let cpath = format!("{path}.tool_calls[{c}]");
                match call.get("id").and_then(Value::as_str) {
                    Some(id) if !id.is_empty() => call_ids.push(id.to_string()),
                    _ => out.push(Finding::error(
                        n,
                        "malformed_tool_call",
                        Some(format!("{cpath}.id")),
                        "A tool call needs a string \"id\".",
                    )),
                }
                let function = call.get("function");
                if function
                    .and_then(|f| f.get("name"))
                    .and_then(Value::as_str)
                    .is_none_or(str::is_empty)
                {
                    out.push(Finding::error(
                        n,
                        "malformed_tool_call",
                        Some(format!("{cpath}.function.name")),
                        "A tool call needs \"function\": {\"name\": …}.",
                    ));
                }
                if !function
                    .and_then(|f| f.get("arguments"))
                    .is_some_and(Value::is_string)
                {
                    out.push(Finding::error(
                        n,
                        "malformed_tool_call",
                        Some(format!("{cpath}.function.arguments")),
                        "\"arguments\" must be a string holding JSON (not an object).",
                    ));
                }
            }
        }
        Some(other) => out.push(Finding::error(
            n,
            "malformed_tool_call",
            Some(format!("{path}.tool_calls")),
            format!("\"tool_calls\" is a {}, not a list.", kind_of(other)),
        )),
    }
}

fn check_strings(
    n: usize,
    object: &Map<String, Value>,
    required: &[&str],
    optional: &[&str],
    out: &mut Vec<Finding>,
) {
    for key in required {
        match object.get(*key) {
            None => out.push(Finding::error(
                n,
                "missing_key",
                Some((*key).into()),
                format!("Missing \"{key}\"."),
            )),
            Some(Value::String(s)) if s.trim().is_empty() => out.push(Finding::error(
                n,
                "empty_value",
                Some((*key).into()),
                format!("\"{key}\" is empty."),
            )),
            Some(Value::String(_)) => {}
            Some(other) => out.push(Finding::error(
                n,
                "wrong_type",
                Some((*key).into()),
                format!("\"{key}\" is a {}, not a string.", kind_of(other)),
            )),
        }
    }
    for key in optional {
        if let Some(v) = object.get(*key)
            && !v.is_string()
        {
            out.push(Finding::error(
                n,
                "wrong_type",
                Some((*key).into()),
                format!("\"{key}\" is a {}, not a string.", kind_of(v)),
            ));
        }
    }
    for key in object.keys() {
        if !required.contains(&key.as_str()) && !optional.contains(&key.as_str()) {
            out.push(Finding::warning(
                n,
                "unknown_top_level_key",
                Some(truncate(key, 60)),
                format!("Unknown key \"{}\" for this format.", truncate(key, 60)),
            ));
        }
    }
}

fn check_sharegpt(n: usize, object: &Map<String, Value>, out: &mut Vec<Finding>) {
    let Some(turns) = object
        .get("conversations")
        .and_then(Value::as_array)
        .filter(|t| !t.is_empty())
    else {
        out.push(Finding::error(
            n,
            "missing_messages_list",
            Some("conversations".into()),
            "\"conversations\" must be a non-empty list of {\"from\", \"value\"} turns.",
        ));
        return;
    };
    let mut has_reply = false;
    for (k, turn) in turns.iter().enumerate() {
        let path = format!("conversations[{k}]");
        let from = turn.get("from").and_then(Value::as_str);
        match from {
            Some("system" | "human" | "user") => {}
            Some("gpt" | "assistant") => has_reply = true,
            Some(other) => out.push(Finding::error(
                n,
                "unrecognized_role",
                Some(format!("{path}.from")),
                format!(
                    "\"from\": \"{}\" is not system, human or gpt.",
                    truncate(other, 40)
                ),
            )),
            None => out.push(Finding::error(
                n,
                "message_missing_key",
                Some(path.clone()),
                format!("Turn {} has no string \"from\".", k + 1),
            )),
        }
        if turn
            .get("value")
            .and_then(Value::as_str)
            .is_none_or(|v| v.trim().is_empty())
        {
            out.push(Finding::error(
                n,
                "empty_content",
                Some(format!("{path}.value")),
                format!("Turn {} has no non-empty \"value\".", k + 1),
            ));
        }
    }
    if !has_reply {
        out.push(Finding::error(
            n,
            "example_missing_assistant_message",
            Some("conversations".into()),
            "No \"gpt\" turn: there is nothing to learn from.",
        ));
    }
}

fn check_preference(n: usize, object: &Map<String, Value>, out: &mut Vec<Finding>) {
    match object.get("input").and_then(Value::as_object) {
        Some(input)
            if input
                .get("messages")
                .and_then(Value::as_array)
                .is_some_and(|m| !m.is_empty()) => {}
        _ => out.push(Finding::error(
            n,
            "missing_messages_list",
            Some("input.messages".into()),
            "A preference example needs \"input\": {\"messages\": [...]}.",
        )),
    }
    for key in ["preferred_output", "non_preferred_output"] {
        let ok = object
            .get(key)
            .and_then(Value::as_array)
            .is_some_and(|msgs| {
                !msgs.is_empty()
                    && msgs.iter().all(|m| {
                        m.get("role").and_then(Value::as_str) == Some("assistant")
                            && m.get("content")
                                .and_then(Value::as_str)
                                .is_some_and(|c| !c.trim().is_empty())
                    })
            });
        if !ok {
            out.push(Finding::error(
                n,
                "missing_content",
                Some(key.into()),
                format!("\"{key}\" must be a list of assistant messages with non-empty content."),
            ));
        }
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
        (r.format, out.iter().map(|f| f.code).collect())
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
            "empty_content",
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
                prop_assert!(f.line >= 1 && f.line <= count && !f.message.is_empty());
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
