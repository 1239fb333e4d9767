/*!
`opsroles diff`: what a change to the role files means (SPEC 4).

- [`side`]: the two sides — directories, files, the working tree or git
  revisions (read through [`crate::git`]);
- [`compare`]: changes by meaning, matched by id, moves included;
- [`Report`]: the changes, plus with `--check` the findings of `check` that
  the change introduces and resolves.
*/

pub mod change;
pub mod compare;
pub mod side;

use std::collections::BTreeSet;

use chrono::NaiveDate;

pub use change::{Change, Kind};
use side::Side;

use crate::check::{self, Levels};
use crate::diag::{Code, Diagnostic};
use crate::source::Sources;

/// `--check`: findings only after the change, and only before it.
pub struct Checked {
    pub introduced: Vec<Diagnostic>,
    pub resolved: Vec<Diagnostic>,
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
    pub check: Option<Checked>,
    /// Every file of both sides; findings point into it.
    pub sources: Sources,
}

fn run_check(side: &Side, sources: &Sources, today: NaiveDate) -> Vec<Diagnostic> {
    let opts = check::Options {
        levels: Levels::new(&side.config.rule_levels, &[], &[], &[]),
        deny_warnings: false,
        today,
        waivers: true,
    };
    check::run(&side.org, &side.config, sources, &opts).diagnostics
}

/// Compares two loaded sides whose files are in `sources`.
pub fn diff(old: Side, new: Side, sources: Sources, with_check: bool, today: NaiveDate) -> Report {
    let readability_changed = old.org.unreadable != new.org.unreadable;
    let skip: BTreeSet<&String> = old.org.unreadable.iter().chain(&new.org.unreadable).collect();
    let changes = compare::compare(&old.org.roles, &new.org.roles)
        .into_iter()
        .filter(|c| !skip.contains(&c.role) && !c.from_role.as_ref().is_some_and(|r| skip.contains(r)))
        .collect();
    let unreadable: Vec<String> = [&old, &new]
        .iter()
        .flat_map(|s| s.org.diagnostics.iter().filter(|d| matches!(d.code, Code::ParseError | Code::Schema)))
        .map(|d| {
            let at = d.primary().map_or(String::new(), |l| sources.position(l));
            format!("{at}: {}", d.message)
        })
        .collect();
    let check = with_check.then(|| {
        // The two sides are independent: one core each.
        let (before, after) = std::thread::scope(|s| {
            let b = s.spawn(|| run_check(&old, &sources, today));
            let a = run_check(&new, &sources, today);
            (b.join().unwrap_or_else(|e| std::panic::resume_unwind(e)), a)
        });
        let before_ids: BTreeSet<_> = before.iter().map(Diagnostic::identity).collect();
        let after_ids: BTreeSet<_> = after.iter().map(Diagnostic::identity).collect();
        Checked {
            introduced: after.into_iter().filter(|d| !before_ids.contains(&d.identity())).collect(),
            resolved: before.into_iter().filter(|d| !after_ids.contains(&d.identity())).collect(),
        }
    });
    Report { old: old.label, new: new.label, changes, unreadable, readability_changed, check, sources }
}
