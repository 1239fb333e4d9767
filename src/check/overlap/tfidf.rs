/*!
Words → weighted concepts, one [`Profile`] per duty.

A concept is a thesaurus group (收集 = 調研 = 匯總) or, for a word the
thesaurus does not know, the word itself. Each concept of a duty weighs its
inverse document frequency over *this org's* duties, so the words every duty
uses (流程, 部門, 資源 in an operations department) count little and the words
that say which duty it is (原材料, 供應鏈) count a lot. A concept that only
appears in an aside (brackets, 例如) weighs [`ASIDE`] of that.

Duties are short and a word rarely repeats, so a concept counts once per duty
(binary term frequency).
*/

use rustc_hash::FxHashMap;

use super::segment::Word;
use super::thesaurus::{Entry, Thesaurus};

/// Weight of a concept seen only in an aside, relative to the main text.
pub const ASIDE: f64 = 0.4;

/// Pretend documents that contain none of the words: without them, in an org
/// of a handful of duties every word two duties share would look common.
pub const PRIOR_DOCS: f64 = 20.0;

/// One duty as weighted concepts.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Profile {
    /// `(concept, weight)`, sorted by concept, weights > 0.
    pub terms: Vec<(u32, f64)>,
    /// How the duty wrote each concept, parallel to `terms`.
    pub surfaces: Vec<String>,
    /// The same words folded, parallel to `terms`: equal keys of one concept
    /// are a shared word, different keys a synonym.
    pub keys: Vec<String>,
    /// Σ weights.
    pub total: f64,
    /// The action groups of the duty's main text (asides excluded), sorted:
    /// the kinds of work it does.
    pub actions: Vec<u32>,
}

/// Concept ids: thesaurus groups first, then every other word as met.
pub struct Concepts<'t> {
    thesaurus: &'t Thesaurus,
    words: FxHashMap<String, u32>,
}

impl<'t> Concepts<'t> {
    pub fn new(thesaurus: &'t Thesaurus) -> Self {
        Concepts { thesaurus, words: FxHashMap::default() }
    }

    pub fn id(&mut self, key: &str) -> u32 {
        if let Some(Entry::Group(g)) = self.thesaurus.lookup(key) {
            return g;
        }
        if let Some(&id) = self.words.get(key) {
            return id;
        }
        let id = (self.thesaurus.groups().len() + self.words.len()) as u32;
        self.words.insert(key.to_string(), id);
        id
    }

    /// The action group `id` names, if it is one.
    pub fn action(&self, id: u32) -> bool {
        self.thesaurus.groups().get(id as usize).is_some_and(|g| g.action)
    }

    pub fn governs(&self, id: u32) -> bool {
        self.action(id) && self.thesaurus.governs(id)
    }
}

/// A duty before weighting: each concept with its aside factor and surface.
pub struct Bag {
    /// (concept, aside factor, key, surface)
    terms: Vec<(u32, f64, String, String)>,
    actions: Vec<u32>,
}

impl Bag {
    pub fn new(words: &[Word], concepts: &mut Concepts) -> Self {
        let mut terms: Vec<(u32, f64, String, String)> = Vec::new();
        let mut actions = Vec::new();
        for phrase in words.chunk_by(|a, b| a.phrase == b.phrase) {
            phrase_actions(phrase, concepts, &mut actions);
        }
        for w in words {
            let c = concepts.id(&w.key);
            let factor = if w.aside { ASIDE } else { 1.0 };
            match terms.iter_mut().find(|t| t.0 == c) {
                // Main text wins over an aside, and names the surface.
                Some(t) if factor > t.1 => {
                    t.1 = factor;
                    t.2.clone_from(&w.key);
                    t.3.clone_from(&w.surface);
                }
                Some(_) => {}
                None => terms.push((c, factor, w.key.clone(), w.surface.clone())),
            }
        }
        terms.sort_unstable_by_key(|t| t.0);
        actions.sort_unstable();
        actions.dedup();
        Bag { terms, actions }
    }
}

/// The work one phrase does. A governing verb (監督, 審批 …) takes the other
/// verbs of its phrase as its object: 監督預案的執行 supervises, 預算執行監督
/// too (a title's head comes last, a description's verb first).
fn phrase_actions(phrase: &[Word], concepts: &mut Concepts, out: &mut Vec<u32>) {
    let ids: Vec<u32> = phrase.iter().filter(|w| !w.aside && !w.part).map(|w| concepts.id(&w.key)).collect();
    let verbs: Vec<u32> = ids.into_iter().filter(|&c| concepts.action(c)).collect();
    let mut governing = verbs.iter().copied().filter(|&c| concepts.governs(c));
    let head = if phrase[0].title { governing.next_back() } else { governing.next() };
    match head {
        Some(h) => out.push(h),
        None => out.extend(verbs),
    }
}

