/*!
`opsroles gaps ASSESSMENTS...`: read the assessments, find the gaps, plan
the training, pair the mentors, render. Bad records go to stderr as
findings (`file:line`, the field) and make the run exit 1 after the result
of the good ones; a table without a needed column is exit 2.
*/

use std::io::Write;

use super::Outcome;
use crate::check;
use crate::cli::{GapsArgs, GapsFailOn};
use crate::context::Context;
use crate::diag::Code;
use crate::gaps::{self, record, Report, Settings};
use crate::render::gaps::GapsOutput;
use crate::render::Format;
use crate::source::Sources;
use crate::tabular::{self, records};
use crate::workspace::Workspace;

/// Reads the assessments, finds the gaps, plans training and pairs mentors;
/// problems go to stderr as `gaps` reports them (the department report reads
/// assessments this way too).
pub(crate) fn load(
    ws: &mut Workspace,
    ctx: &Context,
    paths: &[std::path::PathBuf],
    read: &tabular::ReadOptions,
) -> anyhow::Result<Report> {
    let blocking = check::gate::blocking_by(&ws.org, &ws.config, &ws.sources, ctx.today, check::gate::LEVELS_BLOCKING);
    if !blocking.is_empty() {
        return Err(crate::workspace::reject(
            "the role files have errors that make required levels unknown (run `opsroles check`)",
            std::mem::take(&mut ws.sources),
            blocking,
        ));
    }
    let mut tables = Vec::new();
    for (input, raw) in tabular::input::open_all(paths)? {
        tables.push(records::read(&input, raw, record::SCHEMA, read, &mut ws.sources)?);
    }
    record::check_columns(&tables, &ws.sources)?;
    let settings = Settings { department: &ws.config.department, max_mentees: ws.config.mentoring.max_mentees };
    let report = gaps::run(&tables, &ws.org.roles, &settings, &ws.sources);
    print_problems(&report, &ws.sources, ctx.quiet);
    Ok(report)
}

pub fn run(args: &GapsArgs, ctx: &Context) -> anyhow::Result<Outcome> {
    let mut ws = Workspace::open(ctx, &[], args.roles.as_deref())?;
    let read = tabular::ReadOptions {
        encoding: args.encoding.as_deref().map(tabular::parse_encoding).transpose().map_err(anyhow::Error::msg)?,
        delimiter: args.delimiter.as_deref().map(tabular::parse_delimiter).transpose().map_err(anyhow::Error::msg)?,
        columns: ws.config.columns.clone(),
    };
    let report = load(&mut ws, ctx, &args.assessments, &read)?;

    let nothing = report.rows.used == 0;
    // A run that used no assessment never replaces an existing `-o` file.
    if !(nothing && args.output.is_some()) {
        let data = GapsOutput { report: &report, sources: &ws.sources };
        crate::output::emit(args.output.as_deref(), args.format.kind(), ctx.color, |w| {
            args.format.renderer().render(&data, w)
        })?;
    }
    let mut err = anstream::stderr();
    if nothing {
        let _ = writeln!(err, "error: no assessment could be used ({} rows read)", report.rows.read);
        return Ok(Outcome::Failure);
    }
    let mut outcome = Outcome::Success;
    if !report.diagnostics.is_empty() {
        let _ = writeln!(err, "error: {} rows of the assessments could not be used (see above)", count_bad(&report));
        outcome = Outcome::Failure;
    }
    if args.fail_on == Some(GapsFailOn::Gap) && report.gap_count() > 0 {
        let _ = writeln!(err, "error: --fail-on gap: {}", crate::render::plural(report.gap_count(), "gap", "gaps"));
        outcome = Outcome::Failure;
    }
    Ok(outcome)
}

/// Rows skipped for a problem (not for being superseded).
fn count_bad(report: &Report) -> u64 {
    report.rows.skipped_by_reason.iter().filter(|(c, _)| **c != Code::Superseded).map(|(_, n)| n).sum()
}

/// Bad records as findings (always), then notes (unless `--quiet`):
/// superseded assessments and columns not read.
fn print_problems(report: &Report, sources: &Sources, quiet: bool) {
    use crate::render::escape::terminal as defang;
    use anstyle::{AnsiColor, Style};
    let mut text = crate::render::diagnostics::ansi(sources, &report.diagnostics);
    if !quiet {
        let note = Style::new().fg_color(Some(AnsiColor::Cyan.into())).bold();
        let superseded: Vec<_> = report.rows.listed.iter().filter(|p| p.code == Code::Superseded).collect();
        let total = report.rows.skipped_by_reason.get(&Code::Superseded).copied().unwrap_or(0);
        if total > 0 {
            text.push_str(&format!(
                "{note}note{note:#}: {} superseded (the latest of a person × competency counts)\n",
                crate::render::plural(total as usize, "older assessment", "older assessments")
            ));
            for p in superseded {
                text.push_str(&format!("  {}: {}\n", sources.position(&p.loc), defang(&p.detail)));
            }
            if total > tabular::rows::LISTED as u64 {
                text.push_str(&format!("  … and {} more\n", total - tabular::rows::LISTED as u64));
            }
        }
        for (file, columns) in &report.ignored_columns {
            text.push_str(&format!(
                "{note}note{note:#}: {}: columns not read: {}\n",
                defang(file),
                defang(&columns.join(", "))
            ));
        }
    }
    let _ = anstream::stderr().write_all(text.as_bytes());
}
