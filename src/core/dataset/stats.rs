//! Dataset statistics: token distribution, turns, roles, and the most
//! repeated system prompts and assistant replies.
//!
//! Memory: 4 bytes per example for exact quantiles, plus a capped table of
//! repeated texts (at most [`MAX_TRACKED_TEXTS`] distinct hashes each).
//!
//! Architecture invariant: pure, no UI imports.

use std::collections::{BTreeMap, HashMap};
use std::hash::{DefaultHasher, Hash, Hasher};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::core::dataset::tokens::ExampleTokens;

/// Distinct texts tracked for "most repeated" (beyond this, new texts are
/// not tracked; counts of those already tracked stay exact).
pub const MAX_TRACKED_TEXTS: usize = 20_000;
/// How much of a repeated text is kept to show it.
const SHOWN_CHARS: usize = 160;
/// Below this share of trainable tokens an example "trains on almost nothing".
pub const LOW_TRAINABLE_SHARE: f64 = 0.05;

/// Summary of a distribution of whole numbers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Distribution {
    pub count: usize,
    pub total: u64,
    pub min: u64,
    pub max: u64,
    pub mean: f64,
    pub median: u64,
    pub p95: u64,
}

impl Distribution {
    /// Exact summary of `values` (sorted in place).
    pub fn of(values: &mut [u32]) -> Distribution {
        if values.is_empty() {
            return Distribution::default();
        }
        values.sort_unstable();
        let n = values.len();
        let total: u64 = values.iter().map(|&v| u64::from(v)).sum();
        // Nearest-rank quantiles: the value at or below which q of the data lies.
        let rank = |q: f64| values[((q * n as f64).ceil() as usize).clamp(1, n) - 1];
        Distribution {
            count: n,
            total,
            min: u64::from(values[0]),
            max: u64::from(values[n - 1]),
            mean: total as f64 / n as f64,
            median: u64::from(rank(0.5)),
            p95: u64::from(rank(0.95)),
        }
    }
}

/// One bar of a histogram: values in `from..to` (the last bar includes `to`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Bin {
    pub from: u64,
    pub to: u64,
    pub count: usize,
}

/// A text that occurs in many examples.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Repeated {
    pub text: String,
    pub count: usize,
}

/// Statistics of the valid examples, ready to show or serialize.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DatasetStats {
    /// Tokens per example (everything the model reads).
    pub tokens: Distribution,
    /// Trainable tokens per example.
    pub trainable: Distribution,
    /// Messages (turns) per example.
    pub turns: Distribution,
    /// Histogram of tokens per example.
    pub histogram: Vec<Bin>,
    /// Messages per role.
    pub roles: BTreeMap<String, usize>,
    /// Tokens billed per epoch: each example's tokens, capped at the
    /// per-example limit (the excess is truncated, not trained).
    pub billable_tokens: u64,
    /// Examples with no trainable token.
    pub without_trainable: usize,
    /// Examples whose trainable share is below [`LOW_TRAINABLE_SHARE`].
    pub low_trainable: usize,
    /// The most repeated system prompts (top 5, with counts ≥ 2).
    pub top_system_prompts: Vec<Repeated>,
    /// The most repeated assistant replies (top 5, with counts ≥ 2).
    pub top_assistant_replies: Vec<Repeated>,
}

#[derive(Default, Debug, Serialize, Deserialize)]
struct TextCounter {
    counts: HashMap<u64, (usize, String)>,
}

impl TextCounter {
    fn add(&mut self, text: &str) {
        let mut h = DefaultHasher::new();
        text.hash(&mut h);
        let key = h.finish();
        if let Some(entry) = self.counts.get_mut(&key) {
            entry.0 += 1;
        } else if self.counts.len() < MAX_TRACKED_TEXTS {
            let mut shown: String = text.chars().take(SHOWN_CHARS).collect();
            if shown.len() < text.len() {
                shown.push('…');
            }
            self.counts.insert(key, (1, shown));
        }
    }

    /// Adds the counts of `other` (texts counted later in the file): texts
    /// both track add up; new ones are tracked while there is room.
    fn merge(&mut self, other: TextCounter) {
        for (key, (n, shown)) in other.counts {
            if let Some(entry) = self.counts.get_mut(&key) {
                entry.0 += n;
            } else if self.counts.len() < MAX_TRACKED_TEXTS {
                self.counts.insert(key, (n, shown));
            }
        }
    }

