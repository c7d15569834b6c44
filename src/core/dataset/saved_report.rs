//! The report of the last checked training file, as the Dataset page keeps
//! it between visits (local storage): the file's name, when it was checked
//! and its [`ReportJson`], without anything of the file's contents.
//!
//! What is dropped on the way in: the line excerpts (`report.excerpts`,
//! the text of lines with findings) and the most repeated system prompts
//! and assistant replies (`stats.top_*`, texts from the file). What is cut
//! so that the record stays small: at most [`KEPT_PER_KIND`] findings per
//! kind (the page lists no more; the counts stay exact), messages and field
//! paths cut, at most [`KEPT_LINES`] duplicate and overlap line numbers.
//!
//! JSON form, versioned (`version` is [`VERSION`]):
//! `{"version":1,"file_name":"train.jsonl","checked_at":"2026-12-01T10:20:00+01:00","report":{…}}`.
//! Reading is total: a wrong version, damaged or hostile JSON, or a record
//! that [`SavedReport::from_report`] would never write gives `None`.
//!
//! `checked_at` is an ISO 8601 date-time with the user's offset, made by
//! [`local_date_time`] from the browser clock's fields; [`checked_time`]
//! shows its wall-clock part ("2026-12-01 10:20").
//!
//! Architecture invariant: pure, no UI imports; never panics on any text.

use serde::{Deserialize, Serialize};

use crate::core::dataset::summary::{FindingJson, ReportJson};
use crate::core::dates;

/// The version of the JSON form this module writes and reads.
pub const VERSION: u32 = 1;
/// Findings kept per kind (code); the page shows no more than this.
pub const KEPT_PER_KIND: usize = 100;
/// Duplicate pairs and overlapping lines kept.
pub const KEPT_LINES: usize = 1_000;
/// Longest finding message kept, in characters.
pub const MAX_MESSAGE: usize = 240;
/// Longest finding field path kept, in characters.
pub const MAX_FIELD: usize = 120;
/// Longest file name kept, in characters (as in the dataset brief).
pub const MAX_FILE_NAME: usize = crate::core::dataset::brief::MAX_FILE_NAME;
/// Longest JSON written or read, in bytes. A report that would be longer
/// keeps fewer findings per kind (counts stay exact).
pub const MAX_JSON_LEN: usize = 1_000_000;
/// Longest histogram read back.
const MAX_BINS: usize = 1_000;
/// Longest date-time text read back.
const MAX_DATE_TIME: usize = 40;

/// The last checked training file's report, as kept between visits.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedReport {
    /// Always [`VERSION`] when written by this module.
    pub version: u32,
    /// The file's name as the user picked it (control characters dropped,
    /// at most [`MAX_FILE_NAME`] characters); user-written, so escape it.
    pub file_name: String,
    /// When it was checked: an ISO date-time (see [`local_date_time`]).
    pub checked_at: String,
    /// The report, without excerpts or repeated texts (see the module docs).
    pub report: ReportJson,
}

/// `s` without control characters, cut to `max` characters.
fn clean_text(s: &str, max: usize) -> String {
    s.chars().filter(|c| !c.is_control()).take(max).collect()
}

/// `s` cut to `max` characters, with "…" when it was longer.
fn cut(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}

/// At most `keep` findings of each code, in their order, with short texts.
fn kept(findings: &[FindingJson], keep: usize) -> Vec<FindingJson> {
    let mut per_code = std::collections::BTreeMap::<&str, usize>::new();
    findings
        .iter()
        .filter(|f| {
            let n = per_code.entry(f.code.as_str()).or_default();
            *n += 1;
            *n <= keep
        })
        .map(|f| FindingJson {
            line: f.line,
            code: f.code.clone(),
            severity: f.severity.clone(),
            field: f.field.as_deref().map(|p| cut(p, MAX_FIELD)),
            message: cut(&f.message, MAX_MESSAGE),
        })
        .collect()
}

fn at_most_per_code(findings: &[FindingJson], keep: usize) -> bool {
    let mut per_code = std::collections::BTreeMap::<&str, usize>::new();
    findings.iter().all(|f| {
        let n = per_code.entry(f.code.as_str()).or_default();
        *n += 1;
        *n <= keep
    })
}

