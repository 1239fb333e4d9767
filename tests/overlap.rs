//! The overlap detector (issue 12) on the report's own roles and its own
//! overlap example, and proof that its candidate join is exact: `detect`
//! returns what scoring every pair returns.

use std::path::{Path, PathBuf};

use opsroles::check::overlap::{detect, detect_all_pairs, Duty, Finding, Kind, Thresholds};
use proptest::prelude::*;

/// (role, id, title, description) of every duty under `dir`.
fn load(dir: &Path) -> Vec<(String, String, String, String)> {
    let mut sources = opsroles::source::Sources::default();
    let loaded = opsroles::model::load::load_paths(&[dir.to_path_buf()], &mut sources).unwrap();
    let mut out = Vec::new();
    for r in &loaded.roles {
        for d in r.duties() {
            let desc = d.value.description.as_ref().map_or(String::new(), |s| s.value.clone());
            out.push((r.id().to_string(), d.value.id.value.clone(), d.value.title.value.clone(), desc));
        }
    }
    out
}

fn repo(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn duties(rows: &[(String, String, String, String)]) -> Vec<Duty<'_>> {
    rows.iter().map(|(role, id, title, desc)| Duty { role, id, title, description: desc }).collect()
}

fn find<'a>(findings: &'a [Finding], duties: &[Duty], a: &str, b: &str) -> Option<&'a Finding> {
    findings.iter().find(|f| {
        let ids = (duties[f.a].id, duties[f.b].id);
        ids == (a, b) || ids == (b, a)
    })
}

#[test]
fn the_seed_roles_have_no_overlap_at_the_defaults() {
    let rows = load(&repo("roles"));
    assert_eq!(rows.len(), 23);
    let d = duties(&rows);
    let found = detect(&d, Thresholds::default());
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn the_report_s_example_as_a_near_copy_is_an_overlap() {
    // tests/fixtures/snapshot: both roles collect the resource needs of
    // process optimisation, one in Traditional, one in Simplified script.
    let rows = load(&repo("tests/fixtures/snapshot/roles"));
    let d = duties(&rows);
    let found = detect(&d, Thresholds::default());
    let f = find(&found, &d, "process-resource-needs", "resource-demand-collection").expect("the near-copy is found");
    assert_eq!(f.kind, Kind::Overlap);
    assert!(f.score > 0.99, "{f:?}");
    for w in ["收集", "人力", "物料"] {
        assert!(f.shared.iter().any(|s| s == w), "{w} not in {:?}", f.shared);
    }
    // Nothing else in that org is the same work.
    assert_eq!(found.len(), 1, "{found:#?}");
}

/// The report's case as a second HR author would write it (issue 12).
const PARAPHRASE: [(&str, &str, &str, &str); 2] = [
    (
        "process-manager",
        "process-resource-needs",
        "流程優化資源需求",
        "統籌流程優化項目的人力與物料需求,確保資源按時到位",
    ),
    (
        "resource-coordinator",
        "optimization-resourcing",
        "優化項目資源保障",
        "收集各流程優化項目所需的人員、原材料,協調落實到位",
    ),
];

fn assert_paraphrase_found(rows: &[(String, String, String, String)]) {
    let d = duties(rows);
    let found = detect(&d, Thresholds::default());
    let f = find(&found, &d, "process-resource-needs", "optimization-resourcing").expect("the paraphrase is found");
    assert_eq!(f.kind, Kind::Overlap, "{f:?}");
    assert!(f.lexical < 0.3, "bigrams alone could not see it: {f:?}");
    let synonyms: Vec<(&str, &str)> = f.synonyms.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    assert!(synonyms.contains(&("人力", "人員")), "{synonyms:?}");
    assert!(synonyms.contains(&("物料", "原材料")), "{synonyms:?}");
    assert!(f.shared.iter().any(|w| w == "項目"), "{:?}", f.shared);
}

#[test]
fn the_report_s_example_as_a_paraphrase_is_an_overlap_in_the_seed_org() {
    let mut rows = load(&repo("roles"));
    rows.extend(PARAPHRASE.iter().map(|&(r, i, t, d)| (r.to_string(), i.to_string(), t.to_string(), d.to_string())));
    assert_paraphrase_found(&rows);
    // And it is the only finding: adding it made no seed pair an overlap.
    let d = duties(&rows);
    assert_eq!(detect(&d, Thresholds::default()).len(), 1);
}

#[test]
fn the_report_s_example_as_a_paraphrase_is_an_overlap_on_its_own() {
    // Two duties are a whole org: every shared word is "common" in it.
    let rows: Vec<_> =
        PARAPHRASE.iter().map(|&(r, i, t, d)| (r.to_string(), i.to_string(), t.to_string(), d.to_string())).collect();
    assert_paraphrase_found(&rows);
}

#[test]
fn drafting_and_approving_one_plan_is_no_finding() {
    let rows: Vec<(String, String, String, String)> = [
        ("process-manager", "draft-plan", "流程優化方案", "編制年度流程優化方案"),
        ("operations-director", "approve-plan", "流程优化方案审批", "审批年度流程优化方案"),
    ]
    .iter()
    .map(|&(r, i, t, d)| (r.to_string(), i.to_string(), t.to_string(), d.to_string()))
    .collect();
    assert!(detect(&duties(&rows), Thresholds::default()).is_empty());
}

#[test]
fn one_role_and_one_id_are_never_paired() {
    let rows: Vec<(String, String, String, String)> = [
        ("a", "x", "資源需求收集", "收集業務部門的資源需求"),
        ("a", "y", "資源需求收集", "收集業務部門的資源需求"),
        ("b", "x", "資源需求收集", "收集業務部門的資源需求"),
    ]
    .iter()
    .map(|&(r, i, t, d)| (r.to_string(), i.to_string(), t.to_string(), d.to_string()))
    .collect();
    let d = duties(&rows);
    let found = detect(&d, Thresholds::default());
    // Only (y in a, x in b): same role or same id is another rule's business.
    assert_eq!(found.iter().map(|f| (f.a, f.b)).collect::<Vec<_>>(), [(1, 2)]);
}

/// Every duty of the labelled set as an org of eight roles.
fn labelled_org() -> Vec<(String, String, String, String)> {
    let text = std::fs::read_to_string(repo("tests/fixtures/overlap/pairs.tsv")).unwrap();
    let mut rows = Vec::new();
    for line in text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let f: Vec<&str> = line.split('\t').collect();
        for (side, (title, desc)) in [("a", (f[4], f[5])), ("b", (f[6], f[7]))] {
            let n = rows.len();
            let desc = if desc == "-" { "" } else { desc };
            rows.push((format!("role-{}", n % 8), format!("{}-{side}", f[0]), title.to_string(), desc.to_string()));
        }
    }
    rows
}

