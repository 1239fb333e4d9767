/*!
One row of a conflict log (SPEC 6.2): its columns in English and Chinese,
and the reading of a row, every problem named by field.

Required: `id` (編號), `title` (事項), `parties` (涉及部門: roles or partner
departments by id or title, separated by `;`, `、` or `,`), `raised`
(提交日期). Optional: `escalated` (上報管理層日期), `resolved` (解決日期,
empty while open), `owner` (協調人, a role).
*/

use chrono::NaiveDate;

use crate::diag::Code;
use crate::model::names::{Found, Memo, Party};
use crate::tabular::fields::Fields;
use crate::tabular::headers::{Column, Schema};

/// The conflict log's columns.
pub const SCHEMA: Schema = &[
    Column { name: "id", synonyms: &["編號", "沖突編號", "序號", "no"] },
    Column { name: "title", synonyms: &["事項", "沖突事項", "標題", "問題", "conflict"] },
    Column { name: "parties", synonyms: &["涉及部門", "相關部門", "涉及方", "部門", "departments"] },
    Column { name: "raised", synonyms: &["提交日期", "提出日期", "發起日期", "提交時間"] },
    Column {
        name: "escalated", synonyms: &["上報管理層日期", "上報日期", "升級日期", "管理層裁決日期"]
    },
    Column { name: "resolved", synonyms: &["解決日期", "完成日期", "關閉日期"] },
    Column { name: "owner", synonyms: &["協調人", "負責人", "coordinator"] },
];

pub const REQUIRED: &[&str] = &["id", "title", "parties", "raised"];

/// A row read, before the calendar.
#[derive(Debug, Clone)]
pub struct Row {
    pub id: String,
    pub title: String,
    /// Indexes into the party list, in the order written, each once.
    pub parties: Vec<usize>,
    pub raised: NaiveDate,
    pub escalated: Option<NaiveDate>,
    pub resolved: Option<NaiveDate>,
    /// The coordinating role's index, when the row names one.
    pub owner: Option<usize>,
}

/// Splits a parties cell: `;`, `；`, `、`, `,`, `，`.
pub fn split_parties(cell: &str) -> impl Iterator<Item = &str> {
    cell.split([';', '；', '、', ',', '，']).map(str::trim).filter(|p| !p.is_empty())
}

/// What a row is checked against.
pub struct Names<'a> {
    pub parties: &'a Memo<'a, usize>,
    pub party_list: &'a [Party],
    pub roles: &'a Memo<'a, usize>,
    pub today: NaiveDate,
}

/// Reads one record; `None` when it has an error (the problems are in `f`).
pub fn read(f: &mut Fields, names: &Names) -> Option<Row> {
    let id = f.required("id");
    let title = f.required("title");
    let parties = f.required("parties").map(|cell| parties(f, cell, names));
    let raised = f.required_date("raised");
    let escalated = f.date("escalated");
    let resolved = f.date("resolved");
    let owner = match f.text("owner") {
        "" => Some(None),
        name => owner(f, name, names).map(Some),
    };
    if let Some(raised) = raised {
        order(f, "escalated", escalated.ok().flatten(), "raised", raised);
        order(f, "resolved", resolved.ok().flatten(), "raised", raised);
        for (field, date) in
            [("raised", Some(raised)), ("escalated", escalated.ok().flatten()), ("resolved", resolved.ok().flatten())]
        {
            if let Some(d) = date.filter(|d| *d > names.today) {
                let msg = format!("{} {d} is after today ({})", f.header(field), names.today);
                f.problem(Code::BadDate, field, msg);
            }
        }
    }
    if let (Ok(Some(e)), Ok(Some(r))) = (escalated, resolved) {
        if e > r {
            let msg = format!("{} {e} is after {} {r}", f.header("escalated"), f.header("resolved"));
            f.problem(Code::BadDate, "escalated", msg);
        }
    }
    if f.has_errors() {
        return None;
    }
    Some(Row {
        id: id?.to_string(),
        title: title?.to_string(),
        parties: parties?,
        raised: raised?,
        escalated: escalated.ok()?,
        resolved: resolved.ok()?,
        owner: owner?,
    })
}

/// `later` may not come before `earlier`.
fn order(f: &mut Fields, later: &str, date: Option<NaiveDate>, earlier: &str, before: NaiveDate) {
    if let Some(d) = date.filter(|d| *d < before) {
        let msg = format!("{} {d} is before {} {before}", f.header(later), f.header(earlier));
        f.problem(Code::BadDate, later, msg);
    }
}

fn parties(f: &mut Fields, cell: &str, names: &Names) -> Vec<usize> {
    let mut out = Vec::new();
    for name in split_parties(cell) {
        match names.parties.resolve(name) {
            Found::One(i) => {
                if !out.contains(&i) {
                    out.push(i);
                }
            }
            Found::Ambiguous(c) => {
                let msg = format!("{} `{name}` names more than one party: {}", f.header("parties"), c.join(", "));
                f.problem(Code::UnknownParty, "parties", msg);
            }
            Found::None => {
                let hint = names.parties.suggest(name).map(|s| format!("did you mean `{s}`?"));
                let msg = format!("{} `{name}` is no role or partner department", f.header("parties"));
                f.problem_with(Code::UnknownParty, "parties", msg, hint);
            }
        }
    }
    if out.is_empty() && !f.has_errors() {
        f.required("parties");
    }
    out
}

fn owner(f: &mut Fields, name: &str, names: &Names) -> Option<usize> {
    match names.roles.resolve(name) {
        Found::One(i) => Some(i),
        Found::Ambiguous(c) => {
            let msg = format!("{} `{name}` names more than one role: {}", f.header("owner"), c.join(", "));
            f.problem(Code::UnknownOwner, "owner", msg);
            None
        }
        Found::None => {
            let hint = names.roles.suggest(name).map(|s| format!("did you mean `{s}`?"));
            let msg = format!("{} `{name}` is no role's id or title", f.header("owner"));
            f.problem_with(Code::UnknownOwner, "owner", msg, hint);
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parties_split_on_the_separators_people_use() {
        let got: Vec<&str> = split_parties("業務部門、財務部門; it ,hr，management；").collect();
        assert_eq!(got, ["業務部門", "財務部門", "it", "hr", "management"]);
    }

    #[test]
    fn every_column_is_a_standard_column() {
        for c in SCHEMA {
            assert!(crate::config::STANDARD_COLUMNS.contains(&c.name), "{} is not in STANDARD_COLUMNS", c.name);
        }
    }
}
