/*!
`opsroles diff`: what a change to the role files means (SPEC 4).

- [`side`]: the two sides — directories, files, the working tree or git
  revisions (read through [`crate::git`]);
- [`compare`], [`duties`], [`fields`]: changes by meaning, matched by id,
  moves included, grouped by role in catalogue order, each id with its title
  ([`names`]); text fields with the edits inside them ([`inline`]);
- [`formatting`]: what kind of nothing — the same files, or comments and
  formatting only, or files that could not be read;
- [`impact`]: with `--metrics`, the scores of an export under both sides;
- [`Report`]: all of it, plus with `--check` the findings of `check` that
  the change introduces and resolves.
*/

pub mod change;
pub mod compare;
pub mod duties;
pub mod fields;
pub mod formatting;
pub mod impact;
pub mod inline;
pub mod names;
pub mod side;

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

pub use change::{Change, Kind};
use formatting::Texts;
use impact::{Impact, Metrics};
use names::Names;
use side::Side;

use crate::check::{self, Levels};
use crate::diag::{Code, Diagnostic, Severity};
use crate::source::Sources;

/// `--check`: findings only after the change, and only before it.
pub struct Checked {
    pub introduced: Vec<Diagnostic>,
    pub resolved: Vec<Diagnostic>,
}

impl Checked {
    /// Whether the change introduces an error-level finding (`--fail-on
    /// introduced`); findings it resolves, and those on both sides, do not
    /// count.
    pub fn introduces_errors(&self) -> bool {
        self.introduced.iter().any(|d| d.severity == Severity::Error)
    }
}

/// What kind of difference the two sides have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Difference {
    /// Changes of meaning (the [`Report::changes`]).
    Meaning,
    /// Role files that could not be read differ, or became (un)readable: the
    /// change cannot be told in meaning.
    Unreadable,
    /// The same meaning; the files differ in comments or formatting, or were
    /// moved.
    Formatting,
    /// The role files are the same.
    None,
}

/// What `diff` asks for beyond the two sides.
#[derive(Debug, Clone)]
pub struct Options {
    pub check: bool,
    pub today: NaiveDate,
    pub metrics: Option<Metrics>,
}

pub struct Report {
    pub old: String,
    pub new: String,
    pub changes: Vec<Change>,
    /// Titles of roles and partner departments of both sides.
    pub names: Names,
    /// Role ids in catalogue order (after the change, then removed roles).
    pub role_order: Vec<String>,
    pub difference: Difference,
    /// How the files' text differs beyond meaning.
    pub texts: Texts,
    /// Role files that could not be read on either side: their roles are
    /// left out of `changes` (a broken file is not a removed role).
    pub unreadable: Vec<String>,
    pub check: Option<Checked>,
    /// With `--metrics`: the score impact, or why there is none.
    pub impact: Option<Result<Impact, String>>,
    /// Every file of both sides; findings point into it.
    pub sources: Sources,
}

impl Report {
    /// Whether there is any difference for `--exit-code`: a change of
    /// meaning, or one that cannot be read. Comments and formatting are not.
    pub fn differs(&self) -> bool {
        matches!(self.difference, Difference::Meaning | Difference::Unreadable)
    }
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

fn checked(old: &Side, new: &Side, sources: &Sources, today: NaiveDate) -> Checked {
    // The two sides are independent: one core each.
    let (before, after) = std::thread::scope(|s| {
        let b = s.spawn(|| run_check(old, sources, today));
        let a = run_check(new, sources, today);
        (b.join().unwrap_or_else(|e| std::panic::resume_unwind(e)), a)
    });
    let before_ids: BTreeSet<_> = before.iter().map(Diagnostic::identity).collect();
    let after_ids: BTreeSet<_> = after.iter().map(Diagnostic::identity).collect();
    Checked {
        introduced: after.into_iter().filter(|d| !before_ids.contains(&d.identity())).collect(),
        resolved: before.into_iter().filter(|d| !after_ids.contains(&d.identity())).collect(),
    }
}

/// Compares two loaded sides whose files are in `sources`. Fails only when
/// an export of `--metrics` cannot be read.
pub fn diff(old: Side, new: Side, mut sources: Sources, opts: &Options) -> anyhow::Result<Report> {
    let names = Names::new((&new.org.roles, &new.config), (&old.org.roles, &old.config));
    let skip: BTreeSet<&String> = old.org.unreadable.iter().chain(&new.org.unreadable).collect();
    let changes: Vec<Change> = compare::compare(&old.org.roles, &new.org.roles, &names)
        .into_iter()
        .filter(|c| !skip.contains(&c.role) && !c.from_role.as_ref().is_some_and(|r| skip.contains(r)))
        .collect();
    let role_order: Vec<String> =
        compare::role_order(&old.org.roles, &new.org.roles).into_iter().map(str::to_string).collect();
    let unreadable: Vec<String> = [&old, &new]
        .iter()
        .flat_map(|s| s.org.diagnostics.iter().filter(|d| matches!(d.code, Code::ParseError | Code::Schema)))
        .map(|d| {
            let at = d.primary().map_or(String::new(), |l| sources.position(l));
            format!("{at}: {}", d.message)
        })
        .collect();
    let texts = formatting::texts(&old, &new, &sources);
    let difference = if !changes.is_empty() {
        Difference::Meaning
    } else if old.org.unreadable != new.org.unreadable || texts.opaque > 0 {
        Difference::Unreadable
    } else if texts.lines > 0 || texts.moved > 0 {
        Difference::Formatting
    } else {
        Difference::None
    };
    let check = opts.check.then(|| checked(&old, &new, &sources, opts.today));
    let impact = match &opts.metrics {
        Some(m) => {
            let rank: BTreeMap<String, usize> = role_order.iter().enumerate().map(|(i, r)| (r.clone(), i)).collect();
            Some(impact::impact(&old, &new, &changes, &rank, m, &mut sources, opts.today)?)
        }
        None => None,
    };
    Ok(Report {
        old: old.label,
        new: new.label,
        changes,
        names,
        role_order,
        difference,
        texts,
        unreadable,
        check,
        impact,
        sources,
    })
}
