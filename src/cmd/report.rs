/*!
`opsroles report`: the department's own report (SPEC 5) — built from the
role files, the config and the inputs given, written as one file a manager
reads. Problems of an input are reported on stderr as the command of that
input reports them; findings are the report's content, not its failure.
*/

use super::Outcome;
use crate::check::{self, Levels};
use crate::cli::ReportArgs;
use crate::context::Context;
use crate::render::report::{ReportFormat, ReportOutput};
use crate::render::Format;
use crate::workspace::Workspace;

pub fn run(args: &ReportArgs, ctx: &Context) -> anyhow::Result<Outcome> {
    let mut ws = Workspace::open(ctx, &[], None)?;
    let levels = Levels::new(&ws.config.rule_levels, &[], &[], &[]);
    let opts = check::Options { levels, deny_warnings: false, today: ctx.today, waivers: true };
    let findings = check::run(&ws.org, &ws.config, &ws.sources, &opts);
    let plan = if args.metrics.is_empty() { None } else { Some(super::score::plan(&mut ws, ctx)?) };
    let scores = if let Some(plan) = &plan {
        let read_opts = crate::score::Options {
            period: super::score::parse_period("--period", args.period.as_deref())?,
            compare: super::score::parse_period("--compare", args.compare.as_deref())?,
            read: crate::tabular::ReadOptions { columns: ws.config.columns.clone(), ..Default::default() },
            ..Default::default()
        };
        let inputs = crate::tabular::input::open_all(&args.metrics)?;
        let files: Vec<_> = inputs.iter().map(|(i, _)| ws.sources.add_table(i.name.clone())).collect();
        let bar = super::score::Bar::new(!ctx.quiet);
        let report = crate::score::run(inputs, &files, plan, &read_opts, &ws.config.department, &bar)?;
        if !ctx.quiet {
            super::score::print_problems(&report, &ws.sources);
            // Unlike `score`, the report is still written (its other
            // sections stand), and section 7 says what the exports cover.
            if let Some(why) = &report.empty_selection {
                use std::io::Write as _;
                let _ = writeln!(anstream::stderr(), "warning: --period: {}", crate::render::escape::terminal(why));
            }
        }
        Some(report)
    } else {
        None
    };
    let names = |paths: &[std::path::PathBuf]| -> Vec<String> {
        paths.iter().map(|p| crate::source::display_path(p)).collect()
    };
    let read = crate::tabular::ReadOptions { columns: ws.config.columns.clone(), ..Default::default() };
    let risks = match &args.risks {
        Some(p) => Some(super::risk::load(&mut ws, ctx, std::slice::from_ref(p), &read)?.0),
        None => None,
    };
    let conflicts = match &args.conflicts {
        Some(p) => Some(super::sla::load(&mut ws, ctx, std::slice::from_ref(p), &read, false)?.0),
        None => None,
    };
    let gaps = match &args.assessments {
        Some(p) => Some(super::gaps::load(&mut ws, ctx, std::slice::from_ref(p), &read)?),
        None => None,
    };
    let commit = crate::git::Repo::discover().and_then(|r| r.describe(&ws.config.roles_dir));
    let dept = crate::dept::build(&crate::dept::Inputs {
        title: args.title.as_deref(),
        org: &ws.org,
        config: &ws.config,
        sources: &ws.sources,
        check: &findings,
        today: ctx.today,
        commit,
        scores: scores.as_ref().map(|r| (r, names(&args.metrics))),
        risks: risks.as_ref().map(|r| (r, names(args.risks.as_slice()))),
        conflicts: conflicts.as_ref().map(|l| (l, names(args.conflicts.as_slice()))),
        gaps: gaps.as_ref().map(|g| (g, names(args.assessments.as_slice()))),
    });
    let format = args
        .format
        .or_else(|| args.output.as_deref().and_then(ReportFormat::from_extension))
        .unwrap_or(ReportFormat::Html);
    let data = ReportOutput { report: &dept, lang: args.lang };
    crate::output::emit(args.output.as_deref(), format.kind(), ctx.color, |w| format.renderer().render(&data, w))?;
    Ok(Outcome::Success)
}
