//! The one entry point for training logs: bytes fed chunk by chunk
//! ([`LogReader::feed`], then [`LogReader::finish`]), the format found
//! from the first bytes, so the page can read a 50 MB file in slices and
//! show progress.
//!
//! Detection, after a UTF-8 byte-order mark and leading whitespace: `{`
//! or `[` → JSON (`trainer_state.json` when it has `log_history`, else a
//! plain JSON log); a first line with a comma or a quote → CSV (OpenAI's
//! result file when its header is OpenAI's, else a plain CSV); a first
//! line of base64 characters only → base64, decoded, then detected again
//! (OpenAI's Files API returns result files so).
//!
//! Architecture invariant: pure, no UI imports; no bytes make it panic,
//! and how the bytes are cut into chunks never changes the result.

use crate::core::training::openai_results::{Base64Decoder, looks_like_base64};
use crate::core::training::plain_log::CsvLogReader;
use crate::core::training::run_log::{LogError, RunLog};
use crate::core::training::trainer_state::JsonLogReader;

/// Bytes looked at to decide the format when no line ends sooner.
const SNIFF: usize = 4096;

#[derive(Debug)]
enum Stage {
    Sniffing(Vec<u8>),
    Csv(CsvLogReader),
    Json(JsonLogReader),
    Base64(Base64Decoder, Box<LogReader>),
    Failed(LogError),
}

/// Reads a training log of any supported format, incrementally.
#[derive(Debug)]
pub struct LogReader {
    stage: Stage,
    bytes: u64,
    decoded: Vec<u8>,
}

impl Default for LogReader {
    fn default() -> Self {
        LogReader::new()
    }
}

impl LogReader {
    /// A reader before the first byte.
    pub fn new() -> LogReader {
        LogReader {
            stage: Stage::Sniffing(Vec::new()),
            bytes: 0,
            decoded: Vec::new(),
        }
    }

    /// Bytes fed so far.
    pub fn bytes_read(&self) -> u64 {
        self.bytes
    }

    /// Reads the next chunk.
    pub fn feed(&mut self, chunk: &[u8]) {
        self.bytes += chunk.len() as u64;
        match &mut self.stage {
            Stage::Sniffing(buf) => {
                buf.extend_from_slice(chunk);
                let body = strip_start(buf);
                let decided = body.len() >= SNIFF || body.contains(&b'\n');
                if decided {
                    let buf = std::mem::take(buf);
                    self.decide(buf);
                } else if body.is_empty() {
                    // Only whitespace so far: nothing to keep or to scan again.
                    buf.clear();
                }
            }
            Stage::Csv(r) => r.feed(chunk),
            Stage::Json(r) => r.feed(chunk),
            Stage::Base64(d, inner) => {
                self.decoded.clear();
                d.feed(chunk, &mut self.decoded);
                inner.feed_inner(&self.decoded);
            }
            Stage::Failed(_) => {}
        }
    }

    /// Feeds without counting bytes (decoded base64).
    fn feed_inner(&mut self, chunk: &[u8]) {
        let n = self.bytes;
        self.feed(chunk);
        self.bytes = n;
    }

    fn decide(&mut self, buf: Vec<u8>) {
        let body = strip_start(&buf);
        let head = &body[..body.len().min(SNIFF)];
        let first_line = head.split(|&b| b == b'\n').next().unwrap_or_default();
        self.stage = match body.first() {
            None => Stage::Sniffing(Vec::new()),
            Some(b'{') | Some(b'[') => {
                let mut r = JsonLogReader::new();
                r.feed(body);
                Stage::Json(r)
            }
            _ if first_line.contains(&b',') || first_line.first() == Some(&b'"') => {
                let mut r = CsvLogReader::new();
                r.feed(body);
                Stage::Csv(r)
            }
            _ if looks_like_base64(first_line) => {
                let mut d = Base64Decoder::default();
                let mut out = Vec::new();
                d.feed(body, &mut out);
                let mut inner = LogReader::new();
                inner.feed(&out);
                Stage::Base64(d, Box::new(inner))
            }
            _ => Stage::Failed(LogError::row(
                1,
                "this is not a training log: expected a CSV header (such as step,train_loss,valid_loss), JSON, or OpenAI's base64 result file.",
            )),
        };
    }

    /// The log, or the first problem met, naming its row and column.
    pub fn finish(mut self) -> Result<RunLog, LogError> {
        if let Stage::Sniffing(buf) = &mut self.stage {
            let buf = std::mem::take(buf);
            if strip_start(&buf).is_empty() {
                return Err(LogError::whole("The log is empty."));
            }
            self.decide(buf);
        }
        match self.stage {
            Stage::Sniffing(_) => Err(LogError::whole("The log is empty.")),
            Stage::Csv(r) => r.finish(),
            Stage::Json(r) => r.finish(),
            Stage::Base64(d, inner) => match d.bad_char() {
                Some(b) => Err(LogError::whole(format!(
                    "The log looked like base64 but has the character '{}'.",
                    b.escape_ascii()
                ))),
                None => inner.finish(),
            },
            Stage::Failed(e) => Err(e),
        }
    }
}

