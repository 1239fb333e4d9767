/*!
The command line (clap derive). Global flags are accepted before or after the
subcommand (SPEC 1.4).
*/

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::diag::Code;
use crate::render::check::CheckFormat;

#[derive(Debug, Parser)]
#[command(name = "opsroles", version, about = "Operations roles as code: YAML role definitions, checked in CI.")]
#[command(
    after_help = "Examples:\n  opsroles check                      check the roles of the nearest opsroles.yaml\n  opsroles check --format sarif -o opsroles.sarif\n  opsroles init my-department         write the seed's five roles and config"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    #[command(flatten)]
    pub global: Global,
}

#[derive(Debug, Args)]
pub struct Global {
    /// Config file (default: opsroles.yaml in this directory or the nearest parent).
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// The date to use as today (YYYY-MM-DD): waiver expiry, overdue items.
    #[arg(long, global = true, value_name = "DATE", value_parser = parse_date)]
    pub today: Option<NaiveDate>,
    /// When to colour output.
    #[arg(long, global = true, value_enum, default_value_t = ColorWhen::Auto)]
    pub color: ColorWhen,
    /// Print less: no summary line when there is nothing to report.
    #[arg(short, long, global = true)]
    pub quiet: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    Auto,
    Always,
    Never,
}

impl Global {
    /// The flags resolved once for the whole run.
    pub fn context(&self) -> crate::context::Context {
        let color = match self.color {
            ColorWhen::Auto => anstream::ColorChoice::Auto,
            ColorWhen::Always => anstream::ColorChoice::Always,
            ColorWhen::Never => anstream::ColorChoice::Never,
        };
        crate::context::Context::new(self.today, color, self.quiet, self.config.clone())
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check role files for overlapping duties, gaps and broken references (the CI gate).
    #[command(
        after_help = "Examples:\n  opsroles check\n  opsroles check roles/ --deny similar-duty\n  opsroles check --format github\n  opsroles check --format sarif -o opsroles.sarif\n\nExit codes: 0 no errors, 1 errors found, 2 usage or config error."
    )]
    Check(CheckArgs),
    /// Score KPIs from metric exports (CSV from Excel, WPS, ERP, BI) into scorecards.
    #[command(
        after_help = "Examples:\n  opsroles score examples/q3.csv\n  opsroles score q2.csv q3.csv --period 2026-Q3 --compare 2026-Q2\n  opsroles score q3-excel-gbk.csv --by role --format markdown -o q3.md\n  opsroles score - --encoding gb18030 < export.csv\n\nExit codes: 0 scored, 1 no usable rows (or --strict problems), 2 usage, unreadable or undecodable input."
    )]
    Score(ScoreArgs),
    /// Show what a change to the role files means: duties moved, KPIs reweighted, authority gained or lost.
    #[command(
        after_help = "OLD and NEW are each a roles directory, a role file, or a git revision\n(an argument naming an existing path is a path). One argument compares\nthat revision (or path) with the working tree.\n\nExamples:\n  opsroles diff HEAD~1\n  opsroles diff main HEAD --check --format markdown\n  opsroles diff old-roles/ roles/ --exit-code\n\nAs git's external diff driver (see README), it takes git's seven\narguments and always exits 0.\n\nExit codes: 0 done (with --exit-code: no differences), 1 differences with\n--exit-code, 2 usage error or unknown revision."
    )]
    Diff(DiffArgs),
    /// Write the seed's five roles and the default config into DIR.
    #[command(after_help = "Example:\n  opsroles init ops-department\n\nRefuses to overwrite any existing file.")]
    Init(InitArgs),
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Role files or directories (default: the configured roles directory).
    pub paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    pub format: CheckFormat,
    /// Write the report to FILE (atomically) instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Make RULE an error (repeatable, or a comma list).
    #[arg(long, value_name = "RULE", value_delimiter = ',')]
    pub deny: Vec<Code>,
    /// Make RULE a warning.
    #[arg(long, value_name = "RULE", value_delimiter = ',')]
    pub warn: Vec<Code>,
    /// Turn RULE off.
    #[arg(long, value_name = "RULE", value_delimiter = ',')]
    pub allow: Vec<Code>,
    /// Treat warnings as errors.
    #[arg(long)]
    pub deny_warnings: bool,
}

#[derive(Debug, Args)]
pub struct ScoreArgs {
    /// Metric exports (CSV); `-` reads standard input.
    #[arg(required = true, value_name = "CSV")]
    pub csv: Vec<PathBuf>,
    /// Roles directory (default: the configured one).
    #[arg(long, value_name = "DIR")]
    pub roles: Option<PathBuf>,
    /// Score only rows in this period (2026-Q3, 2026-07, 2026 …).
    #[arg(long, value_name = "P")]
    pub period: Option<String>,
    /// Also score this period and show the change per KPI and total.
    #[arg(long, value_name = "P")]
    pub compare: Option<String>,
    /// One scorecard per person, or per role (the mean of its people's values).
    #[arg(long, value_enum, default_value_t = By::Person)]
    pub by: By,
    #[arg(long, value_enum, default_value_t = crate::render::score::ScoreFormat::Table)]
    pub format: crate::render::score::ScoreFormat,
    /// Write the scorecards to FILE (atomically) instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Show how each KPI score was computed (band, anchors, formula).
    #[arg(long)]
    pub explain: bool,
    /// Exit 1 when any row has a bad value, an unknown metric or an unknown role.
    #[arg(long)]
    pub strict: bool,
    /// Force the exports' encoding (utf-8, gb18030, gbk, big5, utf-16le …).
    #[arg(long, value_name = "E")]
    pub encoding: Option<String>,
    /// Force the delimiter: `,`, `;`, `tab` or `|`.
    #[arg(long, value_name = "C")]
    pub delimiter: Option<String>,
    /// Read `1.234,5` as 1234.5 (never guessed).
    #[arg(long)]
    pub decimal_comma: bool,
    /// Language of headings and labels (default: the department's).
    #[arg(long, value_enum, value_name = "LANG")]
    pub lang: Option<crate::render::lang::Lang>,
    /// CSV without the UTF-8 byte order mark (which Excel needs to read Chinese).
    #[arg(long)]
    pub no_bom: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum By {
    Person,
    Role,
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// OLD [NEW]: directories, role files or git revisions (or git's seven
    /// external-diff arguments).
    #[arg(required = true, num_args = 1..=7, value_name = "OLD [NEW]")]
    pub args: Vec<String>,
    #[arg(long, value_enum, default_value_t = crate::render::diff::DiffFormat::Human)]
    pub format: crate::render::diff::DiffFormat,
    /// Also show the `check` findings the change introduces and resolves.
    #[arg(long)]
    pub check: bool,
    /// Exit 1 when there are differences, 0 when there are none.
    #[arg(long)]
    pub exit_code: bool,
    /// Write the diff to FILE (atomically) instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Where to write opsroles.yaml and roles/ (default: the current directory).
    #[arg(default_value = ".")]
    pub dir: PathBuf,
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    crate::tabular::date::parse_iso(s).ok_or_else(|| format!("`{s}` is not a date YYYY-MM-DD"))
}
