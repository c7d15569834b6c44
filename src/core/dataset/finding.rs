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

/// A problem on one line, with a stable code for counting and comparison
/// (the chat codes are those of OpenAI's data-preparation notebook where it
/// has one).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// 1-based line number.
    pub line: usize,
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
            line,
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
            line,
            code,
            severity: Severity::Warning,
            field,
            message: message.into(),
        }
    }
}
