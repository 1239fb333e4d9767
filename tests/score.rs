//! `opsroles score` from the outside: hand-worked numbers from the shipped
//! examples, the same data in every supported shape and encoding, row
//! accounting, periods, formats, and bad exports.

mod common;

use assert_cmd::Command;
use common::{card, json, q3_text, root, score, score_in, write, Out};
use serde_json::Value;

#[test]
fn zhang_wei_scores_as_worked_by_hand() {
    // examples/q3.csv, 張偉 (process-manager), Jul / Aug / Sep:
    //   process_optimizations 1, 0, 2 → sum 3; anchors 1/2/4: 100 + 20·(3−2)/(4−2) = 110
    //   process_cycle_reduction 12, 15, 18 → mean 15 = target → 100
    //   sop_coverage 80, 82, 84 → mean 82; anchors 70/90/100: 60 + 40·12/20 = 84
    //   process_satisfaction 7.5, (missing), 8.5 → mean 8 = target → 100
    //   total (25·110 + 30·100 + 25·84 + 20·100) / 100 = 98.5 → grade B
    let doc = json(&["examples/q3.csv"]);
    let c = card(&doc, "張偉");
    let kpis: Vec<(f64, f64, &str)> = c["kpis"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| (k["value"].as_f64().unwrap(), k["score"].as_f64().unwrap(), k["status"].as_str().unwrap()))
        .collect();
    assert_eq!(kpis, vec![(3.0, 110.0, "exceeded"), (15.0, 100.0, "met"), (82.0, 84.0, "below"), (8.0, 100.0, "met")]);
    assert_eq!(
        (c["score"].as_f64(), c["grade"].as_str(), c["complete"].as_bool()),
        (Some(98.5), Some("B"), Some(true))
    );
    assert_eq!(c["coverage"].as_f64(), Some(1.0));
    assert_eq!(doc["period"], serde_json::json!({"label": "2026-Q3", "start": "2026-07-01", "end": "2026-09-30"}));
}

#[test]
fn a_new_hire_with_one_kpi_has_insufficient_data() {
    // 鄭潔 joined in September and has only 風險報告質量 (weight 20 of 100).
    let doc = json(&["examples/q3.csv"]);
    let c = card(&doc, "鄭潔");
    assert_eq!(
        (c["coverage"].as_f64(), c["grade"].as_str(), c["status"].as_str()),
        (Some(0.2), Some("-"), Some("insufficient"))
    );
    // Its computed score is still shown: 7.2 on 6/8/9.5 → 60 + 40·1.2/2 = 84.
    assert_eq!(c["score"].as_f64(), Some(84.0));
}

#[test]
fn every_row_is_accounted_for() {
    let doc = json(&["examples/q3.csv"]);
    // 164 data rows: 張偉's empty August satisfaction and 趙磊's `-` are missing
    // values; 李娜's customer_complaints row measures no KPI.
    assert_eq!(
        doc["rows"],
        serde_json::json!({"read": 164, "used": 161, "skipped": 3, "skipped_by_reason": {"missing-value": 2, "unknown-metric": 1}, "ignored_cells": 0, "ignored_columns": []})
    );
    let o = score(&["examples/q3.csv"]);
    assert!(o.stderr.contains("examples/q3.csv:33: no value"), "{}", o.stderr);
    // An unknown name is reported once, with its rows and the role it was read for.
    assert!(
        o.stderr.contains("`customer_complaints` (metric of process-manager): 1 row, examples/q3.csv:42"),
        "{}",
        o.stderr
    );
}

#[test]
fn the_gbk_wide_excel_export_gives_identical_scorecards() {
    let long = json(&["examples/q3.csv"]);
    let wide = json(&["examples/q3-excel-gbk.csv"]);
    assert_eq!(long["scorecards"], wide["scorecards"]);
    assert_eq!(long["period"], wide["period"]);
}

