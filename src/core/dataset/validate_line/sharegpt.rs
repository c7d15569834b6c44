//! ShareGPT examples: `conversations` of `from` / `value` turns.
//!
//! Architecture invariant: pure; every finding is collected, never panics.

use serde_json::{Map, Value};

use super::truncate;
use crate::core::dataset::finding::{Code, Finding};

pub(super) fn check_sharegpt(n: usize, object: &Map<String, Value>, out: &mut Vec<Finding>) {
    let Some(turns) = object
        .get("conversations")
        .and_then(Value::as_array)
        .filter(|t| !t.is_empty())
    else {
        out.push(Finding::error(
            n,
            Code::MissingMessagesList,
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
                Code::UnrecognizedRole,
                Some(format!("{path}.from")),
                format!(
                    "\"from\": \"{}\" is not system, human or gpt.",
                    truncate(other, 40)
                ),
            )),
            None => out.push(Finding::error(
                n,
                Code::MessageMissingKey,
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
                Code::MissingContent,
                Some(format!("{path}.value")),
                format!("Turn {} has no non-empty \"value\".", k + 1),
            ));
        }
    }
    if !has_reply {
        out.push(Finding::error(
            n,
            Code::ExampleMissingAssistantMessage,
            Some("conversations".into()),
            "No \"gpt\" turn: there is nothing to learn from.",
        ));
    }
}
