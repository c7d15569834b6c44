//! Calendar dates as the app writes them: ISO `YYYY-MM-DD`, real days only.
//!
//! Dates travel as strings (preset dates in `data/prices.json`, the planned
//! start in the calculator's link, the browser's date field). Parsing is
//! strict: exactly four digits, `-`, two digits, `-`, two digits, for a day
//! that exists in the proleptic Gregorian calendar between 1900-01-01 and
//! 9999-12-31 (2028-02-29 is a day, 2027-02-29 and 2026-02-31 are not). So
//! each day has exactly one spelling, and [`date_of_day`] gives it back.
//!
//! Architecture invariant: pure functions, no UI imports; never panics on
//! any input.

/// Average days in a month of the Gregorian calendar (365.2425 ÷ 12).
pub const DAYS_PER_MONTH: f64 = 30.436_875;
/// Earliest year a date may have.
pub const FIRST_YEAR: i64 = 1900;
/// Latest year a date may have.
pub const LAST_YEAR: i64 = 9999;

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Whether `year` has a February 29 (Gregorian rule).
pub fn is_leap_year(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in `month` (1–12) of `year`; 0 for a month that does not exist.
pub fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Days since 1970-01-01 of a strict ISO date, or the message the UI shows
/// next to a date field, saying why it is not a day (e.g. "2026-02-31 is
/// not a day: February 2026 has 28 days.").
pub fn parse_day(date: &str) -> Result<i64, String> {
    let example = "write it as YYYY-MM-DD, e.g. 2026-12-01";
    if date.trim().is_empty() {
        return Err(format!("Enter a date: {example}."));
    }
    let b = date.as_bytes();
    let shaped = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shaped {
        let mut shown: String = date.chars().take(40).collect();
        if shown.len() < date.len() {
            shown.push('…');
        }
        return Err(format!("\u{201c}{shown}\u{201d} is not a date: {example}."));
    }
    let number = |range: std::ops::Range<usize>| {
        b[range]
            .iter()
            .fold(0i64, |n, c| n * 10 + i64::from(c - b'0'))
    };
    let (y, m, d) = (number(0..4), number(5..7), number(8..10));
    if !(FIRST_YEAR..=LAST_YEAR).contains(&y) {
        return Err(format!(
            "{date} is out of range: the year must be between {FIRST_YEAR} and {LAST_YEAR}."
        ));
    }
    if !(1..=12).contains(&m) {
        return Err(format!(
            "{date} is not a day: months run from 01 to 12 ({example})."
        ));
    }
    if d == 0 {
        return Err(format!("{date} is not a day: days start at 01."));
    }
    let last = days_in_month(y, m);
    if d > last {
        let month = MONTH_NAMES[(m - 1) as usize];
        return Err(format!("{date} is not a day: {month} {y} has {last} days."));
    }
    Ok(days_from_civil(y, m, d))
}

/// Days since 1970-01-01 of a strict ISO date, if it is a real day (see
/// [`parse_day`] for why not).
pub fn day_number(date: &str) -> Option<i64> {
    parse_day(date).ok()
}

/// The ISO date (`YYYY-MM-DD`) of a day number (days since 1970-01-01),
/// the inverse of [`day_number`]; `None` outside 1900-01-01..=9999-12-31.
pub fn date_of_day(day: i64) -> Option<String> {
    let first = days_from_civil(FIRST_YEAR, 1, 1);
    let last = days_from_civil(LAST_YEAR, 12, 31);
    if !(first..=last).contains(&day) {
        return None;
    }
    // Civil from days (Howard Hinnant's algorithm).
    let z = day + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

/// Months (of [`DAYS_PER_MONTH`] days) from `from` to `to`; negative if
/// `to` is earlier; `None` if either is not a day.
pub fn months_between(from: &str, to: &str) -> Option<f64> {
    Some((day_number(to)? - day_number(from)?) as f64 / DAYS_PER_MONTH)
}

/// Days from civil (Howard Hinnant's algorithm), for a valid date.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn known_days() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2000-03-01"), Some(11_017));
        assert_eq!(day_number("1900-01-01"), Some(-25_567));
        assert_eq!(day_number("9999-12-31"), Some(2_932_896));
        assert_eq!(date_of_day(0).as_deref(), Some("1970-01-01"));
        assert_eq!(date_of_day(11_017).as_deref(), Some("2000-03-01"));
        let m = months_between("2026-11-25", "2027-01-14").unwrap();
        assert!((m - 50.0 / DAYS_PER_MONTH).abs() < 1e-12);
        assert!(months_between("2027-01-14", "2026-11-25").unwrap() < 0.0);
        assert_eq!(months_between("2026-02-31", "2027-01-14"), None);
    }

    #[test]
    fn leap_years() {
        assert!(day_number("2028-02-29").is_some());
        assert!(day_number("2000-02-29").is_some());
        assert_eq!(day_number("2027-02-29"), None);
        assert_eq!(day_number("2100-02-29"), None);
        assert_eq!(
            parse_day("2027-02-29"),
            Err("2027-02-29 is not a day: February 2027 has 28 days.".into())
        );
        assert_eq!(
            day_number("2028-03-01").unwrap() - day_number("2028-02-28").unwrap(),
            2
        );
    }

    #[test]
    fn impossible_days_are_refused_with_the_reason() {
        assert_eq!(
            parse_day("2026-02-31"),
            Err("2026-02-31 is not a day: February 2026 has 28 days.".into())
        );
        assert_eq!(
            parse_day("2026-04-31"),
            Err("2026-04-31 is not a day: April 2026 has 30 days.".into())
        );
        assert!(
            parse_day("2026-01-00")
                .unwrap_err()
                .contains("days start at 01")
        );
        assert!(
            parse_day("2026-01-32")
                .unwrap_err()
                .contains("January 2026 has 31 days")
        );
        assert!(
            parse_day("2026-13-01")
                .unwrap_err()
                .contains("months run from 01 to 12")
        );
        assert!(
            parse_day("2026-00-10")
                .unwrap_err()
                .contains("months run from 01 to 12")
        );
        assert!(
            parse_day("1899-12-31")
                .unwrap_err()
                .contains("between 1900 and 9999")
        );
        assert!(parse_day("").unwrap_err().starts_with("Enter a date"));
        for not_iso in [
            "soon",
            "2026-2-01",
            "2026-02-1",
            "26-02-01",
            " 2026-02-01",
            "2026-02-01 ",
            "2026/02/01",
            "+026-02-01",
            "2026-02-01T00:00",
            "２０２６-02-01",
        ] {
            let e = parse_day(not_iso).unwrap_err();
            assert!(e.contains("YYYY-MM-DD"), "{not_iso:?}: {e}");
        }
    }

    #[test]
    fn every_day_from_1900_to_2100_is_the_next_day_number() {
        let mut expected = day_number("1900-01-01").unwrap();
        for y in 1900..=2100 {
            for m in 1..=12 {
                for d in 1..=days_in_month(y, m) {
                    let date = format!("{y:04}-{m:02}-{d:02}");
                    assert_eq!(day_number(&date), Some(expected), "{date}");
                    assert_eq!(date_of_day(expected), Some(date));
                    expected += 1;
                }
                let next = format!("{y:04}-{m:02}-{:02}", days_in_month(y, m) + 1);
                assert_eq!(day_number(&next), None, "{next}");
            }
        }
        assert_eq!(date_of_day(day_number("1900-01-01").unwrap() - 1), None);
        assert_eq!(date_of_day(day_number("9999-12-31").unwrap() + 1), None);
        assert_eq!(date_of_day(i64::MIN), None);
        assert_eq!(date_of_day(i64::MAX), None);
    }

    proptest! {
        #[test]
        fn no_text_panics_and_dates_have_one_spelling(
            any in "\\PC{0,20}",
            shaped in "[0-9]{4}-[0-9]{2}-[0-9]{2}",
        ) {
            for text in [&any, &shaped] {
                match parse_day(text) {
                    Ok(day) => prop_assert_eq!(date_of_day(day), Some(text.clone())),
                    Err(message) => prop_assert!(!message.is_empty()),
                }
            }
        }

        #[test]
        fn every_valid_day_round_trips(day in -25_567i64..=2_932_896) {
            let date = date_of_day(day).unwrap();
            prop_assert_eq!(day_number(&date), Some(day));
        }
    }
}
