//! Patience-based early stopping applied after the fact to a run's log:
//! where training would have stopped, why, and what restoring the best
//! checkpoint gives.
//!
//! Checks are the monitored column's values in step order. Checks whose
//! epoch (or step, when the log has no epoch) is below `start_from` are
//! ignored entirely (like Keras's `start_from_epoch`). At each remaining
//! check, in this order:
//! 1. a non-finite value (NaN, ±∞) stops at once (Lightning's
//!    `check_finite`), under either rule;
//! 2. with a divergence threshold, a value worse than it (mode min:
//!    `v > threshold`; max: `v < threshold`) stops at once, under either
//!    rule;
//! 3. the rule:
//!    - [`StoppingRule::Keras`] (Keras and Lightning): the check improves
//!      when `best` is unset or (min) `v < best - min_delta`, (max)
//!      `v > best + min_delta`; strict, so a value equal to
//!      `best - min_delta` is not an improvement. On improvement
//!      `best = v, wait = 0`; otherwise `wait += 1`, and training stops at
//!      this check when `wait >= patience`.
//!    - [`StoppingRule::HuggingFace`] (`EarlyStoppingCallback`): `best` is
//!      updated whenever `v` is better than it, however slightly (the
//!      Trainer's `best_metric`), but the counter resets only when `v` is
//!      better than `best` and `abs(v - best) > min_delta` (its
//!      `early_stopping_threshold`); otherwise `counter += 1`, and training
//!      stops when `counter >= patience`. Because `best` creeps with
//!      sub-threshold gains, a run improving in small steps is judged
//!      against ever-closer bests, so it can stop earlier than under
//!      Keras's rule (min_delta 0.1, patience 2: 1.0, 0.95, 0.88 stops at
//!      the third check; under Keras's, 0.88 beats 1.0 − 0.1 and resets).
//!
//! Architecture invariant: pure, no UI imports; no input panics.

use crate::core::html_rows::escape;
use crate::core::training::example_runs::ExampleRun;
use crate::core::training::run_log::{
    Point, RunLog, higher_is_better, number_text, show_value, show_x,
};

/// Which patience rule.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum StoppingRule {
    /// Keras's and Lightning's: an improvement must beat the best by more
    /// than `min_delta`.
    #[default]
    Keras,
    /// Hugging Face's: the best creeps, the counter resets only past the
    /// threshold.
    HuggingFace,
}

impl StoppingRule {
    /// The stable id (`keras`, `hf`).
    pub fn id(self) -> &'static str {
        match self {
            StoppingRule::Keras => "keras",
            StoppingRule::HuggingFace => "hf",
        }
    }

    /// The rule with this id.
    pub fn from_id(id: &str) -> Option<StoppingRule> {
        [StoppingRule::Keras, StoppingRule::HuggingFace]
            .into_iter()
            .find(|r| r.id() == id)
    }
}

/// Whether lower or higher values of the monitored column are better.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    /// Lower is better (losses).
    #[default]
    Min,
    /// Higher is better (accuracy and similar).
    Max,
}

impl Mode {
    /// The stable id (`min`, `max`).
    pub fn id(self) -> &'static str {
        match self {
            Mode::Min => "min",
            Mode::Max => "max",
        }
    }

    /// The mode with this id.
    pub fn from_id(id: &str) -> Option<Mode> {
        [Mode::Min, Mode::Max].into_iter().find(|m| m.id() == id)
    }

    /// The mode a column's name suggests: max for accuracy-like names.
    pub fn for_column(name: &str) -> Mode {
        if higher_is_better(name) {
            Mode::Max
        } else {
            Mode::Min
        }
    }

    /// Whether `a` is better than `b` by more than `delta`.
    fn beats(self, a: f64, b: f64, delta: f64) -> bool {
        match self {
            Mode::Min => a < b - delta,
            Mode::Max => a > b + delta,
        }
    }
}

