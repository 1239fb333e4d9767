/*!
`opsroles score CSV...`: read the exports, score the KPIs, render scorecards;
the row accounting and the problems found (file:line, first 20 per reason,
each unknown name once) go to stderr.
*/

use std::io::{IsTerminal, Write};

use anyhow::Context as _;

use super::Outcome;
use crate::cli::{By, ScoreArgs};
use crate::context::Context;
use crate::diag::Code;
use crate::render::lang::Lang;
use crate::render::score::{ScoreOutput, View};
use crate::render::Format;
use crate::score::plan::Plan;
use crate::score::{Options, Progress};
use crate::tabular::period;
use crate::workspace::Workspace;

pub(crate) fn parse_period(flag: &str, s: Option<&str>) -> anyhow::Result<Option<period::Period>> {
    s.map(|s| period::parse(s).with_context(|| format!("{flag} `{s}` is not a period (try 2026-Q3, 2026-07 or 2026)")))
        .transpose()
}

/// The scoring plan of the workspace's roles, or the role errors that make
/// scores meaningless (checked without waivers) as the run's error.
pub(crate) fn plan(ws: &mut Workspace, ctx: &Context) -> anyhow::Result<Plan> {
    // Checked without waivers: see `check::gate`.
    let blocking = crate::check::gate::blocking(&ws.org, &ws.config, &ws.sources, ctx.today);
    if !blocking.is_empty() {
        return Err(crate::workspace::reject(
            "the role files have errors that make scores meaningless (below; waivers and rule levels do not lower them here)",
            std::mem::take(&mut ws.sources),
            blocking,
        ));
    }
    Plan::new(&ws.org.roles, ws.config.scoring.clone()).map_err(anyhow::Error::msg)
}

pub fn run(args: &ScoreArgs, ctx: &Context) -> anyhow::Result<Outcome> {
    if args.format == crate::render::score::ScoreFormat::Xlsx
        && args.output.is_none()
        && std::io::stdout().is_terminal()
    {
        anyhow::bail!("--format xlsx writes a workbook, not text: give -o FILE.xlsx (or redirect standard output)");
    }
    let mut ws = Workspace::open(ctx, &[], args.roles.as_deref())?;
    let plan = plan(&mut ws, ctx)?;
    let read_opts = Options {
        period: parse_period("--period", args.period.as_deref())?,
        compare: parse_period("--compare", args.compare.as_deref())?,
        decimal_comma: args.decimal_comma,
        by_role: args.by == By::Role,
        read: crate::tabular::ReadOptions {
            encoding: args
                .encoding
                .as_deref()
                .map(crate::tabular::parse_encoding)
                .transpose()
                .map_err(anyhow::Error::msg)?,
            delimiter: args
                .delimiter
                .as_deref()
                .map(crate::tabular::parse_delimiter)
                .transpose()
                .map_err(anyhow::Error::msg)?,
            columns: ws.config.columns.clone(),
        },
        explain: args.explain,
    };
    let sheets = crate::tabular::input::Sheets {
        sheet: args.sheet.as_deref(),
        delimiter: read_opts.read.delimiter,
        encoding: read_opts.read.encoding,
    };
    let inputs = crate::tabular::input::open_all_with(&args.csv, sheets)?;
    let files: Vec<_> = inputs.iter().map(|(i, _)| ws.sources.add_table(i.name.clone())).collect();
    let bar = Bar::new(!ctx.quiet);
    let report = crate::score::run(inputs, &files, &plan, &read_opts, &ws.config.department, &bar)?;
    if !ctx.quiet {
        print_problems(&report, &ws.sources);
    }
    let mut err = anstream::stderr();
    // `--period` that selects no row: say what the exports cover instead of
    // drawing an empty table.
    if let Some(why) = &report.empty_selection {
        let _ = writeln!(err, "error: --period: {}", crate::render::escape::terminal(why));
        return Ok(Outcome::Failure);
    }
    let to_terminal = args.output.is_none() && std::io::stdout().is_terminal();
    let view = View {
        explain: args.explain,
        lang: args.lang.unwrap_or_else(|| Lang::of(&ws.config.department)),
        width: to_terminal.then(terminal_width).flatten(),
        terminal: to_terminal,
        bom: !args.no_bom,
        color: args.output.is_none() && crate::output::colour_on_stdout(ctx.color),
    };
    let data = ScoreOutput { report: &report, view };
    // Without colour the table is plain data: nothing to strip on the way.
    let kind = if view.color { args.format.kind() } else { crate::output::Kind::Data };
    let nothing = report.rows.used == 0;
    // A run that scored nothing still shows its row accounting on standard
    // output, but never replaces an existing `-o` report with an empty one.
    if !(nothing && args.output.is_some()) {
        crate::output::emit(args.output.as_deref(), kind, ctx.color, |w| args.format.renderer().render(&data, w))?;
    }
    if nothing {
        let _ = writeln!(err, "error: no row gave a value to any scorecard");
        return Ok(Outcome::Failure);
    }
    if args.strict && (report.rows.strict_failure() || !report.ignored_columns.is_empty()) {
        let _ = writeln!(
            err,
            "error: --strict: the exports have bad values, unknown or ambiguous names, or columns that are not read"
        );
        return Ok(Outcome::Failure);
    }
    Ok(Outcome::Success)
}

