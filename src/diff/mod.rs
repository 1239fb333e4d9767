/*!
`opsroles diff`: what a change to the role files means (SPEC 4).

- [`side`], [`git`]: the two sides — directories, files, the working tree or
  git revisions;
- [`compare`]: changes by meaning, matched by id, moves included;
- [`Report`]: the changes, plus with `--check` the findings of `check` that
  the change introduces and resolves.
*/

pub mod change;
pub mod compare;
pub mod git;
pub mod side;

use std::collections::BTreeSet;

use chrono::NaiveDate;

pub use change::{Change, Kind};
use side::Side;

use crate::check::{self, Levels};
use crate::diag::Diagnostic;
use crate::source::Sources;

/// `check`'s findings on one side, with the sources they point into.
pub struct Checked {
    pub sources: Sources,
    pub diagnostics: Vec<Diagnostic>,
}

pub struct Report {
    pub old: String,
    pub new: String,
    pub changes: Vec<Change>,
    /// Role files that could not be read on either side: their roles are
    /// left out of `changes` (a broken file is not a removed role).
    pub unreadable: Vec<String>,
    /// Whether the two sides differ in which role files cannot be read (a
    /// change that breaks a file is a difference for `--exit-code`).
    pub readability_changed: bool,
    /// With `--check`: (findings only after the change, findings only before).
    pub check: Option<(Checked, Checked)>,
}

/// A finding's identity across the two sides: where it is may move, what it
/// is about does not.
/// The same key as SARIF's fingerprint: rule, roles and items. A weight sum
/// going from 90 to 95 is still the one unresolved `kpi-weights` finding.
fn identity(d: &Diagnostic) -> (crate::rule::Rule, Vec<String>, Vec<String>) {
    let mut roles = d.roles.clone();
    roles.sort();
    let mut items = d.items.clone();
    items.sort();
    (d.rule, roles, items)
}

fn run_check(side: &Side, today: NaiveDate) -> Vec<Diagnostic> {
    let opts =
        check::Options { levels: Levels::new(&side.config.rule_levels, &[], &[], &[]), deny_warnings: false, today };
    check::run(&side.loaded, &side.config, &side.sources, &opts).diagnostics
}

/// Compares two loaded sides.
pub fn diff(old: Side, new: Side, with_check: bool, today: NaiveDate) -> Report {
    let readability_changed = old.loaded.unreadable != new.loaded.unreadable;
    let skip: BTreeSet<&String> = old.loaded.unreadable.iter().chain(&new.loaded.unreadable).collect();
    let changes = compare::compare(&old.loaded.roles, &new.loaded.roles)
        .into_iter()
        .filter(|c| !skip.contains(&c.role) && !c.from_role.as_ref().is_some_and(|r| skip.contains(r)))
        .collect();
    let unreadable: Vec<String> = [&old, &new]
        .iter()
        .flat_map(|s| {
            s.loaded
                .diagnostics
                .iter()
                .filter(|d| matches!(d.rule, crate::rule::Rule::ParseError | crate::rule::Rule::Schema))
                .map(move |d| (s, d))
        })
        .map(|(s, d)| {
            let at =
                d.primary().map_or(String::new(), |l| format!("{}:{}:{}", s.sources.name(l.file), l.line, l.column));
            format!("{at}: {}", d.message)
        })
        .collect();
    let (old_label, new_label) = (old.label.clone(), new.label.clone());
    let check = with_check.then(|| {
        // The two sides are independent: one core each.
        let (before, after) = std::thread::scope(|s| {
            let b = s.spawn(|| run_check(&old, today));
            let a = run_check(&new, today);
            (b.join().unwrap_or_else(|e| std::panic::resume_unwind(e)), a)
        });
        let before_ids: BTreeSet<_> = before.iter().map(identity).collect();
        let after_ids: BTreeSet<_> = after.iter().map(identity).collect();
        let introduced = after.into_iter().filter(|d| !before_ids.contains(&identity(d))).collect();
        let resolved = before.into_iter().filter(|d| !after_ids.contains(&identity(d))).collect();
        (
            Checked { sources: new.sources, diagnostics: introduced },
            Checked { sources: old.sources, diagnostics: resolved },
        )
    });
    Report { old: old_label, new: new_label, changes, unreadable, readability_changed, check }
}