/// The run explorer's saved settings (early-stopping rule and its
/// parameters, the chosen example). Query keys start with `s.`.
#[derive(Clone, Debug, PartialEq)]
pub struct StoppingSettings {
    /// The patience rule (`s.rule`, default Keras).
    pub rule: StoppingRule,
    /// The monitored column (`s.col`); `None` is the log's validation loss.
    pub monitor: Option<String>,
    /// Lower or higher is better (`s.mode`, default min).
    pub mode: Mode,
    /// Checks without improvement before stopping (`s.pat`, default 3,
    /// at least 1).
    pub patience: u32,
    /// The smallest change that counts (`s.delta`, default 0, never
    /// negative).
    pub min_delta: f64,
    /// Checks before this epoch (or step) are ignored (`s.from`).
    pub start_from: Option<f64>,
    /// Stop at once past this value (`s.div`).
    pub divergence: Option<f64>,
    /// The built-in example shown (`s.ex`).
    pub example: Option<ExampleRun>,
}

impl Default for StoppingSettings {
    fn default() -> Self {
        StoppingSettings {
            rule: StoppingRule::Keras,
            monitor: None,
            mode: Mode::Min,
            patience: 3,
            min_delta: 0.0,
            start_from: None,
            divergence: None,
            example: None,
        }
    }
}

/// Longest column name kept in settings.
const MAX_NAME: usize = 1_000;

/// Reads a patience as typed: a whole number from 1 to 1,000.
pub fn parse_patience(text: &str) -> Result<u32, String> {
    match text.trim().parse::<u32>() {
        Ok(n) if (1..=1000).contains(&n) => Ok(n),
        _ => Err("Enter a whole number of checks from 1 to 1000.".into()),
    }
}

/// Reads a min_delta as typed: a finite number ≥ 0 (empty is 0).
pub fn parse_min_delta(text: &str) -> Result<f64, String> {
    match parse_optional(text)? {
        None => Ok(0.0),
        Some(v) if v >= 0.0 => Ok(v),
        Some(_) => Err("Enter a number of 0 or more.".into()),
    }
}

/// Reads an optional number as typed: empty is none, else a finite number
/// (scientific notation accepted).
pub fn parse_optional(text: &str) -> Result<Option<f64>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    match t.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(Some(v)),
        _ => Err(format!(
            "\"{}\" is not a number.",
            t.chars().take(30).collect::<String>()
        )),
    }
}

impl StoppingSettings {
    /// The settings as query pairs (`s.` keys), for storage and links;
    /// only values that differ from the defaults are written.
    pub fn encode(&self) -> String {
        let d = StoppingSettings::default();
        let mut q = form_urlencoded::Serializer::new(String::new());
        if self.rule != d.rule {
            q.append_pair("s.rule", self.rule.id());
        }
        if let Some(c) = &self.monitor {
            q.append_pair("s.col", c);
        }
        if self.mode != d.mode {
            q.append_pair("s.mode", self.mode.id());
        }
        if self.patience != d.patience {
            q.append_pair("s.pat", &self.patience.to_string());
        }
        if self.min_delta != d.min_delta {
            q.append_pair("s.delta", &number_text(self.min_delta));
        }
        if let Some(v) = self.start_from {
            q.append_pair("s.from", &number_text(v));
        }
        if let Some(v) = self.divergence {
            q.append_pair("s.div", &number_text(v));
        }
        if let Some(e) = self.example {
            q.append_pair("s.ex", e.id());
        }
        q.finish()
    }

    /// Reads the `s.` keys of `query`; total: anything else is ignored and a
    /// value that does not parse keeps its default.
    pub fn decode(query: &str) -> StoppingSettings {
        let mut s = StoppingSettings::default();
        for (k, v) in form_urlencoded::parse(query.as_bytes()) {
            match k.as_ref() {
                "s.rule" => s.rule = StoppingRule::from_id(&v).unwrap_or(s.rule),
                "s.col" if !v.is_empty() && v.len() <= MAX_NAME => s.monitor = Some(v.into_owned()),
                "s.mode" => s.mode = Mode::from_id(&v).unwrap_or(s.mode),
                "s.pat" => s.patience = parse_patience(&v).unwrap_or(s.patience),
                "s.delta" => s.min_delta = parse_min_delta(&v).unwrap_or(s.min_delta),
                "s.from" => s.start_from = parse_optional(&v).unwrap_or(s.start_from),
                "s.div" => s.divergence = parse_optional(&v).unwrap_or(s.divergence),
                "s.ex" => s.example = ExampleRun::from_id(&v).or(s.example),
                _ => {}
            }
        }
        s
    }

