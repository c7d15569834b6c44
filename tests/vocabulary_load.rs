//! How long the worker's tokenizer takes to load, natively: built from the
//! `.tiktoken` text it downloads (`tokenizer_from_tiktoken`) versus a
//! prebuilt encoder deserialized from rmp-serde bytes (what `bpe-openai`
//! embeds as its `.dict` files, here timed through its first
//! `o200k_base()` call, which deserializes and then builds the same
//! pre-tokenizer). Prints figures, asserts only that both load and agree.
//! Run: `cargo test --release --test vocabulary_load -- --ignored --nocapture`.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Read;
use std::time::Instant;

use tunewise::core::dataset::tokens::{Encoding, tokenizer_from_tiktoken};

fn vocabulary_gz() -> Vec<u8> {
    let out = std::process::Command::new(env!("CARGO"))
        .args(["metadata", "--format-version", "1", "--locked"])
        .args(["--filter-platform", env!("TUNEWISE_HOST_TARGET")])
        .output()
        .expect("cargo metadata runs");
    let meta: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let manifest = meta["packages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "bpe-openai")
        .expect("bpe-openai is a dependency")["manifest_path"]
        .as_str()
        .unwrap()
        .to_string();
    let dir = std::path::Path::new(&manifest)
        .parent()
        .unwrap()
        .join("data");
    std::fs::read(dir.join(Encoding::O200kBase.vocabulary_file())).unwrap()
}

#[test]
#[ignore = "a measurement: prints load times"]
fn prebuilt_versus_built_o200k() {
    let gz = vocabulary_gz();
    let t = Instant::now();
    let mut text = String::new();
    flate2::read::GzDecoder::new(&gz[..])
        .read_to_string(&mut text)
        .unwrap();
    let gunzip = t.elapsed();
    let t = Instant::now();
    let built = tokenizer_from_tiktoken(Encoding::O200kBase, &text).unwrap();
    let build = t.elapsed();
    let t = Instant::now();
    let prebuilt = bpe_openai::o200k_base();
    let deserialize = t.elapsed();
    let sample = "hello world, tokens! 你好 🎉 The quick brown fox jumps over the lazy dog.";
    assert_eq!(built.count(sample), prebuilt.count(sample));
    println!(
        "o200k_base: .tiktoken.gz {} bytes, gunzip {:.3} s + build {:.3} s; \
         prebuilt (rmp-serde dict, deserialize + pre-tokenizer) {:.3} s",
        gz.len(),
        gunzip.as_secs_f64(),
        build.as_secs_f64(),
        deserialize.as_secs_f64()
    );
}
