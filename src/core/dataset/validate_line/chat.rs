//! OpenAI chat examples: `messages` with roles, content (text or parts),
//! names, weights and tool calls, with the notebook's error codes.
//!
//! Architecture invariant: pure; every finding is collected, never panics.

use serde_json::{Map, Value};

use super::{kind_of, truncate};
use crate::core::dataset::finding::{Code, Finding};

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
pub const CHAT_TOP_KEYS: [&str; 5] = [
    "messages",
    "tools",
    "functions",
    "parallel_tool_calls",
    "metadata",
];

pub(super) fn check_chat(n: usize, object: &Map<String, Value>, out: &mut Vec<Finding>) {
    for key in object.keys() {
        if !CHAT_TOP_KEYS.contains(&key.as_str()) {
            out.push(Finding::warning(
                n,
                Code::UnknownTopLevelKey,
                Some(truncate(key, 60)),
                format!("Unknown key \"{}\" next to \"messages\": no chat format defines it, and providers that check keys reject the line. Remove it.", truncate(key, 60)),
            ));
        }
    }
    let messages = match object.get("messages") {
        Some(Value::Array(m)) if !m.is_empty() => m,
        Some(Value::Array(_)) | None | Some(Value::Null) => {
            out.push(Finding::error(
                n,
                Code::MissingMessagesList,
                Some("messages".into()),
                "The example has no messages: \"messages\" must be a non-empty list.",
            ));
            return;
        }
        Some(other) => {
            out.push(Finding::error(
                n,
                Code::MissingMessagesList,
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
                Code::DataType,
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
                Code::MessageMissingKey,
                Some(path.clone()),
                format!("Message {} has no \"{missing}\".", k + 1),
            ));
        }
        // Once per message, as the notebook counts it, naming every key.
        let unknown: Vec<String> = m
            .keys()
            .filter(|key| !MESSAGE_KEYS.contains(&key.as_str()))
            .map(|key| format!("\"{}\"", truncate(key, 40)))
            .collect();
        if let Some(first) = unknown.first() {
            let shown = unknown
                .iter()
                .take(5)
                .cloned()
                .collect::<Vec<_>>()
                .join(", ");
            let more = if unknown.len() > 5 { ", …" } else { "" };
            out.push(Finding::error(
                n,
                Code::MessageUnrecognizedKey,
                Some(format!("{path}.{}", first.trim_matches('"'))),
                format!("Message {} has {} {shown}{more}; allowed: role, content, name, weight, tool_calls, tool_call_id.", k + 1, if unknown.len() == 1 { "an unrecognised key" } else { "unrecognised keys" }),
            ));
        }
        match role {
            Some(r) if ROLES.contains(&r) => {}
            Some(r) => out.push(Finding::error(
                n,
                Code::UnrecognizedRole,
                Some(format!("{path}.role")),
                format!(
                    "Role \"{}\" is not one of system, user, assistant, tool.",
                    truncate(r, 40)
                ),
            )),
            None if m.get("role").is_some() => out.push(Finding::error(
                n,
                Code::UnrecognizedRole,
                Some(format!("{path}.role")),
                "The role must be a string.",
            )),
            // The notebook counts a missing role as unrecognised too.
            None => out.push(Finding::error(
                n,
                Code::UnrecognizedRole,
                Some(format!("{path}.role")),
                format!(
                    "Message {} has no role: give it one of system, user, assistant, tool.",
                    k + 1
                ),
            )),
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
                Code::InvalidWeight,
                Some(format!("{path}.weight")),
                "Only assistant messages may carry a \"weight\".",
            ));
        }
        if role == Some("tool") {
            match m.get("tool_call_id").and_then(Value::as_str) {
                Some(id) if call_ids.iter().any(|c| c == id) => {}
                Some(id) => out.push(Finding::error(
                    n,
                    Code::UnknownToolCallId,
                    Some(format!("{path}.tool_call_id")),
                    format!("Tool message answers call \"{}\", but no earlier assistant message made that call.", truncate(id, 60)),
                )),
                None => out.push(Finding::error(n, Code::UnknownToolCallId, Some(format!("{path}.tool_call_id")), "A tool message needs the \"tool_call_id\" of the call it answers.")),
            }
        }
        if let (Some(prev), Some(r)) = (previous_role, role)
            && prev == r
            && r != "tool"
        {
            out.push(Finding::warning(
                n,
                Code::ConsecutiveSameRole,
                Some(path.clone()),
                format!("Messages {} and {} are both \"{r}\"; other providers' validators reject this: merge them.", k, k + 1),
            ));
        }
        if k == 0 && !matches!(role, Some("system" | "developer" | "user")) {
            out.push(Finding::warning(
                n,
                Code::BadFirstRole,
                Some(path.clone()),
                "The conversation should start with a system or user message.",
            ));
        }
        previous_role = role.or(previous_role);
    }
    if systems > 1 {
        out.push(Finding::warning(
            n,
            Code::MultipleSystemMessages,
            Some("messages".into()),
            format!("{systems} system messages; most providers expect at most one, first."),
        ));
    }
    if !has_assistant {
        out.push(Finding::error(n, Code::ExampleMissingAssistantMessage, Some("messages".into()), "No assistant message: there is nothing to learn from. Add the reply the model should give."));
    } else if previous_role != Some("assistant") {
        out.push(Finding::warning(n, Code::NotEndingWithAssistant, Some("messages".into()), "The conversation does not end with an assistant message; the final turns are not trained on."));
    }
}

