/*!
The arguments of each subcommand (clap derive): what a user can pass, with
the help text that says what each flag does for that command.
*/

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use crate::diag::Code;
use crate::render::check::CheckFormat;
use crate::render::lang::Lang;
use crate::render::risk::RiskFormat;
use crate::render::sla::SlaFormat;
use crate::risk::FailOn as RiskFailOn;

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
    /// Metric exports: CSV, or workbooks (.xlsx, .xls, .ods); `-` reads standard input.
    #[arg(required = true, value_name = "EXPORT")]
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
    /// How to write the scorecards.
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
    /// The sheet of a workbook (.xlsx, .xls, .ods) to read (default: the first).
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
}

#[derive(Debug, Args)]
pub struct GapsArgs {
    /// Assessment tables (CSV: person, role, competency, level, optional
    /// assessed date); `-` reads standard input.
    #[arg(required = true, value_name = "ASSESSMENTS")]
    pub assessments: Vec<PathBuf>,
    /// Roles directory (default: the configured one).
    #[arg(long, value_name = "DIR")]
    pub roles: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = crate::render::gaps::GapsFormat::Human)]
    pub format: crate::render::gaps::GapsFormat,
    /// Write the result to FILE (atomically) instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Exit 1 when any gap exists (for CI).
    #[arg(long, value_enum, value_name = "WHAT")]
    pub fail_on: Option<GapsFailOn>,
    /// Force the tables' encoding (utf-8, gb18030, gbk, big5, utf-16le …).
    #[arg(long, value_name = "E")]
    pub encoding: Option<String>,
    /// Force the delimiter: `,`, `;`, `tab` or `|`.
    #[arg(long, value_name = "C")]
    pub delimiter: Option<String>,
}

/// What `gaps --fail-on` fails on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GapsFailOn {
    /// Any person below a level their role requires.
    Gap,
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
    /// With --check: exit 1 when the change introduces an error-level finding
    /// (findings it resolves, and those already there, do not count).
    #[arg(long, value_enum, value_name = "WHAT", requires = "check")]
    pub fail_on: Option<DiffFailOn>,
    /// Score this export (CSV) under both sides' role files and show each
    /// person's score and grade before → after (repeatable).
    #[arg(long, value_name = "CSV")]
    pub metrics: Vec<PathBuf>,
    /// With --metrics: score only rows in this period (2026-Q3, 2026-07 …).
    #[arg(long, value_name = "P", requires = "metrics")]
    pub period: Option<String>,
    /// Write the diff to FILE (atomically) instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// What makes `diff --check` fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFailOn {
    /// An error-level finding that the change introduces.
    Introduced,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Metric exports for the scorecards section (repeatable; `-` reads standard input).
    #[arg(long, value_name = "FILE")]
    pub metrics: Vec<PathBuf>,
    /// Score only rows in this period (2026-Q3, 2026-07, 2026 …).
    #[arg(long, value_name = "P")]
    pub period: Option<String>,
    /// Also score this period and show the change per person.
    #[arg(long, value_name = "P")]
    pub compare: Option<String>,
    /// A risk register for the risks section (as `opsroles risk` reads it).
    #[arg(long, value_name = "FILE")]
    pub risks: Option<PathBuf>,
    /// A conflict log for the conflicts section (as `opsroles sla` reads it).
    #[arg(long, value_name = "FILE")]
    pub conflicts: Option<PathBuf>,
    /// Assessments for the competency gaps section (as `opsroles gaps` reads them).
    #[arg(long, value_name = "FILE")]
    pub assessments: Option<PathBuf>,
    /// html (default, or from the extension of -o), markdown or json.
    #[arg(long, value_enum)]
    pub format: Option<crate::render::report::ReportFormat>,
    /// Headings and labels in Traditional Chinese (zh) or English (en); role text stays as written.
    #[arg(long, value_enum, default_value_t = crate::render::lang::Lang::Zh)]
    pub lang: crate::render::lang::Lang,
    /// The report's title (default: the department's name and 崗位職責報告).
    #[arg(long, value_name = "T")]
    pub title: Option<String>,
    /// Write the report to FILE (atomically) instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Where to write opsroles.yaml and roles/ (default: the current directory).
    #[arg(default_value = ".")]
    pub dir: PathBuf,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// Where to write opsroles.1 and opsroles-COMMAND.1 (default: print opsroles.1).
    pub dir: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Which file's schema: role files or opsroles.yaml.
    #[arg(value_enum)]
    pub kind: SchemaKind,
    /// Write the schema to FILE (atomically) instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaKind {
    /// roles/*.yaml
    Role,
    /// opsroles.yaml
    Config,
}

#[derive(Debug, Args)]
pub struct RiskArgs {
    /// Risk registers (CSV); `-` reads standard input.
    #[arg(required = true, value_name = "RISKS")]
    pub risks: Vec<PathBuf>,
    /// Roles directory (default: the configured one).
    #[arg(long, value_name = "DIR")]
    pub roles: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = RiskFormat::Human)]
    pub format: RiskFormat,
    /// Write the register to FILE (atomically) instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Exit 1 when a risk is high or critical (not closed), critical, or overdue.
    #[arg(long, value_enum, value_name = "WHAT", value_delimiter = ',')]
    pub fail_on: Vec<RiskFailOn>,
    /// Headings in Traditional Chinese or English.
    #[arg(long, value_enum, default_value_t = Lang::Zh)]
    pub lang: Lang,
    /// Force the registers' encoding (utf-8, gb18030, big5, utf-16le …).
    #[arg(long, value_name = "E")]
    pub encoding: Option<String>,
    /// Force the delimiter: `,`, `;`, `tab` or `|`.
    #[arg(long, value_name = "C")]
    pub delimiter: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SlaFailOn {
    /// An open conflict past its due date.
    Overdue,
}

#[derive(Debug, Args)]
pub struct SlaArgs {
    /// Conflict logs (CSV); `-` reads standard input.
    #[arg(value_name = "CONFLICTS", required_unless_present = "due", conflicts_with = "due")]
    pub conflicts: Vec<PathBuf>,
    /// Print the due date of a conflict raised on DATE (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = super::parse_date)]
    pub due: Option<chrono::NaiveDate>,
    /// With --due: working days allowed (default: the config's `sla.conflict_days`).
    #[arg(long, value_name = "N", requires = "due", value_parser = clap::value_parser!(u32).range(1..=250))]
    pub days: Option<u32>,
    /// Roles directory (default: the configured one).
    #[arg(long, value_name = "DIR")]
    pub roles: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = SlaFormat::Human)]
    pub format: SlaFormat,
    /// Write the result to FILE (atomically) instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Exit 1 when an open conflict is past its due date.
    #[arg(long, value_enum, value_name = "WHAT")]
    pub fail_on: Vec<SlaFailOn>,
    /// A date in a year without official holiday data is an error, not a warning.
    #[arg(long)]
    pub strict: bool,
    /// Headings in Traditional Chinese or English.
    #[arg(long, value_enum, default_value_t = Lang::Zh)]
    pub lang: Lang,
    /// Force the logs' encoding (utf-8, gb18030, big5, utf-16le …).
    #[arg(long, value_name = "E")]
    pub encoding: Option<String>,
    /// Force the delimiter: `,`, `;`, `tab` or `|`.
    #[arg(long, value_name = "C")]
    pub delimiter: Option<String>,
}