/// The bytes after a UTF-8 byte-order mark and leading whitespace.
fn strip_start(buf: &[u8]) -> &[u8] {
    let b = buf.strip_prefix(&[0xEF, 0xBB, 0xBF][..]).unwrap_or(buf);
    let start = b
        .iter()
        .position(|c| !c.is_ascii_whitespace())
        .unwrap_or(b.len());
    &b[start..]
}

/// Reads a whole log at once.
pub fn read_log(bytes: &[u8]) -> Result<RunLog, LogError> {
    let mut r = LogReader::new();
    r.feed(bytes);
    r.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::training::run_log::LogFormat;
    use proptest::prelude::*;

    const OPENAI: &str = include_str!("../../../tests/fixtures/training/openai_results.csv");
    const OPENAI_B64: &str = include_str!("../../../tests/fixtures/training/openai_results.b64");
    const TRAINER: &str = include_str!("../../../tests/fixtures/training/trainer_state.json");
    const PLAIN: &str = include_str!("../../../tests/fixtures/training/plain_log.csv");

    #[test]
    fn openai_file_with_empty_validation_cells() {
        let log = read_log(OPENAI.as_bytes()).unwrap();
        assert_eq!(log.format, LogFormat::OpenAiResults);
        assert_eq!(log.rows, 60);
        let train = log.column("train_loss").unwrap();
        assert_eq!(train.points.len(), 60);
        let valid = log.column("valid_loss").unwrap();
        assert_eq!(valid.points.len(), 6);
        assert_eq!(valid.points[0].step, 10.0);
        // full_valid_loss is preferred where present.
        assert_eq!(log.validation_loss().unwrap().name, "full_valid_loss");
        assert_eq!(log.default_monitor(), Some("full_valid_loss"));
        assert!((train.points[0].value - 2.0181e0).abs() < 1e-9);
        assert!(
            log.description()
                .starts_with("Read as OpenAI result file: 60 steps")
        );
    }

    #[test]
    fn openai_file_in_base64_reads_the_same_in_any_chunks() {
        let plain = read_log(OPENAI.as_bytes()).unwrap();
        for size in [1, 7, 64, 100_000] {
            let mut r = LogReader::new();
            for c in OPENAI_B64.as_bytes().chunks(size) {
                r.feed(c);
            }
            assert_eq!(r.finish().unwrap(), plain, "chunk {size}");
        }
    }

    #[test]
    fn trainer_state_with_interleaved_eval_entries() {
        let log = read_log(TRAINER.as_bytes()).unwrap();
        assert_eq!(log.format, LogFormat::TrainerState);
        let loss = log.column("loss").unwrap();
        let eval = log.column("eval_loss").unwrap();
        assert_eq!(eval.points.len(), 4);
        assert_eq!(loss.points.len(), 8);
        assert_eq!(eval.points[1].step, 200.0);
        assert_eq!(eval.points[1].epoch, Some(2.0));
        assert_eq!(log.default_monitor(), Some("eval_loss"));
        // The summary entry's train_loss is not a column.
        assert!(log.column("train_loss").is_none());
        assert!(log.column("train_runtime").is_none());
        assert!(log.column("eval_runtime").is_none());
        assert_eq!(log.training_counterpart("eval_loss").unwrap().name, "loss");
    }

    #[test]
    fn plain_csv_with_bom_and_crlf() {
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend_from_slice(PLAIN.replace('\n', "\r\n").as_bytes());
        let log = read_log(&bytes).unwrap();
        assert_eq!(log.format, LogFormat::PlainCsv);
        assert!(log.steps_are_epochs);
        assert_eq!(log.column("val_loss").unwrap().points.len(), 10);
        assert_eq!(log.column("val_accuracy").unwrap().points.len(), 10);
    }

    #[test]
    fn unsorted_steps_name_the_row() {
        let e = read_log(b"step,train_loss,valid_loss\n10,1,1\n20,1,1\n15,1,1\n").unwrap_err();
        assert_eq!(e.row, Some(4));
        assert_eq!(e.column.as_deref(), Some("step"));
    }

    #[test]
    fn not_a_log_is_refused() {
        assert!(read_log(b"").is_err());
        assert!(read_log(b"hello there\n").is_err());
        assert!(read_log(b"   \n\n").is_err());
    }

    proptest! {
        #[test]
        fn no_bytes_panic_and_chunking_never_changes_the_result(
            data in proptest::collection::vec(any::<u8>(), 0..300),
            cut in 1usize..50,
        ) {
            let whole = read_log(&data);
            let mut r = LogReader::new();
            for c in data.chunks(cut) {
                r.feed(c);
            }
            prop_assert_eq!(r.finish(), whole);
        }

        #[test]
        fn no_log_shaped_text_panics(
            lines in proptest::collection::vec("[0-9a-z_,.\"{}\\[\\]:e+ -]{0,30}", 0..12),
            header in prop::sample::select(vec!["step,train_loss,valid_loss\n", "epoch,loss,val_loss\n", "{\"log_history\": [", "[", ""]),
        ) {
            let text = format!("{header}{}", lines.join("\n"));
            let _ = read_log(text.as_bytes());
        }
    }
}
