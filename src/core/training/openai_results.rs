//! OpenAI's fine-tuning result file: how it is recognised and how its
//! base64 form (as the Files API's content returns it) is decoded.
//!
//! The file is a CSV, one row per step: `step,train_loss,train_accuracy,
//! valid_loss,valid_mean_token_accuracy` (validation cells empty on steps
//! without validation), and on newer jobs `train_mean_token_accuracy`,
//! `full_valid_loss` and `full_valid_mean_token_accuracy` (computed on the
//! whole validation set once per epoch; the run explorer prefers
//! `full_valid_loss` when present). The rows are read by
//! `plain_log::CsvLogReader`; this module only names the format and
//! decodes base64.
//!
//! Architecture invariant: pure, no UI imports; no bytes make it panic.

/// Whether a CSV header (lower-cased names) is OpenAI's: it has `step`
/// and `train_loss`, and `valid_loss` or `train_accuracy`.
pub fn is_openai_header(names: &[String]) -> bool {
    let has = |n: &str| names.iter().any(|x| x == n);
    has("step") && has("train_loss") && (has("valid_loss") || has("train_accuracy"))
}

/// The value of a base64 character (standard or URL-safe alphabet).
fn sextet(b: u8) -> Option<u8> {
    match b {
        b'A'..=b'Z' => Some(b - b'A'),
        b'a'..=b'z' => Some(b - b'a' + 26),
        b'0'..=b'9' => Some(b - b'0' + 52),
        b'+' | b'-' => Some(62),
        b'/' | b'_' => Some(63),
        _ => None,
    }
}

/// Whether `text` (the start of a file) looks like base64: at least 8
/// characters, all of the alphabet, `=` or whitespace.
pub fn looks_like_base64(text: &[u8]) -> bool {
    let chars = text.iter().filter(|b| !b.is_ascii_whitespace()).count();
    chars >= 8
        && text
            .iter()
            .all(|&b| sextet(b).is_some() || b == b'=' || b.is_ascii_whitespace())
}

/// Decodes base64 fed in chunks; whitespace is skipped, padding ends it.
#[derive(Debug, Default)]
pub struct Base64Decoder {
    acc: u32,
    bits: u8,
    ended: bool,
    bad: Option<u8>,
}

impl Base64Decoder {
    /// Decodes the next characters, appending bytes to `out`.
    pub fn feed(&mut self, input: &[u8], out: &mut Vec<u8>) {
        for &b in input {
            if self.ended || self.bad.is_some() || b.is_ascii_whitespace() {
                continue;
            }
            if b == b'=' {
                self.ended = true;
                continue;
            }
            let Some(v) = sextet(b) else {
                self.bad = Some(b);
                continue;
            };
            self.acc = (self.acc << 6) | u32::from(v);
            self.bits += 6;
            if self.bits >= 8 {
                self.bits -= 8;
                out.push((self.acc >> self.bits) as u8);
                self.acc &= (1 << self.bits) - 1;
            }
        }
    }

    /// The first character that is not base64, if any was met.
    pub fn bad_char(&self) -> Option<u8> {
        self.bad
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(s: &str) -> Vec<u8> {
        let mut d = Base64Decoder::default();
        let mut out = Vec::new();
        for chunk in s.as_bytes().chunks(3) {
            d.feed(chunk, &mut out);
        }
        out
    }

    #[test]
    fn decodes_in_any_chunks() {
        assert_eq!(decode("c3RlcCx0cmFpbl9sb3Nz"), b"step,train_loss");
        assert_eq!(decode("aGk=\n"), b"hi");
        assert_eq!(decode("aGVsbG8gd29ybGQ="), b"hello world");
        assert!(looks_like_base64(b"c3RlcCx0cmFpbl9sb3Nz"));
        assert!(!looks_like_base64(b"step,train_loss"));
    }

    #[test]
    fn the_header_is_recognised() {
        let h: Vec<String> = "step,train_loss,train_accuracy,valid_loss,valid_mean_token_accuracy"
            .split(',')
            .map(String::from)
            .collect();
        assert!(is_openai_header(&h));
        assert!(!is_openai_header(&["epoch".into(), "train_loss".into()]));
    }
}
