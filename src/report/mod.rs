/*!
Renderers for `opsroles check` findings, one per `--format` (SPEC 2.2).

Each renderer writes the whole report to a byte buffer; the caller decides
where it goes (stdout with colour handling, or `-o FILE` written atomically).
File paths are relative to the current directory with `/`; output is
deterministic (no timestamps, no hash-map order).
*/

pub mod diff;
pub mod github;
pub mod human;
pub mod json;
pub mod junit;
pub mod sarif;
pub mod score;

use clap::ValueEnum;

use crate::check::Report;
use crate::rule::Rule;
use crate::source::Sources;

/// What a renderer is given.
pub struct Input<'a> {
    pub report: &'a Report,
    pub sources: &'a Sources,
    /// The rules that ran (severity not `off`), for formats that list them.
    pub ran: &'a [Rule],
}

pub trait Render {
    /// Renders the report. Human output may contain ANSI colour codes, which
    /// the caller strips when colour is off.
    fn render(&self, input: &Input) -> String;
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Human,
    Json,
    Github,
    Sarif,
    Junit,
}

impl Format {
    pub fn renderer(self) -> Box<dyn Render> {
        match self {
            Format::Human => Box::new(human::Human),
            Format::Json => Box::new(json::Json),
            Format::Github => Box::new(github::Github),
            Format::Sarif => Box::new(sarif::Sarif),
            Format::Junit => Box::new(junit::Junit),
        }
    }
}

/// Escapes text for XML 1.0 and HTML, in attributes and content; characters XML cannot
/// hold at all (most C0 controls) become U+FFFD.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
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

#[cfg(test)]
mod tests {
    #[test]
    fn fnv1a64_matches_the_published_test_vectors() {
        assert_eq!(super::fnv1a64(b""), 0xcbf29ce484222325);
        assert_eq!(super::fnv1a64(b"a"), 0xaf63dc4c8601ec8c);
        assert_eq!(super::fnv1a64(b"foobar"), 0x85944171f73967e8);
    }
}
