/*!
Row accounting (SPEC 3.2, 6): every row read is used or skipped, each
skipped row and each problem cell counted with its reason and listed with
`file:line` (the first [`LISTED`] of each reason).

A name that means nothing (an unknown role or metric) or two things (an
ambiguous one) is reported once per distinct name, with how many rows name
it, where it first appears and what it may have meant — not once per row.
Memory stays bounded by what is kept: at most [`MAX_NAMES`] distinct names
(per reason)
are listed, the rest only counted.
*/

use std::collections::{BTreeMap, HashMap};

use crate::diag::Code;
use crate::source::Location;

/// How many problems of each reason are listed (all are counted).
pub const LISTED: usize = 20;
/// How many distinct unknown or ambiguous names are listed.
pub const MAX_NAMES: usize = 1000;
/// How many rows of each listed name are kept.
const NAME_LINES: usize = 3;

/// One problem, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub code: Code,
    pub loc: Location,
    pub detail: String,
    /// A problem in a cell of a row that was still used (wide layout).
    pub in_used_row: bool,
}

/// A name that is unknown or ambiguous, with every row that used it counted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameProblem {
    pub code: Code,
    /// What the name is (`role`, `metric of process-manager` …).
    pub what: String,
    pub name: String,
    pub count: u64,
    /// The first rows that name it.
    pub first: Vec<Location>,
    /// For an unknown name: the nearest known one. For an ambiguous one:
    /// the candidates.
    pub hint: Vec<String>,
}

#[derive(Debug, Clone, Default)]
pub struct Rows {
    pub read: u64,
    pub used: u64,
    pub skipped: u64,
    pub skipped_by_reason: BTreeMap<Code, u64>,
    /// Problems of every kind, counted (skipped rows and cells of used rows).
    pub problems_by_reason: BTreeMap<Code, u64>,
    /// The first [`LISTED`] problems of each reason (names excepted).
    pub listed: Vec<Problem>,
    /// Distinct unknown or ambiguous names, in order of first appearance.
    pub names: Vec<NameProblem>,
    name_index: HashMap<(Code, String, String), usize>,
    /// Distinct names kept, per reason.
    names_kept: BTreeMap<Code, usize>,
    /// Rows whose name came after [`MAX_NAMES`] distinct ones of its reason:
    /// counted in their reason, their names not kept.
    pub names_not_listed: BTreeMap<Code, u64>,
    /// Non-empty wide-layout cells for a metric the row's role has no KPI for.
    pub ignored_cells: u64,
}

impl Rows {
    /// Counts a problem; lists it if it is among the first of its reason.
    pub fn problem(&mut self, code: Code, loc: Location, detail: String, in_used_row: bool) {
        let n = self.problems_by_reason.entry(code).or_default();
        *n += 1;
        if *n as usize <= LISTED {
            self.listed.push(Problem { code, loc, detail, in_used_row });
        }
    }

    /// A row skipped for `code`.
    pub fn skip(&mut self, code: Code, loc: Location, detail: String) {
        self.skipped += 1;
        *self.skipped_by_reason.entry(code).or_default() += 1;
        self.problem(code, loc, detail, false);
    }

    /// A row skipped because of a name; `hint` is asked for once per name.
    pub fn skip_name(&mut self, code: Code, what: &str, name: &str, loc: Location, hint: impl FnOnce() -> Vec<String>) {
        self.skipped += 1;
        *self.skipped_by_reason.entry(code).or_default() += 1;
        self.name_problem(code, what, name, loc, hint);
    }

    /// A cell of a used row whose name is unknown or ambiguous.
    pub fn name_problem(
        &mut self,
        code: Code,
        what: &str,
        name: &str,
        loc: Location,
        hint: impl FnOnce() -> Vec<String>,
    ) {
        *self.problems_by_reason.entry(code).or_default() += 1;
        let key = (code, what.to_string(), name.to_string());
        match self.name_index.get(&key) {
            Some(&i) => {
                let p = &mut self.names[i];
                p.count += 1;
                if p.first.len() < NAME_LINES {
                    p.first.push(loc);
                }
            }
            None if self.names_kept.get(&code).copied().unwrap_or(0) < MAX_NAMES => {
                *self.names_kept.entry(code).or_default() += 1;
                self.name_index.insert(key, self.names.len());
                self.names.push(NameProblem {
                    code,
                    what: what.to_string(),
                    name: name.to_string(),
                    count: 1,
                    first: vec![loc],
                    hint: hint(),
                });
            }
            None => *self.names_not_listed.entry(code).or_default() += 1,
        }
    }

    /// `n` rows counted as used turn out to give nothing after all (a ratio
    /// whose denominator summed to zero): they become skipped for `code`.
    pub fn reclassify_used(&mut self, code: Code, n: u64, first: Vec<Location>, detail: &str) {
        let n = n.min(self.used);
        self.used -= n;
        self.skipped += n;
        *self.skipped_by_reason.entry(code).or_default() += n;
        let count = self.problems_by_reason.entry(code).or_default();
        let listed_before = (*count as usize).min(LISTED);
        *count += n;
        for loc in first.into_iter().take(LISTED - listed_before) {
            self.listed.push(Problem { code, loc, detail: detail.to_string(), in_used_row: false });
        }
    }

    /// Whether `--strict` fails: bad values, unknown or ambiguous names.
    pub fn strict_failure(&self) -> bool {
        self.problems_by_reason.keys().any(|c| is_strict(*c))
    }
}

/// The problems `--strict` fails on.
pub fn is_strict(code: Code) -> bool {
    matches!(code, Code::BadValue | Code::UnknownMetric | Code::UnknownRole | Code::AmbiguousName)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Sources;

    #[test]
    fn a_name_is_reported_once_with_its_count() {
        let mut s = Sources::default();
        let f = s.add_table("q3.csv".into());
        let mut rows = Rows::default();
        let mut asked = 0;
        for line in 2..30 {
            rows.skip_name(Code::UnknownMetric, "metric", "customer_complaints", Location::row(f, line), || {
                asked += 1;
                vec!["complaints".into()]
            });
        }
        assert_eq!(asked, 1);
        assert_eq!(rows.names.len(), 1);
        assert_eq!(rows.names[0].count, 28);
        assert_eq!(rows.names[0].first.len(), 3);
        assert_eq!(rows.skipped_by_reason[&Code::UnknownMetric], 28);
        assert!(rows.strict_failure());
    }

    #[test]
    fn distinct_junk_names_are_bounded() {
        let mut s = Sources::default();
        let f = s.add_table("junk.csv".into());
        let mut rows = Rows::default();
        for i in 0..(MAX_NAMES as u64 + 500) {
            rows.skip_name(Code::UnknownMetric, "metric", &format!("m{i}"), Location::row(f, i + 2), Vec::new);
        }
        assert_eq!(rows.names.len(), MAX_NAMES);
        assert_eq!(rows.names_not_listed[&Code::UnknownMetric], 500);
        assert_eq!(rows.skipped, MAX_NAMES as u64 + 500);
        // Another reason has a cap of its own: its first name is kept.
        rows.skip_name(Code::UnknownRole, "role", "r", Location::row(f, 2000), Vec::new);
        assert_eq!(rows.names.last().map(|n| n.name.as_str()), Some("r"));
    }
}
