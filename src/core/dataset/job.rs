//! What the page asks the worker to do with a file: the options of one
//! validation or export, sent as JSON.
//!
//! Architecture invariant: pure, no UI imports.

use serde::{Deserialize, Serialize};

use crate::core::dataset::providers::{self, Provider};
use crate::core::dataset::tokens::Encoding;
use crate::core::dataset::validate_line::Format;

/// Options of one job.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct JobOptions {
    /// tiktoken encoding name; `None`: count no tokens.
    pub encoding: Option<String>,
    /// Format label to check every line as; `None`: detect.
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
            .and_then(Format::from_label)
            .or_else(|| self.provider().and_then(Provider::native_format))
    }
}