    /// The monitored column for `log`: the chosen one when the log has
    /// it, else the log's default (its validation loss).
    pub fn monitored<'a>(&'a self, log: &'a RunLog) -> Option<&'a str> {
        self.monitor
            .as_deref()
            .filter(|m| log.column(m).is_some())
            .or_else(|| log.default_monitor())
    }
}

/// Why training would have stopped.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum StopReason {
    /// `patience` checks in a row without improvement.
    NoImprovement {
        /// The patience.
        patience: u32,
    },
    /// The value was NaN or infinite.
    NonFinite,
    /// The value passed the divergence threshold.
    Divergence {
        /// The threshold.
        threshold: f64,
    },
}

impl StopReason {
    /// The stable id.
    pub fn id(self) -> &'static str {
        match self {
            StopReason::NoImprovement { .. } => "no_improvement",
            StopReason::NonFinite => "non_finite",
            StopReason::Divergence { .. } => "divergence",
        }
    }
}

/// The rule applied to a sequence of checks.
#[derive(Clone, Debug, PartialEq)]
pub struct StopOutcome {
    /// The best check seen up to the stop (or the end).
    pub best: Option<Point>,
    /// Where training would have stopped and why; `None`: it would have run
    /// to the end.
    pub stop: Option<(Point, StopReason)>,
    /// Checks looked at (up to and including the stop).
    pub checks_seen: usize,
    /// Checks ignored because they come before `start_from`.
    pub skipped: usize,
}

/// Applies the settings' rule to `checks` (in step order). `has_epochs`:
/// `start_from` compares epochs; otherwise steps.
pub fn apply(checks: &[Point], settings: &StoppingSettings, has_epochs: bool) -> StopOutcome {
    let mode = settings.mode;
    let delta = if settings.min_delta.is_finite() {
        settings.min_delta.max(0.0)
    } else {
        0.0
    };
    let patience = settings.patience.max(1);
    let mut out = StopOutcome {
        best: None,
        stop: None,
        checks_seen: 0,
        skipped: 0,
    };
    let mut wait: u32 = 0;
    for p in checks {
        let at = if has_epochs {
            p.epoch.unwrap_or(p.step)
        } else {
            p.step
        };
        if settings.start_from.is_some_and(|s| at < s) {
            out.skipped += 1;
            continue;
        }
        out.checks_seen += 1;
        let v = p.value;
        if !v.is_finite() {
            out.stop = Some((*p, StopReason::NonFinite));
            return out;
        }
        if let Some(t) = settings.divergence.filter(|t| t.is_finite())
            && mode.beats(t, v, 0.0)
        {
            out.stop = Some((*p, StopReason::Divergence { threshold: t }));
            return out;
        }
        let best = out.best.map(|b| b.value);
        match settings.rule {
            StoppingRule::Keras => {
                if best.is_none_or(|b| mode.beats(v, b, delta)) {
                    out.best = Some(*p);
                    wait = 0;
                } else {
                    wait += 1;
                }
            }
            StoppingRule::HuggingFace => {
                let resets = best.is_none_or(|b| mode.beats(v, b, 0.0) && (v - b).abs() > delta);
                if best.is_none_or(|b| mode.beats(v, b, 0.0)) {
                    out.best = Some(*p);
                }
                if resets {
                    wait = 0;
                } else {
                    wait += 1;
                }
            }
        }
        if wait >= patience {
            out.stop = Some((*p, StopReason::NoImprovement { patience }));
            return out;
        }
    }
    out
}

/// What restoring the best checkpoint gives.
#[derive(Clone, Debug, PartialEq)]
pub struct Restore {
    /// The best check.
    pub best: Point,
    /// The training loss at (or just before) the best check's step.
    pub training_loss: Option<f64>,
    /// Steps not trained: from the stop to the run's last step.
    pub steps_saved: f64,
    /// Epochs not trained, when the log has epochs.
    pub epochs_saved: Option<f64>,
}

/// The early-stopping verdict on a log.
#[derive(Clone, Debug, PartialEq)]
pub struct Verdict {
    /// The monitored column.
    pub column: String,
    /// The rule's outcome.
    pub outcome: StopOutcome,
    /// What restoring the best checkpoint gives, when there is a best.
    pub restore: Option<Restore>,
}

/// The value of `points` at `step`: the last point at or before it.
pub fn value_at(points: &[Point], step: f64) -> Option<f64> {
    let i = points.partition_point(|p| p.step <= step);
    i.checked_sub(1).map(|i| points[i].value)
}