impl SavedReport {
    /// The record of a checked file's report. `checked_at` must be an ISO
    /// date-time ([`local_date_time`] makes one); `None` when it is not.
    pub fn from_report(
        report: &ReportJson,
        file_name: &str,
        checked_at: &str,
    ) -> Option<SavedReport> {
        parse_date_time(checked_at)?;
        let mut base = report.clone();
        base.excerpts.clear();
        base.stats.top_system_prompts.clear();
        base.stats.top_assistant_replies.clear();
        base.duplicates.truncate(KEPT_LINES);
        base.overlap.truncate(KEPT_LINES);
        base.clean_examples = base.clean_examples.min(base.valid_examples);
        base.valid_examples = base.valid_examples.min(base.lines);
        base.clean_examples = base.clean_examples.min(base.valid_examples);
        let listed = report.errors.len() + report.warnings.len();
        let mut saved = SavedReport {
            version: VERSION,
            file_name: clean_text(file_name, MAX_FILE_NAME),
            checked_at: checked_at.to_string(),
            report: base,
        };
        for keep in [KEPT_PER_KIND, 10, 1, 0] {
            saved.report.errors = kept(&report.errors, keep);
            saved.report.warnings = kept(&report.warnings, keep);
            saved.report.findings_complete = report.findings_complete
                && saved.report.errors.len() + saved.report.warnings.len() == listed;
            if saved.to_json().len() <= MAX_JSON_LEN {
                return Some(saved);
            }
        }
        // Even without findings too long (a hostile statistic): keep nothing.
        None
    }

    /// The record as compact JSON (see the module docs).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads a record written by [`SavedReport::to_json`]; `None` for any
    /// other text (wrong version, damaged, hostile or too long).
    pub fn from_json(text: &str) -> Option<SavedReport> {
        if text.len() > MAX_JSON_LEN {
            return None;
        }
        // The version first: a later version may have another shape.
        #[derive(Deserialize)]
        struct Versioned {
            version: u32,
        }
        let versioned: Versioned = serde_json::from_str(text).ok()?;
        if versioned.version != VERSION {
            return None;
        }
        let saved: SavedReport = serde_json::from_str(text).ok()?;
        saved.is_sound().then_some(saved)
    }

    /// Whether this record is one [`SavedReport::from_report`] could write.
    fn is_sound(&self) -> bool {
        let r = &self.report;
        let s = &r.stats;
        let finite = [s.tokens.mean, s.trainable.mean, s.turns.mean]
            .into_iter()
            .chain(r.tokens.as_ref().map(|t| t.mean))
            .all(f64::is_finite);
        let findings_ok = |list: &[FindingJson], severity: &str| {
            at_most_per_code(list, KEPT_PER_KIND)
                && list.iter().all(|f| {
                    f.severity == severity
                        && f.message.chars().count() <= MAX_MESSAGE
                        && f.field
                            .as_deref()
                            .is_none_or(|p| p.chars().count() <= MAX_FIELD)
                })
        };
        self.version == VERSION
            && self.checked_at.len() <= MAX_DATE_TIME
            && parse_date_time(&self.checked_at).is_some()
            && clean_text(&self.file_name, MAX_FILE_NAME) == self.file_name
            && r.excerpts.is_empty()
            && s.top_system_prompts.is_empty()
            && s.top_assistant_replies.is_empty()
            && r.clean_examples <= r.valid_examples
            && r.valid_examples <= r.lines
            && r.duplicates.len() <= KEPT_LINES
            && r.overlap.len() <= KEPT_LINES
            && s.histogram.len() <= MAX_BINS
            && finite
            && findings_ok(&r.errors, "error")
            && findings_ok(&r.warnings, "warning")
    }

    /// When the file was checked, as the page shows it: "2026-12-01 10:20"
    /// (the wall-clock time where it was checked).
    pub fn checked_time(&self) -> String {
        checked_time(&self.checked_at).unwrap_or_else(|| self.checked_at.clone())
    }

    /// "train.jsonl, checked 2026-12-01 10:20".
    pub fn label(&self) -> String {
        let name = if self.file_name.trim().is_empty() {
            "The file"
        } else {
            self.file_name.as_str()
        };
        format!("{name}, checked {}", self.checked_time())
    }
}

/// A date-time read from an ISO 8601 text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateTime {
    pub year: i64,
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
    pub second: u32,
    /// Minutes east of UTC; `None` when the text names no offset.
    pub offset_minutes: Option<i32>,
}

fn digits(b: &[u8], from: usize, n: usize) -> Option<u32> {
    let part = b.get(from..from + n)?;
    part.iter().try_fold(0u32, |acc, &c| {
        c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
    })
}

