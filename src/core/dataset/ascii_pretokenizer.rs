//! A hand-written pre-tokenizer for ASCII text: tiktoken's o200k_base and
//! cl100k_base split patterns (as `bpe-openai` runs them, its look-ahead
//! emulation included), decided byte by byte without a regex.
//!
//! The rule: [`piece_len`] answers the length of the next piece only when
//! every character its decision reads is ASCII (the piece itself and its
//! look-ahead: the character that ends a run, the characters a contraction
//! or a whitespace run needs). The moment it would have to classify a
//! non-ASCII character (a letter? a digit? white space? a case variant of
//! `s` such as `ſ`?) it answers `None`, and the caller splits that piece with
//! the tokenizer's regex instead. Every piece depends only on the text from
//! its own start (the patterns have no look-behind), so both can take turns
//! piece by piece.
//!
//! Invariant: for ASCII-decided pieces the split equals `bpe-openai`'s
//! `Tokenizer::split` exactly (property-tested against it in
//! `tests/tokens.rs` for both encodings); it changes speed only.
//!
//! Architecture invariant: pure, no UI imports.

use crate::core::dataset::tokens::Encoding;

/// What [`at`] reads past the end of the text.
const END: u8 = 0xFF;

/// The byte at `i` if it is ASCII, [`END`] past the end, `None` for a
/// non-ASCII byte (the decision is left to the regex).
#[inline(always)]
fn at(s: &[u8], i: usize) -> Option<u8> {
    match s.get(i) {
        None => Some(END),
        Some(&b) if b < 0x80 => Some(b),
        Some(_) => None,
    }
}

#[inline(always)]
fn upper(b: u8) -> bool {
    b.is_ascii_uppercase()
}

#[inline(always)]
fn lower(b: u8) -> bool {
    b.is_ascii_lowercase()
}

#[inline(always)]
fn letter(b: u8) -> bool {
    b.is_ascii_alphabetic()
}

#[inline(always)]
fn digit(b: u8) -> bool {
    b.is_ascii_digit()
}

/// `\s` among ASCII characters (Unicode White_Space: tab, line feed,
/// vertical tab, form feed, carriage return, space).
#[inline(always)]
fn space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ')
}

#[inline(always)]
fn newline(b: u8) -> bool {
    matches!(b, b'\r' | b'\n')
}

/// `[^\s\p{L}\p{N}]` among ASCII characters.
#[inline(always)]
fn punct(b: u8) -> bool {
    b != END && !space(b) && !letter(b) && !digit(b)
}

/// `[^\r\n\p{L}\p{N}]` among ASCII characters: the optional character
/// before a word.
#[inline(always)]
fn prefix(b: u8) -> bool {
    b != END && !newline(b) && !letter(b) && !digit(b)
}

/// The length of `(?i:'s|'t|'re|'ve|'m|'ll|'d)` at `i` (0 when none).
#[inline(always)]
fn contraction(s: &[u8], i: usize) -> Option<usize> {
    if at(s, i)? != b'\'' {
        return Some(0);
    }
    let c1 = at(s, i + 1)?.to_ascii_lowercase();
    Some(match c1 {
        b's' | b't' | b'm' | b'd' => 2,
        b'r' | b'v' | b'l' => {
            let c2 = at(s, i + 2)?.to_ascii_lowercase();
            let want = if c1 == b'l' { b'l' } else { b'e' };
            if c2 == want { 3 } else { 0 }
        }
        _ => 0,
    })
}

/// `\p{N}{1,3}` at the start of `s`, whose first byte is a digit.
#[inline(always)]
fn digits(s: &[u8]) -> Option<usize> {
    let mut i = 1;
    while i < 3 && digit(at(s, i)?) {
        i += 1;
    }
    Some(i)
}

/// ` ?[^\s\p{L}\p{N}]+` followed by `tail`'s characters, at the start of
/// `s`, if it matches.
#[inline(always)]
fn punctuation(s: &[u8], tail: impl Fn(u8) -> bool) -> Option<Option<usize>> {
    let start = usize::from(at(s, 0)? == b' ');
    if !punct(at(s, start)?) {
        return Some(None);
    }
    let mut i = start + 1;
    while punct(at(s, i)?) {
        i += 1;
    }
    while tail(at(s, i)?) {
        i += 1;
    }
    Some(Some(i))
}

/// The white-space alternatives, at the start of `s` (whose first byte is
/// white space): `\s*[\r\n]+`, `\s+$`, `\s+(?!\S)` (as `\s+\s` less its last
/// character), `\s+`.
#[inline(always)]
fn whitespace(s: &[u8]) -> Option<usize> {
    let mut n = 0;
    let mut last_newline = None;
    loop {
        let b = at(s, n)?;
        if !space(b) {
            break;
        }
        if newline(b) {
            last_newline = Some(n);
        }
        n += 1;
    }
    Some(match last_newline {
        Some(k) => k + 1,
        None if n == s.len() => n,
        None if n >= 2 => n - 1,
        None => n,
    })
}

