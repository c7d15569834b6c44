//! A deterministic generator of chat fine-tuning JSONL, for benchmarks and
//! large-file tests: the same seed and size always give the same bytes.
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::dataset::report::validate_bytes;

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
}
