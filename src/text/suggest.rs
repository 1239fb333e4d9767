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

/// The candidate whose folded form (see [`crate::text::fold`]) is closest to
/// `word`'s, as written: `流程效率提升` finds `流程效率提升率` whichever script
/// either is in.
pub fn nearest_folded<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let folded: Vec<(String, &str)> = candidates.into_iter().map(|c| (crate::text::fold(c), c)).collect();
    let best = nearest(&crate::text::fold(word), folded.iter().map(|(f, _)| f.as_str()))?;
    folded.iter().find(|(f, _)| f == best).map(|(_, c)| *c)
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
    fn folded_suggestions_cross_scripts() {
        assert_eq!(nearest_folded("流程效率提升", ["流程效率提升率", "sop_coverage"]), Some("流程效率提升率"));
        assert_eq!(nearest_folded("流程效率提昇率", ["流程效率提升率"]), Some("流程效率提升率"));
        assert_eq!(nearest_folded("Persn", ["person", "period"]), Some("person"));
    }

    #[test]
    fn suggests_nothing_for_unrelated_words() {
        assert_eq!(nearest("zzz", ["id", "title"]), None);
    }
}
