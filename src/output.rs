/*!
Where results go: standard output, or `-o FILE`.

`-o FILE` is written to a temporary file beside it and renamed, so a failed
run never leaves half a report and never replaces a good one (SPEC 8); the
new file keeps the mode of the file it replaces, else gets the umask's.

Two kinds of output reach standard output differently:
- [`Kind::Styled`] (terminal tables, rustc-style findings) may hold ANSI
  colour codes the renderer wrote; anstream strips them when colour is off
  (`--color`, `NO_COLOR`, not a terminal). Renderers have already made the
  data in them harmless.
- [`Kind::Data`] (JSON, CSV, Markdown, HTML, SARIF …) is written byte for byte
  into files and pipes — the data keeps its characters — but on a terminal
  every control character is shown as `?`, so no escape sequence from an
  export or a role file reaches the terminal raw.
*/

use std::io::{self, IsTerminal, Write};
use std::path::Path;

use anyhow::Context as _;

use crate::source::display_path;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Styled,
    Data,
}

/// Runs `write` against `output` or standard output.
pub fn emit(
    output: Option<&Path>,
    kind: Kind,
    color: anstream::ColorChoice,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> anyhow::Result<()> {
    match output {
        Some(path) => write_atomic(path, |w| match kind {
            Kind::Styled => {
                let mut strip = Strip { inner: w, state: anstream::adapter::StripBytes::new() };
                write(&mut strip)
            }
            Kind::Data => write(w),
        }),
        None => {
            let stdout = io::stdout();
            let lock = stdout.lock();
            let result = match kind {
                Kind::Styled => {
                    let mut out = io::BufWriter::new(anstream::AutoStream::new(lock, color));
                    write(&mut out).and_then(|()| out.flush())
                }
                Kind::Data if io::stdout().is_terminal() => {
                    let mut out = Defanged(io::BufWriter::new(lock));
                    write(&mut out).and_then(|()| out.0.flush())
                }
                Kind::Data => {
                    let mut out = io::BufWriter::with_capacity(256 * 1024, lock);
                    write(&mut out).and_then(|()| out.flush())
                }
            };
            Ok(result?)
        }
    }
}

/// Whether colour reaches standard output with this choice (`--color`,
/// `NO_COLOR`, a terminal or not) — so a renderer can leave colour out
/// instead of writing codes to be stripped again.
pub fn colour_on_stdout(color: anstream::ColorChoice) -> bool {
    let choice = match color {
        anstream::ColorChoice::Auto => anstream::AutoStream::choice(&io::stdout()),
        other => other,
    };
    choice != anstream::ColorChoice::Never
}

/// ANSI colour codes removed on the way into a file.
struct Strip<'a> {
    inner: &'a mut dyn Write,
    state: anstream::adapter::StripBytes,
}

impl Write for Strip<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        for part in self.state.strip_next(buf) {
            self.inner.write_all(part)?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Control characters (but tab and line breaks) become `?` on the way to a
/// terminal.
struct Defanged<W>(W);

impl<W: Write> Write for Defanged<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let cleaned: Vec<u8> = buf
            .iter()
            .map(|&b| if b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r') || b == 0x7f { b'?' } else { b })
            .collect();
        self.0.write_all(&cleaned)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}

/// Writes `path` through a temporary file in the same directory, renamed
/// into place only when `write` succeeded.
pub fn write_atomic(path: &Path, write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> anyhow::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let shown = display_path(path);
    let existing = std::fs::metadata(path).ok().map(|m| m.permissions());
    let mut builder = tempfile::Builder::new();
    builder.prefix(".opsroles-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // Created as 0666, which the umask trims, like any new file.
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    // tempfile's error names the temporary file; the user named `path`.
    let tmp = builder.tempfile_in(dir).map_err(|e| {
        if dir.is_dir() {
            anyhow::anyhow!("cannot write {shown}: {}", io::Error::from(e.kind()))
        } else {
            anyhow::anyhow!("cannot write {shown}: there is no folder {}", display_path(dir))
        }
    })?;
    let mut out = io::BufWriter::with_capacity(256 * 1024, tmp);
    write(&mut out).and_then(|()| out.flush()).with_context(|| format!("cannot write {shown}"))?;
    let tmp = out.into_inner().map_err(|e| e.into_error()).with_context(|| format!("cannot write {shown}"))?;
    if let Some(perm) = existing {
        tmp.as_file().set_permissions(perm).with_context(|| format!("cannot write {shown}"))?;
    }
    tmp.as_file().sync_all().ok();
    tmp.persist(path).map_err(|e| e.error).with_context(|| format!("cannot write {shown}"))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_write_leaves_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.txt");
        std::fs::write(&path, "old").unwrap();
        let err = write_atomic(&path, |w| {
            w.write_all(b"half")?;
            Err(io::Error::other("boom"))
        });
        assert!(err.is_err());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "no temporary file left");
    }

    #[cfg(unix)]
    #[test]
    fn a_replaced_file_keeps_its_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.txt");
        std::fs::write(&path, "old").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_atomic(&path, |w| w.write_all(b"new")).unwrap();
        assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o640);
        let fresh = dir.path().join("fresh.txt");
        write_atomic(&fresh, |w| w.write_all(b"x")).unwrap();
        let mode = std::fs::metadata(&fresh).unwrap().permissions().mode() & 0o777;
        assert_ne!(mode, 0o600, "a new file follows the umask, not tempfile's 0600");
    }

    #[test]
    fn control_characters_never_reach_a_terminal_raw() {
        let mut d = Defanged(Vec::new());
        d.write_all("a\u{1b}[2Jb\t張\n".as_bytes()).unwrap();
        assert_eq!(String::from_utf8(d.0).unwrap(), "a?[2Jb\t張\n");
    }
}