#[test]
fn every_shape_and_encoding_gives_the_same_scores() {
    let baseline = json(&["examples/q3.csv"])["scorecards"].clone();
    let dir = tempfile::tempdir().unwrap();
    let text = q3_text();
    let chinese_headers = text.replacen("period,person,role,metric,value", "期間,員工,崗位,指標,數值", 1);
    let mut utf16le = vec![0xFF, 0xFE];
    let mut utf16be = vec![0xFE, 0xFF];
    for u in text.encode_utf16() {
        utf16le.extend(u.to_le_bytes());
        utf16be.extend(u.to_be_bytes());
    }
    let (big5, _, unmappable) = encoding_rs::BIG5.encode(&chinese_headers);
    assert!(!unmappable, "the example's text is all in Big5");
    let (gb, _, _) = encoding_rs::GB18030.encode(&chinese_headers);
    let cases: Vec<(String, Vec<u8>)> = vec![
        ("bom-crlf.csv".into(), [b"\xEF\xBB\xBF".as_slice(), text.replace('\n', "\r\n").as_bytes()].concat()),
        ("utf16le.csv".into(), utf16le),
        ("utf16be.csv".into(), utf16be),
        ("big5.csv".into(), big5.into_owned()),
        ("gb18030.csv".into(), gb.into_owned()),
        ("semicolon.csv".into(), text.replace(',', ";").into_bytes()),
        ("tab.tsv".into(), text.replace(',', "\t").into_bytes()),
        ("chinese-headers.csv".into(), chinese_headers.clone().into_bytes()),
        (
            "role-ids.csv".into(),
            text.replace("流程管理經理", "process-manager").replace("運營總監", "operations-director").into_bytes(),
        ),
    ];
    for (name, bytes) in cases {
        let file = write(dir.path(), &name, &bytes);
        let o = score_in(dir.path(), &[&file, "--format", "json"], None);
        let doc: Value = serde_json::from_str(&o.stdout).unwrap_or_else(|e| panic!("{name}: {e}\n{}", o.stderr));
        assert_eq!(doc["scorecards"], baseline, "{name}");
    }
    let o = score_in(dir.path(), &["-", "--format", "json"], Some(text.into_bytes()));
    let doc: Value = serde_json::from_str(&o.stdout).unwrap();
    assert_eq!(doc["scorecards"], baseline, "stdin");
}

#[test]
fn period_filters_rows_and_labels_the_period() {
    let both = json(&["examples/q2.csv", "examples/q3.csv", "--period", "2026Q3"]);
    let q3 = json(&["examples/q3.csv"]);
    assert_eq!(both["scorecards"], q3["scorecards"]);
    assert_eq!(both["rows"]["skipped_by_reason"]["outside-period"], 163, "every Q2 row");
    assert_eq!(both["period"]["label"], "2026-Q3");
    let july = json(&["examples/q3.csv", "--period", "2026年7月"]);
    assert_eq!(july["period"], serde_json::json!({"label": "2026-07", "start": "2026-07-01", "end": "2026-07-31"}));
    // 張偉 in July alone: 1 optimisation = threshold → 60.
    assert_eq!(card(&july, "張偉")["kpis"][0]["score"].as_f64(), Some(60.0));
}

#[test]
fn compare_shows_the_other_periods_scores_and_the_change() {
    let doc = json(&["examples/q2.csv", "examples/q3.csv", "--period", "2026-Q3", "--compare", "2026-Q2"]);
    let q2 = json(&["examples/q2.csv"]);
    assert_eq!(doc["compare_period"]["label"], "2026-Q2");
    for c in doc["scorecards"].as_array().unwrap() {
        let before = card(&q2, c["entity"].as_str().unwrap());
        assert_eq!(c["compare_score"], before["score"], "{}", c["entity"]);
        let change = c["score"].as_f64().unwrap() - before["score"].as_f64().unwrap();
        assert!((c["change"].as_f64().unwrap() - change).abs() < 1e-3, "{}", c["entity"]);
        for (k, kb) in c["kpis"].as_array().unwrap().iter().zip(before["kpis"].as_array().unwrap()) {
            assert_eq!(k["compare_score"], kb["score"]);
        }
    }
    // Without --period, the rows not in the compared period are scored.
    let implicit = json(&["examples/q2.csv", "examples/q3.csv", "--compare", "2026-Q2"]);
    assert_eq!(implicit["scorecards"], doc["scorecards"]);
    let table = score(&["examples/q2.csv", "examples/q3.csv", "--compare", "2026-Q2"]).stdout;
    assert!(table.contains('▲') || table.contains('▼'), "{table}");
}

