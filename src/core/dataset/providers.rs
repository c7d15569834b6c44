//! Fine-tuning limits of the target providers (OpenAI, Together AI,
//! Fireworks AI, Mistral, generic), read from `data/providers.json`, where
//! every figure carries its source and date.
//!
//! Architecture invariant: pure, no UI imports; the data file is the only
//! place the figures live.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::core::dataset::finding::Finding;
use crate::core::dataset::validate_line::{Format, ROLES};

/// The limits file, compiled in (14 KB; only the Dataset page and the CLI use it).
const PROVIDERS_JSON: &str = include_str!("../../../data/providers.json");

/// One model's per-example token limit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ModelLimit {
    pub id: String,
    pub max_tokens_per_example: usize,
    pub source: String,
    pub as_of: String,
}

/// What one provider accepts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Provider {
    pub id: String,
    pub name: String,
    pub min_examples: Option<usize>,
    pub max_file_bytes: Option<u64>,
    /// A larger limit for files uploaded in parts (OpenAI's Uploads API).
    #[serde(default)]
    pub max_upload_bytes: Option<u64>,
    pub max_examples: Option<usize>,
    pub roles: Vec<String>,
    pub top_level_keys: Vec<String>,
    pub supports_weight: bool,
    pub supports_tools: bool,
    pub supports_preference: bool,
    /// Format ids: chat, preference, prompt_completion, text.
    pub formats: Vec<String>,
    pub billing: String,
    pub models: Vec<ModelLimit>,
    pub source: String,
    pub as_of: String,
    pub note: String,
}

#[derive(Deserialize)]
struct ProvidersFile {
    providers: Vec<Provider>,
}

/// Every provider, in the file's order (OpenAI first, generic last),
/// parsed once.
pub fn all() -> &'static [Provider] {
    static PROVIDERS: OnceLock<Vec<Provider>> = OnceLock::new();
    PROVIDERS.get_or_init(|| {
        serde_json::from_str::<ProvidersFile>(PROVIDERS_JSON)
            .map(|f| f.providers)
            .unwrap_or_default()
    })
}

/// The provider with this id.
pub fn by_id(id: &str) -> Option<&'static Provider> {
    all().iter().find(|p| p.id == id)
}

/// The provider's id for a format, as `formats` lists them.
fn format_id(format: Format) -> &'static str {
    match format {
        Format::Chat => "chat",
        Format::Preference => "preference",
        Format::PromptCompletion => "prompt_completion",
        Format::Alpaca | Format::InputOutput | Format::ShareGpt => "other",
    }
}

impl Provider {
    /// Whether the provider accepts files in `format`.
    pub fn accepts(&self, format: Format) -> bool {
        self.formats.iter().any(|f| f == format_id(format))
    }

    /// Provider-specific findings on one valid example.
    pub fn check_example(
        &self,
        line: usize,
        format: Format,
        value: &Value,
        out: &mut Vec<Finding>,
    ) {
        if format != Format::Chat {
            return;
        }
        if let Some(object) = value.as_object() {
            for key in object.keys() {
                if key != "messages" && !self.top_level_keys.iter().any(|k| k == key) {
                    out.push(Finding::error(
                        line,
                        "key_not_supported",
                        Some(key.chars().take(60).collect()),
                        format!(
                            "{} does not accept the key \"{}\" on a line: remove it.",
                            self.name,
                            key.chars().take(60).collect::<String>()
                        ),
                    ));
                }
            }
        }
        let messages = value.get("messages").and_then(Value::as_array);
        for (k, m) in messages.into_iter().flatten().enumerate() {
            if let Some(role) = m.get("role").and_then(Value::as_str) {
                // Unknown roles are already flagged (`unrecognized_role`).
                if ROLES.contains(&role) && !self.roles.iter().any(|r| r == role) {
                    out.push(Finding::error(
                        line,
                        "role_not_supported",
                        Some(format!("messages[{k}].role")),
                        format!(
                            "{} does not accept the role \"{}\" (it accepts {}).",
                            self.name,
                            role.chars().take(40).collect::<String>(),
                            self.roles.join(", ")
                        ),
                    ));
                }
            }
            if m.get("weight").is_some() && !self.supports_weight {
                out.push(Finding::warning(line, "weight_not_supported", Some(format!("messages[{k}].weight")), format!("{} does not document per-message weights: every assistant message may be trained on.", self.name)));
            }
        }
    }

    /// Findings on the whole file: size, number of examples, format.
    pub fn check_file(
        &self,
        bytes: u64,
        valid_examples: usize,
        format: Option<Format>,
        out: &mut Vec<Finding>,
    ) {
        if let Some(max) = self.max_file_bytes.filter(|m| bytes > *m) {
            let mb = |b: u64| b as f64 / 1e6;
            match self.max_upload_bytes {
                Some(parts) if bytes <= parts => out.push(Finding::warning(1, "file_needs_multipart_upload", None, format!("The file is {:.1} MB, over {}'s {:.0} MB for a single upload: upload it in parts (up to {:.0} MB), or split it.", mb(bytes), self.name, mb(max), mb(parts)))),
                _ => out.push(Finding::error(1, "file_too_large", None, format!("The file is {:.1} MB; {} accepts at most {:.0} MB per file. Split it or drop examples.", mb(bytes), self.name, mb(self.max_upload_bytes.unwrap_or(max))))),
            }
        }
        if let Some(max) = self.max_examples.filter(|m| valid_examples > *m) {
            out.push(Finding::error(
                1,
                "too_many_examples",
                None,
                format!(
                    "{valid_examples} examples; {} accepts at most {max}.",
                    self.name
                ),
            ));
        }
        if let Some(f) = format.filter(|f| !self.accepts(*f)) {
            out.push(Finding::error(1, "format_not_supported", None, format!("{} does not take {} files: convert the dataset to OpenAI chat (Downloads → converted to chat).", self.name, f.label())));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_provider_is_sourced_and_dated() {
        let all = all();
        let ids: Vec<&str> = all.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(
            ids,
            ["openai", "together", "fireworks", "mistral", "generic"]
        );
        for p in all {
            assert!(!p.source.is_empty() && p.as_of.len() == 10, "{}", p.id);
            for m in &p.models {
                assert!(
                    m.source.starts_with("http") && m.as_of.len() == 10,
                    "{} {}",
                    p.id,
                    m.id
                );
                assert!(m.max_tokens_per_example >= 1024, "{}", m.id);
            }
        }
        assert_eq!(by_id("openai").unwrap().min_examples, Some(10));
    }

    #[test]
    fn provider_checks() {
        let openai = by_id("openai").unwrap();
        let v: Value = serde_json::from_str(
            r#"{"messages":[{"role":"developer","content":"x"}],"metadata":1}"#,
        )
        .unwrap();
        let mut out = Vec::new();
        openai.check_example(3, Format::Chat, &v, &mut out);
        let codes: Vec<&str> = out.iter().map(|f| f.code).collect();
        assert_eq!(codes, ["key_not_supported", "role_not_supported"]);
        let mut out = Vec::new();
        openai.check_file(600_000_000, 5, Some(Format::Alpaca), &mut out);
        let codes: Vec<&str> = out.iter().map(|f| f.code).collect();
        assert_eq!(
            codes,
            ["file_needs_multipart_upload", "format_not_supported"]
        );
        let mut out = Vec::new();
        openai.check_file(9_000_000_000, 5, Some(Format::Chat), &mut out);
        assert_eq!(out[0].code, "file_too_large");
        assert!(out[0].message.contains("8000 MB"), "{}", out[0].message);
    }
}
