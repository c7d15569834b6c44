//! Token counts as OpenAI counts them, per example and per format.
//!
//! The tokenizer is `bpe-openai`'s [`Tokenizer`] (byte-pair encoding with
//! tiktoken's split patterns; its counts equal Python `tiktoken`'s, checked
//! against `tests/fixtures/token_counts.json`). Natively the vocabularies
//! come prebuilt inside `bpe-openai`; in the browser the worker fetches the
//! `.tiktoken` vocabulary file (1.7 MB gzip) and builds the encoder with
//! [`tokenizer_from_tiktoken`], so the vocabulary never weighs on any page
//! but the Dataset page.
//!
//! Chat examples follow the rule of OpenAI's data-preparation notebook:
//! 3 tokens per message, the tokens of every string value in it (role,
//! content, name), 1 more per `name`, and 3 to prime the reply. Content
//! parts count their text; tool calls and tool definitions count their JSON
//! text (an approximation: OpenAI renders them in an internal format).
//!
//! Vertex AI Gemini and Bedrock Claude examples are counted by the same
//! rule over their turns (the system instruction as one more message).
//! Those models have tokenizers of their own, as do the Llama, Qwen and
//! other open models at Together and Fireworks: for them every count here
//! is an approximation, and `Provider::token_counts` says so as a typed
//! answer for the page and the CLI to show.
//!
//! Counting is fast and exact ([`crate::core::dataset::piece_counter`]):
//! no token vectors are built; the text is split by a hand-written ASCII
//! pre-tokenizer ([`crate::core::dataset::ascii_pretokenizer`]) wherever
//! ASCII alone decides a piece, by the tokenizer's regex elsewhere; and the
//! counts of pieces seen before come from a bounded per-thread cache. Every
//! string is counted once: an assistant message's content gives both its
//! share of the total and of the trainable tokens.
//!
//! Invariant: the counts equal tiktoken's (tests/tokens.rs, against
//! `tests/fixtures/token_counts.json`); the fast path changes speed only
//! (property-tested against `bpe-openai`'s own split and count).
//!
//! Architecture invariant: pure, no UI imports.

use bpe_openai::Tokenizer;
use serde_json::Value;

use crate::core::dataset::piece_counter::count_text;
pub use crate::core::dataset::piece_counter::{CountingStats, counting_stats};
use crate::core::dataset::validate_line::Format;

/// The tiktoken encodings tunewise counts with.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Encoding {
    /// GPT-4o, GPT-4.1 and later.
    #[default]
    O200kBase,
    /// GPT-3.5 Turbo and GPT-4.
    Cl100kBase,
}

impl Encoding {
    /// Every encoding, default first.
    pub const ALL: [Encoding; 2] = [Encoding::O200kBase, Encoding::Cl100kBase];

    /// tiktoken's name for it.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::O200kBase => "o200k_base",
            Encoding::Cl100kBase => "cl100k_base",
        }
    }

    /// Parses tiktoken's name.
    pub fn from_name(name: &str) -> Option<Encoding> {
        Encoding::ALL.into_iter().find(|e| e.name() == name)
    }

    /// The gzipped vocabulary the web app serves next to the worker.
    pub fn vocabulary_file(self) -> &'static str {
        match self {
            Encoding::O200kBase => "o200k_base.tiktoken.gz",
            Encoding::Cl100kBase => "cl100k_base.tiktoken.gz",
        }
    }

    /// tiktoken's pre-tokenization patterns, written as `bpe-openai` does
    /// (a negative look-ahead rewritten as a one-character look-ahead pattern).
    fn patterns(self) -> Vec<(String, bool)> {
        let first = match self {
            Encoding::O200kBase => [
                "[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]*[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?",
                "[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]+[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?",
                "\\p{N}{1,3}",
                " ?[^\\s\\p{L}\\p{N}]+[\\r\\n/]*",
                "\\s*[\\r\\n]+",
                "\\s+$",
            ]
            .join("|"),
            Encoding::Cl100kBase => "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+$".to_string(),
        };
        vec![
            (first, false),
            ("\\s+\\s".into(), true),
            ("\\s+".into(), false),
        ]
    }
}

