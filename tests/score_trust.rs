//! `opsroles score` on exports that are a little off (issue 8): each silent
//! wrong answer of the issue pinned by a test named after it, and the reading
//! rules that end them — unknown columns, person columns, unit words, empty
//! period selections.

mod common;

use common::{card, json, json_in, root, score, score_in, write};

/// The wide GBK Excel export as UTF-8 text, with one header replaced.
fn wide_with_header(from: &str, to: &str) -> String {
    let bytes = std::fs::read(root().join("examples/q3-excel-gbk.csv")).unwrap();
    let (text, _, bad) = encoding_rs::GB18030.decode(&bytes);
    assert!(!bad);
    let (header, rest) = text.split_once('\n').unwrap();
    assert!(header.split(',').any(|h| h == from), "{header}");
    let header: Vec<&str> = header.split(',').map(|h| if h == from { to } else { h }).collect();
    format!("{}\n{rest}", header.join(","))
}

/// Issue 8: `流程效率提升` for `流程效率提升率` in a wide export was only a note;
/// the 30-weight KPI vanished for three people, `--strict` exited 0 and JSON
/// said nothing.
#[test]
fn wide_export_with_a_misspelt_metric_column() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "wide.csv", wide_with_header("流程效率提升率", "流程效率提升").as_bytes());
    let o = score_in(dir.path(), &[&f], None);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(o.stderr.contains("warning: unknown-column: 2 columns are not read"), "{}", o.stderr);
    assert!(o.stderr.contains("wide.csv: `流程效率提升`; did you mean `流程效率提升率`?"), "{}", o.stderr);
    let doc = json_in(dir.path(), &[&f]);
    let ignored = doc["rows"]["ignored_columns"].as_array().unwrap();
    let names: Vec<&str> = ignored.iter().map(|c| c["column"].as_str().unwrap()).collect();
    assert_eq!(names, ["流程效率提升", "客诉数量"]);
    assert_eq!(ignored[0]["hint"], "did you mean `流程效率提升率`?");
    assert_eq!(ignored[0]["file"], "wide.csv");
    let strict = score_in(dir.path(), &[&f, "--strict"], None);
    assert_eq!(strict.code, 1, "{}", strict.stderr);
    assert!(strict.stderr.contains("columns that are not read"), "{}", strict.stderr);
}

/// Issue 8: a misspelt person column (`persn`) silently switched scoring to
/// pooled per-role cards (`· all rows`).
#[test]
fn misspelt_person_column_switches_to_pooled_role_cards() {
    let dir = tempfile::tempdir().unwrap();
    let text = common::q3_text().replacen("period,person,", "period,persn,", 1);
    let f = write(dir.path(), "persn.csv", text.as_bytes());
    let o = score_in(dir.path(), &[&f, "--format", "json"], None);
    assert_eq!(o.code, 2, "{}\n{}", o.stdout, o.stderr);
    assert!(o.stdout.is_empty(), "no scorecards at all: {}", o.stdout);
    for needle in [
        "persn.csv:1: the header has no person column",
        "person (員工, 姓名, 員工姓名)",
        "person_id (員工編號, 工號, 員工號)",
        "found: period, persn, role, metric, value",
        "--by role",
    ] {
        assert!(o.stderr.contains(needle), "`{needle}` not in {}", o.stderr);
    }
    // Asked for, per-role cards are fine, and `persn` is named as unread.
    let o = score_in(dir.path(), &[&f, "--by", "role"], None);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(o.stderr.contains("`persn`; did you mean `person`?"), "{}", o.stderr);
}