pub(super) fn check_content(
    n: usize,
    k: usize,
    path: &str,
    m: &Map<String, Value>,
    has_calls: bool,
    out: &mut Vec<Finding>,
) {
    let field = Some(format!("{path}.content"));
    match m.get("content") {
        // Also `message_missing_key` (reported by the caller): the notebook
        // counts both.
        None if !has_calls => out.push(Finding::error(
            n,
            Code::MissingContent,
            field,
            format!("Message {} has no content: add its text.", k + 1),
        )),
        None => {}
        Some(Value::Null) if !has_calls => out.push(Finding::error(
            n,
            Code::MissingContent,
            field,
            format!("Message {} has null content.", k + 1),
        )),
        Some(Value::String(s)) if s.trim().is_empty() && !has_calls => out.push(Finding::error(
            n,
            Code::MissingContent,
            field,
            format!("Message {} has empty content: write its text (an empty content is the notebook's missing_content).", k + 1),
        )),
        Some(Value::Null) => {}
        Some(Value::String(_)) => {}
        Some(Value::Array(parts)) => {
            if parts.is_empty() {
                out.push(Finding::error(
                    n,
                    Code::MissingContent,
                    field,
                    format!("Message {} has an empty list of content parts: add a text part.", k + 1),
                ));
            }
            for (p, part) in parts.iter().enumerate() {
                check_part(n, &format!("{path}.content[{p}]"), part, out);
            }
        }
        Some(other) => out.push(Finding::error(
            n,
            Code::MissingContent,
            field,
            format!(
                "Message {} content is a {}; it must be a string or a list of content parts.",
                k + 1,
                kind_of(other)
            ),
        )),
    }
}

pub(super) fn check_part(n: usize, path: &str, part: &Value, out: &mut Vec<Finding>) {
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
                    Code::MissingContent,
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
                        out.push(Finding::error(n, Code::InvalidImage, Some(format!("{path}.image_url.url")), "The image data URL must be data:image/(png|jpeg|webp|gif);base64,<data>."));
                    }
                }
                _ => out.push(Finding::error(n, Code::InvalidImage, Some(format!("{path}.image_url.url")), "An image part needs \"image_url\": {\"url\": \"https://…\" or a base64 data URL}.")),
            }
        }
        Some(other) => out.push(Finding::error(
            n,
            Code::UnknownContentPart,
            Some(format!("{path}.type")),
            format!(
                "Content part type \"{}\" is not \"text\" or \"image_url\".",
                truncate(other, 40)
            ),
        )),
        None => out.push(Finding::error(
            n,
            Code::UnknownContentPart,
            Some(path.to_string()),
            "A content part needs a \"type\".",
        )),
    }
}

pub(super) fn check_assistant(
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
            Code::InvalidWeight,
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
                out.push(Finding::warning(n, Code::ContentAndToolCalls, Some(path.to_string()), format!("Assistant message {} has both content and tool calls; some providers reject this.", k + 1)));
            }
            if calls.is_empty() {
                out.push(Finding::error(
                    n,
                    Code::MalformedToolCall,
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
                        Code::MalformedToolCall,
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
                        Code::MalformedToolCall,
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
                        Code::MalformedToolCall,
                        Some(format!("{cpath}.function.arguments")),
                        "\"arguments\" must be a string holding JSON (not an object).",
                    ));
                }
            }
        }
        Some(other) => out.push(Finding::error(
            n,
            Code::MalformedToolCall,
            Some(format!("{path}.tool_calls")),
            format!("\"tool_calls\" is a {}, not a list.", kind_of(other)),
        )),
    }
}
