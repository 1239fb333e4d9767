/*!
What changed inside a sentence: a character-level diff of a text field
(title, description, positioning), as runs of kept, inserted and deleted text.

Chinese has no spaces between words, so a word diff would call the whole
sentence one word; characters are the unit. The diff itself is the `similar`
crate's Myers diff. Two things are added on top, both for a reader:

- *semantic cleanup*: a character diff of a rewritten phrase finds the odd
  shared character (制定年**度**計劃 → 審批季**度**預算) and leaves "chaff",
  a run of one kept character between two edits. As in diff-match-patch's
  `diff_cleanupSemantic`, a kept run shorter than the edits on both sides
  of it is folded into them, so the reader sees one phrase replaced (only
  shorter: a two-character word kept between two-character edits is a word
  the change kept).
- *a bound*: Myers is O((N+M)·D). Past [`MAX_CHARS`] characters of changed
  middle (after the common prefix and suffix), the middle is shown as one
  deletion and one insertion: the same output on every run and machine,
  never a hang on a hostile file (a time deadline would make output depend
  on the machine's speed).
*/

use serde::Serialize;
use similar::{Algorithm, ChangeTag};

/// Changed middles longer than this (old + new, in characters) are shown
/// whole, not diffed: real role text is a few hundred characters.
pub const MAX_CHARS: usize = 4000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Op {
    Equal,
    Insert,
    Delete,
}

/// A run of text kept, inserted or deleted. Equal and deleted runs in order
/// spell the text before; equal and inserted runs, the text after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Edit {
    pub op: Op,
    pub text: String,
}

/// The edits that turn `before` into `after`.
pub fn edits(before: &str, after: &str) -> Vec<Edit> {
    let prefix = common_prefix(before, after);
    let suffix = common_suffix(&before[prefix..], &after[prefix..]);
    let (old_mid, new_mid) = (&before[prefix..before.len() - suffix], &after[prefix..after.len() - suffix]);
    let mut runs: Vec<(Op, String)> = Vec::new();
    push(&mut runs, Op::Equal, &before[..prefix]);
    if old_mid.chars().count() + new_mid.chars().count() > MAX_CHARS {
        push(&mut runs, Op::Delete, old_mid);
        push(&mut runs, Op::Insert, new_mid);
    } else {
        for (tag, text) in similar::utils::diff_chars(Algorithm::Myers, old_mid, new_mid) {
            let op = match tag {
                ChangeTag::Equal => Op::Equal,
                ChangeTag::Insert => Op::Insert,
                ChangeTag::Delete => Op::Delete,
            };
            push(&mut runs, op, text);
        }
    }
    push(&mut runs, Op::Equal, &before[before.len() - suffix..]);
    let runs = cleanup(normalize(runs));
    runs.into_iter().map(|(op, text)| Edit { op, text }).collect()
}

fn push(runs: &mut Vec<(Op, String)>, op: Op, text: &str) {
    if !text.is_empty() {
        runs.push((op, text.to_string()));
    }
}

fn common_prefix(a: &str, b: &str) -> usize {
    a.char_indices().zip(b.chars()).find(|((_, x), y)| x != y).map_or(a.len().min(b.len()), |((i, _), _)| i)
}

fn common_suffix(a: &str, b: &str) -> usize {
    a.chars().rev().zip(b.chars().rev()).take_while(|(x, y)| x == y).map(|(c, _)| c.len_utf8()).sum()
}

/// Between two kept runs, all deletions first as one run, then all
/// insertions as one run; no empty runs.
fn normalize(runs: Vec<(Op, String)>) -> Vec<(Op, String)> {
    let mut out: Vec<(Op, String)> = Vec::new();
    let (mut del, mut ins) = (String::new(), String::new());
    let flush = |out: &mut Vec<(Op, String)>, del: &mut String, ins: &mut String| {
        if !del.is_empty() {
            out.push((Op::Delete, std::mem::take(del)));
        }
        if !ins.is_empty() {
            out.push((Op::Insert, std::mem::take(ins)));
        }
    };
    for (op, text) in runs {
        match op {
            Op::Delete => del.push_str(&text),
            Op::Insert => ins.push_str(&text),
            Op::Equal => {
                flush(&mut out, &mut del, &mut ins);
                match out.last_mut() {
                    Some((Op::Equal, last)) => last.push_str(&text),
                    _ => out.push((Op::Equal, text)),
                }
            }
        }
    }
    flush(&mut out, &mut del, &mut ins);
    out
}

/// Characters deleted and inserted in the edit region ending before `end`
/// (exclusive) or starting at `start`.
fn region(runs: &[(Op, String)], range: std::ops::Range<usize>) -> (usize, usize) {
    let mut n = (0, 0);
    for (op, text) in &runs[range] {
        match op {
            Op::Delete => n.0 += text.chars().count(),
            Op::Insert => n.1 += text.chars().count(),
            Op::Equal => {}
        }
    }
    n
}

