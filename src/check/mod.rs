/*!
`opsroles check`: runs every rule over the loaded roles (SPEC 2.1).

The engine collects the findings of every rule in [`rules::ALL`], applies the
configured severities, hides what the waivers cover (and reports expired and
unused waivers), and returns them in a stable order. It never prints.
*/

pub mod duties;
pub mod gate;
mod levels;
pub mod overlap;
pub mod rules;
pub mod similar;
mod waivers;

use chrono::NaiveDate;

use crate::config::Config;
use crate::diag::{Code, Diagnostic, Severity, Summary};
use crate::model::{Org, OrgIndex, Role};
use crate::source::Sources;
pub use levels::Levels;

/// What a rule sees.
pub struct Ctx<'a> {
    pub roles: &'a [Role],
    pub config: &'a Config,
    pub sources: &'a Sources,
    pub index: OrgIndex<'a>,
    /// True when some role file could not be read: rules that need the whole
    /// org (function coverage, item existence) stay silent rather than guess.
    pub partial: bool,
    comparison: std::cell::OnceCell<duties::Comparison<'a>>,
}

impl<'a> Ctx<'a> {
    /// Every duty compared with every other, once (the two duty-overlap
    /// rules share it).
    pub fn comparison(&self) -> &duties::Comparison<'a> {
        self.comparison.get_or_init(|| {
            let t = overlap::Thresholds { overlap: self.config.overlap, similarity: self.config.similarity };
            duties::compare(self.roles, t)
        })
    }
}

/// The outcome of a check run.
#[derive(Debug)]
pub struct Report {
    pub diagnostics: Vec<Diagnostic>,
    pub summary: Summary,
}

impl Report {
    pub fn has_errors(&self) -> bool {
        self.summary.errors > 0
    }
}

/// Options that come from the command line rather than the config.
#[derive(Debug, Clone)]
pub struct Options {
    pub levels: Levels,
    pub deny_warnings: bool,
    pub today: NaiveDate,
    /// Whether the config's waivers apply. Commands that rely on a rule (the
    /// score gate) check without them: a waiver accepts a finding in review,
    /// it does not make a broken KPI scoreable.
    pub waivers: bool,
}

/// Runs every rule over `org` and returns the findings to report.
pub fn run(org: &Org, config: &Config, sources: &Sources, opts: &Options) -> Report {
    run_rules(org, config, sources, opts, |_| true)
}

/// [`run`] with only the rules whose code `wanted` accepts: a gate that
/// needs the KPI rules does not pay for comparing every duty with every
/// other (nor load the word segmenter's dictionary).
pub fn run_rules(
    org: &Org,
    config: &Config,
    sources: &Sources,
    opts: &Options,
    wanted: impl Fn(Code) -> bool,
) -> Report {
    let ctx = Ctx {
        roles: &org.roles,
        config,
        sources,
        index: org.index(config),
        partial: !org.unreadable.is_empty(),
        comparison: std::cell::OnceCell::new(),
    };
    let mut found = org.diagnostics.clone();
    for (code, rule) in rules::ALL {
        if wanted(*code) {
            rule(&ctx, &mut found);
        }
    }
    let found = opts.levels.apply(found);
    let mut diagnostics = if opts.waivers { waivers::apply(found, &config.waivers, opts.today) } else { found };
    diagnostics = opts.levels.apply(diagnostics);
    if opts.deny_warnings {
        for d in &mut diagnostics {
            d.severity = Severity::Error;
        }
    }
    crate::diag::sort(&mut diagnostics);
    let summary = Summary {
        errors: diagnostics.iter().filter(|d| d.severity == Severity::Error).count(),
        warnings: diagnostics.iter().filter(|d| d.severity == Severity::Warning).count(),
        roles: org.roles.len(),
        duties: org.duty_count(),
    };
    Report { diagnostics, summary }
}
