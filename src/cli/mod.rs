/*!
The command line (clap derive). Global flags are accepted before or after the
subcommand (SPEC 1.4); [`command`] tunes them per command — each command's
`--help` says what a flag does *there*, hides the ones it ignores, and
[`parse`] refuses those rather than silently doing nothing with them.
Completions and man pages are generated from the same [`command`].
*/

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};

pub mod args;

pub use args::*;

#[derive(Debug, Parser)]
#[command(name = "opsroles", version, about = "Operations roles as code: YAML role definitions, checked in CI.")]
#[command(
    after_help = "Examples:\n  opsroles init my-department         write the seed's five roles, config, schemas and examples\n  opsroles check                      check the roles of the nearest opsroles.yaml\n  opsroles check --format sarif -o opsroles.sarif\n  opsroles score examples/q3.xlsx     score a quarter's metric export (CSV or workbook)"
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
    /// The date to use as today (YYYY-MM-DD) where a command depends on the date (default: the system date).
    #[arg(long, global = true, value_name = "DATE", value_parser = parse_date)]
    pub today: Option<NaiveDate>,
    /// When to colour terminal output (`NO_COLOR` is honoured).
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
        after_help = "A role file given alone is checked against the rest of its project (the\nroles of the nearest opsroles.yaml above it); only findings about it are shown.\n\nExit codes: 0 no errors, 1 errors found, 2 usage or config error.\n\nExamples:\n  opsroles check\n  opsroles check roles/process-manager.yaml\n  opsroles check roles/ --deny similar-duty\n  opsroles check --format github\n  opsroles check --format sarif -o opsroles.sarif"
    )]
    Check(CheckArgs),
    /// Score KPIs from metric exports (CSV, or Excel/WPS/LibreOffice workbooks) into scorecards.
    #[command(
        after_help = "Exit codes: 0 scored, 1 no usable rows (or --strict problems), 2 usage, unreadable or\nundecodable input.\n\nExamples:\n  opsroles score examples/q3.csv\n  opsroles score examples/q3.xlsx --sheet 2026Q3\n  opsroles score q2.csv q3.csv --period 2026-Q3 --compare 2026-Q2\n  opsroles score q3-excel-gbk.csv --by role --format markdown -o q3.md\n  opsroles score examples/q3.csv --format xlsx -o q3-cards.xlsx\n  opsroles score - --encoding gb18030 < export.csv"
    )]
    Score(ScoreArgs),
    /// Show what a change to the role files means: duties moved, KPIs reweighted, authority gained or lost.
    #[command(
        after_help = "OLD and NEW are each a roles directory, a role file, or a git revision\n(an argument naming an existing path is a path). One argument compares\nthat revision (or path) with the working tree.\n\nAs git's external diff driver (see README), it takes git's seven\narguments and always exits 0.\n\nExit codes: 0 done (with --exit-code: no differences), 1 differences with\n--exit-code, or an error introduced with --fail-on introduced, 2 usage\nerror, unknown revision or unreadable export.\n\nExamples:\n  opsroles diff HEAD~1\n  opsroles diff main HEAD --check --fail-on introduced --format markdown\n  opsroles diff HEAD~1 HEAD --metrics examples/q3.csv --period 2026-Q3\n  opsroles diff old-roles/ roles/ --exit-code"
    )]
    Diff(DiffArgs),
    /// The department's own report: org chart, RACI, role catalogue, findings, scorecards.
    #[command(
        after_help = "The format follows the extension of -o (.html, .md, .json), else HTML.\nExit codes: 0 the report was written (findings are content, not failure), 2 an input cannot be read.\n\nExamples:\n  opsroles report -o report.html\n  opsroles report --metrics examples/q3.csv --risks examples/risks.csv -o report.html\n  opsroles report --format markdown --lang en"
    )]
    Report(ReportArgs),
    /// The risk register: levels, the 5×5 heat map, FMEA action priority (風險矩陣, FMEA).
    #[command(
        after_help = "Exit codes: 0 read, 1 rows with errors or --fail-on matched, 2 usage or unreadable input.\n\nExamples:\n  opsroles risk examples/risks.csv\n  opsroles risk risks.csv --fail-on critical,overdue\n  opsroles risk risks.csv --format markdown -o risks.md"
    )]
    Risk(RiskArgs),
    /// Cross-department conflicts against \"resolved within N working days\" (3 個工作日), on the mainland calendar.
    #[command(
        after_help = "Exit codes: 0 read, 1 rows with errors, --strict calendar gaps or --fail-on matched, 2 usage or unreadable input.\n\nExamples:\n  opsroles sla examples/conflicts.csv\n  opsroles sla --due 2025-09-30             the due date of a conflict raised that day\n  opsroles sla --due 2025-09-30 --days 5\n  opsroles sla conflicts.csv --fail-on overdue --format json"
    )]
    Sla(SlaArgs),
    /// Find competency gaps, plan training and pair mentors (導師制) from assessments.
    #[command(
        after_help = "Each gap may get one mentor: another person assessed at the required level\n+ 1 or above; a mentor takes at most `mentoring.max_mentees` pairs (default\n2). The pairing covers as many gaps as any valid pairing can, then prefers\nmentors of the same role, then of the role the mentee reports to, then the\nlarger margin.\n\nExit codes: 0 done, 1 bad records (or a gap with --fail-on gap), 2 usage,\nunreadable input or a missing column.\n\nExamples:\n  opsroles gaps examples/assessments.csv\n  opsroles gaps assessments.csv --format markdown -o gaps.md\n  opsroles gaps assessments.csv --format json | jq '.uncovered'\n  opsroles gaps assessments.csv --fail-on gap       # CI: fail while any gap is open"
    )]
    Gaps(GapsArgs),
    /// Start a project in DIR: the seed's five roles, the default config, schemas and examples.
    #[command(
        after_help = "Writes opsroles.yaml, roles/ (the seed's five roles), schemas/ (JSON Schemas for\neditors) and examples/ (an export for every command). Refuses to overwrite\nany existing file.\n\nExamples:\n  opsroles init ops-department\n  opsroles init"
    )]
    Init(InitArgs),
    /// Print shell completions: bash, zsh, fish, powershell or elvish.
    #[command(
        after_help = "Examples:\n  opsroles completions bash > ~/.local/share/bash-completion/completions/opsroles\n  opsroles completions zsh > \"${fpath[1]}/_opsroles\"\n  opsroles completions fish > ~/.config/fish/completions/opsroles.fish\n  opsroles completions powershell >> $PROFILE"
    )]
    Completions(CompletionsArgs),
    /// Write man pages (roff), one per command, into DIR; without DIR, print opsroles(1).
    #[command(after_help = "Examples:\n  opsroles man | man -l -\n  opsroles man /usr/local/share/man/man1")]
    Man(ManArgs),
    /// Print the JSON Schema of role files or of opsroles.yaml, for editors and CI.
    #[command(
        after_help = "Editors using yaml-language-server (VS Code's YAML extension and others) pick\na schema up from a first line such as\n  # yaml-language-server: $schema=../schemas/role.schema.json\nwhich `opsroles init` writes on every role file.\n\nExamples:\n  opsroles schema role > schemas/role.schema.json\n  opsroles schema config -o schemas/config.schema.json"
    )]
    Schema(SchemaArgs),
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    crate::tabular::date::parse_iso(s).ok_or_else(|| format!("`{s}` is not a date YYYY-MM-DD"))
}