/// The length in bytes of the next piece of `s` (not empty) as the
/// `encoding`'s pattern splits it, or `None` when deciding it would read a
/// non-ASCII character.
#[inline]
pub fn piece_len(encoding: Encoding, s: &[u8]) -> Option<usize> {
    match encoding {
        Encoding::O200kBase => o200k(s),
        Encoding::Cl100kBase => cl100k(s),
    }
}

/// o200k_base: `[^\r\n\p{L}\p{N}]?[\p{Lu}…]*[\p{Ll}…]+(contraction)?`,
/// `[^\r\n\p{L}\p{N}]?[\p{Lu}…]+[\p{Ll}…]*(contraction)?`, `\p{N}{1,3}`,
/// ` ?[^\s\p{L}\p{N}]+[\r\n/]*`, then the white-space alternatives.
fn o200k(s: &[u8]) -> Option<usize> {
    let b0 = at(s, 0)?;
    let start = usize::from(prefix(b0));
    if letter(at(s, start)?) {
        // Upper case, then lower case (ASCII letters are one or the other,
        // so the first two alternatives both end here).
        let mut i = start;
        while upper(at(s, i)?) {
            i += 1;
        }
        while lower(at(s, i)?) {
            i += 1;
        }
        // The run ends on an ASCII non-letter: it is not a letter of the
        // other case or a mark.
        return Some(i + contraction(s, i)?);
    }
    if digit(b0) {
        return digits(s);
    }
    if let Some(n) = punctuation(s, |b| matches!(b, b'\r' | b'\n' | b'/'))? {
        return Some(n);
    }
    whitespace(s)
}

/// cl100k_base: `(?i:'s|'t|'re|'ve|'m|'ll|'d)`, `[^\r\n\p{L}\p{N}]?\p{L}+`,
/// `\p{N}{1,3}`, ` ?[^\s\p{L}\p{N}]+[\r\n]*`, then the white-space
/// alternatives.
fn cl100k(s: &[u8]) -> Option<usize> {
    let b0 = at(s, 0)?;
    if b0 == b'\'' {
        let n = contraction(s, 0)?;
        if n > 0 {
            return Some(n);
        }
    }
    let start = usize::from(prefix(b0));
    if letter(at(s, start)?) {
        let mut i = start + 1;
        while letter(at(s, i)?) {
            i += 1;
        }
        return Some(i);
    }
    if digit(b0) {
        return digits(s);
    }
    if let Some(n) = punctuation(s, newline)? {
        return Some(n);
    }
    whitespace(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(e: Encoding, text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let mut pos = 0;
        while pos < text.len() {
            let n = piece_len(e, &text.as_bytes()[pos..]).expect("ASCII text");
            out.push(&text[pos..pos + n]);
            pos += n;
        }
        out
    }

    #[test]
    fn splits_as_tiktoken_does() {
        let o = Encoding::O200kBase;
        assert_eq!(
            split(o, "Hello world's  end\n\n  x 1234 ?!/\n"),
            [
                "Hello", " world's", " ", " end", "\n\n", " ", " x", " ", "123", "4", " ?!/\n"
            ]
        );
        assert_eq!(split(o, "HTTPServer don't"), ["HTTPServer", " don't"]);
        let c = Encoding::Cl100kBase;
        assert_eq!(
            split(c, "don't I'LL a/b  "),
            ["don", "'t", " I", "'LL", " a", "/b", "  "]
        );
    }

    #[test]
    fn non_ascii_is_left_to_the_regex() {
        for e in Encoding::ALL {
            assert_eq!(piece_len(e, "é".as_bytes()), None);
            // The word's end could be a letter.
            assert_eq!(piece_len(e, "abcé".as_bytes()), None);
            // `'ſ` is a contraction for the case-insensitive regex.
            assert_eq!(piece_len(e, "'ſ".as_bytes()), None);
            // The white space could go on (NBSP).
            assert_eq!(piece_len(e, "  \u{a0}".as_bytes()), None);
            // Decided before reaching the non-ASCII character.
            assert_eq!(piece_len(e, "ab é".as_bytes()), Some(2));
        }
        // o200k's words end with an optional contraction.
        assert_eq!(piece_len(Encoding::O200kBase, "a'ſ".as_bytes()), None);
        assert_eq!(piece_len(Encoding::Cl100kBase, "a'ſ".as_bytes()), Some(1));
    }
}
