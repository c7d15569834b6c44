//! Numbers as people type them: "1,000", "0,5", "$1,234.50", "1 000 000".
//!
//! [`parse_number`] reads a typed number by one exact rule, so that no
//! input is silently misread ("0,5" is never 5, "2,50" never 250): it
//! either returns the one value the text can mean, or refuses it with a
//! message that says why and what to type instead.
//!
//! # The rule
//!
//! Surrounding whitespace is ignored. What remains is, in order:
//! - an optional sign: `-`, `+` or `−` (U+2212);
//! - an optional `$`, which spaces may follow ("$1,000", "-$2.50");
//! - the **mantissa**: ASCII digits and separators;
//! - an optional exponent: `e` or `E`, an optional sign, digits ("1e6",
//!   "2.5E-3").
//!
//! The mantissa's separators are the **marks** `.` and `,`, and the
//! **group separators** space, no-break space (U+00A0), narrow no-break
//! space (U+202F), thin space (U+2009), `_`, `'` and `’` (U+2019). Digits
//! form *groups* between separators. The integer part is **well grouped**
//! if it has no separator at all ("1000", "007"), or if it uses one
//! separator character throughout, its first group has 1 to 3 digits and
//! does not start with 0, and every later group has exactly 3 digits
//! ("1,000", "12,345,678", "1 000 000", "1.234.567", "1'000").
//!
//! The mantissa is read in the **first** of these three ways that fits:
//! 1. **Decimal dot**: the text holds exactly one `.`; only digits follow
//!    it; the part before it is well grouped ("1.5", "1,234.5", "1 000.25",
//!    ".5", "5.").
//! 2. **Whole number**: the whole mantissa is well grouped; `,` and `.`
//!    are then group separators ("1,000", "1,500", "12,345,678",
//!    "1.000.000").
//! 3. **Decimal comma**: the text holds exactly one `,`; only digits follow
//!    it; the part before it is well grouped ("0,5", "2,50", "3,1415",
//!    "0,125", "1.234,5", "1 234,5").
//!
//! A decimal mark needs a digit on at least one side. Consequences: a lone
//! dot is always a decimal point ("1.000" is 1, as in English). A lone
//! comma followed by exactly three digits is a thousands separator when
//! the digits before it are 1 to 3 with no leading 0 ("1,500" is 1500),
//! and a decimal comma otherwise ("0,125" is 0.125, "1234,567" is
//! 1234.567, "1 234,567" is 1234.567). A lone comma followed by 1, 2, or 4
//! or more digits is a decimal comma ("0,5", "2,50", "3,1415"). When both
//! `.` and `,` appear, the one that appears last is the decimal mark and
//! the other must separate groups of three ("1,234.5", "1.234,5").
//!
//! Everything else is refused with a reason: letters ("abc", "NaN",
//! "inf", "12 kg"), two separators in a row ("1,,000"), a group separator
//! at either end ("_5"), separators in the decimals ("0.000 1",
//! "1 000,000 000"), groups that are not of three digits ("1,2,3",
//! "1,00,000", "1 5", "1,234,5"), two kinds of group separator
//! ("1 000_000"), marks that fit no reading ("1.2.3", "1,5.5"), and numbers
//! too large for a 64-bit float ("1e400").
//!
//! Architecture invariant: pure functions, no UI imports; never panics on
//! any input.

/// Characters that separate groups of digits and never mark decimals.
pub const GROUP_SEPARATORS: [char; 7] =
    [' ', '\u{a0}', '\u{202f}', '\u{2009}', '_', '\'', '\u{2019}'];

