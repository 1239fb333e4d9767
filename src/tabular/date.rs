/*!
Dates as users write them.

[`parse_iso`] is the strict `YYYY-MM-DD` of config files and flags
(`--today`, `--due`, waiver `expires`). [`parse`] reads a date cell of an
export the way analysts' tools write one: `2025-09-26`, `2025/9/26`,
`2025年9月26日`, full-width digits, a time of day after it, or an Excel serial
day number — any spelling of [`super::period`] that names exactly one day.
*/

use chrono::NaiveDate;

/// A calendar date `YYYY-MM-DD` (exactly; `2026-7-1` is refused).
pub fn parse_iso(s: &str) -> Option<NaiveDate> {
    let b = s.trim().as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |n, c| c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0')))
    };
    NaiveDate::from_ymd_opt(i32::try_from(num(0..4)?).ok()?, num(5..7)?, num(8..10)?)
}

/// A date cell: one day, in any spelling [`super::period::parse`] reads.
pub fn parse(s: &str) -> Option<NaiveDate> {
    // The common spelling first, without the general parser's allocations.
    if let Some(d) = parse_iso(s).filter(|d| (1900..=2999).contains(&chrono::Datelike::year(d))) {
        return Some(d);
    }
    let p = super::period::parse(s)?;
    (p.start == p.end).then_some(p.start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_only_for_flags_and_config() {
        assert_eq!(parse_iso("2026-10-01"), NaiveDate::from_ymd_opt(2026, 10, 1));
        for bad in ["2026-7-1", "2026/10/01", "2026-13-01", "2026-02-30", "", "2026-10-01x"] {
            assert_eq!(parse_iso(bad), None, "{bad}");
        }
    }

    #[test]
    fn cells_in_the_spellings_of_exports() {
        let d = NaiveDate::from_ymd_opt(2025, 9, 26);
        for s in ["2025-09-26", "2025/9/26", "2025年9月26日", "2025-09-26 17:30", "45926", "２０２５－０９－２６"]
        {
            assert_eq!(parse(s), d, "{s}");
        }
        for s in ["2025-09", "2025-Q3", "2025", "26/9/2025", "昨天", "0001-01-01", "2025-02-30"] {
            assert_eq!(parse(s), None, "{s}");
        }
    }
}
