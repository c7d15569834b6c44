//! Amazon Nova's conversation format for Bedrock fine-tuning:
//! `{"schemaVersion": "bedrock-conversation-2024", "system": [{"text": …}],
//! "messages": [{"role": "user"|"assistant", "content": [{"text": …} |
//! {"image": …} | {"video": …}]}]}`. Rules from AWS's "Prepare data for
//! fine-tuning Understanding models" (Amazon Nova user guide): system is
//! optional; roles are user and assistant; the first turn is the user's and
//! the last the assistant's; `User:`, `Bot:`, `Assistant:`, `System:`,
//! `<image>`, `<video>` and `[EOS]` are reserved and fail the job; one
//! sample holds at most one video (see `data/providers.json`, entry
//! `bedrock-nova`).
//!
//! Codes: the notebook's where the case is the same, plus
//! `first_turn_not_user`, `last_turn_not_assistant`, `consecutive_same_role`
//! (a warning: alternation is not documented), `reserved_keyword`,
//! `unknown_content_part`, `empty_content` and the provider's unknown-key
//! rule.
//!
//! Architecture invariant: pure; every finding is collected, never panics.

use serde_json::{Map, Value};

use super::{kind_of, truncate, unknown_top_level_keys};
use crate::core::dataset::finding::{Code, Finding};

/// The keys a Nova line may carry.
pub const NOVA_TOP_KEYS: [&str; 3] = ["schemaVersion", "system", "messages"];
const MESSAGE_KEYS: [&str; 2] = ["role", "content"];
const PART_KINDS: [&str; 3] = ["text", "image", "video"];
/// Terms a prompt may not hold (the job fails on them).
const RESERVED: [&str; 7] = [
    "User:",
    "Bot:",
    "Assistant:",
    "System:",
    "<image>",
    "<video>",
    "[EOS]",
];

fn reserved(n: usize, path: &str, text: &str, out: &mut Vec<Finding>) {
    if let Some(word) = RESERVED.iter().find(|w| text.contains(**w)) {
        out.push(Finding::error(
            n,
            Code::ReservedKeyword,
            Some(path.to_string()),
            format!("The prompt holds \"{word}\", a term Nova reserves: the training job fails on it. Reword it."),
        ));
    }
}

