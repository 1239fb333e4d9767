/*!
Renderers for `opsroles diff` (SPEC 4): human (coloured on a terminal),
markdown for a pull-request comment, and JSON.
*/

pub mod human;
pub mod json;
pub mod markdown;

use clap::ValueEnum;

use crate::diff::{Change, Kind, Report};
use crate::output::Kind as OutputKind;
use crate::render::{Format, Render};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    Human,
    Markdown,
    Json,
}

impl Format<Report> for DiffFormat {
    fn renderer(self) -> Box<dyn Render<Report>> {
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

fn or_dash(v: &Option<String>) -> &str {
    v.as_deref().unwrap_or("—")
}

/// A change in one line of words.
pub fn describe(c: &Change) -> String {
    let item = c.item.as_deref().unwrap_or("");
    match c.kind {
        Kind::RoleAdded => format!("role `{}` added: {}", c.role, or_dash(&c.after)),
        Kind::RoleRemoved => format!("role `{}` removed: {}", c.role, or_dash(&c.before)),
        Kind::DutyMoved => format!("duty `{item}` moved from `{}` to `{}`", or_dash(&c.from_role), or_dash(&c.to_role)),
        Kind::DutyAdded => format!("duty `{item}` added: {}", or_dash(&c.after)),
        Kind::DutyRemoved => format!("duty `{item}` removed: {}", or_dash(&c.before)),
        Kind::AuthorityAdded | Kind::KpiAdded | Kind::CompetencyAdded => {
            format!("{} `{item}` added", noun(c.kind))
        }
        Kind::AuthorityRemoved | Kind::KpiRemoved | Kind::CompetencyRemoved => {
            format!("{} `{item}` removed", noun(c.kind))
        }
        Kind::RoleChanged => {
            format!("{}: {} → {}", c.field.as_deref().unwrap_or(""), or_dash(&c.before), or_dash(&c.after))
        }
        Kind::DutyChanged | Kind::AuthorityChanged | Kind::KpiChanged | Kind::CompetencyChanged => {
            format!(
                "{} `{item}` {}: {} → {}",
                noun(c.kind),
                c.field.as_deref().unwrap_or(""),
                or_dash(&c.before),
                or_dash(&c.after)
            )
        }
    }
}

/// `N changes` / `no changes`.
pub fn count(n: usize) -> String {
    match n {
        0 => "no changes".to_string(),
        1 => "1 change".to_string(),
        n => format!("{n} changes"),
    }
}
