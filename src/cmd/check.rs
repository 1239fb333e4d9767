/*!
`opsroles check [PATH...]`: load roles, run the rules, render the findings.

`check FILE…` (role files only) checks those files *against the rest of
their project*: the whole roles directory of the nearest `opsroles.yaml`
above the first file is loaded — so references to other roles resolve and
functions other roles cover are covered — and the findings that touch the
given files are reported. Without a project around them, the files are
checked alone.
*/

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::Outcome;
use crate::check::{self, Levels, Report};
use crate::cli::CheckArgs;
use crate::context::Context;
use crate::diag::{Code, Severity, Summary};
use crate::render::check::CheckOutput;
use crate::render::Format;
use crate::source::display_path;
use crate::workspace::Workspace;

pub fn run(args: &CheckArgs, ctx: &Context) -> anyhow::Result<Outcome> {
    let focus = focus(args, ctx);
    let ws = match &focus {
        Some(f) => Workspace::open(&f.ctx, &f.load, None)?,
        None => Workspace::open(ctx, &args.paths, None)?,
    };
    let levels = Levels::new(&ws.config.rule_levels, &args.allow, &args.warn, &args.deny);
    let opts =
        check::Options { levels: levels.clone(), deny_warnings: args.deny_warnings, today: ctx.today, waivers: true };
    let mut report = check::run(&ws.org, &ws.config, &ws.sources, &opts);
    if let Some(f) = &focus {
        report = only_about(report, &ws, &f.files);
    }
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

/// Role files checked within their project.
struct Focus {
    /// The context with the config search starting at the files.
    ctx: Context,
    /// What to load: the project's roles directory, and any given file outside it.
    load: Vec<PathBuf>,
    /// The given files, as the sources name them.
    files: BTreeSet<String>,
}

fn focus(args: &CheckArgs, ctx: &Context) -> Option<Focus> {
    if args.paths.is_empty() || !args.paths.iter().all(|p| p.is_file()) {
        return None;
    }
    let mut ctx = ctx.clone();
    if ctx.config.is_none() {
        let dir = args.paths[0].parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
        ctx.cwd = dir.canonicalize().unwrap_or_else(|_| ctx.cwd.clone());
    }
    let config_path = ctx.config_path()?;
    let mut sources = crate::source::Sources::default();
    let config = crate::config::load(Some(&config_path), &mut sources).ok()?;
    let roles = config.roles_dir.canonicalize().ok().filter(|d| d.is_dir())?;
    let mut load = vec![roles.clone()];
    for p in &args.paths {
        if !p.canonicalize().is_ok_and(|c| c.starts_with(&roles)) {
            load.push(p.clone());
        }
    }
    let files = args.paths.iter().map(|p| display_path(p)).collect();
    Some(Focus { ctx, load, files })
}

/// The findings that point into one of `files`, and a summary of those.
fn only_about(report: Report, ws: &Workspace, files: &BTreeSet<String>) -> Report {
    let ids: BTreeSet<_> = ws.sources.iter().filter(|(_, f)| files.contains(&f.name)).map(|(id, _)| id).collect();
    let diagnostics: Vec<_> =
        report.diagnostics.into_iter().filter(|d| d.spots.iter().any(|s| ids.contains(&s.loc.file))).collect();
    let roles: Vec<_> = ws.org.roles.iter().filter(|r| ids.contains(&r.file)).collect();
    let summary = Summary {
        errors: diagnostics.iter().filter(|d| d.severity == Severity::Error).count(),
        warnings: diagnostics.iter().filter(|d| d.severity == Severity::Warning).count(),
        roles: roles.len().max(ids.len()),
        duties: roles.iter().map(|r| r.duties().len()).sum(),
    };
    Report { diagnostics, summary }
}
