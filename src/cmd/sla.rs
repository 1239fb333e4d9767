/*!
`opsroles sla CONFLICTS...`: read conflict logs, put every conflict against
"resolved within `sla.conflict_days` working days" on the configured
calendar, render the log, summary and per-party summary; findings go to
stderr (and into JSON). `opsroles sla --due DATE [--days N]` answers HR's
daily question: when is a conflict raised on DATE due?

Exit 0 when every row was read; 1 when a row has an error (skipped and
named), a year lacks calendar data under `--strict`, or `--fail-on overdue`
finds an open conflict past its due date; 2 when an input cannot be read,
lacks a required column, or `sla.owner` names no role.
*/

use anyhow::Context as _;

use super::Outcome;
use crate::calendar::Calendar;
use crate::cli::{SlaArgs, SlaFailOn};
use crate::context::Context;
use crate::render::sla::due::DueOutput;
use crate::render::sla::SlaOutput;
use crate::render::Format;
use crate::workspace::Workspace;

pub fn run(args: &SlaArgs, ctx: &Context) -> anyhow::Result<Outcome> {
    match args.due {
        Some(raised) => due(args, ctx, raised),
        None => log(args, ctx),
    }
}

fn due(args: &SlaArgs, ctx: &Context, raised: chrono::NaiveDate) -> anyhow::Result<Outcome> {
    let mut sources = crate::source::Sources::default();
    let config = crate::workspace::load_config(ctx, &mut sources)?;
    let calendar = Calendar::new(&config.calendar);
    let days = args.days.unwrap_or(config.sla.conflict_days);
    let due = crate::sla::due(&calendar, raised, days).context("the due date lies past the end of the calendar")?;
    let findings: Vec<_> = due.years_without_data.iter().map(|y| crate::sla::no_data(*y, None, args.strict)).collect();
    super::tables::report(ctx, &sources, &findings);
    let data = DueOutput { due: &due, lang: args.lang };
    crate::output::emit(args.output.as_deref(), Format::<DueOutput>::kind(args.format), ctx.color, |w| {
        Format::<DueOutput>::renderer(args.format).render(&data, w)
    })?;
    Ok(if args.strict && !findings.is_empty() { Outcome::Failure } else { Outcome::Success })
}

/// Reads the conflict logs and puts every conflict against the deadline on
/// the configured calendar; findings go to stderr as `sla` reports them (the
/// department report reads conflicts this way too).
pub(crate) fn load(
    ws: &mut Workspace,
    ctx: &Context,
    paths: &[std::path::PathBuf],
    opts: &crate::tabular::ReadOptions,
    strict: bool,
) -> anyhow::Result<(crate::sla::Log, Vec<crate::tabular::records::Table>)> {
    super::tables::unreadable_roles(ws)?;
    let coordinator = match crate::sla::coordinator(&ws.org.roles, &ws.config) {
        Ok(c) => c,
        Err(d) => {
            return Err(crate::workspace::reject("invalid configuration", std::mem::take(&mut ws.sources), vec![*d]))
        }
    };
    let tables =
        super::tables::read(paths, crate::sla::record::SCHEMA, crate::sla::record::REQUIRED, opts, &mut ws.sources)?;
    let calendar = Calendar::new(&ws.config.calendar);
    let o = crate::sla::Options { config: &ws.config, calendar: &calendar, coordinator, today: ctx.today, strict };
    let log = crate::sla::assess(&tables, &ws.org.roles, &o);
    super::tables::report(ctx, &ws.sources, &log.diagnostics);
    Ok((log, tables))
}

fn log(args: &SlaArgs, ctx: &Context) -> anyhow::Result<Outcome> {
    let mut ws = Workspace::open(ctx, &[], args.roles.as_deref())?;
    let opts = super::tables::read_options(args.encoding.as_deref(), args.delimiter.as_deref(), &ws.config)?;
    let (log, tables) = load(&mut ws, ctx, &args.conflicts, &opts, args.strict)?;
    let data = SlaOutput {
        log: &log,
        sources: &ws.sources,
        department: &ws.config.department,
        preset: ws.config.calendar.preset,
        lang: args.lang,
    };
    crate::output::emit(args.output.as_deref(), Format::<SlaOutput>::kind(args.format), ctx.color, |w| {
        Format::<SlaOutput>::renderer(args.format).render(&data, w)
    })?;
    let overdue = args.fail_on.contains(&SlaFailOn::Overdue) && log.summary.overdue > 0;
    let outcome = if log.has_errors() || overdue { Outcome::Failure } else { Outcome::Success };
    super::tables::free_in_background((log, tables));
    Ok(outcome)
}
