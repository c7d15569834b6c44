//! One-click conversions: any recognised format to OpenAI chat, and OpenAI
//! chat to the providers' own formats (Vertex AI Gemini, Bedrock Claude
//! chat, Amazon Nova; [`from_chat`]). A JSON array, pretty-printed JSON or
//! a table becomes JSONL in `export.rs`, streamed through
//! `example_source.rs`.
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
        Format::Gemini => gemini_to_messages(v)?,
        Format::Bedrock => {
            let mut m = Vec::new();
            if let Some(system) = v.get("system").and_then(Value::as_str) {
                m.push(message("system", system));
            }
            for turn in v.get("messages")?.as_array()? {
                let role = match turn.get("role")?.as_str()? {
                    r @ ("user" | "assistant") => r,
                    _ => return None,
                };
                m.push(message(role, turn.get("content")?.as_str()?));
            }
            m
        }
        Format::Nova => {
            let texts = |parts: &Value| -> Option<String> {
                let t: Option<Vec<&str>> = parts
                    .as_array()?
                    .iter()
                    .map(|p| p.get("text").and_then(Value::as_str))
                    .collect();
                Some(t?.concat())
            };
            let mut m = Vec::new();
            if let Some(system) = v.get("system") {
                m.push(message("system", &texts(system)?));
            }
            for turn in v.get("messages")?.as_array()? {
                let role = match turn.get("role")?.as_str()? {
                    r @ ("user" | "assistant") => r,
                    _ => return None,
                };
                m.push(message(role, &texts(turn.get("content")?)?));
            }
            m
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

/// The texts of Gemini parts, joined; `None` when a part is not text (a
/// file or a function call has no place in a chat message's string).
fn gemini_text(content: &Value) -> Option<String> {
    let parts = content.get("parts")?.as_array()?;
    let texts: Option<Vec<&str>> = parts
        .iter()
        .map(|p| p.get("text").and_then(Value::as_str))
        .collect();
    Some(texts?.concat())
}

fn gemini_to_messages(v: &Value) -> Option<Vec<Value>> {
    let mut m = Vec::new();
    if let Some(system) = v.get("systemInstruction") {
        m.push(message("system", &gemini_text(system)?));
    }
    for turn in v.get("contents")?.as_array()? {
        let role = match turn.get("role").and_then(Value::as_str)? {
            "user" => "user",
            "model" => "assistant",
            _ => return None,
        };
        m.push(message(role, &gemini_text(turn)?));
    }
    Some(m)
}

/// A chat message's text: its string content, or its text parts joined;
/// `None` for images, tool calls and anything else with no text form.
fn chat_text(m: &Value) -> Option<String> {
    match m.get("content")? {
        Value::String(s) => Some(s.clone()),
        Value::Array(parts) => parts
            .iter()
            .map(|p| {
                (p.get("type").and_then(Value::as_str) == Some("text"))
                    .then(|| p.get("text").and_then(Value::as_str))
                    .flatten()
            })
            .collect::<Option<Vec<&str>>>()
            .map(|t| t.concat()),
        _ => None,
    }
}

/// An OpenAI chat example (`{"messages": [...]}`) in a provider's own
/// format (`Format::Gemini` or `Format::Bedrock`; `Format::Chat` returns
/// it unchanged). System (and developer) messages become the format's
/// system field, joined by a blank line; user and assistant turns keep
/// their order (Gemini calls the assistant "model"). `None` when the
/// example holds what the target cannot carry: tool calls or tool
/// messages, images, names, or no reply. Per-message weights are dropped
/// (neither target has them).
pub fn from_chat(target: Format, chat: &Value) -> Option<Value> {
    if target == Format::Chat {
        return Some(chat.clone());
    }
    let mut system: Vec<String> = Vec::new();
    let mut turns: Vec<(&str, String)> = Vec::new();
    for m in chat.get("messages")?.as_array()? {
        if m.get("tool_calls").is_some_and(|c| !c.is_null())
            || m.get("function_call").is_some_and(|c| !c.is_null())
            || m.get("name").is_some()
        {
            return None;
        }
        let text = chat_text(m)?;
        match m.get("role")?.as_str()? {
            "system" | "developer" => system.push(text),
            r @ ("user" | "assistant") => turns.push((r, text)),
            _ => return None,
        }
    }
    if !turns
        .iter()
        .any(|(r, t)| *r == "assistant" && !t.trim().is_empty())
    {
        return None;
    }
    let system = (!system.is_empty()).then(|| system.join("\n\n"));
    match target {
        Format::Gemini => {
            let contents: Vec<Value> = turns
                .iter()
                .map(|(r, t)| {
                    let role = if *r == "assistant" { "model" } else { "user" };
                    json!({ "role": role, "parts": [{ "text": t }] })
                })
                .collect();
            Some(match system {
                Some(s) => {
                    json!({ "systemInstruction": { "parts": [{ "text": s }] }, "contents": contents })
                }
                None => json!({ "contents": contents }),
            })
        }
        Format::Nova => {
            let messages: Vec<Value> = turns
                .iter()
                .map(|(r, t)| json!({ "role": r, "content": [{ "text": t }] }))
                .collect();
            let mut out =
                json!({ "schemaVersion": "bedrock-conversation-2024", "messages": messages });
            if let Some(s) = system {
                out["system"] = json!([{ "text": s }]);
            }
            Some(out)
        }
        Format::Bedrock => {
            let messages: Vec<Value> = turns.iter().map(|(r, t)| message(r, t)).collect();
            Some(match system {
                Some(s) => json!({ "system": s, "messages": messages }),
                None => json!({ "messages": messages }),
            })
        }
        _ => None,
    }
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
    fn chat_to_gemini_to_chat_round_trips() {
        for line in [
            r#"{"messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"Hi"},{"role":"assistant","content":"Hello!"}]}"#,
            r#"{"messages":[{"role":"user","content":"2+2?"},{"role":"assistant","content":"4"},{"role":"user","content":"3+3?"},{"role":"assistant","content":"6"}]}"#,
        ] {
            let chat = v(line);
            let gemini = from_chat(Format::Gemini, &chat).unwrap();
            assert_eq!(gemini["contents"][0]["role"], "user");
            assert!(
                gemini["contents"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|c| c["role"] == "model")
            );
            assert_eq!(to_chat(Format::Gemini, &gemini).unwrap(), chat, "{gemini}");
        }
        let g = from_chat(Format::Gemini, &v(r#"{"messages":[{"role":"system","content":"S"},{"role":"user","content":"Q"},{"role":"assistant","content":"A"}]}"#)).unwrap();
        assert_eq!(g["systemInstruction"]["parts"][0]["text"], "S");
        // What Gemini cannot carry: tool calls, images.
        assert!(from_chat(Format::Gemini, &v(r#"{"messages":[{"role":"user","content":"w?"},{"role":"assistant","tool_calls":[{"id":"c","type":"function","function":{"name":"w","arguments":"{}"}}]},{"role":"tool","tool_call_id":"c","content":"sun"},{"role":"assistant","content":"Sunny."}]}"#)).is_none());
        assert!(from_chat(Format::Gemini, &v(r#"{"messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"https://x/y.png"}}]},{"role":"assistant","content":"A cat."}]}"#)).is_none());
        // A file part has no chat form.
        assert!(to_chat(Format::Gemini, &v(r#"{"contents":[{"role":"user","parts":[{"fileData":{"mimeType":"image/png","fileUri":"gs://b/x.png"}}]},{"role":"model","parts":[{"text":"A cat."}]}]}"#)).is_none());
    }

    #[test]
    fn chat_to_bedrock_to_chat_round_trips() {
        for line in [
            r#"{"messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"Hi"},{"role":"assistant","content":"Hello!"}]}"#,
            r#"{"messages":[{"role":"user","content":"2+2?"},{"role":"assistant","content":"4"},{"role":"user","content":"3+3?"},{"role":"assistant","content":"6"}]}"#,
        ] {
            let chat = v(line);
            let bedrock = from_chat(Format::Bedrock, &chat).unwrap();
            assert!(
                bedrock["messages"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .all(|m| m["role"] != "system")
            );
            assert_eq!(
                to_chat(Format::Bedrock, &bedrock).unwrap(),
                chat,
                "{bedrock}"
            );
        }
        let b = from_chat(Format::Bedrock, &v(r#"{"messages":[{"role":"system","content":"S1"},{"role":"system","content":"S2"},{"role":"user","content":[{"type":"text","text":"Q"}]},{"role":"assistant","content":"A","weight":1}]}"#)).unwrap();
        assert_eq!(
            b,
            v(
                r#"{"system":"S1\n\nS2","messages":[{"role":"user","content":"Q"},{"role":"assistant","content":"A"}]}"#
            )
        );
        assert!(
            from_chat(
                Format::Bedrock,
                &v(r#"{"messages":[{"role":"user","content":"Q"}]}"#)
            )
            .is_none(),
            "no reply"
        );
    }

    #[test]
    fn chat_to_nova_to_chat_round_trips() {
        let chat = v(
            r#"{"messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"Hi"},{"role":"assistant","content":"Hello!"}]}"#,
        );
        let nova = from_chat(Format::Nova, &chat).unwrap();
        assert_eq!(nova["schemaVersion"], "bedrock-conversation-2024");
        assert_eq!(nova["system"][0]["text"], "Be brief.");
        assert_eq!(nova["messages"][1]["content"][0]["text"], "Hello!");
        assert_eq!(to_chat(Format::Nova, &nova).unwrap(), chat);
    }
}
