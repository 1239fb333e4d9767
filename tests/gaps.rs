//! `opsroles gaps` from the outside: the shipped example worked by hand,
//! the instance where greedy pairing loses a gap, every format, bad
//! records with their lines, exit codes and `-o`.

mod common;
use common::{root, Out};

use std::path::Path;

use serde_json::{json, Value};

fn gaps_with(config: &Path, args: &[&str], stdin: Option<Vec<u8>>) -> Out {
    let mut all = vec!["--config", config.to_str().unwrap(), "gaps"];
    all.extend_from_slice(args);
    common::run_with(&root(), &all, stdin)
}

fn gaps(args: &[&str]) -> Out {
    gaps_with(&root().join("opsroles.yaml"), args, None)
}

fn json_of(o: &Out) -> Value {
    serde_json::from_str(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}\n{}", o.stdout, o.stderr))
}

fn doc(file: &str) -> Value {
    let o = gaps(&[file, "--format", "json"]);
    json_of(&o)
}

/// `mentee competency ← mentor` for every pair.
fn pairs(d: &Value) -> Vec<String> {
    d["mentoring"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            format!(
                "{} {} ← {}",
                p["mentee"].as_str().unwrap(),
                p["competency"].as_str().unwrap(),
                p["mentor"].as_str().unwrap()
            )
        })
        .collect()
}

