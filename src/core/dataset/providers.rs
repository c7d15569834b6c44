//! Fine-tuning limits of the target providers (OpenAI, Together AI,
//! Fireworks AI, Mistral, generic), read from `data/providers.json`, where
//! every figure carries its source and date.
//!
//! The file is compiled in by `build.rs`, the same way as the price
//! presets (a malformed file, a missing source or date fails the build).
//!
//! Architecture invariant: pure, no UI imports; the data file is the only
//! place the figures live.

use serde_json::Value;

use crate::core::dataset::finding::Finding;
use crate::core::dataset::validate_line::{Format, ROLES};

/// One model's per-example token limit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ModelLimit {
    pub id: &'static str,
    pub max_tokens_per_example: usize,
    pub source: &'static str,
    pub as_of: &'static str,
}

/// How a provider bills a training job (`billing_rule` in the data file,
/// stable ids `tokens_times_epochs` and `together`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BillingRule {
    /// Tokens in the training file × epochs (OpenAI, Fireworks, Mistral).
    TokensTimesEpochs,
    /// Together AI: epochs × training tokens + evaluations × validation
    /// tokens; without packing, every row counts as the maximum sequence
    /// length.
    Together,
}

/// What one provider accepts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Provider {
    pub id: &'static str,
    pub name: &'static str,
    pub min_examples: Option<usize>,
    pub max_file_bytes: Option<u64>,
    /// A larger limit for files uploaded in parts (OpenAI's Uploads API).
    pub max_upload_bytes: Option<u64>,
    pub max_examples: Option<usize>,
    pub roles: &'static [&'static str],
    pub top_level_keys: &'static [&'static str],
    pub supports_weight: bool,
    pub supports_tools: bool,
    pub supports_preference: bool,
    /// Format ids: chat, preference, prompt_completion, text.
    pub formats: &'static [&'static str],
    /// The billing rule in words, shown on the page.
    pub billing: &'static str,
    /// The billing rule the cost estimate applies.
    pub billing_rule: BillingRule,
    pub models: &'static [ModelLimit],
    pub source: &'static str,
    pub as_of: &'static str,
    pub note: &'static str,
}

include!(concat!(env!("OUT_DIR"), "/providers.rs"));

/// Every provider, in the file's order (OpenAI first, generic last).
pub fn all() -> &'static [Provider] {
    PROVIDERS
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
        self.formats.contains(&format_id(format))
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
                if ROLES.contains(&role) && !self.roles.contains(&role) {
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
        let ids: Vec<&str> = all.iter().map(|p| p.id).collect();
        assert_eq!(
            ids,
            ["openai", "together", "fireworks", "mistral", "generic"]
        );
        for p in all {
            assert!(!p.source.is_empty() && p.as_of.len() == 10, "{}", p.id);
            for m in p.models {
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
        assert_eq!(
            by_id("together").unwrap().billing_rule,
            BillingRule::Together
        );
        assert_eq!(
            by_id("openai").unwrap().billing_rule,
            BillingRule::TokensTimesEpochs
        );
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
