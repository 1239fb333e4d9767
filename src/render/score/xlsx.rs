/*!
Scorecards as an Excel workbook (`--format xlsx -o FILE`): a sheet of
scorecards (one row per entity × KPI, like the CSV) and a sheet of the
summary (one row per card), with numbers as numbers — an analyst sorts,
filters and sums them without re-typing — and the text as text: a cell
written as a string is never a formula, so nothing from an export runs.

A workbook is a zip: it is built in memory (rust_xlsxwriter) and written in
one piece, which `output::emit` makes atomic for `-o`. The command refuses to
write it to a terminal.
*/

use std::io::{self, Write};

use chrono::Datelike;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

use super::ScoreOutput;
use crate::render::Render;
use crate::score::formula::round;

pub struct Xlsx;

impl Render<ScoreOutput<'_, '_>> for Xlsx {
    fn render(&self, o: &ScoreOutput, out: &mut dyn Write) -> io::Result<()> {
        let bytes = workbook(o).map_err(|e| io::Error::other(format!("cannot build the workbook: {e}")))?;
        out.write_all(&bytes)
    }
}

fn workbook(o: &ScoreOutput) -> Result<Vec<u8>, XlsxError> {
    let r = o.report;
    let mut book = Workbook::new();
    // The same inputs give the same bytes: the document's creation time is
    // the end of the scored period (or the zip epoch), not the clock's.
    let (y, m, d) = r.period.map_or((1980, 1, 1), |p| (p.end.year() as u16, p.end.month() as u8, p.end.day() as u8));
    let created = ExcelDateTime::from_ymd(y, m, d)?;
    let title = format!("{} scorecards {}", r.department, r.label);
    book.set_properties(&DocProperties::new().set_title(&title).set_creation_datetime(&created));
    let bold = Format::new().set_bold();
    let one = Format::new().set_num_format("0.0");
    let value = Format::new().set_num_format("General");
    let pct = Format::new().set_num_format("0%");

    let cards = book.add_worksheet();
    cards.set_name("Scorecards")?;
    let header = super::long_columns(r, o.view.explain);
    heading(cards, &header, &bold)?;
    let mut row = 1;
    for c in r.cards(o.view.explain) {
        for l in &c.kpis {
            let mut col = 0;
            let mut text = |ws: &mut Worksheet, s: &str| -> Result<(), XlsxError> {
                ws.write_string(row, col, s)?;
                col += 1;
                Ok(())
            };
            text(cards, &r.label)?;
            text(cards, &c.entity)?;
            text(cards, &c.role.id)?;
            text(cards, &l.kpi.id)?;
            text(cards, &l.kpi.title)?;
            text(cards, &l.kpi.metric)?;
            text(cards, &l.kpi.unit.to_string())?;
            number(cards, row, 7, l.value, &value)?;
            number(cards, row, 8, Some(l.kpi.weight), &value)?;
            number(cards, row, 9, l.scored.as_ref().map(|s| s.score), &one)?;
            cards.write_string(row, 10, l.status.as_str())?;
            number(cards, row, 11, c.score, &one)?;
            cards.write_string(row, 12, &c.grade)?;
            cards.write_boolean(row, 13, c.complete)?;
            number(cards, row, 14, Some(c.coverage), &pct)?;
            let mut next = 15;
            if r.compare.is_some() {
                number(cards, row, 15, l.compare, &one)?;
                number(cards, row, 16, c.compare, &one)?;
                next = 17;
            }
            if r.by_role {
                number(cards, row, next, l.people.map(Decimal::from), &value)?;
                next += 1;
            }
            if r.person_ids {
                cards.write_string(row, next, c.person_id.as_deref().unwrap_or(""))?;
                next += 1;
            }
            if o.view.explain {
                cards.write_string(row, next, super::how(l, crate::render::lang::Lang::En))?;
            }
            row += 1;
        }
    }
    finish(cards, row, header.len())?;

    let summary = book.add_worksheet();
    summary.set_name("Summary")?;
    let mut header = vec!["period", "entity", "role", "role_title", "score", "grade", "complete", "coverage", "status"];
    if r.compare.is_some() {
        header.push("compare_score");
    }
    heading(summary, &header, &bold)?;
    let mut row = 1;
    for c in r.cards(false) {
        summary.write_string(row, 0, &r.label)?;
        summary.write_string(row, 1, &c.entity)?;
        summary.write_string(row, 2, &c.role.id)?;
        summary.write_string(row, 3, &c.role.title)?;
        number(summary, row, 4, c.score, &one)?;
        summary.write_string(row, 5, &c.grade)?;
        summary.write_boolean(row, 6, c.complete)?;
        number(summary, row, 7, Some(c.coverage), &pct)?;
        summary.write_string(row, 8, if c.insufficient { "insufficient" } else { "ok" })?;
        if r.compare.is_some() {
            number(summary, row, 9, c.compare, &one)?;
        }
        row += 1;
    }
    finish(summary, row, header.len())?;
    book.save_to_buffer()
}

fn heading(ws: &mut Worksheet, names: &[&str], bold: &Format) -> Result<(), XlsxError> {
    for (i, h) in names.iter().enumerate() {
        ws.write_string_with_format(0, i as u16, *h, bold)?;
    }
    ws.set_freeze_panes(1, 0)?;
    Ok(())
}

fn finish(ws: &mut Worksheet, rows: u32, cols: usize) -> Result<(), XlsxError> {
    if rows > 1 && cols > 0 {
        ws.autofilter(0, 0, rows - 1, (cols - 1) as u16)?;
    }
    ws.autofit();
    Ok(())
}

/// A number cell (at most 4 decimals, as JSON carries it), or an empty cell.
fn number(ws: &mut Worksheet, row: u32, col: u16, v: Option<Decimal>, format: &Format) -> Result<(), XlsxError> {
    if let Some(v) = v.and_then(|d| round(d, 4).to_f64()) {
        ws.write_number_with_format(row, col, v, format)?;
    }
    Ok(())
}
