//! `tunewise`: the command-line tool over the same core as the web app.
//!
//! ```text
//! tunewise validate FILE [--json]
//! ```
//! Checks a fine-tuning JSONL file line by line, prints the report, and
//! exits 1 when the file has errors (2 on a usage or read problem), so it
//! can gate a CI pipeline. The file is streamed in 1 MiB chunks.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(cli::run(std::env::args().skip(1).collect()));
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use std::io::Read;

    use serde_json::json;
    use tunewise::core::dataset::finding::{Finding, Severity};
    use tunewise::core::dataset::report::{DatasetReport, DatasetValidator};

    const USAGE: &str = "usage: tunewise validate FILE [--json]";

    pub fn run(args: Vec<String>) -> i32 {
        let json = args.iter().any(|a| a == "--json");
        let rest: Vec<&String> = args.iter().filter(|a| *a != "--json").collect();
        let path = match rest.as_slice() {
            [cmd, path] if cmd.as_str() == "validate" => path.as_str(),
            [flag] if flag.as_str() == "--help" || flag.as_str() == "-h" => {
                println!("{USAGE}");
                return 0;
            }
            _ => {
                eprintln!("{USAGE}");
                return 2;
            }
        };
        let report = match validate_file(path) {
            Ok(r) => r,
            Err(e) => {
                eprintln!("tunewise: cannot read {path}: {e}");
                return 2;
            }
        };
        if json {
            println!("{}", to_json(&report));
        } else {
            print_text(path, &report);
        }
        i32::from(report.error_total() > 0)
    }

    fn validate_file(path: &str) -> std::io::Result<DatasetReport> {
        let mut file = std::fs::File::open(path)?;
        let mut validator = DatasetValidator::new(None);
        let mut buf = vec![0u8; 1 << 20];
        loop {
            let n = file.read(&mut buf)?;
            if n == 0 {
                break;
            }
            validator.push(&buf[..n]);
        }
        Ok(validator.finish())
    }

    fn finding_json(f: &Finding) -> serde_json::Value {
        json!({ "line": f.line, "code": f.code, "field": f.field, "message": f.message })
    }

    fn to_json(r: &DatasetReport) -> String {
        let of = |s: Severity| -> Vec<serde_json::Value> {
            r.findings
                .iter()
                .filter(|f| f.severity == s)
                .map(finding_json)
                .collect()
        };
        let value = json!({
            "format": r.main_format(),
            "formats": r.formats,
            "lines": r.lines,
            "bytes": r.bytes,
            "valid_examples": r.valid_examples,
            "error_counts": r.error_counts,
            "warning_counts": r.warning_counts,
            "errors": of(Severity::Error),
            "warnings": of(Severity::Warning),
            "duplicates": r.duplicates.iter().map(|(l, first)| json!({"line": l, "duplicate_of": first})).collect::<Vec<_>>(),
            // Token counting (o200k_base) is not implemented yet: see issue 4.
            "tokens": null,
        });
        serde_json::to_string_pretty(&value).unwrap_or_else(|_| "{}".into())
    }

    fn print_text(path: &str, r: &DatasetReport) {
        let errors = r.error_total();
        if errors == 0 {
            println!(
                "{path}: ready — {} valid examples in {} lines ({}).",
                r.valid_examples,
                r.lines,
                r.main_format().unwrap_or("no format")
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
        for f in r.findings.iter().take(50) {
            let kind = if f.severity == Severity::Error {
                "error"
            } else {
                "warning"
            };
            let field = f
                .field
                .as_deref()
                .map(|p| format!(" [{p}]"))
                .unwrap_or_default();
            println!("line {}: {kind} {}{field}: {}", f.line, f.code, f.message);
        }
        if r.findings.len() > 50 {
            println!(
                "… {} more findings (use --json for all kept findings)",
                r.findings.len() - 50
            );
        }
    }
}