/// Issue 8: `--by role` added up the count KPIs of all people and scored the
/// sum against a per-person target: three process managers' 3 + 5 + 3
/// optimisations = 11 ≥ stretch 4 → 120, "exceeded".
#[test]
fn by_role_adds_up_count_kpis_of_all_people() {
    let doc = json(&["examples/q3.csv", "--by", "role"]);
    let cards = doc["scorecards"].as_array().unwrap();
    assert_eq!(cards.len(), 5);
    // Recompute independently: each process manager's Q3 sum, then the mean.
    let mut per_person: std::collections::BTreeMap<String, f64> = Default::default();
    let mut rdr = csv::Reader::from_path(root().join("examples/q3.csv")).unwrap();
    for r in rdr.records() {
        let r = r.unwrap();
        if &r[2] == "流程管理經理" && &r[3] == "process_optimizations" {
            *per_person.entry(r[1].to_string()).or_default() += r[4].parse::<f64>().unwrap();
        }
    }
    assert_eq!(per_person.len(), 3, "{per_person:?}");
    let mean = per_person.values().sum::<f64>() / 3.0;
    let pm = card(&doc, "process-manager");
    assert_eq!(pm["people"], 3);
    let k = &pm["kpis"][0];
    assert!((k["value"].as_f64().unwrap() - mean).abs() < 1e-4, "{k} vs {mean}");
    // Anchors 1 / 2 / 4: 100 + 20·(mean − 2)/(4 − 2), not 120.
    let want = 100.0 + 20.0 * (mean - 2.0) / 2.0;
    assert!((k["score"].as_f64().unwrap() - want).abs() < 1e-3, "{k} vs {want}");
    assert_ne!(k["score"].as_f64(), Some(120.0));
    assert_eq!(k["people"], 3);
    // The card says how many people it pools.
    let table = score(&["examples/q3.csv", "--by", "role", "--lang", "en"]).stdout;
    assert!(table.contains("流程管理經理 (process-manager) · 3 people"), "{table}");
}

#[test]
fn strict_fails_on_unknown_metrics_but_not_on_missing_values() {
    assert_eq!(score(&["examples/q3.csv"]).code, 0);
    let o = score(&["examples/q3.csv", "--strict"]);
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(o.stderr.contains("--strict"));
    // Q2 has only clean rows.
    assert_eq!(score(&["examples/q2.csv", "--strict"]).code, 0);
}

#[test]
fn output_formats() {
    let md = score(&["examples/q3.csv", "--format", "markdown", "--lang", "en"]).stdout;
    assert!(md.contains("## 張偉 · 流程管理經理 \\(process-manager\\)"), "{md}");
    assert!(
        md.contains(
            "| 流程效率提升率 \\(process-efficiency-gain\\) | process\\_cycle\\_reduction | 15.0% | 30 | 100.0 | met |"
        ),
        "{md}"
    );
    assert!(md.contains("**Score 98.5 · Grade B · Coverage 100%**"), "{md}");
    let csv_out = score(&["examples/q3.csv", "--format", "csv"]).stdout;
    let mut rdr = csv::Reader::from_reader(csv_out.as_bytes());
    let rows: Vec<csv::StringRecord> = rdr.records().map(|r| r.unwrap()).collect();
    // One row per entity × KPI: 1 director × 8 + 3 × 4 + 3 × 5 + 3 × 4 + 2 × 4.
    assert_eq!(rows.len(), 8 + 12 + 15 + 12 + 8);
    let zw: Vec<&csv::StringRecord> = rows.iter().filter(|r| &r[1] == "張偉").collect();
    assert_eq!((&zw[2][3], &zw[2][7], &zw[2][9], &zw[2][11], &zw[2][12]), ("sop-coverage", "82", "84", "98.5", "B"));
    let html = score(&["examples/q3.csv", "--format", "html"]).stdout;
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("<svg") && !html.contains("<script"));
    let table = score(&["examples/q3.csv", "--explain", "--lang", "en"]).stdout;
    assert!(table.contains("between threshold and target: 60 + 40 × (82 − 70) / (90 − 70) = 84.0"), "{table}");
}

