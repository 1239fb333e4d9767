/*!
Rows whose only use was ratio parts (a numerator or a denominator): they
are counted as used while reading, and become `zero-denominator` rows at the
end if every ratio they fed has no value after all.
*/

use super::{RatioOnly, Reader, Sets};
use crate::diag::Code;

impl Reader<'_> {
    /// The interned set of ratio KPIs that `targets` lists feed.
    pub(super) fn ratio_set(&mut self, lists: &[u32]) -> u32 {
        let mut set: Vec<usize> =
            lists.iter().flat_map(|&t| self.targets[t as usize].iter().map(|(k, _)| *k)).collect();
        set.sort_unstable();
        set.dedup();
        match self.ratio_sets.iter().position(|s| *s == set) {
            Some(i) => i as u32,
            None => {
                self.ratio_sets.push(set);
                self.ratio_sets.len() as u32 - 1
            }
        }
    }

    pub(super) fn note_ratio_only(&mut self, entity: usize, set: u32, (in_main, in_compare): Sets, line: u64) {
        let bits = u8::from(in_main) | (u8::from(in_compare) << 1);
        let first = self.here(line);
        self.ratio_only.entry((entity as u32, set, bits)).or_insert(RatioOnly { count: 0, first }).count += 1;
    }

    /// Rows whose only use was ratios whose denominators summed to zero gave
    /// nothing to a scorecard after all: they are skipped as `zero-denominator`.
    pub(super) fn settle_zero_denominators(&mut self) {
        let mut keys: Vec<&(u32, u32, u8)> = self.ratio_only.keys().collect();
        keys.sort_unstable_by_key(|k| (self.ratio_only[k].first, **k));
        let mut moved = Vec::new();
        for &(entity, set, bits) in keys {
            let e = self.tally.entities[entity as usize];
            let kpis = &self.plan.roles[e.role as usize].kpis;
            let all_zero = self.ratio_sets[set as usize].iter().all(|&ki| {
                [(false, bits & 1 != 0), (true, bits & 2 != 0)]
                    .into_iter()
                    .filter(|(_, on)| *on)
                    .all(|(compare, _)| self.tally.value(compare, entity as usize, &kpis[ki]).zero_denominator())
            });
            if all_zero {
                let who = self
                    .tally
                    .person_label(entity as usize)
                    .unwrap_or_else(|| self.plan.roles[e.role as usize].id.clone());
                let ids: Vec<String> = self.ratio_sets[set as usize]
                    .iter()
                    .map(|&ki| format!("{} ({})", kpis[ki].id, kpis[ki].metric))
                    .collect();
                let detail = format!(
                    "{who}: the denominator of {} sums to zero, or so near it that the ratio is out of range",
                    ids.join(", ")
                );
                let r = &self.ratio_only[&(entity, set, bits)];
                moved.push((r.count, r.first, detail));
            }
        }
        for (n, first, detail) in moved {
            self.rows.reclassify_used(Code::ZeroDenominator, u64::from(n), vec![first], &detail);
        }
    }
}
