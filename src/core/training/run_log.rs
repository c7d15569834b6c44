//! A training run's log as the run explorer reads it: named columns, each a
//! series of points (step, optional epoch, value) in step order, whatever
//! the file's format. Training and validation values are paired by step.
//!
//! [`RunLogBuilder`] is the one place records become a [`RunLog`]: it
//! checks that steps never go back (an unsorted log is refused, naming the
//! row) and that the log has something to read.
//!
//! Architecture invariant: pure, no UI imports; nothing here panics.

use std::fmt;

/// The formats the run explorer recognises, with stable ids.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogFormat {
    /// OpenAI's fine-tuning result file (`step,train_loss,…`), maybe base64.
    OpenAiResults,
    /// Hugging Face's `trainer_state.json` (`log_history`).
    TrainerState,
    /// Any CSV with a step or epoch column.
    PlainCsv,
    /// Any JSON array (or JSON Lines) of records with a step or epoch key.
    PlainJson,
}

impl LogFormat {
    /// The stable id.
    pub fn id(self) -> &'static str {
        match self {
            LogFormat::OpenAiResults => "openai_results",
            LogFormat::TrainerState => "trainer_state",
            LogFormat::PlainCsv => "plain_csv",
            LogFormat::PlainJson => "plain_json",
        }
    }

    /// The format with this id.
    pub fn from_id(id: &str) -> Option<LogFormat> {
        [
            LogFormat::OpenAiResults,
            LogFormat::TrainerState,
            LogFormat::PlainCsv,
            LogFormat::PlainJson,
        ]
        .into_iter()
        .find(|f| f.id() == id)
    }

    /// How the page names it ("OpenAI result file").
    pub fn label(self) -> &'static str {
        match self {
            LogFormat::OpenAiResults => "OpenAI result file",
            LogFormat::TrainerState => "Hugging Face trainer_state.json",
            LogFormat::PlainCsv => "CSV log",
            LogFormat::PlainJson => "JSON log",
        }
    }
}

/// What a column measures, from its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnRole {
    /// Measured on the training data (`train_loss`, `loss`, `accuracy`).
    Training,
    /// Measured on held-out data (`valid_*`, `val_*`, `eval_*`, `test_*`,
    /// `full_valid_*`).
    Validation,
    /// Anything else (learning rate, gradient norm).
    Other,
}

/// The validation prefixes, longest first.
const VALIDATION_PREFIXES: [&str; 7] = [
    "full_valid_",
    "validation_",
    "valid_",
    "eval_",
    "test_",
    "val_",
    "dev_",
];

/// The role a column's name gives it: a validation prefix makes it
/// validation; a name starting with `train` or containing `loss`,
/// `accuracy` or `acc` makes it training; the rest is other.
pub fn role_of(name: &str) -> ColumnRole {
    let n = name.to_ascii_lowercase();
    if VALIDATION_PREFIXES.iter().any(|p| n.starts_with(p)) {
        ColumnRole::Validation
    } else if n.starts_with("train") || n.contains("loss") || n.contains("acc") {
        ColumnRole::Training
    } else {
        ColumnRole::Other
    }
}

/// Whether a larger value is better for a column with this name
/// (accuracy, F1, BLEU, ROUGE, exact match, precision, recall, reward).
pub fn higher_is_better(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    [
        "acc",
        "f1",
        "bleu",
        "rouge",
        "exact",
        "precision",
        "recall",
        "reward",
        "score",
    ]
    .iter()
    .any(|w| n.contains(w))
        && !n.contains("loss")
}

/// The name without its role prefix (`valid_loss` → `loss`,
/// `train_mean_token_accuracy` → `mean_token_accuracy`).
pub fn base_name(name: &str) -> String {
    let n = name.to_ascii_lowercase();
    for p in VALIDATION_PREFIXES
        .iter()
        .chain(["train_", "training_"].iter())
    {
        if let Some(rest) = n.strip_prefix(p) {
            return rest.to_string();
        }
    }
    n
}

