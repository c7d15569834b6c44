//! Formats made of named string fields: prompt/completion, Alpaca
//! (instruction, input, output) and input/output.
//!
//! Architecture invariant: pure; every finding is collected, never panics.

use serde_json::{Map, Value};

use super::{kind_of, truncate};
use crate::core::dataset::finding::{Code, Finding};

pub(super) fn check_strings(
    n: usize,
    object: &Map<String, Value>,
    required: &[&str],
    optional: &[&str],
    out: &mut Vec<Finding>,
) {
    for key in required {
        match object.get(*key) {
            None => out.push(Finding::error(
                n,
                Code::MissingKey,
                Some((*key).into()),
                format!("Missing \"{key}\"."),
            )),
            Some(Value::String(s)) if s.trim().is_empty() => out.push(Finding::error(
                n,
                Code::EmptyValue,
                Some((*key).into()),
                format!("\"{key}\" is empty."),
            )),
            Some(Value::String(_)) => {}
            Some(other) => out.push(Finding::error(
                n,
                Code::WrongType,
                Some((*key).into()),
                format!("\"{key}\" is a {}, not a string.", kind_of(other)),
            )),
        }
    }
    for key in optional {
        if let Some(v) = object.get(*key)
            && !v.is_string()
        {
            out.push(Finding::error(
                n,
                Code::WrongType,
                Some((*key).into()),
                format!("\"{key}\" is a {}, not a string.", kind_of(v)),
            ));
        }
    }
    for key in object.keys() {
        if !required.contains(&key.as_str()) && !optional.contains(&key.as_str()) {
            out.push(Finding::warning(
                n,
                Code::UnknownTopLevelKey,
                Some(truncate(key, 60)),
                format!("Unknown key \"{}\" for this format.", truncate(key, 60)),
            ));
        }
    }
}
