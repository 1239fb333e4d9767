/*!
The number formats of an `.xls` (BIFF8) sheet's numeric cells. calamine
reads the values and tells dates apart, but keeps no other format; a cell
formatted `0.0%` must still be known as a percentage (see [`super::percent`]).

This reads only what that needs from the `Workbook` stream (MS-XLS): the
FORMAT records (custom format codes), the XF records (cell format → format
code), BOUNDSHEET8 (where each sheet's records start) and, in the chosen
sheet, the cells that carry a number — NUMBER, RK, MULRK and FORMULA — with
their XF index. Older files (Excel 5 and before) are refused: their formats
are not read, and a guess could turn 15 % into 0.15.
*/

use std::collections::HashMap;
use std::io::{Cursor, Read};

use anyhow::{anyhow, bail, Context};

use super::percent::{mentions_percent, Cells};

const BOF: u16 = 0x0809;
const EOF: u16 = 0x000A;
const FORMAT: u16 = 0x041E;
const XF: u16 = 0x00E0;
const BOUNDSHEET: u16 = 0x0085;
const NUMBER: u16 = 0x0203;
const RK: u16 = 0x027E;
const MULRK: u16 = 0x00BD;
const FORMULA: u16 = 0x0006;

/// Excel's built-in percentage formats (ids 9 and 10).
fn builtin(id: u16) -> Option<&'static str> {
    match id {
        9 => Some("0%"),
        10 => Some("0.00%"),
        _ => None,
    }
}

/// The percentage-formatted cells of sheet `sheet` of the `.xls` `bytes`.
pub fn percent_cells(bytes: &[u8], sheet: &str) -> anyhow::Result<Cells> {
    let mut cfb = cfb::CompoundFile::open(Cursor::new(bytes)).context("not a compound file")?;
    if !cfb.exists("/Workbook") {
        bail!("an Excel 5 (or older) workbook, whose number formats are not read; save it as .xlsx");
    }
    let mut stream = Vec::new();
    cfb.open_stream("/Workbook")?.read_to_end(&mut stream)?;
    let globals = Globals::read(&stream)?;
    let start = globals.sheets.iter().find(|(name, _)| name == sheet).map(|(_, at)| *at);
    let start = start.ok_or_else(|| anyhow!("no sheet `{sheet}` in the Workbook stream"))?;
    // Only the format codes that can show a percentage matter.
    let mut codes = Vec::new();
    let mut code_of_xf: Vec<Option<u32>> = Vec::with_capacity(globals.xfs.len());
    for ifmt in &globals.xfs {
        let code = globals.formats.get(ifmt).map(String::as_str).or_else(|| builtin(*ifmt));
        code_of_xf.push(code.filter(|c| mentions_percent(c)).map(|c| {
            codes.push(c.to_string());
            (codes.len() - 1) as u32
        }));
    }
    let mut at = HashMap::new();
    let mut mark = |row: u16, col: u16, ixfe: u16| {
        if let Some(Some(i)) = code_of_xf.get(usize::from(ixfe)) {
            at.insert((u32::from(row), u32::from(col)), *i);
        }
    };
    let mut depth = 0usize;
    for (kind, data) in Records::new(stream.get(start..).unwrap_or_default()) {
        match kind {
            BOF => depth += 1,
            EOF => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    break;
                }
            }
            // An embedded chart's substream has cells of its own.
            _ if depth != 1 => {}
            NUMBER | RK | FORMULA if data.len() >= 6 => mark(u16le(data, 0), u16le(data, 2), u16le(data, 4)),
            MULRK if data.len() >= 6 => {
                let (row, first) = (u16le(data, 0), u16le(data, 2));
                for (i, rec) in data[4..data.len() - 2].chunks_exact(6).enumerate() {
                    mark(row, first.saturating_add(i as u16), u16le(rec, 0));
                }
            }
            _ => {}
        }
    }
    Ok(Cells::Codes { codes, at })
}

/// What the workbook globals say.
struct Globals {
    /// Custom format codes by id.
    formats: HashMap<u16, String>,
    /// The format id of each XF, by XF index.
    xfs: Vec<u16>,
    /// Sheet names and the stream offsets of their BOF records.
    sheets: Vec<(String, usize)>,
}

impl Globals {
    fn read(stream: &[u8]) -> anyhow::Result<Globals> {
        let mut g = Globals { formats: HashMap::new(), xfs: Vec::new(), sheets: Vec::new() };
        let mut records = Records::new(stream);
        match records.next() {
            Some((BOF, data)) if data.len() >= 2 && u16le(data, 0) == 0x0600 => {}
            _ => bail!("not a BIFF8 workbook (Excel 97 or later); save it as .xlsx"),
        }
        for (kind, data) in records {
            match kind {
                EOF => break,
                FORMAT if data.len() >= 5 => {
                    if let Some(code) = unicode_string(&data[2..], true) {
                        g.formats.insert(u16le(data, 0), code);
                    }
                }
                XF if data.len() >= 4 => g.xfs.push(u16le(data, 2)),
                BOUNDSHEET if data.len() >= 8 => {
                    let at = u32::from_le_bytes([data[0], data[1], data[2], data[3]]) as usize;
                    if let Some(name) = unicode_string(&data[6..], false) {
                        g.sheets.push((name, at));
                    }
                }
                _ => {}
            }
        }
        Ok(g)
    }
}

/// An XLUnicodeString (`long`: 16-bit length) or ShortXLUnicodeString.
fn unicode_string(data: &[u8], long: bool) -> Option<String> {
    let (len, rest) = if long {
        (usize::from(u16le(data, 0)), data.get(2..)?)
    } else {
        (usize::from(*data.first()?), data.get(1..)?)
    };
    let (flags, chars) = rest.split_first()?;
    if flags & 1 == 0 {
        // "Compressed": the low bytes of UTF-16 code units, i.e. Latin-1.
        Some(chars.get(..len)?.iter().map(|&b| char::from(b)).collect())
    } else {
        let units: Vec<u16> = chars.get(..len * 2)?.chunks_exact(2).map(|c| u16::from_le_bytes([c[0], c[1]])).collect();
        String::from_utf16(&units).ok()
    }
}

fn u16le(data: &[u8], at: usize) -> u16 {
    match data.get(at..at + 2) {
        Some(b) => u16::from_le_bytes([b[0], b[1]]),
        None => 0,
    }
}

/// BIFF records: (type, data), until the bytes end.
struct Records<'a> {
    bytes: &'a [u8],
}

impl<'a> Records<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Records { bytes }
    }
}

impl<'a> Iterator for Records<'a> {
    type Item = (u16, &'a [u8]);

    fn next(&mut self) -> Option<Self::Item> {
        let kind = u16le(self.bytes, 0);
        let len = usize::from(u16le(self.bytes.get(2..)?, 0));
        let data = self.bytes.get(4..4 + len)?;
        self.bytes = &self.bytes[4 + len..];
        Some((kind, data))
    }
}
