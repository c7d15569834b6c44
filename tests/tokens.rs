//! Token counts equal Python tiktoken's (tests/fixtures/token_counts.json,
//! written by scripts/token_fixture.py), both with the prebuilt native
//! tokenizer and with the one the browser builds from the `.tiktoken.gz`
//! vocabulary it downloads; and the fast counting (the ASCII pre-tokenizer
//! and the piece cache) splits and counts exactly as `bpe-openai` does.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Read;
use std::path::PathBuf;

use serde_json::Value;
use tunewise::core::dataset::piece_counter::count_text;
use tunewise::core::dataset::tokens::{Encoding, builtin, count_example, tokenizer_from_tiktoken};
use tunewise::core::dataset::validate_line::Format;

fn fixture() -> Value {
    let text = std::fs::read_to_string("tests/fixtures/token_counts.json").unwrap();
    serde_json::from_str(&text).unwrap()
}

/// The vocabulary files the web app serves, from the bpe-openai crate's source.
///
/// `cargo metadata` is asked about this host's packages only
/// (`--filter-platform`), which `cargo test` has already downloaded: without
/// the filter it needs every platform's packages (the wasm32-only UI crates
/// too), which a fresh crate cache lacks.
fn vocabulary_dir() -> PathBuf {
    let out = std::process::Command::new(env!("CARGO"))
        .args(["metadata", "--format-version", "1", "--locked"])
        .args(["--filter-platform", env!("TUNEWISE_HOST_TARGET")])
        .output()
        .expect("cargo metadata runs");
    let meta: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "cargo metadata prints JSON ({e}); it said: {}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    let manifest = meta["packages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "bpe-openai")
        .expect("bpe-openai is a dependency")["manifest_path"]
        .as_str()
        .unwrap()
        .to_string();
    PathBuf::from(manifest).parent().unwrap().join("data")
}

#[test]
fn texts_count_as_tiktoken_counts_them() {
    let f = fixture();
    let texts = f["texts"].as_array().unwrap();
    assert!(texts.len() >= 50);
    for encoding in Encoding::ALL {
        let from_file = {
            let gz = std::fs::read(vocabulary_dir().join(encoding.vocabulary_file())).unwrap();
            let mut text = String::new();
            flate2::read::GzDecoder::new(&gz[..])
                .read_to_string(&mut text)
                .unwrap();
            tokenizer_from_tiktoken(encoding, &text).unwrap()
        };
        for t in texts {
            let text = t["text"].as_str().unwrap();
            let expected = t[encoding.name()].as_u64().unwrap() as usize;
            assert_eq!(
                builtin(encoding).count(text),
                expected,
                "{} {text:?}",
                encoding.name()
            );
            assert_eq!(
                from_file.count(text),
                expected,
                "{} (from file) {text:?}",
                encoding.name()
            );
            // The fast counting (ASCII pre-tokenizer, piece cache), with
            // both tokenizers taking turns on this thread's cache.
            assert_eq!(
                count_text(builtin(encoding), text),
                expected,
                "{} (fast) {text:?}",
                encoding.name()
            );
            assert_eq!(
                count_text(&from_file, text),
                expected,
                "{} (fast, from file) {text:?}",
                encoding.name()
            );
        }
    }
}

#[test]
fn chat_examples_count_as_the_notebook_counts_them() {
    let f = fixture();
    let examples = f["chat_examples"].as_array().unwrap();
    assert!(!examples.is_empty());
    for e in examples {
        let file = std::fs::read_to_string(e["file"].as_str().unwrap()).unwrap();
        let n = e["line"].as_u64().unwrap() as usize;
        let line: Value = serde_json::from_str(file.lines().nth(n - 1).unwrap()).unwrap();
        for encoding in Encoding::ALL {
            let t = count_example(Format::Chat, &line, builtin(encoding));
            let want = &e[encoding.name()];
            assert_eq!(t.total as u64, want["total"].as_u64().unwrap(), "line {n}");
            assert_eq!(
                t.trainable as u64,
                want["assistant"].as_u64().unwrap(),
                "line {n}"
            );
        }
    }
}

mod fast_split {
    //! The ASCII pre-tokenizer splits as `bpe-openai`'s regex does, and the
    //! fast counting equals `Tokenizer::count`, on random strings over a
    //! tricky alphabet, for both encodings.

    use proptest::prelude::*;
    use tunewise::core::dataset::ascii_pretokenizer::piece_len;
    use tunewise::core::dataset::piece_counter::count_text;
    use tunewise::core::dataset::tokens::{Encoding, builtin};

    const ATOMS: &[&str] = &[
        " ", " ", "  ", "\t", "\r", "\n", "\r\n", "\x0B", "\x0C", "a", "b", "s", "t", "z", "A",
        "B", "S", "T", "Z", "Hello", "HTTP", "wORLD", "0", "1", "9", "123", "'", "'s", "'T", "'re",
        "'VE", "'m", "'Ll", "'d", "'ſ", ".", ",", "!", "?", "/", "//", "-", "_", "(", ")", "{",
        "}", "\"", "#", "*", "\\", "\x00", "\x1F", "\x7F", "é", "É", "ß", "中", "🎉", "\u{301}",
        "\u{a0}", "\u{2003}", "Ⅻ", "²", "\u{85}", "\u{2028}", "ǅ", "ʰ",
    ];

    fn tricky() -> impl Strategy<Value = String> {
        prop::collection::vec(
            prop_oneof![
                4 => prop::sample::select(ATOMS).prop_map(str::to_string),
                1 => prop::char::range('\0', '\x7f').prop_map(String::from),
            ],
            0..40,
        )
        .prop_map(|parts| parts.concat())
    }

    /// Wherever the regex starts a piece, the ASCII pre-tokenizer either
    /// leaves it to the regex or finds the same piece.
    fn agrees(encoding: Encoding, text: &str) -> Result<(), TestCaseError> {
        let tok = builtin(encoding);
        let mut pos = 0;
        for piece in tok.split(text) {
            if let Some(n) = piece_len(encoding, &text.as_bytes()[pos..]) {
                prop_assert_eq!(
                    &text[pos..pos + n],
                    piece,
                    "{} at {} of {:?}",
                    encoding.name(),
                    pos,
                    text
                );
            }
            pos += piece.len();
        }
        prop_assert_eq!(
            count_text(tok, text),
            tok.count(text),
            "{} {:?}",
            encoding.name(),
            text
        );
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        #[test]
        fn o200k_fast_split_equals_the_regex(text in tricky()) {
            agrees(Encoding::O200kBase, &text)?;
        }

        #[test]
        fn cl100k_fast_split_equals_the_regex(text in tricky()) {
            agrees(Encoding::Cl100kBase, &text)?;
        }

        #[test]
        fn any_ascii_splits_alike(text in "[\\x00-\\x7f]{0,60}") {
            agrees(Encoding::O200kBase, &text)?;
            agrees(Encoding::Cl100kBase, &text)?;
        }
    }

    #[test]
    fn every_pair_of_ascii_characters_splits_alike() {
        for encoding in Encoding::ALL {
            for a in 0u8..128 {
                for b in 0u8..128 {
                    for tail in ["", "x", " ", "'s", "1"] {
                        let text = format!("{}{}{tail}", a as char, b as char);
                        agrees(encoding, &text).unwrap();
                    }
                }
            }
        }
    }
}
