//! Splitting a JSONL byte stream into lines, chunk by chunk.
//!
//! [`LineSplitter`] never holds more than one (partial) line, so a file of
//! any size can be streamed through it. It records what the framing says
//! about each line: its number, whether it ended in CRLF, whether it ended
//! at all (the last line of a truncated file does not), and whether it was
//! cut because it exceeded the length limit. A byte-order mark at the very
//! start of the stream is removed and reported.
//!
//! Architecture invariant: pure, no UI imports; never panics on any bytes.

/// Longest line kept in memory by default (64 MiB); longer lines are
/// reported and skipped.
pub const DEFAULT_MAX_LINE_BYTES: usize = 64 << 20;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// One line of the file, without its line ending.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawLine {
    /// 1-based line number.
    pub number: usize,
    pub bytes: Vec<u8>,
    /// The line ended in `\r\n`.
    pub crlf: bool,
    /// The line ended in a newline (false only for a last line without one).
    pub terminated: bool,
    /// The line was longer than the limit; `bytes` holds only its start.
    pub too_long: bool,
}

/// Streams bytes into [`RawLine`]s.
#[derive(Debug)]
pub struct LineSplitter {
    partial: Vec<u8>,
    number: usize,
    started: bool,
    /// The stream began with a UTF-8 byte-order mark (removed).
    pub bom: bool,
    too_long: bool,
    max_line_bytes: usize,
    /// Bytes pushed so far.
    pub bytes_seen: u64,
    /// The newest line, held back by [`LineSplitter::push_lines`] until it
    /// is known whether it is the last.
    held: Option<RawLine>,
}

impl Default for LineSplitter {
    fn default() -> Self {
        LineSplitter::new(DEFAULT_MAX_LINE_BYTES)
    }
}

impl LineSplitter {
    /// A splitter that keeps at most `max_line_bytes` of any line.
    pub fn new(max_line_bytes: usize) -> LineSplitter {
        LineSplitter {
            partial: Vec::new(),
            number: 0,
            started: false,
            bom: false,
            too_long: false,
            max_line_bytes: max_line_bytes.max(1),
            bytes_seen: 0,
            held: None,
        }
    }

    /// A splitter for bytes that continue a stream (a later part of a
    /// file): no byte-order mark is looked for.
    pub fn continuing(max_line_bytes: usize) -> LineSplitter {
        LineSplitter {
            started: true,
            ..LineSplitter::new(max_line_bytes)
        }
    }

    /// Feeds a chunk; returns the lines it completes, each with whether it
    /// is the stream's last (always false here: the newest line is held
    /// back until the next chunk or [`LineSplitter::finish_lines`]).
    pub fn push_lines(&mut self, chunk: &[u8]) -> Vec<(RawLine, bool)> {
        let mut lines = Vec::new();
        self.push(chunk, &mut |l| lines.push(l));
        hold_back(&mut self.held, lines)
    }

    /// Ends the stream: the remaining lines, the last one marked `true`.
    pub fn finish_lines(mut self) -> Vec<(RawLine, bool)> {
        let mut held = self.held.take();
        let mut lines = Vec::new();
        self.finish(&mut |l| lines.push(l));
        let mut out = hold_back(&mut held, lines);
        out.extend(held.map(|last| (last, true)));
        out
    }

    /// Feeds the next chunk; calls `emit` for every line it completes.
    pub fn push(&mut self, mut chunk: &[u8], emit: &mut impl FnMut(RawLine)) {
        self.bytes_seen += chunk.len() as u64;
        if !self.started {
            // The BOM may arrive split across the first chunks.
            let have = self.partial.len();
            let want = BOM.len() - have.min(BOM.len());
            let take = want.min(chunk.len());
            if have < BOM.len() && BOM[have..have + take] == chunk[..take] {
                self.partial.extend_from_slice(&chunk[..take]);
                chunk = &chunk[take..];
                if self.partial.len() < BOM.len() {
                    return;
                }
                self.partial.clear();
                self.bom = true;
            }
            self.started = true;
        }
        while let Some(pos) = chunk.iter().position(|b| *b == b'\n') {
            self.append(&chunk[..pos]);
            chunk = &chunk[pos + 1..];
            self.emit_line(true, emit);
        }
        self.append(chunk);
    }

    /// Ends the stream: emits a last line that had no newline, if any.
    pub fn finish(mut self, emit: &mut impl FnMut(RawLine)) {
        if !self.started && !self.partial.is_empty() {
            // A stream shorter than a BOM that began like one.
            self.started = true;
        }
        if !self.partial.is_empty() || self.too_long {
            self.emit_line(false, emit);
        }
    }

