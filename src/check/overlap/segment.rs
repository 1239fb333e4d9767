/*!
Duty text → words, the way a reader sees them.

Chinese has no spaces, so words come from a dictionary segmenter (jieba, with
its general dictionary plus every word of the thesaurus as a user dictionary,
so department terms such as 簽核 or 原物料 are never cut in two). Before
segmenting, the text is cut into clauses at punctuation and each clause is
folded with [`crate::text::fold`] (NFKC, case, Traditional →
Simplified), so both scripts give the same words.

Text inside brackets, or a clause opened by 如/例如/比如, is an *aside*: examples
(「如銷售旺季的人力需求」) that elaborate a duty rather than name it. Asides are
kept but marked, so they can count for less.
*/

use std::sync::LazyLock;

use jieba_rs::Jieba;

use super::thesaurus::{Entry, Thesaurus, SHIPPED};
use crate::text::fold as normalize;

/// The segmenter: jieba's dictionary plus the shipped thesaurus.
pub static SEGMENTER: LazyLock<Jieba> = LazyLock::new(|| segmenter(&SHIPPED));

/// A jieba instance that keeps every thesaurus word whole.
pub fn segmenter(thesaurus: &Thesaurus) -> Jieba {
    let mut jieba = Jieba::new();
    let mut words: Vec<&str> = thesaurus.words().filter(|w| w.chars().count() > 1).collect();
    // Sorted, so the dictionary (and so every cut) is the same on every run.
    words.sort_unstable();
    for w in words {
        // The frequency jieba itself suggests to keep `w` whole.
        let freq = jieba.suggest_freq(w);
        jieba.add_word(w, Some(freq), None);
    }
    jieba
}

/// One word of a duty text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// Folded (Simplified, lowercase): what is compared.
    pub key: String,
    /// As written in the duty, for explanations (the folded form when the
    /// original cannot be lined up with it).
    pub surface: String,
    /// Inside brackets or an 例如 clause.
    pub aside: bool,
    /// Which phrase of the duty (from 0): punctuation and conjunctions
    /// (并, 及, 同时 …) end a phrase, so 制定預案並監督執行 is two.
    pub phrase: u32,
    /// From the title, a noun phrase whose head comes last (預算執行監督).
    pub title: bool,
    /// A part of a longer dictionary word (資源 of 資源分配): a thing, never
    /// the work the duty does.
    pub part: bool,
}

/// Words that join two phrases; they end the first.
const CONJUNCTIONS: [&str; 12] = ["并", "并且", "且", "同时", "及", "以及", "和", "与", "或", "或者", "然后", "再"];

/// The words of a duty, title first, that can tell one piece of work from
/// another: filler, numbers and single characters the thesaurus does not know
/// are dropped.
pub fn duty_words(title: &str, description: &str, jieba: &Jieba, thesaurus: &Thesaurus) -> Vec<Word> {
    let mut out = Vec::new();
    let mut phrase = 0;
    push_words(title, true, jieba, thesaurus, &mut phrase, &mut out);
    push_words(description, false, jieba, thesaurus, &mut phrase, &mut out);
    out
}

fn push_words(text: &str, title: bool, jieba: &Jieba, thesaurus: &Thesaurus, phrase: &mut u32, out: &mut Vec<Word>) {
    for clause in clauses(text) {
        let key = normalize(clause.text);
        if key.is_empty() {
            continue;
        }
        *phrase += 1;
        let aside = clause.depth > 0 || ["如", "例如", "比如", "譬如"].iter().any(|m| key.starts_with(m));
        // The original letters, one per folded character when folding kept the
        // count (it does for CJK and full-width text), for surfaces.
        let original: Vec<char> = clause.text.chars().filter(|c| c.is_alphanumeric()).collect();
        let aligned = original.len() == key.chars().count();
        let surface = |start: usize, end: usize, w: &str| {
            if aligned {
                original[start..end].iter().collect()
            } else {
                w.to_string()
            }
        };
        for token in jieba.cut(&key, false) {
            let w = token.word;
            if CONJUNCTIONS.contains(&w) {
                *phrase += 1;
                continue;
            }
            let word = |key: &str, start: usize, end: usize, part: bool| Word {
                key: key.to_string(),
                surface: surface(start, end, key),
                aside,
                phrase: *phrase,
                title,
                part,
            };
            match split_compound(w, jieba, thesaurus) {
                Some(parts) => {
                    for (a, b) in parts {
                        let part: String = w.chars().skip(a).take(b - a).collect();
                        if keeps(&part, thesaurus) {
                            out.push(word(&part, token.start + a, token.start + b, true));
                        }
                    }
                }
                None if keeps(w, thesaurus) => out.push(word(w, token.start, token.end, false)),
                None => {}
            }
        }
    }
}

fn keeps(w: &str, thesaurus: &Thesaurus) -> bool {
    match thesaurus.lookup(w) {
        Some(Entry::Filler) => false,
        Some(Entry::Group(_)) => true,
        None => w.chars().count() > 1 && !w.chars().all(|c| c.is_ascii_digit()),
    }
}

