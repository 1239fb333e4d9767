/*!
Full-width punctuation where YAML syntax belongs — what a Chinese input
method types when the HR team forgets to switch it off: `title：流程` (a
full-width colon), `[business，it]` (a full-width comma), `－ id: x` (a
full-width dash), indentation with the ideographic space `　`. YAML reads
these as text, so the parser's own message ("expected a mapping", a
misplaced key) never says what is wrong. [`find`] names the character.

Only positions where the character can only be a mistake are flagged: a
`：` right after an ASCII key at the start of a line, a `，` inside a flow
list `key: [a，b]`, a `－` as a list marker, `　` in indentation. The same
characters in Chinese text (`說明：…`, `調研需求，繪制地圖`) are left alone.
*/

/// A full-width character where YAML syntax belongs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// 1-based line and column (in characters).
    pub line: u32,
    pub column: u32,
    pub found: char,
    /// What it was meant to be.
    pub meant: char,
    /// `full-width colon` …
    pub name: &'static str,
}

impl Found {
    /// `a full-width colon `：` (U+FF1A), typed with a Chinese input method; YAML needs `:``
    pub fn message(&self) -> String {
        format!(
            "a {} `{}` (U+{:04X}), typed with a Chinese input method; YAML needs `{}`",
            self.name, self.found, self.found as u32, self.meant
        )
    }
}

fn at(line: usize, col: usize, found: char, meant: char, name: &'static str) -> Found {
    Found { line: line as u32 + 1, column: col as u32 + 1, found, meant, name }
}

/// The first full-width character in `text` where YAML syntax belongs.
pub fn find(text: &str) -> Option<Found> {
    for (n, line) in text.lines().enumerate() {
        let chars: Vec<char> = line.chars().collect();
        // Indentation: spaces, then maybe an ideographic space.
        let indent = chars.iter().take_while(|c| **c == ' ' || **c == '\u{3000}').count();
        if let Some(i) = chars[..indent].iter().position(|c| *c == '\u{3000}') {
            return Some(at(n, i, '\u{3000}', ' ', "full-width (ideographic) space"));
        }
        let mut i = indent;
        if chars.get(i) == Some(&'#') {
            continue;
        }
        // A list marker: `－ ` or `- `.
        match chars.get(i) {
            Some('－') if chars.get(i + 1).is_none_or(|c| c.is_whitespace()) => {
                return Some(at(n, i, '－', '-', "full-width dash"));
            }
            Some('-') if chars.get(i + 1).is_none_or(|c| c.is_whitespace()) => {
                i += 1;
                while chars.get(i).is_some_and(|c| c.is_whitespace()) {
                    i += 1;
                }
            }
            _ => {}
        }
        // A key: ASCII word characters, then `：` or `:`.
        let key_start = i;
        while chars.get(i).is_some_and(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-') {
            i += 1;
        }
        if i == key_start {
            continue;
        }
        while chars.get(i) == Some(&' ') {
            i += 1;
        }
        match chars.get(i) {
            Some('：') => return Some(at(n, i, '：', ':', "full-width colon")),
            Some(':') => {}
            _ => continue,
        }
        // A flow list after the key: `[a，b]` or `［a, b］`.
        let mut j = i + 1;
        while chars.get(j) == Some(&' ') {
            j += 1;
        }
        match chars.get(j) {
            Some('［') => return Some(at(n, j, '［', '[', "full-width bracket")),
            Some('[') => {
                let mut quoted: Option<char> = None;
                for (k, c) in chars.iter().enumerate().skip(j + 1) {
                    match (*c, quoted) {
                        ('"' | '\'', None) => quoted = Some(*c),
                        (c, Some(q)) if c == q => quoted = None,
                        ('，', None) => return Some(at(n, k, '，', ',', "full-width comma")),
                        ('、', None) => return Some(at(n, k, '、', ',', "ideographic comma")),
                        ('］', None) => return Some(at(n, k, '］', ']', "full-width bracket")),
                        (']', None) => break,
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Option<(u32, u32, char)> {
        find(text).map(|f| (f.line, f.column, f.found))
    }

    #[test]
    fn structural_full_width_characters_are_found() {
        assert_eq!(one("id: a\ntitle：流程管理經理\n"), Some((2, 6, '：')));
        assert_eq!(one("duties:\n  - id: x\n    consulted: [business，it]\n"), Some((3, 25, '，')));
        assert_eq!(one("informed: [財務部門、運營總監]\n"), Some((1, 16, '、')));
        assert_eq!(one("duties:\n  － id: x\n"), Some((2, 3, '－')));
        assert_eq!(one("duties:\n　- id: x\n"), Some((2, 1, '\u{3000}')));
        assert_eq!(one("  - id：x\n"), Some((1, 7, '：')));
        let f = find("title：x").unwrap();
        assert_eq!(f.message(), "a full-width colon `：` (U+FF1A), typed with a Chinese input method; YAML needs `:`");
    }

    #[test]
    fn chinese_text_keeps_its_punctuation() {
        let text = "description: 調研業務部門需求，繪制現有流程地圖\npositioning: 說明：流程的執行者\n# 註：備註，\ntitle: \"a，b\"\nconsulted: [\"財務，部門\"]\n";
        assert_eq!(find(text), None);
    }
}
