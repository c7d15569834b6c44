//! The overfitting flag: training loss still falling while validation loss
//! rises over the last checks, with what to do about it; and the flag for a
//! run without validation data.
//!
//! The rule, over the last [`LAST_CHECKS`] = 3 finite validation-loss
//! checks `a, b, c` (at least 3 needed):
//! - validation rose: `c.value - min(a, b, c) > min_delta` (so the last
//!   check is not the lowest, by more than `min_delta`);
//! - training fell: the mean of the finite training-loss values logged in
//!   `(b.step, c.step]` is lower than their mean in `(a.step, b.step]`
//!   (both intervals need at least one value).
//!
//! Both together flag overfitting. The validation loss is the log's
//! (`full_valid_loss`, `valid_loss`, `eval_loss`, …), whatever column early
//! stopping monitors.
//!
//! Architecture invariant: pure, no UI imports; no input panics.

use crate::core::html_rows::escape;
use crate::core::training::run_log::{Point, RunLog, show_value};

/// How many of the last validation checks the rule looks at.
pub const LAST_CHECKS: usize = 3;

/// What the rule found.
#[derive(Clone, Debug, PartialEq)]
pub enum FitFinding {
    /// The log has no validation loss.
    NoValidation,
    /// Fewer than [`LAST_CHECKS`] finite validation checks.
    TooFewChecks {
        /// How many there are.
        count: usize,
    },
    /// Training loss fell while validation loss rose.
    Overfitting {
        /// The lowest of the last checks.
        lowest: Point,
        /// The last check.
        last: Point,
        /// Mean training loss in the earlier interval.
        train_before: f64,
        /// Mean training loss in the later interval.
        train_after: f64,
    },
    /// No sign of overfitting in the last checks.
    NoSign,
}

impl FitFinding {
    /// The stable id.
    pub fn id(&self) -> &'static str {
        match self {
            FitFinding::NoValidation => "no_validation",
            FitFinding::TooFewChecks { .. } => "too_few_checks",
            FitFinding::Overfitting { .. } => "overfitting",
            FitFinding::NoSign => "no_sign",
        }
    }
}

fn mean_in(points: &[Point], from: f64, to: f64) -> Option<f64> {
    let (sum, n) = points
        .iter()
        .filter(|p| p.step > from && p.step <= to && p.value.is_finite())
        .fold((0.0, 0usize), |(s, n), p| (s + p.value, n + 1));
    (n > 0).then(|| sum / n as f64)
}

/// Applies the rule to `log` with this `min_delta` (negative or non-finite
/// reads as 0).
pub fn assess(log: &RunLog, min_delta: f64) -> FitFinding {
    let delta = if min_delta.is_finite() {
        min_delta.max(0.0)
    } else {
        0.0
    };
    let Some(valid) = log.validation_loss() else {
        return FitFinding::NoValidation;
    };
    let finite: Vec<Point> = valid
        .points
        .iter()
        .copied()
        .filter(|p| p.value.is_finite())
        .collect();
    if finite.len() < LAST_CHECKS {
        return FitFinding::TooFewChecks {
            count: finite.len(),
        };
    }
    let last3 = &finite[finite.len() - LAST_CHECKS..];
    let (a, b, c) = (last3[0], last3[1], last3[2]);
    let lowest = last3
        .iter()
        .copied()
        .fold(a, |m, p| if p.value < m.value { p } else { m });
    let rose = c.value - lowest.value > delta;
    let training = log
        .training_counterpart(&valid.name)
        .or_else(|| log.training_loss())
        .map(|t| t.points.as_slice())
        .unwrap_or(&[]);
    match (
        rose,
        mean_in(training, a.step, b.step),
        mean_in(training, b.step, c.step),
    ) {
        (true, Some(before), Some(after)) if after < before => FitFinding::Overfitting {
            lowest,
            last: c,
            train_before: before,
            train_after: after,
        },
        _ => FitFinding::NoSign,
    }
}

/// The finding as an escaped HTML paragraph, with what to do.
pub fn finding_html(log: &RunLog, f: &FitFinding) -> String {
    let body = match f {
        FitFinding::NoValidation => "<strong>No validation data.</strong> This log has no validation loss, so neither overfitting nor the best checkpoint can be judged. Hold out 5–20% of your examples as a validation file and log its loss at least once per epoch.".to_string(),
        FitFinding::TooFewChecks { count } => format!(
            "<strong>Too few validation checks to judge overfitting</strong> ({count}; the rule needs the last {LAST_CHECKS}). Evaluate more often, for example every epoch."
        ),
        FitFinding::Overfitting { lowest, last, train_before, train_after } => {
            let name = escape(log.validation_loss().map_or("validation loss", |c| c.name.as_str()));
            format!(
                "<strong>Overfitting:</strong> over the last {LAST_CHECKS} checks, {name} rose from {} at {} to {} at {} while training loss kept falling (mean {} → {}). The model is learning the training examples rather than the task. What to do: train for fewer epochs (or keep the best checkpoint), add more or more varied training data, or regularize (a lower learning rate, weight decay, dropout, a smaller LoRA rank).",
                show_value(lowest.value),
                log.place(lowest),
                show_value(last.value),
                log.place(last),
                show_value(*train_before),
                show_value(*train_after)
            )
        }
        FitFinding::NoSign => format!(
            "<strong>No sign of overfitting</strong> in the last {LAST_CHECKS} validation checks: validation loss did not rise while training loss fell."
        ),
    };
    format!(
        "<p class=\"run-fit\" data-finding=\"{}\">{body}</p>",
        f.id()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::training::log_reader::read_log;

    fn log(text: &str) -> RunLog {
        read_log(text.as_bytes()).unwrap()
    }

    #[test]
    fn falling_training_and_rising_validation_is_overfitting() {
        let l = log("epoch,train_loss,val_loss\n1,1.0,0.9\n2,0.8,0.7\n3,0.6,0.72\n4,0.4,0.8\n");
        let f = assess(&l, 0.0);
        assert_eq!(f.id(), "overfitting");
        let FitFinding::Overfitting { lowest, last, .. } = f else {
            unreachable!()
        };
        assert_eq!((lowest.step, last.step), (2.0, 4.0));
        assert!(finding_html(&l, &assess(&l, 0.0)).contains("fewer epochs"));
        // A rise within min_delta is not flagged.
        assert_eq!(assess(&l, 0.2), FitFinding::NoSign);
    }

    #[test]
    fn both_rising_or_validation_falling_is_not() {
        let l = log("epoch,train_loss,val_loss\n1,1.0,0.9\n2,0.8,0.7\n3,0.9,0.72\n4,1.0,0.8\n");
        assert_eq!(assess(&l, 0.0), FitFinding::NoSign);
        let l = log("epoch,train_loss,val_loss\n1,1.0,0.9\n2,0.8,0.7\n3,0.6,0.6\n");
        assert_eq!(assess(&l, 0.0), FitFinding::NoSign);
    }

    #[test]
    fn missing_or_scarce_validation_is_flagged() {
        assert_eq!(
            assess(&log("step,train_loss\n1,1\n2,0.5\n"), 0.0),
            FitFinding::NoValidation
        );
        assert_eq!(
            assess(
                &log("step,train_loss,valid_loss\n1,1,1\n2,0.5,\n3,0.4,nan\n4,0.3,0.9\n"),
                0.0
            ),
            FitFinding::TooFewChecks { count: 2 }
        );
    }
}
