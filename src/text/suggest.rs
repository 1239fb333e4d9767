/*!
"Did you mean …" suggestions for misspelt ids and keys.
*/

/// The candidate closest to `word`, if one is close enough to be a likely typo.
pub fn nearest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(word, c), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_closest_candidate() {
        assert_eq!(nearest("titel", ["id", "title", "title_en"]), Some("title"));
        assert_eq!(nearest("proces-manager", ["process-manager", "risk-supervisor"]), Some("process-manager"));
    }

    #[test]
    fn suggests_nothing_for_unrelated_words() {
        assert_eq!(nearest("zzz", ["id", "title"]), None);
    }
}
