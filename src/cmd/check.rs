/*!
`opsroles check [PATH...]`: load roles, run the rules, render the findings.
*/

use anyhow::bail;

use super::Outcome;
use crate::check::{self, Levels};
use crate::cli::{CheckArgs, Global};
use crate::report::Input;
use crate::rule::Rule;
use crate::source::{display_path, Sources};

pub fn run(args: &CheckArgs, global: &Global) -> anyhow::Result<Outcome> {
    let mut sources = Sources::default();
    let config_path = crate::config::discover(global.config.as_deref());
    let config = crate::config::load(config_path.as_deref(), &mut sources)?;
    let paths = if args.paths.is_empty() {
        if !config.roles_dir.is_dir() {
            bail!(
                "no roles directory at {} (pass role files or directories, or run `opsroles init`)",
                display_path(&config.roles_dir)
            );
        }
        vec![config.roles_dir.clone()]
    } else {
        args.paths.clone()
    };
    let loaded = crate::load::load_paths(&paths, &mut sources)?;
    let levels = Levels::new(&config.rule_levels, &args.allow, &args.warn, &args.deny);
    let opts = check::Options {
        levels: levels.clone(),
        deny_warnings: args.deny_warnings,
        today: global.today.unwrap_or_else(|| chrono::Local::now().date_naive()),
    };
    let report = check::run(&loaded, &config, &sources, &opts);
    let ran: Vec<Rule> = Rule::ALL.iter().copied().filter(|r| levels.get(*r).is_some()).collect();
    let quiet_and_clean = global.quiet && report.diagnostics.is_empty();
    if !quiet_and_clean || args.output.is_some() {
        let text = args.format.renderer().render(&Input { report: &report, sources: &sources, ran: &ran });
        crate::output::emit(&text, args.output.as_deref(), global.color)?;
    }
    Ok(if report.has_errors() { Outcome::Failure } else { Outcome::Success })
}
