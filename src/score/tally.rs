/*!
Accumulators: one small slot per (entity, KPI) in dense arrays indexed by
small integer ids, so memory grows with people × KPIs and never with rows
(SPEC 3.5: 833,340 person × KPI groups in well under 100 MB).

A slot keeps only what its KPI's aggregate needs — a sum and a count, a
minimum, a maximum, or the latest value with where it stands — in 36 bytes.
A ratio KPI has a second slot for its summed numerator and denominator (its
first slot takes ready-made ratios named by the KPI's id or title). The
comparison period's slots exist only when `--compare` is given.
*/

use chrono::{Datelike, NaiveDate};
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

impl LastKey {
    /// The key as one number that orders the same way: end, start (days,
    /// 0 for none), file (16 bits), line (48 bits).
    fn pack(self) -> u128 {
        let day = |d: Option<NaiveDate>| d.map_or(0u128, |d| (d.num_days_from_ce() as u32 as u128) + 1);
        (day(self.end) << 96)
            | (day(self.start) << 64)
            | ((u128::from(self.file.min(0xFFFF))) << 48)
            | u128::from(self.line.min((1 << 48) - 1))
    }
}

/// One accumulator slot.
#[derive(Debug, Clone, Copy, Default)]
pub struct Acc {
    /// Sum, minimum, maximum or latest value; a ratio's numerator.
    a: Decimal,
    /// A ratio's denominator (decimal bytes), or the packed [`LastKey`] of
    /// the latest value.
    b: [u8; 16],
    /// Values (or ratio parts) added.
    n: u32,
}

/// `a + v`, exact. Values of one export mostly have one scale: then the sum
/// is an integer addition of the mantissas, a fraction of a general decimal
/// addition on the path of every row.
#[inline]
fn add(a: Decimal, v: Decimal) -> Decimal {
    if a.scale() == v.scale() {
        if let Ok(sum) = Decimal::try_from_i128_with_scale(a.mantissa() + v.mantissa(), a.scale()) {
            return sum;
        }
    }
    a + v
}

impl Acc {
    /// Adds a value; only what `aggregate` needs is kept.
    #[inline]
    pub fn add_value(&mut self, v: Decimal, key: LastKey, aggregate: Aggregate) {
        let first = self.n == 0;
        self.n += 1;
        match aggregate {
            Aggregate::Sum | Aggregate::Mean => self.a = add(self.a, v),
            Aggregate::Min => {
                if first || v < self.a {
                    self.a = v;
                }
            }
            Aggregate::Max => {
                if first || v > self.a {
                    self.a = v;
                }
            }
            Aggregate::Last => {
                let k = key.pack();
                if first || k >= u128::from_le_bytes(self.b) {
                    self.a = v;
                    self.b = k.to_le_bytes();
                }
            }
        }
    }

    /// Adds a ratio's numerator or denominator.
    #[inline]
    pub fn add_part(&mut self, part: Part, v: Decimal) {
        self.n += 1;
        match part {
            Part::Denominator => self.b = add(Decimal::deserialize(self.b), v).serialize(),
            _ => self.a = add(self.a, v),
        }
    }

    /// The aggregate of the values added, if any.
    fn aggregate(&self, aggregate: Aggregate) -> Option<Decimal> {
        (self.n > 0).then(|| match aggregate {
            Aggregate::Mean => self.a / Decimal::from(self.n),
            _ => self.a,
        })
    }

    /// Σ numerator and Σ denominator, if any part was added.
    fn parts(&self) -> Option<(Decimal, Decimal)> {
        (self.n > 0).then(|| (self.a, Decimal::deserialize(self.b)))
    }
}

/// A KPI's value over the period, from its slots.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KpiValue {
    pub value: Option<Decimal>,
    /// For a ratio from its parts: (Σ numerator, Σ denominator).
    pub parts: Option<(Decimal, Decimal)>,
}

impl KpiValue {
    /// Whether the value is a ratio whose denominator summed to zero (or so
    /// near zero that the quotient is beyond any value a KPI can have).
    pub fn zero_denominator(&self) -> bool {
        self.parts.is_some() && self.value.is_none()
    }
}

/// The value of KPI `k` from its slots (`parts` only for a ratio KPI).
fn kpi_value(values: &Acc, parts: Option<&Acc>, k: &KpiPlan) -> KpiValue {
    if let Some((num, den)) = parts.and_then(Acc::parts) {
        // A denominator near zero can make the quotient unrepresentable:
        // then the ratio has no value (reported like a zero denominator).
        let value = (!den.is_zero())
            .then(|| num.checked_div(den))
            .flatten()
            .and_then(|r| if k.unit == Unit::Percent { r.checked_mul(Decimal::ONE_HUNDRED) } else { Some(r) })
            .filter(|r| r.abs() <= crate::decimal::MAX_VALUE);
        return KpiValue { value, parts: Some((num, den)) };
    }
    KpiValue { value: values.aggregate(k.aggregate), parts: None }
}

/// Who a scorecard is for: a person in a role, or a whole role (an export
/// without a person column, scored with `--by role`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entity {
    pub person: Option<u32>,
    pub role: u32,
}

