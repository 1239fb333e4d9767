//! The `cn` preset against an independent source: every one of the 8,401
//! days of 2004–2026 compared with the PyPI package `chinesecalendar`, as
//! dumped by `scripts/cn-calendar-dump.py` into `tests/data/cn-calendar.tsv`
//! (CI regenerates the dump from the installed package and fails when it
//! differs from the committed one, so the dump is the package's word).
//!
//! Where the two disagree, the State Council's notice decides, and the
//! difference is listed in [`ERRATA`] with the notice's words: the test
//! fails on any other difference, and on an erratum that is no longer one.

use chrono::NaiveDate;
use opsroles::calendar::Calendar;
use opsroles::config::CalendarConfig;

const DUMP: &str = include_str!("data/cn-calendar.tsv");

/// Days on which chinesecalendar 1.11.0 departs from the published notice.
const ERRATA: &[(&str, &str, &str)] = &[(
    "2005-12-31",
    "work",
    // 國務院辦公廳關於2006年部分節假日安排的通知 (gov.cn, 2005-12-22):
    // 元旦：1月1日—3日放假，共3天。其中1月1日為法定假日，將12月31日(星期六)、
    // 1月1日(星期日)兩個公休日調至1月2日(星期一)、3日(星期二)，12月31日(星期六)上班。
    // Reported upstream as liriansu-opus/chinese-calendar#125 (and #17).
    "the 2006 notice makes Saturday 2005-12-31 a workday; chinesecalendar has it off",
)];

#[test]
fn every_day_of_2004_to_2026_agrees_with_chinesecalendar() {
    let cal = Calendar::new(&CalendarConfig::default());
    let mut days = 0;
    let mut differences = Vec::new();
    for line in DUMP.lines().filter(|l| !l.starts_with('#')) {
        let mut f = line.split('\t');
        let (Some(date), Some(status)) = (f.next(), f.next()) else { panic!("bad dump line {line:?}") };
        let date = NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap();
        let theirs = match status {
            "work" => true,
            "off" => false,
            other => panic!("bad status {other:?}"),
        };
        days += 1;
        let ours = cal.is_workday(date);
        if ours != theirs {
            differences.push((date.to_string(), if ours { "work" } else { "off" }));
        }
    }
    assert_eq!(days, 8401, "the dump covers 2004-01-01..=2026-12-31");
    let expected: Vec<(String, &str)> = ERRATA.iter().map(|(d, ours, _)| (d.to_string(), *ours)).collect();
    assert_eq!(differences, expected, "differences from chinesecalendar other than the documented errata");
    assert!(cal.years_without_data().is_empty());
}

#[test]
fn the_dump_is_of_the_pinned_package_and_complete() {
    let first = DUMP.lines().next().unwrap();
    assert!(first.starts_with("# chinesecalendar 1.11.0"), "{first}");
    let dates: Vec<&str> = DUMP.lines().skip(1).map(|l| &l[..10]).collect();
    assert_eq!(dates.first(), Some(&"2004-01-01"));
    assert_eq!(dates.last(), Some(&"2026-12-31"));
}
