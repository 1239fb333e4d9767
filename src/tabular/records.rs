/*!
A whole table in memory, for the commands whose tables are records people
keep by hand — risks, conflicts, assessments (tens of thousands of rows at
most). Opening, encodings, delimiter and headers are the shared ones; each
record keeps its line so every problem can name `file:line` and the field.
*/

use std::io::Read;

use anyhow::bail;

use super::headers::{self, Headers, Schema};
use super::input::Input;
use super::ReadOptions;
use crate::source::{FileId, Location, Sources};

/// One record: its line and its cells (decoded, trimmed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub line: u64,
    pub cells: Vec<String>,
}

/// A table read whole.
#[derive(Debug)]
pub struct Table {
    pub file: FileId,
    pub headers: Headers,
    /// The line of the header row.
    pub header_line: u64,
    pub encoding: &'static encoding_rs::Encoding,
    pub records: Vec<Record>,
}

impl Table {
    /// A record's cell in standard column `name` (`None` when the table has
    /// no such column; `Some("")` when the cell is empty).
    pub fn cell<'a>(&self, record: &'a Record, name: &str) -> Option<&'a str> {
        self.headers.get(name).map(|i| record.cells.get(i).map_or("", String::as_str))
    }

    /// Where a record is.
    pub fn loc(&self, record: &Record) -> Location {
        Location::row(self.file, record.line)
    }
}

/// Reads `raw` (named by `input`) as a table of `schema`.
pub fn read(
    input: &Input,
    raw: Box<dyn Read + Send>,
    schema: Schema,
    opts: &ReadOptions,
    sources: &mut Sources,
) -> anyhow::Result<Table> {
    let name = &input.name;
    let opened = super::open::open(raw, opts.encoding, opts.delimiter).map_err(|e| io_error(name, e))?;
    let enc = opened.cells;
    let mut csv = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(opened.delimiter)
        .from_reader(crate::tabular::lines::Lines::new(opened.reader).delimiter(opened.delimiter));
    let mut rec = csv::ByteRecord::new();
    let decode = |b: &[u8], line: u64| -> anyhow::Result<String> {
        match enc.decode_without_bom_handling_and_without_replacement(b) {
            Some(s) => Ok(s.trim().to_string()),
            None => {
                bail!("{name}:{line}: bytes that are not valid {} (force another encoding with --encoding)", enc.name())
            }
        }
    };
    if !crate::tabular::lines::read_record(&mut csv, &mut rec).map_err(|e| csv_error(name, e))? {
        bail!("{name}: the file is empty; expected a header row");
    }
    let header_line = rec.position().map_or(1, |p| p.line());
    let names: Vec<String> = rec.iter().map(|h| decode(h, header_line)).collect::<anyhow::Result<_>>()?;
    if names.iter().all(String::is_empty) {
        bail!("{name}:{header_line}: no header row (the first line has no column names)");
    }
    let headers = headers::resolve(&names, schema, &opts.columns);
    if let Some((col, a, b)) = headers.repeated.first() {
        bail!(
            "{name}:{header_line}: columns `{}` and `{}` both mean `{col}`; keep one (or map one to another column in `columns:`)",
            headers.names[*a],
            headers.names[*b]
        );
    }
    let file = sources.add_table(name.clone());
    let mut records = Vec::new();
    while crate::tabular::lines::read_record(&mut csv, &mut rec).map_err(|e| csv_error(name, e))? {
        let line = rec.position().map_or(0, |p| p.line());
        if rec.iter().all(|c| c.iter().all(u8::is_ascii_whitespace)) {
            continue;
        }
        // Sized up front: growing a Vec per record was a tenth of a
        // 500,000-row read.
        let mut cells = Vec::with_capacity(rec.len());
        for c in rec.iter() {
            cells.push(decode(c, line)?);
        }
        records.push(Record { line, cells });
    }
    Ok(Table { file, headers, header_line, encoding: opened.encoding, records })
}

