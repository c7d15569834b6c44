//! One-click conversion of any recognised format to OpenAI chat (a JSON
//! array, pretty-printed JSON or a table becomes JSONL in `export.rs`,
//! streamed through `example_source.rs`).
//!
//! Architecture invariant: pure, no UI imports; never panics on any input.

use serde_json::{Value, json};

use crate::core::dataset::validate_line::Format;

fn message(role: &str, content: &str) -> Value {
    json!({ "role": role, "content": content })
}

fn text<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key).and_then(Value::as_str).unwrap_or("")
}

/// The example as OpenAI chat (`{"messages": [...]}`), or `None` when it
/// lacks what a chat example needs (the validator reports why).
pub fn to_chat(format: Format, v: &Value) -> Option<Value> {
    let messages: Vec<Value> = match format {
        Format::Chat => return Some(v.clone()),
        Format::Preference => {
            let mut m = v.pointer("/input/messages")?.as_array()?.clone();
            m.extend(v.get("preferred_output")?.as_array()?.iter().cloned());
            m
        }
        Format::PromptCompletion => {
            vec![
                message("user", text(v, "prompt")),
                message("assistant", text(v, "completion")),
            ]
        }
        Format::Alpaca => {
            let (instruction, input) = (text(v, "instruction"), text(v, "input"));
            let user = if input.trim().is_empty() {
                instruction.to_string()
            } else {
                format!("{instruction}\n\n{input}")
            };
            vec![
                message("user", &user),
                message("assistant", text(v, "output")),
            ]
        }
        Format::InputOutput => {
            vec![
                message("user", text(v, "input")),
                message("assistant", text(v, "output")),
            ]
        }
        Format::ShareGpt => v
            .get("conversations")?
            .as_array()?
            .iter()
            .map(|turn| {
                let role = match text(turn, "from") {
                    "human" | "user" => "user",
                    "gpt" | "assistant" | "model" => "assistant",
                    "system" => "system",
                    "tool" | "function_response" | "observation" => "tool",
                    _ => return None,
                };
                Some(message(role, text(turn, "value")))
            })
            .collect::<Option<Vec<Value>>>()?,
    };
    let has_reply = messages.iter().any(|m| {
        m.get("role").and_then(Value::as_str) == Some("assistant")
            && !text(m, "content").trim().is_empty()
    });
    has_reply.then(|| json!({ "messages": messages }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> Value {
        serde_json::from_str(s).unwrap()
    }

    #[test]
    fn every_format_becomes_chat() {
        let alpaca = to_chat(
            Format::Alpaca,
            &v(r#"{"instruction":"Sum","input":"2 2","output":"4"}"#),
        )
        .unwrap();
        assert_eq!(alpaca["messages"][0]["content"], "Sum\n\n2 2");
        assert_eq!(alpaca["messages"][1]["role"], "assistant");
        let share = to_chat(
            Format::ShareGpt,
            &v(r#"{"conversations":[{"from":"system","value":"S"},{"from":"human","value":"Hi"},{"from":"gpt","value":"Yo"}]}"#),
        )
        .unwrap();
        assert_eq!(share["messages"].as_array().unwrap().len(), 3);
        assert!(
            to_chat(
                Format::ShareGpt,
                &v(r#"{"conversations":[{"from":"alien","value":"?"}]}"#)
            )
            .is_none()
        );
        let pc = to_chat(
            Format::PromptCompletion,
            &v(r#"{"prompt":"p","completion":""}"#),
        );
        assert!(pc.is_none(), "no reply, no example");
        let pref = to_chat(
            Format::Preference,
            &v(r#"{"input":{"messages":[{"role":"user","content":"q"}]},"preferred_output":[{"role":"assistant","content":"good"}],"non_preferred_output":[{"role":"assistant","content":"bad"}]}"#),
        )
        .unwrap();
        assert_eq!(pref["messages"][1]["content"], "good");
    }
}