/// Reads a number the user typed, by the rule in the module doc: the value
/// it means, or a message (quoting the input) that says why it cannot be
/// read and what to type instead. Negative numbers are read; refusing them
/// is the caller's business. `-0` is read as 0.
pub fn parse_number(raw: &str) -> Result<f64, String> {
    let text = raw.trim();
    if text.is_empty() {
        return Err("Enter a number (0 if it does not apply).".into());
    }
    let shown = quoted(text);
    let not_a_number = || format!("{shown} is not a number: type digits, e.g. 1500 or 0.5.");
    let (negative, rest) = match text.chars().next() {
        Some(c @ ('-' | '+' | '\u{2212}')) => (c != '+', &text[c.len_utf8()..]),
        _ => (false, text),
    };
    let rest = rest.strip_prefix('$').map_or(rest, str::trim_start);
    let (mantissa, exponent) = match rest.find(['e', 'E']) {
        Some(i) => (&rest[..i], Some(&rest[i + 1..])),
        None => (rest, None),
    };
    let exponent = match exponent {
        None => "0",
        Some(e) => {
            let digits = e.strip_prefix(['+', '-']).unwrap_or(e);
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return Err(not_a_number());
            }
            e
        }
    };
    let is_separator = |c: char| c == '.' || c == ',' || GROUP_SEPARATORS.contains(&c);
    if !mantissa.chars().any(|c| c.is_ascii_digit())
        || !mantissa
            .chars()
            .all(|c| c.is_ascii_digit() || is_separator(c))
    {
        return Err(not_a_number());
    }
    let Some((int, frac)) = read_mantissa(mantissa) else {
        return Err(why_unreadable(&shown, mantissa));
    };
    let int = if int.is_empty() { "0" } else { &int };
    let frac = if frac.is_empty() { "0" } else { &frac };
    let sign = if negative { "-" } else { "" };
    match format!("{sign}{int}.{frac}e{exponent}").parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(if v == 0.0 { 0.0 } else { v }),
        _ => Err(format!("{shown} is too large to be a number.")),
    }
}

/// The input in curly quotes, cut to 40 characters.
fn quoted(text: &str) -> String {
    let mut cut: String = text.chars().take(40).collect();
    if cut.len() < text.len() {
        cut.push('…');
    }
    format!("\u{201c}{cut}\u{201d}")
}

/// The integer and fraction digits of a mantissa (digits and separators
/// only), by the first of the three readings that fits.
fn read_mantissa(m: &str) -> Option<(String, String)> {
    let with_mark = |mark: char| -> Option<(String, String)> {
        if m.matches(mark).count() != 1 {
            return None;
        }
        let (int, frac) = m.split_once(mark)?;
        if !frac.bytes().all(|b| b.is_ascii_digit()) || (int.is_empty() && frac.is_empty()) {
            return None;
        }
        Some((grouped_digits(int)?, frac.to_string()))
    };
    with_mark('.')
        .or_else(|| grouped_digits(m).map(|d| (d, String::new())))
        .or_else(|| with_mark(','))
}

/// The digits of a well-grouped integer part (see the module doc), or
/// `None`. The empty string is well grouped (".5").
fn grouped_digits(part: &str) -> Option<String> {
    let Some(sep) = part.chars().find(|c| !c.is_ascii_digit()) else {
        return Some(part.to_string());
    };
    let groups: Vec<&str> = part.split(sep).collect();
    let first = groups[0];
    let fits = (1..=3).contains(&first.len())
        && !first.starts_with('0')
        && groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()))
        && groups[1..].iter().all(|g| g.len() == 3);
    fits.then(|| groups.concat())
}

