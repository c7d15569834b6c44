//! Reads the two data files at build time (with serde) and writes them as
//! Rust constants: `data/prices.json` (price presets, `core::costs::prices`)
//! and `data/providers.json` (fine-tuning limits, `core::dataset::providers`).
//! Both are read the same way: the app ships them without a JSON parser, and
//! a malformed file, a missing source or date, or an unknown kind or rule
//! fails the build with a clear message.

use std::{env, fs, path::Path};

use serde::Deserialize;

#[derive(Deserialize)]
struct PriceFile {
    retrieved: String,
    presets: Vec<Preset>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Preset {
    id: String,
    provider: String,
    model: String,
    kind: String,
    input_per_1m: Option<f64>,
    cached_input_per_1m: Option<f64>,
    output_per_1m: Option<f64>,
    batch_discount: Option<f64>,
    training_per_1m: Option<f64>,
    tuned_multiplier: Option<f64>,
    gpu_per_hour: Option<f64>,
    hosting_per_hour: Option<f64>,
    embedding_per_1m: Option<f64>,
    training_closes: Option<String>,
    retires: Option<String>,
    /// First day organisations that never trained at the provider can no
    /// longer start training, when it closed to them earlier than to others.
    #[serde(default)]
    closed_to_new_orgs: Option<String>,
    /// Same, for organisations with no recent training job there.
    #[serde(default)]
    closed_to_inactive_orgs: Option<String>,
    source: String,
    as_of: String,
    note: Option<String>,
    /// Example figures offered when no real preset is available (no source).
    #[serde(default)]
    own_price: bool,
    /// A range [low, high] the source states for the main price.
    #[serde(default)]
    range: Option<[f64; 2]>,
    /// The provider's own example figures ("for example purposes only").
    #[serde(default)]
    example: bool,
    /// Further sources (of dates, mostly), kept in the file only.
    #[serde(default)]
    see: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ProvidersFile {
    #[allow(dead_code)]
    as_of: String,
    providers: Vec<ProviderEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ModelEntry {
    id: String,
    max_tokens_per_example: usize,
    source: String,
    as_of: String,
    /// Last day fine-tuning jobs can start on this model (ISO day), when
    /// the provider has announced one, with its source.
    #[serde(default)]
    training_ends: Option<String>,
    #[serde(default)]
    training_ends_source: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ProviderEntry {
    id: String,
    name: String,
    min_examples: Option<usize>,
    max_file_bytes: Option<u64>,
    #[serde(default)]
    max_upload_bytes: Option<u64>,
    max_examples: Option<usize>,
    #[serde(default)]
    max_validation_examples: Option<usize>,
    roles: Vec<String>,
    /// "reject" or "ignore": what the provider does with unknown top-level keys.
    unknown_keys: String,
    /// "exact" (the provider's models use the tiktoken encodings tunewise
    /// counts with) or "approximate".
    token_counts: String,
    top_level_keys: Vec<String>,
    supports_weight: bool,
    supports_tools: bool,
    supports_preference: bool,
    formats: Vec<String>,
    billing: String,
    billing_rule: String,
    models: Vec<ModelEntry>,
    source: String,
    as_of: String,
    note: String,
}

fn is_iso_day(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// `data/providers.json` as Rust: `pub const PROVIDERS: &[Provider]`.
fn providers_rs() -> String {
    let text = fs::read_to_string("data/providers.json").expect("data/providers.json is readable");
    let file: ProvidersFile = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("data/providers.json is not valid: {e}"));
    let strs = |v: &[String]| {
        let items: Vec<String> = v.iter().map(|x| format!("{x:?}")).collect();
        format!("&[{}]", items.join(", "))
    };
    let opt = |v: Option<u64>| match v {
        Some(x) => format!("Some({x})"),
        None => "None".into(),
    };
    let mut out = String::from(
        "/// Every provider in `data/providers.json`, in the file's order.
pub const PROVIDERS: &[Provider] = &[
",
    );
    for p in &file.providers {
        let rule = match p.billing_rule.as_str() {
            "tokens_times_epochs" => "BillingRule::TokensTimesEpochs",
            "together" => "BillingRule::Together",
            other => panic!("provider {}: unknown billing_rule {other:?}", p.id),
        };
        assert!(
            !p.source.trim().is_empty() && is_iso_day(&p.as_of),
            "provider {}: needs a source and an ISO as_of date",
            p.id
        );
        let unknown_keys = match p.unknown_keys.as_str() {
            "reject" => "UnknownKeys::Reject",
            "ignore" => "UnknownKeys::Ignore",
            other => panic!(
                "provider {}: unknown_keys must be reject or ignore, not {other:?}",
                p.id
            ),
        };
        let token_counts = match p.token_counts.as_str() {
            "exact" => "TokenCounts::Exact",
            "approximate" => "TokenCounts::Approximate",
            other => panic!(
                "provider {}: token_counts must be exact or approximate, not {other:?}",
                p.id
            ),
        };
        let mut models = String::new();
        for m in &p.models {
            assert!(
                m.source.starts_with("http") && is_iso_day(&m.as_of),
                "provider {} model {}: needs a source and an ISO as_of date",
                p.id,
                m.id
            );
            if let Some(day) = &m.training_ends {
                assert!(
                    is_iso_day(day)
                        && m.training_ends_source
                            .as_deref()
                            .is_some_and(|s| s.starts_with("http")),
                    "provider {} model {}: training_ends needs an ISO day and a training_ends_source",
                    p.id,
                    m.id
                );
            }
            let ostr = |v: &Option<String>| match v {
                Some(x) => format!("Some({x:?})"),
                None => "None".into(),
            };
            models.push_str(&format!(
                "ModelLimit {{ id: {:?}, max_tokens_per_example: {}, source: {:?}, as_of: {:?}, training_ends: {}, training_ends_source: {} }}, ",
                m.id,
                m.max_tokens_per_example,
                m.source,
                m.as_of,
                ostr(&m.training_ends),
                ostr(&m.training_ends_source)
            ));
        }
        out.push_str(&format!(
            "    Provider {{ id: {:?}, name: {:?}, min_examples: {}, max_file_bytes: {}, max_upload_bytes: {}, \
             max_examples: {}, max_validation_examples: {}, roles: {}, top_level_keys: {}, unknown_keys: {unknown_keys}, token_counts: {token_counts}, supports_weight: {}, supports_tools: {}, \
             supports_preference: {}, formats: {}, billing: {:?}, billing_rule: {rule}, models: &[{models}], \
             source: {:?}, as_of: {:?}, note: if cfg!(target_arch = \"wasm32\") {{ \"\" }} else {{ {:?} }} }},\n",
            p.id,
            p.name,
            opt(p.min_examples.map(|x| x as u64)),
            opt(p.max_file_bytes),
            opt(p.max_upload_bytes),
            opt(p.max_examples.map(|x| x as u64)),
            opt(p.max_validation_examples.map(|x| x as u64)),
            strs(&p.roles),
            strs(&p.top_level_keys),
            p.supports_weight,
            p.supports_tools,
            p.supports_preference,
            strs(&p.formats),
            p.billing,
            p.source,
            p.as_of,
            p.note,
        ));
    }
    out.push_str("];\n");
    out
}

fn main() {
    println!("cargo:rerun-if-changed=data/prices.json");
    println!("cargo:rerun-if-changed=data/providers.json");
    let dest = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("providers.rs");
    fs::write(dest, providers_rs()).expect("write providers.rs");
    // The host's target triple, for tests that ask `cargo metadata` about
    // this platform's packages only (tests/tokens.rs).
    println!(
        "cargo:rustc-env=TUNEWISE_HOST_TARGET={}",
        env::var("TARGET").expect("TARGET")
    );
    let text = fs::read_to_string("data/prices.json").expect("data/prices.json is readable");
    let file: PriceFile = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("data/prices.json is not valid: {e}"));
    let kinds = [
        "base_model",
        "api_fine_tuning",
        "api_lora",
        "gpu_hour",
        "embedding",
    ];
    let mut out = format!(
        "/// When the price file was last checked.\npub const RETRIEVED: &str = {:?};\n\n",
        file.retrieved
    );
    out.push_str("/// Every preset in `data/prices.json`.\npub const PRESETS: &[Preset] = &[\n");
    for p in &file.presets {
        assert!(
            kinds.contains(&p.kind.as_str()),
            "preset {}: unknown kind {:?}",
            p.id,
            p.kind
        );
        let kind = match p.kind.as_str() {
            "base_model" => "PresetKind::BaseModel",
            "api_fine_tuning" => "PresetKind::ApiFineTuning",
            "api_lora" => "PresetKind::ApiLora",
            "gpu_hour" => "PresetKind::GpuHour",
            _ => "PresetKind::Embedding",
        };
        let num = |v: Option<f64>| match v {
            Some(x) => format!("Some({x:?})"),
            None => "None".to_string(),
        };
        let text = |v: &Option<String>| match v {
            Some(s) => format!("Some({s:?})"),
            None => "None".to_string(),
        };
        out.push_str(&format!(
            "    Preset {{ id: {:?}, provider: {:?}, model: {:?}, kind: {kind}, input_per_1m: {}, cached_input_per_1m: {}, \
             output_per_1m: {}, batch_discount: {}, training_per_1m: {}, tuned_multiplier: {}, gpu_per_hour: {}, \
             hosting_per_hour: {}, embedding_per_1m: {}, training_closes: {}, retires: {}, closed_to_new_orgs: {}, closed_to_inactive_orgs: {}, source: {:?}, as_of: {:?}, note: {}, own_price: {}, range: {}, example: {} }},\n",
            p.id,
            p.provider,
            p.model,
            num(p.input_per_1m),
            num(p.cached_input_per_1m),
            num(p.output_per_1m),
            num(p.batch_discount),
            num(p.training_per_1m),
            num(p.tuned_multiplier),
            num(p.gpu_per_hour),
            num(p.hosting_per_hour),
            num(p.embedding_per_1m),
            text(&p.training_closes),
            text(&p.retires),
            text(&p.closed_to_new_orgs),
            text(&p.closed_to_inactive_orgs),
            p.source,
            p.as_of,
            text(&p.note),
            p.own_price,
            // Said once here, so the app formats no numbers for it.
            match p.range {
                Some([lo, hi]) => format!(
                    "Some(\"Range: from ${lo} to ${hi} {}.\")",
                    if p.kind == "gpu_hour" {
                        "per hour"
                    } else {
                        "per 1M training tokens"
                    }
                ),
                None => "None".to_string(),
            },
            p.example,
        ));
        for url in &p.see {
            assert!(
                url.starts_with("https://"),
                "preset {}: see {url:?} is not an https address",
                p.id
            );
        }
        if let Some([lo, hi]) = p.range {
            let figure = p.training_per_1m.or(p.gpu_per_hour).unwrap_or(f64::NAN);
            assert!(
                lo > 0.0 && lo <= figure && figure <= hi,
                "preset {}: its figure {figure} is not in its range [{lo}, {hi}]",
                p.id
            );
        }
        assert!(
            p.own_price || p.source.starts_with("https://"),
            "preset {}: a provider's preset needs an https source",
            p.id
        );
    }
    out.push_str("];\n");
    let dest = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("prices.rs");
    fs::write(dest, out).expect("write prices.rs");
}
