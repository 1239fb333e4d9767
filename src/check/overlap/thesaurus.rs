/*!
The shipped thesaurus of operations vocabulary (`thesaurus.txt`, beside this
file): which words name the same thing, which name the same kind of work, which
kinds of work must never be merged, and which words are filler.

It is data, not code, so that HR and reviewers can read and change it: one
group a line, with comments saying why. Words are folded with
[`crate::text::fold`] when read, the same folding duty text gets,
so a group written in Traditional script matches Simplified text too.
*/

use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::text::fold as normalize;

/// The thesaurus compiled into the binary.
pub static SHIPPED: LazyLock<Thesaurus> = LazyLock::new(|| {
    Thesaurus::parse(include_str!("thesaurus.txt")).unwrap_or_else(|e| panic!("shipped thesaurus: {e}"))
});

/// What the thesaurus says about one word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    /// A member of group `n` (an index into [`Thesaurus::groups`]).
    Group(u32),
    /// A word that says nothing about which work a duty is.
    Filler,
}

/// One line of synonyms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// The first word of the line, folded.
    pub name: String,
    /// True for a verb class (`action:`), the kind of work a duty does.
    pub action: bool,
}

#[derive(Debug, Default)]
pub struct Thesaurus {
    words: FxHashMap<String, Entry>,
    groups: Vec<Group>,
    /// Pairs of action groups that are different work, `(low, high)`.
    never: FxHashSet<(u32, u32)>,
    /// Action groups whose verb takes another verb as its object (監督執行).
    governs: FxHashSet<u32>,
}

impl Thesaurus {
    /// Reads the line format described at the top of `thesaurus.txt`.
    /// Errors name the line: a word in two groups, an unknown kind, or a
    /// `never` that names a word that is not an action.
    pub fn parse(text: &str) -> Result<Self, String> {
        let mut t = Thesaurus::default();
        let mut nevers: Vec<(usize, &str)> = Vec::new();
        let mut governs: Vec<(usize, &str)> = Vec::new();
        for (n, line) in text.lines().enumerate() {
            let n = n + 1;
            let line = line.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let (kind, rest) = line.split_once(':').ok_or_else(|| format!("line {n}: expected `kind: words`"))?;
            match kind.trim() {
                "never" => nevers.push((n, rest)),
                "governs" => governs.push((n, rest)),
                "filler" => {
                    for w in words(rest) {
                        t.insert(n, w, Entry::Filler)?;
                    }
                }
                kind @ ("same" | "region" | "action") => {
                    let ws = words(rest);
                    if ws.len() < 2 {
                        return Err(format!("line {n}: a group needs at least two words"));
                    }
                    let id = t.groups.len() as u32;
                    t.groups.push(Group { name: ws[0].clone(), action: kind == "action" });
                    for w in ws {
                        t.insert(n, w, Entry::Group(id))?;
                    }
                }
                other => return Err(format!("line {n}: unknown kind `{other}`")),
            }
        }
        for (n, rest) in governs {
            for part in rest.split(|c: char| c.is_whitespace() || c == '/').filter(|p| !p.is_empty()) {
                let g = t.action(n, part)?;
                t.governs.insert(g);
            }
        }
        for (n, rest) in nevers {
            let classes = rest.split('|').map(|part| t.action(n, part)).collect::<Result<Vec<u32>, String>>()?;
            if classes.len() < 2 {
                return Err(format!("line {n}: `never` needs at least two classes split by `|`"));
            }
            for (i, &a) in classes.iter().enumerate() {
                for &b in &classes[i + 1..] {
                    t.never.insert((a.min(b), a.max(b)));
                }
            }
        }
        Ok(t)
    }

    /// The action group of `word`, named by a `never` or `governs` line.
    fn action(&self, line: usize, word: &str) -> Result<u32, String> {
        match self.words.get(&normalize(word)) {
            Some(&Entry::Group(g)) if self.groups[g as usize].action => Ok(g),
            _ => Err(format!("line {line}: `{}` is not an action word", word.trim())),
        }
    }