/// Reads a strict ISO 8601 date-time: `YYYY-MM-DDTHH:MM`, optionally
/// `:SS` and a fraction `.fff` (1 to 9 digits), optionally `Z` or an
/// offset `±HH:MM`. The day must exist (see [`dates::day_number`]), hours
/// run 00–23, minutes and seconds 00–59, offsets up to ±23:59.
pub fn parse_date_time(text: &str) -> Option<DateTime> {
    let b = text.as_bytes();
    if b.len() > MAX_DATE_TIME || b.len() < 16 || b[10] != b'T' {
        return None;
    }
    let date = text.get(..10)?;
    dates::day_number(date)?;
    let year = i64::from(digits(b, 0, 4)?);
    let (month, day) = (digits(b, 5, 2)?, digits(b, 8, 2)?);
    if b[13] != b':' {
        return None;
    }
    let (hour, minute) = (digits(b, 11, 2)?, digits(b, 14, 2)?);
    let mut i = 16;
    let mut second = 0;
    if b.get(i) == Some(&b':') {
        second = digits(b, i + 1, 2)?;
        i += 3;
        if b.get(i) == Some(&b'.') {
            let fraction = b[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
            if !(1..=9).contains(&fraction) {
                return None;
            }
            i += 1 + fraction;
        }
    }
    if hour > 23 || minute > 59 || second > 59 {
        return None;
    }
    let offset_minutes = match b.get(i..)? {
        [] => None,
        [b'Z'] => Some(0),
        [sign @ (b'+' | b'-'), _, _, b':', _, _] => {
            let (h, m) = (digits(b, i + 1, 2)?, digits(b, i + 4, 2)?);
            if h > 23 || m > 59 {
                return None;
            }
            let minutes = (h * 60 + m) as i32;
            Some(if *sign == b'-' { -minutes } else { minutes })
        }
        _ => return None,
    };
    Some(DateTime {
        year,
        month,
        day,
        hour,
        minute,
        second,
        offset_minutes,
    })
}

/// The wall-clock part of an ISO date-time as the page shows it,
/// "2026-12-01 10:20", or `None` when `text` is not one.
pub fn checked_time(text: &str) -> Option<String> {
    let t = parse_date_time(text)?;
    Some(format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        t.year, t.month, t.day, t.hour, t.minute
    ))
}

