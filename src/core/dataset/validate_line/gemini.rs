//! Vertex AI Gemini supervised-tuning examples: `contents` of
//! `{role: user|model, parts: [{text} | {fileData} | …]}`, an optional
//! `systemInstruction` (`{parts: [{text}]}`, its role ignored) and optional
//! `tools`. Rules from Google's "Prepare supervised fine-tuning data for
//! Gemini models" page (see `data/providers.json`, entry `vertex`).
//!
//! Codes: the notebook's where the case is the same (`data_type`,
//! `missing_messages_list`, `message_missing_key`,
//! `message_unrecognized_key`, `unrecognized_role`, `missing_content`,
//! `example_missing_assistant_message`), plus `first_turn_not_user`,
//! `consecutive_same_role`, `not_ending_with_assistant`,
//! `unknown_content_part`, `empty_content` and the provider's unknown-key
//! rule (`key_not_supported` or `unknown_top_level_key`).
//!
//! Architecture invariant: pure; every finding is collected, never panics.

use serde_json::{Map, Value};

use super::{kind_of, truncate, unknown_top_level_keys};
use crate::core::dataset::finding::{Code, Finding};

/// The keys a Vertex AI tuning line may carry.
pub const GEMINI_TOP_KEYS: [&str; 3] = ["contents", "systemInstruction", "tools"];
const CONTENT_KEYS: [&str; 2] = ["role", "parts"];
/// The part kinds Vertex's `Part` union takes in tuning data.
const PART_KINDS: [&str; 5] = [
    "text",
    "fileData",
    "inlineData",
    "functionCall",
    "functionResponse",
];

pub(super) fn check_gemini(n: usize, object: &Map<String, Value>, out: &mut Vec<Finding>) {
    unknown_top_level_keys(n, "vertex", object, &GEMINI_TOP_KEYS, out);
    if let Some(system) = object.get("systemInstruction") {
        match system.as_object() {
            Some(s) => {
                check_parts(n, "systemInstruction", s.get("parts"), out);
                for key in s.keys().filter(|k| !CONTENT_KEYS.contains(&k.as_str())) {
                    out.push(Finding::error(
                        n,
                        Code::MessageUnrecognizedKey,
                        Some(format!("systemInstruction.{}", truncate(key, 40))),
                        format!(
                            "\"systemInstruction\" has an unrecognised key \"{}\"; allowed: role, parts.",
                            truncate(key, 40)
                        ),
                    ));
                }
            }
            None => out.push(Finding::error(
                n,
                Code::DataType,
                Some("systemInstruction".into()),
                format!(
                    "\"systemInstruction\" is a {}; it must be an object such as {{\"parts\": [{{\"text\": \"…\"}}]}}.",
                    kind_of(system)
                ),
            )),
        }
    }
    let contents = match object.get("contents") {
        Some(Value::Array(c)) if !c.is_empty() => c,
        other => {
            let what = match other {
                Some(Value::Array(_)) => "an empty list".to_string(),
                None | Some(Value::Null) => "missing".to_string(),
                Some(v) => format!("a {}", kind_of(v)),
            };
            out.push(Finding::error(
                n,
                Code::MissingMessagesList,
                Some("contents".into()),
                format!("\"contents\" is {what}: it must be a non-empty list of {{\"role\", \"parts\"}} turns."),
            ));
            return;
        }
    };
    let mut previous: Option<&str> = None;
    let mut has_model = false;
    for (k, turn) in contents.iter().enumerate() {
        let path = format!("contents[{k}]");
        let Some(t) = turn.as_object() else {
            out.push(Finding::error(
                n,
                Code::DataType,
                Some(path),
                format!("Turn {} is a {}, not an object.", k + 1, kind_of(turn)),
            ));
            continue;
        };
        for key in t.keys().filter(|k| !CONTENT_KEYS.contains(&k.as_str())) {
            out.push(Finding::error(
                n,
                Code::MessageUnrecognizedKey,
                Some(format!("{path}.{}", truncate(key, 40))),
                format!(
                    "Turn {} has an unrecognised key \"{}\"; allowed: role, parts.",
                    k + 1,
                    truncate(key, 40)
                ),
            ));
        }
        let role = t.get("role").and_then(Value::as_str);
        match (t.get("role"), role) {
            (None, _) => out.push(Finding::error(
                n,
                Code::MessageMissingKey,
                Some(path.clone()),
                format!("Turn {} has no \"role\" (user or model).", k + 1),
            )),
            (_, Some("user" | "model")) => {}
            (_, Some(r)) => {
                let hint = match r {
                    "assistant" => " Gemini calls the reply role \"model\".",
                    "system" => " Put the system prompt in \"systemInstruction\".",
                    _ => "",
                };
                out.push(Finding::error(
                    n,
                    Code::UnrecognizedRole,
                    Some(format!("{path}.role")),
                    format!("Role \"{}\" is not user or model.{hint}", truncate(r, 40)),
                ));
            }
            (Some(_), None) => out.push(Finding::error(
                n,
                Code::UnrecognizedRole,
                Some(format!("{path}.role")),
                "The role must be the string \"user\" or \"model\".",
            )),
        }
        if t.get("parts").is_none() {
            out.push(Finding::error(
                n,
                Code::MessageMissingKey,
                Some(path.clone()),
                format!("Turn {} has no \"parts\".", k + 1),
            ));
        } else {
            check_parts(n, &path, t.get("parts"), out);
        }
        if k == 0 && role.is_some_and(|r| r != "user") {
            out.push(Finding::error(
                n,
                Code::FirstTurnNotUser,
                Some(format!("{path}.role")),
                "The first turn must be the user's: Vertex AI trains the model on replies to user turns.",
            ));
        }
        if let (Some(p), Some(r)) = (previous, role)
            && p == r
            && matches!(r, "user" | "model")
        {
            out.push(Finding::warning(
                n,
                Code::ConsecutiveSameRole,
                Some(path.clone()),
                format!("Turns {k} and {} are both \"{r}\"; user and model turns should alternate: merge them.", k + 1),
            ));
        }
        has_model |= role == Some("model");
        previous = role.or(previous);
    }
    if !has_model {
        out.push(Finding::error(
            n,
            Code::ExampleMissingAssistantMessage,
            Some("contents".into()),
            "No \"model\" turn: there is nothing to learn from. Add the reply the model should give.",
        ));
    } else if previous != Some("model") {
        out.push(Finding::warning(
            n,
            Code::NotEndingWithAssistant,
            Some("contents".into()),
            "The example does not end with a \"model\" turn; the final user turn is not trained on.",
        ));
    }
}

