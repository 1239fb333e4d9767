/*!
The role problems that make scores meaningless: a KPI without a usable
metric, unordered anchors, weights that do not sum to 100, a repeated id, a
file that cannot be read. `score` stops on them, and so does every other
command that scores (the score impact of `diff --metrics`), so both refuse
the same role files.

Checked without waivers: a waiver accepts a finding in review, it cannot
make a KPI without a metric scoreable.
*/

use chrono::NaiveDate;

use super::{run_rules, Levels, Options};
use crate::config::Config;
use crate::diag::{Code, Diagnostic, Severity};
use crate::model::Org;
use crate::source::Sources;

/// The rules whose errors stop scoring.
pub const BLOCKING: &[Code] =
    &[Code::ParseError, Code::Schema, Code::KpiWeights, Code::KpiThresholds, Code::KpiMetric, Code::DuplicateId];

/// The rules whose errors make required competency levels unknowable: they
/// stop `gaps` (a KPI problem does not).
pub const LEVELS_BLOCKING: &[Code] = &[Code::ParseError, Code::Schema, Code::DuplicateId];

/// The findings that stop scoring `org` (none: it can be scored).
pub fn blocking(org: &Org, config: &Config, sources: &Sources, today: NaiveDate) -> Vec<Diagnostic> {
    blocking_by(org, config, sources, today, BLOCKING)
}

/// The errors among `codes` that `org` has, checked without waivers.
pub fn blocking_by(org: &Org, config: &Config, sources: &Sources, today: NaiveDate, codes: &[Code]) -> Vec<Diagnostic> {
    let opts = Options { levels: Levels::default(), deny_warnings: false, today, waivers: false };
    run_rules(org, config, sources, &opts, |c| codes.contains(&c))
        .diagnostics
        .into_iter()
        .filter(|d| d.severity == Severity::Error && codes.contains(&d.code))
        .collect()
}
