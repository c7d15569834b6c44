//! Fast exact token counting: the text is pre-tokenized (by the ASCII
//! pre-tokenizer where it can decide, by the tokenizer's regex elsewhere),
//! and each piece's count comes from a per-thread cache of the pieces seen
//! before, or from the byte-pair encoding the first time. No token vectors
//! are built.
//!
//! The rule: a piece's token count depends on the piece's bytes and the
//! vocabulary only, so counting a text is the sum of its pieces' counts, and
//! a repeated piece (real text repeats its words) is counted once per
//! thread. The cache belongs to one tokenizer at a time (known by its
//! address and a fingerprint of its vocabulary) and is emptied when another
//! comes. Its memory stays bounded: it keeps two generations of at most
//! [`MAX_ENTRIES`] pieces each; when the young one is full, the old one is
//! dropped and the young one becomes old, and a piece found in the old one
//! moves back to the young one, so the frequent pieces stay. The browser's
//! worker keeps one for its lifetime; natively the validator's threads
//! (`line_pool.rs`) live for its whole run, and a thread that ends (the
//! next file gets a new validator and new threads) hands its cache on to a
//! pool of at most [`POOLED`], so the next thread starts with it instead of
//! an empty one.
//!
//! Invariant: [`count_text`] equals `bpe-openai`'s `Tokenizer::count`,
//! which equals tiktoken's; the fast path changes speed only.
//!
//! Architecture invariant: pure (no I/O), no UI imports.

use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use bpe_openai::Tokenizer;

use crate::core::dataset::ascii_pretokenizer;
use crate::core::dataset::tokens::Encoding;

/// The pieces one generation of the cache holds (two generations: about
/// 8 MiB at most per cache).
pub const MAX_ENTRIES: usize = 1 << 16;

/// The caches of ended threads kept for the next threads.
pub const POOLED: usize = 4;

/// Pieces longer than this are counted without the cache (long pieces
/// seldom repeat); shorter ones are keys of their own, held in the table
/// itself rather than behind a pointer.
pub const MAX_CACHED_PIECE: usize = 23;

/// FxHash (the multiply-rotate hash of rustc), a word at a time: fast on
/// short keys, good enough for a cache whose keys are not chosen by an
/// attacker to collide (a collision costs time, never a wrong count).
#[derive(Default)]
struct FxHasher(u64);

const FX_K: u64 = 0xf135_7aea_2e62_a9c5;

impl FxHasher {
    #[inline(always)]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(FX_K);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut words = bytes.chunks_exact(8);
        for w in &mut words {
            self.add(u64::from_le_bytes(w.try_into().expect("8 bytes")));
        }
        let rest = words.remainder();
        if !rest.is_empty() {
            let mut buf = [0u8; 8];
            buf[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(buf));
        }
    }

    #[inline]
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    #[inline(always)]
    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0.rotate_left(26)
    }
}

/// A piece of at most [`MAX_CACHED_PIECE`] bytes, zero-padded, its length
/// in the last byte.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Key([u64; 3]);

impl Key {
    #[inline(always)]
    fn of(piece: &[u8]) -> Key {
        let mut buf = [0u8; 24];
        buf[..piece.len()].copy_from_slice(piece);
        buf[23] = piece.len() as u8;
        let word = |i: usize| u64::from_le_bytes(buf[i..i + 8].try_into().expect("8 bytes"));
        Key([word(0), word(8), word(16)])
    }
}

impl std::hash::Hash for Key {
    #[inline(always)]
    fn hash<H: Hasher>(&self, state: &mut H) {
        for w in self.0 {
            state.write_u64(w);
        }
    }
}

type FxMap = HashMap<Key, u32, BuildHasherDefault<FxHasher>>;

/// What identifies a tokenizer: its address and a fingerprint of its
/// vocabulary (so a new tokenizer built where an old one was is not taken
/// for it unless its vocabulary is the same).
#[derive(Clone, Copy, PartialEq, Eq, Default)]
struct Identity {
    address: usize,
    fingerprint: u64,
}

impl Identity {
    fn of(tokenizer: &Tokenizer) -> Identity {
        let bpe = &tokenizer.bpe;
        let n = bpe.num_tokens();
        let mut h = FxHasher::default();
        h.write_usize(n);
        for id in [n / 2, n / 3, n - n / 7, n.saturating_sub(1)] {
            h.write(bpe.token_bytes(id as u32));
        }
        Identity {
            address: tokenizer as *const Tokenizer as usize,
            fingerprint: h.finish(),
        }
    }
}

