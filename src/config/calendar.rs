/*!
`calendar:` — which days are working days, for "resolved within N working
days" (SPEC 6.2): a preset of official holidays and make-up workdays (`cn`,
the mainland's State Council calendar, or `none`), the weekend, and dates the
company adds either way. A date listed both as holiday and as workday, or a
weekend of all seven days (no working day would ever come), is an error.
*/

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_saphyr::Spanned;

use super::Checker;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Preset {
    /// The mainland's official holidays and 調休 workdays, for the years shipped.
    Cn,
    /// Weekends and the configured dates only.
    None,
}

crate::display_by_serde_name!(Preset);

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Weekday {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

crate::display_by_serde_name!(Weekday);

impl Weekday {
    pub fn to_chrono(self) -> chrono::Weekday {
        match self {
            Weekday::Mon => chrono::Weekday::Mon,
            Weekday::Tue => chrono::Weekday::Tue,
            Weekday::Wed => chrono::Weekday::Wed,
            Weekday::Thu => chrono::Weekday::Thu,
            Weekday::Fri => chrono::Weekday::Fri,
            Weekday::Sat => chrono::Weekday::Sat,
            Weekday::Sun => chrono::Weekday::Sun,
        }
    }
}

/// `calendar:` validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarConfig {
    pub preset: Preset,
    pub weekend: BTreeSet<Weekday>,
    /// Dates off, on any weekday.
    pub holidays: BTreeSet<NaiveDate>,
    /// Dates worked, on any day.
    pub workdays: BTreeSet<NaiveDate>,
}

impl Default for CalendarConfig {
    fn default() -> Self {
        CalendarConfig {
            preset: Preset::Cn,
            weekend: [Weekday::Sat, Weekday::Sun].into_iter().collect(),
            holidays: BTreeSet::new(),
            workdays: BTreeSet::new(),
        }
    }
}

#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct RawCalendar {
    #[serde(default)]
    #[schemars(with = "Option<Preset>")]
    preset: Option<Spanned<Preset>>,
    #[serde(default)]
    #[schemars(with = "Option<Vec<Weekday>>")]
    weekend: Option<Spanned<Vec<Spanned<Weekday>>>>,
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    holidays: Vec<Spanned<String>>,
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    workdays: Vec<Spanned<String>>,
}

pub(super) fn validate(raw: &Spanned<RawCalendar>, c: &mut Checker) -> CalendarConfig {
    let r = &raw.value;
    let mut out = CalendarConfig::default();
    if let Some(p) = &r.preset {
        out.preset = p.value;
    }
    if let Some(w) = &r.weekend {
        out.weekend = w.value.iter().map(|d| d.value).collect();
        if out.weekend.len() == 7 {
            c.error(&w.referenced, "a weekend of all seven days leaves no working day", "");
        }
    }
    for d in &r.holidays {
        if let Some(date) = c.date(d, "a holiday") {
            out.holidays.insert(date);
        }
    }
    for d in &r.workdays {
        if let Some(date) = c.date(d, "a workday") {
            if out.holidays.contains(&date) {
                c.error(&d.referenced, format!("{date} is listed both as a holiday and as a workday"), "");
            }
            out.workdays.insert(date);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::tests::{parse, problems};
    use super::*;

    #[test]
    fn dates_and_overrides() {
        let c = parse(
            "calendar:\n  preset: none\n  weekend: [fri, sat]\n  holidays: [2026-12-24]\n  workdays: ['2026-12-26']\n",
        );
        assert_eq!(c.calendar.preset, Preset::None);
        assert_eq!(c.calendar.weekend.iter().map(|d| d.to_string()).collect::<Vec<_>>(), ["fri", "sat"]);
        assert_eq!(c.calendar.holidays.len(), 1);
        assert_eq!(c.calendar.workdays.len(), 1);
    }

    #[test]
    fn unusable_calendars_are_errors() {
        let p = problems("calendar:\n  weekend: [mon, tue, wed, thu, fri, sat, sun]\n  holidays: [2026-10-01, 10/2]\n  workdays: [2026-10-01]\n");
        assert_eq!(p.len(), 3, "{p:?}");
        assert!(p[0].starts_with("2: a weekend of all seven days"), "{p:?}");
        assert!(p[1].starts_with("3: a holiday must be a date"), "{p:?}");
        assert!(p[2].starts_with("4: 2026-10-01 is listed both"), "{p:?}");
    }

    #[test]
    fn an_unknown_preset_is_refused() {
        assert_eq!(problems("calendar:\n  preset: tw\n").len(), 1);
    }
}
