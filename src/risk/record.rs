/*!
One row of a risk register (SPEC 6.1): its columns in English and Chinese,
and the reading of a row into a [`Risk`], every problem named by field.

Required: `id` (編號), `title` (風險), `owner` (負責崗位 / 責任人: a role id
or title, through the one name resolver), `likelihood` (可能性) and `impact`
(影響), whole numbers 1–5. Optional: the FMEA ratings `severity` (嚴重度),
`occurrence` (發生度), `detection` (探測度), 1–10 and all three or none;
`status` (狀態; empty is open), `response` (應對措施), `due` (到期日),
`category` (類別).
*/

use chrono::NaiveDate;
use serde::Serialize;

use super::fmea::Ratings;
use crate::diag::Code;
use crate::model::names::{Found, Memo};
use crate::model::Role;
use crate::tabular::fields::{rating, Bad, Fields};
use crate::tabular::headers::{Column, Schema};
use crate::text::fold;

/// The register's columns.
pub const SCHEMA: Schema = &[
    Column { name: "id", synonyms: &["編號", "風險編號", "序號", "no"] },
    Column { name: "title", synonyms: &["風險", "風險名稱", "風險描述", "risk", "name"] },
    Column { name: "owner", synonyms: &["負責崗位", "責任人", "負責人", "責任崗位"] },
    Column { name: "likelihood", synonyms: &["可能性", "發生可能性", "probability", "L"] },
    Column { name: "impact", synonyms: &["影響", "影響程度", "consequence", "I"] },
    Column { name: "severity", synonyms: &["嚴重度", "S"] },
    Column { name: "occurrence", synonyms: &["發生度", "頻度", "O"] },
    Column { name: "detection", synonyms: &["探測度", "檢測度", "D"] },
    Column { name: "status", synonyms: &["狀態"] },
    Column { name: "response", synonyms: &["應對措施", "應對預案", "措施"] },
    Column { name: "due", synonyms: &["到期日", "截止日期", "完成期限"] },
    Column { name: "category", synonyms: &["類別", "風險類別", "分類"] },
];

/// Columns a register cannot do without.
pub const REQUIRED: &[&str] = &["id", "title", "owner", "likelihood", "impact"];

/// Where a risk stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Open,
    Mitigating,
    Closed,
    Accepted,
}

crate::display_by_serde_name!(Status);

impl Status {
    const SPELLINGS: &'static [(Status, &'static [&'static str])] = &[
        (Status::Open, &["open", "未處理", "待處理", "新建"]),
        (Status::Mitigating, &["mitigating", "處理中", "進行中", "應對中"]),
        (Status::Closed, &["closed", "已關閉", "關閉", "已解決"]),
        (Status::Accepted, &["accepted", "已接受", "接受"]),
    ];

    /// A status cell in English or Chinese (folded); empty means open.
    pub fn parse(s: &str) -> Option<Status> {
        let s = s.trim();
        if let Some((st, _)) = Status::SPELLINGS.iter().find(|(_, names)| names.contains(&s)) {
            return Some(*st);
        }
        static FOLDED: std::sync::OnceLock<Vec<(Status, String)>> = std::sync::OnceLock::new();
        let folded = FOLDED.get_or_init(|| {
            Status::SPELLINGS.iter().flat_map(|(st, names)| names.iter().map(|n| (*st, fold(n)))).collect()
        });
        let f = fold(s);
        if f.is_empty() {
            return Some(Status::Open);
        }
        folded.iter().find(|(_, n)| *n == f).map(|(st, _)| *st)
    }

    pub fn zh(self) -> &'static str {
        match self {
            Status::Open => "未處理",
            Status::Mitigating => "處理中",
            Status::Closed => "已關閉",
            Status::Accepted => "已接受",
        }
    }

    /// Still being worked on: its response can be overdue.
    pub fn is_active(self) -> bool {
        matches!(self, Status::Open | Status::Mitigating)
    }
}

/// A row read, before grading.
#[derive(Debug, Clone)]
pub struct Row {
    pub id: String,
    pub title: String,
    /// The owning role's index.
    pub owner: usize,
    pub category: String,
    pub likelihood: u8,
    pub impact: u8,
    pub fmea: Option<Ratings>,
    pub status: Status,
    pub response: String,
    pub due: Option<NaiveDate>,
}