#[test]
fn the_example_worked_by_hand() {
    // examples/assessments.csv against the shipped roles (max_mentees 2).
    // 20 gaps. Nobody can mentor a required level of 5 (a mentor needs 6):
    // 周明 strategic-thinking, 吳昊 and 許晴 data-analysis (analysts need 5).
    // 孫麗 is the only level-5 process modeller and business analyst, so of
    // 張偉 and 林濤 (modelling) and 李娜 (business-understanding) one is left
    // over: by name, 林濤. Everything else is covered: 16 pairs.
    let o = gaps(&["examples/assessments.csv", "--format", "json"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let d = json_of(&o);
    assert_eq!(d["rows"], json!({"read": 63, "used": 62, "skipped": 1}));
    assert_eq!(d["people"].as_array().unwrap().len(), 15);
    assert_eq!(
        d["uncovered"],
        json!([
            {"person": "吳昊", "competency": "data-analysis"},
            {"person": "周明", "competency": "strategic-thinking"},
            {"person": "林濤", "competency": "process-modeling"},
            {"person": "許晴", "competency": "data-analysis"},
        ])
    );
    let mut got = pairs(&d);
    got.sort();
    let mut expect = vec![
        // Only the director is at 5 in emergency handling; for 李娜's
        // problem solving he (the role she reports to) beats 鄭潔 (another role).
        "黃敏 emergency-handling ← 周明",
        "李娜 problem-solving ← 周明",
        // 陳強 (same role, level 4) beats the analysts at level 5: role first.
        "王芳 data-analysis ← 陳強",
        "馬超 data-analysis ← 陳強",
        // 王芳 is the only level-5 prioritiser: both prioritisation gaps are
        // hers, so 陳強's attention to detail goes to 黃敏 (other role) —
        // greedy would have given it to 王芳 and lost 馬超's prioritisation.
        "陳強 prioritization ← 王芳",
        "馬超 prioritization ← 王芳",
        "陳強 attention-to-detail ← 黃敏",
        "張偉 process-modeling ← 孫麗",
        "李娜 business-understanding ← 孫麗",
        "張偉 communication ← 劉洋",
        "林濤 communication ← 劉洋",
        "趙磊 report-writing ← 楊靜",
        "吳昊 indicator-design ← 趙磊",
        "許晴 indicator-design ← 趙磊",
        "許晴 logical-thinking ← 吳昊",
        "鄭潔 risk-evaluation ← 黃敏",
    ];
    expect.sort();
    assert_eq!(got, expect);
    // The report's two trainings lead the plan: data analysis (total 6) and
    // BPMN process modelling (total 3), both mean 1.5; people by gap, then
    // by name (code point order: 許 < 馬, 吳 < 王).
    assert_eq!(
        d["training"][0],
        json!({"competency": "data-analysis", "people": ["許晴", "馬超", "吳昊", "王芳"], "total_gap": 6, "mean_gap": 1.5})
    );
    assert_eq!(
        d["training"][1],
        json!({"competency": "process-modeling", "people": ["林濤", "張偉"], "total_gap": 3, "mean_gap": 1.5})
    );
    // 張偉's March assessment (2) is older than September's (3).
    let zhang = d["people"].as_array().unwrap().iter().find(|p| p["person"] == "張偉").unwrap();
    assert_eq!(
        zhang,
        &json!({"person": "張偉", "role": "process-manager", "gaps": [
            {"competency": "process-modeling", "required": 4, "assessed": 3, "gap": 1},
            {"competency": "communication", "required": 4, "assessed": 3, "gap": 1},
        ], "unassessed": []})
    );
    let lin = d["people"].as_array().unwrap().iter().find(|p| p["person"] == "林濤").unwrap();
    assert_eq!(lin["unassessed"], json!(["business-understanding"]));
    assert_eq!(d["diagnostics"], json!([]));
}

#[test]
fn where_greedy_loses_a_gap_the_maximum_covers_all() {
    // Greedy in file order: 張偉's modelling → 孫麗 (the only one), 張偉's
    // communication → 孫麗 again (same role beats 劉洋), and 李娜's modelling
    // finds 孫麗 full: 2 of 3. The maximum moves communication to 劉洋.
    let d = doc("tests/fixtures/gaps/greedy-trap.csv");
    let mut got = pairs(&d);
    got.sort();
    assert_eq!(got, vec!["張偉 communication ← 劉洋", "張偉 process-modeling ← 孫麗", "李娜 process-modeling ← 孫麗"]);
    assert_eq!(d["uncovered"], json!([]));
}

#[test]
fn max_mentees_comes_from_the_config() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("opsroles.yaml");
    std::fs::write(&config, format!("roles: {}\nmentoring:\n  max_mentees: 1\n", root().join("roles").display()))
        .unwrap();
    let o = gaps_with(&config, &["tests/fixtures/gaps/greedy-trap.csv", "--format", "json"], None);
    let d = json_of(&o);
    // One pair each: 孫麗 and 劉洋 cover two of the three gaps.
    assert_eq!(d["mentoring"].as_array().unwrap().len(), 2);
    assert_eq!(d["uncovered"].as_array().unwrap().len(), 1);
}

#[test]
fn bad_records_are_reported_with_line_and_field_and_exit_1() {
    let o = gaps(&["tests/fixtures/gaps/bad-records.csv"]);
    assert_eq!(o.code, 1, "{}", o.stderr);
    for expect in [
        "error[bad-level]: `level`: `0` is outside 1 to 5",
        "--> tests/fixtures/gaps/bad-records.csv:3",
        "error[bad-level]: `level`: `6` is outside 1 to 5",
        "error[bad-level]: `level`: `2.5` is not a whole level (1 to 5)",
        "error[bad-level]: `level`: empty; a level from 1 to 5 is needed",
        "--> tests/fixtures/gaps/bad-records.csv:6",
        "error[unknown-competency]: unknown competency `流程建模` (1 row skipped)",
        "--> tests/fixtures/gaps/bad-records.csv:7\n = did you mean `流程建模能力`?",
        "error[unknown-role]: unknown role `流程經理` (1 row skipped)",
        "did you mean `流程管理經理`?",
        "error[bad-value]: `assessed`: `2026-02-30` is not a date",
        "--> tests/fixtures/gaps/bad-records.csv:9",
        "error: 7 rows of the assessments could not be used",
    ] {
        assert!(o.stderr.contains(expect), "missing {expect:?} in\n{}", o.stderr);
    }
    // The good rows still give their result.
    assert!(
        o.stdout.contains(
            "rows: 9 read, 2 used, 7 skipped (bad-value 1, unknown-role 1, unknown-competency 1, bad-level 4)"
        ),
        "{}",
        o.stdout
    );

    let d = json_of(&gaps(&["tests/fixtures/gaps/bad-records.csv", "--format", "json"]));
    assert_eq!(d["rows"], json!({"read": 9, "used": 2, "skipped": 7}));
    let lines: Vec<(String, u64)> = d["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["rule"].as_str().unwrap().to_string(), f["locations"][0]["line"].as_u64().unwrap()))
        .collect();
    let lines: Vec<(&str, u64)> = lines.iter().map(|(r, l)| (r.as_str(), *l)).collect();
    assert_eq!(
        lines,
        vec![
            ("bad-level", 3),
            ("bad-level", 4),
            ("bad-level", 5),
            ("bad-level", 6),
            ("unknown-competency", 7),
            ("unknown-role", 8),
            ("bad-value", 9)
        ]
    );
    assert!(d["diagnostics"].as_array().unwrap().iter().all(|f| f["severity"] == "error"));
}

#[test]
fn a_missing_column_is_exit_2() {
    let o = gaps_with(
        &root().join("opsroles.yaml"),
        &["-"],
        Some("員工,崗位,能力\n張偉,流程管理經理,流程建模能力\n".as_bytes().to_vec()),
    );
    assert_eq!(o.code, 2);
    assert!(o.stderr.contains("<stdin>:1: no level (等級,"), "{}", o.stderr);
    assert!(o.stderr.contains("the headers are: 員工, 崗位, 能力"), "{}", o.stderr);
}

#[test]
fn no_usable_row_is_exit_1_and_keeps_an_existing_output() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("gaps.json");
    std::fs::write(&out, "previous").unwrap();
    let input = dir.path().join("a.csv");
    std::fs::write(&input, "person,role,competency,level\n張偉,流程經理,溝通能力,3\n").unwrap();
    let o = gaps(&[input.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(o.code, 1);
    assert!(o.stderr.contains("no assessment could be used (1 rows read)"), "{}", o.stderr);
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "previous");
}

#[test]
fn fail_on_gap() {
    assert_eq!(gaps(&["examples/assessments.csv", "--fail-on", "gap", "-q"]).code, 1);
    let o = gaps_with(
        &root().join("opsroles.yaml"),
        &["-", "--fail-on", "gap"],
        Some("person,role,competency,level\n孫麗,流程管理經理,流程建模能力,5\n".as_bytes().to_vec()),
    );
    assert_eq!(o.code, 0, "{}", o.stderr);
}

#[test]
fn the_same_data_in_gb18030_with_simplified_headers() {
    let text = std::fs::read_to_string(root().join("examples/assessments.csv")).unwrap();
    let simplified = text.replacen("員工,崗位,能力,等級,評估日期", "员工,岗位,能力,等级,评估日期", 1);
    let bytes = encoding_rs::GB18030.encode(&simplified).0.into_owned();
    let o = gaps_with(&root().join("opsroles.yaml"), &["-", "--format", "json"], Some(bytes));
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert_eq!(json_of(&o), doc("examples/assessments.csv"));
}

#[test]
fn csv_one_row_per_person_and_required_competency() {
    let o = gaps(&["examples/assessments.csv", "--format", "csv"]);
    assert_eq!(o.code, 0);
    let mut r = csv::Reader::from_reader(o.stdout.as_bytes());
    assert_eq!(
        r.headers().unwrap().iter().collect::<Vec<_>>(),
        vec![
            "person",
            "role",
            "competency",
            "title",
            "required",
            "assessed",
            "gap",
            "status",
            "mentor",
            "mentor_role",
            "mentor_level",
            "relation"
        ]
    );
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    // 1 director × 5, 4 process managers × 4, 4 coordinators × 4,
    // 4 analysts × 4, 2 risk supervisors × 4.
    assert_eq!(rows.len(), 5 + 16 + 16 + 16 + 8);
    let li = rows.iter().find(|r| &r[0] == "李娜" && &r[2] == "problem-solving").unwrap();
    assert_eq!(
        li.iter().collect::<Vec<_>>(),
        vec![
            "李娜",
            "process-manager",
            "problem-solving",
            "問題解決能力",
            "4",
            "3",
            "1",
            "gap",
            "周明",
            "operations-director",
            "5",
            "reports-to role"
        ]
    );
    let count = |s: &str| rows.iter().filter(|r| &r[7] == s).count();
    assert_eq!((count("gap"), count("unassessed"), count("met")), (20, 3, 38));
}

#[test]
fn markdown_sections_and_escaping() {
    let o = gaps(&["examples/assessments.csv", "--format", "markdown"]);
    assert_eq!(o.code, 0);
    for heading in [
        "# 運營管理部 — competency gaps",
        "## Gaps",
        "## Unassessed",
        "## Training plan",
        "## Mentor pairs",
        "## Training only",
    ] {
        assert!(o.stdout.contains(&format!("{heading}\n")), "{heading}");
    }
    assert!(
        o.stdout.contains("| 林濤 | 流程建模能力 `process-modeling` | 2 | 1 qualified mentor, at the limit |"),
        "{}",
        o.stdout
    );
    // A name cannot make a link, an image or a column.
    let evil = "person,role,competency,level\n![x](http://e.com/a.png)|=1,流程管理經理,流程建模能力,2\n";
    let o = gaps_with(&root().join("opsroles.yaml"), &["-", "--format", "markdown"], Some(evil.as_bytes().to_vec()));
    assert!(o.stdout.contains("\\!\\[x\\]\\(http://e.com/a.png\\)\\|=1"), "{}", o.stdout);
    let o = gaps_with(
        &root().join("opsroles.yaml"),
        &["-", "--format", "csv"],
        Some("person,role,competency,level\n=HYPERLINK(1),流程管理經理,流程建模能力,2\n".as_bytes().to_vec()),
    );
    assert!(o.stdout.contains("'=HYPERLINK(1),process-manager,process-modeling"), "{}", o.stdout);
}

#[test]
fn human_output_fits_80_columns_and_says_why_a_gap_is_training_only() {
    let o = gaps(&["examples/assessments.csv", "--color", "never"]);
    assert_eq!(o.code, 0);
    for line in o.stdout.lines() {
        let width: usize =
            line.chars().map(|c| if c.is_ascii() || "│┆┌┐└┘├┤┬┴┼─═╞╡╪".contains(c) { 1 } else { 2 }).sum();
        assert!(width <= 80, "{width} columns: {line}");
    }
    assert!(o.stdout.contains("nobody above level 5"));
    assert!(
        o.stdout.contains("李娜   ┆ 問題解決能力 ┆        4 ┆        3 ┆   1 ┆ 周明 (L5, reports-to)"),
        "{}",
        o.stdout
    );
    assert!(o.stdout.contains("rows: 63 read, 62 used, 1 skipped (superseded 1)"));
    assert!(o.stderr.contains("examples/assessments.csv:17: an older assessment; the one of 2026-09-18 at examples/assessments.csv:13 counts"), "{}", o.stderr);
    assert!(!o.stdout.contains('\u{1b}'));
}

#[test]
fn output_file_is_written_whole() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("gaps.json");
    let o = gaps(&["examples/assessments.csv", "--format", "json", "-o", out.to_str().unwrap()]);
    assert_eq!(o.code, 0);
    assert!(o.stdout.is_empty());
    let written: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(written, doc("examples/assessments.csv"));
}

#[test]
fn output_is_deterministic() {
    let a = gaps(&["examples/assessments.csv", "--format", "json"]).stdout;
    for _ in 0..3 {
        assert_eq!(gaps(&["examples/assessments.csv", "--format", "json"]).stdout, a);
    }
}
