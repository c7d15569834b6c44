//! Benchmark: validate chat JSONL files natively, with exact o200k_base
//! token counts, streamed from disk in 1 MiB chunks as the CLI does, on two
//! files written to target/bench/:
//!
//! * the generated file (short common words; `TUNEWISE_BENCH_MB`, 100 by
//!   default), the one the browser benchmark also checks;
//! * a realistic file (`TUNEWISE_BENCH_REAL_MB`, 20 by default) cut from the
//!   Rust sources and Markdown of the crates in `$CARGO_HOME/registry/src`,
//!   the translations of axe-core (`tests/e2e/node_modules/axe-core/locales`,
//!   or `TUNEWISE_BENCH_LOCALES`) and Python's standard library, whichever
//!   are on this machine: text whose tokens cost what real datasets cost.
//!
//! Prints MB/s and peak memory, and, when `TUNEWISE_REFERENCE_PYTHON` names
//! a Python with tiktoken (scripts/setup-tiktoken.sh), the minimal reference
//! (scripts/reference_minimal.py: the notebook's checks + tiktoken, each
//! string encoded once) on both files and the notebook-style reference
//! (scripts/reference_validate.py) on the generated one, in the same run,
//! with the speed ratio and whether the token totals agree. The figures go
//! to target/bench/dataset-native.json for the browser benchmark.
//!
//! Run: `cargo bench --bench dataset`.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Instant;

use serde_json::{Value, json};
use tunewise::core::dataset::generate::{chat_jsonl, realistic_chat_jsonl};
use tunewise::core::dataset::report::{DatasetValidator, ValidatorOptions};
use tunewise::core::dataset::summary::ReportJson;
use tunewise::core::dataset::tokens::{Encoding, builtin, counting_stats};

fn status_kib(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            let line = s.lines().find(|l| l.starts_with(field))?.to_string();
            line.split_whitespace().nth(1)?.parse().ok()
        })
        .unwrap_or(0)
}

