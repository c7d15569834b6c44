//! What the page asks the worker to do with a file: the options of one
//! validation or export, sent as JSON.
//!
//! Architecture invariant: pure, no UI imports.

use serde::{Deserialize, Serialize};

use crate::core::dataset::providers::{self, Provider};
use crate::core::dataset::tokens::Encoding;
use crate::core::dataset::validate_line::Format;

/// Options of one job.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JobOptions {
    /// tiktoken encoding name; `None`: count no tokens.
    pub encoding: Option<String>,
    /// Format id to check every line as (a label, as the earlier release
    /// sent it, is read too); `None`: detect.
    pub format: Option<String>,
    pub max_tokens_per_example: Option<usize>,
    pub min_examples: Option<usize>,
    /// True for the validation-set file.
    pub is_validation_set: bool,
    /// Check the validation set for examples of the last training file
    /// checked (only when that check finished).
    #[serde(default)]
    pub compare_with_training: bool,
    /// Seed of the train/test split.
    pub split_seed: u64,
    /// Clean examples in the file (from its report), for an exact split.
    pub clean_examples: usize,
    /// Target provider id, whose own rules are checked too.
    pub provider: Option<String>,
    /// Workers the page allows for one check (its cores, capped); a file
    /// is split only when it is large JSONL. Older messages: one.
    #[serde(default = "one_worker")]
    pub workers: usize,
}

fn one_worker() -> usize {
    1
}

impl Default for JobOptions {
    fn default() -> JobOptions {
        JobOptions {
            encoding: None,
            format: None,
            max_tokens_per_example: None,
            min_examples: None,
            is_validation_set: false,
            compare_with_training: false,
            split_seed: 0,
            clean_examples: 0,
            provider: None,
            workers: 1,
        }
    }
}

impl JobOptions {
    /// The encoding to count with.
    pub fn encoding(&self) -> Option<Encoding> {
        self.encoding.as_deref().and_then(Encoding::from_name)
    }

    /// The target provider's rules.
    pub fn provider(&self) -> Option<&'static Provider> {
        self.provider.as_deref().and_then(providers::by_id)
    }

    /// The format every line is checked as, if forced: the one picked, or
    /// else the target provider's own when it takes no other (Vertex AI,
    /// Bedrock), so a Bedrock line without "system" is not read as chat.
    pub fn format(&self) -> Option<Format> {
        self.format
            .as_deref()
            .and_then(Format::from_id)
            .or_else(|| self.provider().and_then(Provider::native_format))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_with_ids_and_with_labels_decode() {
        let old = r#"{"encoding":"cl100k_base","format":"Alpaca","max_tokens_per_example":null,"min_examples":null,"is_validation_set":false,"split_seed":42,"clean_examples":0,"provider":"openai"}"#;
        let o: JobOptions = serde_json::from_str(old).unwrap();
        assert_eq!(o.format(), Some(Format::Alpaca));
        assert_eq!(o.encoding(), Some(Encoding::Cl100kBase));
        assert_eq!(o.workers, 1);
        assert!(!o.compare_with_training);
        let new = JobOptions {
            format: Some(Format::InputOutput.id().into()),
            workers: 4,
            ..JobOptions::default()
        };
        let text = serde_json::to_string(&new).unwrap();
        assert!(text.contains(r#""format":"input_output""#));
        let back: JobOptions = serde_json::from_str(&text).unwrap();
        assert_eq!(back, new);
        assert_eq!(back.format(), Some(Format::InputOutput));
    }

    #[test]
    fn a_provider_with_one_format_forces_it() {
        let o = JobOptions {
            provider: Some("bedrock".into()),
            ..JobOptions::default()
        };
        assert_eq!(
            o.format(),
            crate::core::dataset::providers::by_id("bedrock").and_then(Provider::native_format)
        );
    }
}
