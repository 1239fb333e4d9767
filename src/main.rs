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

/// Output piped into `head` that closes early is not an error — also when
/// a writer wrapped the pipe's error in its own (the csv crate's writer
/// turns it into an `io::Error` of kind `Other` around a `csv::Error`).
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(pipe_closed)
}

fn pipe_closed(e: &(dyn std::error::Error + 'static)) -> bool {
    if let Some(io) = e.downcast_ref::<std::io::Error>() {
        if io.kind() == std::io::ErrorKind::BrokenPipe {
            return true;
        }
        if let Some(inner) = io.get_ref() {
            return pipe_closed(inner);
        }
    }
    match e.downcast_ref::<csv::Error>().map(csv::Error::kind) {
        Some(csv::ErrorKind::Io(io)) => io.kind() == std::io::ErrorKind::BrokenPipe,
        _ => false,
    }
}
