//! Amazon Bedrock's chat format for fine-tuning Claude (Claude 3 Haiku):
//! `{"system": "…", "messages": [{"role": "user"|"assistant", "content":
//! "…"}, …]}`. The system field is optional; there are at least two
//! messages; the first is the user's, the last the assistant's; user and
//! assistant alternate; no other keys are allowed (see `data/providers.json`,
//! entry `bedrock`).
//!
//! Codes: the notebook's where the case is the same (`data_type`,
//! `missing_messages_list`, `message_missing_key`,
//! `message_unrecognized_key`, `unrecognized_role`, `missing_content`,
//! `example_missing_assistant_message`), plus `first_turn_not_user`,
//! `turns_not_alternating`, `last_turn_not_assistant` and the provider's
//! unknown-key rule (`key_not_supported`: Bedrock rejects extra keys).
//!
//! Architecture invariant: pure; every finding is collected, never panics.

use serde_json::{Map, Value};

use super::{kind_of, truncate, unknown_top_level_keys};
use crate::core::dataset::finding::{Code, Finding};

/// The keys a Bedrock Claude line may carry.
pub const BEDROCK_TOP_KEYS: [&str; 2] = ["system", "messages"];
const MESSAGE_KEYS: [&str; 2] = ["role", "content"];

pub(super) fn check_bedrock(n: usize, object: &Map<String, Value>, out: &mut Vec<Finding>) {
    unknown_top_level_keys(n, "bedrock", object, &BEDROCK_TOP_KEYS, out);
    if let Some(system) = object.get("system").filter(|s| !s.is_string()) {
        out.push(Finding::error(
            n,
            Code::DataType,
            Some("system".into()),
            format!(
                "\"system\" is a {}; Bedrock takes the system prompt as one string.",
                kind_of(system)
            ),
        ));
    }
    let messages = match object.get("messages") {
        Some(Value::Array(m)) if !m.is_empty() => m,
        other => {
            let what = match other {
                Some(Value::Array(_)) => "an empty list".to_string(),
                None | Some(Value::Null) => "missing".to_string(),
                Some(v) => format!("a {}", kind_of(v)),
            };
            out.push(Finding::error(
                n,
                Code::MissingMessagesList,
                Some("messages".into()),
                format!(
                    "\"messages\" is {what}: it must list at least a user and an assistant message."
                ),
            ));
            return;
        }
    };
    let mut previous: Option<&str> = None;
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
        for key in m.keys().filter(|k| !MESSAGE_KEYS.contains(&k.as_str())) {
            out.push(Finding::error(
                n,
                Code::MessageUnrecognizedKey,
                Some(format!("{path}.{}", truncate(key, 40))),
                format!(
                    "Message {} has an unrecognised key \"{}\"; Bedrock allows only role and content.",
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
        match (m.get("role"), role) {
            (None, _) | (_, Some("user" | "assistant")) => {}
            (_, Some(r)) => {
                let hint = if r == "system" {
                    " Put the system prompt in the top-level \"system\" string."
                } else {
                    ""
                };
                out.push(Finding::error(
                    n,
                    Code::UnrecognizedRole,
                    Some(format!("{path}.role")),
                    format!(
                        "Role \"{}\" is not user or assistant.{hint}",
                        truncate(r, 40)
                    ),
                ));
            }
            (Some(_), None) => out.push(Finding::error(
                n,
                Code::UnrecognizedRole,
                Some(format!("{path}.role")),
                "The role must be the string \"user\" or \"assistant\".",
            )),
        }
        match m.get("content") {
            None => {}
            Some(Value::String(s)) if !s.trim().is_empty() => {}
            Some(Value::String(_)) => out.push(Finding::error(
                n,
                Code::MissingContent,
                Some(format!("{path}.content")),
                format!("Message {} has empty content.", k + 1),
            )),
            Some(other) => out.push(Finding::error(
                n,
                Code::MissingContent,
                Some(format!("{path}.content")),
                format!(
                    "Message {} content is a {}; Bedrock's Claude format takes a string.",
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
            out.push(Finding::error(
                n,
                Code::TurnsNotAlternating,
                Some(path.clone()),
                format!("Messages {k} and {} are both \"{r}\"; Bedrock needs user and assistant to alternate: merge them.", k + 1),
            ));
        }
        has_assistant |= role == Some("assistant");
        previous = role.or(previous);
    }
    if !has_assistant {
        out.push(Finding::error(
            n,
            Code::ExampleMissingAssistantMessage,
            Some("messages".into()),
            "No assistant message: Bedrock needs at least a user and an assistant message.",
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
