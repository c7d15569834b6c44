//! Benchmark: validate a generated chat JSONL file natively, with exact
//! o200k_base token counts, streamed from disk in 1 MiB chunks as the CLI
//! does. Prints MB/s and peak memory, and, when `TUNEWISE_REFERENCE_PYTHON`
//! names a Python with tiktoken (scripts/setup-tiktoken.sh), the reference
//! approach (the notebook's checks + tiktoken) on the same file in the same
//! run. The file stays in target/bench/ for the browser benchmark.
//!
//! Run: `cargo bench --bench dataset` (TUNEWISE_BENCH_MB sets the size, 100 by default).

use std::io::Read;
use std::path::PathBuf;
use std::time::Instant;

use tunewise::core::dataset::generate::chat_jsonl;
use tunewise::core::dataset::report::{DatasetValidator, ValidatorOptions};
use tunewise::core::dataset::summary::ReportJson;
use tunewise::core::dataset::tokens::{Encoding, builtin};

fn status_kib(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            let line = s.lines().find(|l| l.starts_with(field))?.to_string();
            line.split_whitespace().nth(1)?.parse().ok()
        })
        .unwrap_or(0)
}

fn validate(path: &PathBuf, encoding: Option<Encoding>) -> (ReportJson, f64) {
    let tokenizer = encoding.map(|e| (builtin(e), e));
    let t0 = Instant::now();
    let mut v = DatasetValidator::with_options(ValidatorOptions {
        tokenizer,
        ..ValidatorOptions::default()
    });
    let mut file = std::fs::File::open(path).expect("the generated file opens");
    let mut buf = vec![0u8; 1 << 20];
    loop {
        let n = file.read(&mut buf).expect("the file reads");
        if n == 0 {
            break;
        }
        v.push(&buf[..n]);
    }
    let report = ReportJson::from(&v.finish());
    (report, t0.elapsed().as_secs_f64())
}

fn main() {
    let mb: usize = std::env::var("TUNEWISE_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100);
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench");
    std::fs::create_dir_all(&dir).expect("target/bench is writable");
    let path = dir.join(format!("chat-{mb}mb.jsonl"));
    if std::fs::metadata(&path)
        .map(|m| m.len() as usize)
        .unwrap_or(0)
        < mb << 20
    {
        let mut data = String::with_capacity((mb << 20) + 4096);
        chat_jsonl(42, mb << 20, &mut data);
        std::fs::write(&path, data).expect("the generated file is written");
    }
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0) as f64 / 1e6;

    let (plain, plain_secs) = validate(&path, None);
    builtin(Encoding::O200kBase).count("load the dictionary before measuring");
    // Reset the peak (Linux: "5" to clear_refs), so generating the file
    // above does not count as validation's memory.
    let _ = std::fs::write("/proc/self/clear_refs", "5");
    let rss_before = status_kib("VmRSS:");
    let (report, secs) = validate(&path, Some(Encoding::O200kBase));
    let peak = status_kib("VmHWM:");
    let tokens = report.tokens.clone().unwrap_or_default();
    println!(
        "dataset validation, native ({size:.1} MB, {} examples, {} errors):\n  checks only: {plain_secs:.2} s, {:.0} MB/s\n  checks + o200k tokens: {secs:.2} s, {:.1} MB/s; {} tokens ({} trainable)\n  peak RSS {} KiB (before validating, with the tokenizer loaded: {} KiB; the file is streamed, not held)",
        plain.valid_examples,
        report.error_total(),
        size / plain_secs,
        size / secs,
        tokens.total,
        tokens.trainable,
        peak,
        rss_before,
    );
    let summary = serde_json::json!({
        "file": path, "mb": size, "examples": report.valid_examples,
        "tokens": tokens.total, "trainable": tokens.trainable,
        "native_seconds": secs, "native_mb_per_s": size / secs,
    });
    let mut summary = summary;
    if let Ok(python) = std::env::var("TUNEWISE_REFERENCE_PYTHON") {
        let script =
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scripts/reference_validate.py");
        let out = std::process::Command::new(python)
            .arg(script)
            .arg(&path)
            .output();
        match out {
            Ok(o) if o.status.success() => {
                let r: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap_or_default();
                let ref_secs = r["seconds"].as_f64().unwrap_or(f64::NAN);
                println!(
                    "  reference (Python tiktoken + the notebook's checks): {ref_secs:.2} s, {:.1} MB/s; {} tokens ({} assistant)\n  native speed-up over the reference: {:.1}× (target ≥ 5×); token totals {}",
                    size / ref_secs,
                    r["total_tokens"],
                    r["assistant_tokens"],
                    ref_secs / secs,
                    if r["total_tokens"].as_u64() == Some(tokens.total) {
                        "agree"
                    } else {
                        "DIFFER"
                    },
                );
                summary["reference_seconds"] = ref_secs.into();
                summary["reference_mb_per_s"] = (size / ref_secs).into();
                summary["reference_tokens"] = r["total_tokens"].clone();
            }
            Ok(o) => println!("  reference failed: {}", String::from_utf8_lossy(&o.stderr)),
            Err(e) => println!("  reference not run: {e}"),
        }
    } else {
        println!(
            "  (set TUNEWISE_REFERENCE_PYTHON to time the Python reference too; scripts/test.sh does)"
        );
    }
    let _ = std::fs::write(dir.join("dataset-native.json"), summary.to_string());
}
