/*!
`opsroles init [DIR]`: write the embedded config, seed roles, schemas and
examples, then say what to run next — from where the user stands.
Nothing is written when any target file already exists.
*/

use std::io::Write as _;
use std::path::Path;

use anyhow::{bail, Context as _};

use super::Outcome;
use crate::cli::InitArgs;
use crate::context::Context;
use crate::source::display_path;

pub fn run(args: &InitArgs, ctx: &Context) -> anyhow::Result<Outcome> {
    let targets: Vec<_> = crate::embedded::FILES.iter().map(|(rel, bytes)| (args.dir.join(rel), *bytes)).collect();
    let existing: Vec<String> =
        targets.iter().filter(|(p, _)| p.exists() || p.is_symlink()).map(|(p, _)| display_path(p)).collect();
    if !existing.is_empty() {
        bail!("refusing to overwrite existing files: {}", existing.join(", "));
    }
    for (path, bytes) in &targets {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", display_path(dir)))?;
        }
        // create_new: a file that appeared since the check above is still not overwritten.
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)
            .with_context(|| format!("cannot create {}", display_path(path)))?;
        std::io::Write::write_all(&mut f, bytes).with_context(|| format!("cannot write {}", display_path(path)))?;
    }
    if !ctx.quiet {
        // A closed or full stderr is no reason to fail a run that did its work.
        let _ = write!(anstream::stderr(), "{}", next_steps(&args.dir, targets.len()));
    }
    Ok(Outcome::Success)
}

/// What was written and the commands to run next, runnable as printed, one
/// after the other: a `cd` first unless the project is the current directory.
pub fn next_steps(dir: &Path, files: usize) -> String {
    let shown = display_path(dir);
    let here = shown == "." || shown.is_empty();
    let cd = if here { String::new() } else { format!("  cd {}\n", shell_word(&shown)) };
    format!(
        "created {files} files in {shown}:\n  opsroles.yaml, roles/ (the seed's five roles), schemas/ (for editors), examples/\n\
         next:\n{cd}  opsroles check\n  opsroles score examples/q3.csv\n"
    )
}

/// `s` quoted for a POSIX shell when it needs to be.
fn shell_word(s: &str) -> String {
    if s.chars().all(|c| c.is_alphanumeric() || "-_./".contains(c)) {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', "'\\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_steps_work_from_where_the_user_stands() {
        assert!(next_steps(Path::new("."), 12).ends_with("next:\n  opsroles check\n  opsroles score examples/q3.csv\n"));
        assert!(next_steps(Path::new("demo"), 12)
            .ends_with("next:\n  cd demo\n  opsroles check\n  opsroles score examples/q3.csv\n"));
        assert!(next_steps(Path::new("my dept"), 12).contains("\n  cd 'my dept'\n"));
    }
}
