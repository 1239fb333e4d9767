/*!
The `opsroles` binary: parse, run, map the outcome to an exit code
(0 success, 1 failures found, 2 usage/config/I-O/internal error).
*/

use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match opsroles::cli::parse() {
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
            report(&e);
            ExitCode::from(2)
        }
    }
}

/// The error on stderr: findings rustc-style when the input was rejected with
/// them, else the message chain. Messages can quote file contents, so no raw
/// control bytes reach the terminal; a closed or full stderr is ignored (the
/// exit code still says what happened).
fn report(e: &anyhow::Error) {
    use opsroles::render::{diagnostics, escape::terminal};
    let mut err = anstream::stderr();
    let _ = match e.downcast_ref::<opsroles::diag::Rejected>() {
        Some(r) => {
            let text = diagnostics::ansi(&r.sources, &r.diagnostics);
            write!(err, "error: {}\n{}", terminal(&r.context), text)
        }
        None => writeln!(err, "error: {}", terminal(&format!("{e:#}"))),
    };
}

/// Output piped into `head` that closes early is not an error.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe))
}