/// Texts on which a tokenizer's split patterns must agree with the ASCII
/// pre-tokenizer's before it is used for that tokenizer (they tell
/// o200k_base, cl100k_base and other patterns apart).
const PROBES: [&str; 4] = [
    "don't I'LL we'Re HTTPServer a/b\n/c 12345 x  \n\n  y !!\r\n ?/\n",
    "Hello world's  end\t\tz 7 'sa 'x ''ll",
    "fn main() {\n    let x = 42;\n}\n   ",
    "ABCdef GHI jKL\x0B\x0C  .,;:\t\n",
];

/// The encoding whose ASCII patterns `tokenizer` splits as, if any.
fn detect(tokenizer: &Tokenizer) -> Option<Encoding> {
    Encoding::ALL.into_iter().find(|&e| {
        PROBES.iter().all(|p| {
            let mut pos = 0;
            tokenizer.split(p).all(|piece| {
                let fast = ascii_pretokenizer::piece_len(e, &p.as_bytes()[pos..]);
                pos += piece.len();
                fast == Some(piece.len())
            }) && pos == p.len()
        })
    })
}

/// One thread's cache.
#[derive(Default)]
struct PieceCache {
    owner: Identity,
    /// The ASCII pre-tokenizer that matches the owner's patterns.
    encoding: Option<Encoding>,
    /// The young generation.
    counts: FxMap,
    /// The old generation.
    old: FxMap,
}

/// A thread's cache, handed on to the pool when the thread ends.
struct Slot(RefCell<PieceCache>);

impl Drop for Slot {
    fn drop(&mut self) {
        let cache = std::mem::take(self.0.get_mut());
        if let Ok(mut pool) = POOL.lock()
            && pool.len() < POOLED
        {
            pool.push(cache);
        }
    }
}

static POOL: Mutex<Vec<PieceCache>> = Mutex::new(Vec::new());

thread_local! {
    static CACHE: Slot = Slot(RefCell::new(
        POOL.lock().ok().and_then(|mut pool| pool.pop()).unwrap_or_default(),
    ));
}

static FAST_PIECES: AtomicU64 = AtomicU64::new(0);
static REGEX_PIECES: AtomicU64 = AtomicU64::new(0);
static HITS: AtomicU64 = AtomicU64::new(0);
static MISSES: AtomicU64 = AtomicU64::new(0);
static LONG: AtomicU64 = AtomicU64::new(0);

/// How counting went since the program started (all threads): how many
/// pieces the ASCII pre-tokenizer split and how many the regex did, and how
/// often the cache knew a piece.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CountingStats {
    /// Pieces split by the ASCII pre-tokenizer.
    pub fast_pieces: u64,
    /// Pieces split by the tokenizer's regex.
    pub regex_pieces: u64,
    /// Pieces whose count the cache knew.
    pub cache_hits: u64,
    /// Pieces counted by the byte-pair encoding and then cached.
    pub cache_misses: u64,
    /// Pieces too long for the cache, counted by the byte-pair encoding.
    pub long_pieces: u64,
}

impl CountingStats {
    /// The counts since `earlier` (an earlier reading).
    pub fn since(&self, earlier: &CountingStats) -> CountingStats {
        CountingStats {
            fast_pieces: self.fast_pieces - earlier.fast_pieces,
            regex_pieces: self.regex_pieces - earlier.regex_pieces,
            cache_hits: self.cache_hits - earlier.cache_hits,
            cache_misses: self.cache_misses - earlier.cache_misses,
            long_pieces: self.long_pieces - earlier.long_pieces,
        }
    }

    /// The share of pieces the ASCII pre-tokenizer split (0 to 1).
    pub fn fast_share(&self) -> f64 {
        let all = self.fast_pieces + self.regex_pieces;
        self.fast_pieces as f64 / (all.max(1)) as f64
    }

    /// The share of pieces whose count came from the cache (0 to 1).
    pub fn hit_rate(&self) -> f64 {
        let all = self.cache_hits + self.cache_misses + self.long_pieces;
        self.cache_hits as f64 / (all.max(1)) as f64
    }
}

impl fmt::Display for CountingStats {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} pieces, {:.1} % split by the ASCII pre-tokenizer; cache hits {:.1} % ({} misses, {} too long to cache)",
            self.fast_pieces + self.regex_pieces,
            100.0 * self.fast_share(),
            100.0 * self.hit_rate(),
            self.cache_misses,
            self.long_pieces
        )
    }
}

/// The counting figures so far (all threads).
pub fn counting_stats() -> CountingStats {
    CountingStats {
        fast_pieces: FAST_PIECES.load(Ordering::Relaxed),
        regex_pieces: REGEX_PIECES.load(Ordering::Relaxed),
        cache_hits: HITS.load(Ordering::Relaxed),
        cache_misses: MISSES.load(Ordering::Relaxed),
        long_pieces: LONG.load(Ordering::Relaxed),
    }
}

