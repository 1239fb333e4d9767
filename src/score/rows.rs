/*!
Row accounting (SPEC 3.2): every row read is used or skipped, each skipped
row and each problem cell listed with its reason and `file:line`.
*/

use std::collections::BTreeMap;
use std::fmt;

/// Why a row was skipped, or a cell not used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Reason {
    MissingValue,
    BadValue,
    UnknownMetric,
    UnknownRole,
    OutsidePeriod,
    ZeroDenominator,
}

impl Reason {
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::MissingValue => "missing-value",
            Reason::BadValue => "bad-value",
            Reason::UnknownMetric => "unknown-metric",
            Reason::UnknownRole => "unknown-role",
            Reason::OutsidePeriod => "outside-period",
            Reason::ZeroDenominator => "zero-denominator",
        }
    }

    /// The problems `--strict` fails on.
    pub fn is_strict(self) -> bool {
        matches!(self, Reason::BadValue | Reason::UnknownMetric | Reason::UnknownRole)
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub reason: Reason,
    pub file: String,
    pub line: u64,
    pub detail: String,
    /// A problem in a cell of a row that was still used (wide layout).
    pub in_used_row: bool,
}

/// How many problems of each reason are listed (all are counted).
pub const LISTED: usize = 20;

#[derive(Debug, Clone, Default)]
pub struct Rows {
    pub read: u64,
    pub used: u64,
    pub skipped: u64,
    pub skipped_by_reason: BTreeMap<Reason, u64>,
    /// Problems of every kind, counted (skipped rows and cells of used rows).
    pub problems_by_reason: BTreeMap<Reason, u64>,
    /// The first [`LISTED`] problems of each reason.
    pub listed: Vec<Problem>,
    /// Non-empty wide-layout cells for a metric the row's role has no KPI for.
    pub ignored_cells: u64,
}

impl Rows {
    pub(super) fn problem(&mut self, reason: Reason, file: &str, line: u64, detail: String, in_used_row: bool) {
        let n = self.problems_by_reason.entry(reason).or_default();
        *n += 1;
        if *n as usize <= LISTED {
            self.listed.push(Problem { reason, file: file.to_string(), line, detail, in_used_row });
        }
    }

    pub(super) fn skip(&mut self, reason: Reason, file: &str, line: u64, detail: String) {
        self.skipped += 1;
        *self.skipped_by_reason.entry(reason).or_default() += 1;
        self.problem(reason, file, line, detail, false);
    }

    /// Whether `--strict` fails.
    pub fn strict_failure(&self) -> bool {
        self.problems_by_reason.keys().any(|r| r.is_strict())
    }
}