/// Reads one record; `None` when it has an error (the problems are in `f`).
pub fn read(f: &mut Fields, roles: &Memo<usize>, role_list: &[Role]) -> Option<Row> {
    let id = f.required("id");
    let title = f.required("title");
    let owner = f.required("owner").and_then(|o| owner(f, o, roles, role_list));
    let likelihood = required_rating(f, "likelihood", 5);
    let impact = required_rating(f, "impact", 5);
    let fmea = fmea(f);
    let status_cell = f.text("status");
    let status = Status::parse(status_cell);
    if status.is_none() {
        let all: Vec<&str> = Status::SPELLINGS.iter().flat_map(|(_, n)| n.iter().copied()).collect();
        let hint = crate::text::suggest::nearest(status_cell, all).map(|n| format!("did you mean `{n}`?"));
        let message = format!(
            "{} `{status_cell}` is none of open 未處理, mitigating 處理中, closed 已關閉, accepted 已接受",
            f.header("status")
        );
        f.problem_with(Code::UnknownStatus, "status", message, hint);
    }
    let due = f.date("due");
    if f.has_errors() {
        return None;
    }
    Some(Row {
        id: id?.to_string(),
        title: title?.to_string(),
        owner: owner?,
        category: f.text("category").to_string(),
        likelihood: likelihood?,
        impact: impact?,
        fmea: fmea.ok()?,
        status: status?,
        response: f.text("response").to_string(),
        due: due.ok()?,
    })
}

/// The role an owner cell names, or an `unknown-owner` problem.
fn owner(f: &mut Fields, name: &str, roles: &Memo<usize>, role_list: &[Role]) -> Option<usize> {
    match roles.resolve(name) {
        Found::One(i) => Some(i),
        Found::Ambiguous(candidates) => {
            let msg = format!("{} `{name}` names more than one role: {}", f.header("owner"), candidates.join(", "));
            f.problem(Code::UnknownOwner, "owner", msg);
            None
        }
        Found::None => {
            let hint = roles.suggest(name).map(|s| {
                let role = roles.resolve(s).one().and_then(|i: usize| role_list.get(i));
                match role {
                    Some(r) if r.id() != s => format!("did you mean `{s}` ({})?", r.id()),
                    _ => format!("did you mean `{s}`?"),
                }
            });
            let msg = format!("{} `{name}` is no role's id or title", f.header("owner"));
            f.problem_with(Code::UnknownOwner, "owner", msg, hint);
            None
        }
    }
}

fn rating_in(f: &mut Fields, name: &str, hi: u8) -> Result<Option<u8>, Bad> {
    let v = f.text(name);
    if v.is_empty() {
        return Ok(None);
    }
    match rating(v, 1, hi) {
        Ok(n) => Ok(Some(n)),
        Err(why) => {
            let msg = format!("{} `{v}` is {why}: a rating is a whole number from 1 to {hi}", f.header(name));
            f.problem(Code::BadRating, name, msg);
            Err(Bad)
        }
    }
}

fn required_rating(f: &mut Fields, name: &str, hi: u8) -> Option<u8> {
    if f.text(name).is_empty() {
        f.required(name);
        return None;
    }
    rating_in(f, name, hi).ok().flatten()
}

/// The three FMEA ratings: all or none.
fn fmea(f: &mut Fields) -> Result<Option<Ratings>, Bad> {
    let names = ["severity", "occurrence", "detection"];
    let s = rating_in(f, names[0], 10);
    let o = rating_in(f, names[1], 10);
    let d = rating_in(f, names[2], 10);
    let (s, o, d) = (s?, o?, d?);
    match (s, o, d) {
        (Some(severity), Some(occurrence), Some(detection)) => Ok(Some(Ratings { severity, occurrence, detection })),
        (None, None, None) => Ok(None),
        _ => {
            let given: Vec<String> =
                [s, o, d].iter().zip(names).filter(|(v, _)| v.is_some()).map(|(_, n)| f.header(n)).collect();
            let missing = [s, o, d].iter().zip(names).find(|(v, _)| v.is_none()).map_or("severity", |(_, n)| n);
            let msg = format!(
                "FMEA needs all three ratings (severity, occurrence, detection) or none; this risk gives only {}",
                given.join(", ")
            );
            f.problem(Code::BadRating, missing, msg);
            Err(Bad)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_in_both_languages_and_scripts() {
        for (s, want) in [
            ("open", Status::Open),
            ("", Status::Open),
            ("處理中", Status::Mitigating),
            ("处理中", Status::Mitigating),
            ("已關閉", Status::Closed),
            ("已关闭", Status::Closed),
            ("Accepted", Status::Accepted),
        ] {
            assert_eq!(Status::parse(s), Some(want), "{s}");
        }
        assert_eq!(Status::parse("done"), None);
    }

    #[test]
    fn every_column_is_a_standard_column() {
        for c in SCHEMA {
            assert!(crate::config::STANDARD_COLUMNS.contains(&c.name), "{} is not in STANDARD_COLUMNS", c.name);
        }
    }
}
