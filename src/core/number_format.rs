//! Numbers as people read them: "50,000", "$1,234.56", "$0.0042".
//!
//! Architecture invariant: pure functions, no UI imports; never prints NaN
//! or ∞ (such values come out as "—").

/// A count with thousands separators, rounded to a whole number.
pub fn count(x: f64) -> String {
    if !x.is_finite() {
        return "—".into();
    }
    let rounded = x.round();
    let negative = rounded < 0.0;
    let digits = format!("{:.0}", rounded.abs());
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if negative && out != "0" {
        out.insert(0, '-');
    }
    out
}

/// A count with its noun: "1 line", "12,000 lines".
pub fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", count(n as f64), if n == 1 { one } else { many })
}

/// A mean or other fractional figure: one decimal below 1,000, whole
/// numbers with separators above ("37.4", "3,750,012").
pub fn mean(x: f64) -> String {
    if x.is_finite() && x.abs() < 1000.0 {
        format!("{x:.1}")
    } else {
        count(x)
    }
}

/// A file size: "497 B", "2.1 KB", "104.9 MB", "1.07 GB" (decimal units).
pub fn bytes(n: f64) -> String {
    if !n.is_finite() {
        "—".into()
    } else if n < 1e3 {
        format!("{n:.0} B")
    } else if n < 1e6 {
        format!("{:.1} KB", n / 1e3)
    } else if n < 1e9 {
        format!("{:.1} MB", n / 1e6)
    } else {
        format!("{:.2} GB", n / 1e9)
    }
}

/// US dollars: cents for amounts of $1 and more (with separators), three
/// significant figures below a dollar.
pub fn usd(x: f64) -> String {
    if !x.is_finite() {
        return "—".into();
    }
    let sign = if x < 0.0 { "-" } else { "" };
    let a = x.abs();
    if a >= 1.0 || a == 0.0 {
        let cents = (a * 100.0).round();
        let whole = (cents / 100.0).trunc();
        let frac = cents - whole * 100.0;
        format!("{sign}${}.{:02}", count(whole), frac as u64)
    } else {
        let decimals = (-(a.log10().floor()) as usize + 2).min(12);
        format!("{sign}${a:.decimals$}")
    }
}

/// Months with one decimal ("5.0 months", "1 month" for exactly one).
pub fn months(x: f64) -> String {
    if !x.is_finite() {
        return "—".into();
    }
    if (x - 1.0).abs() < 0.05 {
        "1 month".into()
    } else if x >= 1200.0 {
        format!("{} years", count(x / 12.0))
    } else {
        format!("{x:.1} months")
    }
}

/// Compact axis label: 1.2k, 3.4M, 5B.
pub fn compact(x: f64) -> String {
    if !x.is_finite() {
        return "—".into();
    }
    let a = x.abs();
    let (v, suffix) = if a >= 1e12 {
        (x / 1e12, "T")
    } else if a >= 1e9 {
        (x / 1e9, "B")
    } else if a >= 1e6 {
        (x / 1e6, "M")
    } else if a >= 1e3 {
        (x / 1e3, "k")
    } else {
        (x, "")
    };
    let s = if v.abs() >= 100.0 || v.fract().abs() < 1e-9 {
        format!("{v:.0}")
    } else {
        format!("{v:.1}")
    };
    format!("{s}{suffix}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts() {
        assert_eq!(counted(1, "line", "lines"), "1 line");
        assert_eq!(counted(12_000, "line", "lines"), "12,000 lines");
        assert_eq!(
            (mean(37.04), mean(3_750_012.0)),
            ("37.0".to_string(), "3,750,012".to_string())
        );
        assert_eq!(count(50_000.0), "50,000");
        assert_eq!(
            (
                bytes(497.0),
                bytes(2_100.0),
                bytes(104_859_112.0),
                bytes(1_073_743_123.0)
            ),
            (
                "497 B".into(),
                "2.1 KB".into(),
                "104.9 MB".into(),
                "1.07 GB".to_string()
            )
        );
        assert_eq!(count(999.6), "1,000");
        assert_eq!(count(0.0), "0");
        assert_eq!(count(-1234567.0), "-1,234,567");
        assert_eq!(count(f64::NAN), "—");
        assert_eq!(count(1e15), "1,000,000,000,000,000");
    }

    #[test]
    fn dollars() {
        assert_eq!(usd(500.0), "$500.00");
        assert_eq!(usd(1234.567), "$1,234.57");
        assert_eq!(usd(0.01), "$0.0100");
        assert_eq!(usd(0.0042), "$0.00420");
        assert_eq!(usd(0.0), "$0.00");
        assert_eq!(usd(-2.5), "-$2.50");
        assert_eq!(usd(f64::INFINITY), "—");
    }

    #[test]
    fn months_and_compact() {
        assert_eq!(months(5.0), "5.0 months");
        assert_eq!(months(1.0), "1 month");
        assert_eq!(compact(1500.0), "1.5k");
        assert_eq!(compact(2_000_000.0), "2M");
        assert_eq!(compact(12.0), "12");
    }
}
