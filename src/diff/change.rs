/*!
A change by meaning: what `opsroles diff` reports, one per fact (SPEC 4).
*/

use serde::Serialize;

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

/// One change. `role` is the role whose file holds the item after the
/// change (before it, for removals); fields that do not apply are `None`
/// and left out of JSON.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Change {
    pub role: String,
    pub kind: Kind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from_role: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to_role: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub before: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after: Option<String>,
}

impl Change {
    pub fn new(kind: Kind, role: &str) -> Self {
        Change {
            role: role.to_string(),
            kind,
            item: None,
            field: None,
            from_role: None,
            to_role: None,
            before: None,
            after: None,
        }
    }

    pub fn item(mut self, item: &str) -> Self {
        self.item = Some(item.to_string());
        self
    }

    pub fn field(mut self, field: &str, before: Option<String>, after: Option<String>) -> Self {
        self.field = Some(field.to_string());
        self.before = before;
        self.after = after;
        self
    }
}
