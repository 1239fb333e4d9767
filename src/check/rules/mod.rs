/*!
The rules of SPEC 2.1, one file each. Adding a rule: a variant in `diag/code.rs`,
a file here, a line in [`ALL`], and a fixture in `tests/fixtures/`.
*/

use crate::diag::{Code, Diagnostic};

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

/// Every rule, with the one code its findings carry.
pub const ALL: &[(Code, Check)] = &[
    (Code::DuplicateDuty, duplicate_duty::check),
    (Code::OverlappingDuty, overlapping_duty::check),
    (Code::SimilarDuty, similar_duty::check),
    (Code::SharedAuthority, shared_authority::check),
    (Code::UncoveredFunction, uncovered_function::check),
    (Code::OwnerlessDuty, ownerless_duty::check),
    (Code::SeparationOfDuties, separation::check),
    (Code::UnknownReference, unknown_reference::check),
    (Code::ReportingCycle, reporting_cycle::check),
    (Code::IdMismatch, id_mismatch::check),
    (Code::DuplicateId, duplicate_id::check),
    (Code::MissingSection, missing_section::check),
    (Code::RaciConflict, raci_conflict::check),
    (Code::DuplicateTitle, duplicate_title::check),
    (Code::KpiWeights, kpi_weights::check),
    (Code::KpiThresholds, kpi_thresholds::check),
    (Code::KpiMetric, kpi_metric::check),
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
