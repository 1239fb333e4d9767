/*!
Accumulators: one per (entity, KPI), in dense arrays indexed by small integer
ids, so memory grows with people × KPIs and never with rows.
*/

use chrono::NaiveDate;
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;

use crate::model::{Aggregate, Unit};
use crate::score::plan::{KpiPlan, Part};

/// Where a value stands for `last`: latest period end, then latest start,
/// then later file position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct LastKey {
    pub end: Option<NaiveDate>,
    pub start: Option<NaiveDate>,
    pub file: u32,
    pub line: u64,
}

/// How many line numbers of rows a ratio accumulator keeps, to list them if
/// its denominator ends at zero.
const KEEP_LINES: usize = 20;

#[derive(Debug, Clone, Default)]
pub struct Acc {
    pub n: u32,
    pub sum: Decimal,
    pub min: Option<Decimal>,
    pub max: Option<Decimal>,
    pub last: Option<(LastKey, Decimal)>,
    pub num: Decimal,
    pub den: Decimal,
    pub n_ratio: u32,
    /// Rows whose only use was this ratio (they become `zero-denominator`
    /// rows when the denominator sums to zero).
    pub ratio_rows: u32,
    pub ratio_lines: Vec<(u32, u64)>,
}

impl Acc {
    /// Adds a value; only what `aggregate` needs is kept up to date.
    #[inline]
    pub fn add(&mut self, part: Part, v: Decimal, key: LastKey, aggregate: Aggregate) {
        match part {
            Part::Value => {
                self.n += 1;
                match aggregate {
                    Aggregate::Sum | Aggregate::Mean => self.sum += v,
                    Aggregate::Min => self.min = Some(self.min.map_or(v, |m| m.min(v))),
                    Aggregate::Max => self.max = Some(self.max.map_or(v, |m| m.max(v))),
                    Aggregate::Last => {
                        if self.last.is_none_or(|(k, _)| key >= k) {
                            self.last = Some((key, v));
                        }
                    }
                }
            }
            Part::Numerator => {
                self.num += v;
                self.n_ratio += 1;
            }
            Part::Denominator => {
                self.den += v;
                self.n_ratio += 1;
            }
        }
    }

    pub fn note_ratio_row(&mut self, file: u32, line: u64) {
        self.ratio_rows += 1;
        if self.ratio_lines.len() < KEEP_LINES {
            self.ratio_lines.push((file, line));
        }
    }

    /// Whether the value is a ratio whose denominator summed to zero (or so
    /// near zero that the quotient is beyond any value a KPI can have).
    pub fn zero_denominator(&self, k: &KpiPlan) -> bool {
        k.ratio && self.n_ratio > 0 && self.value(k).is_none()
    }

    /// The KPI's value over the period, if it has one.
    pub fn value(&self, k: &KpiPlan) -> Option<Decimal> {
        if k.ratio && self.n_ratio > 0 {
            if self.den.is_zero() {
                return None;
            }
            // A denominator near zero can make the quotient unrepresentable:
            // then the ratio has no value (reported like a zero denominator).
            let r = self.num.checked_div(self.den)?;
            let r = if k.unit == Unit::Percent { r.checked_mul(Decimal::ONE_HUNDRED)? } else { r };
            return (r.abs() <= crate::decimal::MAX_VALUE).then_some(r);
        }
        if self.n == 0 {
            return None;
        }
        Some(match k.aggregate {
            Aggregate::Sum => self.sum,
            Aggregate::Mean => self.sum / Decimal::from(self.n),
            Aggregate::Min => self.min.unwrap_or_default(),
            Aggregate::Max => self.max.unwrap_or_default(),
            Aggregate::Last => self.last.map(|(_, v)| v).unwrap_or_default(),
        })
    }
}

/// Who a scorecard is for: a person in a role, or a whole role (`--by role`,
/// or an export without a person column).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Entity {
    pub person: Option<String>,
    pub role: usize,
}

#[derive(Debug, Default)]
pub struct Tally {
    pub entities: Vec<Entity>,
    index: FxHashMap<(u32, u32), u32>,
    persons: FxHashMap<Box<[u8]>, u32>,
    person_names: Vec<String>,
    stride: usize,
    pub main: Vec<Acc>,
    pub compare: Vec<Acc>,
    /// Rows of each entity in the scored period (used or not).
    pub main_rows: Vec<u64>,
}

impl Tally {
    pub fn new(stride: usize) -> Self {
        Tally { stride: stride.max(1), ..Tally::default() }
    }