    /// The `k` most repeated texts seen at least twice. Texts that look the
    /// same when shown (they differ only after [`SHOWN_CHARS`] characters
    /// or in surrounding white space) are listed once, with their counts
    /// added, so no entry is listed twice.
    fn top(&self, k: usize) -> Vec<Repeated> {
        let mut merged: HashMap<&str, usize> = HashMap::new();
        for (n, text) in self.counts.values() {
            *merged.entry(text.trim()).or_default() += n;
        }
        let mut all: Vec<(usize, &str)> = merged
            .into_iter()
            .filter(|(_, n)| *n >= 2)
            .map(|(t, n)| (n, t))
            .collect();
        all.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(b.1)));
        all.into_iter()
            .take(k)
            .map(|(count, text)| Repeated {
                text: text.to_string(),
                count,
            })
            .collect()
    }
}

/// Accumulates statistics example by example; builders of consecutive
/// parts of a file merge into the builder of the whole (exactly, while
/// fewer than [`MAX_TRACKED_TEXTS`] distinct texts are tracked).
#[derive(Default, Debug, Serialize, Deserialize)]
pub struct StatsBuilder {
    tokens: Vec<u32>,
    trainable: Vec<u32>,
    turns: Vec<u32>,
    roles: BTreeMap<String, usize>,
    without_trainable: usize,
    low_trainable: usize,
    systems: TextCounter,
    replies: TextCounter,
}

fn as_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The text of a chat message's content (string, or the text parts).
pub fn content_text(message: &Value) -> Option<String> {
    match message.get("content")? {
        Value::String(s) => Some(s.clone()),
        Value::Array(parts) => Some(
            parts
                .iter()
                .filter_map(|p| p.get("text").and_then(Value::as_str))
                .collect::<Vec<_>>()
                .join("\n"),
        ),
        _ => None,
    }
}

impl StatsBuilder {
    /// Examples so far whose trainable share is below [`LOW_TRAINABLE_SHARE`].
    pub fn low_trainable(&self) -> usize {
        self.low_trainable
    }

    /// Adds the statistics of the examples that follow (the next part of
    /// the file).
    pub fn merge(&mut self, other: StatsBuilder) {
        self.tokens.extend(other.tokens);
        self.trainable.extend(other.trainable);
        self.turns.extend(other.turns);
        for (role, n) in other.roles {
            if let Some(m) = self.roles.get_mut(&role) {
                *m += n;
            } else if self.roles.len() < 64 {
                self.roles.insert(role, n);
            }
        }
        self.without_trainable += other.without_trainable;
        self.low_trainable += other.low_trainable;
        self.systems.merge(other.systems);
        self.replies.merge(other.replies);
    }

    /// Adds one valid example with its token counts (when counted).
    pub fn add(&mut self, value: &Value, tokens: Option<ExampleTokens>) {
        let messages = value
            .get("messages")
            .or_else(|| value.get("conversations"))
            .and_then(Value::as_array);
        let mut turns = 2;
        if let Some(messages) = messages {
            turns = messages.len();
            for m in messages {
                let role = m
                    .get("role")
                    .or_else(|| m.get("from"))
                    .and_then(Value::as_str)
                    .unwrap_or("(none)");
                if let Some(n) = self.roles.get_mut(role) {
                    *n += 1;
                } else {
                    let shown: String = role.chars().take(40).collect();
                    if self.roles.len() < 64 {
                        self.roles.insert(shown, 1);
                    }
                }
                let text = content_text(m)
                    .or_else(|| m.get("value").and_then(Value::as_str).map(str::to_owned));
                match (role, text) {
                    ("system" | "developer", Some(t)) => self.systems.add(&t),
                    ("assistant" | "gpt", Some(t)) => self.replies.add(&t),
                    _ => {}
                }
            }
        }
        self.turns.push(as_u32(turns));
        if let Some(t) = tokens {
            self.tokens.push(as_u32(t.total));
            self.trainable.push(as_u32(t.trainable));
            if t.trainable == 0 {
                self.without_trainable += 1;
            }
            if (t.trainable as f64) < LOW_TRAINABLE_SHARE * t.total as f64 {
                self.low_trainable += 1;
            }
        }
    }

