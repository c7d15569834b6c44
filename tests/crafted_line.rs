//! A crafted 64 MiB line (`{"messages":[1,1,…]}` and `{"messages":[{},{},…]}`)
//! gets a report, not a gigabyte of parsed values: the line is refused
//! before parsing (`too_many_values`) and peak memory stays under 200 MB.
//!
//! Both cases run in one `#[test]` so no other test in this process skews
//! the peak. The peak is Linux's VmHWM, reset by writing "5" to
//! /proc/self/clear_refs; elsewhere the memory assertion is skipped.

use tunewise::core::dataset::finding::Code;
use tunewise::core::dataset::framing::DEFAULT_MAX_LINE_BYTES;
use tunewise::core::dataset::generate::crafted_line_chunks;
use tunewise::core::dataset::report::{DatasetReport, DatasetValidator, ValidatorOptions};
use tunewise::core::dataset::tokens::{Encoding, builtin};

/// Peak resident memory allowed while checking one crafted line.
const PEAK_LIMIT_MB: f64 = 200.0;

fn status_kib(key: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find(|l| l.starts_with(key))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

/// Checks one crafted line with tokens counted: the report, the seconds and
/// the peak resident memory in MB (`None` without /proc).
fn check(unit: &str) -> (DatasetReport, f64, Option<f64>) {
    let reset = std::fs::write("/proc/self/clear_refs", "5").is_ok();
    let start = std::time::Instant::now();
    let mut v = DatasetValidator::with_options(ValidatorOptions {
        tokenizer: Some((builtin(Encoding::O200kBase), Encoding::O200kBase)),
        ..ValidatorOptions::default()
    });
    let mut bytes = 0;
    for chunk in crafted_line_chunks(r#"{"messages":["#, unit, "]}", DEFAULT_MAX_LINE_BYTES) {
        bytes += chunk.len();
        v.push(&chunk);
    }
    assert!(bytes > DEFAULT_MAX_LINE_BYTES - 16 && bytes <= DEFAULT_MAX_LINE_BYTES + 1);
    let report = v.finish();
    let secs = start.elapsed().as_secs_f64();
    let peak = status_kib("VmHWM:")
        .filter(|_| reset)
        .map(|k| k as f64 / 1024.0);
    (report, secs, peak)
}

#[test]
fn a_crafted_64_mib_line_gets_a_report_within_200_mb() {
    builtin(Encoding::O200kBase).count("load the dictionary before measuring");
    for unit in ["1", "{}"] {
        let (report, secs, peak) = check(unit);
        let f = report
            .findings
            .iter()
            .find(|f| f.line == Some(1))
            .expect("a finding on line 1");
        assert_eq!(f.code, Code::TooManyValues, "{}", f.message);
        assert!(f.message.contains("split"), "{}", f.message);
        assert_eq!(report.error_counts.get("too_many_values"), Some(&1));
        assert_eq!(report.valid_examples, 0);
        match peak {
            Some(mb) => {
                println!("crafted 64 MiB line [{unit},{unit},…]: {secs:.2} s, peak RSS {mb:.0} MB");
                assert!(mb < PEAK_LIMIT_MB, "peak {mb:.0} MB for [{unit},…]");
            }
            None => println!(
                "crafted 64 MiB line [{unit},{unit},…]: {secs:.2} s; /proc/self unavailable, memory not measured"
            ),
        }
    }
}
