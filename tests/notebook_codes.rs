//! Where OpenAI's data-preparation notebook has an error code, tunewise
//! gives the same case the same code, counted the same way, so the two
//! tools' error counts compare one to one. The expected counts come from
//! `scripts/reference_validate.py` (the notebook's checks) run on the
//! fixture; see `tests/fixtures/notebook_counts.json` to regenerate them.

use tunewise::core::dataset::report::validate_bytes;

#[test]
fn notebook_codes_count_as_the_notebook_counts_them() {
    let cases = std::fs::read("tests/fixtures/notebook_cases.jsonl").unwrap();
    let expected: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string("tests/fixtures/notebook_counts.json").unwrap(),
    )
    .unwrap();
    let report = validate_bytes(&cases, None);
    let counts = expected["error_counts"].as_object().unwrap();
    assert_eq!(counts.len(), 7, "every notebook code is in the fixture");
    for (code, n) in counts {
        assert_eq!(
            report.error_counts.get(code.as_str()).copied().unwrap_or(0) as u64,
            n.as_u64().unwrap(),
            "{code}: {:?}",
            report.error_counts
        );
    }
}