    /// The id of a person's name (already trimmed and valid UTF-8).
    pub fn person(&mut self, name: &str) -> u32 {
        if let Some(&id) = self.persons.get(name.as_bytes()) {
            return id;
        }
        let id = self.person_names.len() as u32;
        self.person_names.push(name.to_string());
        self.persons.insert(name.as_bytes().into(), id);
        id
    }

    /// The entity of `person` (or of the role as a whole) in `role`.
    pub fn entity(&mut self, person: Option<u32>, role: usize) -> usize {
        let key = (person.unwrap_or(u32::MAX), role as u32);
        if let Some(&e) = self.index.get(&key) {
            return e as usize;
        }
        let e = self.entities.len();
        self.entities.push(Entity { person: person.map(|p| self.person_names[p as usize].clone()), role });
        self.index.insert(key, e as u32);
        self.main_rows.push(0);
        self.main.resize(self.entities.len() * self.stride, Acc::default());
        self.compare.resize(self.entities.len() * self.stride, Acc::default());
        e
    }

    pub fn acc(&mut self, compare: bool, entity: usize, kpi: usize) -> &mut Acc {
        let i = entity * self.stride + kpi;
        if compare {
            &mut self.compare[i]
        } else {
            &mut self.main[i]
        }
    }

    pub fn get(&self, compare: bool, entity: usize, kpi: usize) -> &Acc {
        let i = entity * self.stride + kpi;
        if compare {
            &self.compare[i]
        } else {
            &self.main[i]
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::score::formula::Anchors;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn kpi(aggregate: Aggregate, ratio: bool, unit: Unit) -> KpiPlan {
        KpiPlan {
            id: "k".into(),
            title: "k".into(),
            metric: "m".into(),
            unit,
            anchors: Anchors::Higher { threshold: None, target: d("1"), stretch: None },
            weight: d("100"),
            aggregate,
            ratio,
        }
    }

    fn key(month: u32, line: u64) -> LastKey {
        let start = NaiveDate::from_ymd_opt(2026, month, 1);
        LastKey { end: start, start, file: 0, line }
    }

    #[test]
    fn aggregates() {
        // July 5, August 4, September 3, in file order Sep, Jul, Aug.
        let rows = [("3", 9, 2), ("5", 7, 3), ("4", 8, 4)];
        let value = |agg: Aggregate| {
            let mut a = Acc::default();
            for (v, m, l) in rows {
                a.add(Part::Value, d(v), key(m, l), agg);
            }
            a.value(&kpi(agg, false, Unit::Score))
        };
        assert_eq!(value(Aggregate::Sum), Some(d("12")));
        assert_eq!(value(Aggregate::Mean), Some(d("4")));
        assert_eq!(value(Aggregate::Min), Some(d("3")));
        assert_eq!(value(Aggregate::Max), Some(d("5")));
        // `last` is the latest period (September), not the last row.
        assert_eq!(value(Aggregate::Last), Some(d("3")));
    }

    #[test]
    fn last_breaks_period_ties_by_file_position() {
        let mut a = Acc::default();
        a.add(Part::Value, d("1"), key(9, 10), Aggregate::Last);
        a.add(Part::Value, d("2"), key(9, 5), Aggregate::Last);
        assert_eq!(a.value(&kpi(Aggregate::Last, false, Unit::Score)), Some(d("1")));
    }

    #[test]
    fn ratio_sums_numerator_and_denominator() {
        let mut a = Acc::default();
        a.add(Part::Numerator, d("12"), key(7, 1), Aggregate::Mean);
        a.add(Part::Denominator, d("160"), key(7, 2), Aggregate::Mean);
        a.add(Part::Numerator, d("8"), key(8, 3), Aggregate::Mean);
        a.add(Part::Denominator, d("160"), key(8, 4), Aggregate::Mean);
        // (12 + 8) / (160 + 160) = 6.25 %
        assert_eq!(a.value(&kpi(Aggregate::Mean, true, Unit::Percent)), Some(d("6.25")));
        assert_eq!(a.value(&kpi(Aggregate::Mean, true, Unit::Ratio)), Some(d("0.0625")));
        let mut z = Acc::default();
        z.add(Part::Numerator, d("3"), key(7, 1), Aggregate::Mean);
        z.add(Part::Denominator, d("0"), key(7, 2), Aggregate::Mean);
        assert_eq!(z.value(&kpi(Aggregate::Mean, true, Unit::Percent)), None);
        assert!(z.zero_denominator(&kpi(Aggregate::Mean, true, Unit::Percent)));
    }
}
