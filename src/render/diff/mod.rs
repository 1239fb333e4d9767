/*!
Renderers for `opsroles diff` (SPEC 4): human (coloured on a terminal),
markdown for a pull-request comment, and JSON; and what the human and
Markdown forms share — names as `title (id)`, a change in words as a list of
[`Piece`]s (plain words, and text kept, inserted or deleted inside a
sentence) that each format styles and escapes its own way, the summary line.
*/

pub mod human;
pub mod impact;
pub mod json;
pub mod markdown;

use clap::ValueEnum;

use crate::diff::change::{Member, Op};
use crate::diff::{Change, Difference, Kind, Report};
use crate::output::Kind as OutputKind;
use crate::render::{plural, Format, Render};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    Human,
    Markdown,
    Json,
}

/// What a diff renderer is given.
pub struct DiffOutput<'a> {
    pub report: &'a Report,
    /// Whether colour reaches the reader: without it, inserted and deleted
    /// text is marked `[+…]` and `[-…]`.
    pub color: bool,
}

impl<'a> Format<DiffOutput<'a>> for DiffFormat {
    fn renderer(self) -> Box<dyn Render<DiffOutput<'a>>> {
        match self {
            DiffFormat::Human => Box::new(human::Human),
            DiffFormat::Markdown => Box::new(markdown::Markdown),
            DiffFormat::Json => Box::new(json::Json),
        }
    }

    fn kind(self) -> OutputKind {
        match self {
            DiffFormat::Human => OutputKind::Styled,
            _ => OutputKind::Data,
        }
    }
}

/// `流程管理經理 (process-manager)`, or the id alone when there is no title.
pub fn named(title: Option<&str>, id: &str) -> String {
    match title {
        Some(t) if !t.is_empty() && t != id => format!("{t} ({id})"),
        _ => id.to_string(),
    }
}

/// What the item is, in words: `duty`, `KPI`, …
pub fn noun(kind: Kind) -> &'static str {
    match kind {
        Kind::RoleAdded | Kind::RoleRemoved | Kind::RoleChanged => "role",
        Kind::DutyMoved | Kind::DutyAdded | Kind::DutyRemoved | Kind::DutyChanged => "duty",
        Kind::AuthorityAdded | Kind::AuthorityRemoved | Kind::AuthorityChanged => "authority",
        Kind::KpiAdded | Kind::KpiRemoved | Kind::KpiChanged => "KPI",
        Kind::CompetencyAdded | Kind::CompetencyRemoved | Kind::CompetencyChanged => "competency",
    }
}

/// `+`, `-`, `~` or `→`.
pub fn sign(kind: Kind) -> char {
    match kind {
        Kind::RoleAdded | Kind::DutyAdded | Kind::AuthorityAdded | Kind::KpiAdded | Kind::CompetencyAdded => '+',
        Kind::RoleRemoved | Kind::DutyRemoved | Kind::AuthorityRemoved | Kind::KpiRemoved | Kind::CompetencyRemoved => {
            '-'
        }
        Kind::DutyMoved => '→',
        _ => '~',
    }
}

/// A piece of a change in words. `Words` are the tool's own or names;
/// `Keep`, `Insert` and `Delete` are text from a role file as it changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Words(String),
    Keep(String),
    Insert(String),
    Delete(String),
}

fn words(s: impl Into<String>) -> Piece {
    Piece::Words(s.into())
}

fn or_dash(v: &Option<String>) -> String {
    v.clone().unwrap_or_else(|| "—".to_string())
}

/// The heading of a role's group.
pub fn role_heading(c: &Change) -> String {
    named(c.role_title.as_deref(), &c.role)
}

/// The item a change is about, `title (id)`.
pub fn item(c: &Change) -> String {
    named(c.title.as_deref(), c.item.as_deref().unwrap_or(""))
}

fn member(m: &Member) -> String {
    named(m.title.as_deref(), &m.id)
}

