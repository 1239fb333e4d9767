/*!
`opsroles check`: runs every rule over the loaded roles (SPEC 2.1).

The engine collects the findings of every rule in [`rules::ALL`], applies the
configured severities, hides what the waivers cover (and reports expired and
unused waivers), and returns them in a stable order. It never prints.
*/

mod index;
mod levels;
pub mod overlap;
pub mod rules;
pub mod similar;
mod waivers;

use chrono::NaiveDate;

use crate::config::Config;
use crate::diag::{Diagnostic, Severity, Summary};
use crate::load::Loaded;
use crate::model::Role;
use crate::source::Sources;
pub use index::Index;
pub use levels::Levels;

/// What a rule sees.
pub struct Ctx<'a> {
    pub roles: &'a [Role],
    pub config: &'a Config,
    pub sources: &'a Sources,
    pub index: Index<'a>,
    /// True when some role file could not be read: rules that need the whole
    /// org (function coverage, item existence) stay silent rather than guess.
    pub partial: bool,
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
}

/// Runs every rule over `loaded` and returns the findings to report.
pub fn run(loaded: &Loaded, config: &Config, sources: &Sources, opts: &Options) -> Report {
    let ctx = Ctx {
        roles: &loaded.roles,
        config,
        sources,
        index: Index::build(&loaded.roles, config, &loaded.unreadable),
        partial: !loaded.unreadable.is_empty(),
    };
    let mut found = loaded.diagnostics.clone();
    for rule in rules::ALL {
        rule(&ctx, &mut found);
    }
    let found = opts.levels.apply(found);
    let mut diagnostics = waivers::apply(found, &config.waivers, opts.today);
    diagnostics = opts.levels.apply(diagnostics);
    if opts.deny_warnings {
        for d in &mut diagnostics {
            d.severity = Severity::Error;
        }
    }
    diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    diagnostics.dedup();
    let summary = Summary {
        errors: diagnostics.iter().filter(|d| d.severity == Severity::Error).count(),
        warnings: diagnostics.iter().filter(|d| d.severity == Severity::Warning).count(),
        roles: loaded.roles.len(),
        duties: loaded.roles.iter().map(|r| r.duties().len()).sum(),
    };
    Report { diagnostics, summary }
}