/// Inverse document frequency of every concept over `bags`, indexed by id.
pub fn idf(bags: &[Bag]) -> Vec<f64> {
    let mut df: Vec<u32> = Vec::new();
    for b in bags {
        for &(c, ..) in &b.terms {
            let c = c as usize;
            if df.len() <= c {
                df.resize(c + 1, 0);
            }
            df[c] += 1;
        }
    }
    let n = bags.len() as f64 + PRIOR_DOCS;
    df.iter().map(|&d| if d == 0 { 0.0 } else { (n / f64::from(d)).ln() }).collect()
}

/// Weighs a bag by `idf`.
pub fn profile(bag: Bag, idf: &[f64]) -> Profile {
    let mut p = Profile { actions: bag.actions, ..Profile::default() };
    for (c, factor, key, surface) in bag.terms {
        let w = idf[c as usize] * factor;
        if w > 0.0 {
            p.terms.push((c, w));
            p.keys.push(key);
            p.surfaces.push(surface);
            p.total += w;
        }
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::overlap::segment::{duty_words, SEGMENTER};
    use crate::check::overlap::thesaurus::SHIPPED;

    fn profiles(texts: &[&str]) -> (Vec<Profile>, Concepts<'static>) {
        let mut concepts = Concepts::new(&SHIPPED);
        let bags: Vec<Bag> =
            texts.iter().map(|t| Bag::new(&duty_words("", t, &SEGMENTER, &SHIPPED), &mut concepts)).collect();
        let idf = idf(&bags);
        (bags.into_iter().map(|b| profile(b, &idf)).collect(), concepts)
    }

    fn weight(p: &Profile, concepts: &mut Concepts, key: &str) -> f64 {
        let c = concepts.id(key);
        p.terms.iter().find(|t| t.0 == c).map_or(0.0, |t| t.1)
    }

    #[test]
    fn words_every_duty_uses_weigh_less() {
        let mut texts = vec!["优化流程", "监控流程周期", "收集原材料需求流程", "梳理流程", "流程标准化"];
        texts.extend(["流程培训", "流程建模", "流程审批", "流程设计", "流程文档"]);
        let (p, mut c) = profiles(&texts);
        let common = weight(&p[2], &mut c, "流程");
        let rare = weight(&p[2], &mut c, "原材料");
        assert!(common > 0.0 && rare > 2.0 * common, "{common} {rare}");
        assert!((p[2].total - p[2].terms.iter().map(|t| t.1).sum::<f64>()).abs() < 1e-12);
    }

    #[test]
    fn synonyms_are_one_concept_and_asides_weigh_less() {
        let (p, mut c) = profiles(&["收集人力需求", "调研人员需求(如原材料)"]);
        assert_eq!(p[0].terms.len(), 3);
        assert_eq!(c.id("收集"), c.id("调研"));
        let material = c.id("原材料");
        let main: Vec<(u32, f64)> = p[1].terms.iter().copied().filter(|t| t.0 != material).collect();
        assert_eq!(p[0].terms, main);
        let aside = weight(&p[1], &mut c, "原材料");
        assert!((aside - ASIDE * (22.0f64).ln()).abs() < 1e-9, "{aside}");
        // The surface is the duty's own word.
        let i = p[1].terms.iter().position(|t| t.0 == c.id("收集")).unwrap();
        assert_eq!(p[1].surfaces[i], "调研");
    }

    #[test]
    fn actions_come_from_the_main_text_only() {
        let (p, mut c) = profiles(&["制定预案(经审批后执行)"]);
        assert_eq!(p[0].actions, [c.id("制定")]);
    }

    #[test]
    fn a_verb_a_governing_verb_takes_is_not_an_action() {
        let (p, mut c) = profiles(&["监督预案的执行", "执行预案,监督执行", "执行预案并监督执行"]);
        assert_eq!(p[0].actions, [c.id("监督")]);
        let mut both = vec![c.id("执行"), c.id("监督")];
        both.sort_unstable();
        assert_eq!(p[1].actions, both);
        assert_eq!(p[2].actions, both);
        // A title's head comes last.
        let mut concepts = Concepts::new(&SHIPPED);
        let bag = Bag::new(&duty_words("预算执行监督", "", &SEGMENTER, &SHIPPED), &mut concepts);
        assert_eq!(bag.actions, [concepts.id("监督")]);
    }
}
