/*!
The files a command reads tables from: paths, or `-` for standard input.
Each is opened once — the same export named twice would count its rows
twice, so that is an error, not a double.
*/

use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context};

use crate::source::display_path;

/// An input: a path, or standard input.
#[derive(Debug, Clone)]
pub struct Input {
    /// As shown in messages: a relative path, or `<stdin>`.
    pub name: String,
    pub path: Option<PathBuf>,
}

/// An opened input and the bytes to read.
pub type Opened = (Input, Box<dyn Read + Send>);

/// Opens one path (`-` is standard input).
pub fn open(path: &Path) -> anyhow::Result<Opened> {
    if path.as_os_str() == "-" {
        return Ok((Input { name: "<stdin>".to_string(), path: None }, Box::new(std::io::stdin())));
    }
    let name = display_path(path);
    let meta = std::fs::metadata(path).with_context(|| format!("cannot read {name}"))?;
    if meta.is_dir() {
        bail!("{name} is a directory, not an export");
    }
    let file = std::fs::File::open(path).with_context(|| format!("cannot read {name}"))?;
    Ok((Input { name, path: Some(path.to_path_buf()) }, Box::new(file)))
}

/// Opens every path, refusing one given twice (also as another spelling of
/// the same file) and standard input given twice.
pub fn open_all(paths: &[PathBuf]) -> anyhow::Result<Vec<Opened>> {
    let mut seen: Vec<(PathBuf, String)> = Vec::new();
    let mut out = Vec::new();
    for p in paths {
        let key =
            if p.as_os_str() == "-" { PathBuf::from("-") } else { p.canonicalize().unwrap_or_else(|_| p.clone()) };
        if let Some((_, first)) = seen.iter().find(|(k, _)| *k == key) {
            bail!("{} is given twice (also as {first}); its rows would be counted twice", display_path(p));
        }
        seen.push((key, display_path(p)));
        out.push(open(p)?);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_file_twice_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.csv");
        std::fs::write(&a, "x\n").unwrap();
        let other = dir.path().join(".").join("a.csv");
        let err = open_all(&[a.clone(), other]).err().unwrap().to_string();
        assert!(err.contains("given twice"), "{err}");
        assert!(open_all(&[a]).is_ok());
    }
}
