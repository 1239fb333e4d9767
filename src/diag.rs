/*!
Findings as data.

A [`Diagnostic`] is what `opsroles check` reports: a rule, a severity, a message,
every location involved (primary first), and the roles and items it names
(SPEC 2.1a). Renderers in `report/` turn these into text; nothing here prints.
*/

use serde::Serialize;

use crate::rule::Rule;
use crate::source::Location;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// A location with an optional label for the human renderer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spot {
    pub loc: Location,
    pub label: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub rule: Rule,
    pub severity: Severity,
    pub message: String,
    /// Every location involved, the primary one first.
    pub spots: Vec<Spot>,
    pub roles: Vec<String>,
    pub items: Vec<String>,
    /// Extra lines: suggestions ("did you mean …"), context.
    pub notes: Vec<String>,
}

impl Diagnostic {
    /// A finding of `rule` at its default severity; the engine applies the
    /// configured severity later.
    pub fn new(rule: Rule, message: impl Into<String>) -> Self {
        Diagnostic {
            rule,
            severity: rule.default_severity(),
            message: message.into(),
            spots: Vec::new(),
            roles: Vec::new(),
            items: Vec::new(),
            notes: Vec::new(),
        }
    }

    pub fn at(mut self, loc: Location, label: impl Into<String>) -> Self {
        self.spots.push(Spot { loc, label: label.into() });
        self
    }

    pub fn role(mut self, role: impl Into<String>) -> Self {
        self.roles.push(role.into());
        self
    }

    pub fn item(mut self, item: impl Into<String>) -> Self {
        self.items.push(item.into());
        self
    }

    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }

    /// The primary location, if the finding has one.
    pub fn primary(&self) -> Option<&Location> {
        self.spots.first().map(|s| &s.loc)
    }

    /// Key for the stable output order: by primary location, then rule,
    /// then message (findings without a location go last).
    pub fn sort_key(&self) -> (bool, Option<Location>, Rule, &str) {
        (self.spots.is_empty(), self.primary().copied(), self.rule, &self.message)
    }
}

/// Counts for summaries.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub roles: usize,
    pub duties: usize,
}
