/*!
Findings about risks that were read well but need attention (SPEC 6.1):

- `duplicate-risk` (error): a second risk with an id already used — it is
  skipped, pointing at both rows;
- `overdue-response` (warning): `due` has passed and the risk is still open
  or mitigating;
- `unplanned-risk` (warning): a high or critical risk, open or mitigating,
  with no response. A closed risk needs none, and an accepted one is a
  decision not to respond.
*/

use chrono::NaiveDate;

use super::level::Level;
use super::Risk;
use crate::diag::{Code, Diagnostic};
use crate::source::Location;

/// A risk whose id an earlier one already uses.
pub fn duplicate(id: &str, here: Location, first: Location) -> Diagnostic {
    Diagnostic::new(Code::DuplicateRisk, format!("risk `{id}` is listed twice; the second is left out"))
        .at(here, "field id")
        .at(first, "first listed here")
        .item(id)
}

/// Whether a risk's response is overdue on `today`.
pub fn is_overdue(r: &Risk, today: NaiveDate) -> bool {
    r.status.is_active() && r.due.is_some_and(|d| d < today)
}

/// The warnings about one graded risk; `fields` names its due and response
/// fields as the file spells them.
pub fn about(r: &Risk, today: NaiveDate, owner: &str, fields: [&str; 2]) -> Vec<Diagnostic> {
    let [due_field, response_field] = fields;
    let mut out = Vec::new();
    if let (true, Some(due)) = (r.overdue, r.due) {
        let late = (today - due).num_days();
        out.push(
            Diagnostic::new(
                Code::OverdueResponse,
                format!(
                    "risk `{}` ({}) was due {due}, {late} {} ago, and is still {}",
                    r.id,
                    r.title,
                    if late == 1 { "day" } else { "days" },
                    r.status
                ),
            )
            .at(r.loc, format!("field {due_field}"))
            .role(owner)
            .item(&r.id),
        );
    }
    if r.level.at_least(Level::High) && r.status.is_active() && r.response.trim().is_empty() {
        out.push(
            Diagnostic::new(
                Code::UnplannedRisk,
                format!("risk `{}` ({}) is {} ({}) with no response", r.id, r.title, r.level, r.level.zh()),
            )
            .at(r.loc, format!("field {response_field}"))
            .role(owner)
            .item(&r.id),
        );
    }
    out
}