    fn insert(&mut self, line: usize, word: String, entry: Entry) -> Result<(), String> {
        // The same word twice in one line (繪製 and 绘制 fold alike) is harmless.
        match self.words.insert(word.clone(), entry) {
            Some(old) if old != entry => Err(format!("line {line}: `{word}` is already in another group")),
            _ => Ok(()),
        }
    }

    pub fn lookup(&self, folded_word: &str) -> Option<Entry> {
        self.words.get(folded_word).copied()
    }

    pub fn groups(&self) -> &[Group] {
        &self.groups
    }

    /// True when action groups `a` and `b` are declared different work.
    pub fn never(&self, a: u32, b: u32) -> bool {
        self.never.contains(&(a.min(b), a.max(b)))
    }

    /// True when verbs after one of group `g` in a clause are its object, not
    /// work the duty does: 監督(預案的)執行 supervises, it does not execute.
    pub fn governs(&self, g: u32) -> bool {
        self.governs.contains(&g)
    }

    /// Every word, folded: the segmenter's user dictionary.
    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.words.keys().map(String::as_str)
    }
}

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| c.is_whitespace() || c == '/').map(normalize).filter(|w| !w.is_empty()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_thesaurus_reads_and_keeps_the_issue_s_classes_apart() {
        let t = &*SHIPPED;
        let group = |w: &str| match t.lookup(&normalize(w)) {
            Some(Entry::Group(g)) => g,
            other => panic!("{w}: {other:?}"),
        };
        // Synonyms the issue names, in either script.
        assert_eq!(group("收集"), group("調研"));
        assert_eq!(group("收集"), group("匯總"));
        assert_eq!(group("人力"), group("人員"));
        assert_eq!(group("物料"), group("原材料"));
        assert_eq!(group("編制"), group("擬定"));
        assert_eq!(group("監控"), group("跟蹤"));
        assert_eq!(group("專案"), group("项目"));
        assert_eq!(group("品質"), group("质量"));
        // Verb classes that must never merge.
        for (a, b) in [("制定", "審批"), ("制定", "審核"), ("執行", "監督"), ("識別", "應對"), ("收集", "分析")]
        {
            assert_ne!(group(a), group(b), "{a} {b}");
            assert!(t.never(group(a), group(b)), "{a} | {b}");
            assert!(t.never(group(b), group(a)), "{b} | {a}");
        }
        assert!(!t.never(group("收集"), group("收集")));
        assert_eq!(t.lookup("负责"), Some(Entry::Filler));
        assert!(t.governs(group("監督")) && t.governs(group("審批")) && !t.governs(group("執行")));
    }

    #[test]
    fn groups_and_never_by_hand() {
        let t = Thesaurus::parse("# c\naction: 收集 / 調研\naction: 分析\n\naction: 審批 核准\nnever: 收集 | 分析\nsame: 人力 人員 # x\nfiller: 负责\n")
            .unwrap_err();
        assert!(t.contains("line 3"), "{t}");
        let t = Thesaurus::parse(
            "action: 收集 / 調研\naction: 分析 研判\nnever: 收集 | 研判\nsame: 人力 人員 # x\nfiller: 负责\n",
        )
        .unwrap();
        assert_eq!(t.groups().len(), 3);
        assert_eq!(t.lookup("调研"), Some(Entry::Group(0)));
        assert_eq!(t.lookup("人员"), Some(Entry::Group(2)));
        assert!(t.never(0, 1) && t.never(1, 0));
        assert!(!t.never(0, 2));
        assert_eq!(t.groups()[2], Group { name: "人力".into(), action: false });
    }

    #[test]
    fn mistakes_name_their_line() {
        for (text, want) in [
            ("same: 人力 人員\nsame: 人员 人手", "line 2: `人员` is already"),
            ("verb: 收集 采集", "line 1: unknown kind"),
            ("same: 人力 人員\nnever: 人力 | 人員", "line 2: `人力` is not an action"),
            ("action: 收集 采集\nnever: 收集", "line 2: `never` needs"),
            ("same: 人力 人員\ngoverns: 人力", "line 2: `人力` is not an action"),
            ("收集 采集", "line 1: expected"),
        ] {
            let e = Thesaurus::parse(text).unwrap_err();
            assert!(e.starts_with(want), "{text:?}: {e}");
        }
    }
}
