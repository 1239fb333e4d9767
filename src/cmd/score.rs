/*!
`opsroles score CSV...`: read the exports, score the KPIs, render scorecards;
the row accounting and the problems found (file:line, first 20 per reason) go
to stderr.
*/

use std::io::Read;
use std::path::Path;

use anyhow::{bail, Context};

use super::Outcome;
use crate::check::{self, Levels};
use crate::cli::{By, Global, ScoreArgs};
use crate::diag::Severity;
use crate::report::score::View;
use crate::rule::Rule;
use crate::score::plan::Plan;
use crate::score::{period, read, Options, Source};
use crate::source::{display_path, Sources};

/// Role problems that make scores meaningless: those stop the run.
const BLOCKING: &[Rule] =
    &[Rule::ParseError, Rule::Schema, Rule::KpiWeights, Rule::KpiThresholds, Rule::KpiMetric, Rule::DuplicateId];

fn parse_delimiter(s: &str) -> anyhow::Result<u8> {
    Ok(match s {
        "," | "comma" => b',',
        ";" | "semicolon" => b';',
        "\t" | "tab" | "\\t" => b'\t',
        "|" | "pipe" => b'|',
        other => bail!("unknown delimiter `{other}`: use `,`, `;`, `tab` or `|`"),
    })
}

fn parse_period(flag: &str, s: Option<&str>) -> anyhow::Result<Option<period::Period>> {
    s.map(|s| period::parse(s).with_context(|| format!("{flag} `{s}` is not a period (try 2026-Q3, 2026-07 or 2026)")))
        .transpose()
}

fn open(path: &Path) -> anyhow::Result<(Source, Box<dyn Read + Send>)> {
    if path.as_os_str() == "-" {
        return Ok((Source { name: "<stdin>".to_string(), path: None }, Box::new(std::io::stdin())));
    }
    let name = display_path(path);
    let meta = std::fs::metadata(path).with_context(|| format!("cannot read {name}"))?;
    if meta.is_dir() {
        bail!("{name} is a directory, not a CSV export");
    }
    let file = std::fs::File::open(path).with_context(|| format!("cannot read {name}"))?;
    Ok((Source { name, path: Some(path.to_path_buf()) }, Box::new(file)))
}

pub fn run(args: &ScoreArgs, global: &Global) -> anyhow::Result<Outcome> {
    let mut sources = Sources::default();
    let config_path = crate::config::discover(global.config.as_deref());
    let config = crate::config::load(config_path.as_deref(), &mut sources)?;
    let roles_dir = args.roles.clone().unwrap_or_else(|| config.roles_dir.clone());
    if !roles_dir.is_dir() {
        bail!("no roles directory at {} (pass --roles DIR, or run `opsroles init`)", display_path(&roles_dir));
    }
    let loaded = crate::load::load_paths(std::slice::from_ref(&roles_dir), &mut sources)?;
    let opts =
        check::Options { levels: Levels::default(), deny_warnings: false, today: chrono::Local::now().date_naive() };
    let report = check::run(&loaded, &config, &sources, &opts);
    let blocking: Vec<_> = report
        .diagnostics
        .into_iter()
        .filter(|d| d.severity == Severity::Error && BLOCKING.contains(&d.rule))
        .collect();
    if !blocking.is_empty() {
        let text = crate::report::human::render_plain(&sources, &blocking);
        bail!("the role files have errors that make scores meaningless (run `opsroles check`):\n{}", text.trim_end());
    }
    let plan = Plan::new(&loaded.roles, config.scoring.clone());
    let read_opts = Options {
        period: parse_period("--period", args.period.as_deref())?,
        compare: parse_period("--compare", args.compare.as_deref())?,
        decimal_comma: args.decimal_comma,
        by_role: args.by == By::Role,
        encoding: match &args.encoding {
            Some(e) => Some(
                crate::score::input::encoding_for_label(e)
                    .with_context(|| format!("unknown encoding `{e}` (try utf-8, gb18030, big5, utf-16le)"))?,
            ),
            None => None,
        },
        delimiter: args.delimiter.as_deref().map(parse_delimiter).transpose()?,
        columns: config.columns.clone(),
        progress: !global.quiet,
        explain: args.explain,
    };
    let inputs = args.csv.iter().map(|p| open(p)).collect::<anyhow::Result<Vec<_>>>()?;
    let report = crate::score::run(inputs, &plan, &read_opts, &config.department)?;
    if !global.quiet {
        print_problems(&report);
    }
    let text = args.format.renderer().render(&report, View { explain: args.explain });
    crate::output::emit(&text, args.output.as_deref(), global.color)?;
    if report.rows.used == 0 {
        anstream::eprintln!("error: no row gave a value to any scorecard");
        return Ok(Outcome::Failure);
    }
    if args.strict && report.rows.strict_failure() {
        anstream::eprintln!("error: --strict: the exports have bad values, unknown metrics or unknown roles");
        return Ok(Outcome::Failure);
    }
    Ok(Outcome::Success)
}

/// The notes and the problems, first [`read::LISTED`] of each reason, on stderr.
fn print_problems(report: &crate::score::Report) {
    use crate::text::defang;
    use anstyle::{AnsiColor, Style};
    let warn = Style::new().fg_color(Some(AnsiColor::Yellow.into())).bold();
    for n in &report.notes {
        anstream::eprintln!("{warn}note{warn:#}: {}", defang(n));
    }
    let rows = &report.rows;
    for (reason, count) in &rows.problems_by_reason {
        let skipped = rows.skipped_by_reason.get(reason).copied().unwrap_or(0);
        let cells = count - skipped.min(*count);
        let mut what = Vec::new();
        if skipped > 0 {
            what.push(format!("{skipped} {} skipped", if skipped == 1 { "row" } else { "rows" }));
        }
        if cells > 0 {
            what.push(format!("{cells} {} of used rows", if cells == 1 { "cell" } else { "cells" }));
        }
        anstream::eprintln!("{warn}warning{warn:#}: {reason}: {}", what.join(", "));
        for p in rows.listed.iter().filter(|p| p.reason == *reason) {
            anstream::eprintln!("  {}:{}: {}", defang(&p.file), p.line, defang(&p.detail));
        }
        if *count as usize > read::LISTED {
            anstream::eprintln!("  … and {} more", *count as usize - read::LISTED);
        }
    }
    if rows.ignored_cells > 0 {
        anstream::eprintln!(
            "{warn}note{warn:#}: {} cells name a metric the row's role has no KPI for; ignored",
            rows.ignored_cells
        );
    }
}
