/*!
Text from files, made safe for a terminal.
*/

/// ASCII control characters (an ESC could start an escape sequence that
/// recolours or rewrites the terminal) become `?`, byte for byte, so offsets
/// into the text stay valid. Tabs and line breaks are kept.
pub fn defang(text: &str) -> String {
    text.chars().map(|c| if c.is_ascii_control() && !matches!(c, '\t' | '\n' | '\r') { '?' } else { c }).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn escape_sequences_are_neutralised() {
        assert_eq!(super::defang("a\u{1b}[31mb\tc\n"), "a?[31mb\tc\n");
        assert_eq!(super::defang("張偉"), "張偉");
    }
}
