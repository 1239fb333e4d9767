/*!
Plain aligned columns for terminal text that must read at 80 columns:
no borders, two spaces between columns, widths by terminal columns (a CJK
character is two), numbers right-aligned, colour applied after padding so
escape codes never upset the alignment.
*/

use anstyle::Style;

use super::pad;

/// One cell: its text, alignment and colour.
#[derive(Debug, Clone, Default)]
pub struct Cell {
    pub text: String,
    pub right: bool,
    pub style: Option<Style>,
}

impl Cell {
    pub fn left(text: impl Into<String>) -> Cell {
        Cell { text: text.into(), ..Cell::default() }
    }

    pub fn right(text: impl Into<String>) -> Cell {
        Cell { text: text.into(), right: true, style: None }
    }

    pub fn styled(mut self, style: Style) -> Cell {
        self.style = Some(style);
        self
    }
}

/// Terminal columns of `s` (CJK characters are two).
pub fn width(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        unicode_width::UnicodeWidthStr::width(s)
    }
}

/// The rows as lines, each column as wide as its widest cell; `indent`
/// spaces before each line; trailing spaces trimmed.
pub fn lines(rows: &[Vec<Cell>], indent: usize) -> Vec<String> {
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    // A left-aligned last column is never padded, so its width is not needed.
    let widths: Vec<usize> = (0..cols)
        .map(|c| {
            let cells = rows.iter().filter_map(|r| r.get(c)).filter(|x| x.right || c + 1 < cols);
            cells.map(|x| width(&x.text)).max().unwrap_or(0)
        })
        .collect();
    rows.iter()
        .map(|r| {
            let mut line = " ".repeat(indent);
            for (c, cell) in r.iter().enumerate() {
                if c > 0 {
                    line.push_str("  ");
                }
                let padded = if cell.right {
                    format!("{}{}", " ".repeat(widths[c].saturating_sub(width(&cell.text))), cell.text)
                } else if c + 1 == r.len() {
                    cell.text.clone()
                } else {
                    pad(&cell.text, widths[c])
                };
                match cell.style {
                    Some(s) => line.push_str(&format!("{s}{padded}{s:#}")),
                    None => line.push_str(&padded),
                }
            }
            line.trim_end().to_string()
        })
        .collect()
}

/// Appends `text` padded to `w` columns (right-aligned when `right`).
pub fn push_padded(out: &mut String, text: &str, w: usize, right: bool) {
    let fill = w.saturating_sub(width(text));
    if right {
        out.extend(std::iter::repeat_n(' ', fill));
        out.push_str(text);
    } else {
        out.push_str(text);
        out.extend(std::iter::repeat_n(' ', fill));
    }
}

/// Appends a date as `YYYY-MM-DD` without the formatting machinery (a log
/// of 100,000 conflicts writes 300,000 dates).
pub fn push_date(out: &mut String, d: chrono::NaiveDate) {
    use chrono::Datelike;
    let (y, m, day) = (d.year(), d.month(), d.day());
    if !(0..=9999).contains(&y) {
        out.push_str(&d.to_string());
        return;
    }
    let digit = |n: u32| char::from(b'0' + (n % 10) as u8);
    let y = y as u32;
    for n in [y / 1000, y / 100, y / 10, y] {
        out.push(digit(n));
    }
    out.push('-');
    out.push(digit(m / 10));
    out.push(digit(m));
    out.push('-');
    out.push(digit(day / 10));
    out.push(digit(day));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_as_iso() {
        let mut s = String::new();
        push_date(&mut s, chrono::NaiveDate::from_ymd_opt(2025, 9, 3).unwrap());
        assert_eq!(s, "2025-09-03");
    }

    #[test]
    fn cjk_text_aligns_by_terminal_columns() {
        let rows =
            vec![vec![Cell::left("部門"), Cell::right("合計")], vec![Cell::left("IT部門 (it)"), Cell::right("12")]];
        assert_eq!(lines(&rows, 0), ["部門         合計", "IT部門 (it)    12"]);
    }
}
