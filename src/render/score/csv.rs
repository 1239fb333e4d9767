/*!
CSV scorecards: one row per entity × KPI, for spreadsheets, written as the
cards are computed. UTF-8 with a byte order mark by default, so Chinese
Excel opens it as UTF-8 (`--no-bom` leaves it out). Text cells that a
spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or
carriage return) get a leading `'`; numbers stay numbers.
*/

use std::io::{self, Write};

use super::{num, stream, ScoreOutput};
use crate::render::escape::csv_cell;
use crate::render::Render;
use crate::score::card::Card;
use crate::score::Report;

pub struct Csv;

/// Appends a text cell: defanged, quoted when it holds a delimiter, a quote
/// or a line break.
fn text(out: &mut String, s: &str) {
    let s = csv_cell(s);
    if s.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&s.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(&s);
    }
}

fn number(out: &mut String, v: Option<rust_decimal::Decimal>) {
    if let Some(v) = v {
        crate::render::number::write(out, v, crate::render::number::Style::trimmed(4));
    }
}

/// The cells every row of a role's KPI repeats: `kpi,title,metric,unit,`
/// and after the value `weight,`.
struct KpiCells {
    head: String,
    weight: String,
}

fn kpi_cells(r: &Report) -> Vec<Vec<KpiCells>> {
    super::per_kpi(r, |k| {
        let mut head = String::new();
        for t in [&k.id, &k.title, &k.metric] {
            text(&mut head, t);
            head.push(',');
        }
        head.push_str(&k.unit.to_string());
        head.push(',');
        KpiCells { head, weight: format!("{},", num(k.weight)) }
    })
}

#[allow(clippy::too_many_arguments)]
fn rows(c: &Card, r: &Report, cells: &[Vec<KpiCells>], period: &str, explain: bool, ids: bool, out: &mut String) {
    let role_ix = c.role_ix;
    let mut lead = String::from(period);
    text(&mut lead, &c.entity);
    lead.push(',');
    text(&mut lead, &c.role.id);
    lead.push(',');
    let mut tail = String::from(",");
    number(&mut tail, c.score);
    tail.push(',');
    text(&mut tail, &c.grade);
    tail.push_str(if c.complete { ",true," } else { ",false," });
    number(&mut tail, Some(c.coverage));
    for (l, kc) in c.kpis.iter().zip(&cells[role_ix]) {
        out.push_str(&lead);
        out.push_str(&kc.head);
        number(out, l.value);
        out.push(',');
        out.push_str(&kc.weight);
        number(out, l.scored.as_ref().map(|s| s.score));
        out.push(',');
        out.push_str(l.status.as_str());
        out.push_str(&tail);
        if r.compare.is_some() {
            out.push(',');
            number(out, l.compare);
            out.push(',');
            number(out, c.compare);
        }
        if r.by_role {
            out.push(',');
            if let Some(n) = l.people {
                out.push_str(&n.to_string());
            }
        }
        if ids {
            out.push(',');
            if let Some(id) = &c.person_id {
                text(out, id);
            }
        }
        if explain {
            out.push(',');
            text(out, &super::how(l, super::Lang::En));
        }
        out.push('\n');
    }
}

impl Render<ScoreOutput<'_, '_>> for Csv {
    fn render(&self, o: &ScoreOutput, w: &mut dyn Write) -> io::Result<()> {
        let (r, view) = (o.report, o.view);
        let header = super::long_columns(r, view.explain);
        let mut head = String::from(if view.bom { "\u{feff}" } else { "" });
        head.push_str(&header.join(","));
        head.push('\n');
        w.write_all(head.as_bytes())?;
        let cells = kpi_cells(r);
        let mut period = String::new();
        text(&mut period, &r.label);
        period.push(',');
        stream::cards(r, view.explain, w, &|_, c, buf| rows(c, r, &cells, &period, view.explain, r.person_ids, buf))?;
        Ok(())
    }
}
