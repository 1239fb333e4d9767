/*!
Periods as exports spell them (SPEC 3.2), each a date range.

`2026-Q3`, `2026Q3`, `Q3 2026`, `2026年第三季度`, `2026年Q3`, `2026-07`,
`2026/7`, `2026年7月`, `2026-07-15`, `2026/7/15`, `2026年7月15日` (a time of day
after a date is ignored), Excel serial day numbers (46204 = 2026-07-01), and
`2026`.
*/

use std::fmt;

use chrono::{Datelike, Duration, NaiveDate};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Period {
    pub start: NaiveDate,
    pub end: NaiveDate,
}

impl Period {
    pub fn contains(&self, other: &Period) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn overlaps(&self, other: &Period) -> bool {
        self.start <= other.end && other.start <= self.end
    }

    fn month(y: i32, m: u32) -> Option<Period> {
        let start = NaiveDate::from_ymd_opt(y, m, 1)?;
        let next = if m == 12 { NaiveDate::from_ymd_opt(y + 1, 1, 1)? } else { NaiveDate::from_ymd_opt(y, m + 1, 1)? };
        Some(Period { start, end: next - Duration::days(1) })
    }

    fn quarter(y: i32, q: u32) -> Option<Period> {
        if !(1..=4).contains(&q) {
            return None;
        }
        let a = Period::month(y, q * 3 - 2)?;
        let b = Period::month(y, q * 3)?;
        Some(Period { start: a.start, end: b.end })
    }

    fn year(y: i32) -> Option<Period> {
        Some(Period { start: NaiveDate::from_ymd_opt(y, 1, 1)?, end: NaiveDate::from_ymd_opt(y, 12, 31)? })
    }

    fn day(d: NaiveDate) -> Period {
        Period { start: d, end: d }
    }

    /// The smallest month, quarter or year that covers `self`, if any.
    pub fn cover(&self) -> Option<Period> {
        let (y, m) = (self.start.year(), self.start.month());
        [Period::month(y, m), Period::quarter(y, (m - 1) / 3 + 1), Period::year(y)]
            .into_iter()
            .flatten()
            .find(|p| p.contains(self))
    }

    /// Whether the range is longer than a quarter (92 days).
    pub fn longer_than_a_quarter(&self) -> bool {
        (self.end - self.start).num_days() >= 92
    }
}

/// Labels: `2026-Q3`, `2026-07`, `2026`, `2026-07-15`, else `start..end`.
impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m) = (self.start.year(), self.start.month());
        if Some(*self) == Period::year(y) {
            write!(f, "{y}")
        } else if Some(*self) == Period::quarter(y, (m - 1) / 3 + 1) {
            write!(f, "{y}-Q{}", (m - 1) / 3 + 1)
        } else if Some(*self) == Period::month(y, m) {
            write!(f, "{y}-{m:02}")
        } else if self.start == self.end {
            write!(f, "{}", self.start)
        } else {
            write!(f, "{}..{}", self.start, self.end)
        }
    }
}

const EXCEL_EPOCH: (i32, u32, u32) = (1899, 12, 30);

/// Parses a period cell or `--period` argument.
pub fn parse(raw: &str) -> Option<Period> {
    let s: String =
        raw.trim()
            .chars()
            .map(|c| {
                if ('\u{FF01}'..='\u{FF5E}').contains(&c) {
                    char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
                } else {
                    c
                }
            })
            .collect();
    let s = s.trim();
    // A time of day after a date: `2026-07-15 00:00:00`, `2026/7/15 8:30`.
    let s = match s.split_once([' ', 'T']) {
        Some((date, time)) if time.contains(':') => date,
        _ => s,
    };
    if s.is_empty() {
        return None;
    }
    if let Some(p) = chinese(s) {
        return Some(p);
    }
    let upper = s.to_ascii_uppercase();
    if let Some(p) = quarter(&upper) {
        return Some(p);
    }
    if let Some(p) = numeric(s) {
        return Some(p);
    }
    None
}