/// One value of a column.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    /// The optimizer step (or the epoch, when the log has no step column).
    pub step: f64,
    /// The epoch, fractional during an epoch, when the log has one.
    pub epoch: Option<f64>,
    /// The value; may be NaN or ±∞ as written in the log.
    pub value: f64,
}

/// One column of the log.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    /// Its name as written in the log.
    pub name: String,
    /// What it measures.
    pub role: ColumnRole,
    /// Its points in step order (rows where it was empty are absent).
    pub points: Vec<Point>,
}

/// A parsed training log.
#[derive(Clone, Debug, PartialEq)]
pub struct RunLog {
    /// The format it was read as.
    pub format: LogFormat,
    /// The columns with at least one value, in the file's order.
    pub columns: Vec<Column>,
    /// Whether the x axis is the epoch (the log had no step column).
    pub steps_are_epochs: bool,
    /// Rows (or records) read.
    pub rows: usize,
    /// The last step of the run.
    pub last_step: f64,
    /// The last epoch of the run, when the log has epochs.
    pub last_epoch: Option<f64>,
}

/// Why a log could not be read: the row (1-based line number, or the line
/// a JSON record starts on), the column and what is wrong.
#[derive(Clone, Debug, PartialEq)]
pub struct LogError {
    /// The 1-based row, when the problem has one.
    pub row: Option<usize>,
    /// The column, when the problem has one.
    pub column: Option<String>,
    /// What is wrong, as a sentence.
    pub message: String,
}

impl LogError {
    /// An error at `row` and `column`.
    pub fn at(row: usize, column: &str, message: impl Into<String>) -> LogError {
        LogError {
            row: Some(row),
            column: Some(column.to_string()),
            message: message.into(),
        }
    }

    /// An error at `row`, no column.
    pub fn row(row: usize, message: impl Into<String>) -> LogError {
        LogError {
            row: Some(row),
            column: None,
            message: message.into(),
        }
    }

    /// An error about the whole log.
    pub fn whole(message: impl Into<String>) -> LogError {
        LogError {
            row: None,
            column: None,
            message: message.into(),
        }
    }
}

impl fmt::Display for LogError {
    /// "Row 14, column valid_loss: \"abc\" is not a number."
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.row, &self.column) {
            (Some(r), Some(c)) => write!(f, "Row {r}, column {c}: {}", self.message),
            (Some(r), None) => write!(f, "Row {r}: {}", self.message),
            _ => write!(f, "{}", self.message),
        }
    }
}

/// A cell's text as a value: empty (or `null`, `none`) is missing, never
/// zero; scientific notation and `nan`/`inf` are read; anything else is an
/// error naming the row and column.
pub fn parse_cell(text: &str, row: usize, column: &str) -> Result<Option<f64>, LogError> {
    let t = text.trim();
    if t.is_empty() || t.eq_ignore_ascii_case("null") || t.eq_ignore_ascii_case("none") {
        return Ok(None);
    }
    match t.parse::<f64>() {
        Ok(v) => Ok(Some(v)),
        Err(_) => {
            let shown: String = t.chars().take(40).collect();
            Err(LogError::at(
                row,
                column,
                format!("\"{shown}\" is not a number."),
            ))
        }
    }
}

/// Builds a [`RunLog`] record by record, in the file's order.
#[derive(Debug)]
pub struct RunLogBuilder {
    format: LogFormat,
    steps_are_epochs: bool,
    columns: Vec<Column>,
    rows: usize,
    last_step: Option<(f64, usize)>,
    last_epoch: Option<f64>,
}

impl RunLogBuilder {
    /// An empty log of this format; `steps_are_epochs` when the x value of
    /// each record is its epoch.
    pub fn new(format: LogFormat, steps_are_epochs: bool) -> RunLogBuilder {
        RunLogBuilder {
            format,
            steps_are_epochs,
            columns: Vec::new(),
            rows: 0,
            last_step: None,
            last_epoch: None,
        }
    }

