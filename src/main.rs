/*!
The `opsroles` binary: parse, run, map the outcome to an exit code
(0 success, 1 failures found, 2 usage/config/I-O/internal error).
*/

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = match opsroles::cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { ExitCode::from(2) } else { ExitCode::SUCCESS };
        }
    };
    match opsroles::run(&cli) {
        Ok(opsroles::Outcome::Success) => ExitCode::SUCCESS,
        Ok(opsroles::Outcome::Failure) => ExitCode::from(1),
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            // Messages can quote file contents: no raw control bytes to the terminal.
            anstream::eprintln!("error: {}", opsroles::text::defang(&format!("{e:#}")));
            ExitCode::from(2)
        }
    }
}

/// Output piped into `head` that closes early is not an error.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe))
}