/// Applies the settings to `log`, or says why it cannot: no column to
/// monitor, or fewer than two checks.
pub fn judge(log: &RunLog, settings: &StoppingSettings) -> Result<Verdict, String> {
    let Some(name) = settings.monitored(log) else {
        return Err("This run has no validation data, so early stopping has nothing to monitor: pick a column to monitor, or log a validation loss.".into());
    };
    let Some(col) = log.column(name) else {
        return Err(format!("The log has no column {name}."));
    };
    if col.points.len() < 2 {
        return Err(format!(
            "The log has {} of {name}; early stopping needs at least two validation points.",
            if col.points.len() == 1 {
                "only one value"
            } else {
                "no values"
            }
        ));
    }
    let has_epochs = log.steps_are_epochs || col.points.iter().any(|p| p.epoch.is_some());
    let outcome = apply(&col.points, settings, has_epochs);
    let training = log
        .training_loss()
        .map(|c| c.points.as_slice())
        .unwrap_or(&[]);
    let restore = outcome.best.map(|best| {
        let (steps_saved, epochs_saved) = match &outcome.stop {
            Some((s, _)) => (
                (log.last_step - s.step).max(0.0),
                log.last_epoch.zip(s.epoch).map(|(l, e)| (l - e).max(0.0)),
            ),
            None => (0.0, log.last_epoch.map(|_| 0.0)),
        };
        Restore {
            best,
            training_loss: value_at(training, best.step),
            steps_saved,
            epochs_saved,
        }
    });
    Ok(Verdict {
        column: name.to_string(),
        outcome,
        restore,
    })
}

