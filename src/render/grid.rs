/*!
Box-drawn tables for the terminal, measured in display columns (a Chinese
character is two), fitted to a width by wrapping one flexible column.

Written for volume: `score --format table` into a file draws one table per
scorecard, tens of thousands of them, so a table is laid out in one pass
over its cells with no per-cell allocation beyond the text itself (a general
table crate spends far more per cell on layout features unused here).
Cell text must already be safe for a terminal (see
[`crate::render::escape::terminal`]); a cell may carry a colour, applied
around the padded text so widths stay right.
*/

use std::borrow::Cow;

use anstyle::Style;
use unicode_width::UnicodeWidthStr;

/// Display width of `s` (ASCII is one column a byte).
pub fn width(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        UnicodeWidthStr::width(s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// A cell: its text (borrowed when it is the same in every table), its
/// display width, and an optional colour.
#[derive(Debug, Clone)]
pub struct Cell<'a> {
    text: Cow<'a, str>,
    width: usize,
    style: Option<Style>,
}

impl<'a> Cell<'a> {
    pub fn new(text: impl Into<Cow<'a, str>>) -> Cell<'a> {
        let text = text.into();
        Cell { width: width(&text), text, style: None }
    }

    /// A cell whose width is already known (text repeated in every table).
    pub fn measured(text: &'a str, width: usize) -> Cell<'a> {
        Cell { text: Cow::Borrowed(text), width, style: None }
    }

    pub fn styled(text: impl Into<Cow<'a, str>>, style: Style) -> Cell<'a> {
        Cell { style: Some(style), ..Cell::new(text) }
    }
}

/// A table: a header row, then rows of cells.
#[derive(Debug, Clone)]
pub struct Grid<'a> {
    headers: Vec<Cell<'a>>,
    align: Vec<Align>,
    /// Every row's cells, one row after another (a row shorter than the
    /// header is padded with empty cells).
    cells: Vec<Cell<'a>>,
    /// The column that wraps when the table is too wide.
    flex: Option<usize>,
}

impl<'a> Grid<'a> {
    pub fn new(headers: &[&'a str], align: &[Align]) -> Grid<'a> {
        Grid {
            headers: headers.iter().map(|h| Cell::new(*h)).collect(),
            align: align.to_vec(),
            cells: Vec::new(),
            flex: None,
        }
    }

    /// Column `c` wraps to fit a width.
    pub fn flex(mut self, c: usize) -> Grid<'a> {
        self.flex = Some(c);
        self
    }

    pub fn row(&mut self, cells: Vec<Cell<'a>>) {
        let n = self.headers.len();
        let len = cells.len().min(n);
        self.cells.extend(cells.into_iter().take(n));
        for _ in len..n {
            self.cells.push(Cell::new(""));
        }
    }

    /// Appends a row cell by cell (no vector per row): exactly as many cells
    /// as the header has, in order.
    pub fn push(&mut self, cell: Cell<'a>) {
        self.cells.push(cell);
    }

    fn rows(&self) -> impl Iterator<Item = &[Cell<'a>]> {
        self.cells.chunks(self.headers.len().max(1))
    }

    /// Appends the table to `out`, at most `max` columns wide when it can be
    /// (by wrapping the flexible column, never narrower than 8).
    pub fn write(&self, out: &mut String, max: Option<usize>) {
        let n = self.headers.len();
        let mut widths: Vec<usize> = self.headers.iter().map(|c| c.width).collect();
        for row in self.rows() {
            for (w, c) in widths.iter_mut().zip(row) {
                *w = (*w).max(c.width);
            }
        }
        // │ a │ b │: 3 columns of frame per cell plus one.
        let total = |ws: &[usize]| ws.iter().sum::<usize>() + 3 * ws.len() + 1;
        if let (Some(max), Some(f)) = (max, self.flex) {
            let over = total(&widths).saturating_sub(max);
            if over > 0 {
                widths[f] = widths[f].saturating_sub(over).max(8.min(widths[f]));
            }
        }
        rule(out, &widths, '┌', '┬', '┐');
        self.line(out, &self.headers, &widths);
        rule(out, &widths, '├', '┼', '┤');
        for row in self.rows() {
            if self.flex.is_some_and(|f| row.get(f).is_some_and(|c| c.width > widths[f])) {
                self.wrapped(out, row, &widths);
            } else {
                self.line(out, row, &widths);
            }
        }
        rule(out, &widths, '└', '┴', '┘');
        debug_assert_eq!(n, widths.len());
    }

    fn line(&self, out: &mut String, cells: &[Cell], widths: &[usize]) {
        out.push('│');
        for (i, w) in widths.iter().enumerate() {
            out.push(' ');
            match cells.get(i) {
                Some(c) => pad(out, &c.text, c.width, *w, self.align.get(i).copied().unwrap_or(Align::Left), c.style),
                None => spaces(out, *w),
            }
            out.push_str(" │");
        }
        out.push('\n');
    }

    /// A row whose flexible cell is wider than its column: that cell over
    /// several lines, the others on the first.
    fn wrapped(&self, out: &mut String, row: &[Cell], widths: &[usize]) {
        let f = self.flex.unwrap_or(0);
        let pieces = wrap(&row[f].text, widths[f]);
        for (k, piece) in pieces.iter().enumerate() {
            let cells: Vec<Cell> = (0..widths.len())
                .map(|i| match (i == f, k == 0) {
                    (true, _) => Cell { text: Cow::Borrowed(piece.as_str()), width: width(piece), style: row[f].style },
                    (false, true) => row.get(i).cloned().unwrap_or_else(|| Cell::new("")),
                    (false, false) => Cell::new(""),
                })
                .collect();
            self.line(out, &cells, widths);
        }
    }
}

/// Runs of a character, pushed a slice at a time (tens of thousands of
/// tables are drawn into one file).
fn run(out: &mut String, unit: &str, n: usize) {
    const SPACES: &str = "                                                                ";
    const LINES: &str = "────────────────────────────────────────────────────────────────";
    let block = if unit == " " { SPACES } else { LINES };
    let per = block.len() / unit.len();
    let mut left = n;
    while left > 0 {
        let k = left.min(per);
        out.push_str(&block[..k * unit.len()]);
        left -= k;
    }
}

fn rule(out: &mut String, widths: &[usize], left: char, mid: char, right: char) {
    out.push(left);
    for (i, w) in widths.iter().enumerate() {
        if i > 0 {
            out.push(mid);
        }
        run(out, "─", w + 2);
    }
    out.push(right);
    out.push('\n');
}

fn spaces(out: &mut String, n: usize) {
    run(out, " ", n);
}

fn pad(out: &mut String, text: &str, w: usize, to: usize, align: Align, style: Option<Style>) {
    let fill = to.saturating_sub(w);
    if align == Align::Right {
        spaces(out, fill);
    }
    match style {
        Some(s) => {
            use std::fmt::Write as _;
            let _ = write!(out, "{s}{text}{s:#}");
        }
        None => out.push_str(text),
    }
    if align == Align::Left {
        spaces(out, fill);
    }
}

/// Splits `text` into pieces at most `max` columns wide, at spaces when it
/// can, else between characters (Chinese has no spaces).
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let max = max.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut w = 0;
    for word in text.split_inclusive(' ') {
        let ww = width(word.trim_end());
        if w > 0 && w + ww > max {
            lines.push(line.trim_end().to_string());
            line.clear();
            w = 0;
        }
        if ww > max {
            for ch in word.chars() {
                let cw = width(ch.encode_utf8(&mut [0; 4]));
                if w + cw > max && w > 0 {
                    lines.push(std::mem::take(&mut line));
                    w = 0;
                }
                line.push(ch);
                w += cw;
            }
        } else {
            line.push_str(word);
            w += width(word);
        }
    }
    if !line.trim_end().is_empty() || lines.is_empty() {
        lines.push(line.trim_end().to_string());
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_is_two_columns_wide() {
        let mut g = Grid::new(&["指標", "score"], &[Align::Left, Align::Right]);
        g.row(vec![Cell::new("流程效率提升率"), Cell::new("100.0")]);
        g.row(vec![Cell::new("sop"), Cell::new("84.0")]);
        let mut out = String::new();
        g.write(&mut out, None);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], "┌────────────────┬───────┐");
        assert_eq!(lines[1], "│ 指標           │ score │");
        assert_eq!(lines[3], "│ 流程效率提升率 │ 100.0 │");
        assert_eq!(lines[4], "│ sop            │  84.0 │");
        assert!(lines.iter().all(|l| width(l) == width(lines[0])), "{out}");
    }

    #[test]
    fn the_flexible_column_wraps_to_fit() {
        let mut g = Grid::new(&["KPI", "value"], &[Align::Left, Align::Right]).flex(0);
        g.row(vec![Cell::new("流程效率提升率 process-efficiency-gain"), Cell::new("15.0%")]);
        let mut out = String::new();
        g.write(&mut out, Some(30));
        assert!(out.lines().all(|l| width(l) <= 30), "{out}");
        assert!(out.contains("│ 流程效率提升率"), "{out}");
        assert!(out.contains("process-effici"), "{out}");
    }

    #[test]
    fn wrapping_breaks_at_spaces_then_characters() {
        assert_eq!(wrap("ab cd ef", 5), vec!["ab cd", "ef"]);
        assert_eq!(wrap("流程效率提升率", 6), vec!["流程效", "率提升", "率"]);
    }

    #[test]
    fn styles_do_not_count_as_width() {
        let mut g = Grid::new(&["s"], &[Align::Left]);
        g.row(vec![Cell::styled("met", Style::new().bold())]);
        let mut out = String::new();
        g.write(&mut out, None);
        assert!(out.contains("│ \u{1b}[1mmet\u{1b}[0m │"), "{out:?}");
    }
}
