//! The threads that analyse a validator's lines natively, one per core,
//! kept for the validator's whole run.
//!
//! Lines are analysed independently ([`analyse`]), so a batch is cut into
//! equal runs of consecutive lines, one per thread, and the results are
//! joined back in order: the output is exactly the sequential one. The
//! threads live as long as the [`LinePool`], so what they cache per thread
//! (the token counts of repeated text pieces) stays warm from batch to
//! batch. In the browser there is one thread (the worker's): the pool
//! analyses on it, and a file uses several cores through several workers
//! instead (`part.rs`).
//!
//! Architecture invariant: pure, no UI imports; the order and content of
//! the results never depend on the number of threads.

use crate::core::dataset::framing::RawLine;
use crate::core::dataset::report::{Analysed, ValidatorOptions, analyse};

/// Lines per thread below which threads do not pay.
#[cfg(not(target_arch = "wasm32"))]
const LINES_PER_THREAD: usize = 64;
/// Most threads a pool starts.
#[cfg(not(target_arch = "wasm32"))]
const MAX_THREADS: usize = 8;

#[cfg(not(target_arch = "wasm32"))]
type Job = Vec<(RawLine, bool)>;

#[cfg(not(target_arch = "wasm32"))]
struct Thread {
    jobs: std::sync::mpsc::Sender<Job>,
    results: std::sync::mpsc::Receiver<Vec<Analysed>>,
}

/// Analyses batches of lines with the options it was made with.
pub(crate) struct LinePool {
    options: ValidatorOptions,
    #[cfg(not(target_arch = "wasm32"))]
    threads: Vec<Thread>,
}

impl LinePool {
    /// A pool for `options`; its threads start with the first batch large
    /// enough to need them.
    pub(crate) fn new(options: ValidatorOptions) -> LinePool {
        LinePool {
            options,
            #[cfg(not(target_arch = "wasm32"))]
            threads: Vec::new(),
        }
    }

    /// Analyses `lines` (each with whether it is the file's last), in order.
    pub(crate) fn analyse(&mut self, lines: Vec<(RawLine, bool)>) -> Vec<Analysed> {
        #[cfg(not(target_arch = "wasm32"))]
        {
            let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
            let wanted = cores.min(MAX_THREADS).min(lines.len() / LINES_PER_THREAD);
            if wanted > 1 {
                return self.on_threads(wanted, lines);
            }
        }
        lines
            .into_iter()
            .map(|(l, last)| analyse(&self.options, l, last))
            .collect()
    }

    #[cfg(not(target_arch = "wasm32"))]
    fn on_threads(&mut self, wanted: usize, lines: Vec<(RawLine, bool)>) -> Vec<Analysed> {
        while self.threads.len() < wanted {
            let (jobs, inbox) = std::sync::mpsc::channel::<Job>();
            let (outbox, results) = std::sync::mpsc::channel();
            let options = self.options.clone();
            std::thread::spawn(move || {
                for job in inbox {
                    let done: Vec<Analysed> = job
                        .into_iter()
                        .map(|(l, last)| analyse(&options, l, last))
                        .collect();
                    if outbox.send(done).is_err() {
                        break;
                    }
                }
            });
            self.threads.push(Thread { jobs, results });
        }
        let per = lines.len().div_ceil(wanted);
        let mut rest = lines.into_iter();
        let mut sent = Vec::with_capacity(wanted);
        for t in &self.threads[..wanted] {
            let job: Job = rest.by_ref().take(per).collect();
            // A thread that is gone gets its lines back to do here.
            sent.push(t.jobs.send(job).map_err(|e| e.0));
        }
        let mut out = Vec::new();
        for (t, sent) in self.threads[..wanted].iter().zip(sent) {
            match sent {
                Ok(()) => match t.results.recv() {
                    Ok(done) => out.extend(done),
                    // A thread that panicked: the bug surfaces here, as it
                    // would have on one thread.
                    Err(_) => panic!("a validation thread stopped"),
                },
                Err(job) => out.extend(
                    job.into_iter()
                        .map(|(l, last)| analyse(&self.options, l, last)),
                ),
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_order_never_depends_on_threads() {
        let lines: Vec<(RawLine, bool)> = (0..1000)
            .map(|i| {
                let bytes = if i % 7 == 0 {
                    b"not json".to_vec()
                } else {
                    format!("{{\"prompt\":\"{i}\",\"completion\":\"c\"}}").into_bytes()
                };
                let line = RawLine {
                    number: i + 1,
                    bytes,
                    crlf: false,
                    terminated: true,
                    too_long: false,
                };
                (line, i == 999)
            })
            .collect();
        let options = ValidatorOptions::default();
        let mut pool = LinePool::new(options.clone());
        for _ in 0..3 {
            let got = pool.analyse(lines.clone());
            assert_eq!(got.len(), lines.len());
            for (a, (l, _)) in got.iter().zip(&lines) {
                assert_eq!(a.line.number, l.number);
                assert_eq!(a.has_error, l.number % 7 == 1);
            }
        }
    }
}