#[test]
fn text_from_exports_is_escaped_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let evil = "period,person,role,metric,value\n2026-07,=HYPERLINK(\"http://x\"),process-manager,sop_coverage,90\n2026-07,<script>alert(1)</script>|x,process-manager,sop_coverage,90\n";
    let f = write(dir.path(), "evil.csv", evil.as_bytes());
    let csv_out = score_in(dir.path(), &[&f, "--format", "csv"], None).stdout;
    assert!(csv_out.contains("'=HYPERLINK"), "{csv_out}");
    assert!(!csv_out.contains(",=HYPERLINK"));
    let html = score_in(dir.path(), &[&f, "--format", "html"], None).stdout;
    assert!(!html.contains("<script>") && html.contains("&lt;script&gt;"));
    let md = score_in(dir.path(), &[&f, "--format", "markdown"], None).stdout;
    assert!(md.contains("&lt;script&gt;alert\\(1\\)&lt;/script&gt;\\|x"), "{md}");
}

#[test]
fn escape_sequences_in_exports_never_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "esc.csv", b"period,person,role,metric,value\n2026-07,x\x1b[31m,process-manager,sop_coverage,9\x1b[2J\n2026-07,y,process-manager,sop_coverage,90\n");
    let o = score_in(dir.path(), &[&f, "--color", "always"], None);
    assert!(o.stdout.contains("x?[31m") && !o.stdout.contains("x\x1b[31m"), "{}", o.stdout);
    assert!(o.stderr.contains("9?[2J") && !o.stderr.contains("\x1b[2J"), "{}", o.stderr);
}

#[test]
fn output_is_deterministic_and_written_whole() {
    for format in ["table", "markdown", "json", "csv", "html"] {
        let a = score(&["examples/q3.csv", "--format", format]).stdout;
        let b = score(&["examples/q3.csv", "--format", format]).stdout;
        assert_eq!(a, b, "{format}");
    }
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("q3.json");
    let o = score(&["examples/q3.csv", "--format", "json", "-o", target.to_str().unwrap()]);
    assert_eq!(o.code, 0);
    assert!(o.stdout.is_empty());
    assert!(serde_json::from_str::<Value>(&std::fs::read_to_string(&target).unwrap()).is_ok());
    // A failing run leaves no file behind.
    let target = dir.path().join("never.json");
    let o = score(&["no-such.csv", "--format", "json", "-o", target.to_str().unwrap()]);
    assert_eq!(o.code, 2);
    assert!(!target.exists());
}

/// A bad export: the exit code, and the file (and line) in the message.
fn bad(name: &str, bytes: &[u8], extra: &[&str], code: i32, needle: &str) -> Out {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), name, bytes);
    let mut args = vec![f.as_str()];
    args.extend_from_slice(extra);
    let o = score_in(dir.path(), &args, None);
    let all = format!("{}{}", o.stdout, o.stderr);
    assert_eq!(o.code, code, "{name}: {all}");
    assert!(!all.contains("panicked"), "{name}: {all}");
    assert!(all.contains(needle), "{name}: `{needle}` not in\n{all}");
    o
}