#[test]
fn the_join_equals_all_pairs_on_the_labelled_org() {
    let rows = labelled_org();
    let d = duties(&rows);
    for (similarity, overlap) in [(0.3, 0.5), (0.6, 0.7), (0.8, 0.85), (0.9, 0.95), (1.0, 1.0)] {
        let t = Thresholds { overlap, similarity };
        let fast = detect(&d, t);
        assert_eq!(fast, detect_all_pairs(&d, t), "at {t:?}");
        if similarity <= 0.8 {
            assert!(fast.iter().any(|f| f.kind == Kind::Overlap), "the set has overlaps at {t:?}");
        }
    }
}

#[test]
fn the_join_equals_all_pairs_on_generated_duties() {
    let (texts, _) = opsroles_synth::duty_texts(600, 11);
    let rows: Vec<(String, String, String, String)> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let cut = t.char_indices().nth(4).map_or(t.len(), |(b, _)| b);
            (format!("role-{}", i / 20), format!("duty-{i}"), t[..cut].to_string(), t[cut..].to_string())
        })
        .collect();
    let d = duties(&rows);
    for similarity in [0.5, 0.8] {
        let t = Thresholds { overlap: 0.9, similarity };
        let fast = detect(&d, t);
        assert!(!fast.is_empty(), "the planted copies are found at {similarity}");
        assert_eq!(fast, detect_all_pairs(&d, t), "at {similarity}");
    }
}

const WORDS: &[&str] = &[
    "收集",
    "調研",
    "分析",
    "資源",
    "需求",
    "人力",
    "人員",
    "物料",
    "原材料",
    "制定",
    "審批",
    "計劃",
    "流程",
    "優化",
    "風險",
    "識別",
    "應對",
    "監督",
    "執行",
    "銷售",
    "(如",
    ")",
    ",",
    "並",
    "負責",
    "的",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn the_join_equals_all_pairs_on_random_orgs(
        texts in prop::collection::vec((prop::collection::vec(0..WORDS.len(), 0..4), prop::collection::vec(0..WORDS.len(), 0..10), 0..4usize), 0..24),
        similarity in 0.05f64..=1.0,
        above in 0.0f64..=1.0,
    ) {
        let rows: Vec<(String, String, String, String)> = texts
            .iter()
            .enumerate()
            .map(|(i, (title, desc, role))| {
                let join = |ws: &[usize]| ws.iter().map(|&w| WORDS[w]).collect::<String>();
                (format!("r{role}"), format!("d{i}"), join(title), join(desc))
            })
            .collect();
        let d = duties(&rows);
        let t = Thresholds { similarity, overlap: similarity + (1.0 - similarity) * above };
        prop_assert_eq!(detect(&d, t), detect_all_pairs(&d, t));
    }
}