/// The number of tokens `tokenizer` encodes `text` as: the same as
/// `tokenizer.count(text)`, faster.
pub fn count_text(tokenizer: &Tokenizer, text: &str) -> usize {
    CACHE.with(|cache| {
        let mut cache = cache.0.borrow_mut();
        cache.count(tokenizer, text)
    })
}

impl PieceCache {
    /// Puts a piece into the young generation, aging it first when full.
    fn keep(&mut self, piece: Key, n: u32) {
        if self.counts.len() >= MAX_ENTRIES {
            self.old = std::mem::take(&mut self.counts);
            self.counts.reserve(MAX_ENTRIES);
        }
        self.counts.insert(piece, n);
    }

    fn count(&mut self, tokenizer: &Tokenizer, text: &str) -> usize {
        let id = Identity::of(tokenizer);
        if id != self.owner {
            self.owner = id;
            self.encoding = detect(tokenizer);
            self.counts.clear();
            self.old.clear();
        }
        let normalized = tokenizer.normalize(text);
        let text = normalized.as_str();
        let bytes = text.as_bytes();
        let (mut fast, mut regex, mut hits, mut misses, mut long) = (0, 0, 0, 0, 0);
        let mut total = 0;
        let mut pos = 0;
        while pos < bytes.len() {
            let fast_len = match self.encoding {
                Some(e) => ascii_pretokenizer::piece_len(e, &bytes[pos..]),
                None => None,
            };
            let len = match fast_len {
                Some(n) => {
                    fast += 1;
                    n
                }
                None => {
                    regex += 1;
                    match tokenizer.split(&text[pos..]).next() {
                        Some(piece) if !piece.is_empty() => piece.len(),
                        _ => break,
                    }
                }
            };
            let piece = &bytes[pos..pos + len];
            pos += len;
            total += if piece.len() > MAX_CACHED_PIECE {
                long += 1;
                tokenizer.bpe.count(piece)
            } else {
                let key = Key::of(piece);
                if let Some(&n) = self.counts.get(&key) {
                    hits += 1;
                    n as usize
                } else if let Some(n) = self.old.remove(&key) {
                    hits += 1;
                    self.keep(key, n);
                    n as usize
                } else {
                    misses += 1;
                    let n = tokenizer.bpe.count(piece);
                    self.keep(key, n as u32);
                    n
                }
            };
        }
        for (counter, n) in [
            (&FAST_PIECES, fast),
            (&REGEX_PIECES, regex),
            (&HITS, hits),
            (&MISSES, misses),
            (&LONG, long),
        ] {
            if n > 0 {
                counter.fetch_add(n, Ordering::Relaxed);
            }
        }
        total
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::dataset::tokens::builtin;

    #[test]
    fn the_builtin_tokenizers_get_their_ascii_pre_tokenizer() {
        for e in Encoding::ALL {
            assert_eq!(detect(builtin(e)), Some(e));
        }
        assert_eq!(detect(bpe_openai::voyage3_base()), None);
    }

    #[test]
    fn counts_equal_the_tokenizers_twice_over_and_across_tokenizers() {
        let texts = [
            "",
            "Hello, world! Hello again, world.",
            "fn main() {\n    println!(\"{}\", 1 + 2);\n}\n",
            "Grüße aus Köln: naïve café, 日本語のテキスト 🎉 x\u{301}y\u{a0}z",
            "a'ſ don't WE'LL 12345 \r\n\r\n   \t",
            &"long ".repeat(50),
            &"x".repeat(300),
        ];
        for round in 0..2 {
            for tok in [
                builtin(Encoding::O200kBase),
                builtin(Encoding::Cl100kBase),
                bpe_openai::voyage3_base(),
            ] {
                for t in texts {
                    assert_eq!(count_text(tok, t), tok.count(t), "round {round}: {t:?}");
                }
            }
        }
    }

    #[test]
    fn a_thread_hands_its_cache_on() {
        let tok = builtin(Encoding::O200kBase);
        let text = "a rarely seen piece: zqxjkvbw";
        std::thread::spawn(move || count_text(tok, text))
            .join()
            .unwrap();
        // (Which thread gets the pooled cache is up to the test threads
        // running beside this one; whichever does counts the same.)
        let n = std::thread::spawn(move || count_text(tok, text))
            .join()
            .unwrap();
        assert_eq!(n, tok.count(text));
    }

    #[test]
    fn stats_add_up() {
        let tok = builtin(Encoding::O200kBase);
        let before = counting_stats();
        count_text(tok, "the cat and the hat: 中文");
        let s = counting_stats().since(&before);
        assert!(s.fast_pieces >= 5 && s.regex_pieces >= 1, "{s}");
        assert!(s.hit_rate() <= 1.0 && s.fast_share() <= 1.0);
    }
}