    /// The statistics, with a histogram of `bins` bars; `limit` caps each
    /// example's billable tokens.
    pub fn finish(mut self, bins: usize, limit: Option<usize>) -> DatasetStats {
        let tokens = Distribution::of(&mut self.tokens);
        let cap = limit.map_or(u64::MAX, |l| l as u64);
        let billable_tokens = self.tokens.iter().map(|&t| u64::from(t).min(cap)).sum();
        DatasetStats {
            histogram: histogram(&self.tokens, bins),
            tokens,
            billable_tokens,
            trainable: Distribution::of(&mut self.trainable),
            turns: Distribution::of(&mut self.turns),
            roles: self.roles,
            without_trainable: self.without_trainable,
            low_trainable: self.low_trainable,
            top_system_prompts: self.systems.top(5),
            top_assistant_replies: self.replies.top(5),
        }
    }
}

/// Equal-width bars over `sorted` values, with round bar widths.
pub fn histogram(sorted: &[u32], bins: usize) -> Vec<Bin> {
    let (Some(&lo), Some(&hi)) = (sorted.first(), sorted.last()) else {
        return Vec::new();
    };
    let bins = bins.max(1) as u64;
    let span = u64::from(hi - lo).max(1);
    let raw = span.div_ceil(bins);
    // Round the width up to 1, 2 or 5 × a power of ten.
    let mut width = 1u64;
    'outer: loop {
        for m in [1, 2, 5] {
            if width * m >= raw {
                width *= m;
                break 'outer;
            }
        }
        width *= 10;
    }
    let start = u64::from(lo) / width * width;
    let count = ((u64::from(hi) - start) / width + 1) as usize;
    let mut out: Vec<Bin> = (0..count as u64)
        .map(|i| Bin {
            from: start + i * width,
            to: start + (i + 1) * width,
            count: 0,
        })
        .collect();
    for &v in sorted {
        let i = ((u64::from(v) - start) / width) as usize;
        out[i.min(count - 1)].count += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn quantiles_are_nearest_rank() {
        let mut v: Vec<u32> = (1..=100).collect();
        let d = Distribution::of(&mut v);
        assert_eq!(
            (d.min, d.median, d.p95, d.max, d.total),
            (1, 50, 95, 100, 5050)
        );
        assert!((d.mean - 50.5).abs() < 1e-9);
        assert_eq!(Distribution::of(&mut []), Distribution::default());
    }

    #[test]
    fn repeated_texts_and_roles() {
        let mut b = StatsBuilder::default();
        let line: Value = serde_json::from_str(
            r#"{"messages":[{"role":"system","content":"S"},{"role":"user","content":"q"},{"role":"assistant","content":"Sure."}]}"#,
        )
        .unwrap();
        for _ in 0..3 {
            b.add(
                &line,
                Some(ExampleTokens {
                    total: 20,
                    trainable: 0,
                    messages: 3,
                }),
            );
        }
        let s = b.finish(10, Some(15));
        assert_eq!(s.billable_tokens, 45);
        assert_eq!(s.roles.get("assistant"), Some(&3));
        assert_eq!(
            s.top_system_prompts,
            vec![Repeated {
                text: "S".into(),
                count: 3
            }]
        );
        assert_eq!(s.top_assistant_replies[0].count, 3);
        assert_eq!((s.without_trainable, s.low_trainable), (3, 3));
        assert_eq!(s.turns.max, 3);
    }

    #[test]
    fn replies_that_look_the_same_are_listed_once() {
        let mut c = TextCounter::default();
        let long = "x".repeat(SHOWN_CHARS);
        for t in [
            "Sure.",
            "Sure. ",
            "Sure.",
            &format!("{long}a"),
            &format!("{long}b"),
        ] {
            c.add(t);
        }
        let top = c.top(5);
        let texts: Vec<&str> = top.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(top.len(), 2, "{texts:?}");
        assert_eq!((top[0].count, top[0].text.as_str()), (3, "Sure."));
        assert_eq!(top[1].count, 2);
        assert!(top[1].text.ends_with('…'));
    }

    proptest! {
        #[test]
        fn the_histogram_counts_every_value(mut v in proptest::collection::vec(0u32..200_000, 1..300), bins in 1usize..40) {
            v.sort_unstable();
            let h = histogram(&v, bins);
            prop_assert_eq!(h.iter().map(|b| b.count).sum::<usize>(), v.len());
            prop_assert!(h.len() <= 2 * bins + 1);
            for b in &h { prop_assert!(b.from < b.to); }
            prop_assert!(h[0].from <= u64::from(v[0]));
            prop_assert!(h[h.len() - 1].to > u64::from(v[v.len() - 1]));
        }
    }
}