/// Issue 8: `--compare 2026-Q2` with no Q2 rows filled every "before" with
/// `—` and said nothing.
#[test]
fn compare_with_no_rows_in_the_compared_period_is_silent() {
    let o = score(&["examples/q3.csv", "--compare", "2026-Q2"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(
        o.stderr.contains("warning: --compare 2026-Q2: no row is in 2026-Q2, so there is nothing to compare with; the exports cover 2026-Q3 (2026-07-01 – 2026-09-30)"),
        "{}",
        o.stderr
    );
    // With Q2 rows there is no warning.
    let o = score(&["examples/q2.csv", "examples/q3.csv", "--compare", "2026-Q2"]);
    assert!(!o.stderr.contains("--compare"), "{}", o.stderr);
}

/// Issue 8: `--period 2026-Q4` on a Q3 file printed an empty table and 20
/// "outside" lines, and never said which periods the file covers.
#[test]
fn period_outside_the_file_never_says_which_periods_it_covers() {
    let o = score(&["examples/q3.csv", "--period", "2026-Q4"]);
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(
        o.stderr.contains(
            "error: --period: no row is in 2026-Q4; the exports cover 2026-Q3 (2026-07-01 – 2026-09-30); try --period 2026-Q3"
        ),
        "{}",
        o.stderr
    );
    assert!(o.stdout.is_empty(), "no empty table: {}", o.stdout);
    assert!(!o.stderr.contains("is outside 2026-Q4"), "not row by row: {}", o.stderr);
    // Two quarters: the suggestion is the latest one, which has rows.
    let o = score(&["examples/q2.csv", "examples/q3.csv", "--period", "2025"]);
    assert!(
        o.stderr.contains("the exports cover 2026-Q2, 2026-Q3 (2026-04-01 – 2026-09-30); try --period 2026-Q3"),
        "{}",
        o.stderr
    );
    assert_eq!(score(&["examples/q2.csv", "examples/q3.csv", "--period", "2026-Q3"]).code, 0);
}

#[test]
fn erp_headers_and_a_person_number_column() {
    let dir = tempfile::tempdir().unwrap();
    let text = "考核期間,員工姓名,工號,崗位名稱,考核指標,完成值\n\
                2026-07,張偉,E001,流程管理經理,sop_coverage,80\n\
                2026-08,張偉,E001,流程管理經理,sop_coverage,84\n\
                2026-07,張偉,E002,流程管理經理,sop_coverage,90\n";
    let f = write(dir.path(), "erp.csv", text.as_bytes());
    let doc = json_in(dir.path(), &[&f]);
    // Two people called 張偉, told apart by their numbers.
    let a = card(&doc, "張偉 (E001)");
    assert_eq!(a["person_id"], "E001");
    // sop_coverage mean 82 on 70 / 90 / 100: 60 + 40·12/20 = 84.
    assert_eq!(a["kpis"][2]["value"].as_f64(), Some(82.0));
    assert_eq!(a["kpis"][2]["score"].as_f64(), Some(84.0));
    assert_eq!(card(&doc, "張偉 (E002)")["kpis"][2]["value"].as_f64(), Some(90.0));
    let table = score_in(dir.path(), &[&f], None).stdout;
    assert!(table.contains("張偉 (E001) · 流程管理經理 (process-manager)"), "{table}");
    let csv = score_in(dir.path(), &[&f, "--format", "csv"], None).stdout;
    assert!(csv.lines().next().unwrap().ends_with(",person_id"), "{csv}");
    assert!(csv.contains(",E002\n"), "{csv}");
}

#[test]
fn numbers_with_unit_words_when_the_unit_fits() {
    let dir = tempfile::tempdir().unwrap();
    let text = "period,person,role,metric,value\n\
                2026-07,張偉,process-manager,process_optimizations,3個\n\
                2026-08,張偉,process-manager,process_optimizations,1 次\n\
                2026-07,張偉,process-manager,process_satisfaction,8分\n\
                2026-07,吳昊,performance-analyst,report_delay_days,1.5天\n\
                2026-08,吳昊,performance-analyst,report_delay_days,2 天\n\
                2026-07,黃敏,risk-supervisor,risk_response_hours,4小時\n\
                2026-07,張偉,process-manager,sop_coverage,4小時\n\
                2026-07,吳昊,performance-analyst,report_delay_days,3個\n";
    let f = write(dir.path(), "units.csv", text.as_bytes());
    let o = score_in(dir.path(), &[&f, "--format", "json"], None);
    let doc: serde_json::Value = serde_json::from_str(&o.stdout).unwrap();
    let zw = card(&doc, "張偉");
    assert_eq!(zw["kpis"][0]["value"].as_f64(), Some(4.0), "3個 + 1 次 (a sum)");
    assert_eq!(zw["kpis"][3]["value"].as_f64(), Some(8.0));
    assert_eq!(card(&doc, "吳昊")["kpis"][1]["value"].as_f64(), Some(1.75));
    assert_eq!(card(&doc, "黃敏")["kpis"][1]["value"].as_f64(), Some(4.0));
    // A unit that does not fit the KPI is a bad value, never a silent number.
    assert_eq!(doc["rows"]["skipped_by_reason"]["bad-value"], 2, "{}", o.stderr);
    assert!(
        o.stderr.contains("units.csv:8: `4小時` is in hours, but KPI `sop-coverage` is measured in percent"),
        "{}",
        o.stderr
    );
    assert!(o.stderr.contains("units.csv:9: `3個` is in count, but KPI `analysis-timeliness` is measured in days"));
}

#[test]
fn a_column_the_config_ignores_is_not_reported() {
    let dir = tempfile::tempdir().unwrap();
    let text = "period,person,role,metric,value,備註\n2026-07,張偉,process-manager,sop_coverage,82,季度補錄\n";
    let f = write(dir.path(), "remark.csv", text.as_bytes());
    std::fs::write(
        dir.path().join("opsroles.yaml"),
        format!("roles: {}\ncolumns:\n  備註: ignore\n", root().join("roles").display()),
    )
    .unwrap();
    let run = |config: &str| {
        let o = assert_cmd::Command::cargo_bin("opsroles")
            .unwrap()
            .current_dir(dir.path())
            .args(["--config", config, "score", &f, "--strict"])
            .output()
            .unwrap();
        (o.status.code().unwrap(), String::from_utf8_lossy(&o.stderr).into_owned())
    };
    let (code, err) = run("opsroles.yaml");
    assert_eq!(code, 0, "{err}");
    assert!(!err.contains("unknown-column"), "{err}");
    let (code, err) = run(root().join("opsroles.yaml").to_str().unwrap());
    assert_eq!(code, 1, "without the mapping --strict fails: {err}");
    assert!(err.contains("`備註`"), "{err}");
}

#[test]
fn json_lists_ignored_columns_even_when_empty() {
    let doc = json(&["examples/q3.csv"]);
    assert_eq!(doc["rows"]["ignored_columns"], serde_json::json!([]));
}
