//! Crafted 64 MiB lines, `{"messages":[1,1,…]}` and `{"messages":[{},{},…]}`:
//! how long the validator takes to report each, and its peak resident
//! memory (Linux VmHWM, reset before each). `cargo bench --bench crafted_line`.

use tunewise::core::dataset::framing::DEFAULT_MAX_LINE_BYTES;
use tunewise::core::dataset::generate::crafted_line_chunks;
use tunewise::core::dataset::report::{DatasetValidator, ValidatorOptions};
use tunewise::core::dataset::tokens::{Encoding, builtin};

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

fn main() {
    builtin(Encoding::O200kBase).count("load the dictionary before measuring");
    for unit in ["1", "{}"] {
        // Made as they are fed, so the line is held only by the validator.
        let chunks = crafted_line_chunks(r#"{"messages":["#, unit, "]}", DEFAULT_MAX_LINE_BYTES);
        let reset = std::fs::write("/proc/self/clear_refs", "5").is_ok();
        let start = std::time::Instant::now();
        let mut v = DatasetValidator::with_options(ValidatorOptions {
            tokenizer: Some((builtin(Encoding::O200kBase), Encoding::O200kBase)),
            ..ValidatorOptions::default()
        });
        for chunk in chunks {
            v.push(&chunk);
        }
        let report = v.finish();
        let secs = start.elapsed().as_secs_f64();
        let peak = status_kib("VmHWM:").filter(|_| reset);
        let first = report
            .findings
            .iter()
            .find(|f| f.line == Some(1))
            .map_or("none", |f| f.code.as_str());
        match peak {
            Some(kib) => println!(
                "crafted 64 MiB line [{unit},{unit},…]: {secs:.2} s, peak RSS {:.0} MB (line 1: {first})",
                kib as f64 / 1024.0
            ),
            None => println!(
                "crafted 64 MiB line [{unit},{unit},…]: {secs:.2} s, peak not measured (no /proc) (line 1: {first})"
            ),
        }
    }
}
