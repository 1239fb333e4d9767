/*!
Where results go: stdout (colour per `--color`, `NO_COLOR` and whether stdout
is a terminal, via anstream) or `-o FILE`, written to a temporary file beside
it and renamed, so a failed run never leaves half a report.
*/

use std::io::Write;
use std::path::Path;

use anyhow::Context;

use crate::cli::ColorWhen;
use crate::source::display_path;

/// Writes `text` (which may hold ANSI colour codes) to `output` or stdout.
pub fn emit(text: &str, output: Option<&Path>, color: ColorWhen) -> anyhow::Result<()> {
    match output {
        Some(path) => write_atomic(path, anstream::adapter::strip_str(text).to_string().as_bytes()),
        None => {
            let choice = match color {
                ColorWhen::Auto => anstream::ColorChoice::Auto,
                ColorWhen::Always => anstream::ColorChoice::Always,
                ColorWhen::Never => anstream::ColorChoice::Never,
            };
            let mut out = anstream::AutoStream::new(std::io::stdout().lock(), choice);
            out.write_all(text.as_bytes())?;
            out.flush()?;
            Ok(())
        }
    }
}

/// Writes `bytes` to `path` via a temporary file in the same directory.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let shown = display_path(path);
    let mut tmp = tempfile::NamedTempFile::new_in(dir).with_context(|| format!("cannot write {shown}"))?;
    tmp.write_all(bytes).with_context(|| format!("cannot write {shown}"))?;
    tmp.as_file().sync_all().ok();
    tmp.persist(path).map_err(|e| e.error).with_context(|| format!("cannot write {shown}"))?;
    Ok(())
}
