//! Benchmark: validate a generated chat JSONL file natively, streamed in
//! 1 MiB chunks as the CLI does. Prints MB/s and peak memory. (Token
//! counting is not part of the validator yet; see issue 4.)
//!
//! Run: `cargo bench --bench dataset` (set TUNEWISE_BENCH_MB to change the size).

use std::time::Instant;

use tunewise::core::dataset::generate::chat_jsonl;
use tunewise::core::dataset::report::DatasetValidator;

fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn main() {
    let mb: usize = std::env::var("TUNEWISE_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20);
    let mut data = String::with_capacity(mb << 20);
    chat_jsonl(42, mb << 20, &mut data);
    let before = peak_rss_kib();
    let t0 = Instant::now();
    let mut v = DatasetValidator::new(None);
    for chunk in data.as_bytes().chunks(1 << 20) {
        v.push(chunk);
    }
    let report = v.finish();
    let secs = t0.elapsed().as_secs_f64();
    let size = data.len() as f64 / 1e6;
    println!(
        "dataset validation (native, {:.1} MB, {} examples, {} errors): {:.2} s, {:.0} MB/s; peak RSS {} KiB (after generating the input: {} KiB)",
        size,
        report.valid_examples,
        report.error_total(),
        secs,
        size / secs,
        peak_rss_kib().unwrap_or(0),
        before.unwrap_or(0),
    );
}
