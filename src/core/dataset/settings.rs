//! The Dataset page's choices (provider, model limit, encoding, epochs,
//! price, split seed), kept between visits as a query string.
//!
//! Architecture invariant: pure, no UI imports; any text decodes (unknown
//! or bad values keep their defaults).

use crate::core::dataset::providers;
use crate::core::dataset::tokens::Encoding;
use crate::core::dataset::validate_line::Format;

/// Longest stored text decoded.
const MAX_LEN: usize = 4096;

/// What the user chose on the Dataset page.
#[derive(Clone, Debug, PartialEq)]
pub struct DatasetSettings {
    /// Target provider id (see `data/providers.json`).
    pub provider: String,
    /// Model whose per-example limit applies ("" for a custom limit).
    pub model: String,
    /// Per-example token limit (from the model, or typed in).
    pub max_tokens: Option<usize>,
    /// `None`: count no tokens.
    pub encoding: Option<Encoding>,
    /// `None`: detect the format per line.
    pub format: Option<Format>,
    /// `None`: the notebook's default for the number of examples.
    pub epochs: Option<u32>,
    /// Preset id pricing the training.
    pub price_preset: String,
    pub seed: u64,
    /// Together AI: evaluations and packing.
    pub evaluations: u32,
    pub packing: bool,
    pub max_seq_len: u64,
}

impl Default for DatasetSettings {
    fn default() -> DatasetSettings {
        let openai = providers::by_id("openai");
        let model = openai.as_ref().and_then(|p| {
            p.models
                .iter()
                .find(|m| m.id.starts_with("gpt-4.1-mini"))
                .or(p.models.first())
                .cloned()
        });
        DatasetSettings {
            provider: "openai".into(),
            model: model.map(|m| m.id.to_string()).unwrap_or_default(),
            max_tokens: model.map(|m| m.max_tokens_per_example),
            encoding: Some(Encoding::O200kBase),
            format: None,
            epochs: None,
            price_preset: "openai-gpt-4.1-mini-ft".into(),
            seed: 42,
            evaluations: 0,
            packing: true,
            max_seq_len: 8192,
        }
    }
}

/// Encodes the settings as a query string.
pub fn encode(s: &DatasetSettings) -> String {
    let mut out = form_urlencoded::Serializer::new(String::new());
    out.append_pair("provider", &s.provider);
    out.append_pair("model", &s.model);
    if let Some(m) = s.max_tokens {
        out.append_pair("max", &m.to_string());
    }
    out.append_pair("enc", s.encoding.map_or("none", Encoding::name));
    if let Some(f) = s.format {
        out.append_pair("format", f.id());
    }
    if let Some(e) = s.epochs {
        out.append_pair("epochs", &e.to_string());
    }
    out.append_pair("price", &s.price_preset);
    out.append_pair("seed", &s.seed.to_string());
    out.append_pair("evals", &s.evaluations.to_string());
    out.append_pair("packing", if s.packing { "1" } else { "0" });
    out.append_pair("seq", &s.max_seq_len.to_string());
    out.finish()
}

/// Decodes a query string onto the defaults.
pub fn decode(query: &str) -> DatasetSettings {
    let mut s = DatasetSettings::default();
    if query.len() > MAX_LEN {
        return s;
    }
    for (key, value) in form_urlencoded::parse(query.as_bytes()) {
        let v = value.as_ref();
        match key.as_ref() {
            "provider" if providers::by_id(v).is_some() => s.provider = v.into(),
            "model" if v.len() <= 200 => s.model = v.into(),
            "max" => s.max_tokens = v.parse().ok().filter(|m| (1..=10_000_000).contains(m)),
            "enc" => s.encoding = Encoding::from_name(v),
            // An id, or a label as the earlier release saved it.
            "format" => s.format = Format::from_id(v),
            "epochs" => s.epochs = v.parse().ok().filter(|e| (1..=100).contains(e)),
            "price" if crate::core::costs::prices::by_id(v).is_some() => s.price_preset = v.into(),
            "seed" => s.seed = v.parse().unwrap_or(s.seed),
            "evals" => s.evaluations = v.parse().ok().filter(|e| *e <= 1000).unwrap_or(0),
            "packing" => s.packing = v != "0",
            "seq" => {
                s.max_seq_len = v
                    .parse()
                    .ok()
                    .filter(|n| (1..=10_000_000).contains(n))
                    .unwrap_or(s.max_seq_len)
            }
            _ => {}
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn round_trips() {
        let s = DatasetSettings {
            provider: "together".into(),
            model: "".into(),
            max_tokens: Some(4096),
            encoding: Some(Encoding::Cl100kBase),
            format: Some(Format::Alpaca),
            epochs: Some(5),
            price_preset: "together-lora-up-to-16b".into(),
            seed: 7,
            evaluations: 3,
            packing: false,
            max_seq_len: 2048,
        };
        assert_eq!(decode(&encode(&s)), s);
        assert_eq!(
            decode(&encode(&DatasetSettings::default())),
            DatasetSettings::default()
        );
        assert!(DatasetSettings::default().max_tokens.is_some());
    }

    #[test]
    fn the_format_is_saved_by_id_and_labels_still_load() {
        let s = DatasetSettings {
            format: Some(Format::PromptCompletion),
            ..DatasetSettings::default()
        };
        assert!(encode(&s).contains("format=prompt_completion"));
        // As the earlier release saved it.
        let old = "provider=openai&enc=o200k_base&format=prompt+%2F+completion&seed=42";
        assert_eq!(decode(old).format, Some(Format::PromptCompletion));
        assert_eq!(decode("format=OpenAI+chat").format, Some(Format::Chat));
        assert_eq!(decode("format=sharegpt").format, Some(Format::ShareGpt));
        assert_eq!(decode("format=nope").format, None);
    }

    proptest! {
        #[test]
        fn any_text_decodes(q in ".{0,300}") {
            let _ = decode(&q);
        }
    }
}
