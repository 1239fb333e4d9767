/*!
How much two duties are the same work, in 0..1, and why.

The score is the weighted overlap of two [`Profile`]s — shared concept weight
`s` over what the two duties say — blended from two views:
- Dice, `2s / (Wa + Wb)`: the two duties say the same things;
- containment, `s / min(Wa, Wb)`: everything the shorter duty says, the longer
  one says too (a bare title inside a full description).

then multiplied by what the duties *do* (their action classes):
- a declared contrast — each duty does a kind of work the other does not, and
  the thesaurus says the two kinds must never merge (制定 vs 審批, 收集 vs 分析)
  — multiplies by [`Weights::contrast`];
- a partial contrast — one duty does all the other does and, besides, work of
  a class declared `never` against it (識別風險、制定預案並監督執行 vs
  制定預案): the shorter is one stage of the longer, not the whole of it —
  multiplies by [`Weights::partial`];
- both duties name actions but share none multiplies by [`Weights::disjoint`];

and by what the evidence is: two duties that share a single concept are not
shown to be one piece of work by one word (調制, 預算), however rare it is and
however short the duties — that multiplies by [`Weights::single`].

Last, the raw value `r` is calibrated to `1 − (1 − r)²`. This keeps 0 and 1
and the order of pairs, and spreads the range where two duties share most of
their weight (r 0.5–0.8 → 0.75–0.96), so that the config's `similarity` (0.8)
keeps its meaning of "close to the same work" and the `overlap` threshold sits
above it: on the tune half of the labelled set, same-work pairs begin near
r ≈ 0.62 (calibrated 0.85).

Both factors are ≤ 1 and Dice ≤ containment, so `r` never exceeds the
containment `s / min(Wa, Wb)`: that is the bound the candidate join filters on,
at [`raw_threshold`] of the calibrated threshold.
*/

use super::tfidf::Profile;
use super::thesaurus::Thesaurus;

/// The knobs of the score, tuned on the `tune` half of the labelled set.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Weights {
    /// Share of containment in the blend (the rest is Dice).
    pub containment: f64,
    /// Factor for a declared contrast of actions.
    pub contrast: f64,
    /// Factor for a partial contrast.
    pub partial: f64,
    /// Factor when both duties name actions and share none.
    pub disjoint: f64,
    /// Factor when the duties share one concept only.
    pub single: f64,
}

pub const WEIGHTS: Weights = Weights { containment: 0.5, contrast: 0.5, partial: 0.85, disjoint: 0.8, single: 0.5 };

/// Σ over shared concepts of the smaller of the two weights.
pub fn shared_weight(a: &Profile, b: &Profile) -> f64 {
    shared(a, b).0
}

/// The shared weight and the number of shared concepts.
fn shared(a: &Profile, b: &Profile) -> (f64, usize) {
    let (mut s, mut n) = (0.0, 0);
    each_shared(a, b, |i, j| {
        s += a.terms[i].1.min(b.terms[j].1);
        n += 1;
    });
    (s, n)
}

/// Calls `f(i, j)` for every concept at `a.terms[i]` and `b.terms[j]`.
fn each_shared(a: &Profile, b: &Profile, mut f: impl FnMut(usize, usize)) {
    let (mut i, mut j) = (0, 0);
    while i < a.terms.len() && j < b.terms.len() {
        match a.terms[i].0.cmp(&b.terms[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                f(i, j);
                i += 1;
                j += 1;
            }
        }
    }
}

/// The score of a pair; 0 when either duty says nothing.
pub fn score(a: &Profile, b: &Profile, thesaurus: &Thesaurus, w: &Weights) -> f64 {
    calibrate(raw(a, b, thesaurus, w))
}

/// The calibrated value of a raw score.
pub fn calibrate(r: f64) -> f64 {
    1.0 - (1.0 - r) * (1.0 - r)
}

/// The score before calibration.
pub fn raw(a: &Profile, b: &Profile, thesaurus: &Thesaurus, w: &Weights) -> f64 {
    raw_at_least(a, b, thesaurus, w, 0.0).unwrap_or(0.0)
}

