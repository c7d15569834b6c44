//! OpenAI preference (DPO) examples: `input`, `preferred_output`,
//! `non_preferred_output`.
//!
//! Architecture invariant: pure; every finding is collected, never panics.

use serde_json::{Map, Value};

use crate::core::dataset::finding::{Code, Finding};

pub(super) fn check_preference(n: usize, object: &Map<String, Value>, out: &mut Vec<Finding>) {
    match object.get("input").and_then(Value::as_object) {
        Some(input)
            if input
                .get("messages")
                .and_then(Value::as_array)
                .is_some_and(|m| !m.is_empty()) => {}
        _ => out.push(Finding::error(
            n,
            Code::MissingMessagesList,
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
                Code::MissingContent,
                Some(key.into()),
                format!("\"{key}\" must be a list of assistant messages with non-empty content."),
            ));
        }
    }
}
