/*!
Which periods the exports cover, to say so when a selection finds nothing
(`--period 2026-Q4` on a Q3 file, `--compare 2026-Q2` with no Q2 rows) and to
suggest one that would.

Coverage is kept as the set of quarters the rows' periods touch, plus the
overall span — a few dozen entries whatever the number of rows, and updated
once per distinct period cell, not per row.
*/

use std::collections::BTreeSet;

use chrono::Datelike;

use crate::tabular::period::{self, Period};

#[derive(Debug, Clone, Default)]
pub struct Coverage {
    quarters: BTreeSet<(i32, u32)>,
    span: Option<Period>,
    /// The period that ends last (then starts last).
    latest: Option<Period>,
}

impl Coverage {
    /// Notes a row's period.
    pub fn add(&mut self, p: Period) {
        self.span = Some(match self.span {
            Some(s) => Period { start: s.start.min(p.start), end: s.end.max(p.end) },
            None => p,
        });
        if self.latest.is_none_or(|l| (p.end, p.start) > (l.end, l.start)) {
            self.latest = Some(p);
        }
        let quarter = |d: chrono::NaiveDate| (d.year(), (d.month() - 1) / 3 + 1);
        let (mut y, mut q) = quarter(p.start);
        let last = quarter(p.end);
        // Bounded: a period is at most a few years of quarters.
        while (y, q) <= last && self.quarters.len() < 400 {
            self.quarters.insert((y, q));
            (y, q) = if q == 4 { (y + 1, 1) } else { (y, q + 1) };
        }
    }

    pub fn is_empty(&self) -> bool {
        self.span.is_none()
    }

    /// `2026-Q3 (2026-07-01 – 2026-09-30)`, or the quarters when few:
    /// `2026-Q2, 2026-Q3 (2026-04-01 – 2026-09-30)`.
    pub fn describe(&self) -> String {
        let Some(span) = self.span else { return "no dated rows".to_string() };
        let quarters: Vec<String> = self.quarters.iter().map(|(y, q)| format!("{y}-Q{q}")).collect();
        let named = if quarters.len() <= 6 {
            quarters.join(", ")
        } else {
            format!("{} quarters, {} to {}", quarters.len(), quarters[0], quarters[quarters.len() - 1])
        };
        format!("{named} ({} – {})", span.start, span.end)
    }

    /// A period that holds rows: the month or quarter covering them all,
    /// else the quarter (or year) of the latest row.
    pub fn suggest(&self) -> Option<Period> {
        let span = self.span?;
        if let Some(cover) = span.cover().filter(|c| !c.longer_than_a_quarter()) {
            return Some(cover);
        }
        let latest = self.latest?;
        let (y, m) = (latest.start.year(), latest.start.month());
        [format!("{y}-Q{}", (m - 1) / 3 + 1), format!("{y}")]
            .iter()
            .filter_map(|s| period::parse(s))
            .find(|p| p.contains(&latest))
            .or(span.cover())
            .or(Some(latest))
    }

    /// [`Coverage::describe`], or `None` without dated rows.
    pub fn covered(&self) -> Option<String> {
        self.span.map(|_| self.describe())
    }

    /// The sentence for a selection that found no row: what the exports
    /// cover and what to try.
    pub fn hint(&self) -> String {
        match self.suggest() {
            Some(p) => format!("the exports cover {}; try --period {p}", self.describe()),
            None => "the exports have no dated rows".to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Period {
        period::parse(s).unwrap()
    }

    #[test]
    fn a_quarter_of_months_suggests_the_quarter() {
        let mut c = Coverage::default();
        for m in ["2026-07", "2026-08", "2026-09"] {
            c.add(p(m));
        }
        assert_eq!(c.describe(), "2026-Q3 (2026-07-01 – 2026-09-30)");
        assert_eq!(c.suggest(), Some(p("2026-Q3")));
        assert_eq!(c.hint(), "the exports cover 2026-Q3 (2026-07-01 – 2026-09-30); try --period 2026-Q3");
    }

    #[test]
    fn two_quarters_suggest_the_latest() {
        let mut c = Coverage::default();
        c.add(p("2026-05-12"));
        c.add(p("2026-08"));
        assert_eq!(c.describe(), "2026-Q2, 2026-Q3 (2026-05-12 – 2026-08-31)");
        assert_eq!(c.suggest(), Some(p("2026-Q3")));
    }

    #[test]
    fn one_month_suggests_the_month_and_a_year_spans_four_quarters() {
        let mut c = Coverage::default();
        c.add(p("2026-07-03"));
        c.add(p("2026-07-28"));
        assert_eq!(c.suggest(), Some(p("2026-07")));
        let mut y = Coverage::default();
        y.add(p("2025"));
        assert_eq!(y.describe(), "2025-Q1, 2025-Q2, 2025-Q3, 2025-Q4 (2025-01-01 – 2025-12-31)");
        assert_eq!(y.suggest(), Some(p("2025")), "a period that holds the rows");
        let mut across = Coverage::default();
        across.add(p("2025-11"));
        across.add(p("2026-02"));
        assert_eq!(across.suggest(), Some(p("2026-Q1")));
    }
}
