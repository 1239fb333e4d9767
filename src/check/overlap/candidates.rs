/*!
The pairs of profiles whose raw score *could* reach t, without comparing all pairs.

This is the prefix filter of PPJoin (Xiao et al., "Efficient similarity joins
for near duplicate detection", WWW 2008; see `check/similar/join.rs` for the
unweighted join behind the lexical floor), adapted to weighted sets and to the
bound the raw score obeys: r ≤ s / min(Wa, Wb), where `s` is the shared weight
(see `score.rs`). So a pair can only reach `t` if the *lighter* duty `y` shares
at least `t · Wy` of its weight with the other.

Concepts are ordered rarest first. Each duty's prefix is its rarest concepts up
to the point where what is left weighs less than `t · W`: a partner that shares
nothing in the prefix shares at most the rest, which is not enough. Duties are
taken lightest first; each indexes its prefix, and each probes the index with
all of its concepts, so every earlier (lighter) duty that shares a prefix
concept with it becomes a candidate. The score's length bound then drops pairs
whose totals are too far apart for any overlap to reach `t`. Bounds are
loosened by a relative epsilon, so floating point never loses a pair.
*/

use super::score::{upper_bound, Weights};
use super::tfidf::Profile;

/// Relative slack on every bound: they only get looser.
const EPS: f64 = 1e-9;

/// Every pair `(a, b)`, `a < b`, whose raw score (before calibration) may
/// reach `t` (0 < t ≤ 1), sorted. See [`each_candidate`].
pub fn candidates(profiles: &[Profile], idf: &[f64], t: f64, w: &Weights) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    each_candidate(profiles, idf, t, w, |a, b| out.push((a, b)));
    out.sort_unstable();
    out
}

/// Calls `f(a, b)`, `a < b`, once for every pair whose raw score may reach
/// `t`, grouped by the heavier duty of the pair (so its profile stays in
/// cache while its partners are scored). `idf` gives each concept's rarity
/// (higher = rarer), indexed by concept id.
///
/// When one shared concept cannot reach `t` ([`Weights::single`] < t), a
/// pair must also share two concepts, and two sets that share two elements
/// share one among the first `n − 1` of each (the count prefix of PPJoin):
/// both prefixes are then cut to that, the shorter of two prefixes of one
/// order being the one both constraints leave.
pub fn each_candidate(profiles: &[Profile], idf: &[f64], t: f64, w: &Weights, mut f: impl FnMut(usize, usize)) {
    // Rank concepts rarest first; ties by id, so the order is total.
    let mut by_rarity: Vec<u32> = (0..idf.len() as u32).collect();
    by_rarity.sort_by(|&x, &y| idf[y as usize].total_cmp(&idf[x as usize]).then(x.cmp(&y)));
    let mut rank = vec![0u32; idf.len()];
    for (r, &c) in by_rarity.iter().enumerate() {
        rank[c as usize] = r as u32;
    }
    let need_two = w.single < t * (1.0 - EPS);

    let mut order: Vec<usize> = (0..profiles.len()).filter(|&i| profiles[i].total > 0.0).collect();
    order.sort_by(|&x, &y| profiles[x].total.total_cmp(&profiles[y].total).then(x.cmp(&y)));

    let mut index: Vec<Vec<u32>> = vec![Vec::new(); idf.len()];
    let mut seen: Vec<bool> = vec![false; profiles.len()];
    let mut touched: Vec<usize> = Vec::new();
    let mut ranked: Vec<(u32, f64)> = Vec::new();

    for &x in &order {
        let px = &profiles[x];
        ranked.clear();
        ranked.extend(px.terms.iter().map(|&(c, wt)| (rank[c as usize], wt)));
        ranked.sort_unstable_by_key(|r| r.0);
        let by_count = if need_two { ranked.len().saturating_sub(1) } else { ranked.len() };

        for &(r, _) in &ranked[..by_count] {
            for &y in &index[by_rarity[r as usize] as usize] {
                let y = y as usize;
                if !seen[y] {
                    seen[y] = true;
                    touched.push(y);
                }
            }
        }
        for &y in &touched {
            seen[y] = false;
            if upper_bound(profiles[y].total, px.total, w) >= t * (1.0 - EPS) {
                f(x.min(y), x.max(y));
            }
        }
        touched.clear();

        // Index the prefix: stop once the rest weighs less than t·W.
        let need = t * px.total * (1.0 - EPS);
        let mut rest = px.total;
        for &(r, wt) in &ranked[..by_count] {
            if rest < need {
                break;
            }
            index[by_rarity[r as usize] as usize].push(x as u32);
            rest -= wt;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::overlap::score::shared_weight;

    fn p(terms: &[(u32, f64)]) -> Profile {
        Profile {
            terms: terms.to_vec(),
            surfaces: vec![String::new(); terms.len()],
            keys: vec![String::new(); terms.len()],
            total: terms.iter().map(|t| t.1).sum(),
            actions: Vec::new(),
        }
    }

    const W: Weights = Weights { containment: 0.5, contrast: 0.5, partial: 0.85, disjoint: 0.85, single: 0.6 };

    #[test]
    fn keeps_every_pair_whose_containment_reaches_t() {
        let idf = vec![3.0, 2.0, 1.0, 0.5, 2.5];
        let ps = vec![
            p(&[(0, 3.0), (1, 2.0)]),
            p(&[(0, 3.0), (1, 2.0), (2, 1.0), (3, 0.5)]),
            p(&[(2, 1.0), (3, 0.5)]),
            p(&[(4, 2.5)]),
            p(&[]),
        ];
        for t in [0.1, 0.3, 0.5, 0.7, 0.9, 1.0] {
            let got = candidates(&ps, &idf, t, &W);
            for a in 0..ps.len() {
                for b in a + 1..ps.len() {
                    let small = ps[a].total.min(ps[b].total);
                    let shared = ps[a].terms.iter().filter(|x| ps[b].terms.iter().any(|y| y.0 == x.0)).count();
                    let could = small > 0.0
                        && shared_weight(&ps[a], &ps[b]) >= t * small
                        && upper_bound(ps[a].total, ps[b].total, &W) >= t
                        && (shared >= 2 || W.single >= t);
                    if could {
                        assert!(got.contains(&(a, b)), "t {t}: ({a}, {b}) missing from {got:?}");
                    }
                }
            }
            // Nothing shares anything with 3 or 4.
            assert!(got.iter().all(|&(a, b)| a != 3 && b != 3 && a != 4 && b != 4), "{got:?}");
            // 0 and 2 share nothing; 1 and 2 share two concepts, all of 2.
            assert!(!got.contains(&(0, 2)), "{got:?}");
        }
    }

    #[test]
    fn one_shared_concept_is_no_candidate_when_it_cannot_reach_t() {
        let idf = vec![3.0, 2.0, 1.0];
        let ps = vec![p(&[(0, 3.0)]), p(&[(0, 3.0), (1, 2.0)]), p(&[(0, 3.0), (1, 2.0), (2, 1.0)])];
        let single = Weights { single: 0.5, ..W };
        // 0 has one concept: it can share no more than one.
        assert_eq!(candidates(&ps, &idf, 0.55, &single), [(1, 2)]);
        // With one concept worth enough, its pairs are candidates too.
        assert_eq!(candidates(&ps, &idf, 0.45, &single), [(0, 1), (0, 2), (1, 2)]);
    }
}
