/*!
SVG charts drawn from plain data: horizontal bars ([`bars`]), a histogram
([`histogram`]) and a grid of coloured, labelled cells ([`grid`], for heat
maps and status grids). Each has a `<title>`, axis labels and, where colour
carries meaning, a legend — and every number is also written as text on the
chart, so nothing is readable only by colour. Layout is deterministic: the
same data draws the same bytes.
*/

use std::fmt::Write as _;

use super::text_width_em;
use crate::render::escape::html;

const FONT: f64 = 12.0;

/// One bar: its label, value, the value as shown, and its colour.
#[derive(Debug, Clone)]
pub struct Bar {
    pub label: String,
    pub value: f64,
    pub shown: String,
    pub color: &'static str,
}

/// A horizontal bar chart from 0 to `max`, with labelled reference marks.
#[derive(Debug, Clone)]
pub struct Bars {
    pub title: String,
    pub axis: String,
    pub max: f64,
    pub bars: Vec<Bar>,
    /// Vertical reference lines (value, label), e.g. 60 and 100.
    pub marks: Vec<(f64, String)>,
    /// Colour legend entries (colour, meaning).
    pub legend: Vec<(&'static str, String)>,
}

/// A vertical histogram of counts per bin.
#[derive(Debug, Clone)]
pub struct Histogram {
    pub title: String,
    pub x_axis: String,
    pub y_axis: String,
    pub bins: Vec<(String, u64)>,
    pub color: &'static str,
}

/// One cell of a grid.
#[derive(Debug, Clone)]
pub struct Cell {
    pub text: String,
    pub fill: &'static str,
}

/// A grid of cells with row and column headers (heat maps, status grids).
#[derive(Debug, Clone)]
pub struct Grid {
    pub title: String,
    pub row_axis: String,
    pub col_axis: String,
    pub rows: Vec<String>,
    pub cols: Vec<String>,
    /// `cells[row][col]`.
    pub cells: Vec<Vec<Cell>>,
    pub legend: Vec<(&'static str, String)>,
}

fn open(out: &mut String, w: f64, h: f64, title: &str) {
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"{w:.0}\" height=\"{h:.0}\" viewBox=\"0 0 {w:.0} {h:.0}\" font-size=\"{FONT}\"><title>{}</title>",
        html(title)
    );
}

fn text(out: &mut String, x: f64, y: f64, anchor: &str, s: &str, extra: &str) {
    let _ = write!(out, "<text x=\"{x:.1}\" y=\"{y:.1}\" text-anchor=\"{anchor}\"{extra}>{}</text>", html(s));
}

fn legend(out: &mut String, entries: &[(&'static str, String)], x0: f64, y: f64) {
    let mut x = x0;
    for (color, label) in entries {
        let _ = write!(out, "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"10\" height=\"10\" fill=\"{color}\"/>", y - 9.0);
        text(out, x + 14.0, y, "start", label, "");
        x += 24.0 + text_width_em(label) * FONT;
    }
}

/// Draws a horizontal bar chart.
pub fn bars(c: &Bars) -> String {
    let label_w = c.bars.iter().map(|b| text_width_em(&b.label)).fold(4.0, f64::max).min(18.0) * FONT + 12.0;
    let plot_w = 420.0;
    let (bar_h, gap, top) = (16.0, 8.0, 24.0);
    let plot_h = c.bars.len() as f64 * (bar_h + gap) + gap;
    let legend_h = if c.legend.is_empty() { 0.0 } else { 22.0 };
    let w = label_w + plot_w + 70.0;
    let h = top + plot_h + 36.0 + legend_h;
    let max = if c.max > 0.0 { c.max } else { 1.0 };
    let x_of = |v: f64| label_w + (v.clamp(0.0, max) / max) * plot_w;
    let mut out = String::new();
    open(&mut out, w, h, &c.title);
    let _ = write!(
        out,
        "<line x1=\"{label_w:.1}\" y1=\"{top:.1}\" x2=\"{label_w:.1}\" y2=\"{:.1}\" stroke=\"#57606a\"/>",
        top + plot_h
    );
    for (v, label) in &c.marks {
        let x = x_of(*v);
        let _ = write!(
            out,
            "<line x1=\"{x:.1}\" y1=\"{:.1}\" x2=\"{x:.1}\" y2=\"{:.1}\" stroke=\"#8c959f\" stroke-dasharray=\"4 3\"/>",
            top - 4.0,
            top + plot_h
        );
        text(&mut out, x, top - 8.0, "middle", label, " fill=\"#57606a\"");
    }
    for (i, b) in c.bars.iter().enumerate() {
        let y = top + gap + i as f64 * (bar_h + gap);
        let label = super::truncate_em(&b.label, 18.0);
        text(&mut out, label_w - 6.0, y + bar_h - 4.0, "end", &label, "");
        let bw = x_of(b.value) - label_w;
        let _ = write!(
            out,
            "<rect x=\"{label_w:.1}\" y=\"{y:.1}\" width=\"{bw:.1}\" height=\"{bar_h}\" fill=\"{}\"><title>{}: {}</title></rect>",
            b.color,
            html(&b.label),
            html(&b.shown)
        );
        text(&mut out, label_w + bw + 4.0, y + bar_h - 4.0, "start", &b.shown, "");
    }
    let axis_y = top + plot_h + 16.0;
    for k in 0..=4 {
        let v = max * f64::from(k) / 4.0;
        text(&mut out, x_of(v), axis_y, "middle", &format!("{}", (v * 10.0).round() / 10.0), " fill=\"#57606a\"");
    }
    text(&mut out, label_w + plot_w / 2.0, axis_y + 16.0, "middle", &c.axis, " font-weight=\"bold\"");
    if !c.legend.is_empty() {
        legend(&mut out, &c.legend, label_w, h - 6.0);
    }
    out.push_str("</svg>");
    out
}

/// Draws a histogram.
pub fn histogram(c: &Histogram) -> String {
    let (left, top, plot_h) = (44.0, 20.0, 160.0);
    let bin_w = (480.0 / c.bins.len().max(1) as f64).clamp(18.0, 60.0);
    let plot_w = bin_w * c.bins.len() as f64;
    let w = left + plot_w + 20.0;
    let h = top + plot_h + 52.0;
    let max = c.bins.iter().map(|b| b.1).max().unwrap_or(0).max(1) as f64;
    let mut out = String::new();
    open(&mut out, w, h, &c.title);
    let base = top + plot_h;
    let _ =
        write!(out, "<line x1=\"{left}\" y1=\"{base}\" x2=\"{:.1}\" y2=\"{base}\" stroke=\"#57606a\"/>", left + plot_w);
    for (i, (label, n)) in c.bins.iter().enumerate() {
        let x = left + i as f64 * bin_w;
        let bh = *n as f64 / max * plot_h;
        let _ = write!(
            out,
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{bh:.1}\" fill=\"{}\"><title>{}: {n}</title></rect>",
            x + 2.0,
            base - bh,
            bin_w - 4.0,
            c.color,
            html(label)
        );
        text(&mut out, x + bin_w / 2.0, base - bh - 3.0, "middle", &n.to_string(), "");
        text(&mut out, x + bin_w / 2.0, base + 14.0, "middle", label, "");
    }
    text(&mut out, left + plot_w / 2.0, base + 32.0, "middle", &c.x_axis, " font-weight=\"bold\"");
    // The y axis is named above it, level: rotated CJK text reads badly.
    text(&mut out, 4.0, 12.0, "start", &c.y_axis, " font-weight=\"bold\"");
    out.push_str("</svg>");
    out
}

/// Draws a grid of labelled cells.
pub fn grid(c: &Grid) -> String {
    let row_w = c.rows.iter().map(|r| text_width_em(r)).fold(2.0, f64::max).min(14.0) * FONT + 28.0;
    let cell_w = c.cols.iter().map(|s| text_width_em(s)).fold(3.0, f64::max).min(8.0) * FONT + 10.0;
    let cell_h = 26.0;
    let top = 40.0;
    let legend_h = if c.legend.is_empty() { 0.0 } else { 24.0 };
    let legend_w: f64 = c.legend.iter().map(|(_, l)| 24.0 + text_width_em(l) * FONT).sum();
    let w = (row_w + cell_w * c.cols.len() as f64 + 10.0).max(row_w + legend_w + 10.0);
    let h = top + cell_h * c.rows.len() as f64 + 24.0 + legend_h;
    let mut out = String::new();
    open(&mut out, w.max(200.0), h, &c.title);
    text(&mut out, row_w + cell_w * c.cols.len() as f64 / 2.0, 14.0, "middle", &c.col_axis, " font-weight=\"bold\"");
    for (j, col) in c.cols.iter().enumerate() {
        let label = super::truncate_em(col, 8.0);
        text(&mut out, row_w + cell_w * (j as f64 + 0.5), top - 6.0, "middle", &label, "");
    }
    let _ = write!(
        out,
        "<text x=\"10\" y=\"{:.1}\" text-anchor=\"middle\" font-weight=\"bold\" transform=\"rotate(-90 10 {:.1})\">{}</text>",
        top + cell_h * c.rows.len() as f64 / 2.0,
        top + cell_h * c.rows.len() as f64 / 2.0,
        html(&c.row_axis)
    );
    for (i, row) in c.rows.iter().enumerate() {
        let y = top + cell_h * i as f64;
        let label = super::truncate_em(row, 14.0);
        text(&mut out, row_w - 6.0, y + cell_h / 2.0 + 4.0, "end", &label, "");
        for (j, cell) in c.cells.get(i).map(Vec::as_slice).unwrap_or(&[]).iter().enumerate() {
            let x = row_w + cell_w * j as f64;
            let _ = write!(
                out,
                "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{cell_w:.1}\" height=\"{cell_h}\" fill=\"{}\" stroke=\"#ffffff\"/>",
                cell.fill
            );
            text(&mut out, x + cell_w / 2.0, y + cell_h / 2.0 + 4.0, "middle", &cell.text, "");
        }
    }
    if !c.legend.is_empty() {
        legend(&mut out, &c.legend, row_w, h - 8.0);
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charts_have_a_title_and_their_numbers_as_text() {
        let b = bars(&Bars {
            title: "平均分 <per role>".into(),
            axis: "score".into(),
            max: 120.0,
            bars: vec![Bar { label: "流程管理經理".into(), value: 98.5, shown: "98.5".into(), color: "#2e7d32" }],
            marks: vec![(60.0, "60".into()), (100.0, "100".into())],
            legend: vec![],
        });
        assert!(b.contains("<title>平均分 &lt;per role&gt;</title>"));
        assert!(b.contains(">98.5</text>"));
        let h = histogram(&Histogram {
            title: "grades".into(),
            x_axis: "grade".into(),
            y_axis: "people".into(),
            bins: vec![("A".into(), 3), ("B".into(), 7)],
            color: "#0969da",
        });
        assert!(h.contains(">7</text>") && h.contains(">grade</text>"));
        let g = grid(&Grid {
            title: "heat".into(),
            row_axis: "likelihood".into(),
            col_axis: "impact".into(),
            rows: vec!["5".into()],
            cols: vec!["1".into(), "2".into()],
            cells: vec![vec![Cell { text: "2".into(), fill: "#fff" }, Cell { text: "0".into(), fill: "#eee" }]],
            legend: vec![("#d1242f", "critical".into())],
        });
        assert!(g.contains(">critical</text>") && g.contains(">likelihood</text>"));
    }

    #[test]
    fn drawing_is_deterministic() {
        let c = Histogram {
            title: "t".into(),
            x_axis: "x".into(),
            y_axis: "y".into(),
            bins: vec![("a".into(), 1)],
            color: "#000",
        };
        assert_eq!(histogram(&c), histogram(&c));
    }
}
