//! Fine-tuning limits of the target providers (OpenAI, Together AI,
//! Fireworks AI, Mistral, Vertex AI, Amazon Bedrock, generic), read from
//! `data/providers.json`, where every figure carries its source and date.
//!
//! Dates are reasoned against the day the caller passes in (a model's
//! fine-tuning end date): the core never reads the clock.
//!
//! The file is compiled in by `build.rs`, the same way as the price
//! presets (a malformed file, a missing source or date fails the build).
//!
//! Architecture invariant: pure, no UI imports; the data file is the only
//! place the figures live.

use serde_json::Value;

use crate::core::dataset::finding::{Code, Finding};
use crate::core::dataset::validate_line::{Format, ROLES};
use crate::core::number_format;

/// One model's per-example token limit, and when fine-tuning it ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ModelLimit {
    pub id: &'static str,
    pub max_tokens_per_example: usize,
    pub source: &'static str,
    pub as_of: &'static str,
    /// Last day a fine-tuning job can be started (ISO day), if announced.
    pub training_ends: Option<&'static str>,
    pub training_ends_source: Option<&'static str>,
}

/// Whether a model can still be fine-tuned on a given day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ModelStatus {
    /// No end date announced.
    Live,
    /// Still open, closing on this day.
    Ending(&'static str),
    /// Fine-tuning ended on this day.
    Ended(&'static str),
}

impl ModelLimit {
    /// The model's status on `today` (an ISO day, `YYYY-MM-DD`, from the
    /// caller: the page's or the CLI's clock).
    pub fn status(&self, today: &str) -> ModelStatus {
        match self.training_ends {
            None => ModelStatus::Live,
            Some(end) if today >= end => ModelStatus::Ended(end),
            Some(end) => ModelStatus::Ending(end),
        }
    }

    /// The model's name with its status, as the model picker shows it:
    /// "gpt-4o-2024-08-06 (ends 2027-01-14)", "… (ended 2026-10-23)".
    pub fn label(&self, today: &str) -> String {
        match self.status(today) {
            ModelStatus::Live => self.id.to_string(),
            ModelStatus::Ending(d) => format!("{} (ends {d})", self.id),
            ModelStatus::Ended(d) => format!("{} (ended {d})", self.id),
        }
    }
}

/// What a provider does with top-level keys it does not know
/// (`unknown_keys` in the data file: `reject` or `ignore`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnknownKeys {
    /// The upload or the job fails: flagged as an error.
    Reject,
    /// The key is dropped: flagged as a warning.
    Ignore,
}

/// Whether tunewise's token counts are the provider's own
/// (`token_counts` in the data file).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenCounts {
    /// The provider's models use the tiktoken encoding counted with.
    Exact,
    /// Another tokenizer (Llama, Qwen, Gemini, Claude, …): the o200k_base
    /// count is an approximation of what the provider counts and bills.
    Approximate,
}

impl TokenCounts {
    /// Stable id, as the CLI's JSON says it.
    pub fn id(self) -> &'static str {
        match self {
            TokenCounts::Exact => "exact",
            TokenCounts::Approximate => "approximate",
        }
    }
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
    /// At most this many examples in the validation file (Vertex AI).
    pub max_validation_examples: Option<usize>,
    pub roles: &'static [&'static str],
    pub top_level_keys: &'static [&'static str],
    /// What the provider does with other top-level keys.
    pub unknown_keys: UnknownKeys,
    /// Whether the o200k_base / cl100k_base count is the provider's own.
    pub token_counts: TokenCounts,
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
    /// How sure the figures are, in words. Natively (the CLI, tests) the
    /// text itself; in the browser empty, so every visitor does not download
    /// it: the Dataset page reads it from `providers.json` when asked
    /// ([`note_from_json`]).
    pub note: &'static str,
}

include!(concat!(env!("OUT_DIR"), "/providers.rs"));