/// A changed value: the edits inside a text; the members gained and lost by
/// a list; a role named by `reports_to` with its title; else before → after.
pub fn value(c: &Change, report: &Report) -> Vec<Piece> {
    if let Some(edits) = &c.edits {
        return edits
            .iter()
            .map(|e| match e.op {
                Op::Equal => Piece::Keep(e.text.clone()),
                Op::Insert => Piece::Insert(e.text.clone()),
                Op::Delete => Piece::Delete(e.text.clone()),
            })
            .collect();
    }
    if let (Some(added), Some(removed)) = (&c.added, &c.removed) {
        let mut out = Vec::new();
        for (i, m) in added.iter().enumerate() {
            if i > 0 {
                out.push(words(" "));
            }
            out.push(Piece::Insert(member(m)));
        }
        for (i, m) in removed.iter().enumerate() {
            if i > 0 || !added.is_empty() {
                out.push(words(" "));
            }
            out.push(Piece::Delete(member(m)));
        }
        return out;
    }
    let show = |v: &Option<String>| match (c.field.as_deref(), v) {
        (Some("reports_to"), Some(id)) => named(report.names.role(id), id),
        _ => or_dash(v),
    };
    vec![words(format!("{} → {}", show(&c.before), show(&c.after)))]
}

/// A change in words, without the role (its group names it).
pub fn describe(c: &Change, report: &Report) -> Vec<Piece> {
    let field = c.field.as_deref().unwrap_or("");
    let what = format!("{} {}", noun(c.kind), item(c));
    let mut out = match c.kind {
        Kind::RoleAdded => return vec![words("role added")],
        Kind::RoleRemoved => return vec![words("role removed")],
        Kind::DutyMoved => {
            let from = named(c.from_role_title.as_deref(), c.from_role.as_deref().unwrap_or(""));
            let to = named(c.to_role_title.as_deref(), c.to_role.as_deref().unwrap_or(""));
            return vec![words(format!("{what} moved from {from} to {to}"))];
        }
        Kind::DutyAdded | Kind::AuthorityAdded | Kind::KpiAdded | Kind::CompetencyAdded => {
            return vec![words(format!("{what} added"))]
        }
        Kind::DutyRemoved | Kind::AuthorityRemoved | Kind::KpiRemoved | Kind::CompetencyRemoved => {
            return vec![words(format!("{what} removed"))]
        }
        Kind::RoleChanged => vec![words(format!("{field}: "))],
        Kind::DutyChanged | Kind::AuthorityChanged | Kind::KpiChanged | Kind::CompetencyChanged => {
            vec![words(format!("{what} {field}: "))]
        }
    };
    out.extend(value(c, report));
    out
}

/// The line that says how much changed — and, when nothing did, what kind of
/// nothing: `3 changes`, `no difference`, `no change in meaning (comments or
/// formatting only: 2 lines)`.
pub fn summary(r: &Report) -> String {
    match r.difference {
        Difference::Meaning => plural(r.changes.len(), "change", "changes"),
        Difference::None => "no difference".to_string(),
        Difference::Formatting => {
            let mut parts = Vec::new();
            if r.texts.lines > 0 {
                parts.push(format!("comments or formatting only: {}", plural(r.texts.lines, "line", "lines")));
            }
            if r.texts.moved > 0 {
                parts.push(format!("{} moved or renamed", plural(r.texts.moved, "file", "files")));
            }
            format!("no change in meaning ({})", parts.join("; "))
        }
        Difference::Unreadable => {
            let n = r.texts.opaque.max(1);
            format!(
                "no change in meaning in the files that could be read; {} cannot be compared (run `opsroles check`)",
                plural(n, "role file", "role files")
            )
        }
    }
}

/// Changes grouped by role, in the report's order.
pub fn groups(r: &Report) -> Vec<&[Change]> {
    r.changes.chunk_by(|a, b| a.role == b.role).collect()
}
