//! The decision report as JSON, for other tools: the fields of
//! [`DecisionReport`], with two more at the top that say what the document
//! is.
//!
//! ```json
//! {
//!   "schema": "tunewise.report",
//!   "schema_version": 1,
//!   "made_on": "2026-12-01",
//!   "recommendation": { "status": "filled", "outcome": "…", "title": "…", … },
//!   "path": [ { "number": 1, "step": "pe", "answer": "no", … } ],
//!   "costs": { "missing": null, "approaches": [ … ], "left_out": [ … ] },
//!   "recommended_approach": { "status": "missing", "what": "…", "where": "wizard", "url": "index.html#/wizard" },
//!   "dataset": { "status": "filled", "brief": { … }, "verdict": "too_few_examples", "headline": "…" },
//!   "assumptions": { "monthly_requests": 500000.0, "horizon_months": 24.0, … }
//! }
//! ```
//!
//! Every field is described on its type in `decision_report.rs`
//! ([`DecisionReport`] and the types it holds) and, for the dataset, on
//! [`DatasetBrief`](crate::core::dataset::brief::DatasetBrief). Sections
//! are objects with `"status": "filled"` or `"status": "missing"`
//! ([`Part`](crate::core::report::decision_report::Part)); money is USD;
//! ids (`kind`, `outcome`, `verdict`, `where`) are stable; text fields
//! marked user-written hold the user's words as written, so escape them
//! before showing them as markup.
//!
//! Architecture invariant: pure, no UI imports; the shape is derived from
//! the report's types with serde, so the JSON cannot drift from the
//! report. Within a schema version fields are only added, never renamed or
//! removed.

use serde::{Deserialize, Serialize};

use crate::core::report::decision_report::DecisionReport;

/// The value of `"schema"`: what the document is.
pub const SCHEMA: &str = "tunewise.report";
/// The value of `"schema_version"`: bumped when a field is renamed or
/// removed or changes meaning.
pub const SCHEMA_VERSION: u32 = 1;

/// A report as a JSON document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReportDocument {
    /// Always [`SCHEMA`], `"tunewise.report"`.
    pub schema: String,
    /// The shape's version, [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The report's fields, at the top level beside the two above.
    #[serde(flatten)]
    pub report: DecisionReport,
}

/// The report as pretty-printed JSON.
pub fn to_json(report: &DecisionReport) -> String {
    let doc = ReportDocument {
        schema: SCHEMA.to_string(),
        schema_version: SCHEMA_VERSION,
        report: report.clone(),
    };
    serde_json::to_string_pretty(&doc).unwrap_or_else(|_| "{}".into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::report::decision_report::build_report;
    use crate::core::report::decision_report::tests::{TODAY, seed_state};
    use crate::core::report::state::SharedState;
    use serde_json::Value;

    #[test]
    fn the_schema_leads_and_the_document_parses_back() {
        for state in [seed_state(), SharedState::empty(TODAY)] {
            let report = build_report(&state, TODAY);
            let text = to_json(&report);
            assert!(
                text.starts_with(
                    "{\n  \"schema\": \"tunewise.report\",\n  \"schema_version\": 1,\n"
                ),
                "{text}"
            );
            let v: Value = serde_json::from_str(&text).unwrap();
            assert_eq!(v["schema_version"], 1);
            assert_eq!(v["made_on"], TODAY);
            let doc: ReportDocument = serde_json::from_str(&text).unwrap();
            assert_eq!((doc.schema.as_str(), doc.schema_version), (SCHEMA, 1));
            let back = doc.report;
            assert_eq!(back.recommendation, report.recommendation);
            assert_eq!(back.path, report.path);
            assert_eq!(back.dataset, report.dataset);
            assert_eq!(back.missing(), report.missing());
            assert_eq!(back.costs.approaches.len(), report.costs.approaches.len());
            for (a, b) in back.costs.approaches.iter().zip(&report.costs.approaches) {
                assert_eq!(a.name, b.name);
                assert!((a.total - b.total).abs() <= 1e-9 * b.total.abs().max(1.0));
            }
        }
    }

    #[test]
    fn sections_carry_their_status_and_stable_ids() {
        let v: Value = serde_json::from_str(&to_json(&build_report(&seed_state(), TODAY))).unwrap();
        assert_eq!(v["recommendation"]["status"], "filled");
        assert_eq!(v["recommendation"]["outcome"], "lora-or-prompt-rag");
        assert_eq!(v["recommended_approach"]["kind"], "self_hosted_lora");
        let row = &v["recommended_approach"]["against"][0];
        assert_eq!(row["catching_up"], "recommended");
        assert_eq!(row["result"]["kind"], "at");
        assert_eq!(row["result"]["requests"], 50_000.0);
        assert_eq!(row["simple_requests"], 50_000.0);
        assert_eq!(v["dataset"]["verdict"], "too_few_examples");
        assert_eq!(v["dataset"]["brief"]["file_name"], "train.jsonl");
        assert!(v["costs"]["missing"].is_null());

        let empty: Value =
            serde_json::from_str(&to_json(&build_report(&SharedState::empty(TODAY), TODAY)))
                .unwrap();
        for (section, page) in [
            ("recommendation", "wizard"),
            ("recommended_approach", "wizard"),
            ("dataset", "dataset"),
        ] {
            assert_eq!(empty[section]["status"], "missing", "{section}");
            assert_eq!(empty[section]["where"], page, "{section}");
        }
        assert_eq!(empty["costs"]["missing"]["where"], "costs");
        assert_eq!(empty["costs"]["missing"]["url"], "costs.html");
        assert_eq!(empty["assumptions"]["example_figures"], true);
    }
}