fn num(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

fn year(s: &str) -> Option<i32> {
    let y = num(s)?;
    (s.len() == 4 && (1900..=2999).contains(&y)).then_some(y as i32)
}

/// `2026-Q3`, `2026Q3`, `2026 Q3`, `Q3 2026`, `Q3-2026`, `2026/Q3`.
fn quarter(s: &str) -> Option<Period> {
    let compact: String = s.chars().filter(|c| !matches!(c, ' ' | '-' | '/' | '_' | '.')).collect();
    let (y, q) = if let Some(rest) = compact.strip_prefix('Q') {
        (rest.get(1..)?, rest.get(..1)?)
    } else {
        let (y, q) = compact.split_once('Q')?;
        (y, q)
    };
    Period::quarter(year(y)?, num(q)?)
}

/// `2026年第三季度`, `2026年第3季`, `2026年Q3`, `2026年7月`, `2026年7月15日`, `2026年`.
fn chinese(s: &str) -> Option<Period> {
    let (y, rest) = s.split_once('年')?;
    let y = year(y.trim())?;
    let rest = rest.trim();
    if rest.is_empty() {
        return Period::year(y);
    }
    if let Some(q) = rest.strip_prefix(['Q', 'q']) {
        return Period::quarter(y, num(q.trim())?);
    }
    if let Some(q) = rest.strip_prefix('第') {
        let q = q.strip_suffix("季度").or_else(|| q.strip_suffix('季'))?;
        let n = match q {
            "一" | "1" => 1,
            "二" | "2" => 2,
            "三" | "3" => 3,
            "四" | "4" => 4,
            _ => return None,
        };
        return Period::quarter(y, n);
    }
    let (m, rest) = rest.split_once('月')?;
    let m = num(m.trim())?;
    let rest = rest.trim();
    if rest.is_empty() {
        return Period::month(y, m);
    }
    let d = rest.strip_suffix(['日', '號', '号'])?;
    NaiveDate::from_ymd_opt(y, m, num(d.trim())?).map(Period::day)
}

/// `2026`, `2026-07`, `2026/7`, `2026.07`, `2026-07-15`, `2026/7/15`,
/// `202607`, and Excel serial days.
fn numeric(s: &str) -> Option<Period> {
    let parts: Vec<&str> = s.split(['-', '/', '.']).collect();
    match parts.as_slice() {
        [one] => {
            if let Some(y) = year(one) {
                return Period::year(y);
            }
            excel_serial(one)
        }
        [y, m] => {
            // `46204.5`: a serial day with a time fraction.
            if year(y).is_none() && num(m).is_some() && s.contains('.') {
                return excel_serial(y);
            }
            Period::month(year(y)?, num(m)?)
        }
        [y, m, d] => NaiveDate::from_ymd_opt(year(y)?, num(m)?, num(d)?).map(Period::day),
        _ => None,
    }
}

/// Excel's serial day numbers (1900 date system): day 1 is 1900-01-01, with
/// Excel's phantom 1900-02-29, so serials from 61 on count from 1899-12-30.
/// Only plausible business dates (1955–2119) are taken as serials.
fn excel_serial(s: &str) -> Option<Period> {
    if s.is_empty() || s.len() > 5 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: i64 = s.parse().ok()?;
    if !(20_000..=80_000).contains(&n) {
        return None;
    }
    let epoch = NaiveDate::from_ymd_opt(EXCEL_EPOCH.0, EXCEL_EPOCH.1, EXCEL_EPOCH.2)?;
    Some(Period::day(epoch + Duration::days(n)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn range(s: &str) -> String {
        let p = parse(s).unwrap_or_else(|| panic!("{s:?} not parsed"));
        format!("{}..{}", p.start, p.end)
    }

    #[test]
    fn every_period_spelling_of_the_spec() {
        let q3 = "2026-07-01..2026-09-30";
        for s in ["2026-Q3", "2026Q3", "Q3 2026", "2026年第三季度", "2026年Q3", "2026 Q3", "q3-2026", "2026年第3季"]
        {
            assert_eq!(range(s), q3, "{s}");
        }
        let july = "2026-07-01..2026-07-31";
        for s in ["2026-07", "2026/7", "2026年7月", "2026.07"] {
            assert_eq!(range(s), july, "{s}");
        }
        for s in ["2026-07-15", "2026/7/15", "2026年7月15日", "2026-07-15 00:00:00", "２０２６－０７－１５"]
        {
            assert_eq!(range(s), "2026-07-15..2026-07-15", "{s}");
        }
        assert_eq!(range("2026"), "2026-01-01..2026-12-31");
        assert_eq!(range("2026年"), "2026-01-01..2026-12-31");
    }

    #[test]
    fn excel_serial_days() {
        assert_eq!(range("46204"), "2026-07-01..2026-07-01");
        assert_eq!(range("46295"), "2026-09-30..2026-09-30");
        assert_eq!(range("46204.75"), "2026-07-01..2026-07-01");
        assert_eq!(range("45566"), "2024-10-01..2024-10-01");
    }

    #[test]
    fn february_and_december_end_right() {
        assert_eq!(range("2028-02"), "2028-02-01..2028-02-29");
        assert_eq!(range("2026-12"), "2026-12-01..2026-12-31");
        assert_eq!(range("2026-Q4"), "2026-10-01..2026-12-31");
    }

    #[test]
    fn not_periods() {
        for s in ["", "Q5 2026", "2026-13", "2026-02-30", "abc", "12345", "7", "2026年第五季度", "3000-Q1"] {
            assert!(parse(s).is_none(), "{s:?}");
        }
    }

    #[test]
    fn labels_and_covers() {
        let p = |s: &str| parse(s).unwrap();
        assert_eq!(p("2026年第三季度").to_string(), "2026-Q3");
        assert_eq!(p("2026/7").to_string(), "2026-07");
        assert_eq!(p("2026").to_string(), "2026");
        let aug_to_sep = Period { start: p("2026-08").start, end: p("2026-09").end };
        assert_eq!(aug_to_sep.cover().unwrap().to_string(), "2026-Q3");
        let jun_to_jul = Period { start: p("2026-06").start, end: p("2026-07").end };
        assert_eq!(jun_to_jul.cover().unwrap().to_string(), "2026");
        assert!(p("2026").longer_than_a_quarter());
        assert!(!p("2026-Q3").longer_than_a_quarter());
    }
}