/// Folds kept runs that are shorter than the edits on both sides of them
/// into those edits, until none is left.
fn cleanup(mut runs: Vec<(Op, String)>) -> Vec<(Op, String)> {
    loop {
        let mut folded = false;
        for i in 1..runs.len().saturating_sub(1) {
            if runs[i].0 != Op::Equal {
                continue;
            }
            let start = runs[..i].iter().rposition(|(op, _)| *op == Op::Equal).map_or(0, |p| p + 1);
            let end = runs[i + 1..].iter().position(|(op, _)| *op == Op::Equal).map_or(runs.len(), |p| i + 1 + p);
            let before = region(&runs, start..i);
            let after = region(&runs, i + 1..end);
            let len = runs[i].1.chars().count();
            if len < before.0.max(before.1) && len < after.0.max(after.1) {
                let text = runs[i].1.clone();
                runs.splice(i..=i, [(Op::Delete, text.clone()), (Op::Insert, text)]);
                runs = normalize(runs);
                folded = true;
                break;
            }
        }
        if !folded {
            return runs;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(e: &[Edit]) -> String {
        e.iter()
            .map(|e| match e.op {
                Op::Equal => e.text.clone(),
                Op::Insert => format!("[+{}]", e.text),
                Op::Delete => format!("[-{}]", e.text),
            })
            .collect()
    }

    fn spell(e: &[Edit], skip: Op) -> String {
        e.iter().filter(|e| e.op != skip).map(|e| e.text.as_str()).collect()
    }

    #[test]
    fn the_seed_rewording_is_two_insertions() {
        let before = "調研業務部門需求,繪制現有流程地圖(如用BPMN工具),識別流程瓶頸(如審批環節過多、信息傳遞滯后)";
        let after =
            "調研各業務部門需求,繪制現有流程地圖並標注瓶頸(如用BPMN工具),識別流程瓶頸(如審批環節過多、信息傳遞滯后)";
        let e = edits(before, after);
        assert_eq!(
            show(&e),
            "調研[+各]業務部門需求,繪制現有流程地圖[+並標注瓶頸](如用BPMN工具),識別流程瓶頸(如審批環節過多、信息傳遞滯后)"
        );
        assert_eq!((spell(&e, Op::Insert), spell(&e, Op::Delete)), (before.to_string(), after.to_string()));
    }

    #[test]
    fn a_shared_character_inside_a_rewritten_phrase_is_not_chaff() {
        // Myers alone keeps 度: 制定年[度]計劃 / 審批季[度]預算.
        assert_eq!(show(&edits("制定年度計劃", "審批季度預算")), "[-制定年度計劃][+審批季度預算]");
        // A kept word as long as the edits around it stays.
        assert_eq!(show(&edits("制定年度計劃", "審批年度預算")), "[-制定][+審批]年度[-計劃][+預算]");
        assert_eq!(show(&edits("風險管控主管", "風險管理|內控主管 x")), "風險管[+理|內]控主管[+ x]");
    }

    #[test]
    fn replacements_deletions_and_nothing() {
        assert_eq!(show(&edits("風險管控主管", "風險管理主管")), "風險管[-控][+理]主管");
        assert_eq!(show(&edits("流程調研與梳理", "流程梳理")), "流程[-調研與]梳理");
        assert_eq!(show(&edits("同", "同")), "同");
        assert_eq!(show(&edits("", "新")), "[+新]");
        assert_eq!(show(&edits("舊", "")), "[-舊]");
    }

    #[test]
    fn a_huge_rewrite_is_shown_whole_not_diffed() {
        let before = format!("前{}後", "甲乙".repeat(MAX_CHARS));
        let after = format!("前{}後", "乙甲".repeat(MAX_CHARS));
        let e = edits(&before, &after);
        let ops: Vec<Op> = e.iter().map(|e| e.op).collect();
        assert_eq!(ops, [Op::Equal, Op::Delete, Op::Insert, Op::Equal]);
        assert_eq!((spell(&e, Op::Insert), spell(&e, Op::Delete)), (before, after));
    }

    proptest::proptest! {
        #[test]
        fn the_runs_spell_both_texts(a in "[甲乙丙丁 ,a]{0,30}", b in "[甲乙丙丁 ,a]{0,30}") {
            let e = edits(&a, &b);
            proptest::prop_assert_eq!(spell(&e, Op::Insert), a);
            proptest::prop_assert_eq!(spell(&e, Op::Delete), b);
            proptest::prop_assert!(e.iter().all(|e| !e.text.is_empty()));
            proptest::prop_assert!(e.windows(2).all(|w| w[0].op != w[1].op));
        }
    }
}