/// The hash factor `bpe-openai` builds its dictionaries with (any value
/// works; this one is collision-free for both vocabularies).
const HASH_FACTOR: u64 = 17_846_336_922_010_275_747;

/// Builds a tokenizer from a `.tiktoken` vocabulary (base64 token and rank
/// per line, as tiktoken publishes it).
pub fn tokenizer_from_tiktoken(encoding: Encoding, vocabulary: &str) -> Result<Tokenizer, String> {
    let tokens = bpe::byte_pair_encoding::read_tiktoken(vocabulary)
        .map_err(|e| format!("The {} vocabulary is damaged: {e}", encoding.name()))?;
    if tokens.len() < 1000 {
        return Err(format!(
            "The {} vocabulary holds only {} tokens: the file is incomplete.",
            encoding.name(),
            tokens.len()
        ));
    }
    let bpe = bpe::byte_pair_encoding::BytePairEncoding::from_dictionary(tokens, Some(HASH_FACTOR));
    let patterns = encoding.patterns();
    let refs: Vec<(&str, bool)> = patterns.iter().map(|(p, l)| (p.as_str(), *l)).collect();
    Tokenizer::new_lookahead(bpe, &refs, false).map_err(|e| e.to_string())
}

/// The prebuilt tokenizer (native builds only: it embeds the vocabularies,
/// 17 MB, which the browser must not download).
#[cfg(not(target_arch = "wasm32"))]
pub fn builtin(encoding: Encoding) -> &'static Tokenizer {
    match encoding {
        Encoding::O200kBase => bpe_openai::o200k_base(),
        Encoding::Cl100kBase => bpe_openai::cl100k_base(),
    }
}

/// Token counts of one example.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ExampleTokens {
    /// Everything the model reads, as billed for training.
    pub total: usize,
    /// The tokens the model learns from: assistant messages with weight 1
    /// (or all assistant output when no weight is given).
    pub trainable: usize,
    /// Messages (turns) in the example.
    pub messages: usize,
}

const PER_MESSAGE: usize = 3;
const PER_NAME: usize = 1;
const REPLY_PRIMING: usize = 3;

/// The tokens of an example in `format` (a parsed, validated line).
pub fn count_example(format: Format, value: &Value, tokenizer: &Tokenizer) -> ExampleTokens {
    let count = |s: &str| count_text(tokenizer, s);
    let text = |v: Option<&Value>| v.and_then(Value::as_str).map_or(0, count);
    let mut t = ExampleTokens::default();
    match format {
        Format::Chat => {
            let messages = value.get("messages").and_then(Value::as_array);
            t = chat_messages(messages.map(Vec::as_slice).unwrap_or(&[]), &count);
            for key in ["tools", "functions"] {
                if let Some(defs) = value.get(key).filter(|v| !v.is_null()) {
                    t.total += count(&defs.to_string());
                }
            }
        }
        Format::Preference => {
            let input = value
                .pointer("/input/messages")
                .and_then(Value::as_array)
                .map(Vec::as_slice)
                .unwrap_or(&[]);
            t = chat_messages(input, &count);
            for key in ["preferred_output", "non_preferred_output"] {
                let out = value
                    .get(key)
                    .and_then(Value::as_array)
                    .map(Vec::as_slice)
                    .unwrap_or(&[]);
                let o = chat_messages(out, &count);
                t.total += o.trainable;
                t.trainable += o.trainable;
            }
        }
        Format::PromptCompletion => {
            let completion = text(value.get("completion"));
            t.total = text(value.get("prompt")) + completion;
            t.trainable = completion;
            t.messages = 2;
        }
        Format::Alpaca | Format::InputOutput => {
            let output = text(value.get("output"));
            t.total = text(value.get("instruction")) + text(value.get("input")) + output;
            t.trainable = output;
            t.messages = 2;
        }
        Format::Gemini | Format::Bedrock | Format::Nova => {
            // Counted as the chat example they convert to; an example with
            // parts that have no chat form (files) counts its text parts.
            let chat = crate::core::dataset::convert::to_chat(format, value)
                .unwrap_or_else(|| text_only(format, value));
            let messages = chat.get("messages").and_then(Value::as_array);
            t = chat_messages(messages.map(Vec::as_slice).unwrap_or(&[]), &count);
        }
        Format::ShareGpt => {
            let turns = value.get("conversations").and_then(Value::as_array);
            for turn in turns.map(Vec::as_slice).unwrap_or(&[]) {
                let n = text(turn.get("value"));
                t.total += PER_MESSAGE + n + text(turn.get("from"));
                t.messages += 1;
                if matches!(
                    turn.get("from").and_then(Value::as_str),
                    Some("gpt" | "assistant")
                ) {
                    t.trainable += n;
                }
            }
            t.total += REPLY_PRIMING;
        }
    }
    t
}

