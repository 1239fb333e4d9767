/*!
The `cn` preset: the mainland's official holidays and make-up workdays
(調休) for every year the State Council has published, read from the
reviewable data file `cn.txt` shipped inside the binary.

The file is written the way the notices are: one line per holiday, its days
off as the notice spans them and the weekend days it makes working days.
It is parsed once per run; a test proves the shipped file parses, and
`tests/calendar_cn.rs` compares every one of its days with the PyPI package
`chinesecalendar`.
*/

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use chrono::{Datelike as _, NaiveDate};

/// The shipped data, as reviewed.
pub const DATA: &str = include_str!("cn.txt");

/// What an official notice says about one date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Official {
    /// A working day (a make-up workday), or a day off.
    pub work: bool,
    /// The holiday the notice gives the day for: 國慶節, 春節 …
    pub holiday: &'static str,
}

/// The official calendar: the dates the notices name, and the years they cover.
#[derive(Debug, Default)]
pub struct Notices {
    pub days: BTreeMap<NaiveDate, Official>,
    /// Years with a notice.
    pub years: BTreeSet<i32>,
}

/// The shipped notices, parsed on first use.
pub fn notices() -> &'static Notices {
    static NOTICES: OnceLock<Notices> = OnceLock::new();
    // The shipped file is a compile-time constant that a unit test parses, so
    // this cannot fail at run time; should it ever, the preset has no data
    // and every year gets its "no official holiday data" warning.
    NOTICES.get_or_init(|| parse(DATA).unwrap_or_default())
}

/// Parses notice lines: `YEAR NAME off DAY|FIRST..LAST ... [work DAY ...]`.
pub fn parse(text: &'static str) -> Result<Notices, String> {
    let mut out = Notices::default();
    for (n, line) in text.lines().enumerate() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let at = |msg: String| format!("cn.txt:{}: {msg}", n + 1);
        let mut tokens = line.split_whitespace();
        let (Some(year), Some(holiday)) = (tokens.next(), tokens.next()) else {
            return Err(at("expected YEAR NAME off …".into()));
        };
        let year: i32 = year.parse().map_err(|_| at(format!("`{year}` is not a year")))?;
        out.years.insert(year);
        let mut work = None;
        for t in tokens {
            match t {
                "off" => work = Some(false),
                "work" => work = Some(true),
                _ => {
                    let w = work.ok_or_else(|| at(format!("`{t}` before `off` or `work`")))?;
                    let (first, last) = t.split_once("..").unwrap_or((t, t));
                    let date =
                        |s: &str| crate::tabular::date::parse_iso(s).ok_or_else(|| at(format!("`{s}` is not a date")));
                    let (first, last) = (date(first)?, date(last)?);
                    if last < first || (last - first).num_days() > 15 {
                        return Err(at(format!("`{t}` is not a holiday span")));
                    }
                    if w && first != last {
                        return Err(at(format!("make-up workdays are single days, not `{t}`")));
                    }
                    for d in first.iter_days().take_while(|d| *d <= last) {
                        if (d.year() - year).abs() > 1 {
                            return Err(at(format!("{d} is not near {year}")));
                        }
                        if out.days.insert(d, Official { work: w, holiday }).is_some() {
                            return Err(at(format!("{d} is listed twice")));
                        }
                    }
                }
            }
        }
        if work.is_none() {
            return Err(at("a holiday with no days".into()));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        crate::tabular::date::parse_iso(s).unwrap()
    }

    #[test]
    fn the_shipped_file_parses_and_covers_2004_to_2026() {
        let n = parse(DATA).unwrap();
        assert_eq!(n.years, (2004..=2026).collect());
        assert_eq!(notices().days.len(), n.days.len());
    }

    #[test]
    fn notices_as_published() {
        let n = notices();
        // 2025: 10-01..10-08 off, Sunday 09-28 and Saturday 10-11 worked.
        assert_eq!(n.days[&d("2025-09-28")], Official { work: true, holiday: "國慶節、中秋節" });
        assert!(!n.days[&d("2025-10-08")].work);
        assert!(n.days[&d("2025-10-11")].work);
        // One-off decisions: Victory Day 2015, the 2020 extension.
        assert_eq!(n.days[&d("2015-09-03")].holiday, "抗戰勝利70周年紀念日");
        assert!(n.days[&d("2015-09-06")].work);
        assert!(!n.days[&d("2020-01-31")].work);
        assert!(!n.days[&d("2020-02-01")].work, "the extension cancelled the make-up day");
        // The 2006 notice's make-up day lies in 2005.
        assert!(n.days[&d("2005-12-31")].work);
    }

    #[test]
    fn bad_lines_are_named() {
        assert!(parse("2025 元旦 2025-01-01\n").unwrap_err().contains("cn.txt:1"));
        assert!(parse("2025 元旦 off 2025-13-01\n").is_err());
        assert!(parse("2025 元旦 off 2025-01-01\n2025 x off 2025-01-01\n").unwrap_err().contains("twice"));
        assert!(parse("2025 元旦 work 2025-01-01..2025-01-02\n").is_err());
        assert!(parse("2025 元旦\n").is_err());
    }
}