#[test]
fn bad_exports() {
    const H: &str = "period,person,role,metric,value\n";
    bad("empty.csv", b"", &[], 2, "empty.csv: the file is empty");
    bad("blank.csv", b"\n\n", &[], 2, "empty.csv".replace("empty", "blank").as_str());
    bad(
        "no-header.csv",
        b"2026-07,x,process-manager,sop_coverage,90\n",
        &[],
        2,
        "no-header.csv:1: the header has no role (崗位",
    );
    bad(
        "no-value.csv",
        b"period,person,role,metric\n",
        &[],
        2,
        "no-value.csv:1: the header has a metric column but no value (數值",
    );
    bad(
        "binary.csv",
        b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00\xb5U\x8a\xff\xfe\x00\x01",
        &[],
        2,
        "binary.csv",
    );
    let o = bad(
        "ragged.csv",
        format!("{H}2026-07,張偉,process-manager,sop_coverage\n2026-07,張偉,process-manager,sop_coverage,90\n")
            .as_bytes(),
        &["--lang", "en"],
        0,
        "ragged.csv:2: the row has 4 fields, the header 5",
    );
    assert!(o.stdout.contains("Rows: 2 read, 1 used, 1 skipped (bad-value 1)"), "{}", o.stdout);
    // A quoted newline spans lines 2–3; the next row is still reported at its own line, 4.
    let quoted = format!(
        "{H}2026-07,\"張\n偉\",process-manager,sop_coverage,90\n2026-07,李娜,process-manager,sop_coverage,abc\n"
    );
    bad("quoted.csv", quoted.as_bytes(), &[], 0, "quoted.csv:4: `abc` is not a number");
    bad(
        "all-bad.csv",
        format!("{H}2026-07,張偉,process-manager,sop_coverage,abc\n2026-07,張偉,process-manager,sop_coverage,—\n")
            .as_bytes(),
        &[],
        1,
        "no row gave a value",
    );
    bad(
        "unknown-metric.csv",
        format!("{H}2026-07,張偉,process-manager,sop_coverage,90\n2026-07,張偉,process-manager,客訴數量,3\n")
            .as_bytes(),
        &["--strict"],
        1,
        "`客訴數量` (metric of process-manager): 1 row, unknown-metric.csv:3",
    );
    bad(
        "other-role-metric.csv",
        format!("{H}2026-07,張偉,process-manager,sop_coverage,90\n2026-07,張偉,process-manager,risk_loss_amount,3\n")
            .as_bytes(),
        &[],
        0,
        "`risk_loss_amount` (metric of process-manager): 1 row, other-role-metric.csv:3; another role's KPI measures it",
    );
    bad(
        "unknown-role.csv",
        format!("{H}2026-07,張偉,process-manager,sop_coverage,90\n2026-07,王五,銷售經理,sop_coverage,3\n").as_bytes(),
        &["--strict"],
        1,
        "`銷售經理` (role): 1 row, unknown-role.csv:3",
    );
    bad(
        "outside.csv",
        format!("{H}2026-07,張偉,process-manager,sop_coverage,90\n2026-10,張偉,process-manager,sop_coverage,3\n")
            .as_bytes(),
        &["--period", "2026-Q3", "--strict"],
        0,
        "outside.csv:3: 2026-10 is outside 2026-Q3",
    );
    // Values beyond ±1e15 would overflow decimal arithmetic: bad values, no panic.
    let huge = format!("{H}2026-07,張偉,process-manager,sop_coverage,\"79,228,162,514,264,337,593,543,950,335\"\n2026-07,張偉,process-manager,process_optimizations,1E+28\n2026-07,張偉,process-manager,process_satisfaction,8\n");
    bad("huge.csv", huge.as_bytes(), &[], 0, "huge.csv:3: `1E+28` is not a number");
    // A denominator near zero: the ratio is out of range, reported, no panic.
    let tiny = "period,person,role,metric,value\n2026-07,王芳,resource-coordinator,idle_hours,999999999999999\n2026-07,王芳,resource-coordinator,total_hours,0.000000000001\n2026-07,王芳,resource-coordinator,resource_utilization,85\n";
    let o = bad(
        "tiny.csv",
        tiny.as_bytes(),
        &["--lang", "en"],
        0,
        "tiny.csv:2: 王芳: the denominator of resource-idle-rate",
    );
    assert!(o.stdout.contains("resource-idle-rate") && o.stdout.contains("missing"), "{}", o.stdout);
    bad(
        "bad-period.csv",
        format!("{H}2026-13,張偉,process-manager,sop_coverage,90\n2026-07,張偉,process-manager,sop_coverage,3\n")
            .as_bytes(),
        &[],
        0,
        "bad-period.csv:2: `2026-13` is not a period",
    );
    let (gb, _, _) =
        encoding_rs::GB18030.encode("期间,员工,岗位,指标,数值\n2026-07,张伟,流程管理经理,sop_coverage,90\n");
    bad("forced.csv", &gb, &["--encoding", "utf-8"], 2, "forced.csv:1: bytes that are not valid UTF-8");
    bad(
        "forced-big5.csv",
        "period,person,role,metric,value\n2026-07,張偉,process-manager,sop_coverage,90\n".as_bytes(),
        &["--encoding", "big5"],
        2,
        "forced-big5.csv:2: bytes that are not valid Big5",
    );
    bad("x.csv", H.as_bytes(), &["--period", "Q9"], 2, "--period `Q9` is not a period");
    bad("x.csv", H.as_bytes(), &["--encoding", "klingon"], 2, "unknown encoding `klingon`");
}