fn validate(path: &Path, encoding: Option<Encoding>) -> (ReportJson, f64) {
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

fn env_mb(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Every file under `dir` whose name ends with one of `exts`.
fn walk(dir: &Path, exts: &[&str], out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let path = e.path();
        let Ok(kind) = e.file_type() else { continue };
        if kind.is_dir() {
            walk(&path, exts, out);
        } else if kind.is_file() && exts.iter().any(|x| path.to_string_lossy().ends_with(x)) {
            out.push(path);
        }
    }
}

/// About `budget` bytes of the files in `paths` (sorted), taken evenly
/// spread over the list, each cut to 64 KiB.
fn sample_texts(mut paths: Vec<PathBuf>, budget: usize) -> Vec<String> {
    const CAP: usize = 64 << 10;
    paths.sort();
    let sizes: Vec<usize> = paths
        .iter()
        .map(|p| {
            std::fs::metadata(p)
                .map_or(0, |m| m.len() as usize)
                .min(CAP)
        })
        .collect();
    let all: usize = sizes.iter().sum();
    let stride = (all / budget.max(1)).max(1);
    let mut texts = Vec::new();
    let mut taken = 0;
    for (i, p) in paths.iter().enumerate() {
        if i % stride != 0 || sizes[i] == 0 || taken >= budget {
            continue;
        }
        let Ok(mut text) = std::fs::read_to_string(p) else {
            continue;
        };
        if text.len() > CAP {
            let mut cut = CAP;
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            text.truncate(cut);
        }
        taken += text.len();
        texts.push(text);
    }
    texts
}

/// The string values of a JSON translation file, one a line.
fn strings_of(v: &Value, out: &mut String) {
    match v {
        Value::String(s) => {
            out.push_str(s);
            out.push('\n');
        }
        Value::Array(a) => a.iter().for_each(|v| strings_of(v, out)),
        Value::Object(o) => o.values().for_each(|v| strings_of(v, out)),
        _ => {}
    }
}

/// The source texts of the realistic file, interleaved by kind: crate
/// sources, crate Markdown, translations, Python.
fn realistic_sources(bytes: usize) -> (Vec<String>, String) {
    let home = std::env::var("CARGO_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|_| {
            PathBuf::from(std::env::var("HOME").unwrap_or_default()).join(".cargo")
        });
    let registry = home.join("registry/src");
    let (mut rs, mut md) = (Vec::new(), Vec::new());
    walk(&registry, &[".rs"], &mut rs);
    walk(&registry, &[".md"], &mut md);
    let code = sample_texts(rs, bytes);
    let docs = sample_texts(md, bytes / 2);

    let locales = std::env::var("TUNEWISE_BENCH_LOCALES")
        .map(PathBuf::from)
        .unwrap_or_else(|_| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("tests/e2e/node_modules/axe-core/locales")
        });
    let mut lj = Vec::new();
    walk(&locales, &[".json"], &mut lj);
    lj.sort();
    let langs: Vec<String> = lj
        .iter()
        .filter_map(|p| {
            let v: Value = serde_json::from_str(&std::fs::read_to_string(p).ok()?).ok()?;
            let mut s = String::new();
            strings_of(&v, &mut s);
            Some(s)
        })
        .collect();

    let mut py = Vec::new();
    for dir in [
        "/usr/lib/python3.13",
        "/usr/lib/python3.12",
        "/usr/lib/python3.11",
    ] {
        if Path::new(dir).is_dir() {
            let mut files = Vec::new();
            for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
                let p = e.path();
                if p.extension().is_some_and(|x| x == "py") {
                    files.push(p);
                }
            }
            py = sample_texts(files, bytes / 4);
            break;
        }
    }
    let what = format!(
        "{} Rust files and {} Markdown files from {}, {} axe-core translations, {} Python files",
        code.len(),
        docs.len(),
        registry.display(),
        langs.len(),
        py.len()
    );
    let kinds = [code, docs, langs, py];
    let mut mixed = Vec::new();
    let longest = kinds.iter().map(Vec::len).max().unwrap_or(0);
    for i in 0..longest {
        for k in &kinds {
            if let Some(t) = k.get(i) {
                mixed.push(t.clone());
            }
        }
    }
    (mixed, what)
}

/// Runs a reference script on `path`; its JSON answer, or why not.
fn reference(script: &str, path: &Path) -> Result<Value, String> {
    let python = std::env::var("TUNEWISE_REFERENCE_PYTHON").map_err(|_| {
        "set TUNEWISE_REFERENCE_PYTHON to time the Python reference too; scripts/test.sh does"
            .to_string()
    })?;
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("scripts")
        .join(script);
    let o = std::process::Command::new(python)
        .arg(script)
        .arg(path)
        .output()
        .map_err(|e| format!("not run: {e}"))?;
    if !o.status.success() {
        return Err(format!("failed: {}", String::from_utf8_lossy(&o.stderr)));
    }
    serde_json::from_slice(&o.stdout).map_err(|e| format!("printed no JSON: {e}"))
}

