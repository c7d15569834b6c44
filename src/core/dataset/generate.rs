//! A deterministic generator of chat fine-tuning JSONL, for benchmarks and
//! large-file tests: the same seed, size (and source texts) always give the
//! same bytes. [`chat_jsonl`] writes short common words; [`realistic_chat_jsonl`]
//! cuts the turns out of real texts the caller passes in (documentation,
//! source code, translations), the text whose token counting costs what real
//! datasets cost.
//!
//! Architecture invariant: pure, no UI imports, no randomness from outside.

/// Small, fast, seedable PRNG (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

const WORDS: [&str; 32] = [
    "model", "data", "token", "prompt", "answer", "customer", "order", "invoice", "refund",
    "policy", "weather", "Paris", "déjà", "vu", "naïve", "café", "日本", "数据", "🎉", "quickly",
    "because", "the", "a", "is", "was", "will", "please", "check", "status", "account", "update",
    "thanks",
];

fn sentence(rng: &mut Rng, words: u64, out: &mut String) {
    for i in 0..words {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(WORDS[rng.below(WORDS.len() as u64) as usize]);
    }
    out.push('.');
}

/// Appends chat examples to `out` until it holds at least `bytes` bytes.
pub fn chat_jsonl(seed: u64, bytes: usize, out: &mut String) {
    let mut rng = Rng(seed | 1);
    while out.len() < bytes {
        out.push_str(
            r#"{"messages":[{"role":"system","content":"You are a helpful support agent."}"#,
        );
        let turns = 1 + rng.below(3);
        for _ in 0..turns {
            out.push_str(r#",{"role":"user","content":""#);
            let n = 5 + rng.below(40);
            sentence(&mut rng, n, out);
            out.push_str(r#""},{"role":"assistant","content":""#);
            let n = 10 + rng.below(120);
            sentence(&mut rng, n, out);
            out.push_str(r#""}"#);
        }
        out.push_str("]}\n");
    }
}

/// System prompts of the realistic file (short, as real ones often are).
const SYSTEM_PROMPTS: [&str; 6] = [
    "You are a helpful assistant.",
    "You are a senior Rust engineer. Answer with code when it helps.",
    "You answer questions about software documentation precisely and briefly.",
    "Tu es un assistant qui répond en français.",
    "あなたは親切なアシスタントです。",
    "You review code: point out bugs, then suggest a fix.",
];

/// Openings of user turns, put before a snippet of the sources.
const ASKS: [&str; 8] = [
    "What does this do?\n\n",
    "Can you explain the following?\n",
    "Summarize:\n",
    "Why does this fail to compile?\n```\n",
    "Translate this to English:\n",
    "Review this, please:\n\n",
    "",
    "Rewrite this more clearly: ",
];

/// A reader that hands out consecutive pieces of the source texts, taking
/// turns between them so code, prose and languages mix.
struct Cursor<'a> {
    texts: Vec<&'a str>,
    at: Vec<usize>,
    next: usize,
}

impl<'a> Cursor<'a> {
    /// The next piece of about `len` bytes that is not all white space
    /// (which validators disagree about), or the last one tried.
    fn take(&mut self, len: usize) -> &'a str {
        let mut piece = self.take_any(len);
        for _ in 0..8 {
            if !piece.trim().is_empty() {
                break;
            }
            piece = self.take_any(len);
        }
        piece
    }

    /// The next piece of about `len` bytes (cut on a character boundary,
    /// extended to the end of its line when the line ends soon).
    fn take_any(&mut self, len: usize) -> &'a str {
        let k = self.next % self.texts.len();
        self.next += 1;
        let text = self.texts[k];
        let mut start = self.at[k];
        if start >= text.len() {
            start = 0;
        }
        let mut end = (start + len.max(1)).min(text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        if let Some(nl) = text[end..].find('\n').filter(|&n| n < 80) {
            end += nl + 1;
        }
        self.at[k] = end;
        &text[start..end]
    }
}

/// Appends chat examples cut from `texts` to `out` until it holds at least
/// `bytes` bytes: system, user and assistant turns, short and long, taking
/// turns between the texts (pass them interleaved by kind for a good mix).
/// Without any non-empty text it writes [`chat_jsonl`]'s file.
pub fn realistic_chat_jsonl(seed: u64, bytes: usize, texts: &[&str], out: &mut String) {
    let texts: Vec<&str> = texts.iter().copied().filter(|t| !t.is_empty()).collect();
    if texts.is_empty() {
        return chat_jsonl(seed, bytes, out);
    }
    let mut rng = Rng(seed | 1);
    let mut cursor = Cursor {
        at: vec![0; texts.len()],
        texts,
        next: 0,
    };
    let quoted = |s: &str, out: &mut String| {
        out.push_str(&serde_json::to_string(s).expect("a string serializes"));
    };
    while out.len() < bytes {
        out.push_str(r#"{"messages":["#);
        let mut first = true;
        if rng.below(4) != 0 {
            out.push_str(r#"{"role":"system","content":"#);
            quoted(
                SYSTEM_PROMPTS[rng.below(SYSTEM_PROMPTS.len() as u64) as usize],
                out,
            );
            out.push('}');
            first = false;
        }
        let turns = 1 + rng.below(4);
        for _ in 0..turns {
            if !first {
                out.push(',');
            }
            first = false;
            let short = rng.below(3) != 0;
            let ask_len = if short {
                20 + rng.below(200)
            } else {
                300 + rng.below(2500)
            };
            let mut ask = ASKS[rng.below(ASKS.len() as u64) as usize].to_string();
            ask.push_str(cursor.take(ask_len as usize));
            out.push_str(r#"{"role":"user","content":"#);
            quoted(&ask, out);
            let answer_len = if rng.below(4) == 0 {
                10 + rng.below(100)
            } else {
                200 + rng.below(6000)
            };
            out.push_str(r#"},{"role":"assistant","content":"#);
            quoted(cursor.take(answer_len as usize), out);
            out.push('}');
        }
        out.push_str("]}\n");
    }
}

/// The 1 MiB (about) chunks of one line `prefix first (sep unit)* suffix\n`
/// of at most `len` bytes before its newline, made as they are fed so the
/// caller never holds the line itself (the memory tests and benchmark
/// of a crafted line).
pub fn crafted_line_chunks(
    prefix: &str,
    unit: &str,
    suffix: &str,
    len: usize,
) -> impl Iterator<Item = Vec<u8>> {
    let repeat = format!(",{unit}");
    let fixed = prefix.len() + unit.len() + suffix.len();
    let mut left = (len - fixed) / repeat.len();
    let per_chunk = (1 << 20) / repeat.len();
    let block = repeat.repeat(per_chunk).into_bytes();
    let mut first = Some(format!("{prefix}{unit}").into_bytes());
    let mut last = Some(format!("{suffix}\n").into_bytes());
    std::iter::from_fn(move || {
        if let Some(f) = first.take() {
            return Some(f);
        }
        if left >= per_chunk {
            left -= per_chunk;
            return Some(block.clone());
        }
        if left > 0 {
            let rest = block[..left * repeat.len()].to_vec();
            left = 0;
            return Some(rest);
        }
        last.take()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::dataset::report::validate_bytes;

    #[test]
    fn a_crafted_line_has_the_asked_shape_and_length() {
        let line: Vec<u8> = crafted_line_chunks("[", "1", "]", 3 << 20)
            .flatten()
            .collect();
        assert!(line.len() <= (3 << 20) + 1 && line.len() > (3 << 20) - 4);
        assert!(line.starts_with(b"[1,1,") && line.ends_with(b",1]\n"));
        let values: Vec<serde_json::Value> =
            serde_json::from_slice::<Vec<serde_json::Value>>(&line).unwrap();
        assert_eq!(values.len(), (line.len() - 2) / 2);
    }

    #[test]
    fn deterministic_and_valid() {
        let (mut a, mut b) = (String::new(), String::new());
        chat_jsonl(7, 50_000, &mut a);
        chat_jsonl(7, 50_000, &mut b);
        assert_eq!(a, b);
        let r = validate_bytes(a.as_bytes(), None);
        assert_eq!(
            r.error_total(),
            0,
            "{:?}",
            &r.findings[..r.findings.len().min(3)]
        );
        assert_eq!(r.valid_examples, r.lines);
        assert!(r.lines > 20, "{} lines", r.lines);
    }

    #[test]
    fn realistic_is_deterministic_valid_and_mixed() {
        let texts = [
            "fn main() {\n    println!(\"hi\");\n}\n",
            "# Title\n\nSome *prose* here, with \"quotes\" and a tab\t.\n",
            "Größe: 日本語のテキスト、Ελληνικά, עברית 🎉\n",
        ];
        let (mut a, mut b) = (String::new(), String::new());
        realistic_chat_jsonl(3, 40_000, &texts, &mut a);
        realistic_chat_jsonl(3, 40_000, &texts, &mut b);
        assert_eq!(a, b);
        assert!(a.len() >= 40_000);
        for t in texts {
            assert!(a.contains(&serde_json::to_string(&t[..4]).unwrap()[1..5]));
        }
        let r = validate_bytes(a.as_bytes(), None);
        assert_eq!(
            r.error_total(),
            0,
            "{:?}",
            &r.findings[..r.findings.len().min(3)]
        );
        assert_eq!(r.valid_examples, r.lines);
        // No texts: the synthetic file.
        let (mut c, mut d) = (String::new(), String::new());
        realistic_chat_jsonl(7, 5_000, &[], &mut c);
        chat_jsonl(7, 5_000, &mut d);
        assert_eq!(c, d);
    }
}
