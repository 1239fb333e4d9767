/*!
A small kit for self-contained HTML: the page shell ([`page`]) and SVG
charts drawn from plain data ([`svg`]). No script, no external URL: fonts,
styles and charts are inline, so a report opens offline and from an e-mail.
Every text that reaches the page goes through [`crate::render::escape::html`].
*/

pub mod page;
pub mod svg;

/// The width of `s` in em, roughly: CJK and full-width characters are one em,
/// others a little over half. Enough to size labels and boxes.
pub fn text_width_em(s: &str) -> f64 {
    s.chars()
        .map(|c| match c as u32 {
            0x1100..=0x115F
            | 0x2E80..=0xA4CF
            | 0xAC00..=0xD7A3
            | 0xF900..=0xFAFF
            | 0xFE30..=0xFE4F
            | 0xFF00..=0xFF60 => 1.0,
            _ if c.is_ascii_uppercase() => 0.68,
            _ => 0.56,
        })
        .sum()
}

/// `s` cut to at most `em` em wide, with `…` when cut.
pub fn truncate_em(s: &str, em: f64) -> String {
    if text_width_em(s) <= em {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0.0;
    for c in s.chars() {
        let cw = text_width_em(c.encode_utf8(&mut [0; 4]));
        if w + cw > em - 1.0 {
            break;
        }
        w += cw;
        out.push(c);
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_count_cjk_as_one_em() {
        assert_eq!(text_width_em("流程管理"), 4.0);
        assert!(text_width_em("abc") < 2.0);
        assert_eq!(truncate_em("流程管理經理", 4.0), "流程管…");
        assert_eq!(truncate_em("流程", 4.0), "流程");
    }
}
