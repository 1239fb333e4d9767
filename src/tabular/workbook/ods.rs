/*!
The percentage cells of an OpenDocument sheet. calamine reads an `.ods`
cell's value (`office:value="0.15"`) but not its value type; a cell of type
`percentage` is shown as `15%` and means 15 to a percent KPI.

Positions are counted exactly as calamine counts them (rows and cells with
their `number-rows-repeated` / `number-columns-repeated`, covered cells
included), so a position here is the position of the same value there.
Repeats are clamped to the sheet's used range: a style repeated down a
million empty rows costs nothing.
*/

use std::collections::HashSet;
use std::io::{BufReader, Cursor};

use anyhow::{anyhow, Context};
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::QName;

use super::percent::Cells;

/// The cells of sheet `sheet` whose value type is `percentage`, within `range`.
pub fn percent_cells(bytes: &[u8], sheet: &str, range: &calamine::Range<calamine::Data>) -> anyhow::Result<Cells> {
    let (Some(start), Some(end)) = (range.start(), range.end()) else { return Ok(Cells::Set(HashSet::new())) };
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).context("not a zip file")?;
    let content = zip.by_name("content.xml").context("no content.xml")?;
    let mut xml = quick_xml::Reader::from_reader(BufReader::new(content));
    xml.config_mut().expand_empty_elements = true;
    let mut buf = Vec::new();
    let mut skip = Vec::new();
    let mut set = HashSet::new();
    let mut in_sheet = false;
    let mut row = 0u64;
    loop {
        match xml.read_event_into(&mut buf).map_err(|e| anyhow!("content.xml: {e}"))? {
            Event::Start(e) if e.name() == QName("table:table") => {
                in_sheet = attr(&e, "table:name")?.as_deref() == Some(sheet);
                row = 0;
            }
            Event::End(e) if e.name() == QName("table:table") && in_sheet => break,
            Event::Start(e) if in_sheet && e.name() == QName("table:table-row") => {
                let mut col = 0u64;
                let repeat = count(&e, "table:number-rows-repeated")?;
                let first = row;
                row += repeat;
                // The row's cells follow, until its end tag.
                let mut row_buf = Vec::new();
                loop {
                    match xml.read_event_into(&mut row_buf).map_err(|e| anyhow!("content.xml: {e}"))? {
                        Event::Start(c)
                            if c.name() == QName("table:table-cell")
                                || c.name() == QName("table:covered-table-cell") =>
                        {
                            let across = count(&c, "table:number-columns-repeated")?;
                            if attr(&c, "office:value-type")?.as_deref() == Some("percentage") {
                                add(&mut set, (first, repeat), (col, across), start, end);
                            }
                            col += across;
                            let name = c.name().as_ref().to_string();
                            xml.read_to_end_into(QName(&name), &mut skip).map_err(|e| anyhow!("content.xml: {e}"))?;
                        }
                        Event::End(c) if c.name() == QName("table:table-row") => break,
                        Event::Eof => return Err(anyhow!("content.xml ends inside a row")),
                        _ => {}
                    }
                    row_buf.clear();
                }
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(Cells::Set(set))
}

/// Marks the cells of rows `first..first+rows` × columns `col..col+cols`
/// that lie in the used range `start..=end`.
fn add(
    set: &mut HashSet<(u32, u32)>,
    (first, rows): (u64, u64),
    (col, cols): (u64, u64),
    start: (u32, u32),
    end: (u32, u32),
) {
    let r0 = first.max(u64::from(start.0));
    let r1 = (first + rows).min(u64::from(end.0) + 1);
    let c0 = col.max(u64::from(start.1));
    let c1 = (col + cols).min(u64::from(end.1) + 1);
    for r in r0..r1 {
        for c in c0..c1 {
            set.insert((r as u32, c as u32));
        }
    }
}

fn attr(e: &BytesStart, name: &str) -> anyhow::Result<Option<String>> {
    for a in e.attributes() {
        let a = a.map_err(|e| anyhow!("content.xml: {e}"))?;
        if a.key == QName(name) {
            let v = a.normalized_value(quick_xml::XmlVersion::Implicit1_0).map_err(|e| anyhow!("content.xml: {e}"))?;
            return Ok(Some(v.into_owned()));
        }
    }
    Ok(None)
}

fn count(e: &BytesStart, name: &str) -> anyhow::Result<u64> {
    match attr(e, name)? {
        Some(v) => v.trim().parse().map_err(|_| anyhow!("content.xml: `{v}` is not a repeat count")),
        None => Ok(1),
    }
}
