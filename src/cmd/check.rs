/*!
`opsroles check [PATH...]`: load roles, run the rules, render the findings.
*/

use super::Outcome;
use crate::check::{self, Levels};
use crate::cli::CheckArgs;
use crate::context::Context;
use crate::diag::Code;
use crate::render::check::CheckOutput;
use crate::render::Format;
use crate::workspace::Workspace;

pub fn run(args: &CheckArgs, ctx: &Context) -> anyhow::Result<Outcome> {
    let ws = Workspace::open(ctx, &args.paths, None)?;
    let levels = Levels::new(&ws.config.rule_levels, &args.allow, &args.warn, &args.deny);
    let opts =
        check::Options { levels: levels.clone(), deny_warnings: args.deny_warnings, today: ctx.today, waivers: true };
    let report = check::run(&ws.org, &ws.config, &ws.sources, &opts);
    let ran: Vec<Code> = Code::rules().filter(|r| levels.get(*r).is_some()).collect();
    let quiet_and_clean = ctx.quiet && report.diagnostics.is_empty();
    if !quiet_and_clean || args.output.is_some() {
        let data = CheckOutput { report: &report, sources: &ws.sources, ran: &ran };
        crate::output::emit(args.output.as_deref(), args.format.kind(), ctx.color, |w| {
            args.format.renderer().render(&data, w)
        })?;
    }
    Ok(if report.has_errors() { Outcome::Failure } else { Outcome::Success })
}
