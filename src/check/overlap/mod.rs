/*!
Finds duties of different roles that describe the same work, possibly in other
words (issue 12; SPEC 2.1 `overlapping-duty` and `similar-duty`).

Character bigrams cannot tell 制定 from 審批 and cannot see that 人員 and 人力
are the same, so this engine reads duties as work:
1. [`segment`]: clauses folded to one script, cut into words by jieba with the
   thesaurus as user dictionary; bracketed examples marked as asides;
2. [`thesaurus`]: synonyms, Taiwan/mainland vocabulary and verb classes from a
   shipped, reviewable data file; filler dropped;
3. [`tfidf`]: each concept weighted by how distinctive it is in this org;
4. [`candidates`]: an exact prefix-filter join proposes the pairs that can
   reach the `similarity` threshold;
5. [`score`]: weighted Dice/containment of the two duties, times what their
   actions say (drafting vs approving is never the same work), explained by
   the shared words and the synonyms that matched.

The lexical floor of the SPEC stays: a pair whose character-bigram Jaccard
(`check::similar`) reaches `similarity` is at least [`Kind::Similar`].

Measured, not asserted: tests/overlap_eval.rs scores the hand-labelled pairs
of tests/fixtures/overlap/pairs.tsv and fails below the figures reached.

Pure: no printing and no I/O beyond the data compiled in (segmenting a large
org is spread over the machine's cores; the result does not depend on it).
*/

pub mod candidates;
pub mod score;
pub mod segment;
pub mod tfidf;
pub mod thesaurus;

use rustc_hash::FxHashMap;

use crate::check::similar::{self, Record};
use score::{Explanation, WEIGHTS};
use tfidf::{Bag, Concepts, Profile};
use thesaurus::SHIPPED;

/// A duty as the detector sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Duty<'a> {
    /// The owner role's id: pairs within one role are not reported.
    pub role: &'a str,
    /// The duty id: a pair with one id is `duplicate-duty`'s, not ours.
    pub id: &'a str,
    pub title: &'a str,
    /// Empty when the duty has none.
    pub description: &'a str,
}

/// The two levels, `0 < similarity ≤ overlap ≤ 1`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Thresholds {
    /// At or above: the same work (`overlapping-duty`, an error).
    pub overlap: f64,
    /// At or above, by score or by the bigram floor: borderline (`similar-duty`).
    pub similarity: f64,
}

impl Default for Thresholds {
    /// `overlap` tuned on the `tune` two thirds of
    /// tests/fixtures/overlap/pairs.tsv, in the gap between most same-work
    /// and most different-work pairs there (the held-out third was not used);
    /// `similarity` is the config's existing default.
    fn default() -> Self {
        Thresholds { overlap: 0.85, similarity: 0.8 }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// The same work.
    Overlap,
    /// Close to it.
    Similar,
}

/// A pair of duties of different roles that is at least borderline.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// Indexes into the input, `a < b`.
    pub a: usize,
    pub b: usize,
    pub kind: Kind,
    /// How much the two are the same work, 0..1.
    pub score: f64,
    /// Character-bigram Jaccard of the folded texts (the lexical floor).
    pub lexical: f64,
    /// Key words both use, heaviest first, as duty `a` writes them.
    pub shared: Vec<String>,
    /// Different words the thesaurus matched, `(a's, b's)`: 收集↔調研.
    pub synonyms: Vec<(String, String)>,
}

/// Every pair of duties of different roles (and different ids) at or above
/// `t.similarity`, sorted by `(a, b)`.
pub fn detect(duties: &[Duty], t: Thresholds) -> Vec<Finding> {
    let model = Model::new(duties);
    let t = t.clamped();
    // Pairs the bigram floor makes at least borderline, sorted.
    let mut lexical: Vec<(usize, usize)> =
        similar::join(&model.records, t.similarity).into_iter().map(|p| (p.a, p.b)).collect();
    let mut out = Vec::new();
    let raw = score::raw_threshold(t.similarity);
    candidates::each_candidate(&model.profiles, &model.idf, raw, &WEIGHTS, |a, b| {
        let floor = lexical.binary_search(&(a, b)).is_ok();
        out.extend(model.finding(a, b, t, floor));
    });
    // Floor pairs the join did not propose.
    out.sort_unstable_by_key(|f| (f.a, f.b));
    lexical.retain(|p| out.binary_search_by_key(p, |f| (f.a, f.b)).is_err());
    out.extend(lexical.into_iter().filter_map(|(a, b)| model.finding(a, b, t, true)));
    out.sort_unstable_by_key(|f| (f.a, f.b));
    out
}

