/*!
opsroles: an operations department's roles as code.

Role definitions live in YAML files in git; `opsroles check` is the CI gate
that rejects overlapping duties, gaps and broken references; `score` turns
metric exports into KPI scorecards; `diff` reviews role changes by meaning.

Layers, lowest first (a module imports only from layers below it):
1. `text`, `decimal`, `source`, `yaml`, `diag` — text folding, numbers,
   files and positions, findings;
2. `tabular`, `output` — reading exports, writing results;
3. `config` — `opsroles.yaml`, typed and validated;
4. `model` — role files, the organisation, the name resolver;
5. the domain: `check`, `score`, `diff`, `risk`, `sla` (over `calendar`),
   `gaps`, with `git` for revisions; `dept`, the department report's model;
6. `render` — one renderer per format; `workspace`, `context`;
7. `cli`, `cmd` — flags and one file per subcommand; `main.rs` maps the
   outcome to an exit code.

The library never prints; `cmd/` hands results to `render/` and `output`.
*/

#![warn(clippy::print_stdout)]

pub mod calendar;
pub mod check;
pub mod cli;
pub mod cmd;
pub mod config;
pub mod context;
pub mod decimal;
pub mod dept;
pub mod diag;
pub mod diff;
pub mod embedded;
pub mod gaps;
pub mod git;
pub mod model;
pub mod output;
pub mod render;
pub mod risk;
pub mod score;
pub mod sla;
pub mod source;
pub mod tabular;
pub mod text;
pub mod workspace;
pub mod yaml;

pub use cmd::Outcome;

/// Runs the parsed command line.
pub fn run(cli: &cli::Cli) -> anyhow::Result<Outcome> {
    let ctx = cli.global.context();
    match &cli.command {
        cli::Command::Check(args) => cmd::check::run(args, &ctx),
        cli::Command::Score(args) => cmd::score::run(args, &ctx),
        cli::Command::Diff(args) => cmd::diff::run(args, &ctx),
        cli::Command::Report(args) => cmd::report::run(args, &ctx),
        cli::Command::Gaps(args) => cmd::gaps::run(args, &ctx),
        cli::Command::Init(args) => cmd::init::run(args, &ctx),
        cli::Command::Risk(args) => cmd::risk::run(args, &ctx),
        cli::Command::Sla(args) => cmd::sla::run(args, &ctx),
        cli::Command::Schema(args) => cmd::schema::run(args, &ctx),
        cli::Command::Completions(args) => cmd::completions::run(args, &ctx),
        cli::Command::Man(args) => cmd::man::run(args, &ctx),
    }
}