    /// Declares a column so it keeps the file's order; returns its index.
    pub fn column(&mut self, name: &str) -> usize {
        if let Some(i) = self.columns.iter().position(|c| c.name == name) {
            return i;
        }
        self.columns.push(Column {
            name: name.to_string(),
            role: role_of(name),
            points: Vec::new(),
        });
        self.columns.len() - 1
    }

    /// Adds one record at `row`: its step (named `step_column` in errors),
    /// epoch and values by column index. Refuses a non-finite step and a
    /// step smaller than the previous record's.
    pub fn record(
        &mut self,
        row: usize,
        step_column: &str,
        step: f64,
        epoch: Option<f64>,
        values: &[(usize, f64)],
    ) -> Result<(), LogError> {
        if !step.is_finite() {
            return Err(LogError::at(
                row,
                step_column,
                "the step is not a finite number.",
            ));
        }
        if let Some((last, last_row)) = self.last_step
            && step < last
        {
            return Err(LogError::at(
                row,
                step_column,
                format!(
                    "step {} comes after step {} (row {last_row}); the log must be in step order.",
                    show_x(step),
                    show_x(last)
                ),
            ));
        }
        self.last_step = Some((step, row));
        let epoch = epoch.filter(|e| e.is_finite());
        if epoch.is_some() {
            self.last_epoch = epoch;
        }
        self.rows += 1;
        for &(i, value) in values {
            if let Some(c) = self.columns.get_mut(i) {
                c.points.push(Point { step, epoch, value });
            }
        }
        Ok(())
    }

    /// The log, or why there is nothing to read.
    pub fn finish(self) -> Result<RunLog, LogError> {
        let columns: Vec<Column> = self
            .columns
            .into_iter()
            .filter(|c| !c.points.is_empty())
            .collect();
        if self.rows == 0 {
            return Err(LogError::whole("The log has no rows of values."));
        }
        if columns.is_empty() {
            return Err(LogError::whole(
                "The log has no values besides its steps: expected columns such as train_loss and valid_loss.",
            ));
        }
        Ok(RunLog {
            format: self.format,
            columns,
            steps_are_epochs: self.steps_are_epochs,
            rows: self.rows,
            last_step: self.last_step.map_or(0.0, |(s, _)| s),
            last_epoch: self.last_epoch,
        })
    }
}