/// The reference [`detect`] must equal: every pair scored. O(n²).
pub fn detect_all_pairs(duties: &[Duty], t: Thresholds) -> Vec<Finding> {
    let model = Model::new(duties);
    let t = t.clamped();
    let pairs = (0..duties.len()).flat_map(|a| (a + 1..duties.len()).map(move |b| (a, b)));
    pairs
        .filter_map(|(a, b)| {
            let lexical = similar::jaccard(&model.records[a].tokens, &model.records[b].tokens);
            model.finding(a, b, t, lexical >= t.similarity)
        })
        .collect()
}

impl Thresholds {
    /// A zero threshold would make every unrelated pair a finding.
    fn clamped(self) -> Self {
        let similarity = self.similarity.clamp(f64::EPSILON, 1.0);
        Thresholds { similarity, overlap: self.overlap.clamp(similarity, 1.0) }
    }
}

/// Everything computed once per run.
struct Model {
    profiles: Vec<Profile>,
    idf: Vec<f64>,
    records: Vec<Record>,
    /// Each duty's role and id as numbers, so pairs compare them cheaply.
    roles: Vec<u32>,
    ids: Vec<u32>,
}

impl Model {
    fn new(duties: &[Duty]) -> Self {
        let mut concepts = Concepts::new(&SHIPPED);
        let bags: Vec<Bag> = analyse(duties).iter().map(|words| Bag::new(words, &mut concepts)).collect();
        let idf = tfidf::idf(&bags);
        let profiles = bags.into_iter().map(|b| tfidf::profile(b, &idf)).collect();
        // The floor compares what the `similar-duty` rule always compared.
        let records = duties.iter().map(|d| Record::new(&format!("{}{}", d.title, d.description))).collect();
        let roles = intern(duties.iter().map(|d| d.role));
        let ids = intern(duties.iter().map(|d| d.id));
        Model { profiles, idf, records, roles, ids }
    }

    /// The finding for pair `(a, b)`, if any; `floor` when its bigram
    /// Jaccard reaches `similarity` (known from the join, or computed).
    fn finding(&self, a: usize, b: usize, t: Thresholds, floor: bool) -> Option<Finding> {
        if self.roles[a] == self.roles[b] || self.ids[a] == self.ids[b] {
            return None;
        }
        let (pa, pb) = (&self.profiles[a], &self.profiles[b]);
        let needed = if floor { 0.0 } else { score::raw_threshold(t.similarity) };
        let score = score::calibrate(score::raw_at_least(pa, pb, &SHIPPED, &WEIGHTS, needed)?);
        let kind = if score >= t.overlap {
            Kind::Overlap
        } else if score >= t.similarity || floor {
            Kind::Similar
        } else {
            return None;
        };
        let lexical = similar::jaccard(&self.records[a].tokens, &self.records[b].tokens);
        let Explanation { shared, synonyms } = score::explain(pa, pb);
        Some(Finding { a, b, kind, score, lexical, shared, synonyms })
    }
}

/// Each string as a number, equal for equal strings.
fn intern<'a>(names: impl Iterator<Item = &'a str>) -> Vec<u32> {
    let mut ids: FxHashMap<&str, u32> = FxHashMap::default();
    names
        .map(|s| {
            let n = ids.len() as u32;
            *ids.entry(s).or_insert(n)
        })
        .collect()
}

/// The words of every duty. Segmenting is most of the work on a large org,
/// and duties are independent: split over the machine's cores (the result
/// does not depend on how).
fn analyse(duties: &[Duty]) -> Vec<Vec<segment::Word>> {
    let jieba = &*segment::SEGMENTER;
    let one = |d: &Duty| segment::duty_words(d.title, d.description, jieba, &SHIPPED);
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(8);
    if threads < 2 || duties.len() < 2000 {
        return duties.iter().map(one).collect();
    }
    let chunk = duties.len().div_ceil(threads);
    std::thread::scope(|s| {
        let parts: Vec<_> =
            duties.chunks(chunk).map(|c| s.spawn(move || c.iter().map(one).collect::<Vec<_>>())).collect();
        parts.into_iter().flat_map(|p| p.join().unwrap_or_else(|e| std::panic::resume_unwind(e))).collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segmenting_on_several_threads_gives_what_one_thread_gives() {
        let (texts, _) = opsroles_synth::duty_texts(2100, 3);
        let duties: Vec<Duty> = texts.iter().map(|t| Duty { role: "r", id: "d", title: "", description: t }).collect();
        let one: Vec<Vec<segment::Word>> =
            duties.iter().map(|d| segment::duty_words(d.title, d.description, &segment::SEGMENTER, &SHIPPED)).collect();
        assert_eq!(analyse(&duties), one);
    }
}
