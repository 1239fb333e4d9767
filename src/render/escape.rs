/*!
Text from role files and exports, made harmless for each output (SPEC 8).
One function per output; every renderer escapes through these and nowhere
else:

- [`terminal`]: control characters shown as `?` (no escape sequence from a
  file recolours or rewrites the terminal);
- [`html`]: element text and quoted attribute values;
- [`xml`]: XML 1.0 (JUnit), where most C0 controls cannot appear at all;
- [`md_cell`] and [`md_code`]: GitHub-flavoured Markdown table cells and code
  spans — no image, link, HTML or table break from role text reaches a
  pull-request comment;
- [`csv_cell`]: spreadsheet formula injection defused (numbers stay numbers);
- [`gh_data`] and [`gh_property`]: GitHub Actions workflow commands;
- [`uri_path`]: a relative path as a percent-encoded URI reference (SARIF).
*/

/// Control characters (but tab and line breaks) become `?`, one for one.
pub fn terminal(s: &str) -> String {
    // Fast path: no C0 control, DEL, or lead byte of a C1 control (U+0080–U+009F).
    if s.bytes().all(|b| b >= 0x20 && b != 0x7f && b != 0xc2) {
        return s.to_string();
    }
    s.chars().map(|c| if c.is_control() && !matches!(c, '\t' | '\n' | '\r') { '?' } else { c }).collect()
}

/// HTML element text or a double- or single-quoted attribute value.
pub fn html(s: &str) -> String {
    markup(s, "&#39;", |c| (c == '\0').then_some('\u{FFFD}'))
}

/// XML 1.0 text or attribute: characters XML cannot hold at all (most C0
/// controls, U+FFFE, U+FFFF) become U+FFFD.
pub fn xml(s: &str) -> String {
    markup(s, "&apos;", |c| {
        ((c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') || c == '\u{FFFE}' || c == '\u{FFFF}')
            .then_some('\u{FFFD}')
    })
}

/// The five markup characters as entities; `replace` says which other
/// characters cannot appear and what stands in for them.
fn markup(s: &str, apos: &str, replace: impl Fn(char) -> Option<char>) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str(apos),
            c => out.push(replace(c).unwrap_or(c)),
        }
    }
    out
}

/// A Markdown table cell: every character Markdown could read as syntax is
/// backslash-escaped (so `![x](http://…)` stays text and no `<img>` is
/// made), `|` cannot end the cell, line breaks become spaces.
pub fn md_cell(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '(' | ')' | '#' | '+' | '!' | '|' | '~' | '$' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\r' | '\n' => out.push(' '),
            c if c.is_control() => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// A Markdown code span holding `s` verbatim: fenced by one more backtick
/// than the longest run inside, padded when it starts or ends with one. In a
/// table, `|` still ends a cell inside a code span, so it is escaped too.
pub fn md_code(s: &str) -> String {
    let text: String = s
        .chars()
        .map(|c| match c {
            '\r' | '\n' => ' ',
            c if c.is_control() => '\u{FFFD}',
            c => c,
        })
        .collect();
    let text = text.replace('|', "\\|");
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') || text.is_empty() { " " } else { "" };
    format!("{fence}{pad}{text}{pad}{fence}")
}

/// A CSV text cell made safe from spreadsheet formula injection: text that
/// starts with `=`, `+`, `-`, `@`, tab or carriage return gets a leading `'`.
/// Numbers are written as numbers, not through here.
pub fn csv_cell(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

/// GitHub's escaping of a workflow command's message.
pub fn gh_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// GitHub's escaping of a workflow command's property value (also `:` and `,`).
pub fn gh_property(s: &str) -> String {
    gh_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// A relative path as a URI reference: unreserved characters and `/` kept,
/// everything else (space, `#`, `%`, `?`, non-ASCII) percent-encoded as UTF-8.
pub fn uri_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_escape_sequences_are_neutralised() {
        assert_eq!(terminal("a\u{1b}[31mb\tc\n"), "a?[31mb\tc\n");
        assert_eq!(terminal("張偉\u{9b}"), "張偉?");
    }

    #[test]
    fn html_cannot_inject_markup() {
        assert_eq!(html("<script>alert('x')</script>"), "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        assert_eq!(html("\"><img src=x onerror=alert(1)>"), "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
    }

    #[test]
    fn xml_drops_what_xml_cannot_hold() {
        assert_eq!(xml("a\u{1}b<"), "a\u{FFFD}b&lt;");
    }

    #[test]
    fn markdown_cells_make_no_image_link_html_or_column() {
        assert_eq!(md_cell("![x](http://e.com/a.png)"), "\\!\\[x\\]\\(http://e.com/a.png\\)");
        assert_eq!(md_cell("<img src=x onerror=alert(1)>"), "&lt;img src=x onerror=alert\\(1\\)&gt;");
        assert_eq!(md_cell("a|b\nc"), "a\\|b c");
        assert_eq!(md_cell("流程_優化*"), "流程\\_優化\\*");
    }

    #[test]
    fn markdown_code_spans_cannot_be_broken_out_of() {
        assert_eq!(md_code("roles/a.yaml"), "`roles/a.yaml`");
        assert_eq!(md_code("a`b"), "``a`b``");
        assert_eq!(md_code("`x"), "`` `x ``");
        assert_eq!(md_code("a|b"), "`a\\|b`");
    }

    #[test]
    fn formula_like_text_is_defused() {
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(csv_cell("-1+2"), "'-1+2");
        assert_eq!(csv_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_cell("張三"), "張三");
    }

    #[test]
    fn github_escapes_as_the_actions_toolkit_does() {
        assert_eq!(gh_data("50% done\r\nnext"), "50%25 done%0D%0Anext");
        assert_eq!(gh_property("a:b,c%"), "a%3Ab%2Cc%25");
    }

    #[test]
    fn uris_are_percent_encoded() {
        assert_eq!(uri_path("roles/my role#1%.yaml"), "roles/my%20role%231%25.yaml");
        assert_eq!(uri_path("roles/流程.yaml"), "roles/%E6%B5%81%E7%A8%8B.yaml");
    }
}
