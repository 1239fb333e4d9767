/*!
Excel and WPS workbooks (`.xlsx`, `.xls`, `.ods`) read as the CSV every
reader already understands (SPEC 7).

A workbook is recognised by its first bytes, not its name — systems export
CSV named `.xls` and workbooks named `.csv` alike. The chosen sheet (the
first, or `--sheet NAME`) becomes UTF-8 CSV text with **one line per sheet
row**: line N is sheet row N, blank rows are blank lines, so every reader's
`file:line` is the row number Excel shows, and the table is named
`book.xlsx!Sheet1` — a problem prints as `book.xlsx!Sheet1:12`.

Cells are taken as values, never re-parsed from the text Excel shows (see
[`cell`]): a date is `YYYY-MM-DD`, a number its shortest decimal text, and a
number *formatted as a percentage* is written with its percent sign (`15%`
for a cell holding 0.15 shown as `15.0%`), because a percent KPI expects 15.
The percentage formats come from the workbook itself ([`percent`]); a
workbook whose formats cannot be read is refused rather than guessed.
*/

mod cell;
mod ods;
mod percent;
mod xls;

use std::io::Cursor;

use anyhow::{anyhow, bail};
use calamine::{Data, Reader};

use crate::text::suggest;

/// The kinds of file this module reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Office Open XML (Excel 2007 and later, WPS `.xlsx`).
    Xlsx,
    /// BIFF8 in a compound file (Excel 97–2003, WPS `.xls`).
    Xls,
    /// OpenDocument (LibreOffice, WPS `.ods`).
    Ods,
}

const CFB_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
const ZIP_MAGIC: &[u8] = b"PK\x03\x04";

/// Whether `head` (the first bytes of a file) starts a workbook container.
/// A zip or compound file is only a *candidate*: [`Kind`] is decided by
/// [`sniff`] from what is inside.
pub fn looks_like_workbook(head: &[u8]) -> bool {
    head.starts_with(CFB_MAGIC) || head.starts_with(ZIP_MAGIC)
}

/// The kind of workbook `bytes` is, or why it is not one this tool reads.
pub fn sniff(bytes: &[u8]) -> anyhow::Result<Kind> {
    if bytes.starts_with(CFB_MAGIC) {
        return Ok(Kind::Xls);
    }
    if !bytes.starts_with(ZIP_MAGIC) {
        bail!("not a workbook");
    }
    let zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| anyhow!("a damaged zip file ({e})"))?;
    let has = |n: &str| zip.index_for_name(n).is_some();
    if has("xl/workbook.xml") {
        Ok(Kind::Xlsx)
    } else if has("content.xml") && has("mimetype") {
        Ok(Kind::Ods)
    } else if has("xl/workbook.bin") {
        bail!("an Excel binary workbook (.xlsb), which is not read; save it as .xlsx")
    } else {
        bail!("a zip file that is not a workbook (.xlsx or .ods)")
    }
}

/// A sheet converted to CSV.
#[derive(Debug)]
pub struct Converted {
    /// The sheet's name, for `book.xlsx!Sheet1`.
    pub sheet: String,
    /// UTF-8 CSV, one line per sheet row from row 1.
    pub csv: Vec<u8>,
}

/// Converts sheet `wanted` (default: the first) of the workbook `bytes`,
/// named `name` in messages, to CSV separated by `delimiter`.
pub fn convert(name: &str, bytes: Vec<u8>, wanted: Option<&str>, delimiter: u8) -> anyhow::Result<Converted> {
    let kind = sniff(&bytes).map_err(|e| anyhow!("{name}: {e}"))?;
    let mut book = open(kind, &bytes).map_err(|e| anyhow!("{name}: cannot read the workbook: {e}"))?;
    let sheets = book.sheet_names();
    let sheet = choose(name, &sheets, wanted)?;
    let range = book.worksheet_range(&sheet).map_err(|e| anyhow!("{name}!{sheet}: cannot read the sheet: {e}"))?;
    if range.is_empty() {
        let others: Vec<&str> = sheets.iter().filter(|s| **s != sheet).map(String::as_str).collect();
        if others.is_empty() {
            bail!("{name}!{sheet}: the sheet is empty; expected a header row");
        }
        bail!(
            "{name}!{sheet}: the sheet is empty; the workbook also has {} (choose one with --sheet)",
            quoted(&others)
        );
    }
    let percent = match (&mut book, kind) {
        (calamine::Sheets::Xlsx(x), _) => percent::Cells::from_styles(
            &x.worksheet_style(&sheet).map_err(|e| anyhow!("{name}!{sheet}: cannot read cell formats: {e}"))?,
        ),
        (_, Kind::Ods) => ods::percent_cells(&bytes, &sheet, &range)
            .map_err(|e| anyhow!("{name}!{sheet}: cannot read cell formats: {e}"))?,
        (_, Kind::Xls) => {
            xls::percent_cells(&bytes, &sheet).map_err(|e| anyhow!("{name}!{sheet}: cannot read cell formats: {e}"))?
        }
        (_, Kind::Xlsx) => bail!("{name}: not an .xlsx workbook after all"),
    };
    let csv = write_csv(&range, &percent, delimiter);
    Ok(Converted { sheet, csv })
}