/// A dictionary compound the thesaurus does not know, as shorter words, so
/// that 資源分配 meets 資源配置 through 分配 = 配置: the character ranges of
/// the fewest dictionary words of two or more characters that cover all of
/// it, allowing one leftover character in words of five or more (人力資源部).
fn split_compound(w: &str, jieba: &Jieba, thesaurus: &Thesaurus) -> Option<Vec<(usize, usize)>> {
    let chars: Vec<char> = w.chars().collect();
    let n = chars.len();
    if n < 4 || thesaurus.lookup(w).is_some() || !chars.iter().all(|c| !c.is_ascii()) {
        return None;
    }
    let known = |a: usize, b: usize| {
        let s: String = chars[a..b].iter().collect();
        jieba.has_word(&s) || thesaurus.lookup(&s).is_some()
    };
    // best[i]: (single characters, pieces, previous cut) for chars[..i].
    let mut best: Vec<Option<(usize, usize, usize)>> = vec![None; n + 1];
    best[0] = Some((0, 0, 0));
    for i in 0..n {
        let Some((singles, pieces, _)) = best[i] else { continue };
        // A piece is shorter than the word: the word itself is no split.
        for len in 1..(n - i + 1).min(n) {
            let j = i + len;
            let single = len == 1;
            if !single && !known(i, j) {
                continue;
            }
            let cand = (singles + usize::from(single), pieces + 1, i);
            if best[j].is_none_or(|b| (cand.0, cand.1) < (b.0, b.1)) {
                best[j] = Some(cand);
            }
        }
    }
    let (singles, _, _) = best[n]?;
    if singles > usize::from(n >= 5) {
        return None;
    }
    let mut cuts = Vec::new();
    let mut j = n;
    while j > 0 {
        let i = best[j]?.2;
        if j - i > 1 {
            cuts.push((i, j));
        }
        j = i;
    }
    cuts.reverse();
    Some(cuts)
}

struct Clause<'a> {
    text: &'a str,
    /// Bracket depth the clause sits at.
    depth: u32,
}

/// Cuts at every character that is neither a letter nor a digit, tracking
/// brackets (ASCII, full-width and CJK) so asides can be told apart.
fn clauses(text: &str) -> Vec<Clause<'_>> {
    let mut out = Vec::new();
    let mut depth = 0u32;
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            continue;
        }
        if start < i {
            out.push(Clause { text: &text[start..i], depth });
        }
        start = i + c.len_utf8();
        match c {
            '(' | '（' | '[' | '［' | '【' | '〔' | '〈' => depth += 1,
            ')' | '）' | ']' | '］' | '】' | '〕' | '〉' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    if start < text.len() {
        out.push(Clause { text: &text[start..], depth });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<Word> {
        duty_words("", text, &SEGMENTER, &SHIPPED)
    }

    fn keys(text: &str) -> Vec<String> {
        words(text).into_iter().map(|w| w.key).collect()
    }

    #[test]
    fn both_scripts_give_the_same_words() {
        assert_eq!(keys("收集流程優化項目的人力與物料需求"), keys("收集流程优化项目的人力与物料需求"));
        assert_eq!(keys("收集流程優化項目的人力與物料需求"), ["收集", "流程", "优化", "项目", "人力", "物料", "需求"]);
    }

    #[test]
    fn thesaurus_terms_stay_whole_and_filler_goes() {
        // 簽核 and 原物料 are not in jieba's own dictionary.
        let k = keys("負責簽核原物料採購單");
        assert!(k.contains(&"签核".to_string()), "{k:?}");
        assert!(k.contains(&"原物料".to_string()), "{k:?}");
        assert!(!k.contains(&"负责".to_string()), "{k:?}");
    }

    #[test]
    fn brackets_and_examples_are_asides() {
        let w = words("調研資源需求(如銷售旺季的人力需求),例如生產用原材料");
        let aside: Vec<(&str, bool)> = w.iter().map(|w| (w.key.as_str(), w.aside)).collect();
        assert_eq!(
            aside,
            [
                ("调研", false),
                ("资源", false),
                ("需求", false),
                ("销售", true),
                ("旺季", true),
                ("人力", true),
                ("需求", true),
                ("生产", true),
                ("原材料", true)
            ]
        );
    }

    #[test]
    fn surfaces_keep_the_original_script_and_case() {
        let w = words("調研ＫＰＩ體系");
        let s: Vec<(&str, &str)> = w.iter().map(|w| (w.key.as_str(), w.surface.as_str())).collect();
        assert_eq!(s[0], ("调研", "調研"));
        assert!(s.contains(&("kpi", "ＫＰＩ")), "{s:?}");
    }

    #[test]
    fn punctuation_and_conjunctions_end_phrases_and_titles_are_marked() {
        let w = duty_words("風險管控", "識別風險,制定預案並監督執行", &SEGMENTER, &SHIPPED);
        let p: Vec<(&str, u32, bool)> = w.iter().map(|w| (w.key.as_str(), w.phrase, w.title)).collect();
        let title = p[0].1;
        assert!(p[0].2);
        assert_eq!(
            p[2..].iter().map(|x| (x.0, x.1 - title, x.2)).collect::<Vec<_>>(),
            [
                ("识别", 1, false),
                ("风险", 1, false),
                ("制定", 2, false),
                ("预案", 2, false),
                ("监督", 3, false),
                ("执行", 3, false)
            ]
        );
    }

    #[test]
    fn compounds_split_into_dictionary_words() {
        let w = words("制定資源分配方案");
        let k: Vec<(&str, &str, bool)> = w.iter().map(|w| (w.key.as_str(), w.surface.as_str(), w.part)).collect();
        assert_eq!(
            k,
            [("制定", "制定", false), ("资源", "資源", true), ("分配", "分配", true), ("方案", "方案", false)]
        );
        // Words the thesaurus names stay whole; so do words no cover fits.
        assert_eq!(keys("原材料"), ["原材料"]);
        assert_eq!(keys("六西格玛"), ["六西格玛"]);
    }

    #[test]
    fn clauses_track_nested_and_unbalanced_brackets() {
        let c: Vec<(&str, u32)> = clauses("甲(乙[丙])丁)戊").iter().map(|c| (c.text, c.depth)).collect();
        assert_eq!(c, [("甲", 0), ("乙", 1), ("丙", 2), ("丁", 0), ("戊", 0)]);
    }
}