/// A misspelt export can name thousands of metrics: stderr lists the most
/// used 20, each once, and counts the rest instead of printing them all.
#[test]
fn many_unknown_names_are_listed_most_used_first_then_counted() {
    let mut csv = String::from("period,person,role,metric,value\n2026-07,張偉,process-manager,sop_coverage,90\n");
    for i in 0..25 {
        csv.push_str(&format!("2026-07,張偉,process-manager,junk_{i},1\n"));
    }
    // junk_24 comes last in the file but is used most: it is listed first.
    csv.push_str("2026-07,張偉,process-manager,junk_24,1\n2026-07,張偉,process-manager,junk_24,1\n");
    let o = bad("junk.csv", csv.as_bytes(), &[], 0, "unknown-metric: 27 rows skipped");
    let listed: Vec<&str> = o.stderr.lines().filter(|l| l.starts_with("  `junk_")).collect();
    assert_eq!(listed.len(), 20, "{}", o.stderr);
    assert!(listed[0].starts_with("  `junk_24` (metric of process-manager): 3 rows"), "{}", o.stderr);
    // 27 rows skipped; 20 names listed cover 3 + 19 = 22 rows; 5 rows (5 names) remain.
    assert!(o.stderr.contains("  … and 5 more rows under 5 other names"), "{}", o.stderr);
}

#[test]
fn a_directory_or_missing_file_is_a_usage_error() {
    let o = score(&["examples"]);
    assert_eq!(o.code, 2);
    assert!(o.stderr.contains("examples is a directory"));
    let o = score(&["missing.csv"]);
    assert_eq!(o.code, 2);
    assert!(o.stderr.contains("cannot read missing.csv"));
}

#[test]
fn decimal_comma_is_never_guessed() {
    let dir = tempfile::tempdir().unwrap();
    let text = "period;person;role;metric;value\n2026-07;張偉;process-manager;sop_coverage;\"82,5\"\n2026-07;張偉;process-manager;process_satisfaction;\"8,0\"\n";
    let f = write(dir.path(), "eu.csv", text.as_bytes());
    let o = score_in(dir.path(), &[&f, "--format", "json"], None);
    let doc: Value = serde_json::from_str(&o.stdout).unwrap();
    assert_eq!(doc["rows"]["skipped_by_reason"]["bad-value"], 2, "{}", o.stderr);
    let o = score_in(dir.path(), &[&f, "--format", "json", "--decimal-comma"], None);
    let doc: Value = serde_json::from_str(&o.stdout).unwrap();
    assert_eq!(doc["scorecards"][0]["kpis"][2]["value"].as_f64(), Some(82.5));
}

#[test]
fn forced_delimiter_and_header_mapping_from_the_config() {
    let dir = tempfile::tempdir().unwrap();
    // A pipe-separated export whose headers only the config explains.
    let text = "考核期|部門人員|崗位|指標|值\n2026-07|張偉|流程管理經理|sop_coverage|82\n";
    let f = write(dir.path(), "pipe.csv", text.as_bytes());
    let config = format!("roles: {}\ncolumns:\n  考核期: period\n  部門人員: person\n", root().join("roles").display());
    std::fs::write(dir.path().join("opsroles.yaml"), config).unwrap();
    let run = |args: &[&str]| {
        let o = Command::cargo_bin("opsroles")
            .unwrap()
            .current_dir(dir.path())
            .args(["--config", "opsroles.yaml", "score"])
            .args(args)
            .output()
            .unwrap();
        (
            o.status.code().unwrap(),
            String::from_utf8_lossy(&o.stdout).into_owned(),
            String::from_utf8_lossy(&o.stderr).into_owned(),
        )
    };
    // Sniffing knows only , ; and tab: without --delimiter the header is one column.
    let (code, _, err) = run(&[&f]);
    assert_eq!(code, 2, "{err}");
    let (code, out, err) = run(&[&f, "--delimiter", "|", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let doc: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(doc["scorecards"][0]["entity"], "張偉");
    assert_eq!(doc["scorecards"][0]["kpis"][2]["score"].as_f64(), Some(84.0));
}