    fn append(&mut self, bytes: &[u8]) {
        let room = self.max_line_bytes.saturating_sub(self.partial.len());
        if bytes.len() > room {
            self.too_long = true;
        }
        self.partial
            .extend_from_slice(&bytes[..bytes.len().min(room)]);
    }

    fn emit_line(&mut self, terminated: bool, emit: &mut impl FnMut(RawLine)) {
        self.number += 1;
        let mut bytes = std::mem::take(&mut self.partial);
        let crlf = terminated && bytes.last() == Some(&b'\r') && !self.too_long;
        if crlf {
            bytes.pop();
        }
        emit(RawLine {
            number: self.number,
            bytes,
            crlf,
            terminated,
            too_long: std::mem::take(&mut self.too_long),
        });
    }
}

/// Passes `lines` on, keeping the newest in `held`.
fn hold_back(held: &mut Option<RawLine>, lines: Vec<RawLine>) -> Vec<(RawLine, bool)> {
    let mut out = Vec::with_capacity(lines.len());
    for line in lines {
        if let Some(previous) = held.replace(line) {
            out.push((previous, false));
        }
    }
    out
}

/// Splits a whole buffer at once (for tests and small files).
pub fn split_all(bytes: &[u8], max_line_bytes: usize) -> (Vec<RawLine>, bool) {
    let mut lines = Vec::new();
    let mut splitter = LineSplitter::new(max_line_bytes);
    splitter.push(bytes, &mut |l| lines.push(l));
    let bom = splitter.bom;
    splitter.finish(&mut |l| lines.push(l));
    (lines, bom)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn texts(lines: &[RawLine]) -> Vec<String> {
        lines
            .iter()
            .map(|l| String::from_utf8_lossy(&l.bytes).into_owned())
            .collect()
    }

    #[test]
    fn splits_lines_and_reports_endings() {
        let (lines, bom) = split_all(b"{\"a\":1}\r\n\n{\"b\":2}", 1024);
        assert!(!bom);
        assert_eq!(texts(&lines), vec!["{\"a\":1}", "", "{\"b\":2}"]);
        assert_eq!(
            lines.iter().map(|l| l.number).collect::<Vec<_>>(),
            vec![1, 2, 3]
        );
        assert!(lines[0].crlf && !lines[1].crlf);
        assert!(lines[1].terminated && !lines[2].terminated);
        let (lines, _) = split_all(b"x\n", 1024);
        assert_eq!(lines.len(), 1, "a final newline does not start a line");
        assert_eq!(split_all(b"", 1024).0, vec![]);
    }

    #[test]
    fn removes_a_byte_order_mark_even_split_across_chunks() {
        let data = b"\xEF\xBB\xBF{}\n{}\n";
        for cut in 0..data.len() {
            let mut s = LineSplitter::new(1024);
            let mut lines = Vec::new();
            s.push(&data[..cut], &mut |l| lines.push(l));
            s.push(&data[cut..], &mut |l| lines.push(l));
            assert!(s.bom, "cut at {cut}");
            s.finish(&mut |l| lines.push(l));
            assert_eq!(texts(&lines), vec!["{}", "{}"], "cut at {cut}");
        }
        // Bytes that only start like a BOM are kept.
        let (lines, bom) = split_all(b"\xEF\xBBx\n", 1024);
        assert!(!bom);
        assert_eq!(lines[0].bytes, b"\xEF\xBBx");
    }

    #[test]
    fn long_lines_are_cut_and_flagged() {
        let (lines, _) = split_all(b"0123456789\nok\n0123456789", 4);
        assert_eq!(texts(&lines), vec!["0123", "ok", "0123"]);
        assert!(lines[0].too_long && !lines[1].too_long && lines[2].too_long);
    }

    proptest! {
        #[test]
        fn chunking_never_changes_the_lines(data in proptest::collection::vec(any::<u8>(), 0..400), cuts in proptest::collection::vec(0usize..400, 0..6)) {
            let (whole, bom) = split_all(&data, 64);
            let mut s = LineSplitter::new(64);
            let mut lines = Vec::new();
            let mut points: Vec<usize> = cuts.into_iter().map(|c| c.min(data.len())).collect();
            points.sort_unstable();
            let mut start = 0;
            for p in points {
                s.push(&data[start..p], &mut |l| lines.push(l));
                start = p;
            }
            s.push(&data[start..], &mut |l| lines.push(l));
            prop_assert_eq!(s.bom, bom);
            s.finish(&mut |l| lines.push(l));
            prop_assert_eq!(lines, whole);
        }
    }
}