pub(super) fn check_nova(n: usize, object: &Map<String, Value>, out: &mut Vec<Finding>) {
    unknown_top_level_keys(n, "bedrock-nova", object, &NOVA_TOP_KEYS, out);
    match object.get("schemaVersion") {
        Some(Value::String(_)) | None => {}
        Some(other) => out.push(Finding::error(
            n,
            Code::DataType,
            Some("schemaVersion".into()),
            format!(
                "\"schemaVersion\" is a {}; it must be a string such as \"bedrock-conversation-2024\".",
                kind_of(other)
            ),
        )),
    }
    match object.get("system") {
        None => {}
        Some(Value::Array(parts)) => {
            for (p, part) in parts.iter().enumerate() {
                let path = format!("system[{p}].text");
                match part.get("text").and_then(Value::as_str) {
                    Some(t) if !t.trim().is_empty() => reserved(n, &path, t, out),
                    _ => out.push(Finding::error(
                        n,
                        Code::MissingContent,
                        Some(path),
                        "Each system entry needs a non-empty \"text\".",
                    )),
                }
            }
        }
        Some(other) => out.push(Finding::error(
            n,
            Code::DataType,
            Some("system".into()),
            format!(
                "\"system\" is a {}; Nova takes a list such as [{{\"text\": \"…\"}}].",
                kind_of(other)
            ),
        )),
    }
    let messages = match object.get("messages") {
        Some(Value::Array(m)) if !m.is_empty() => m,
        _ => {
            out.push(Finding::error(
                n,
                Code::MissingMessagesList,
                Some("messages".into()),
                "\"messages\" must be a non-empty list of {\"role\", \"content\"} turns.",
            ));
            return;
        }
    };
    let (mut previous, mut has_assistant, mut videos) = (None::<&str>, false, 0);
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
        for key in m.keys().filter(|k| !MESSAGE_KEYS.contains(&k.as_str())) {
            out.push(Finding::error(
                n,
                Code::MessageUnrecognizedKey,
                Some(format!("{path}.{}", truncate(key, 40))),
                format!(
                    "Message {} has an unrecognised key \"{}\"; allowed: role, content.",
                    k + 1,
                    truncate(key, 40)
                ),
            ));
        }
        for key in MESSAGE_KEYS.iter().filter(|k| !m.contains_key(**k)) {
            out.push(Finding::error(
                n,
                Code::MessageMissingKey,
                Some(path.clone()),
                format!("Message {} has no \"{key}\".", k + 1),
            ));
        }
        let role = m.get("role").and_then(Value::as_str);
        if m.get("role").is_some() && !matches!(role, Some("user" | "assistant")) {
            out.push(Finding::error(
                n,
                Code::UnrecognizedRole,
                Some(format!("{path}.role")),
                format!(
                    "Role {} is not user or assistant (the system prompt goes in \"system\").",
                    role.map_or("(not a string)".to_string(), |r| format!(
                        "\"{}\"",
                        truncate(r, 40)
                    ))
                ),
            ));
        }
        match m.get("content") {
            None => {}
            Some(Value::Array(parts)) if !parts.is_empty() => {
                for (p, part) in parts.iter().enumerate() {
                    let ppath = format!("{path}.content[{p}]");
                    let kinds: Vec<&str> = part
                        .as_object()
                        .map(|o| {
                            o.keys()
                                .map(String::as_str)
                                .filter(|k| PART_KINDS.contains(k))
                                .collect()
                        })
                        .unwrap_or_default();
                    match kinds.as_slice() {
                        ["text"] => match part.get("text").and_then(Value::as_str) {
                            Some(t) if !t.trim().is_empty() => {
                                if role == Some("user") {
                                    reserved(n, &format!("{ppath}.text"), t, out);
                                }
                            }
                            _ => out.push(Finding::error(
                                n,
                                Code::EmptyContent,
                                Some(format!("{ppath}.text")),
                                "A text part needs non-empty \"text\".",
                            )),
                        },
                        ["video"] => videos += 1,
                        ["image"] => {}
                        _ => out.push(Finding::error(
                            n,
                            Code::UnknownContentPart,
                            Some(ppath),
                            "A content part holds exactly one of text, image, video.",
                        )),
                    }
                }
            }
            Some(Value::Array(_)) => out.push(Finding::error(
                n,
                Code::MissingContent,
                Some(format!("{path}.content")),
                format!("Message {} has an empty content list.", k + 1),
            )),
            Some(other) => out.push(Finding::error(
                n,
                Code::MissingContent,
                Some(format!("{path}.content")),
                format!(
                    "Message {} content is a {}; Nova takes a list such as [{{\"text\": \"…\"}}].",
                    k + 1,
                    kind_of(other)
                ),
            )),
        }
        if k == 0 && role.is_some_and(|r| r != "user") {
            out.push(Finding::error(
                n,
                Code::FirstTurnNotUser,
                Some(format!("{path}.role")),
                "The first message must be from the user.",
            ));
        }
        if let (Some(p), Some(r)) = (previous, role)
            && p == r
            && matches!(r, "user" | "assistant")
        {
            out.push(Finding::warning(
                n,
                Code::ConsecutiveSameRole,
                Some(path.clone()),
                format!("Messages {k} and {} are both \"{r}\"; merge them.", k + 1),
            ));
        }
        has_assistant |= role == Some("assistant");
        previous = role.or(previous);
    }
    if videos > 1 {
        out.push(Finding::error(
            n,
            Code::UnknownContentPart,
            Some("messages".into()),
            format!("{videos} videos in one sample; Nova takes at most one."),
        ));
    }
    if !has_assistant {
        out.push(Finding::error(
            n,
            Code::ExampleMissingAssistantMessage,
            Some("messages".into()),
            "No assistant message: there is nothing to learn from.",
        ));
    } else if previous != Some("assistant") {
        out.push(Finding::error(
            n,
            Code::LastTurnNotAssistant,
            Some("messages".into()),
            "The last message must be from the assistant.",
        ));
    }
}