/// Times tunewise on one file, then the minimal reference; prints both and
/// returns the summary object the browser benchmark reads.
fn measure(label: &str, path: &Path) -> Value {
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0) as f64 / 1e6;
    let (plain, plain_secs) = validate(path, None);
    builtin(Encoding::O200kBase).count("load the dictionary before measuring");
    // Reset the peak (Linux: "5" to clear_refs), so generating the file
    // above does not count as validation's memory.
    let _ = std::fs::write("/proc/self/clear_refs", "5");
    let rss_before = status_kib("VmRSS:");
    let stats_before = counting_stats();
    let (report, secs) = validate(path, Some(Encoding::O200kBase));
    let stats = counting_stats().since(&stats_before);
    let peak = status_kib("VmHWM:");
    let tokens = report.tokens.clone().unwrap_or_default();
    println!(
        "dataset validation, native, {label} ({size:.1} MB, {} examples, {} errors):\n  checks only: {plain_secs:.2} s, {:.0} MB/s\n  checks + o200k tokens: {secs:.2} s, {:.1} MB/s; {} tokens ({} trainable)\n  counting: {stats}\n  peak RSS {} KiB (before validating, with the tokenizer loaded: {} KiB; the file is streamed, not held)",
        plain.valid_examples,
        report.error_total(),
        size / plain_secs,
        size / secs,
        tokens.total,
        tokens.trainable,
        peak,
        rss_before,
    );
    let mut summary = json!({
        "file": path, "mb": size, "examples": report.valid_examples,
        "tokens": tokens.total, "trainable": tokens.trainable,
        "native_seconds": secs, "native_mb_per_s": size / secs,
        "fast_split_share": stats.fast_share(), "cache_hit_rate": stats.hit_rate(),
    });
    match reference("reference_minimal.py", path) {
        Ok(r) => {
            let ref_secs = r["seconds"].as_f64().unwrap_or(f64::NAN);
            let agree = r["total_tokens"].as_u64() == Some(tokens.total)
                && r["assistant_tokens"].as_u64() == Some(tokens.trainable);
            println!(
                "  minimal reference (Python tiktoken, the notebook's checks, each string encoded once): {ref_secs:.2} s, {:.1} MB/s; {} tokens ({} assistant)\n  native {:.1}× the minimal reference (goal ≥ 5×, aim 10×); token totals {}",
                size / ref_secs,
                r["total_tokens"],
                r["assistant_tokens"],
                ref_secs / secs,
                if agree { "agree" } else { "DIFFER" },
            );
            summary["minimal_reference_seconds"] = ref_secs.into();
            summary["minimal_reference_mb_per_s"] = (size / ref_secs).into();
            summary["minimal_reference_tokens"] = r["total_tokens"].clone();
            summary["minimal_reference_assistant_tokens"] = r["assistant_tokens"].clone();
            summary["tokens_agree"] = agree.into();
        }
        Err(e) => println!("  minimal reference: {e}"),
    }
    summary
}

fn main() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench");
    std::fs::create_dir_all(&dir).expect("target/bench is writable");

    let mb = env_mb("TUNEWISE_BENCH_MB", 100);
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

    let real_mb = env_mb("TUNEWISE_BENCH_REAL_MB", 20);
    let real_path = dir.join(format!("realistic-{real_mb}mb.jsonl"));
    let (sources, what) = realistic_sources((real_mb << 20) * 3 / 2);
    let refs: Vec<&str> = sources.iter().map(String::as_str).collect();
    let mut data = String::with_capacity((real_mb << 20) + (1 << 16));
    realistic_chat_jsonl(42, real_mb << 20, &refs, &mut data);
    drop(sources);
    std::fs::write(&real_path, data).expect("the realistic file is written");
    println!("realistic file: {} from {what}", real_path.display());

    let mut summary = measure("generated file", &path);
    // The notebook-style reference (distributions and all), as before.
    match reference("reference_validate.py", &path) {
        Ok(r) => {
            let size = summary["mb"].as_f64().unwrap_or(0.0);
            let ref_secs = r["seconds"].as_f64().unwrap_or(f64::NAN);
            println!(
                "  notebook reference (Python tiktoken + the notebook's checks and statistics): {ref_secs:.2} s, {:.1} MB/s; {} tokens → native {:.1}× it; token totals {}",
                size / ref_secs,
                r["total_tokens"],
                ref_secs / summary["native_seconds"].as_f64().unwrap_or(f64::NAN),
                if r["total_tokens"] == summary["tokens"] {
                    "agree"
                } else {
                    "DIFFER"
                },
            );
            summary["reference_seconds"] = ref_secs.into();
            summary["reference_mb_per_s"] = (size / ref_secs).into();
            summary["reference_tokens"] = r["total_tokens"].clone();
        }
        Err(e) => println!("  notebook reference: {e}"),
    }
    summary["realistic"] = measure("realistic file", &real_path);
    let _ = std::fs::write(dir.join("dataset-native.json"), summary.to_string());
}
