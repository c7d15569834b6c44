//! The `tunewise` command line, run as a user would on fixture files.
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

fn run(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_tunewise"))
        .args(args)
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn a_valid_file_passes() {
    let (code, text) = run(&["validate", "tests/fixtures/chat_valid.jsonl"]);
    assert_eq!(code, 0, "{text}");
    assert!(
        text.contains("ready — 12 valid examples in 12 lines (OpenAI chat)"),
        "{text}"
    );
}

#[test]
fn a_broken_file_fails_with_line_numbers_in_json() {
    let (code, text) = run(&["validate", "tests/fixtures/chat_broken.jsonl", "--json"]);
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    assert_eq!(v["lines"], 7);
    assert_eq!(v["valid_examples"], 2);
    assert_eq!(v["format"], "OpenAI chat");
    let counts = &v["error_counts"];
    assert_eq!(counts["example_missing_assistant_message"], 1);
    assert_eq!(counts["invalid_json"], 1);
    assert_eq!(counts["data_type"], 1);
    assert_eq!(counts["unrecognized_role"], 1);
    let errors = v["errors"].as_array().unwrap();
    assert!(
        errors
            .iter()
            .any(|e| e["line"] == 4 && e["code"] == "invalid_json")
    );
    assert!(
        v["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w["line"] == 2 && w["code"] == "duplicate_example")
    );
}

#[test]
fn binary_input_and_bad_usage_are_reported_not_crashed() {
    let (code, text) = run(&["validate", "tests/fixtures/binary.png"]);
    assert_eq!(code, 1);
    assert!(text.contains("invalid_utf8"), "{text}");
    assert_eq!(run(&["validate"]).0, 2);
    assert_eq!(run(&["validate", "no/such/file.jsonl"]).0, 2);
}