/// Why a mantissa made of digits and separators fits none of the readings.
fn why_unreadable(shown: &str, m: &str) -> String {
    let chars: Vec<char> = m.chars().collect();
    let separator = |c: &char| !c.is_ascii_digit();
    let grouping = "type e.g. 1,000 or 1000, and 1.5 for decimals.";
    if chars
        .windows(2)
        .any(|w| separator(&w[0]) && separator(&w[1]))
    {
        return format!("{shown} has two separators in a row: {grouping}");
    }
    let at_ends = [chars.first(), chars.last()];
    if at_ends
        .into_iter()
        .flatten()
        .any(|c| GROUP_SEPARATORS.contains(c))
    {
        return format!("{shown} starts or ends with a separator: {grouping}");
    }
    let last_mark = chars.iter().rposition(|c| *c == '.' || *c == ',');
    if let Some(i) = last_mark
        && chars[i + 1..].iter().any(separator)
        && grouped_digits(&chars[..i].iter().collect::<String>()).is_some()
    {
        let example = if chars[i] == ',' { "0,0001" } else { "0.0001" };
        return format!(
            "{shown} has a separator in its decimals: type the decimals together, e.g. {example}."
        );
    }
    if m.contains('.') && m.contains(',') {
        return format!(
            "{shown} mixes separators: use a dot for decimals and commas only between groups of three digits, e.g. 1,234.5."
        );
    }
    let mut kinds: Vec<char> = chars.iter().copied().filter(separator).collect();
    kinds.sort_unstable();
    kinds.dedup();
    if kinds.len() > 1 {
        return format!(
            "{shown} mixes separators: use one kind between groups of three digits, e.g. 1,000,000 or 1 000 000, and a dot for decimals, e.g. 1.5."
        );
    }
    if m.matches('.').count() > 1 && !m.contains(',') && grouped_digits(m).is_none() {
        return format!(
            "{shown} has more than one decimal point: type one, e.g. 1.5, or group thousands with commas, e.g. 1,000,000."
        );
    }
    format!(
        "{shown} cannot be read: separators must split the digits into groups of three (1,000,000); use a dot for decimals, e.g. 1.5."
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::number_format;
    use proptest::prelude::*;

    fn ok(s: &str) -> f64 {
        parse_number(s).unwrap_or_else(|e| panic!("{s:?}: {e}"))
    }

    fn refused(s: &str) -> String {
        match parse_number(s) {
            Ok(v) => panic!("{s:?} read as {v}"),
            Err(e) => e,
        }
    }

    #[test]
    fn decimal_commas_are_never_read_as_thousands() {
        assert_eq!(ok("0,5"), 0.5);
        assert_eq!(ok("2,50"), 2.5);
        assert_eq!(ok("1,2345"), 1.2345);
        assert_eq!(ok("0,125"), 0.125);
        assert_eq!(ok("1,5000"), 1.5);
        assert_eq!(ok("1234,567"), 1234.567);
        assert_eq!(ok(",5"), 0.5);
        assert_eq!(ok("1,5e3"), 1500.0);
    }

    #[test]
    fn thousands_separators() {
        assert_eq!(ok("1,000"), 1000.0);
        assert_eq!(ok("1,500"), 1500.0);
        assert_eq!(ok("12,345,678"), 12_345_678.0);
        assert_eq!(ok("1,000,000"), 1e6);
        assert_eq!(ok("1 000"), 1000.0);
        assert_eq!(ok("1\u{a0}000\u{a0}000"), 1e6);
        assert_eq!(ok("1\u{202f}000"), 1000.0);
        assert_eq!(ok("1_000_000"), 1e6);
        assert_eq!(ok("1'000"), 1000.0);
        assert_eq!(ok("1.000.000"), 1e6);
    }

    #[test]
    fn both_marks_the_last_is_the_decimal_mark() {
        assert_eq!(ok("1,234.5"), 1234.5);
        assert_eq!(ok("1.234,5"), 1234.5);
        assert_eq!(ok("1.234.567,89"), 1_234_567.89);
        assert_eq!(ok("12,345,678.125"), 12_345_678.125);
        assert_eq!(ok("1 234,5"), 1234.5);
        assert_eq!(ok("1 000,000"), 1000.0);
        assert_eq!(ok("1 234,567"), 1234.567);
    }

    #[test]
    fn plain_numbers_currency_signs_and_exponents() {
        assert_eq!(ok("12.5"), 12.5);
        assert_eq!(ok("  7  "), 7.0);
        assert_eq!(ok("5 "), 5.0);
        assert_eq!(ok("007"), 7.0);
        assert_eq!(ok(".5"), 0.5);
        assert_eq!(ok("5."), 5.0);
        assert_eq!(ok("1.000"), 1.0, "a lone dot is a decimal point");
        assert_eq!(ok("$1,000"), 1000.0);
        assert_eq!(ok("$ 0.0042"), 0.0042);
        assert_eq!(ok("-$2.50"), -2.5);
        assert_eq!(ok("-1"), -1.0);
        assert_eq!(ok("\u{2212}3"), -3.0);
        assert_eq!(ok("+3"), 3.0);
        assert_eq!(ok("-0").to_bits(), 0.0f64.to_bits());
        assert_eq!(ok("1e13"), 1e13);
        assert_eq!(ok("2.5E-3"), 0.0025);
        assert_eq!(ok("1,000e3"), 1e6);
    }

    #[test]
    fn garbage_is_refused_with_a_reason() {
        assert!(refused("").contains("Enter a number"));
        assert!(refused("   ").contains("Enter a number"));
        for s in [
            "abc", "NaN", "inf", "1e", "1e+", "$", ".", ",", "--1", "1-2", "12 kg",
        ] {
            assert!(refused(s).contains("not a number"), "{s}");
        }
        assert!(refused("abc").starts_with("\u{201c}abc\u{201d}"));
        assert!(refused("1,,000").contains("two separators in a row"));
        assert!(refused("1.,5").contains("two separators in a row"));
        assert!(refused("_5").contains("starts or ends"));
        assert!(refused("0.000 1").contains("in its decimals"));
        assert!(refused("0,000_1").contains("e.g. 0,0001"));
        assert!(refused("1,5.5").contains("mixes separators"));
        assert!(refused("1.234,567.8").contains("mixes separators"));
        assert!(refused("1 000,000 000").contains("in its decimals"));
        assert!(refused("1 000.000 1").contains("in its decimals"));
        assert!(refused("1 000_000").contains("one kind"));
        assert!(refused("1.2.3").contains("more than one decimal point"));
        let e = refused("1,2,3");
        assert!(e.contains("groups of three") && e.contains("1.5"), "{e}");
        assert!(refused("1,00,000").contains("groups of three"));
        assert!(refused("1 5").contains("groups of three"));
        assert!(refused("1,234,5").contains("groups of three"));
        assert!(refused("0,125,000").contains("groups of three"));
        assert!(refused("1e400").contains("too large"));
        assert!(refused(&"9".repeat(400)).contains("too large"));
        assert!(refused(&"x".repeat(100)).contains('…'));
    }

    /// Half a unit in the last place `text` prints, e.g. 0.005 for "1.23".
    fn half_last_place(text: &str) -> f64 {
        let decimals = text.split_once('.').map_or(0, |(_, f)| f.len());
        0.5 * 10f64.powi(-(decimals as i32))
    }

    proptest! {
        #[test]
        fn no_text_panics(s in "\\PC{0,40}", t in "[-+$0-9.,' _eE\u{a0}\u{202f}]{0,20}") {
            for text in [&s, &t] {
                match parse_number(text) {
                    Ok(v) => prop_assert!(v.is_finite()),
                    Err(e) => prop_assert!(!e.is_empty()),
                }
            }
        }

        #[test]
        fn the_apps_own_numbers_read_back(x in 0.0f64..1e9) {
            for text in [
                number_format::count(x),
                number_format::usd(x),
                number_format::mean(x),
                format!("{x}"),
            ] {
                let v = parse_number(&text).map_err(TestCaseError::fail)?;
                // Exactly the digits printed…
                let digits: String = text.chars().filter(|c| c.is_ascii_digit() || *c == '.').collect();
                prop_assert_eq!(v, digits.parse::<f64>().unwrap(), "{}", text);
                // …which are the value, to the formatter's rounding.
                let tolerance = half_last_place(&text) + 1e-9 * x;
                prop_assert!((v - x).abs() <= tolerance, "{} read as {} for {}", text, v, x);
            }
        }

        #[test]
        fn grouped_whole_numbers_read_back(n in 0u64..1_000_000_000_000, sep in prop::sample::select(vec![',', ' ', '_', '\'', '\u{202f}'])) {
            let grouped = number_format::count(n as f64).replace(',', &sep.to_string());
            prop_assert_eq!(parse_number(&grouped), Ok(n as f64));
        }
    }
}
