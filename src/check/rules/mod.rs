/*!
The rules of SPEC 2.1, one file each. Adding a rule: a variant in `diag/code.rs`,
a file here, a line in [`ALL`], and a fixture in `tests/fixtures/`.
*/

use crate::diag::Diagnostic;

use super::Ctx;

mod duplicate_duty;
mod duplicate_id;
mod duplicate_title;
mod id_mismatch;
mod kpi_metric;
mod kpi_thresholds;
mod kpi_weights;
mod missing_section;
mod overlapping_duty;
mod ownerless_duty;
mod raci_conflict;
mod reporting_cycle;
mod separation;
mod shared_authority;
mod similar_duty;
mod uncovered_function;
mod unknown_reference;

/// A rule: reads the org, appends its findings.
pub type Check = fn(&Ctx, &mut Vec<Diagnostic>);

pub const ALL: &[Check] = &[
    duplicate_duty::check,
    overlapping_duty::check,
    similar_duty::check,
    shared_authority::check,
    uncovered_function::check,
    ownerless_duty::check,
    separation::check,
    unknown_reference::check,
    reporting_cycle::check,
    id_mismatch::check,
    duplicate_id::check,
    missing_section::check,
    raci_conflict::check,
    duplicate_title::check,
    kpi_weights::check,
    kpi_thresholds::check,
    kpi_metric::check,
];

/// `a, b and c` for messages.
pub(crate) fn and_list<S: AsRef<str>>(items: &[S]) -> String {
    let items: Vec<String> = items.iter().map(|s| format!("`{}`", s.as_ref())).collect();
    match items.len() {
        0 => String::new(),
        1 => items[0].clone(),
        n => format!("{} and {}", items[..n - 1].join(", "), items[n - 1]),
    }
}
