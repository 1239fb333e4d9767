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

fn width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

/// The rows as lines, each column as wide as its widest cell; `indent`
/// spaces before each line; trailing spaces trimmed.
pub fn lines(rows: &[Vec<Cell>], indent: usize) -> Vec<String> {
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> =
        (0..cols).map(|c| rows.iter().filter_map(|r| r.get(c)).map(|x| width(&x.text)).max().unwrap_or(0)).collect();
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cjk_text_aligns_by_terminal_columns() {
        let rows =
            vec![vec![Cell::left("部門"), Cell::right("合計")], vec![Cell::left("IT部門 (it)"), Cell::right("12")]];
        assert_eq!(lines(&rows, 0), ["部門         合計", "IT部門 (it)    12"]);
    }
}