/// What a global flag means for one command: its help there, or why the
/// command ignores it (then it is hidden from the command's help and refused).
enum Use {
    Help(&'static str),
    Ignored(&'static str),
}

/// Per command (by name) and global flag (by id). Commands and flags not
/// listed use the flag's general help.
const GLOBAL_USE: &[(&str, &str, Use)] = &[
    (
        "check",
        "today",
        Use::Help("The date to use as today (YYYY-MM-DD): a waiver whose `expires` is before it has expired (default: the system date)."),
    ),
    ("check", "quiet", Use::Help("Print nothing when there are no findings.")),
    (
        "score",
        "config",
        Use::Help("Config file: where the roles are, scoring anchors and grades, `columns:` for export headers (default: opsroles.yaml here or in the nearest parent)."),
    ),
    ("score", "today", Use::Ignored("scores depend on the export's periods, not on today (choose one with --period)")),
    ("score", "quiet", Use::Help("Print no notes, row problems or progress bar on stderr.")),
    (
        "diff",
        "today",
        Use::Help("The date to use as today (YYYY-MM-DD), for --check: waiver expiry (default: the system date)."),
    ),
    ("diff", "quiet", Use::Ignored("diff prints the differences and nothing else")),
    (
        "report",
        "today",
        Use::Help("The report's date (YYYY-MM-DD), also for waiver expiry and overdue items (default: the system date)."),
    ),
    ("report", "quiet", Use::Help("Print no notes or row problems of the inputs on stderr.")),
    ("report", "color", Use::Ignored("a report is a file (HTML, Markdown or JSON), never coloured")),
    (
        "risk",
        "today",
        Use::Help("The date to use as today (YYYY-MM-DD): a response due before it is overdue (default: the system date)."),
    ),
    ("risk", "quiet", Use::Help("Print no warnings on stderr (errors still print).")),
    (
        "sla",
        "today",
        Use::Help("The date to use as today (YYYY-MM-DD): open conflicts due before it are overdue (default: the system date)."),
    ),
    ("sla", "quiet", Use::Help("Print no warnings on stderr (errors still print).")),
    ("gaps", "today", Use::Ignored("the latest assessment counts, whatever today is")),
    ("gaps", "quiet", Use::Help("Print no notes or row problems on stderr.")),
    ("init", "config", Use::Ignored("init writes a new opsroles.yaml; it reads none")),
    ("init", "today", Use::Ignored("nothing init writes depends on the date")),
    ("init", "color", Use::Ignored("init prints no colour")),
    ("init", "quiet", Use::Help("Do not print what was written and the next steps.")),
    ("schema", "config", Use::Ignored("the schema is the same for every project")),
    ("schema", "today", Use::Ignored("the schema does not depend on the date")),
    ("schema", "color", Use::Ignored("a schema is JSON, never coloured")),
    ("schema", "quiet", Use::Ignored("schema prints only the schema")),
    ("completions", "config", Use::Ignored("completions are the same for every project")),
    ("completions", "today", Use::Ignored("completions do not depend on the date")),
    ("completions", "color", Use::Ignored("a completion script is never coloured")),
    ("completions", "quiet", Use::Ignored("completions print only the script")),
    ("man", "config", Use::Ignored("man pages are the same for every project")),
    ("man", "today", Use::Ignored("man pages do not depend on the date")),
    ("man", "color", Use::Ignored("a man page is never coloured")),
    ("man", "quiet", Use::Help("With DIR, do not say where the pages were written.")),
];

/// The command line as clap sees it, with each command's help tuned (see
/// [`GLOBAL_USE`]) and score's help naming the columns it reads.
pub fn command() -> clap::Command {
    use clap::CommandFactory;
    let mut cmd = Cli::command();
    // Global flags are copied into every subcommand when the command is
    // built, unless the subcommand has its own: give it its own copy, with
    // the help for that command, or hidden.
    for (sub, flag, usage) in GLOBAL_USE {
        let Some(arg) = cmd.get_arguments().find(|a| a.get_id() == *flag).cloned() else { continue };
        if cmd.find_subcommand(sub).is_none() {
            continue;
        }
        let arg = match usage {
            Use::Help(h) => arg.help(*h),
            Use::Ignored(_) => arg.hide(true),
        };
        cmd = cmd.mut_subcommand(*sub, |s| s.arg(arg));
    }
    if cmd.find_subcommand("score").is_some() {
        cmd = cmd.mut_subcommand("score", |s| {
            let examples = s.get_after_help().map(|h| h.to_string()).unwrap_or_default();
            s.after_help(format!("{}\n{examples}", score_columns()))
        });
    }
    cmd
}

/// The columns `score` reads, with the synonyms each header may have.
pub fn score_columns() -> String {
    let mut out = String::from(
        "Columns, by header (case-insensitive; Traditional or Simplified Chinese; more in the\nconfig's `columns:`):\n",
    );
    for c in crate::score::layout::SCHEMA {
        out.push_str(&format!("  {:<10} {}\n", c.name, c.synonyms.join(", ")));
    }
    out.push_str(
        "Long layout: `metric` and `value` columns, one row per measurement. Wide layout: one\ncolumn per metric, named by a KPI's `metric`, id or title. `role` is required;\n`person` unless --by role; `period` for --period and --compare.\n",
    );
    out
}

/// Parses the process's arguments with [`command`], refusing a global flag
/// the chosen command ignores.
pub fn parse() -> Result<Cli, clap::Error> {
    parse_from(std::env::args_os())
}

/// [`parse`] over `args` (the first is the program name).
pub fn parse_from<I, T>(args: I) -> Result<Cli, clap::Error>
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    use clap::FromArgMatches;
    let mut cmd = command();
    let matches = cmd.try_get_matches_from_mut(args)?;
    if let Some((name, sub)) = matches.subcommand() {
        for (command, flag, usage) in GLOBAL_USE {
            let Use::Ignored(why) = usage else { continue };
            let given =
                [&matches, sub].iter().any(|m| m.value_source(flag) == Some(clap::parser::ValueSource::CommandLine));
            if *command == name && given {
                let flag = if *flag == "quiet" { "--quiet".to_string() } else { format!("--{flag}") };
                return Err(cmd.error(
                    clap::error::ErrorKind::ArgumentConflict,
                    format!("{flag} does nothing for `opsroles {name}`: {why}"),
                ));
            }
        }
    }
    Cli::from_arg_matches(&matches).map_err(|e| e.format(&mut cmd))
}