/// The terminal's width in columns (`COLUMNS` when the terminal does not say).
fn terminal_width() -> Option<usize> {
    terminal_size::terminal_size()
        .map(|(w, _)| usize::from(w.0))
        .or_else(|| std::env::var("COLUMNS").ok()?.trim().parse().ok())
        .filter(|&w| w > 0)
}

/// How many unknown or ambiguous names of one reason stderr lists.
const SHOWN_NAMES: usize = 20;

/// The notes and the problems on stderr: the first of each reason with
/// `file:line`, each unknown or ambiguous name once with its count.
pub(crate) fn print_problems(report: &crate::score::Report, sources: &crate::source::Sources) {
    use crate::render::escape::terminal as defang;
    use anstyle::{AnsiColor, Style};
    let warn = Style::new().fg_color(Some(AnsiColor::Yellow.into())).bold();
    let mut err = anstream::stderr();
    let mut lines = Vec::new();
    for n in &report.notes {
        lines.push(format!("{warn}note{warn:#}: {}", defang(n)));
    }
    for n in &report.warnings {
        lines.push(format!("{warn}warning{warn:#}: {}", defang(n)));
    }
    if !report.ignored_columns.is_empty() {
        let n = report.ignored_columns.len();
        let columns = if n == 1 { "column is" } else { "columns are" };
        lines.push(format!("{warn}warning{warn:#}: {}: {n} {columns} not read", Code::UnknownColumn));
        for c in &report.ignored_columns {
            let hint = c.hint.as_ref().map_or(String::new(), |h| format!("; {h}"));
            lines.push(format!("  {}: `{}`{}", defang(&c.file), defang(&c.name), defang(&hint)));
        }
    }
    let rows = &report.rows;
    for (reason, count) in &rows.problems_by_reason {
        // An empty selection is explained once, not row by row.
        if *reason == Code::OutsidePeriod && report.empty_selection.is_some() {
            lines.push(format!("{warn}warning{warn:#}: {reason}: {count} rows skipped"));
            continue;
        }
        let skipped = rows.skipped_by_reason.get(reason).copied().unwrap_or(0);
        let cells = count - skipped.min(*count);
        let mut what = Vec::new();
        if skipped > 0 {
            what.push(format!("{skipped} {} skipped", if skipped == 1 { "row" } else { "rows" }));
        }
        if cells > 0 {
            what.push(format!("{cells} {} of used rows", if cells == 1 { "cell" } else { "cells" }));
        }
        lines.push(format!("{warn}warning{warn:#}: {reason}: {}", what.join(", ")));
        let listed: Vec<_> = rows.listed.iter().filter(|p| p.code == *reason).collect();
        for p in &listed {
            lines.push(format!("  {}: {}", sources.position(&p.loc), defang(&p.detail)));
        }
        // Each name once, the most used first; the first SHOWN_NAMES of them.
        let mut names: Vec<_> = rows.names.iter().filter(|n| n.code == *reason).collect();
        names.sort_by_key(|n| std::cmp::Reverse(n.count));
        for n in names.iter().take(SHOWN_NAMES) {
            let at: Vec<String> = n.first.iter().map(|l| sources.position(l)).collect();
            let more = if n.count > n.first.len() as u64 { ", …" } else { "" };
            let rows_word = if n.count == 1 { "row" } else { "rows" };
            let mut line = format!(
                "  `{}` ({}): {} {rows_word}, {}{more}",
                defang(&n.name),
                defang(&n.what),
                n.count,
                at.join(", ")
            );
            for h in &n.hint {
                line.push_str(&format!("; {}", defang(h)));
            }
            lines.push(line);
        }
        let shown = listed.len() as u64 + names.iter().take(SHOWN_NAMES).map(|n| n.count).sum::<u64>();
        if *count > shown {
            let rest = count - shown;
            // A reason that also counts cells of used rows: "more", not "rows".
            let rows_word = match (skipped == *count, rest == 1) {
                (false, _) => "",
                (true, true) => " row",
                (true, false) => " rows",
            };
            let other = names.len().saturating_sub(SHOWN_NAMES);
            let past_cap = rows.names_not_listed.get(reason).copied().unwrap_or(0);
            let under = match (other, past_cap) {
                (0, 0) => String::new(),
                (n, 0) => format!(" under {n} other {}", if n == 1 { "name" } else { "names" }),
                // Names past the cap were counted, not kept: how many is unknown.
                (0, _) => format!(
                    " under other names (past {} distinct names, rows are counted, not named)",
                    crate::tabular::rows::MAX_NAMES
                ),
                (n, _) => format!(
                    " under more than {n} other names (past {} distinct names, rows are counted, not named)",
                    crate::tabular::rows::MAX_NAMES
                ),
            };
            lines.push(format!("  … and {rest} more{rows_word}{under}"));
        }
    }
    if rows.ignored_cells > 0 {
        lines.push(format!(
            "{warn}note{warn:#}: {} cells name a metric the row's role has no KPI for; ignored",
            rows.ignored_cells
        ));
    }
    let mut text = lines.join("\n");
    text.push('\n');
    let _ = err.write_all(text.as_bytes());
}

