//! `tunewise`: the command-line tool over the same core as the web app.
//!
//! ```text
//! tunewise validate FILE [--json] [--encoding o200k_base|cl100k_base|none]
//!                   [--max-tokens N] [--validation FILE]
//!                   [--provider NAME] [--model NAME] [--today YYYY-MM-DD]
//! tunewise generate [--mb N] [--seed S] FILE
//! ```
//! Checks a fine-tuning JSONL file line by line, counts its tokens as
//! OpenAI does, prints the report, and exits 1 when the file has errors
//! (2 on a usage or read problem), so it can gate a CI pipeline. The file is
//! streamed in 1 MiB chunks. `--provider` and `--model` pick the same target
//! as the Dataset page (its rules, limits and, for Vertex AI and Bedrock,
//! its format); `--help` lists them. A model's fine-tuning end date is
//! judged against `--today` (default: the system clock's UTC day).

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

    use tunewise::core::dataset::providers::{self, ModelLimit, ModelStatus, Provider};
    use tunewise::core::dataset::report::{DatasetValidator, ValidatorOptions};
    use tunewise::core::dataset::summary::ReportJson;
    use tunewise::core::dataset::tokens::{Encoding, builtin};

    const USAGE: &str = "usage: tunewise validate FILE [--json] [--encoding o200k_base|cl100k_base|none] [--max-tokens N] [--validation FILE] [--provider NAME] [--model NAME] [--today YYYY-MM-DD]";

    /// The providers and their models, for `--help`.
    fn targets_help(today: &str) -> String {
        let mut out =
            String::from("providers (--provider NAME) and their models (--model NAME):\n");
        for p in providers::all() {
            out.push_str(&format!("  {:<10} {}", p.id, p.name));
            if let Some(f) = p.native_format() {
                out.push_str(&format!(" — checks lines as {}", f.label()));
            }
            out.push('\n');
            for m in p.models {
                out.push_str(&format!(
                    "    {} — {} tokens per example\n",
                    m.label(today),
                    m.max_tokens_per_example
                ));
            }
        }
        out
    }

    /// Today's UTC day from the system clock (the core never reads it).
    fn system_today() -> String {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        civil_day((secs / 86_400) as i64)
    }

    /// Days since 1970-01-01 as an ISO day (Howard Hinnant's algorithm).
    pub(crate) fn civil_day(days: i64) -> String {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + i64::from(m <= 2);
        format!("{y:04}-{m:02}-{d:02}")
    }

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

    #[derive(Debug)]
    pub(crate) struct Args {
        pub(crate) json: bool,
        pub(crate) path: String,
        pub(crate) encoding: Option<Encoding>,
        pub(crate) max_tokens: Option<usize>,
        pub(crate) validation: Option<String>,
        pub(crate) provider: Option<&'static Provider>,
        pub(crate) model: Option<&'static ModelLimit>,
        pub(crate) today: String,
    }

    pub(crate) fn parse(args: Vec<String>) -> Result<Args, String> {
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
            provider: None,
            model: None,
            today: String::new(),
        };
        let mut model_name: Option<String> = None;
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
                "--provider" => {
                    let v = value("--provider")?;
                    out.provider = Some(providers::by_id(&v).ok_or_else(|| {
                        let ids: Vec<&str> = providers::all().iter().map(|p| p.id).collect();
                        format!("unknown provider {v:?}: use one of {}", ids.join(", "))
                    })?);
                }
                "--model" => model_name = Some(value("--model")?),
                "--today" => {
                    let v = value("--today")?;
                    // The core's one rule for a day (2026-02-31 is not one).
                    tunewise::core::dates::parse_day(&v)
                        .map_err(|why| format!("--today needs a day as YYYY-MM-DD: {why}"))?;
                    out.today = v;
                }
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
        if let Some(name) = model_name {
            // A model alone names its provider too.
            let found = providers::all()
                .iter()
                .filter(|p| out.provider.is_none_or(|q| q.id == p.id))
                .find_map(|p| p.model(&name).map(|m| (p, m)));
            let Some((p, m)) = found else {
                let scope = out
                    .provider
                    .map_or("any provider".to_string(), |p| p.name.to_string());
                let known: Vec<&str> = providers::all()
                    .iter()
                    .filter(|p| out.provider.is_none_or(|q| q.id == p.id))
                    .flat_map(|p| p.models.iter().map(|m| m.id))
                    .collect();
                return Err(format!(
                    "unknown model {name:?} for {scope}: use one of {} (see --help)",
                    if known.is_empty() {
                        "(none listed)".to_string()
                    } else {
                        known.join(", ")
                    }
                ));
            };
            out.provider = Some(p);
            out.model = Some(m);
            if out.max_tokens.is_none() {
                out.max_tokens = Some(m.max_tokens_per_example);
            }
        }
        Ok(out)
    }

    pub fn run(args: Vec<String>) -> i32 {
        if matches!(args.first().map(String::as_str), Some("--help" | "-h"))
            || args.iter().any(|a| a == "--help")
        {
            println!(
                "{USAGE}\n{GENERATE_USAGE}\n\n{}",
                targets_help(&system_today())
            );
            return 0;
        }
        if args.first().map(String::as_str) == Some("generate") {
            return generate(&args[1..]);
        }
        let args = match parse(args) {
            Ok(mut a) => {
                if a.today.is_empty() {
                    a.today = system_today();
                }
                a
            }
            Err(e) => {
                eprintln!("{e}");
                return 2;
            }
        };
        let options = ValidatorOptions {
            tokenizer: args.encoding.map(|e| (builtin(e), e)),
            max_tokens_per_example: args.max_tokens,
            provider: args.provider,
            min_examples: args.provider.and_then(|p| p.min_examples),
            expected: args.provider.and_then(Provider::native_format),
            ..ValidatorOptions::default()
        };
        if let Some(m) = args.model
            && let ModelStatus::Ended(day) = m.status(&args.today)
        {
            eprintln!(
                "tunewise: fine-tuning {} ended {day}: a job for it will be refused.",
                m.id
            );
        }
        let target = target_json(&args);
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
                validation_set: true,
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
                let mut v = serde_json::to_value(only).unwrap_or_default();
                if let Some(o) = v.as_object_mut() {
                    o.insert("target".into(), target);
                }
                println!("{}", serde_json::to_string_pretty(&v).unwrap_or_default());
            } else {
                let both = serde_json::json!({ "training": reports[0].1, "validation": reports[1].1, "target": target });
                println!(
                    "{}",
                    serde_json::to_string_pretty(&both).unwrap_or_default()
                );
            }
        } else {
            print_target(&args);
            for (path, r) in &reports {
                print_text(path, r);
            }
        }
        i32::from(reports.iter().any(|(_, r)| r.error_total() > 0))
    }

    /// Which provider's rules were applied, and what the token counts are
    /// worth for it: the `target` field of the JSON.
    pub(crate) fn target_json(args: &Args) -> serde_json::Value {
        let encoding = args.encoding.map(|e| e.name());
        let counts = match (encoding, args.provider) {
            (None, _) => None,
            (Some(_), None) => Some("exact"),
            (Some(_), Some(p)) => Some(p.token_counts(args.model.map(|m| m.id)).id()),
        };
        let status = args.model.map(|m| match m.status(&args.today) {
            ModelStatus::Live => "live".to_string(),
            ModelStatus::Ending(d) => format!("ends {d}"),
            ModelStatus::Ended(d) => format!("ended {d}"),
        });
        serde_json::json!({
            "provider": args.provider.map(|p| p.id),
            "provider_name": args.provider.map(|p| p.name),
            "rules": args.provider.map_or(
                "tunewise's format rules only (no --provider)".to_string(),
                |p| format!("{}'s rules and limits ({}, as of {})", p.name, p.source, p.as_of),
            ),
            "format": args.provider.and_then(Provider::native_format).map(|f| f.label()),
            "model": args.model.map(|m| m.id),
            "model_status": status,
            "max_tokens_per_example": args.max_tokens,
            "today": args.today,
            "token_counts": counts,
            "token_count_note": match (encoding, args.provider) {
                (Some(e), Some(p)) => p.token_count_note(e),
                _ => None,
            },
        })
    }

    fn print_target(args: &Args) {
        if let Some(p) = args.provider {
            let model = args
                .model
                .map(|m| format!(", model {}", m.label(&args.today)))
                .unwrap_or_default();
            println!("rules: {}{model}", p.name);
            if let Some(note) = args.encoding.and_then(|e| p.token_count_note(e.name())) {
                println!("tokens: {note}");
            }
        }
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

    #[cfg(test)]
    mod tests {
        use super::*;

        fn args(list: &[&str]) -> Result<Args, String> {
            parse(list.iter().map(|s| s.to_string()).collect())
        }

        #[test]
        fn provider_and_model_are_parsed() {
            let a = args(&[
                "validate",
                "f.jsonl",
                "--provider",
                "vertex",
                "--model",
                "gemini-2.5-flash",
            ])
            .unwrap();
            assert_eq!(a.provider.map(|p| p.id), Some("vertex"));
            assert_eq!(a.model.map(|m| m.id), Some("gemini-2.5-flash"));
            assert_eq!(a.max_tokens, Some(131_072), "the model's limit");
            // An explicit --max-tokens wins; a model alone names its provider.
            let a = args(&[
                "validate",
                "f.jsonl",
                "--max-tokens",
                "100",
                "--model",
                "gpt-4o-2024-08-06",
            ])
            .unwrap();
            assert_eq!(
                (a.provider.map(|p| p.id), a.max_tokens),
                (Some("openai"), Some(100))
            );
            assert!(
                args(&["validate", "f.jsonl", "--provider", "nope"])
                    .unwrap_err()
                    .contains("vertex")
            );
            let e = args(&[
                "validate",
                "f.jsonl",
                "--provider",
                "bedrock",
                "--model",
                "gpt-4o-2024-08-06",
            ])
            .unwrap_err();
            assert!(e.contains("anthropic.claude-3-haiku"), "{e}");
            assert!(args(&["validate", "f.jsonl", "--provider"]).is_err());
            assert!(args(&["validate", "f.jsonl", "--today", "1 Dec"]).is_err());
            assert!(args(&["validate", "f.jsonl", "--today", "2026-02-31"]).is_err());
        }

        #[test]
        fn the_target_says_whose_rules_and_how_exact_the_counts_are() {
            let mut a = args(&[
                "validate",
                "f.jsonl",
                "--provider",
                "openai",
                "--model",
                "gpt-3.5-turbo-0125",
                "--today",
                "2026-12-01",
            ])
            .unwrap();
            let t = target_json(&a);
            assert_eq!(t["provider"], "openai");
            assert_eq!(t["model_status"], "ended 2026-10-23");
            assert_eq!(t["token_counts"], "exact");
            assert!(t["token_count_note"].is_null());
            a = args(&[
                "validate",
                "f.jsonl",
                "--provider",
                "bedrock",
                "--today",
                "2026-12-01",
            ])
            .unwrap();
            let t = target_json(&a);
            assert_eq!(t["format"], "Bedrock Claude chat");
            assert_eq!(t["token_counts"], "approximate");
            assert!(
                t["token_count_note"]
                    .as_str()
                    .unwrap()
                    .contains("Approximate")
            );
            let t = target_json(&args(&["validate", "f.jsonl", "--encoding", "none"]).unwrap());
            assert!(t["provider"].is_null() && t["token_counts"].is_null());
        }

        #[test]
        fn days_are_civil() {
            assert_eq!(civil_day(0), "1970-01-01");
            assert_eq!(civil_day(20_788), "2026-12-01");
            assert_eq!(civil_day(11_016), "2000-02-29");
        }
    }
}