fn check_parts(n: usize, path: &str, parts: Option<&Value>, out: &mut Vec<Finding>) {
    let field = Some(format!("{path}.parts"));
    let parts = match parts {
        Some(Value::Array(p)) if !p.is_empty() => p,
        Some(Value::Array(_)) => {
            out.push(Finding::error(
                n,
                Code::MissingContent,
                field,
                "\"parts\" is empty: each turn needs at least one part such as {\"text\": \"…\"}.",
            ));
            return;
        }
        None => {
            out.push(Finding::error(
                n,
                Code::MessageMissingKey,
                field,
                "No \"parts\": add [{\"text\": \"…\"}].",
            ));
            return;
        }
        Some(other) => {
            out.push(Finding::error(
                n,
                Code::MissingContent,
                field,
                format!(
                    "\"parts\" is a {}; it must be a list of parts such as {{\"text\": \"…\"}}.",
                    kind_of(other)
                ),
            ));
            return;
        }
    };
    for (p, part) in parts.iter().enumerate() {
        let ppath = format!("{path}.parts[{p}]");
        let Some(obj) = part.as_object() else {
            out.push(Finding::error(
                n,
                Code::DataType,
                Some(ppath),
                format!("Part {} is a {}, not an object.", p + 1, kind_of(part)),
            ));
            continue;
        };
        let kinds: Vec<&str> = obj
            .keys()
            .map(String::as_str)
            .filter(|k| PART_KINDS.contains(k))
            .collect();
        match kinds.as_slice() {
            ["text"] => match obj.get("text") {
                Some(Value::String(s)) if !s.trim().is_empty() => {}
                Some(Value::String(_)) => out.push(Finding::error(
                    n,
                    Code::EmptyContent,
                    Some(format!("{ppath}.text")),
                    "A text part needs non-empty \"text\".",
                )),
                _ => out.push(Finding::error(
                    n,
                    Code::MissingContent,
                    Some(format!("{ppath}.text")),
                    "\"text\" must be a string.",
                )),
            },
            ["fileData"] => {
                let ok = ["mimeType", "fileUri"].iter().all(|k| {
                    obj.get("fileData")
                        .and_then(|f| f.get(*k))
                        .and_then(Value::as_str)
                        .is_some_and(|v| !v.is_empty())
                });
                if !ok {
                    out.push(Finding::error(
                        n,
                        Code::UnknownContentPart,
                        Some(format!("{ppath}.fileData")),
                        "A file part needs \"fileData\": {\"mimeType\": …, \"fileUri\": \"gs://…\"}.",
                    ));
                }
            }
            [_] => {}
            [] => out.push(Finding::error(
                n,
                Code::UnknownContentPart,
                Some(ppath),
                format!(
                    "Part {} has none of text, fileData, inlineData, functionCall, functionResponse (keys {}).",
                    p + 1,
                    super::key_list(obj)
                ),
            )),
            _ => out.push(Finding::error(
                n,
                Code::UnknownContentPart,
                Some(ppath),
                format!(
                    "Part {} holds {}: a part carries exactly one kind of data; split it.",
                    p + 1,
                    kinds.join(" and ")
                ),
            )),
        }
    }
}