/// A person: the key they are known by (their number when the export has
/// one, else their name) and, with a number, their name.
#[derive(Debug, Clone)]
pub struct Person {
    pub key: Box<str>,
    pub name: Option<Box<str>>,
}

impl Person {
    /// As shown: `張偉 (E001)`, or the one of the two there is.
    pub fn label(&self) -> String {
        match &self.name {
            Some(n) if !n.is_empty() => format!("{n} ({})", self.key),
            _ => self.key.to_string(),
        }
    }
}

#[derive(Debug, Default)]
pub struct Tally {
    pub entities: Vec<Entity>,
    /// A person's first entity (most people have one role): found without
    /// hashing. Other (person, role) pairs, and roles as a whole, in `index`.
    by_person: Vec<u32>,
    index: FxHashMap<(u32, u32), u32>,
    person_ids: FxHashMap<Box<str>, u32>,
    pub persons: Vec<Person>,
    stride: usize,
    main: Vec<Acc>,
    compare: Option<Vec<Acc>>,
    /// Rows of each entity in the scored period (used or not).
    pub main_rows: Vec<u32>,
}

impl Tally {
    /// A tally of `stride` slots per entity (the most any role needs), with
    /// comparison slots when `compare`.
    pub fn new(stride: usize, compare: bool) -> Self {
        Tally { stride: stride.max(1), compare: compare.then(Vec::new), ..Tally::default() }
    }

    /// Whether the compared period is tallied.
    pub fn has_compare(&self) -> bool {
        self.compare.is_some()
    }

    /// The id of a person by key (already trimmed and valid UTF-8); `name`
    /// is their name when the key is a number (the first one seen is kept).
    pub fn person(&mut self, key: &str, name: Option<&str>) -> u32 {
        if let Some(&id) = self.person_ids.get(key) {
            return id;
        }
        let id = self.persons.len() as u32;
        self.persons.push(Person { key: key.into(), name: name.map(Into::into) });
        self.person_ids.insert(key.into(), id);
        id
    }

    /// The entity of `person` (or of the role as a whole) in `role`.
    pub fn entity(&mut self, person: Option<u32>, role: usize) -> usize {
        let first = person.and_then(|p| self.by_person.get(p as usize)).copied().filter(|&e| e != u32::MAX);
        if let Some(e) = first.filter(|&e| self.entities[e as usize].role == role as u32) {
            return e as usize;
        }
        let key = (person.unwrap_or(u32::MAX), role as u32);
        if first.is_some() || person.is_none() {
            if let Some(&e) = self.index.get(&key) {
                return e as usize;
            }
        }
        let e = self.entities.len();
        self.entities.push(Entity { person, role: role as u32 });
        match person {
            Some(p) if first.is_none() => {
                if self.by_person.len() <= p as usize {
                    self.by_person.resize(p as usize + 1, u32::MAX);
                }
                self.by_person[p as usize] = e as u32;
            }
            _ => {
                self.index.insert(key, e as u32);
            }
        }
        self.main_rows.push(0);
        let len = self.entities.len() * self.stride;
        self.main.resize(len, Acc::default());
        if let Some(c) = &mut self.compare {
            c.resize(len, Acc::default());
        }
        e
    }

    /// The slot `slot` of `entity` in the scored (or compared) period.
    #[inline]
    pub fn slot(&mut self, compare: bool, entity: usize, slot: usize) -> &mut Acc {
        let i = entity * self.stride + slot;
        match (&mut self.compare, compare) {
            (Some(c), true) => &mut c[i],
            _ => &mut self.main[i],
        }
    }

    /// KPI `k`'s value for `entity` in the scored (or compared) period.
    pub fn value(&self, compare: bool, entity: usize, k: &KpiPlan) -> KpiValue {
        let accs = match (&self.compare, compare) {
            (Some(c), true) => c,
            (None, true) => return KpiValue { value: None, parts: None },
            _ => &self.main,
        };
        let base = entity * self.stride;
        kpi_value(&accs[base + k.slot], k.parts_slot.map(|s| &accs[base + s]), k)
    }

