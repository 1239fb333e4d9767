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

Pure: no printing and no I/O beyond the data compiled in.
*/

pub mod candidates;
pub mod score;
pub mod segment;
pub mod tfidf;
pub mod thesaurus;

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
    /// Tuned on the `tune` half of tests/fixtures/overlap/pairs.tsv;
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
    let raw = score::raw_threshold(t.similarity);
    let mut pairs: Vec<(usize, usize)> = candidates::candidates(&model.profiles, &model.idf, raw, &WEIGHTS);
    pairs.extend(similar::join(&model.records, t.similarity).into_iter().map(|p| (p.a, p.b)));
    pairs.sort_unstable();
    pairs.dedup();
    pairs.into_iter().filter_map(|(a, b)| model.finding(duties, a, b, t)).collect()
}

/// The reference [`detect`] must equal: every pair scored. O(n²).
pub fn detect_all_pairs(duties: &[Duty], t: Thresholds) -> Vec<Finding> {
    let model = Model::new(duties);
    let t = t.clamped();
    (0..duties.len())
        .flat_map(|a| (a + 1..duties.len()).map(move |b| (a, b)))
        .filter_map(|(a, b)| model.finding(duties, a, b, t))
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
}

impl Model {
    fn new(duties: &[Duty]) -> Self {
        let jieba = &*segment::SEGMENTER;
        let mut concepts = Concepts::new(&SHIPPED);
        let bags: Vec<Bag> = duties
            .iter()
            .map(|d| Bag::new(&segment::duty_words(d.title, d.description, jieba, &SHIPPED), &mut concepts))
            .collect();
        let idf = tfidf::idf(&bags);
        let profiles = bags.into_iter().map(|b| tfidf::profile(b, &idf)).collect();
        // The floor compares what the `similar-duty` rule always compared.
        let records = duties.iter().map(|d| Record::new(&format!("{}{}", d.title, d.description))).collect();
        Model { profiles, idf, records }
    }

    fn finding(&self, duties: &[Duty], a: usize, b: usize, t: Thresholds) -> Option<Finding> {
        if duties[a].role == duties[b].role || duties[a].id == duties[b].id {
            return None;
        }
        let (pa, pb) = (&self.profiles[a], &self.profiles[b]);
        let score = score::score(pa, pb, &SHIPPED, &WEIGHTS);
        let lexical = similar::jaccard(&self.records[a].tokens, &self.records[b].tokens);
        let kind = if score >= t.overlap {
            Kind::Overlap
        } else if score >= t.similarity || lexical >= t.similarity {
            Kind::Similar
        } else {
            return None;
        };
        let Explanation { shared, synonyms } = score::explain(pa, pb);
        Some(Finding { a, b, kind, score, lexical, shared, synonyms })
    }
}
