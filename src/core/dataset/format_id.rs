//! Stable ids of the training-data formats, for what is saved or sent
//! (settings, links, job options): a label may be reworded, an id never is.
//!
//! Architecture invariant: pure, no UI imports. Decoding also accepts the
//! labels the earlier release saved ("OpenAI chat", …), so old settings
//! and links still load.

use crate::core::dataset::validate_line::Format;

impl Format {
    /// The format's stable id (`chat`, `preference`, …).
    pub fn id(self) -> &'static str {
        match self {
            Format::Chat => "chat",
            Format::Preference => "preference",
            Format::PromptCompletion => "prompt_completion",
            Format::Alpaca => "alpaca",
            Format::InputOutput => "input_output",
            Format::ShareGpt => "sharegpt",
            Format::Gemini => "gemini",
            Format::Bedrock => "bedrock",
            Format::Nova => "nova",
        }
    }

    /// The format of an id, or of a label as the earlier release saved it.
    pub fn from_id(text: &str) -> Option<Format> {
        Format::ALL
            .into_iter()
            .find(|f| f.id() == text)
            .or_else(|| Format::from_label(text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_are_distinct() {
        for f in Format::ALL {
            assert_eq!(Format::from_id(f.id()), Some(f));
            assert!(Format::ALL.iter().filter(|g| g.id() == f.id()).count() == 1);
        }
        assert_eq!(Format::from_id("nonsense"), None);
        assert_eq!(Format::from_id(""), None);
    }

    #[test]
    fn the_earlier_releases_labels_still_decode() {
        for f in Format::ALL {
            assert_eq!(Format::from_id(f.label()), Some(f));
        }
        assert_eq!(Format::from_id("OpenAI chat"), Some(Format::Chat));
        assert_eq!(
            Format::from_id("Bedrock Nova conversation"),
            Some(Format::Nova)
        );
    }

    #[test]
    fn the_ids_are_pinned() {
        let ids: Vec<&str> = Format::ALL.into_iter().map(Format::id).collect();
        assert_eq!(
            ids,
            [
                "chat",
                "gemini",
                "bedrock",
                "nova",
                "preference",
                "sharegpt",
                "alpaca",
                "prompt_completion",
                "input_output"
            ]
        );
    }
}
