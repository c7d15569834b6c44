//! The report as JSON: the shape `tunewise validate --json` prints, the
//! worker posts to the page, and the page's downloads contain. One type,
//! so the three never drift apart.
//!
//! Architecture invariant: pure, no UI imports; field names are a public
//! contract (documented in the README), add fields rather than rename them.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::core::csv;
use crate::core::dataset::finding::{Code, Finding, Severity};
use crate::core::dataset::report::DatasetReport;
use crate::core::dataset::stats::DatasetStats;

/// One finding as JSON.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FindingJson {
    /// 1-based line; `null` for a finding on the whole file.
    pub line: Option<usize>,
    /// A [`Code`]'s text. It stays text here: a report saved or written by
    /// another release may hold a code this one does not know, and must
    /// still load ([`FindingJson::code`] gives the typed code).
    pub code: String,
    /// `"error"` or `"warning"`.
    pub severity: String,
    pub field: Option<String>,
    pub message: String,
}

impl FindingJson {
    /// The typed code; `None` for a code this release does not know.
    pub fn code(&self) -> Option<Code> {
        Code::parse(&self.code)
    }
}

/// Token totals of the valid examples.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TokensJson {
    pub encoding: String,
    pub total: u64,
    pub trainable: u64,
    pub min: u64,
    pub max: u64,
    pub mean: f64,
    pub median: u64,
    pub p95: u64,
    /// Examples over the per-example limit.
    pub over_limit: usize,
}

/// A duplicate line and the line it repeats.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DuplicateJson {
    pub line: usize,
    pub duplicate_of: usize,
}

/// The whole report.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ReportJson {
    /// The format most examples are in.
    pub format: Option<String>,
    pub formats: BTreeMap<String, usize>,
    pub lines: usize,
    pub bytes: u64,
    pub valid_examples: usize,
    /// Valid examples that are not exact repeats (what clean exports keep).
    pub clean_examples: usize,
    pub error_counts: BTreeMap<String, usize>,
    pub warning_counts: BTreeMap<String, usize>,
    pub errors: Vec<FindingJson>,
    pub warnings: Vec<FindingJson>,
    /// False when more findings occurred than were kept (counts stay exact).
    pub findings_complete: bool,
    pub duplicates: Vec<DuplicateJson>,
    /// Lines whose example is also in the other file.
    pub overlap: Vec<usize>,
    /// Null when tokens were not counted.
    pub tokens: Option<TokensJson>,
    pub stats: DatasetStats,
    /// The text of lines with findings, by line number (as text, cut).
    pub excerpts: BTreeMap<usize, String>,
    /// What held the examples: "jsonl", "json_array", "json_values", "csv" or "tsv".
    #[serde(default)]
    pub container: crate::core::dataset::container::Container,
}

impl ReportJson {
    /// Total errors (all, not only the listed ones).
    pub fn error_total(&self) -> usize {
        self.error_counts.values().sum()
    }

    /// Total warnings.
    pub fn warning_total(&self) -> usize {
        self.warning_counts.values().sum()
    }

    /// Pretty JSON text.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|_| "{}".into())
    }

    /// Every listed finding as CSV: line (empty for the whole file),
    /// severity, code, field, message.
    pub fn findings_csv(&self) -> String {
        let mut all: Vec<&FindingJson> = self.errors.iter().chain(&self.warnings).collect();
        all.sort_by_key(|f| f.line);
        let mut out = String::from("line,severity,code,field,message\n");
        for f in all {
            out.push_str(&format!(
                "{},{},{},{},{}\n",
                f.line.map(|n| n.to_string()).unwrap_or_default(),
                f.severity,
                f.code,
                csv::field(f.field.as_deref().unwrap_or("")),
                csv::field(&f.message)
            ));
        }
        out
    }
}

fn finding_json(f: &Finding) -> FindingJson {
    FindingJson {
        line: f.line,
        code: f.code.to_string(),
        severity: match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
        .into(),
        field: f.field.clone(),
        message: f.message.clone(),
    }
}

impl From<&DatasetReport> for ReportJson {
    fn from(r: &DatasetReport) -> ReportJson {
        let of = |s: Severity| -> Vec<FindingJson> {
            r.findings
                .iter()
                .filter(|f| f.severity == s)
                .map(finding_json)
                .collect()
        };
        let to_strings = |m: &BTreeMap<&'static str, usize>| -> BTreeMap<String, usize> {
            m.iter().map(|(k, v)| (k.to_string(), *v)).collect()
        };
        let tokens = r.encoding.map(|e| {
            let t = &r.stats.tokens;
            TokensJson {
                encoding: e.name().into(),
                total: t.total,
                trainable: r.stats.trainable.total,
                min: t.min,
                max: t.max,
                mean: t.mean,
                median: t.median,
                p95: t.p95,
                over_limit: r.over_limit,
            }
        });
        ReportJson {
            format: r.main_format().map(str::to_string),
            formats: to_strings(&r.formats),
            lines: r.lines,
            bytes: r.bytes,
            valid_examples: r.valid_examples,
            clean_examples: r.clean_examples,
            error_counts: to_strings(&r.error_counts),
            warning_counts: to_strings(&r.warning_counts),
            errors: of(Severity::Error),
            warnings: of(Severity::Warning),
            findings_complete: r.findings.len() == r.error_total() + r.warning_total(),
            duplicates: r
                .duplicates
                .iter()
                .map(|&(line, duplicate_of)| DuplicateJson { line, duplicate_of })
                .collect(),
            overlap: r.overlap.clone(),
            tokens,
            stats: r.stats.clone(),
            excerpts: r.excerpts.clone(),
            container: r.container,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::dataset::report::validate_bytes;

    #[test]
    fn round_trips_and_keeps_counts() {
        let r = validate_bytes(b"not json\n{\"prompt\":\"a\",\"completion\":\"b\"}\n", None);
        let j = ReportJson::from(&r);
        assert_eq!(j.error_counts.get("invalid_json"), Some(&1));
        let invalid = j.errors.iter().find(|f| f.code == "invalid_json").unwrap();
        assert_eq!(invalid.line, Some(1));
        let few = j
            .errors
            .iter()
            .find(|f| f.code == "too_few_examples")
            .unwrap();
        assert_eq!(few.line, None, "a file finding has no line");
        assert!(j.to_json().contains("\"line\": null"));
        assert!(j.tokens.is_none());
        assert_eq!(j.excerpts.get(&1).map(String::as_str), Some("not json"));
        let back: ReportJson = serde_json::from_str(&j.to_json()).unwrap();
        assert_eq!(back, j);
    }

    #[test]
    fn findings_csv_has_a_header_and_defused_quoted_fields() {
        let j = ReportJson::from(&validate_bytes(b"[1,2]\n", None));
        let csv = j.findings_csv();
        assert!(
            csv.starts_with("line,severity,code,field,message\n,error,"),
            "{csv}"
        );
        assert!(csv.contains("\n1,error,data_type,"), "{csv}");
        let mut hostile = j.clone();
        hostile.errors[0].field = Some("=HYPERLINK(1)".into());
        hostile.errors[0].message = "say \"hi\", then stop".into();
        let row = hostile.findings_csv().lines().nth(1).unwrap().to_string();
        assert!(
            row.ends_with(",'=HYPERLINK(1),\"say \"\"hi\"\", then stop\""),
            "{row}"
        );
    }
}