/// The stop sentence and the restore sentence, as escaped HTML
/// paragraphs: "Early stopping would have stopped at epoch 7 (step 420):
/// no improvement in valid_loss for 3 checks. Best: 0.412 at epoch 4
/// (step 240)."
pub fn verdict_html(log: &RunLog, v: &Verdict) -> String {
    let col = escape(&v.column);
    let best = v
        .outcome
        .best
        .map(|b| format!(" Best: {} at {}.", show_value(b.value), log.place(&b)))
        .unwrap_or_default();
    let stop = match &v.outcome.stop {
        Some((p, reason)) => {
            let why = match reason {
                StopReason::NoImprovement { patience } => format!(
                    "no improvement in {col} for {patience} {}",
                    if *patience == 1 { "check" } else { "checks" }
                ),
                StopReason::NonFinite => {
                    format!("{col} is {} (not a finite number)", show_value(p.value))
                }
                StopReason::Divergence { threshold } => format!(
                    "{col} reached {}, past the divergence threshold {}",
                    show_value(p.value),
                    show_value(*threshold)
                ),
            };
            format!(
                "<p class=\"run-stop\" data-reason=\"{}\"><strong>Early stopping would have stopped at {}</strong>: {why}.{best}</p>",
                reason.id(),
                log.place(p)
            )
        }
        None => format!(
            "<p class=\"run-stop\" data-reason=\"none\"><strong>Early stopping would not have stopped this run</strong>: it ran to the end ({} checks of {col}).{best}</p>",
            v.outcome.checks_seen
        ),
    };
    let skipped = if v.outcome.skipped > 0 {
        format!(
            "<p>{} earlier {} ignored (before the start-from point).</p>",
            v.outcome.skipped,
            if v.outcome.skipped == 1 {
                "check was"
            } else {
                "checks were"
            }
        )
    } else {
        String::new()
    };
    let restore = match &v.restore {
        Some(r) => {
            let train = r
                .training_loss
                .map(|t| format!(", training loss {}", show_value(t)))
                .unwrap_or_default();
            let saved = if v.outcome.stop.is_some() {
                let epochs = r
                    .epochs_saved
                    .filter(|_| !log.steps_are_epochs)
                    .map(|e| format!(" ({} epochs)", show_x(e)))
                    .unwrap_or_default();
                let unit = if log.steps_are_epochs {
                    "epochs"
                } else {
                    "steps"
                };
                format!(
                    " Stopping there saves {} of {} {unit}{epochs}.",
                    show_x(r.steps_saved),
                    show_x(log.last_step)
                )
            } else {
                String::new()
            };
            format!(
                "<p class=\"run-restore\">Restoring the best checkpoint gives the model at {}: {col} {}{train}.{saved}</p>",
                log.place(&r.best),
                show_value(r.best.value)
            )
        }
        None => String::new(),
    };
    format!("{stop}{skipped}{restore}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn curve(values: &[f64]) -> Vec<Point> {
        values
            .iter()
            .enumerate()
            .map(|(i, &v)| Point {
                step: (i + 1) as f64 * 10.0,
                epoch: Some((i + 1) as f64),
                value: v,
            })
            .collect()
    }

    fn settings(rule: StoppingRule, patience: u32, min_delta: f64) -> StoppingSettings {
        StoppingSettings {
            rule,
            patience,
            min_delta,
            ..StoppingSettings::default()
        }
    }

    fn stop_epoch(o: &StopOutcome) -> Option<f64> {
        o.stop.map(|(p, _)| p.epoch.unwrap())
    }

    #[test]
    fn keras_stops_after_patience_checks_without_improvement() {
        let o = apply(
            &curve(&[1.0, 0.8, 0.7, 0.75, 0.72, 0.71, 0.6]),
            &settings(StoppingRule::Keras, 3, 0.0),
            true,
        );
        assert_eq!(o.best.unwrap().epoch, Some(3.0));
        assert_eq!(stop_epoch(&o), Some(6.0));
        assert_eq!(o.stop.unwrap().1, StopReason::NoImprovement { patience: 3 });
        assert_eq!(o.checks_seen, 6);
    }

    #[test]
    fn ties_and_plateaus_are_not_improvements() {
        let o = apply(
            &curve(&[1.0, 1.0, 1.0]),
            &settings(StoppingRule::Keras, 2, 0.0),
            true,
        );
        assert_eq!(stop_epoch(&o), Some(3.0));
        assert_eq!(o.best.unwrap().epoch, Some(1.0));
        let o = apply(
            &curve(&[0.5, 0.5, 0.5, 0.5]),
            &settings(StoppingRule::HuggingFace, 3, 0.0),
            true,
        );
        assert_eq!(stop_epoch(&o), Some(4.0));
    }

    #[test]
    fn a_value_equal_to_best_minus_min_delta_is_not_an_improvement() {
        // 0.75 == 1.0 - 0.25 exactly (binary fractions).
        let o = apply(
            &curve(&[1.0, 0.75]),
            &settings(StoppingRule::Keras, 1, 0.25),
            true,
        );
        assert_eq!(stop_epoch(&o), Some(2.0));
        assert_eq!(o.best.unwrap().value, 1.0);
        let o = apply(
            &curve(&[1.0, 0.7421875]),
            &settings(StoppingRule::Keras, 1, 0.25),
            true,
        );
        assert_eq!(o.stop, None);
        // Mode max mirrors it.
        let mut s = settings(StoppingRule::Keras, 1, 0.25);
        s.mode = Mode::Max;
        assert_eq!(
            stop_epoch(&apply(&curve(&[0.5, 0.75]), &s, true)),
            Some(2.0)
        );
        assert_eq!(apply(&curve(&[0.5, 0.875]), &s, true).stop, None);
    }

    #[test]
    fn non_finite_values_stop_at_once() {
        for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            let o = apply(
                &curve(&[1.0, 0.9, bad, 0.5]),
                &settings(StoppingRule::Keras, 5, 0.0),
                true,
            );
            assert_eq!(o.stop.unwrap().1, StopReason::NonFinite);
            assert_eq!(stop_epoch(&o), Some(3.0));
            assert_eq!(o.best.unwrap().value, 0.9);
        }
    }

    #[test]
    fn the_divergence_threshold_stops_at_once() {
        let mut s = settings(StoppingRule::Keras, 5, 0.0);
        s.divergence = Some(2.0);
        let o = apply(&curve(&[1.0, 1.5, 2.0, 2.5]), &s, true);
        assert_eq!(stop_epoch(&o), Some(4.0));
        assert_eq!(o.stop.unwrap().1, StopReason::Divergence { threshold: 2.0 });
    }

    #[test]
    fn hugging_face_stops_earlier_when_the_best_creeps() {
        let c = curve(&[1.0, 0.95, 0.88]);
        let keras = apply(&c, &settings(StoppingRule::Keras, 2, 0.1), true);
        let hf = apply(&c, &settings(StoppingRule::HuggingFace, 2, 0.1), true);
        assert_eq!(keras.stop, None);
        assert_eq!(keras.best.unwrap().value, 0.88);
        assert_eq!(stop_epoch(&hf), Some(3.0));
        assert_eq!(hf.best.unwrap().value, 0.88);
    }

    #[test]
    fn start_from_ignores_early_checks() {
        let mut s = settings(StoppingRule::Keras, 2, 0.0);
        s.start_from = Some(3.0);
        // Epochs 1–2 (a noisy warm-up) are ignored; best is epoch 3.
        let o = apply(&curve(&[0.1, 0.2, 0.9, 0.95, 0.97]), &s, true);
        assert_eq!(o.skipped, 2);
        assert_eq!(o.best.unwrap().epoch, Some(3.0));
        assert_eq!(stop_epoch(&o), Some(5.0));
        // Without epochs it compares steps.
        s.start_from = Some(25.0);
        assert_eq!(apply(&curve(&[0.1, 0.2, 0.9]), &s, false).skipped, 2);
    }

    #[test]
    fn settings_round_trip_and_decode_totally() {
        let s = StoppingSettings {
            rule: StoppingRule::HuggingFace,
            monitor: Some("eval_accuracy".into()),
            mode: Mode::Max,
            patience: 5,
            min_delta: 0.001,
            start_from: Some(2.0),
            divergence: Some(10.0),
            example: Some(ExampleRun::Overfits),
        };
        assert_eq!(StoppingSettings::decode(&s.encode()), s);
        assert_eq!(StoppingSettings::default().encode(), "");
        let d = StoppingSettings::decode(
            "s.pat=0&s.delta=-1&s.mode=up&s.rule=x&s.from=abc&s.ex=none&e.x=1",
        );
        assert_eq!(d, StoppingSettings::default());
        assert_eq!(Mode::for_column("valid_mean_token_accuracy"), Mode::Max);
        assert_eq!(
            parse_patience("0").unwrap_err(),
            "Enter a whole number of checks from 1 to 1000."
        );
        assert!(parse_optional("nan").is_err());
    }

    #[test]
    fn too_few_checks_and_no_validation_are_explained() {
        use crate::core::training::log_reader::read_log;
        let log = read_log(b"step,train_loss,valid_loss\n10,2,3\n20,2,\n").unwrap();
        assert_eq!(
            judge(&log, &StoppingSettings::default()).unwrap_err(),
            "The log has only one value of valid_loss; early stopping needs at least two validation points."
        );
        let log = read_log(b"step,train_loss\n10,2\n20,1\n").unwrap();
        assert!(
            judge(&log, &StoppingSettings::default())
                .unwrap_err()
                .contains("no validation data")
        );
    }

    #[test]
    fn the_verdict_reads_as_a_sentence() {
        use crate::core::training::example_runs::ExampleRun;
        use crate::core::training::log_reader::read_log;
        let log = read_log(ExampleRun::Overfits.text().as_bytes()).unwrap();
        let v = judge(&log, &StoppingSettings::default()).unwrap();
        let html = verdict_html(&log, &v);
        assert!(html.contains("<strong>Early stopping would have stopped at epoch 7 (step 420)</strong>: no improvement in val_loss for 3 checks. Best: 0.412 at epoch 4 (step 240)."), "{html}");
        assert!(html.contains("Restoring the best checkpoint gives the model at epoch 4 (step 240): val_loss 0.412, training loss 0.38. Stopping there saves 300 of 720 steps (5 epochs)."), "{html}");
    }

    proptest! {
        #[test]
        fn no_curve_or_settings_panic(
            values in proptest::collection::vec(prop_oneof![any::<f64>(), Just(f64::NAN), -10.0f64..10.0], 0..40),
            patience in 0u32..6,
            delta in prop_oneof![any::<f64>(), 0.0f64..1.0],
            hf in any::<bool>(),
            query in ".{0,60}",
        ) {
            let mut s = settings(if hf { StoppingRule::HuggingFace } else { StoppingRule::Keras }, patience, delta);
            s.divergence = Some(5.0);
            let o = apply(&curve(&values), &s, true);
            prop_assert!(o.checks_seen <= values.len());
            if let Some(b) = o.best { prop_assert!(b.value.is_finite()); }
            let _ = StoppingSettings::decode(&query);
        }
    }
}