/// [`raw`], or `None` as soon as it is clear it stays below `floor` (the
/// action factors, which cost most, are only looked at when they matter).
pub fn raw_at_least(a: &Profile, b: &Profile, thesaurus: &Thesaurus, w: &Weights, floor: f64) -> Option<f64> {
    let small = a.total.min(b.total);
    if small <= 0.0 {
        return (floor <= 0.0).then_some(0.0);
    }
    let (s, n) = shared(a, b);
    let dice = 2.0 * s / (a.total + b.total);
    let contain = (s / small).min(1.0);
    let base = (1.0 - w.containment) * dice + w.containment * contain;
    let evidence = base * if n < 2 { w.single } else { 1.0 };
    if evidence < floor {
        return None;
    }
    let r = (evidence * action_factor(a, b, thesaurus, w)).clamp(0.0, 1.0);
    (r >= floor).then_some(r)
}

/// The raw value at which the calibrated score reaches `t`.
pub fn raw_threshold(t: f64) -> f64 {
    1.0 - (1.0 - t.clamp(0.0, 1.0)).sqrt()
}

/// The highest raw value two duties of these totals can reach (at full
/// overlap), for the join's length filter.
pub fn upper_bound(total_a: f64, total_b: f64, w: &Weights) -> f64 {
    let small = total_a.min(total_b);
    if small <= 0.0 {
        return 0.0;
    }
    (1.0 - w.containment) * 2.0 * small / (total_a + total_b) + w.containment
}

fn action_factor(a: &Profile, b: &Profile, thesaurus: &Thesaurus, w: &Weights) -> f64 {
    if contrast(a, b, thesaurus) {
        w.contrast
    } else if partial_contrast(a, b, thesaurus) {
        w.partial
    } else if !a.actions.is_empty() && !b.actions.is_empty() && !a.actions.iter().any(|x| b.actions.contains(x)) {
        w.disjoint
    } else {
        1.0
    }
}

/// Each duty does a kind of work the other does not, and the two kinds are
/// declared `never` alike: 制定 vs 審批, 收集 vs 分析. A duty that does all
/// the other does and more is not a contrast: it contains the other.
pub fn contrast(a: &Profile, b: &Profile, thesaurus: &Thesaurus) -> bool {
    let only_a = a.actions.iter().filter(|x| !b.actions.contains(x));
    only_a.into_iter().any(|&x| b.actions.iter().filter(|y| !a.actions.contains(y)).any(|&y| thesaurus.never(x, y)))
}

/// One duty does work the other does not, of a class declared `never`
/// against work the other does.
pub fn partial_contrast(a: &Profile, b: &Profile, thesaurus: &Thesaurus) -> bool {
    let one_way = |p: &Profile, q: &Profile| {
        p.actions.iter().filter(|x| !q.actions.contains(x)).any(|&x| q.actions.iter().any(|&y| thesaurus.never(x, y)))
    };
    one_way(a, b) || one_way(b, a)
}

/// Why a pair scored: the words both duties use, and the different words the
/// thesaurus matched, heaviest first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Explanation {
    pub shared: Vec<String>,
    pub synonyms: Vec<(String, String)>,
}

/// At most this many of each, so a message stays one line.
const SHOWN: usize = 6;

