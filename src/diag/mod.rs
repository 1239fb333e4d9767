/*!
Findings as data.

A [`Diagnostic`] is one finding of any command: a stable [`Code`], a
severity, a message, every location involved (primary first) — in a role
file, the config, or a row of an export — and the roles and items it names
(SPEC 2.1a). Renderers in `render/` turn these into text; nothing here prints.
*/

pub mod code;

use serde::Serialize;

pub use code::{Code, Family, Severity};

use crate::source::Location;

/// A location with an optional label for the human renderer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spot {
    pub loc: Location,
    pub label: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub code: Code,
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
    /// A finding of `code` at its default severity; a check run applies the
    /// configured severity later.
    pub fn new(code: Code, message: impl Into<String>) -> Self {
        Diagnostic {
            code,
            severity: code.default_severity(),
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

    pub fn severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }

    /// The primary location, if the finding has one.
    pub fn primary(&self) -> Option<&Location> {
        self.spots.first().map(|s| &s.loc)
    }

    /// Key for the stable output order: by primary location, then code,
    /// then message (findings without a location go last).
    pub fn sort_key(&self) -> (bool, Option<Location>, Code, &str) {
        (self.spots.is_empty(), self.primary().copied(), self.code, &self.message)
    }

    /// A finding's identity across runs and revisions: code, roles and items
    /// (sorted), not where it is — lines move, what it is about does not.
    pub fn identity(&self) -> (Code, Vec<String>, Vec<String>) {
        let mut roles = self.roles.clone();
        roles.sort();
        let mut items = self.items.clone();
        items.sort();
        (self.code, roles, items)
    }
}

/// Sorts findings into their stable output order and drops exact repeats.
pub fn sort(diagnostics: &mut Vec<Diagnostic>) {
    diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    diagnostics.dedup();
}

/// Counts for summaries.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub roles: usize,
    pub duties: usize,
}

/// Input that cannot be used, with the findings that say why and the sources
/// they point into. It ends the run with exit 2; `main` renders the findings.
#[derive(Debug)]
pub struct Rejected {
    pub context: String,
    pub sources: crate::source::Sources,
    pub diagnostics: Vec<Diagnostic>,
}

impl Rejected {
    /// The run's error: `context`, and the findings in `sources`.
    pub fn error(context: &str, sources: crate::source::Sources, diagnostics: Vec<Diagnostic>) -> anyhow::Error {
        Rejected { context: context.to_string(), sources, diagnostics }.into()
    }
}

impl std::fmt::Display for Rejected {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.context)
    }
}

impl std::error::Error for Rejected {}
