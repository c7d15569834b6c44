//! `tunewise`: the command-line tool over the same core as the web app.
//!
//! ```text
//! tunewise validate FILE [--json] [--encoding o200k_base|cl100k_base|none]
//!                   [--max-tokens N] [--validation FILE]
//! tunewise generate [--mb N] [--seed S] FILE
//! ```
//! Checks a fine-tuning JSONL file line by line, counts its tokens as
//! OpenAI does, prints the report, and exits 1 when the file has errors
//! (2 on a usage or read problem), so it can gate a CI pipeline. The file is
//! streamed in 1 MiB chunks.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(cli::run(std::env::args().skip(1).collect()));
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use std::io::Read;

    use std::collections::HashSet;
    use std::sync::Arc;

    use tunewise::core::dataset::report::{DatasetValidator, ValidatorOptions};
    use tunewise::core::dataset::summary::ReportJson;
    use tunewise::core::dataset::tokens::{Encoding, builtin};

    const USAGE: &str = "usage: tunewise validate FILE [--json] [--encoding o200k_base|cl100k_base|none] [--max-tokens N] [--validation FILE]";

    const GENERATE_USAGE: &str = "usage: tunewise generate [--mb N] [--seed S] FILE   (deterministic chat JSONL for benchmarks)";

    /// Writes a deterministic chat JSONL file of about N MB.
    fn generate(args: &[String]) -> i32 {
        let (mut mb, mut seed, mut path) = (100usize, 42u64, None::<&str>);
        let mut it = args.iter();
        while let Some(a) = it.next() {
            let parsed = match a.as_str() {
                "--mb" => it.next().and_then(|v| v.parse().ok()).map(|v| mb = v),
                "--seed" => it.next().and_then(|v| v.parse().ok()).map(|v| seed = v),
                p if !p.starts_with("--") && path.is_none() => {
                    path = Some(p);
                    Some(())
                }
                _ => None,
            };
            if parsed.is_none() {
                eprintln!("{GENERATE_USAGE}");
                return 2;
            }
        }
        let Some(path) = path else {
            eprintln!("{GENERATE_USAGE}");
            return 2;
        };
        let mut out = String::with_capacity((mb << 20) + 4096);
        tunewise::core::dataset::generate::chat_jsonl(seed, mb << 20, &mut out);
        match std::fs::write(path, out.as_bytes()) {
            Ok(()) => {
                println!("{path}: {} bytes, {} lines", out.len(), out.lines().count());
                0
            }
            Err(e) => {
                eprintln!("tunewise: cannot write {path}: {e}");
                2
            }
        }
    }

    struct Args {
        json: bool,
        path: String,
        encoding: Option<Encoding>,
        max_tokens: Option<usize>,
        validation: Option<String>,
    }

    fn parse(args: Vec<String>) -> Result<Args, String> {
        let mut it = args.into_iter();
        if it.next().as_deref() != Some("validate") {
            return Err(USAGE.into());
        }
        let mut out = Args {
            json: false,
            path: String::new(),
            encoding: Some(Encoding::O200kBase),
            max_tokens: None,
            validation: None,
        };
        while let Some(a) = it.next() {
            let mut value = |name: &str| it.next().ok_or(format!("{name} needs a value\n{USAGE}"));
            match a.as_str() {
                "--json" => out.json = true,
                "--encoding" => {
                    let v = value("--encoding")?;
                    out.encoding = match v.as_str() {
                        "none" => None,
                        name => Some(Encoding::from_name(name).ok_or(format!(
                            "unknown encoding {name:?}: use o200k_base, cl100k_base or none"
                        ))?),
                    };
                }
                "--max-tokens" => {
                    let v = value("--max-tokens")?;
                    out.max_tokens =
                        Some(v.parse().map_err(|_| {
                            format!("--max-tokens needs a whole number, not {v:?}")
                        })?);
                }
                "--validation" => out.validation = Some(value("--validation")?),
                flag if flag.starts_with("--") => {
                    return Err(format!("unknown option {flag}\n{USAGE}"));
                }
                path if out.path.is_empty() => out.path = path.to_string(),
                extra => return Err(format!("unexpected argument {extra:?}\n{USAGE}")),
            }
        }
        if out.path.is_empty() {
            return Err(USAGE.into());
        }
        Ok(out)
    }

    pub fn run(args: Vec<String>) -> i32 {
        if matches!(args.first().map(String::as_str), Some("--help" | "-h")) {
            println!("{USAGE}\n{GENERATE_USAGE}");
            return 0;
        }
        if args.first().map(String::as_str) == Some("generate") {
            return generate(&args[1..]);
        }
        let args = match parse(args) {
            Ok(a) => a,
            Err(e) => {
                eprintln!("{e}");
                return 2;
            }
        };
        let options = ValidatorOptions {
            tokenizer: args.encoding.map(|e| (builtin(e), e)),
            max_tokens_per_example: args.max_tokens,
            ..ValidatorOptions::default()
        };
        let (report, hashes) = match validate_file(&args.path, options.clone()) {
            Ok(r) => r,
            Err(e) => {
                eprintln!("tunewise: cannot read {}: {e}", args.path);
                return 2;
            }
        };
        let mut reports = vec![(args.path.clone(), ReportJson::from(&report))];
        if let Some(path) = &args.validation {
            // A validation set may be small; it only needs one example.
            let options = ValidatorOptions {
                other_set: Some(Arc::new(hashes)),
                min_examples: Some(1),
                ..options
            };
            match validate_file(path, options) {
                Ok((r, _)) => reports.push((path.clone(), ReportJson::from(&r))),
                Err(e) => {
                    eprintln!("tunewise: cannot read {path}: {e}");
                    return 2;
                }
            }
        }
        if args.json {
            if let [(_, only)] = reports.as_slice() {
                println!("{}", only.to_json());
            } else {
                let both =
                    serde_json::json!({ "training": reports[0].1, "validation": reports[1].1 });
                println!(
                    "{}",
                    serde_json::to_string_pretty(&both).unwrap_or_default()
                );
            }
        } else {
            for (path, r) in &reports {
                print_text(path, r);
            }
        }
        i32::from(reports.iter().any(|(_, r)| r.error_total() > 0))
    }

    fn validate_file(
        path: &str,
        options: ValidatorOptions,
    ) -> std::io::Result<(tunewise::core::dataset::report::DatasetReport, HashSet<u64>)> {
        let mut file = std::fs::File::open(path)?;
        let mut validator = DatasetValidator::with_options(options);
        let mut buf = vec![0u8; 1 << 20];
        loop {
            let n = file.read(&mut buf)?;
            if n == 0 {
                break;
            }
            validator.push(&buf[..n]);
        }
        Ok(validator.finish_with_hashes())
    }

    fn print_text(path: &str, r: &ReportJson) {
        let errors = r.error_total();
        if errors == 0 {
            println!(
                "{path}: ready — {} valid examples in {} lines ({}).",
                r.valid_examples,
                r.lines,
                r.format.as_deref().unwrap_or("no format")
            );
        } else {
            println!(
                "{path}: fix {errors} problem{} — {} valid examples in {} lines.",
                if errors == 1 { "" } else { "s" },
                r.valid_examples,
                r.lines
            );
        }
        for (code, n) in &r.error_counts {
            println!("  error   {code}: {n}");
        }
        for (code, n) in &r.warning_counts {
            println!("  warning {code}: {n}");
        }
        if let Some(t) = &r.tokens {
            println!(
                "  tokens ({}): {} in all, {} trainable; per example min {}, median {}, mean {:.1}, p95 {}, max {}{}",
                t.encoding,
                t.total,
                t.trainable,
                t.min,
                t.median,
                t.mean,
                t.p95,
                t.max,
                if t.over_limit > 0 {
                    format!("; {} over the limit", t.over_limit)
                } else {
                    String::new()
                }
            );
        }
        let mut findings: Vec<_> = r.errors.iter().chain(&r.warnings).collect();
        findings.sort_by_key(|f| f.line);
        for f in findings.iter().take(50) {
            let kind = &f.severity;
            let field = f
                .field
                .as_deref()
                .map(|p| format!(" [{p}]"))
                .unwrap_or_default();
            let place = tunewise::core::dataset::finding::place(f.line);
            println!("{place}: {kind} {}{field}: {}", f.code, f.message);
        }
        if findings.len() > 50 {
            println!(
                "… {} more findings (use --json for all kept findings)",
                findings.len() - 50
            );
        }
    }
}
