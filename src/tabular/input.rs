/*!
The files a command reads tables from: paths, or `-` for standard input.
Each is opened once — the same export named twice would count its rows
twice, so that is an error, not a double.

A workbook (`.xlsx`, `.xls`, `.ods`, recognised by its first bytes) opens as
the CSV of one sheet, named `book.xlsx!Sheet1` (see [`super::workbook`]), so
every reader reads it unchanged and every location names the sheet row.
*/

use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context};

use super::workbook;
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

/// How workbooks among the inputs are read.
#[derive(Debug, Clone, Copy, Default)]
pub struct Sheets<'a> {
    /// `--sheet NAME` (default: each workbook's first sheet).
    pub sheet: Option<&'a str>,
    /// The delimiter the readers will split on (`--delimiter`; default `,`):
    /// a sheet is written with it.
    pub delimiter: Option<u8>,
    /// The encoding the readers will decode (`--encoding`; default: found
    /// out): a sheet is written in it.
    pub encoding: Option<&'static encoding_rs::Encoding>,
}

/// Opens one path (`-` is standard input); a workbook's first sheet.
pub fn open(path: &Path) -> anyhow::Result<Opened> {
    open_with(path, Sheets::default())
}

/// Opens one path (`-` is standard input); a workbook's sheet per `sheets`.
pub fn open_with(path: &Path, sheets: Sheets) -> anyhow::Result<Opened> {
    let (name, stored, mut raw): (String, Option<PathBuf>, Box<dyn Read + Send>) = if path.as_os_str() == "-" {
        ("<stdin>".to_string(), None, Box::new(std::io::stdin()))
    } else {
        let name = display_path(path);
        let meta = std::fs::metadata(path).with_context(|| format!("cannot read {name}"))?;
        if meta.is_dir() {
            bail!("{name} is a directory, not an export");
        }
        let file = std::fs::File::open(path).with_context(|| format!("cannot read {name}"))?;
        (name, Some(path.to_path_buf()), Box::new(file))
    };
    // The first bytes say whether this is a workbook; they are put back
    // in front of the rest for a text export.
    let mut head = Vec::with_capacity(8);
    (&mut raw).take(8).read_to_end(&mut head).with_context(|| format!("cannot read {name}"))?;
    if workbook::looks_like_workbook(&head) {
        let mut bytes = head;
        raw.read_to_end(&mut bytes).with_context(|| format!("cannot read {name}"))?;
        // A workbook is someone else's file format read by someone else's
        // parser: should it panic on a damaged file, that is an error here.
        let convert = || workbook::convert(&name, bytes, sheets.sheet, sheets.delimiter.unwrap_or(b','));
        let sheet = std::panic::catch_unwind(std::panic::AssertUnwindSafe(convert))
            .unwrap_or_else(|_| Err(anyhow::anyhow!("{name}: the workbook is damaged (its reader failed)")))?;
        let name = format!("{name}!{}", sheet.sheet);
        let csv = match sheets.encoding {
            Some(e) if e != encoding_rs::UTF_8 => encode(&name, sheet.csv, e)?,
            _ => sheet.csv,
        };
        return Ok((Input { name, path: stored }, Box::new(Cursor::new(csv))));
    }
    if stored.as_deref().is_some_and(workbook_named) && looks_like_markup(&head) {
        bail!(
            "{name} is a web page or XML file named like a workbook (some systems export tables that way); \
             open it in Excel or WPS and save it as .xlsx or .csv"
        );
    }
    Ok((Input { name, path: stored }, Box::new(Cursor::new(head).chain(raw))))
}

/// A sheet's CSV in the encoding `--encoding` forces on every input, so a
/// workbook read beside a GBK export decodes as one.
fn encode(name: &str, csv: Vec<u8>, e: &'static encoding_rs::Encoding) -> anyhow::Result<Vec<u8>> {
    let text = String::from_utf8(csv).unwrap_or_default();
    let (bytes, used, lossy) = e.encode(&text);
    if used != e || lossy {
        bail!("{name}: its text cannot be written in {} (--encoding); read the workbook without --encoding", e.name());
    }
    Ok(bytes.into_owned())
}

fn workbook_named(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ["xls", "xlsx", "ods", "et"].contains(&e.to_ascii_lowercase().as_str()))
}

fn looks_like_markup(head: &[u8]) -> bool {
    let text =
        String::from_utf8_lossy(head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head)).trim_start().to_ascii_lowercase();
    text.starts_with('<')
}

/// Opens every path, refusing one given twice (also as another spelling of
/// the same file) and standard input given twice; workbooks at their first
/// sheet.
pub fn open_all(paths: &[PathBuf]) -> anyhow::Result<Vec<Opened>> {
    open_all_with(paths, Sheets::default())
}

/// [`open_all`], with `--sheet` and `--delimiter` for workbooks. A `--sheet`
/// with no workbook among the inputs is an error, not ignored.
pub fn open_all_with(paths: &[PathBuf], sheets: Sheets) -> anyhow::Result<Vec<Opened>> {
    let mut seen: Vec<(PathBuf, String)> = Vec::new();
    let mut out = Vec::new();
    for p in paths {
        let key =
            if p.as_os_str() == "-" { PathBuf::from("-") } else { p.canonicalize().unwrap_or_else(|_| p.clone()) };
        if let Some((_, first)) = seen.iter().find(|(k, _)| *k == key) {
            bail!("{} is given twice (also as {first}); its rows would be counted twice", display_path(p));
        }
        seen.push((key, display_path(p)));
        out.push(open_with(p, sheets)?);
    }
    if let Some(sheet) = sheets.sheet {
        if !out.iter().any(|(i, _)| is_sheet(i)) {
            bail!("--sheet {sheet}: none of the inputs is a workbook (.xlsx, .xls, .ods)");
        }
    }
    Ok(out)
}

/// Whether an opened input is a sheet of a workbook (named `file!sheet`).
pub fn is_sheet(input: &Input) -> bool {
    match &input.path {
        Some(p) => input.name != display_path(p),
        None => input.name != "<stdin>",
    }
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
