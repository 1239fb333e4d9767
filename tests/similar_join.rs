//! The prefix-filtered join behind `similar-duty` returns exactly the pairs
//! an all-pairs scan returns: on 1,000 generated duty texts with planted
//! near-duplicates, and on random inputs at random thresholds.

use opsroles::check::similar::{all_pairs, join, Record};
use proptest::prelude::*;

#[test]
fn equals_all_pairs_on_1000_generated_duties() {
    for seed in [1, 2, 3] {
        let (texts, planted) = opsroles_synth::duty_texts(1000, seed);
        let records: Vec<Record> = texts.iter().map(|t| Record::new(t)).collect();
        // all_pairs(t) is all_pairs(0.3) cut at t: scan once, compare often.
        let reference = all_pairs(&records, 0.3);
        for t in [0.3, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 1.0] {
            let expected: Vec<_> = reference.iter().copied().filter(|p| p.score >= t).collect();
            assert_eq!(join(&records, t), expected, "seed {seed}, t = {t}");
        }
        // The planted copies are what the 0.8 threshold finds.
        let found: Vec<(usize, usize)> = join(&records, 0.8).iter().map(|p| (p.a, p.b)).collect();
        assert!(!planted.is_empty());
        for p in &planted {
            assert!(found.contains(p), "seed {seed}: planted pair {p:?} missed");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn equals_all_pairs_on_random_texts(
        texts in prop::collection::vec("[甲乙丙丁戊己abc]{0,12}", 0..40),
        t in 0.05f64..=1.0,
    ) {
        let records: Vec<Record> = texts.iter().map(|s| Record::new(s)).collect();
        prop_assert_eq!(join(&records, t), all_pairs(&records, t));
    }
}