/// An I/O error while reading `name`, with the line when it is a decoding one.
pub fn io_error(name: &str, e: std::io::Error) -> anyhow::Error {
    if let Some(u) = super::open::as_undecodable(&e) {
        return anyhow::anyhow!("{name}:{}: {u}", u.line());
    }
    if let Some(q) = super::lines::as_unclosed_quote(&e) {
        return anyhow::anyhow!("{name}:{}: {q}", q.line);
    }
    anyhow::anyhow!("{name}: {e}")
}

/// A CSV error while reading `name`.
pub fn csv_error(name: &str, e: csv::Error) -> anyhow::Error {
    let line = e.position().map(|p| p.line());
    match e.into_kind() {
        csv::ErrorKind::Io(io) => io_error(name, io),
        other => anyhow::anyhow!("{name}:{}: {other:?}", line.unwrap_or(0)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tabular::headers::Column;

    const SCHEMA: Schema = &[
        Column { name: "id", synonyms: &["編號"] },
        Column { name: "owner", synonyms: &["負責崗位", "責任人"] },
        Column { name: "due", synonyms: &["到期日"] },
    ];

    fn table(bytes: &[u8]) -> anyhow::Result<Table> {
        let input = Input { name: "risks.csv".into(), path: None };
        read(
            &input,
            Box::new(std::io::Cursor::new(bytes.to_vec())),
            SCHEMA,
            &ReadOptions::default(),
            &mut Sources::default(),
        )
    }

    #[test]
    fn records_keep_their_lines_and_chinese_headers() {
        let t = table("編號,負責崗位,備註\nR1,風險管控主管,x\n\nR2,運營總監,\n".as_bytes()).unwrap();
        assert_eq!(t.records.len(), 2);
        assert_eq!(t.records[1].line, 4);
        assert_eq!(t.cell(&t.records[1], "owner"), Some("運營總監"));
        assert_eq!(t.cell(&t.records[1], "due"), None);
    }

    #[test]
    fn a_gb18030_register() {
        let bytes = encoding_rs::GB18030.encode("编号,责任人\nR1,风险管控主管\n").0.into_owned();
        let t = table(&bytes).unwrap();
        assert_eq!(t.cell(&t.records[0], "owner"), Some("风险管控主管"));
    }

    #[test]
    fn bad_tables_name_the_problem() {
        assert!(table(b"").unwrap_err().to_string().contains("empty"));
        let err = table("編號,負責崗位,責任人\n".as_bytes()).unwrap_err().to_string();
        assert!(err.contains("both mean `owner`"), "{err}");
    }

    /// A sheet of a workbook reads unchanged: a record's line is its sheet
    /// row (blank rows kept), and the table is named `book.xlsx!數據`.
    #[test]
    fn records_of_a_workbook_keep_sheet_rows() {
        let mut book = rust_xlsxwriter::Workbook::new();
        let s = book.add_worksheet();
        s.set_name("數據").unwrap();
        s.write_string(1, 0, "編號").unwrap();
        s.write_string(1, 1, "負責崗位").unwrap();
        s.write_string(2, 0, "R1").unwrap();
        s.write_string(2, 1, "風險管控主管").unwrap();
        s.write_string(4, 0, "R2").unwrap();
        s.write_number(4, 1, 7).unwrap();
        let bytes = book.save_to_buffer().unwrap();
        let sheet = crate::tabular::workbook::convert("book.xlsx", bytes, None, b',').unwrap();
        let input = Input { name: format!("book.xlsx!{}", sheet.sheet), path: None };
        let mut sources = Sources::default();
        let t = read(&input, Box::new(std::io::Cursor::new(sheet.csv)), SCHEMA, &ReadOptions::default(), &mut sources)
            .unwrap();
        assert_eq!(t.records.iter().map(|r| r.line).collect::<Vec<_>>(), vec![3, 5]);
        assert_eq!(sources.position(&t.loc(&t.records[1])), "book.xlsx!數據:5");
        assert_eq!(t.cell(&t.records[1], "owner"), Some("7"));
    }
}