/// The text turns of a Gemini or Bedrock example as chat messages, for
/// counting when the whole example has no chat form.
fn text_only(format: Format, value: &Value) -> Value {
    let mut messages = Vec::new();
    let (list, role_key) = match format {
        Format::Gemini => ("contents", "role"),
        _ => ("messages", "role"),
    };
    for turn in value
        .get(list)
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let role = match turn.get(role_key).and_then(Value::as_str) {
            Some("model") => "assistant",
            Some(r) => r,
            None => "user",
        };
        let text: String = match turn.get("parts").and_then(Value::as_array) {
            Some(parts) => parts
                .iter()
                .filter_map(|p| p.get("text").and_then(Value::as_str))
                .collect(),
            None => match turn.get("content") {
                Some(Value::Array(parts)) => parts
                    .iter()
                    .filter_map(|p| p.get("text").and_then(Value::as_str))
                    .collect(),
                other => other.and_then(Value::as_str).unwrap_or("").to_string(),
            },
        };
        messages.push(serde_json::json!({ "role": role, "content": text }));
    }
    serde_json::json!({ "messages": messages })
}

/// The notebook's rule over a list of chat messages; trainable counts the
/// assistant output whose `weight` is not 0.
fn chat_messages(messages: &[Value], count: &dyn Fn(&str) -> usize) -> ExampleTokens {
    let mut t = ExampleTokens {
        total: REPLY_PRIMING,
        ..ExampleTokens::default()
    };
    for m in messages {
        let Some(m) = m.as_object() else { continue };
        t.messages += 1;
        t.total += PER_MESSAGE;
        let mut output = 0;
        for (key, v) in m {
            let n = match (key.as_str(), v) {
                (_, Value::String(s)) => count(s),
                ("content", Value::Array(parts)) => parts
                    .iter()
                    .filter_map(|p| p.get("text").and_then(Value::as_str))
                    .map(count)
                    .sum(),
                ("tool_calls" | "function_call", v) if !v.is_null() => count(&v.to_string()),
                _ => 0,
            };
            t.total += n;
            if key == "name" {
                t.total += PER_NAME;
            }
            if matches!(key.as_str(), "content" | "tool_calls" | "function_call") {
                output += n;
            }
        }
        let is_assistant = m.get("role").and_then(Value::as_str) == Some("assistant");
        let weight = m.get("weight").and_then(Value::as_f64).unwrap_or(1.0);
        if is_assistant && weight != 0.0 {
            t.trainable += output;
        }
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    use proptest::prelude::*;

    proptest! {
        // Any text in any field: counting never panics, and the notebook's
        // overhead (3 per message + 3 priming) is always there.
        #[test]
        fn any_chat_text_counts(user in any::<String>(), reply in any::<String>(), name in any::<String>()) {
            let tok = builtin(Encoding::O200kBase);
            let line = serde_json::json!({"messages": [
                {"role": "user", "content": user, "name": name},
                {"role": "assistant", "content": reply},
            ]});
            let t = count_example(Format::Chat, &line, tok);
            // 2 messages × 3, 3 priming, 1 for the name.
            prop_assert!(t.total >= 10);
            prop_assert_eq!(t.trainable, tok.count(reply.as_str()));
            prop_assert!(t.total >= t.trainable);
        }
    }

    #[test]
    fn gemini_and_bedrock_count_as_their_chat_form() {
        let tok = builtin(Encoding::O200kBase);
        let chat: Value = serde_json::from_str(r#"{"messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"Hi"},{"role":"assistant","content":"Hello!"}]}"#).unwrap();
        let want = count_example(Format::Chat, &chat, tok);
        let bedrock: Value = serde_json::from_str(r#"{"system":"Be brief.","messages":[{"role":"user","content":"Hi"},{"role":"assistant","content":"Hello!"}]}"#).unwrap();
        assert_eq!(count_example(Format::Bedrock, &bedrock, tok), want);
        let gemini: Value = serde_json::from_str(r#"{"systemInstruction":{"parts":[{"text":"Be brief."}]},"contents":[{"role":"user","parts":[{"text":"Hi"}]},{"role":"model","parts":[{"text":"Hello!"}]}]}"#).unwrap();
        assert_eq!(count_example(Format::Gemini, &gemini, tok), want);
        // A file part: the text turns still count.
        let file: Value = serde_json::from_str(r#"{"contents":[{"role":"user","parts":[{"fileData":{"mimeType":"image/png","fileUri":"gs://b/x.png"}},{"text":"What is it?"}]},{"role":"model","parts":[{"text":"A cat."}]}]}"#).unwrap();
        let t = count_example(Format::Gemini, &file, tok);
        assert_eq!(t.trainable, tok.count("A cat."));
        assert_eq!(t.messages, 2);
    }

    #[test]
    fn names_round_trip() {
        for e in Encoding::ALL {
            assert_eq!(Encoding::from_name(e.name()), Some(e));
        }
        assert_eq!(Encoding::from_name("p50k_base"), None);
    }

    #[test]
    fn a_vocabulary_file_builds_the_same_tokenizer_as_the_prebuilt_one() {
        // A tiny vocabulary is refused with a message, not a panic.
        let err = tokenizer_from_tiktoken(Encoding::O200kBase, "IQ== 0\n")
            .err()
            .unwrap();
        assert!(err.contains("incomplete"), "{err}");
        assert!(tokenizer_from_tiktoken(Encoding::O200kBase, "not base64 at all").is_err());
    }

    #[test]
    fn the_notebook_rule_on_a_small_chat() {
        let tok = builtin(Encoding::O200kBase);
        let line: Value = serde_json::from_str(
            r#"{"messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"Hi","name":"ann"},{"role":"assistant","content":"Hello!"}]}"#,
        )
        .unwrap();
        let t = count_example(Format::Chat, &line, tok);
        let c = |s: &str| tok.count(s);
        let expected = 3 * 3
            + c("system")
            + c("Be brief.")
            + c("user")
            + c("Hi")
            + c("ann")
            + 1
            + c("assistant")
            + c("Hello!")
            + 3;
        assert_eq!(t.total, expected);
        assert_eq!(t.trainable, c("Hello!"));
        assert_eq!(t.messages, 3);
    }

    #[test]
    fn weight_zero_is_not_trainable() {
        let tok = builtin(Encoding::O200kBase);
        let line: Value = serde_json::from_str(
            r#"{"messages":[{"role":"user","content":"Hi"},{"role":"assistant","content":"Bad answer","weight":0},{"role":"user","content":"Again"},{"role":"assistant","content":"Good answer","weight":1}]}"#,
        )
        .unwrap();
        let t = count_example(Format::Chat, &line, tok);
        assert_eq!(t.trainable, tok.count("Good answer"));
    }

    #[test]
    fn other_formats_count_their_output_as_trainable() {
        let tok = builtin(Encoding::Cl100kBase);
        let v: Value = serde_json::from_str(r#"{"prompt":"2+2=","completion":" 4"}"#).unwrap();
        let t = count_example(Format::PromptCompletion, &v, tok);
        assert_eq!(
            (t.total, t.trainable),
            (tok.count("2+2=") + tok.count(" 4"), tok.count(" 4"))
        );
        let v: Value = serde_json::from_str(
            r#"{"conversations":[{"from":"human","value":"Hi"},{"from":"gpt","value":"Hello"}]}"#,
        )
        .unwrap();
        let t = count_example(Format::ShareGpt, &v, tok);
        assert_eq!(t.trainable, tok.count("Hello"));
        assert_eq!(t.messages, 2);
    }
}