pub fn explain(a: &Profile, b: &Profile) -> Explanation {
    let mut matched: Vec<(f64, usize, usize)> = Vec::new();
    each_shared(a, b, |i, j| matched.push((a.terms[i].1.min(b.terms[j].1), i, j)));
    matched.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
    let mut e = Explanation::default();
    for (_, i, j) in matched {
        let (wa, wb) = (&a.surfaces[i], &b.surfaces[j]);
        if a.keys[i] == b.keys[j] {
            if e.shared.len() < SHOWN {
                e.shared.push(wa.clone());
            }
        } else if e.synonyms.len() < SHOWN {
            e.synonyms.push((wa.clone(), wb.clone()));
        }
    }
    e
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::overlap::thesaurus::SHIPPED;

    fn p(terms: &[(u32, f64)], actions: &[u32]) -> Profile {
        Profile {
            terms: terms.to_vec(),
            surfaces: terms.iter().map(|t| format!("w{}", t.0)).collect(),
            keys: terms.iter().map(|t| format!("w{}", t.0)).collect(),
            total: terms.iter().map(|t| t.1).sum(),
            actions: actions.to_vec(),
        }
    }

    const PLAIN: Weights = Weights { containment: 0.5, contrast: 0.5, partial: 0.9, disjoint: 0.8, single: 0.6 };

    #[test]
    fn blend_of_dice_and_containment_by_hand() {
        // Shared 1+2 = 3 of totals 4 and 6: Dice 0.6, containment 0.75.
        let a = p(&[(1, 1.0), (2, 2.0), (3, 1.0)], &[]);
        let b = p(&[(1, 1.0), (2, 3.0), (4, 2.0)], &[]);
        assert!((shared_weight(&a, &b) - 3.0).abs() < 1e-12);
        assert!((raw(&a, &b, &SHIPPED, &PLAIN) - 0.675).abs() < 1e-12);
        assert!((score(&a, &b, &SHIPPED, &PLAIN) - (1.0 - 0.325 * 0.325)).abs() < 1e-12);
        assert_eq!(score(&a, &a, &SHIPPED, &PLAIN), 1.0);
        assert_eq!(score(&a, &p(&[], &[]), &SHIPPED, &PLAIN), 0.0);
        // One shared concept is weak evidence, even when it is all of a duty.
        let one = p(&[(2, 2.0)], &[]);
        assert!((raw(&a, &one, &SHIPPED, &PLAIN) - 0.6 * (0.5 * 4.0 / 6.0 + 0.5)).abs() < 1e-12);
        assert_eq!(raw_at_least(&a, &b, &SHIPPED, &PLAIN, 0.7), None);
        assert_eq!(raw_at_least(&a, &b, &SHIPPED, &PLAIN, 0.6), Some(raw(&a, &b, &SHIPPED, &PLAIN)));
        assert!(raw(&a, &b, &SHIPPED, &PLAIN) <= upper_bound(a.total, b.total, &PLAIN));
    }

    #[test]
    fn calibration_keeps_order_and_ends_and_inverts() {
        assert_eq!(calibrate(0.0), 0.0);
        assert_eq!(calibrate(1.0), 1.0);
        let mut last = -1.0;
        for i in 0..=100 {
            let r = f64::from(i) / 100.0;
            assert!(calibrate(r) > last);
            last = calibrate(r);
            assert!((raw_threshold(calibrate(r)) - r).abs() < 1e-9, "{r}");
        }
    }

    #[test]
    fn contrast_is_declared_work_the_other_does_not_do() {
        let group = |w: &str| match SHIPPED.lookup(w) {
            Some(crate::check::overlap::thesaurus::Entry::Group(g)) => g,
            _ => panic!("{w}"),
        };
        let (draft, approve, execute, supervise) = (group("制定"), group("审批"), group("执行"), group("监督"));
        let terms = [(1000, 1.0), (1001, 1.0)];
        let drafts = p(&terms, &[draft]);
        let approves = p(&terms, &[approve]);
        assert!(contrast(&drafts, &approves, &SHIPPED));
        assert!((raw(&drafts, &approves, &SHIPPED, &PLAIN) - 0.5).abs() < 1e-12);
        let executes = p(&terms, &[execute]);
        let supervises = p(&terms, &[supervise]);
        assert!(contrast(&executes, &supervises, &SHIPPED));
        // Doing all the other does, and more, contains it.
        let both = p(&terms, &[execute, supervise]);
        assert!(!contrast(&executes, &both, &SHIPPED));
        assert!(partial_contrast(&executes, &both, &SHIPPED));
        assert!((raw(&executes, &both, &SHIPPED, &PLAIN) - 0.9).abs() < 1e-12);
        assert!(!partial_contrast(&executes, &executes, &SHIPPED));
        // Same class, or classes not declared apart: no contrast.
        assert!(!contrast(&drafts, &drafts, &SHIPPED));
        let collects = p(&terms, &[group("收集")]);
        assert!(!contrast(&drafts, &collects, &SHIPPED));
        assert!((raw(&drafts, &collects, &SHIPPED, &PLAIN) - 0.8).abs() < 1e-12);
        // One side names no action: nothing to compare.
        assert_eq!(score(&drafts, &p(&terms, &[]), &SHIPPED, &PLAIN), 1.0);
    }

    #[test]
    fn explanation_separates_words_from_synonyms_heaviest_first() {
        let mut a = p(&[(1, 1.0), (2, 3.0), (3, 2.0)], &[]);
        let mut b = p(&[(1, 1.0), (2, 2.0), (3, 2.5)], &[]);
        a.surfaces = vec!["流程".into(), "收集".into(), "人員".into()];
        b.surfaces = vec!["流程".into(), "调研".into(), "人员".into()];
        a.keys = vec!["流程".into(), "收集".into(), "人员".into()];
        b.keys = vec!["流程".into(), "调研".into(), "人员".into()];
        let e = explain(&a, &b);
        assert_eq!(e.shared, ["人員", "流程"]);
        assert_eq!(e.synonyms, [("收集".to_string(), "调研".to_string())]);
    }
}
