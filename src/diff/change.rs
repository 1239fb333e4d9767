/*!
A change by meaning: what `opsroles diff` reports, one per fact (SPEC 4).

Ids stay the keys; every id has its title beside it (`role_title`, `title`,
`from_role_title`, `to_role_title`), in the language of the role file, so a
reviewer reads 流程梳理 where the file says `process-mapping`. A changed text
field also carries its character-level [`Edit`]s; a changed list (R, C, I)
the members added and removed.
*/

use serde::Serialize;

pub use super::inline::{Edit, Op};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    RoleAdded,
    RoleRemoved,
    RoleChanged,
    DutyMoved,
    DutyAdded,
    DutyRemoved,
    DutyChanged,
    AuthorityAdded,
    AuthorityRemoved,
    AuthorityChanged,
    KpiAdded,
    KpiRemoved,
    KpiChanged,
    CompetencyAdded,
    CompetencyRemoved,
    CompetencyChanged,
}

crate::display_by_serde_name!(Kind);

impl Kind {
    /// The stable name, e.g. `duty-moved` (its serde name).
    pub fn as_str(self) -> &'static str {
        crate::text::name::name(&self)
    }
}

/// A member of a list (a role or a partner department) and its title.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Member {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

/// One change. `role` is the role whose file holds the item after the
/// change (before it, for removals); fields that do not apply are `None`
/// and left out of JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    pub kind: Kind,
    pub role: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role_title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from_role: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from_role_title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to_role: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to_role_title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    /// The item's title (after the change; before it, for removals).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub before: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after: Option<String>,
    /// A text field changed on both sides: the runs from `before` to `after`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub edits: Option<Vec<Edit>>,
    /// A list field: the members it gained.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub added: Option<Vec<Member>>,
    /// A list field: the members it lost.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub removed: Option<Vec<Member>>,
}

impl Change {
    pub fn new(kind: Kind, role: &str, role_title: Option<&str>) -> Self {
        Change {
            kind,
            role: role.to_string(),
            role_title: role_title.map(str::to_string),
            from_role: None,
            from_role_title: None,
            to_role: None,
            to_role_title: None,
            item: None,
            title: None,
            field: None,
            before: None,
            after: None,
            edits: None,
            added: None,
            removed: None,
        }
    }

    /// The item this change is about, and its title.
    pub fn item(mut self, item: &str, title: &str) -> Self {
        self.item = Some(item.to_string());
        self.title = Some(title.to_string());
        self
    }

    pub fn field(mut self, field: &str, before: Option<String>, after: Option<String>) -> Self {
        self.field = Some(field.to_string());
        self.before = before;
        self.after = after;
        self
    }
}
