/*!
Working days, for "resolved within N working days" (SPEC 6.2).

A [`Calendar`] is built from `config::CalendarConfig`: the weekend, the
official holidays and make-up workdays (調休) of the `cn` preset ([`cn`]),
then the company's own `holidays` and `workdays`, which win over both. A
Sunday can be a working day and a Wednesday a day off, which is why counting
weekdays gets deadlines wrong around every long holiday.

The preset covers the years the State Council has published. A date in
another year is counted by the weekend and the configured dates only, and
the calendar remembers the year ([`Calendar::years_without_data`]) so the
command can warn once per year — never a silent guess. The calendar never
prints.
*/

pub mod cn;

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate};

use crate::config::{CalendarConfig, Preset};

/// Why a day is a working day or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    Weekday,
    Weekend,
    /// An official day off, for this holiday.
    Holiday(&'static str),
    /// An official make-up workday (調休), for this holiday.
    MakeUp(&'static str),
    /// A date of config `calendar.holidays`.
    CompanyHoliday,
    /// A date of config `calendar.workdays`.
    CompanyWorkday,
}

impl Why {
    pub fn is_workday(self) -> bool {
        matches!(self, Why::Weekday | Why::MakeUp(_) | Why::CompanyWorkday)
    }
}

/// Which days are working days.
#[derive(Debug)]
pub struct Calendar {
    preset: Preset,
    /// By `num_days_from_monday`.
    weekend: [bool; 7],
    /// Every date whose status the weekend rule does not decide.
    special: BTreeMap<NaiveDate, Why>,
    /// Years the preset has data for.
    covered: BTreeSet<i32>,
    /// Years without data that a question touched.
    missing: RefCell<BTreeSet<i32>>,
}

impl Calendar {
    pub fn new(config: &CalendarConfig) -> Self {
        let mut weekend = [false; 7];
        for d in &config.weekend {
            weekend[d.to_chrono().num_days_from_monday() as usize] = true;
        }
        let mut special = BTreeMap::new();
        let mut covered = BTreeSet::new();
        if config.preset == Preset::Cn {
            let notices = cn::notices();
            covered.clone_from(&notices.years);
            for (d, o) in &notices.days {
                special.insert(*d, if o.work { Why::MakeUp(o.holiday) } else { Why::Holiday(o.holiday) });
            }
        }
        for d in &config.holidays {
            special.insert(*d, Why::CompanyHoliday);
        }
        for d in &config.workdays {
            special.insert(*d, Why::CompanyWorkday);
        }
        Calendar { preset: config.preset, weekend, special, covered, missing: RefCell::new(BTreeSet::new()) }
    }

    pub fn preset(&self) -> Preset {
        self.preset
    }

    /// Whether the preset has official data for `year` (`none` has none to
    /// lack: it is weekends only by definition).
    pub fn has_data(&self, year: i32) -> bool {
        self.preset == Preset::None || self.covered.contains(&year)
    }

    fn touch(&self, year: i32) {
        if !self.has_data(year) {
            self.missing.borrow_mut().insert(year);
        }
    }

    fn weekend_day(&self, d: NaiveDate) -> bool {
        self.weekend[d.weekday().num_days_from_monday() as usize]
    }

    /// Why `d` is, or is not, a working day.
    pub fn why(&self, d: NaiveDate) -> Why {
        self.touch(d.year());
        match self.special.get(&d) {
            Some(w) => *w,
            None if self.weekend_day(d) => Why::Weekend,
            None => Why::Weekday,
        }
    }

    pub fn is_workday(&self, d: NaiveDate) -> bool {
        self.why(d).is_workday()
    }

    /// The `n`-th working day after `from` (`from` itself does not count);
    /// `None` past the end of the calendar.
    pub fn add_workdays(&self, from: NaiveDate, n: u32) -> Option<NaiveDate> {
        let mut d = from;
        let mut left = n;
        while left > 0 {
            d = d.succ_opt()?;
            if self.is_workday(d) {
                left -= 1;
            }
        }
        Some(d)
    }

    /// Working days in `(after, upto]`: 0 when `upto` is not later. Counted
    /// by weeks, then corrected by the listed dates in the span, so a span of
    /// centuries costs no more than the dates listed in it.
    pub fn workdays_between(&self, after: NaiveDate, upto: NaiveDate) -> u32 {
        let Some(first) = after.succ_opt().filter(|f| *f <= upto) else { return 0 };
        for y in first.year()..=upto.year() {
            self.touch(y);
        }
        let total = (upto - after).num_days();
        let per_week = self.weekend.iter().filter(|w| !**w).count() as i64;
        let start = i64::from(first.weekday().num_days_from_monday());
        let rest = (0..total % 7).filter(|i| !self.weekend[((start + i) % 7) as usize]).count() as i64;
        let mut count = total / 7 * per_week + rest;
        for (d, why) in self.special.range(first..=upto) {
            count += i64::from(why.is_workday()) - i64::from(!self.weekend_day(*d));
        }
        u32::try_from(count.max(0)).unwrap_or(u32::MAX)
    }

    /// Years without official data that any question so far touched, sorted.
    pub fn years_without_data(&self) -> Vec<i32> {
        self.missing.borrow().iter().copied().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Weekday;

    fn d(s: &str) -> NaiveDate {
        crate::tabular::date::parse_iso(s).unwrap()
    }

    fn cn() -> Calendar {
        Calendar::new(&CalendarConfig::default())
    }

    /// SPEC 6.2's vectors.
    #[test]
    fn the_spec_vectors() {
        let c = cn();
        assert_eq!(c.add_workdays(d("2025-09-26"), 3), Some(d("2025-09-30")), "Sunday 09-28 is worked");
        assert_eq!(c.add_workdays(d("2025-09-30"), 3), Some(d("2025-10-11")), "10-01…10-08 off, Sat 10-11 worked");
        assert_eq!(c.add_workdays(d("2026-02-13"), 3), Some(d("2026-02-25")));
        assert!(c.years_without_data().is_empty());
    }

    #[test]
    fn weekdays_alone_get_the_national_day_wrong() {
        let none = Calendar::new(&CalendarConfig { preset: Preset::None, ..CalendarConfig::default() });
        assert_eq!(none.add_workdays(d("2025-09-30"), 3), Some(d("2025-10-03")));
        assert!(none.years_without_data().is_empty(), "`none` lacks nothing");
    }

    #[test]
    fn why_a_day_counts() {
        let c = cn();
        assert_eq!(c.why(d("2025-09-28")), Why::MakeUp("國慶節、中秋節"));
        assert_eq!(c.why(d("2025-10-08")), Why::Holiday("國慶節、中秋節"));
        assert_eq!(c.why(d("2025-10-12")), Why::Weekend);
        assert_eq!(c.why(d("2025-10-13")), Why::Weekday);
    }

    #[test]
    fn company_dates_win_over_the_preset() {
        let config = CalendarConfig {
            holidays: [d("2025-09-29")].into_iter().collect(),
            workdays: [d("2025-10-08")].into_iter().collect(),
            ..CalendarConfig::default()
        };
        let c = Calendar::new(&config);
        assert_eq!(c.why(d("2025-09-29")), Why::CompanyHoliday);
        assert_eq!(c.why(d("2025-10-08")), Why::CompanyWorkday);
        // 09-26 Fri → 09-28 Sun (1), 09-29 off, 09-30 (2), 10-08 (3).
        assert_eq!(c.add_workdays(d("2025-09-26"), 3), Some(d("2025-10-08")));
    }

    #[test]
    fn another_weekend() {
        let config = CalendarConfig {
            preset: Preset::None,
            weekend: [Weekday::Fri, Weekday::Sat].into_iter().collect(),
            ..CalendarConfig::default()
        };
        let c = Calendar::new(&config);
        // Thu 2026-01-01 → Sun 01-04 (1), Mon (2), Tue (3).
        assert_eq!(c.add_workdays(d("2026-01-01"), 3), Some(d("2026-01-06")));
    }

    #[test]
    fn a_year_without_data_is_remembered_once() {
        let c = cn();
        assert_eq!(c.add_workdays(d("2026-12-30"), 3), Some(d("2027-01-04")));
        assert_eq!(c.add_workdays(d("2027-03-01"), 3), Some(d("2027-03-04")));
        assert_eq!(c.years_without_data(), vec![2027]);
        c.workdays_between(d("2001-06-01"), d("2003-01-02"));
        assert_eq!(c.years_without_data(), vec![2001, 2002, 2003, 2027]);
    }

    #[test]
    fn a_span_that_starts_on_new_years_eve_does_not_touch_that_year() {
        let c = cn();
        c.workdays_between(d("2003-12-31"), d("2004-01-05"));
        assert!(c.years_without_data().is_empty());
    }

    /// The counting by weeks equals counting day by day, on every span of
    /// up to 40 days from every day of 2024–2027, and on long spans.
    #[test]
    fn counting_by_weeks_equals_counting_days() {
        let config = CalendarConfig {
            weekend: [Weekday::Sun].into_iter().collect(),
            holidays: [d("2025-03-05")].into_iter().collect(),
            workdays: [d("2025-10-05")].into_iter().collect(),
            ..CalendarConfig::default()
        };
        for c in [cn(), Calendar::new(&config)] {
            let slow = |a: NaiveDate, b: NaiveDate| {
                a.iter_days().skip(1).take_while(|x| *x <= b).filter(|x| c.is_workday(*x)).count() as u32
            };
            for a in d("2024-01-01").iter_days().take_while(|x| *x < d("2028-01-01")) {
                for n in [0, 1, 2, 6, 7, 8, 13, 40] {
                    let b = a + chrono::Days::new(n);
                    assert_eq!(c.workdays_between(a, b), slow(a, b), "{a}..{b}");
                }
            }
            assert_eq!(c.workdays_between(d("2003-05-17"), d("2027-02-03")), slow(d("2003-05-17"), d("2027-02-03")));
            assert_eq!(c.workdays_between(d("2025-10-11"), d("2025-10-01")), 0);
        }
    }

    /// `days` of a conflict resolved on its due date is N.
    #[test]
    fn days_to_the_due_date_is_n() {
        let c = cn();
        for a in d("2025-01-01").iter_days().take(400) {
            for n in 1..=5 {
                let due = c.add_workdays(a, n).unwrap();
                assert_eq!(c.workdays_between(a, due), n, "{a} + {n}");
            }
        }
    }
}