/// A progress bar on stderr for large files on a terminal; the domain only
/// reports progress through [`Progress`].
pub(crate) struct Bar {
    enabled: bool,
    bar: std::sync::Mutex<Option<indicatif::ProgressBar>>,
}

impl Bar {
    pub(crate) fn new(enabled: bool) -> Self {
        Bar { enabled: enabled && std::io::stderr().is_terminal(), bar: std::sync::Mutex::new(None) }
    }
}

impl Progress for Bar {
    fn start(&self, name: &str, len: Option<u64>) {
        let Some(len) = len.filter(|l| self.enabled && *l >= 32 * 1024 * 1024) else { return };
        let pb = indicatif::ProgressBar::new(len);
        if let Ok(style) =
            indicatif::ProgressStyle::with_template("{msg} [{bar:30}] {bytes}/{total_bytes} {bytes_per_sec} eta {eta}")
        {
            pb.set_style(style.progress_chars("=> "));
        }
        pb.set_message(name.to_string());
        if let Ok(mut b) = self.bar.lock() {
            *b = Some(pb);
        }
    }

    fn advance(&self, bytes: u64) {
        if let Ok(b) = self.bar.lock() {
            if let Some(pb) = b.as_ref() {
                pb.set_position(bytes);
            }
        }
    }

    fn finish(&self) {
        if let Ok(mut b) = self.bar.lock() {
            if let Some(pb) = b.take() {
                pb.finish_and_clear();
            }
        }
    }
}
