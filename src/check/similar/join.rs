/*!
All pairs of records with Jaccard similarity ≥ t.

[`join`] is PPJoin (Xiao et al., "Efficient similarity joins for near duplicate
detection", WWW 2008): tokens ordered rarest first; records taken by increasing
size; only a prefix of each record is indexed and probed (two sets with
Jaccard ≥ t must share a token in their prefixes); the length filter drops
records too short to reach t, and the positional filter drops candidates whose
remaining tokens cannot reach the needed overlap. Survivors are verified
exactly, with the same arithmetic as [`all_pairs`], so both return the same
pairs. Filter bounds are rounded in the safe direction (a slightly longer
prefix, a slightly lower bound), so floating point never loses a pair.
*/

use std::collections::HashMap;

use super::{overlap, Record};

/// Slack for ceil() of products with a float threshold: bounds only get looser.
const EPS: f64 = 1e-9;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pair {
    /// Indexes into the records, `a < b`.
    pub a: usize,
    pub b: usize,
    pub score: f64,
}

fn similar_enough(o: usize, la: usize, lb: usize, t: f64) -> Option<f64> {
    let union = la + lb - o;
    let score = if union == 0 { 0.0 } else { o as f64 / union as f64 };
    (union > 0 && score >= t).then_some(score)
}

/// The reference: compare every pair. O(n²); for tests and benchmarks.
pub fn all_pairs(records: &[Record], t: f64) -> Vec<Pair> {
    let mut out = Vec::new();
    for a in 0..records.len() {
        for b in a + 1..records.len() {
            let (x, y) = (&records[a].tokens, &records[b].tokens);
            if let Some(score) = similar_enough(overlap(x, y), x.len(), y.len(), t) {
                out.push(Pair { a, b, score });
            }
        }
    }
    out
}

fn ceil_safe(x: f64) -> usize {
    (x - EPS).ceil().max(0.0) as usize
}

/// Every pair with Jaccard ≥ `t` (0 < t ≤ 1), sorted by (a, b).
pub fn join(records: &[Record], t: f64) -> Vec<Pair> {
    // Rank tokens by document frequency, rarest first; ties by value.
    let mut freq: HashMap<u64, u32> = HashMap::new();
    for r in records {
        for &tok in &r.tokens {
            *freq.entry(tok).or_default() += 1;
        }
    }
    let mut by_freq: Vec<(u32, u64)> = freq.iter().map(|(&tok, &n)| (n, tok)).collect();
    by_freq.sort_unstable();
    let rank: HashMap<u64, u32> = by_freq.iter().enumerate().map(|(i, &(_, tok))| (tok, i as u32)).collect();
    let ranked: Vec<Vec<u32>> = records
        .iter()
        .map(|r| {
            let mut v: Vec<u32> = r.tokens.iter().map(|t| rank[t]).collect();
            v.sort_unstable();
            v
        })
        .collect();

    // Process by increasing size, so every indexed record is no larger.
    let mut order: Vec<usize> = (0..records.len()).filter(|&i| !ranked[i].is_empty()).collect();
    order.sort_by_key(|&i| (ranked[i].len(), i));

    let mut index: Vec<Vec<(u32, u32)>> = vec![Vec::new(); by_freq.len()];
    // Per token list, how many leading entries are too short for the current size.
    let mut skip: Vec<usize> = vec![0; by_freq.len()];
    const PRUNED: i32 = i32::MIN;
    let mut acc: Vec<i32> = vec![0; records.len()];
    let mut touched: Vec<usize> = Vec::new();
    let mut out = Vec::new();

    for &x in &order {
        let xs = &ranked[x];
        let n = xs.len();
        let min_len = ceil_safe(t * n as f64);
        let probe = n - min_len.min(n) + 1;
        for (i, &w) in xs.iter().take(probe).enumerate() {
            let list = &index[w as usize];
            while skip[w as usize] < list.len() && ranked[list[skip[w as usize]].0 as usize].len() < min_len {
                skip[w as usize] += 1;
            }
            for &(y, j) in &list[skip[w as usize]..] {
                let y = y as usize;
                if acc[y] == PRUNED {
                    continue;
                }
                let ny = ranked[y].len();
                let alpha = ceil_safe(t / (1.0 + t) * (n + ny) as f64) as i32;
                let ubound = 1 + (n - i - 1).min(ny - j as usize - 1) as i32;
                if acc[y] == 0 {
                    touched.push(y);
                }
                if acc[y] + ubound >= alpha {
                    acc[y] += 1;
                } else {
                    acc[y] = PRUNED;
                }
            }
        }
        // Index the mid-prefix: enough for any later (no smaller) partner.
        let index_len = n - ceil_safe(2.0 * t / (1.0 + t) * n as f64).min(n) + 1;
        for (i, &w) in xs.iter().take(index_len.min(n)).enumerate() {
            index[w as usize].push((x as u32, i as u32));
        }
        for &y in &touched {
            if acc[y] > 0 {
                let ys = &ranked[y];
                if let Some(score) = similar_enough(overlap(xs, ys), n, ys.len(), t) {
                    out.push(Pair { a: x.min(y), b: x.max(y), score });
                }
            }
            acc[y] = 0;
        }
        touched.clear();
    }
    out.sort_by_key(|p| (p.a, p.b));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn recs(texts: &[&str]) -> Vec<Record> {
        texts.iter().map(|t| Record::new(t)).collect()
    }

    #[test]
    fn finds_a_near_duplicate_and_nothing_else() {
        let r = recs(&[
            "調研業務部門需求,繪制現有流程地圖",
            "風險識別:識別運營中的潛在風險",
            "调研业务部门需求,绘制现有流程地图。",
        ]);
        let pairs = join(&r, 0.8);
        assert_eq!(pairs.len(), 1);
        assert_eq!((pairs[0].a, pairs[0].b), (0, 2));
        assert_eq!(pairs[0].score, 1.0);
    }

    #[test]
    fn equals_all_pairs_on_small_mixed_input() {
        let r = recs(&["abcdefgh", "abcdefgx", "abcdefxy", "zzzz", "z", "abcdefgh", "bcdefgh", "", "ab"]);
        for t in [0.3, 0.5, 0.7, 0.8, 0.9, 1.0] {
            assert_eq!(join(&r, t), all_pairs(&r, t), "t = {t}");
        }
    }
}
