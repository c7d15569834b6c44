//! One CSV writer for every export: quoting and formula defusing of a field.
//!
//! Fields are quoted by RFC 4180: a field holding a comma, a double quote,
//! a line feed or a carriage return is wrapped in double quotes, with each
//! double quote doubled. Text that a spreadsheet would run as a formula
//! (starting with `=`, `+`, `-`, `@`, a tab or a carriage return; OWASP's
//! "CSV injection") gets a leading apostrophe, so it opens as text.
//!
//! Architecture invariant: pure functions, no UI imports.

/// Characters that make a spreadsheet read a cell as a formula when they
/// start it.
pub const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// One CSV field for `text` (a name, a message, any user-chosen text):
/// defused if it starts like a formula, then quoted if RFC 4180 needs it.
pub fn field(text: &str) -> String {
    let mut s = String::with_capacity(text.len() + 3);
    if text.starts_with(FORMULA_STARTS) {
        s.push('\'');
    }
    s.push_str(text);
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn quotes_by_rfc_4180() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field(""), "");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("Fine-tuned, \"v2\""), "\"Fine-tuned, \"\"v2\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
        assert_eq!(field("cr\rhere"), "\"cr\rhere\"");
    }

    #[test]
    fn defuses_formulas() {
        assert_eq!(field("=cmd()"), "'=cmd()");
        assert_eq!(field("=HYPERLINK(1)"), "'=HYPERLINK(1)");
        assert_eq!(field("+1"), "'+1");
        assert_eq!(field("-1"), "'-1");
        assert_eq!(field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(field("\t=1"), "'\t=1");
        assert_eq!(field("\r=1"), "\"'\r=1\"");
        assert_eq!(field("=1,2"), "\"'=1,2\"");
        assert_eq!(field("a=1"), "a=1");
    }

    /// Reads one field back the way a spreadsheet does (RFC 4180).
    fn unquote(f: &str) -> String {
        match f.strip_prefix('"').and_then(|s| s.strip_suffix('"')) {
            Some(inner) => inner.replace("\"\"", "\""),
            None => f.to_string(),
        }
    }

    proptest! {
        #[test]
        fn reads_back_as_the_text_and_never_as_a_formula(text in "\\PC{0,30}|[=+\\-@\t\r\",\n a-z]{0,10}") {
            let f = field(&text);
            let back = unquote(&f);
            let expected = if text.starts_with(FORMULA_STARTS) { format!("'{text}") } else { text.clone() };
            prop_assert_eq!(&back, &expected);
            prop_assert!(!back.starts_with(FORMULA_STARTS));
            let quoted = f.starts_with('"');
            prop_assert_eq!(quoted, back.contains([',', '"', '\n', '\r']));
            if !quoted {
                prop_assert!(!f.contains([',', '"', '\n', '\r']));
            }
        }
    }
}