fn open(kind: Kind, bytes: &[u8]) -> Result<calamine::Sheets<Cursor<&[u8]>>, String> {
    let cursor = Cursor::new(bytes);
    match kind {
        Kind::Xlsx => calamine::open_workbook_from_rs(cursor).map(calamine::Sheets::Xlsx).map_err(|e| e.to_string()),
        Kind::Xls => calamine::open_workbook_from_rs(cursor).map(calamine::Sheets::Xls).map_err(|e| e.to_string()),
        Kind::Ods => calamine::open_workbook_from_rs(cursor).map(calamine::Sheets::Ods).map_err(|e| e.to_string()),
    }
}

/// The sheet to read: `wanted` (exactly, else folded), or the first.
fn choose(name: &str, sheets: &[String], wanted: Option<&str>) -> anyhow::Result<String> {
    let Some(w) = wanted else {
        return sheets.first().cloned().ok_or_else(|| anyhow!("{name}: the workbook has no sheets"));
    };
    if let Some(s) = sheets.iter().find(|s| s.as_str() == w) {
        return Ok(s.clone());
    }
    let folded = crate::text::fold::fold(w);
    let same: Vec<&String> = sheets.iter().filter(|s| crate::text::fold::fold(s) == folded).collect();
    if let [one] = same.as_slice() {
        return Ok((*one).clone());
    }
    let hint = suggest::nearest(w, sheets.iter().map(String::as_str))
        .map_or(String::new(), |n| format!("; did you mean `{n}`?"));
    let all: Vec<&str> = sheets.iter().map(String::as_str).collect();
    bail!("{name} has no sheet `{w}`{hint} (its sheets: {})", quoted(&all))
}

fn quoted(names: &[&str]) -> String {
    names.iter().map(|s| format!("`{s}`")).collect::<Vec<_>>().join(", ")
}

/// The range as CSV: blank lines for the rows above it and for empty rows,
/// every other row as wide as the range.
fn write_csv(range: &calamine::Range<Data>, percent: &percent::Cells, delimiter: u8) -> Vec<u8> {
    let (top, left) = range.start().unwrap_or((0, 0));
    let (height, width) = range.get_size();
    let mut out = Vec::with_capacity(height * width * 8 + top as usize);
    out.extend(std::iter::repeat_n(b'\n', top as usize));
    for (r, row) in range.rows().enumerate() {
        let abs_row = top + r as u32;
        // An empty row is a blank line: not a record, but it keeps the numbering.
        if !row.iter().all(|c| matches!(c, Data::Empty) || matches!(c, Data::String(s) if s.trim().is_empty())) {
            for (c, value) in row.iter().enumerate() {
                if c > 0 {
                    out.push(delimiter);
                }
                let text = cell::text(value, percent.is_percent((abs_row, left + c as u32), value));
                field(&mut out, &text, delimiter);
            }
        }
        out.push(b'\n');
    }
    out
}

/// One CSV field, quoted when it holds the delimiter or a quote.
fn field(out: &mut Vec<u8>, text: &str, delimiter: u8) {
    if text.bytes().any(|b| b == delimiter || b == b'"' || b == b'\n' || b == b'\r') {
        out.push(b'"');
        out.extend_from_slice(text.replace('"', "\"\"").as_bytes());
        out.push(b'"');
    } else {
        out.extend_from_slice(text.as_bytes());
    }
}

#[cfg(test)]
mod tests;
