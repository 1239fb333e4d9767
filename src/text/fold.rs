/*!
The one text normalisation: how two spellings of a name or a duty are
recognised as the same text.

NFKC (full-width `ＡＢＣ１` is `ABC1`), lower case, letters and digits only
(punctuation and spaces dropped), Traditional folded to Simplified Chinese —
so 流程優化, 流程优化 and `流程 優化。` fold alike. Used by the name
resolver (an export's 流程效率提升率 finds the Traditional role file's KPI), by
`duplicate-title`, and by the duty similarity rules.
*/

use unicode_normalization::UnicodeNormalization;

/// Text as compared: NFKC, lowercase, only letters and digits, Simplified.
pub fn fold(text: &str) -> String {
    let folded: String = text.nfkc().flat_map(char::to_lowercase).filter(|c| c.is_alphanumeric()).collect();
    fast2s::convert(&folded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traditional_and_simplified_fold_together() {
        assert_eq!(fold("流程優化"), fold("流程优化"));
        assert_eq!(fold("審批流程優化方案"), "审批流程优化方案");
    }

    #[test]
    fn punctuation_space_width_and_case_are_ignored() {
        assert_eq!(fold("ＢＰＭＮ 流程, 地圖!"), fold("bpmn流程地圖"));
        assert_eq!(fold("(SOP)"), "sop");
        assert_eq!(fold("Rounding probe"), fold("rounding-probe"));
    }
}
