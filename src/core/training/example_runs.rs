//! Built-in example runs, one per supported format, so the run explorer
//! shows something without a file: one that overfits (plain CSV,
//! validation loss lowest at epoch 4, then rising), one that converges
//! cleanly (`trainer_state.json`), one that diverges to NaN (an OpenAI
//! result file).
//!
//! The texts are generated here from a few numbers, so the page carries
//! formulas rather than files.
//!
//! Architecture invariant: pure, no UI imports.

use std::fmt::Write;

use crate::core::training::run_log::scientific;

/// A built-in example run, with a stable id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExampleRun {
    /// Validation loss lowest at epoch 4, then rising (plain CSV).
    Overfits,
    /// Both losses fall to the end (Hugging Face `trainer_state.json`).
    Converges,
    /// Training blows up and validation loss becomes NaN (OpenAI file).
    Diverges,
}

impl ExampleRun {
    /// All examples, in the order the select lists them.
    pub const ALL: [ExampleRun; 3] = [
        ExampleRun::Overfits,
        ExampleRun::Converges,
        ExampleRun::Diverges,
    ];

    /// The stable id.
    pub fn id(self) -> &'static str {
        match self {
            ExampleRun::Overfits => "overfits",
            ExampleRun::Converges => "converges",
            ExampleRun::Diverges => "diverges",
        }
    }

    /// The example with this id.
    pub fn from_id(id: &str) -> Option<ExampleRun> {
        ExampleRun::ALL.into_iter().find(|e| e.id() == id)
    }

    /// How the select names it.
    pub fn label(self) -> &'static str {
        match self {
            ExampleRun::Overfits => "Overfits after epoch 4 (CSV)",
            ExampleRun::Converges => "Converges cleanly (trainer_state.json)",
            ExampleRun::Diverges => "Diverges: the loss blows up (OpenAI result file)",
        }
    }

    /// The file's name, as if it had been dropped.
    pub fn file_name(self) -> &'static str {
        match self {
            ExampleRun::Overfits => "overfitting_run.csv",
            ExampleRun::Converges => "trainer_state.json",
            ExampleRun::Diverges => "step_metrics.csv",
        }
    }

    /// The log's text.
    pub fn text(self) -> String {
        match self {
            ExampleRun::Overfits => overfits(),
            ExampleRun::Converges => converges(),
            ExampleRun::Diverges => diverges(),
        }
    }
}

fn overfits() -> String {
    const TRAIN: [f64; 12] = [
        1.10, 0.72, 0.52, 0.38, 0.29, 0.22, 0.17, 0.13, 0.10, 0.08, 0.065, 0.05,
    ];
    const VALID: [f64; 12] = [
        0.92, 0.66, 0.51, 0.412, 0.425, 0.46, 0.52, 0.58, 0.65, 0.73, 0.81, 0.90,
    ];
    let mut s = String::from("epoch,step,train_loss,val_loss,val_accuracy\n");
    for (i, (t, v)) in TRAIN.iter().zip(VALID).enumerate() {
        let acc = 0.82 - v * 0.2;
        let _ = writeln!(s, "{},{},{t:.3},{v:.3},{acc:.3}", i + 1, (i + 1) * 60);
    }
    s
}

fn converges() -> String {
    let mut s = String::from(
        "{\n  \"best_metric\": null,\n  \"global_step\": 600,\n  \"log_history\": [\n",
    );
    for step in (25..=600).step_by(25) {
        let x = step as f64;
        let epoch = x / 100.0;
        let loss = 0.45 + 1.6 * (-x / 140.0).exp();
        let _ = write!(
            s,
            "    {{\n      \"epoch\": {epoch:.2},\n      \"grad_norm\": {:.3},\n      \"learning_rate\": {},\n      \"loss\": {loss:.4},\n      \"step\": {step}\n    }},\n",
            2.5 * (-x / 300.0).exp() + 0.4,
            scientific(2e-5 * (1.0 - x / 600.0), 4)
        );
        if step % 100 == 0 {
            let eval = 0.52 + 1.4 * (-x / 160.0).exp();
            let _ = write!(
                s,
                "    {{\n      \"epoch\": {epoch:.2},\n      \"eval_accuracy\": {:.4},\n      \"eval_loss\": {eval:.4},\n      \"eval_runtime\": 4.1,\n      \"step\": {step}\n    }},\n",
                0.9 - eval * 0.2
            );
        }
    }
    s.push_str("    {\n      \"epoch\": 6.0,\n      \"step\": 600,\n      \"train_loss\": 0.61,\n      \"train_runtime\": 1204.2\n    }\n  ],\n  \"max_steps\": 600\n}\n");
    s
}

fn diverges() -> String {
    let mut s =
        String::from("step,train_loss,train_accuracy,valid_loss,valid_mean_token_accuracy\n");
    for step in 1..=120u32 {
        let x = f64::from(step);
        let train = if step < 75 {
            0.6 + 1.5 * (-x / 25.0).exp()
        } else if step < 88 {
            0.7 * 1.35f64.powf(x - 74.0)
        } else {
            f64::NAN
        };
        let (valid, vacc) = if step % 10 == 0 {
            let v = if step < 80 {
                0.65 + 1.45 * (-x / 28.0).exp()
            } else if step == 80 {
                2.4
            } else {
                f64::NAN
            };
            (fmt(v), fmt(0.9 - v.min(4.0) * 0.15))
        } else {
            (String::new(), String::new())
        };
        let acc = 0.88 - train.min(4.0) * 0.15;
        let _ = writeln!(s, "{step},{},{},{valid},{vacc}", fmt(train), fmt(acc));
    }
    s
}

/// Like Python's CSV writer: `nan`, else scientific notation.
fn fmt(v: f64) -> String {
    if v.is_finite() {
        scientific(v, 5)
    } else {
        "nan".into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::training::early_stopping::{StopReason, StoppingSettings, judge};
    use crate::core::training::log_reader::read_log;
    use crate::core::training::run_log::LogFormat;

    #[test]
    fn every_example_reads_in_its_format() {
        let formats = [
            LogFormat::PlainCsv,
            LogFormat::TrainerState,
            LogFormat::OpenAiResults,
        ];
        for (e, f) in ExampleRun::ALL.into_iter().zip(formats) {
            let log = read_log(e.text().as_bytes()).unwrap_or_else(|err| panic!("{e:?}: {err}"));
            assert_eq!(log.format, f, "{e:?}");
            assert_eq!(ExampleRun::from_id(e.id()), Some(e));
        }
    }

    #[test]
    fn the_examples_show_what_they_say() {
        let s = StoppingSettings::default();
        let log = read_log(ExampleRun::Overfits.text().as_bytes()).unwrap();
        let v = judge(&log, &s).unwrap();
        let (stop, why) = v.outcome.stop.unwrap();
        assert_eq!(
            (stop.epoch, why),
            (Some(7.0), StopReason::NoImprovement { patience: 3 })
        );
        assert_eq!(v.outcome.best.unwrap().step, 240.0);
        let log = read_log(ExampleRun::Converges.text().as_bytes()).unwrap();
        assert_eq!(judge(&log, &s).unwrap().outcome.stop, None);
        let log = read_log(ExampleRun::Diverges.text().as_bytes()).unwrap();
        let (stop, why) = judge(&log, &s).unwrap().outcome.stop.unwrap();
        assert_eq!((stop.step, why), (90.0, StopReason::NonFinite));
    }
}
