//! Reads `data/prices.json` at build time (with serde) and writes it as Rust
//! constants, so the app ships the presets without a JSON parser and a
//! malformed price file fails the build with a clear message.

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
    source: String,
    as_of: String,
    note: Option<String>,
    /// Example figures offered when no real preset is available (no source).
    #[serde(default)]
    own_price: bool,
}

fn main() {
    println!("cargo:rerun-if-changed=data/prices.json");
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
             hosting_per_hour: {}, embedding_per_1m: {}, training_closes: {}, retires: {}, source: {:?}, as_of: {:?}, note: {}, own_price: {} }},\n",
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
            p.source,
            p.as_of,
            text(&p.note),
            p.own_price,
        ));
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
