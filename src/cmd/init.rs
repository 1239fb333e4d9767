/*!
`opsroles init [DIR]`: write the embedded seed roles and default config.
Nothing is written when any target file already exists.
*/

use std::io::Write as _;

use anyhow::{bail, Context as _};

use super::Outcome;
use crate::cli::InitArgs;
use crate::context::Context;
use crate::source::display_path;

pub fn run(args: &InitArgs, ctx: &Context) -> anyhow::Result<Outcome> {
    let targets: Vec<_> = crate::embedded::FILES.iter().map(|(rel, text)| (args.dir.join(rel), *text)).collect();
    let existing: Vec<String> =
        targets.iter().filter(|(p, _)| p.exists() || p.is_symlink()).map(|(p, _)| display_path(p)).collect();
    if !existing.is_empty() {
        bail!("refusing to overwrite existing files: {}", existing.join(", "));
    }
    for (path, text) in &targets {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", display_path(dir)))?;
        }
        // create_new: a file that appeared since the check above is still not overwritten.
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)
            .with_context(|| format!("cannot create {}", display_path(path)))?;
        std::io::Write::write_all(&mut f, text.as_bytes())
            .with_context(|| format!("cannot write {}", display_path(path)))?;
    }
    if !ctx.quiet {
        // A closed or full stderr is no reason to fail a run that did its work.
        let _ = writeln!(
            anstream::stderr(),
            "created {} files in {}; next: opsroles check",
            targets.len(),
            display_path(&args.dir)
        );
    }
    Ok(Outcome::Success)
}
