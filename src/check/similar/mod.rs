/*!
Near-duplicate text detection for `similar-duty` and `shared-authority`.

- [`crate::text::fold`] first: NFKC, lowercase, punctuation and whitespace
  removed, Traditional folded to Simplified Chinese.
- [`Record`]: the set of character bigrams of the normalised text (works for
  Chinese without word segmentation).
- [`join`]: every pair of records with Jaccard similarity ≥ t, via a
  PPJoin-style prefix filter; [`all_pairs`] is the slow reference it must equal.
*/

mod join;

pub use join::{all_pairs, join, Pair};

use crate::text::fold;

/// A text as the sorted, de-duplicated set of its character bigrams.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub tokens: Vec<u64>,
}

impl Record {
    pub fn new(text: &str) -> Self {
        let chars: Vec<char> = fold(text).chars().collect();
        let mut tokens: Vec<u64> = match chars.len() {
            0 => Vec::new(),
            // A one-character text still has something to compare.
            1 => vec![u64::from(chars[0] as u32) << 32],
            _ => chars.windows(2).map(|w| (u64::from(w[0] as u32) << 32) | u64::from(w[1] as u32)).collect(),
        };
        tokens.sort_unstable();
        tokens.dedup();
        Record { tokens }
    }
}

/// Jaccard similarity of two sorted token sets.
pub fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    let o = overlap(a, b);
    let union = a.len() + b.len() - o;
    if union == 0 {
        0.0
    } else {
        o as f64 / union as f64
    }
}

/// Size of the intersection of two sorted slices.
pub fn overlap<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jaccard_of_bigram_sets_by_hand() {
        // 流程梳理 → {流程, 程梳, 梳理}; 流程优化 → {流程, 程优, 优化}: 1 shared of 5.
        let a = Record::new("流程梳理");
        let b = Record::new("流程優化");
        assert_eq!(a.tokens.len(), 3);
        assert!((jaccard(&a.tokens, &b.tokens) - 0.2).abs() < 1e-12);
        assert_eq!(jaccard(&a.tokens, &a.tokens), 1.0);
    }

    #[test]
    fn bigrams_are_a_set() {
        // 哈哈哈 has the bigram 哈哈 twice.
        assert_eq!(Record::new("哈哈哈").tokens.len(), 1);
    }
}