/// A step or epoch as text: whole numbers plainly, fractions to 2 places.
pub fn show_x(x: f64) -> String {
    if !x.is_finite() {
        "—".into()
    } else if x.fract() == 0.0 && x.abs() < 1e15 {
        crate::core::number_format::count(x)
    } else {
        let s = format!("{x:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// A metric value as text: 4 significant figures, scientific notation
/// below 0.001 or from 100,000; "NaN", "∞" and "-∞" as such.
pub fn show_value(v: f64) -> String {
    if v.is_nan() {
        return "NaN".into();
    }
    if v.is_infinite() {
        return if v > 0.0 { "∞".into() } else { "-∞".into() };
    }
    let a = v.abs();
    if a != 0.0 && !(0.001..100_000.0).contains(&a) {
        return scientific(v, 3);
    }
    let decimals = if a == 0.0 {
        0
    } else {
        (3 - a.log10().floor() as i32).clamp(0, 6) as usize
    };
    let s = format!("{v:.decimals$}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// `v` in scientific notation with `digits` decimals, as Python writes it
/// (`1.200e-05`); written with fixed-point formatting only, which keeps
/// the page's code small.
pub fn scientific(v: f64, digits: usize) -> String {
    if !v.is_finite() {
        return show_value(v);
    }
    if v == 0.0 {
        return format!("{:.digits$}e+00", 0.0);
    }
    let mut e = v.abs().log10().floor() as i32;
    let mut m = v / 10f64.powi(e);
    if format!("{:.digits$}", m.abs()).starts_with("10") {
        e += 1;
        m /= 10.0;
    }
    let sign = if e < 0 { '-' } else { '+' };
    format!("{m:.digits$}e{sign}{:02}", e.unsigned_abs())
}

/// `v` as the shortest fixed-point text that reads back as `v` (up to 20
/// decimals; smaller values in scientific notation), for links.
pub fn number_text(v: f64) -> String {
    if !v.is_finite() {
        return String::new();
    }
    for n in 0..=20usize {
        let s = format!("{v:.n$}");
        if s.parse::<f64>() == Ok(v) {
            return s;
        }
    }
    for n in 0..=17usize {
        let s = scientific(v, n);
        if s.parse::<f64>() == Ok(v) {
            return s;
        }
    }
    scientific(v, 17)
}

impl RunLog {
    /// The column with this name.
    pub fn column(&self, name: &str) -> Option<&Column> {
        self.columns.iter().find(|c| c.name == name)
    }

    /// The validation columns.
    pub fn validation_columns(&self) -> impl Iterator<Item = &Column> {
        self.columns
            .iter()
            .filter(|c| c.role == ColumnRole::Validation)
    }

    /// The validation loss column: `full_valid_loss` when present (OpenAI
    /// computes it on the whole validation set per epoch), else
    /// `valid_loss`, `eval_loss`, `val_loss`, then any validation column
    /// whose name contains `loss`.
    pub fn validation_loss(&self) -> Option<&Column> {
        [
            "full_valid_loss",
            "valid_loss",
            "eval_loss",
            "val_loss",
            "validation_loss",
            "test_loss",
        ]
        .iter()
        .find_map(|n| self.column(n))
        .or_else(|| {
            self.validation_columns()
                .find(|c| c.name.to_ascii_lowercase().contains("loss"))
        })
    }

    /// The training loss column: `train_loss`, else `loss`, else any
    /// training column whose name contains `loss`.
    pub fn training_loss(&self) -> Option<&Column> {
        ["train_loss", "loss", "training_loss"]
            .iter()
            .find_map(|n| self.column(n))
            .or_else(|| {
                self.columns.iter().find(|c| {
                    c.role == ColumnRole::Training && c.name.to_ascii_lowercase().contains("loss")
                })
            })
    }

    /// The column monitored by default: the validation loss, else the
    /// first validation column.
    pub fn default_monitor(&self) -> Option<&str> {
        self.validation_loss()
            .or_else(|| self.validation_columns().next())
            .map(|c| c.name.as_str())
    }

    /// The training column that goes with `name`: itself when it is a
    /// training column, else the training column with the same base name
    /// (`valid_loss` → `train_loss` or `loss`), else for a loss the
    /// training loss.
    pub fn training_counterpart(&self, name: &str) -> Option<&Column> {
        let col = self.column(name)?;
        if col.role == ColumnRole::Training {
            return Some(col);
        }
        let base = base_name(name);
        self.columns
            .iter()
            .find(|c| c.role == ColumnRole::Training && base_name(&c.name) == base)
            .or_else(|| {
                if base.contains("loss") {
                    self.training_loss()
                } else if base.contains("acc") {
                    self.columns.iter().find(|c| {
                        c.role == ColumnRole::Training
                            && c.name.to_ascii_lowercase().contains("acc")
                    })
                } else {
                    None
                }
            })
    }

    /// The x axis's name: "Epoch" or "Step".
    pub fn x_name(&self) -> &'static str {
        if self.steps_are_epochs {
            "Epoch"
        } else {
            "Step"
        }
    }

    /// Where a point lies, as people say it: "epoch 4 (step 240)", "step
    /// 240" or "epoch 4".
    pub fn place(&self, p: &Point) -> String {
        if self.steps_are_epochs {
            format!("epoch {}", show_x(p.step))
        } else {
            match p.epoch {
                Some(e) => format!("epoch {} (step {})", show_x(e), show_x(p.step)),
                None => format!("step {}", show_x(p.step)),
            }
        }
    }

    /// "Read as OpenAI result file: 412 steps, 8 validation checks."
    pub fn description(&self) -> String {
        let checks = self.validation_loss().map_or(0, |c| c.points.len());
        let unit = if self.steps_are_epochs {
            "epochs"
        } else {
            "steps"
        };
        let rows = if self.format == LogFormat::TrainerState {
            format!(
                "{} log entries up to step {}",
                crate::core::number_format::count(self.rows as f64),
                show_x(self.last_step)
            )
        } else {
            format!(
                "{} {unit}",
                crate::core::number_format::count(self.rows as f64)
            )
        };
        format!(
            "Read as {}: {rows}, {} validation {}.",
            self.format.label(),
            checks,
            if checks == 1 { "check" } else { "checks" }
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip() {
        for f in [
            LogFormat::OpenAiResults,
            LogFormat::TrainerState,
            LogFormat::PlainCsv,
            LogFormat::PlainJson,
        ] {
            assert_eq!(LogFormat::from_id(f.id()), Some(f));
        }
        assert_eq!(LogFormat::OpenAiResults.id(), "openai_results");
    }

    #[test]
    fn roles_and_directions_come_from_names() {
        assert_eq!(role_of("valid_loss"), ColumnRole::Validation);
        assert_eq!(role_of("eval_accuracy"), ColumnRole::Validation);
        assert_eq!(role_of("loss"), ColumnRole::Training);
        assert_eq!(role_of("train_accuracy"), ColumnRole::Training);
        assert_eq!(role_of("learning_rate"), ColumnRole::Other);
        assert!(higher_is_better("valid_mean_token_accuracy"));
        assert!(!higher_is_better("valid_loss"));
        assert_eq!(base_name("full_valid_loss"), "loss");
    }

    #[test]
    fn cells_empty_are_missing_and_words_are_errors() {
        assert_eq!(parse_cell("", 2, "x"), Ok(None));
        assert_eq!(parse_cell("1.2e-05", 2, "x"), Ok(Some(1.2e-5)));
        assert!(parse_cell("nan", 2, "x").unwrap().unwrap().is_nan());
        assert_eq!(
            parse_cell("abc", 14, "valid_loss").unwrap_err().to_string(),
            "Row 14, column valid_loss: \"abc\" is not a number."
        );
    }

    #[test]
    fn steps_going_back_are_refused_with_the_row() {
        let mut b = RunLogBuilder::new(LogFormat::PlainCsv, false);
        let c = b.column("loss");
        b.record(2, "step", 10.0, None, &[(c, 1.0)]).unwrap();
        let e = b.record(3, "step", 5.0, None, &[(c, 1.0)]).unwrap_err();
        assert_eq!(e.row, Some(3));
        assert!(
            e.to_string()
                .starts_with("Row 3, column step: step 5 comes after step 10")
        );
    }

    #[test]
    fn values_are_shown_briefly() {
        assert_eq!(show_value(0.41234), "0.4123");
        assert_eq!(show_value(1.2e-5), "1.200e-05");
        assert_eq!(scientific(9.9996, 3), "1.000e+01");
        assert_eq!(scientific(-0.012345, 2), "-1.23e-02");
        for v in [0.0, 0.001, 1e-9, 3.25, 1.0 / 3.0, 123456.0, 2e-30] {
            assert_eq!(number_text(v).parse::<f64>(), Ok(v), "{v}");
        }
        assert_eq!(number_text(0.1), "0.1");
        assert_eq!(show_value(f64::NAN), "NaN");
        assert_eq!(show_value(12.0), "12");
        assert_eq!(show_x(2.5), "2.5");
    }
}