    /// The label of an entity's person, if it has one.
    pub fn person_label(&self, entity: usize) -> Option<String> {
        self.entities[entity].person.map(|p| self.persons[p as usize].label())
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
            ratio: ratio.then(|| ("n".to_string(), "d".to_string())),
            slot: 0,
            parts_slot: ratio.then_some(1),
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
                a.add_value(d(v), key(m, l), agg);
            }
            kpi_value(&a, None, &kpi(agg, false, Unit::Score)).value
        };
        assert_eq!(value(Aggregate::Sum), Some(d("12")));
        assert_eq!(value(Aggregate::Mean), Some(d("4")));
        assert_eq!(value(Aggregate::Min), Some(d("3")));
        assert_eq!(value(Aggregate::Max), Some(d("5")));
        // `last` is the latest period (September), not the last row.
        assert_eq!(value(Aggregate::Last), Some(d("3")));
    }

    #[test]
    fn negative_minimum_and_maximum_start_from_the_first_value() {
        let mut min = Acc::default();
        let mut max = Acc::default();
        for v in ["-3", "-7", "-5"] {
            min.add_value(d(v), key(7, 1), Aggregate::Min);
            max.add_value(d(v), key(7, 1), Aggregate::Max);
        }
        assert_eq!(min.aggregate(Aggregate::Min), Some(d("-7")));
        assert_eq!(max.aggregate(Aggregate::Max), Some(d("-3")));
    }

    #[test]
    fn last_breaks_period_ties_by_file_position() {
        let mut a = Acc::default();
        a.add_value(d("1"), key(9, 10), Aggregate::Last);
        a.add_value(d("2"), key(9, 5), Aggregate::Last);
        assert_eq!(a.aggregate(Aggregate::Last), Some(d("1")));
        // A later file outranks an earlier line; a later start a later file.
        let k = |end: u32, start: u32, file: u32, line: u64| LastKey {
            end: NaiveDate::from_ymd_opt(2026, end, 1),
            start: NaiveDate::from_ymd_opt(2026, start, 1),
            file,
            line,
        };
        assert!(k(9, 7, 0, 900).pack() < k(9, 7, 1, 2).pack());
        assert!(k(9, 7, 5, 900).pack() < k(9, 8, 0, 2).pack());
        assert!(k(8, 8, 5, 900).pack() < k(9, 1, 0, 2).pack());
        let none = LastKey { end: None, start: None, file: 0, line: 3 };
        assert!(none.pack() < k(1, 1, 0, 1).pack());
    }

    #[test]
    fn ratio_sums_numerator_and_denominator() {
        let (mut v, mut p) = (Acc::default(), Acc::default());
        p.add_part(Part::Numerator, d("12"));
        p.add_part(Part::Denominator, d("160"));
        p.add_part(Part::Numerator, d("8"));
        p.add_part(Part::Denominator, d("160"));
        // (12 + 8) / (160 + 160) = 6.25 %
        let pct = kpi_value(&v, Some(&p), &kpi(Aggregate::Mean, true, Unit::Percent));
        assert_eq!(pct, KpiValue { value: Some(d("6.25")), parts: Some((d("20"), d("320"))) });
        assert_eq!(kpi_value(&v, Some(&p), &kpi(Aggregate::Mean, true, Unit::Ratio)).value, Some(d("0.0625")));
        let mut z = Acc::default();
        z.add_part(Part::Numerator, d("3"));
        z.add_part(Part::Denominator, d("0"));
        let zero = kpi_value(&v, Some(&z), &kpi(Aggregate::Mean, true, Unit::Percent));
        assert!(zero.zero_denominator() && zero.value.is_none());
        // Without parts, ready-made ratios are aggregated like any value.
        v.add_value(d("7"), key(7, 1), Aggregate::Mean);
        v.add_value(d("9"), key(8, 1), Aggregate::Mean);
        let ready = kpi_value(&v, Some(&Acc::default()), &kpi(Aggregate::Mean, true, Unit::Percent));
        assert_eq!(ready, KpiValue { value: Some(d("8")), parts: None });
    }

    #[test]
    fn sums_are_exact_whatever_the_scales() {
        let cases =
            [("1.25", "2.5"), ("0.1", "0.2"), ("-3.75", "1.25"), ("79228162514264337593543950", "3"), ("7", "-7")];
        for (a, b) in cases {
            assert_eq!(add(d(a), d(b)), d(a) + d(b), "{a} + {b}");
        }
        // Past 96 bits of mantissa the general addition rescales.
        let big = Decimal::from_i128_with_scale(79_228_162_514_264_337_593_543_950_000, 2);
        assert_eq!(add(big, d("999.99")), big + d("999.99"));
    }

    #[test]
    fn a_slot_is_small() {
        assert!(std::mem::size_of::<Acc>() <= 36, "{}", std::mem::size_of::<Acc>());
    }

    #[test]
    fn a_person_in_two_roles_has_two_entities() {
        let mut t = Tally::new(1, false);
        let p = t.person("張偉", None);
        let q = t.person("李娜", None);
        let a = t.entity(Some(p), 1);
        let b = t.entity(Some(p), 2);
        let c = t.entity(Some(q), 1);
        let whole = t.entity(None, 1);
        assert_eq!(vec![a, b, c, whole], vec![0, 1, 2, 3]);
        assert_eq!((t.entity(Some(p), 2), t.entity(Some(p), 1), t.entity(None, 1)), (b, a, whole));
        assert_eq!(t.entity(Some(q), 1), c);
        assert_eq!(t.entities[b], Entity { person: Some(p), role: 2 });
    }

    #[test]
    fn people_with_numbers_show_both() {
        let mut t = Tally::new(1, false);
        let p = t.person("E001", Some("張偉"));
        assert_eq!(t.person("E001", Some("張伟")), p, "the number is the key");
        let e = t.entity(Some(p), 0);
        assert_eq!(t.person_label(e).as_deref(), Some("張偉 (E001)"));
        let q = t.person("李娜", None);
        assert_eq!(t.persons[q as usize].label(), "李娜");
    }
}