/// The note of provider `id` in the text of `data/providers.json` (the
/// page fetches the file only when its reader opens "How sure are these
/// figures?"); `None` when the text is not that file or lacks the provider.
pub fn note_from_json(text: &str, id: &str) -> Option<String> {
    // Typed, not `Value`: the page carries no generic JSON tree for this.
    #[derive(serde::Deserialize)]
    struct File {
        providers: Vec<Entry>,
    }
    #[derive(serde::Deserialize)]
    struct Entry {
        id: String,
        note: String,
    }
    let file: File = serde_json::from_str(text).ok()?;
    file.providers
        .into_iter()
        .find(|p| p.id == id)
        .map(|p| p.note)
}

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
        Format::Gemini => "gemini",
        Format::Bedrock => "bedrock",
        Format::Nova => "nova",
        Format::Alpaca | Format::InputOutput | Format::ShareGpt => "other",
    }
}

impl Provider {
    /// The model with this id.
    pub fn model(&self, id: &str) -> Option<&'static ModelLimit> {
        self.models.iter().find(|m| m.id == id)
    }

    /// Whether unknown top-level keys are errors here.
    pub fn rejects_unknown_keys(&self) -> bool {
        self.unknown_keys == UnknownKeys::Reject
    }

    /// The provider's own format, when it takes no other (Vertex AI:
    /// Gemini; Bedrock: its Claude chat format): lines are checked as
    /// this format unless the user picks another.
    pub fn native_format(&self) -> Option<Format> {
        match self.formats {
            ["gemini"] => Some(Format::Gemini),
            ["bedrock"] => Some(Format::Bedrock),
            ["nova"] => Some(Format::Nova),
            _ => None,
        }
    }

    /// Whether token counts for `model` (any of the provider's models when
    /// `None`) are exact or an approximation. Counting is per provider
    /// today: every model of a provider shares its tokenizer family.
    pub fn token_counts(&self, _model: Option<&str>) -> TokenCounts {
        self.token_counts
    }

    /// The sentence the page and the CLI show next to a token count.
    pub fn token_count_note(&self, encoding: &str) -> Option<String> {
        (self.token_counts == TokenCounts::Approximate).then(|| {
            if self.id == "generic" {
                return format!(
                    "Approximate: the target's tokenizer is unknown; these are {encoding} counts, which other tokenizers can exceed or undercut by 10–30%."
                );
            }
            format!(
                "Approximate: {}'s models use their own tokenizers, not OpenAI's; these are {encoding} counts, so {}'s own count (and bill) may differ by 10–30%.",
                self.name, self.name
            )
        })
    }

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
                    if !self.rejects_unknown_keys() {
                        // The chat rules already warn of keys OpenAI's chat
                        // format lacks; warn of the rest here.
                        if crate::core::dataset::validate_line::CHAT_TOP_KEYS
                            .contains(&key.as_str())
                        {
                            out.push(Finding::warning(
                                line,
                                Code::UnknownTopLevelKey,
                                Some(key.chars().take(60).collect()),
                                format!(
                                    "{} ignores the key \"{}\".",
                                    self.name,
                                    key.chars().take(60).collect::<String>()
                                ),
                            ));
                        }
                        continue;
                    }
                    out.push(Finding::error(
                        line,
                        Code::KeyNotSupported,
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
                        Code::RoleNotSupported,
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
                out.push(Finding::warning(line, Code::WeightNotSupported, Some(format!("messages[{k}].weight")), format!("{} does not document per-message weights: every assistant message may be trained on.", self.name)));
            }
        }
    }

    /// Findings on a validation file: the provider's cap on validation
    /// examples (Vertex AI: 5,000).
    pub fn check_validation_file(&self, valid_examples: usize, out: &mut Vec<Finding>) {
        if let Some(max) = self.max_validation_examples.filter(|m| valid_examples > *m) {
            out.push(Finding::file_error(
                Code::TooManyValidationExamples,
                format!(
                    "{} validation examples; {} accepts at most {} in a validation file.",
                    number_format::count(valid_examples as f64),
                    self.name,
                    number_format::count(max as f64)
                ),
            ));
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
                Some(parts) if bytes <= parts => out.push(Finding::file_warning(Code::FileNeedsMultipartUpload, format!("The file is {:.1} MB, over {}'s {:.0} MB for a single upload: upload it in parts (up to {:.0} MB), or split it.", mb(bytes), self.name, mb(max), mb(parts)))),
                _ => out.push(Finding::file_error(Code::FileTooLarge, format!("The file is {:.1} MB; {} accepts at most {:.0} MB per file. Split it or drop examples.", mb(bytes), self.name, mb(self.max_upload_bytes.unwrap_or(max))))),
            }
        }
        if let Some(max) = self.max_examples.filter(|m| valid_examples > *m) {
            // Vertex AI's cap is on text-only examples (300K multimodal):
            // the note in data/providers.json says so.
            out.push(Finding::file_error(
                Code::TooManyExamples,
                format!(
                    "{} examples; {} accepts at most {}.",
                    number_format::count(valid_examples as f64),
                    self.name,
                    number_format::count(max as f64)
                ),
            ));
        }
        if let Some(f) = format.filter(|f| !self.accepts(*f)) {
            out.push(Finding::file_error(Code::FormatNotSupported, format!("{} does not take {} files: convert the dataset to OpenAI chat (Downloads → converted to chat).", self.name, f.label())));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_read_from_the_data_file_equal_the_compiled_ones() {
        let text = include_str!("../../../data/providers.json");
        for p in all() {
            assert_eq!(
                note_from_json(text, p.id).as_deref(),
                Some(p.note),
                "{}",
                p.id
            );
        }
        assert_eq!(note_from_json(text, "nobody"), None);
        assert_eq!(note_from_json("<html>", "openai"), None);
    }

    #[test]
    fn every_provider_is_sourced_and_dated() {
        let all = all();
        let ids: Vec<&str> = all.iter().map(|p| p.id).collect();
        assert_eq!(
            ids,
            [
                "openai",
                "together",
                "fireworks",
                "mistral",
                "vertex",
                "bedrock",
                "bedrock-nova",
                "generic"
            ]
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
    fn vertex_and_bedrock_limits() {
        let vertex = by_id("vertex").unwrap();
        assert_eq!(vertex.max_file_bytes, Some(1_000_000_000));
        assert_eq!(vertex.max_examples, Some(1_000_000));
        assert_eq!(vertex.max_validation_examples, Some(5000));
        assert_eq!(vertex.native_format(), Some(Format::Gemini));
        assert!(vertex.accepts(Format::Gemini) && !vertex.accepts(Format::Chat));
        for id in [
            "gemini-2.5-pro",
            "gemini-2.5-flash",
            "gemini-2.5-flash-lite",
            "gemini-2.0-flash-001",
        ] {
            let m = vertex.model(id).unwrap();
            assert_eq!(m.max_tokens_per_example, 131_072, "{id}");
            assert!(m.source.starts_with("https://cloud.google.com/"), "{id}");
        }
        let bedrock = by_id("bedrock").unwrap();
        assert_eq!(bedrock.max_file_bytes, None);
        assert_eq!(bedrock.max_examples, Some(10_000));
        assert_eq!(bedrock.native_format(), Some(Format::Bedrock));
        assert!(bedrock.rejects_unknown_keys());
        let haiku = bedrock
            .model("anthropic.claude-3-haiku-20240307-v1:0")
            .unwrap();
        assert_eq!(haiku.max_tokens_per_example, 32_000);
        assert!(haiku.source.starts_with("https://docs.aws.amazon.com/"));
        assert_eq!(haiku.status("2026-12-01"), ModelStatus::Ended("2026-09-10"));
        // Too many examples, a file over Vertex's 1 GB.
        let mut out = Vec::new();
        vertex.check_file(1_500_000_000, 1_000_001, Some(Format::Gemini), &mut out);
        let codes: Vec<&str> = out.iter().map(|f| f.code.as_str()).collect();
        assert_eq!(codes, ["file_too_large", "too_many_examples"]);
        let mut out = Vec::new();
        bedrock.check_file(5_000, 10_001, Some(Format::Chat), &mut out);
        let codes: Vec<&str> = out.iter().map(|f| f.code.as_str()).collect();
        assert_eq!(codes, ["too_many_examples", "format_not_supported"]);
        let mut out = Vec::new();
        vertex.check_validation_file(5001, &mut out);
        assert_eq!(out[0].code, "too_many_validation_examples");
    }

    #[test]
    fn model_status_against_the_callers_day() {
        let openai = by_id("openai").unwrap();
        let nano = openai.model("gpt-4.1-nano-2025-04-14").unwrap();
        let turbo = openai.model("gpt-3.5-turbo-0125").unwrap();
        let four_o = openai.model("gpt-4o-2024-08-06").unwrap();
        let today = "2026-12-01";
        assert_eq!(turbo.status(today), ModelStatus::Ended("2026-10-23"));
        assert_eq!(turbo.label(today), "gpt-3.5-turbo-0125 (ended 2026-10-23)");
        assert_eq!(nano.status(today), ModelStatus::Ended("2026-10-23"));
        assert_eq!(four_o.status(today), ModelStatus::Ending("2027-01-06"));
        assert_eq!(four_o.label(today), "gpt-4o-2024-08-06 (ends 2027-01-06)");
        // The day before the end it is still open; on the day it is not.
        assert_eq!(
            turbo.status("2026-10-22"),
            ModelStatus::Ending("2026-10-23")
        );
        assert_eq!(turbo.status("2026-10-23"), ModelStatus::Ended("2026-10-23"));
        let together = by_id("together").unwrap();
        assert_eq!(together.models[0].status(today), ModelStatus::Live);
        for m in all().iter().flat_map(|p| p.models) {
            if m.training_ends.is_some() {
                assert!(
                    m.training_ends_source
                        .is_some_and(|s| s.starts_with("https://")),
                    "{}",
                    m.id
                );
            }
        }
    }

    #[test]
    fn token_counts_are_exact_only_for_openai() {
        for p in all() {
            let want = if p.id == "openai" {
                TokenCounts::Exact
            } else {
                TokenCounts::Approximate
            };
            assert_eq!(p.token_counts(None), want, "{}", p.id);
            assert_eq!(
                p.token_count_note("o200k_base").is_some(),
                want == TokenCounts::Approximate
            );
        }
        assert!(
            by_id("vertex")
                .unwrap()
                .token_count_note("o200k_base")
                .unwrap()
                .contains("Approximate")
        );
    }

    #[test]
    fn unknown_keys_follow_the_providers_rule() {
        let v: Value =
            serde_json::from_str(r#"{"messages":[{"role":"user","content":"x"}],"functions":[]}"#)
                .unwrap();
        // Together rejects keys it does not list.
        let mut out = Vec::new();
        by_id("together")
            .unwrap()
            .check_example(1, Format::Chat, &v, &mut out);
        assert_eq!(out[0].code, "key_not_supported");
        assert_eq!(
            out[0].severity,
            crate::core::dataset::finding::Severity::Error
        );
        // The generic target warns instead.
        let mut out = Vec::new();
        by_id("generic")
            .unwrap()
            .check_example(1, Format::Chat, &v, &mut out);
        assert_eq!(out[0].code, "unknown_top_level_key");
        assert_eq!(
            out[0].severity,
            crate::core::dataset::finding::Severity::Warning
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
        let codes: Vec<&str> = out.iter().map(|f| f.code.as_str()).collect();
        assert_eq!(codes, ["key_not_supported", "role_not_supported"]);
        let mut out = Vec::new();
        openai.check_file(600_000_000, 5, Some(Format::Alpaca), &mut out);
        let codes: Vec<&str> = out.iter().map(|f| f.code.as_str()).collect();
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
