//! One-click conversions: any recognised format to OpenAI chat, and a JSON
//! array or pretty-printed JSON document to JSONL.
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

/// A JSON array of objects, or JSON objects spread over several lines
/// (pretty-printed, one after another), as JSONL: one object per line.
pub fn document_to_jsonl(bytes: &[u8]) -> Result<String, String> {
    let text = std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes))
        .map_err(|e| format!("The file is not UTF-8 (byte {}).", e.valid_up_to() + 1))?;
    let mut out = String::new();
    let mut push = |v: &Value| {
        out.push_str(&v.to_string());
        out.push('\n');
    };
    if text.trim_start().starts_with('[') {
        let value: Value = serde_json::from_str(text).map_err(|e| {
            format!(
                "The JSON array is not valid JSON: {e} (line {}, column {}).",
                e.line(),
                e.column()
            )
        })?;
        for item in value.as_array().into_iter().flatten() {
            push(item);
        }
    } else {
        for value in serde_json::Deserializer::from_str(text).into_iter::<Value>() {
            let value = value.map_err(|e| {
                format!(
                    "The JSON is not valid: {e} (line {}, column {}).",
                    e.line(),
                    e.column()
                )
            })?;
            push(&value);
        }
    }
    Ok(out)
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

    #[test]
    fn documents_become_jsonl() {
        assert_eq!(
            document_to_jsonl(b"[{\"a\":1},\n {\"b\":2}]").unwrap(),
            "{\"a\":1}\n{\"b\":2}\n"
        );
        assert_eq!(
            document_to_jsonl(b"{\n \"a\": 1\n}\n{\n \"b\": [1,\n 2]\n}\n").unwrap(),
            "{\"a\":1}\n{\"b\":[1,2]}\n"
        );
        let err = document_to_jsonl(b"[{\"a\":1},").unwrap_err();
        assert!(err.contains("line 1"), "{err}");
        assert!(document_to_jsonl(b"\xff\xfe").is_err());
    }
}
