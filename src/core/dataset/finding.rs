//! One problem found in a dataset: where, what, how bad, and what to do.

/// How bad a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// OpenAI accepts the line, but it is likely a mistake or another
    /// provider's validator rejects it.
    Warning,
    /// The line would be rejected (or train on garbage).
    Error,
}

/// A problem on one line or in the whole file, with a stable code for
/// counting and comparison (the chat codes are those of OpenAI's
/// data-preparation notebook where it has one).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// 1-based line number; `None` for a finding on the whole file (too few
    /// examples, mixed formats, file size), which no line can fix alone.
    pub line: Option<usize>,
    pub code: &'static str,
    pub severity: Severity,
    /// JSON path of the offending field, e.g. `messages[2].content`.
    pub field: Option<String>,
    /// What is wrong and what to do, in one or two sentences.
    pub message: String,
}

impl Finding {
    /// An error on `line`.
    pub fn error(
        line: usize,
        code: &'static str,
        field: Option<String>,
        message: impl Into<String>,
    ) -> Finding {
        Finding {
            line: Some(line),
            code,
            severity: Severity::Error,
            field,
            message: message.into(),
        }
    }

    /// A warning on `line`.
    pub fn warning(
        line: usize,
        code: &'static str,
        field: Option<String>,
        message: impl Into<String>,
    ) -> Finding {
        Finding {
            line: Some(line),
            code,
            severity: Severity::Warning,
            field,
            message: message.into(),
        }
    }

    /// An error on the whole file.
    pub fn file_error(code: &'static str, message: impl Into<String>) -> Finding {
        Finding {
            line: None,
            code,
            severity: Severity::Error,
            field: None,
            message: message.into(),
        }
    }

    /// A warning on the whole file.
    pub fn file_warning(code: &'static str, message: impl Into<String>) -> Finding {
        Finding {
            severity: Severity::Warning,
            ..Finding::file_error(code, message)
        }
    }
}

/// Where a finding is, in words: "line 6" or "whole file".
pub fn place(line: Option<usize>) -> String {
    match line {
        Some(n) => format!("line {}", crate::core::number_format::count(n as f64)),
        None => "whole file".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_findings_have_no_line() {
        assert_eq!(Finding::file_error("too_few_examples", "x").line, None);
        assert_eq!(Finding::warning(6, "c", None, "x").line, Some(6));
        assert_eq!(place(None), "whole file");
        assert_eq!(place(Some(12_345)), "line 12,345");
    }
}