/// The ISO date-time of a local clock reading: `month` 1–12, `day` 1–31,
/// `offset_minutes` east of UTC (the browser's `-getTimezoneOffset()`),
/// e.g. "2026-12-01T10:20:00+01:00" (or "…Z" at UTC). `None` for a reading
/// that is not a real moment (a day that does not exist, hour 24, …).
#[allow(clippy::too_many_arguments)]
pub fn local_date_time(
    year: i64,
    month: u32,
    day: u32,
    hour: u32,
    minute: u32,
    second: u32,
    offset_minutes: i32,
) -> Option<String> {
    if !(dates::FIRST_YEAR..=dates::LAST_YEAR).contains(&year) {
        return None;
    }
    let offset = if offset_minutes == 0 {
        "Z".to_string()
    } else {
        let sign = if offset_minutes < 0 { '-' } else { '+' };
        let m = offset_minutes.unsigned_abs();
        format!("{sign}{:02}:{:02}", m / 60, m % 60)
    };
    let text = format!("{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}{offset}");
    parse_date_time(&text).map(|_| text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::dataset::report::validate_bytes;
    use proptest::prelude::*;

    const AT: &str = "2026-12-01T10:20:00+01:00";

    fn report_of(bytes: &[u8]) -> ReportJson {
        ReportJson::from(&validate_bytes(bytes, None))
    }

    const BROKEN: &[u8] = b"not json at all\n{\"prompt\":\"secret words\",\"completion\":\"b\"}\n{\"prompt\":\"secret words\",\"completion\":\"b\"}\n[1,2]\n";

    #[test]
    fn keeps_counts_and_findings_but_no_line_text() {
        let j = report_of(BROKEN);
        assert!(!j.excerpts.is_empty(), "the fixture has excerpts");
        let s = SavedReport::from_report(&j, "train.jsonl", AT).unwrap();
        assert_eq!(s.version, VERSION);
        assert!(s.report.excerpts.is_empty());
        assert_eq!(s.report.error_counts, j.error_counts);
        assert_eq!(s.report.warning_counts, j.warning_counts);
        assert_eq!(s.report.errors, j.errors);
        assert_eq!(s.report.warnings, j.warnings);
        assert_eq!(s.report.lines, 4);
        let json = s.to_json();
        assert!(!json.contains("not json at all"), "{json}");
        assert!(!json.contains("secret"), "{json}");
        assert_eq!(SavedReport::from_json(&json), Some(s));
    }

    #[test]
    fn drops_repeated_texts_from_the_statistics() {
        let line = b"{\"messages\":[{\"role\":\"system\",\"content\":\"private prompt\"},{\"role\":\"user\",\"content\":\"q\"},{\"role\":\"assistant\",\"content\":\"private reply\"}]}\n";
        let j = report_of(&line.repeat(3));
        assert!(
            !j.stats.top_system_prompts.is_empty(),
            "the fixture repeats"
        );
        assert!(
            !j.stats.top_assistant_replies.is_empty(),
            "the fixture repeats"
        );
        let s = SavedReport::from_report(&j, "t.jsonl", AT).unwrap();
        let json = s.to_json();
        assert!(!json.contains("private"), "{json}");
        assert_eq!(s.report.stats.tokens, j.stats.tokens);
        assert_eq!(s.report.tokens, j.tokens);
    }

    #[test]
    fn keeps_at_most_a_hundred_findings_per_kind() {
        let j = report_of(&b"nope\n".repeat(250));
        let invalid = |r: &ReportJson| r.errors.iter().filter(|f| f.code == "invalid_json").count();
        assert_eq!(invalid(&j), 250);
        let s = SavedReport::from_report(&j, "t.jsonl", AT).unwrap();
        assert_eq!(invalid(&s.report), KEPT_PER_KIND);
        assert_eq!(s.report.error_counts, j.error_counts, "counts stay exact");
        assert!(!s.report.findings_complete);
        assert_eq!(SavedReport::from_json(&s.to_json()), Some(s));
    }

    #[test]
    fn cleans_the_file_name_and_needs_a_date_time() {
        let j = report_of(BROKEN);
        let name = format!("a\u{7}b\n{}", "x".repeat(300));
        let s = SavedReport::from_report(&j, &name, AT).unwrap();
        assert_eq!(s.file_name.chars().count(), MAX_FILE_NAME);
        assert!(s.file_name.starts_with("abx"));
        assert_eq!(SavedReport::from_report(&j, "t.jsonl", "yesterday"), None);
        assert_eq!(
            SavedReport::from_report(&j, "t.jsonl", "2026-02-30T10:00"),
            None
        );
    }

    #[test]
    fn the_label_shows_name_and_wall_clock_time() {
        let s = SavedReport::from_report(&report_of(b""), "train.jsonl", AT).unwrap();
        assert_eq!(s.checked_time(), "2026-12-01 10:20");
        assert_eq!(s.label(), "train.jsonl, checked 2026-12-01 10:20");
        let unnamed = SavedReport::from_report(&report_of(b""), " ", "2026-12-01T09:05Z").unwrap();
        assert_eq!(unnamed.label(), "The file, checked 2026-12-01 09:05");
    }

    #[test]
    fn date_times_are_strict() {
        for good in [
            "2026-12-01T10:20",
            "2026-12-01T10:20:00",
            "2026-12-01T10:20:59.123Z",
            "2026-12-01T00:00:00.123456789-05:30",
            "2028-02-29T23:59:59+14:00",
            "2026-12-01T09:00:00.000Z",
        ] {
            assert!(parse_date_time(good).is_some(), "{good}");
        }
        for bad in [
            "",
            "2026-12-01",
            "2026-12-01 10:20",
            "2026-12-01T24:00",
            "2026-12-01T10:60",
            "2026-12-01T10:20:60",
            "2027-02-29T10:20",
            "2026-12-01T10:20:00.Z",
            "2026-12-01T10:20:00.1234567890Z",
            "2026-12-01T10:20:00+1:00",
            "2026-12-01T10:20:00+24:00",
            "2026-12-01T10:20:00z",
            "2026-12-01T10:20:00Z ",
            "2026-12-01T1:20:00Z",
            "+026-12-01T10:20",
            "2026-12-01T10:20:00+01:00 and then some text",
        ] {
            assert_eq!(parse_date_time(bad), None, "{bad}");
        }
        let t = parse_date_time("2026-12-01T10:20:30-05:30").unwrap();
        assert_eq!(
            (t.year, t.month, t.day, t.hour, t.minute, t.second),
            (2026, 12, 1, 10, 20, 30)
        );
        assert_eq!(t.offset_minutes, Some(-330));
        assert_eq!(
            checked_time("2026-12-01T10:20"),
            Some("2026-12-01 10:20".into())
        );
        assert_eq!(checked_time("soon"), None);
    }

    #[test]
    fn local_date_times_come_from_clock_fields() {
        assert_eq!(
            local_date_time(2026, 12, 1, 10, 20, 5, 60).as_deref(),
            Some("2026-12-01T10:20:05+01:00")
        );
        assert_eq!(
            local_date_time(2026, 12, 1, 9, 0, 0, 0).as_deref(),
            Some("2026-12-01T09:00:00Z")
        );
        assert_eq!(
            local_date_time(2026, 7, 4, 23, 59, 59, -570).as_deref(),
            Some("2026-07-04T23:59:59-09:30")
        );
        assert_eq!(local_date_time(2026, 2, 29, 10, 0, 0, 0), None);
        assert_eq!(local_date_time(2026, 13, 1, 10, 0, 0, 0), None);
        assert_eq!(local_date_time(2026, 12, 1, 24, 0, 0, 0), None);
        assert_eq!(local_date_time(2026, 12, 1, 10, 0, 0, 24 * 60), None);
        assert_eq!(local_date_time(-1, 12, 1, 10, 0, 0, 0), None);
        assert_eq!(local_date_time(123_456, 12, 1, 10, 0, 0, 0), None);
    }

    /// A record written on 2026-12-01, verbatim: it must keep loading.
    /// (A field added to `ReportJson` needs `#[serde(default)]` so that
    /// older records still read.)
    const WRITTEN_2026_12_01: &str = r#"{"version":1,"file_name":"train.jsonl","checked_at":"2026-12-01T10:20:00+01:00","report":{"format":"OpenAI chat","formats":{"OpenAI chat":2},"lines":3,"bytes":321,"valid_examples":2,"clean_examples":1,"error_counts":{"invalid_json":1},"warning_counts":{"duplicate_example":1},"errors":[{"line":3,"code":"invalid_json","severity":"error","field":null,"message":"The line is not valid JSON."}],"warnings":[{"line":2,"code":"duplicate_example","severity":"warning","field":null,"message":"Exact duplicate of line 1: duplicates overweight one example; remove it."}],"findings_complete":true,"duplicates":[{"line":2,"duplicate_of":1}],"overlap":[],"tokens":{"encoding":"o200k_base","total":74,"trainable":16,"min":37,"max":37,"mean":37.0,"median":37,"p95":37,"over_limit":0},"stats":{"tokens":{"count":2,"total":74,"min":37,"max":37,"mean":37.0,"median":37,"p95":37},"trainable":{"count":2,"total":16,"min":8,"max":8,"mean":8.0,"median":8,"p95":8},"turns":{"count":2,"total":6,"min":3,"max":3,"mean":3.0,"median":3,"p95":3},"histogram":[{"from":37,"to":38,"count":2}],"roles":{"assistant":2,"system":2,"user":2},"billable_tokens":74,"without_trainable":0,"low_trainable":0,"top_system_prompts":[],"top_assistant_replies":[]},"excerpts":{}}}"#;

    #[test]
    fn a_record_written_on_2026_12_01_keeps_loading() {
        let s = SavedReport::from_json(WRITTEN_2026_12_01).expect("a v1 record loads");
        assert_eq!(s.label(), "train.jsonl, checked 2026-12-01 10:20");
        assert_eq!((s.report.lines, s.report.valid_examples), (3, 2));
        assert_eq!(s.report.error_total(), 1);
        assert_eq!(s.report.tokens.as_ref().map(|t| t.total), Some(74));
        assert_eq!(s.report.stats.billable_tokens, 74);
        assert_eq!(SavedReport::from_json(&s.to_json()), Some(s));
    }

    #[test]
    fn saved_codes_map_to_typed_codes_and_unknown_ones_still_load() {
        use crate::core::dataset::finding::Code;
        let s = SavedReport::from_json(WRITTEN_2026_12_01).expect("a v1 record loads");
        assert_eq!(s.report.errors[0].code(), Some(Code::InvalidJson));
        assert_eq!(s.report.warnings[0].code(), Some(Code::DuplicateExample));
        // A code from another release: the record loads, the finding and
        // its count are kept as text, and it has no typed code.
        let later = WRITTEN_2026_12_01
            .replace(
                r#""code":"invalid_json""#,
                r#""code":"code_from_a_later_release""#,
            )
            .replace(
                r#""error_counts":{"invalid_json":1}"#,
                r#""error_counts":{"code_from_a_later_release":1}"#,
            );
        let s = SavedReport::from_json(&later).expect("an unknown code does not fail the load");
        assert_eq!(s.report.errors[0].code(), None);
        assert_eq!(s.report.errors[0].code, "code_from_a_later_release");
        assert_eq!(s.report.error_total(), 1);
    }

    #[test]
    fn other_versions_and_damaged_or_hostile_records_read_as_none() {
        let good = WRITTEN_2026_12_01;
        for bad in [
            String::new(),
            "null".into(),
            "{}".into(),
            "[]".into(),
            good.replace("\"version\":1", "\"version\":2"),
            good.replace("\"version\":1", "\"version\":0"),
            good.replace("\"version\":1", "\"version\":\"1\""),
            good[..good.len() - 1].to_string(),
            good.replace("2026-12-01T10:20:00+01:00", "2026-02-31T10:20:00Z"),
            good.replace("2026-12-01T10:20:00+01:00", "<img src=x onerror=alert(1)>"),
            good.replace("\"train.jsonl\"", "\"a\\u0000b\""),
            good.replace(
                "\"excerpts\":{}",
                "\"excerpts\":{\"3\":\"the user's line\"}",
            ),
            good.replace(
                "\"top_system_prompts\":[]",
                "\"top_system_prompts\":[{\"text\":\"x\",\"count\":2}]",
            ),
            good.replace("\"clean_examples\":1", "\"clean_examples\":5"),
            good.replace("\"valid_examples\":2", "\"valid_examples\":9"),
            good.replace("\"severity\":\"error\"", "\"severity\":\"warning\""),
            good.replace("\"lines\":3", "\"lines\":-3"),
            good.replace("\"lines\":3", "\"lines\":1e400"),
            format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)),
            format!(
                "{{\"version\":1,\"file_name\":\"{}\"}}",
                "x".repeat(MAX_JSON_LEN)
            ),
        ] {
            assert_eq!(
                SavedReport::from_json(&bad),
                None,
                "{}",
                &bad[..bad.len().min(200)]
            );
        }
        // An unknown extra field (added later within v1) is ignored.
        let extra = good.replacen("{\"version\":1,", "{\"version\":1,\"later\":true,", 1);
        assert!(SavedReport::from_json(&extra).is_some());
    }

    proptest! {
        #[test]
        fn any_text_reads_without_panic(text in ".{0,400}") {
            if let Some(s) = SavedReport::from_json(&text) {
                prop_assert!(s.report.excerpts.is_empty());
                let _ = s.label();
            }
        }

        #[test]
        fn any_damage_to_a_record_reads_without_panic(
            at in 0usize..2_000,
            cut_len in 0usize..40,
            insert in ".{0,20}",
        ) {
            let good = WRITTEN_2026_12_01;
            let at = at.min(good.len());
            let (Some(head), Some(tail)) = (good.get(..at), good.get((at + cut_len).min(good.len())..)) else {
                return Ok(());
            };
            let damaged = format!("{head}{insert}{tail}");
            if let Some(s) = SavedReport::from_json(&damaged) {
                prop_assert_eq!(SavedReport::from_json(&s.to_json()), Some(s));
            }
        }

        #[test]
        fn every_checked_file_round_trips(
            bytes in proptest::collection::vec(any::<u8>(), 0..400),
            name in ".{0,200}",
        ) {
            let j = report_of(&bytes);
            let s = SavedReport::from_report(&j, &name, AT).expect("small reports are kept");
            prop_assert!(s.report.excerpts.is_empty());
            prop_assert_eq!(s.report.error_total(), j.error_total());
            prop_assert_eq!(SavedReport::from_json(&s.to_json()), Some(s));
        }

        #[test]
        fn clock_fields_give_date_times_that_read_back(
            year in 1900i64..=9999,
            month in 1u32..=12,
            day in 1u32..=31,
            hour in 0u32..=23,
            minute in 0u32..=59,
            second in 0u32..=59,
            offset in -1439i32..=1439,
        ) {
            if let Some(text) = local_date_time(year, month, day, hour, minute, second, offset) {
                let t = parse_date_time(&text).unwrap();
                prop_assert_eq!((t.year, t.month, t.day, t.hour, t.minute, t.second), (year, month, day, hour, minute, second));
                prop_assert_eq!(t.offset_minutes, Some(offset));
                prop_assert_eq!(checked_time(&text), Some(format!("{year:04}-{month:02}-{day:02} {hour:02}:{minute:02}")));
            } else {
                prop_assert!(day > 28, "only days past the 28th may not exist");
            }
        }
    }
}
