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

#[test]
fn tokens_are_counted_as_tiktoken_counts_them() {
    // 12 examples × 37 tokens (Python tiktoken, o200k_base, the notebook's rule).
    let (code, text) = run(&["validate", "tests/fixtures/chat_valid.jsonl", "--json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let t = &v["tokens"];
    assert_eq!(t["encoding"], "o200k_base");
    assert_eq!(
        (t["total"].as_u64(), t["trainable"].as_u64()),
        (Some(444), Some(96))
    );
    assert_eq!(
        (t["min"].as_u64(), t["max"].as_u64(), t["mean"].as_f64()),
        (Some(37), Some(37), Some(37.0))
    );
    let (_, none) = run(&[
        "validate",
        "tests/fixtures/chat_valid.jsonl",
        "--json",
        "--encoding",
        "none",
    ]);
    assert!(serde_json::from_str::<serde_json::Value>(&none).unwrap()["tokens"].is_null());
    let (code, over) = run(&[
        "validate",
        "tests/fixtures/chat_valid.jsonl",
        "--json",
        "--max-tokens",
        "30",
    ]);
    assert_eq!(
        code, 0,
        "over the limit is a warning: the example is truncated"
    );
    let over: serde_json::Value = serde_json::from_str(&over).unwrap();
    assert_eq!(over["warning_counts"]["too_many_tokens"], 12);
    assert_eq!(run(&["validate", "x.jsonl", "--encoding", "p50k"]).0, 2);
    assert_eq!(run(&["validate", "x.jsonl", "--max-tokens", "many"]).0, 2);
}

#[test]
fn a_validation_set_is_checked_for_overlap() {
    let dir = std::env::temp_dir().join(format!("tunewise-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let lines: Vec<String> = std::fs::read_to_string("tests/fixtures/chat_valid.jsonl")
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect();
    let validation = dir.join("valid.jsonl");
    std::fs::write(
        &validation,
        format!(
            "{}\n{}\n",
            lines[3],
            r#"{"messages":[{"role":"user","content":"new"},{"role":"assistant","content":"one"}]}"#
        ),
    )
    .unwrap();
    let (code, text) = run(&[
        "validate",
        "tests/fixtures/chat_valid.jsonl",
        "--validation",
        validation.to_str().unwrap(),
        "--json",
    ]);
    assert_eq!(code, 0, "{text}");
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["validation"]["overlap"], serde_json::json!([1]));
    assert_eq!(v["validation"]["warning_counts"]["in_both_sets"], 1);
    assert_eq!(v["training"]["valid_examples"], 12);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn every_format_is_checked_with_line_numbers() {
    // (file, format, valid examples, [(line, code)] expected among the errors)
    type Case<'a> = (&'a str, &'a str, u64, &'a [(u64, &'a str)]);
    let cases: [Case; 4] = [
        (
            "sharegpt.jsonl",
            "ShareGPT",
            2,
            &[
                (3, "example_missing_assistant_message"),
                (4, "unrecognized_role"),
                (4, "missing_content"),
            ],
        ),
        (
            "preference.jsonl",
            "OpenAI preference (DPO)",
            1,
            &[(2, "missing_messages_list"), (2, "missing_content")],
        ),
        (
            "prompt_completion.jsonl",
            "prompt / completion",
            1,
            &[(2, "empty_value"), (3, "wrong_type")],
        ),
        ("alpaca.jsonl", "Alpaca", 3, &[]),
    ];
    for (file, format, valid, expected) in cases {
        let (code, text) = run(&["validate", &format!("tests/fixtures/{file}"), "--json"]);
        assert_eq!(code, 1, "{file}: fewer than 10 examples is an error");
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["format"], format, "{file}");
        assert_eq!(v["valid_examples"], valid, "{file}");
        let errors: Vec<(u64, String)> = v["errors"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|e| Some((e["line"].as_u64()?, e["code"].as_str()?.to_string())))
            .collect();
        // File-level findings carry no line.
        let too_few = v["errors"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["code"] == "too_few_examples")
            .unwrap();
        assert!(too_few["line"].is_null(), "{file}: {too_few}");
        for (line, code) in expected {
            assert!(
                errors.contains(&(*line, code.to_string())),
                "{file}: {line} {code} in {errors:?}"
            );
        }
        assert!(v["tokens"]["total"].as_u64().unwrap() > 0, "{file}");
    }
}

#[test]
fn generate_writes_a_deterministic_valid_file() {
    let dir = std::env::temp_dir().join(format!("tunewise-gen-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (a, b) = (dir.join("a.jsonl"), dir.join("b.jsonl"));
    assert_eq!(run(&["generate", "--mb", "1", a.to_str().unwrap()]).0, 0);
    assert_eq!(run(&["generate", "--mb", "1", b.to_str().unwrap()]).0, 0);
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
    let (code, text) = run(&["validate", a.to_str().unwrap()]);
    assert_eq!(code, 0, "{text}");
    assert_eq!(run(&["generate", "--mb", "x", "c.jsonl"]).0, 2);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn provider_and_model_pick_the_rules_and_the_json_says_so() {
    // Bedrock's own format is checked even on lines without "system".
    let (code, text) = run(&[
        "validate",
        "tests/fixtures/bedrock_valid.jsonl",
        "--provider",
        "bedrock",
        "--today",
        "2026-12-01",
        "--json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    assert_eq!(v["format"], "Bedrock Claude chat", "{text}");
    assert_eq!(v["formats"].as_object().unwrap().len(), 1, "{text}");
    assert_eq!(v["target"]["provider"], "bedrock");
    assert_eq!(v["target"]["token_counts"], "approximate");
    // Bedrock documents no minimum: 3 clean lines are no error, only few.
    assert_eq!(v["error_counts"], serde_json::json!({}), "{text}");
    assert_eq!(v["warning_counts"]["few_examples"], 1, "{text}");
    assert_eq!(code, 0, "{text}");

    let (code, text) = run(&[
        "validate",
        "tests/fixtures/bedrock_broken.jsonl",
        "--provider",
        "bedrock",
        "--json",
    ]);
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    for c in [
        "first_turn_not_user",
        "last_turn_not_assistant",
        "turns_not_alternating",
        "key_not_supported",
    ] {
        assert_eq!(v["error_counts"][c], 1, "{c}: {text}");
    }

    let (code, text) = run(&[
        "validate",
        "tests/fixtures/gemini_broken.jsonl",
        "--provider",
        "vertex",
        "--model",
        "gemini-2.5-flash",
        "--json",
    ]);
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["format"], "Vertex AI Gemini");
    assert_eq!(v["target"]["model"], "gemini-2.5-flash");
    assert_eq!(v["target"]["max_tokens_per_example"], 131072);
    for c in [
        "first_turn_not_user",
        "missing_content",
        "unrecognized_role",
        "key_not_supported",
    ] {
        assert!(v["error_counts"][c].as_u64() >= Some(1), "{c}: {text}");
    }

    // Without a provider: the format is detected, no provider's rules apply.
    let (code, text) = run(&["validate", "tests/fixtures/gemini_valid.jsonl", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["format"], "Vertex AI Gemini");
    assert!(v["target"]["provider"].is_null());
    assert_eq!(v["target"]["token_counts"], "exact");
    assert_eq!(code, 1, "fewer than OpenAI's 10 examples: {text}");

    // --help lists the providers and their models with their status.
    let (code, text) = run(&["--help"]);
    assert_eq!(code, 0);
    for s in [
        "vertex",
        "bedrock",
        "bedrock-nova",
        "gemini-2.5-flash",
        "gpt-3.5-turbo-0125 (ended 2026-10-23)",
    ] {
        assert!(text.contains(s), "{s}: {text}");
    }
    let (code, _) = run(&["validate", "x.jsonl", "--provider", "nope"]);
    assert_eq!(code, 2);
}
