/*!
The renderer layer: everything that turns results into text.

- [`escape`]: one function per output that makes file text harmless;
- [`number`]: decimals as text, fast; [`grid`]: box-drawn terminal tables;
- [`lang`]: the heading catalogue for `--lang zh|en`;
- [`html`]: the page shell and SVG charts for self-contained HTML;
- [`diagnostics`]: findings of any command, rustc-style or as JSON values;
- one folder per command (`check/`, `score/`, `diff/`), one file per format.

Every format is a [`Render`] of the command's result, written as it is
produced to whatever [`crate::output`] opens; a command's `--format` enum
picks the renderer through [`Format`] — one way to dispatch, everywhere.
*/

pub mod check;
pub mod columns;
pub mod diagnostics;
pub mod diff;
pub mod escape;
pub mod gaps;
pub mod grid;
pub mod html;
pub mod json;
pub mod lang;
pub mod number;
pub mod report;
pub mod risk;
pub mod score;
pub mod sla;

use std::io::{self, Write};

use crate::output::Kind;

/// One output format of a command's result `T`.
pub trait Render<T: ?Sized> {
    /// Writes `data`. Terminal formats may write ANSI colour codes, which the
    /// output layer strips when colour is off.
    fn render(&self, data: &T, out: &mut dyn Write) -> io::Result<()>;
}

/// A command's `--format` values.
pub trait Format<T: ?Sized>: Copy {
    fn renderer(self) -> Box<dyn Render<T>>;
    /// Terminal text with colour, or data written byte for byte.
    fn kind(self) -> Kind;
}

/// Renders `data` in `format` into a string (tests, and formats embedded in
/// another output).
pub fn to_string<T: ?Sized, F: Format<T>>(format: F, data: &T) -> String {
    let mut out = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = format.renderer().render(data, &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// A stable 64-bit FNV-1a hash, for fingerprints that must not change between
/// runs, platforms or Rust versions (unlike `std`'s hasher).
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// `s` padded with spaces to `width` terminal columns (CJK characters are
/// two columns wide), for hand-aligned text outside a table.
pub fn pad(s: &str, width: usize) -> String {
    let w = if s.is_ascii() { s.len() } else { unicode_width::UnicodeWidthStr::width(s) };
    format!("{s}{}", " ".repeat(width.saturating_sub(w)))
}

/// `N thing` / `N things`.
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    #[test]
    fn fnv1a64_matches_the_published_test_vectors() {
        assert_eq!(super::fnv1a64(b""), 0xcbf29ce484222325);
        assert_eq!(super::fnv1a64(b"a"), 0xaf63dc4c8601ec8c);
        assert_eq!(super::fnv1a64(b"foobar"), 0x85944171f73967e8);
    }
}
