//! What kind of file holds the examples: JSONL, one JSON array, JSON
//! values spread over lines, or a CSV/TSV table, told from its first line.
//!
//! [`detect`] decides from the first line that holds anything: `[` alone
//! or followed by `{` (open at the end of the line or closed on it) means
//! one JSON array of examples; `{` left open means pretty-printed JSON
//! values; a delimited line that is not JSON is a table's header; any other
//! complete JSON value (`[1,2]` too) or anything unrecognised means JSONL.
//!
//! Architecture invariant: pure, no UI imports; never panics on any bytes.

use serde::{Deserialize, Serialize};

use crate::core::dataset::csv_table;

/// The file's outer structure. Serialised ids are stable.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Container {
    /// One JSON value per line.
    #[default]
    #[serde(rename = "jsonl")]
    Jsonl,
    /// One JSON array of examples.
    #[serde(rename = "json_array")]
    JsonArray,
    /// JSON values (pretty-printed objects) one after another.
    #[serde(rename = "json_values")]
    JsonValues,
    /// A comma-separated table with a header.
    #[serde(rename = "csv")]
    Csv,
    /// A tab-separated table with a header.
    #[serde(rename = "tsv")]
    Tsv,
}

impl Container {
    /// The stable id (as serialised).
    pub fn id(self) -> &'static str {
        match self {
            Container::Jsonl => "jsonl",
            Container::JsonArray => "json_array",
            Container::JsonValues => "json_values",
            Container::Csv => "csv",
            Container::Tsv => "tsv",
        }
    }

    /// The container with this id.
    pub fn from_id(id: &str) -> Option<Container> {
        [
            Container::Jsonl,
            Container::JsonArray,
            Container::JsonValues,
            Container::Csv,
            Container::Tsv,
        ]
        .into_iter()
        .find(|c| c.id() == id)
    }

    /// What the file is, in words ("a JSON array", "a CSV table"...).
    pub fn label(self) -> &'static str {
        match self {
            Container::Jsonl => "JSONL",
            Container::JsonArray => "one JSON array",
            Container::JsonValues => "pretty-printed JSON",
            Container::Csv => "a CSV table",
            Container::Tsv => "a TSV table",
        }
    }

    /// Whether the file must be converted to be JSONL.
    pub fn needs_conversion(self) -> bool {
        self != Container::Jsonl
    }
}

/// Whether a line ends inside an unclosed bracket (and not inside a
/// string, which no JSON line break can be).
fn left_open(line: &[u8]) -> bool {
    let (mut depth, mut in_string, mut escape) = (0usize, false, false);
    for &b in line {
        if in_string {
            if escape {
                escape = false;
            } else if b == b'\\' {
                escape = true;
            } else if b == b'"' {
                in_string = false;
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'{' | b'[' => depth += 1,
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    depth > 0 && !in_string
}

/// The container a file's first non-blank line (BOM removed, without its
/// line ending) indicates.
pub fn detect(first_line: &[u8]) -> Container {
    let t = first_line.trim_ascii();
    match t.first() {
        // An array of objects, spread over lines or on one line (JSONL has
        // objects on its lines, never arrays of them).
        Some(b'[') if matches!(t[1..].trim_ascii_start().first(), None | Some(b'{')) => {
            Container::JsonArray
        }
        Some(b'{') if left_open(t) => Container::JsonValues,
        Some(b'[' | b'{') | None => Container::Jsonl,
        _ => match csv_table::sniff(t) {
            Some(b'\t') => Container::Tsv,
            Some(_) => Container::Csv,
            None => Container::Jsonl,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_lines_tell_the_container() {
        for (line, c) in [
            (&b"{\"prompt\":\"a\"}"[..], Container::Jsonl),
            (b"[1,2]", Container::Jsonl),
            (
                b"[{\"prompt\":\"a\",\"completion\":\"b\"}]",
                Container::JsonArray,
            ),
            (b"[[[[", Container::Jsonl),
            (b"{\"a\": \"{[", Container::Jsonl),
            (b"not json", Container::Jsonl),
            (b"", Container::Jsonl),
            (b"[", Container::JsonArray),
            (b"  [ {\"messages\": [", Container::JsonArray),
            (b"{", Container::JsonValues),
            (b"{\"messages\": [", Container::JsonValues),
            (b"prompt,completion\r", Container::Csv),
            (b"question,answer", Container::Csv),
            (b"instruction\tinput\toutput", Container::Tsv),
        ] {
            assert_eq!(detect(line), c, "{}", String::from_utf8_lossy(line));
        }
        for c in [
            Container::Jsonl,
            Container::JsonArray,
            Container::JsonValues,
            Container::Csv,
            Container::Tsv,
        ] {
            assert_eq!(Container::from_id(c.id()), Some(c));
            assert_eq!(
                serde_json::to_string(&c).unwrap(),
                format!("\"{}\"", c.id())
            );
        }
    }
}
