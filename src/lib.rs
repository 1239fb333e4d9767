/*!
opsroles: an operations department's roles as code.

Role definitions live in YAML files in git; `opsroles check` is the CI gate
that rejects overlapping duties, gaps and broken references. The library never
prints; `cmd/` turns results into output and `main.rs` into exit codes.
*/

#![warn(clippy::print_stdout)]

pub mod check;
pub mod cli;
pub mod cmd;
pub mod config;
pub mod diag;
pub mod diff;
pub mod embedded;
pub mod load;
pub mod model;
pub mod output;
pub mod report;
pub mod rule;
pub mod score;
pub mod source;
pub mod suggest;
#[doc(hidden)]
pub mod synth;
pub mod text;
pub mod yaml;

pub use cmd::Outcome;

/// Runs the parsed command line.
pub fn run(cli: &cli::Cli) -> anyhow::Result<Outcome> {
    match &cli.command {
        cli::Command::Check(args) => cmd::check::run(args, &cli.global),
        cli::Command::Score(args) => cmd::score::run(args, &cli.global),
        cli::Command::Diff(args) => cmd::diff::run(args, &cli.global),
        cli::Command::Init(args) => cmd::init::run(args, cli.global.quiet),
    }
}
