//! `opsroles sla` from the outside: the SPEC's due-date vectors, the
//! shipped conflict log worked by hand, every format, `--fail-on`, calendar
//! overrides and years without data, the coordinator, and bad logs with
//! file:line and field.

mod common;
use common::{root, Out};

use std::path::Path;

use assert_cmd::Command;
use serde_json::{json, Value};

fn run_in(dir: &Path, config: &Path, args: &[&str]) -> Out {
    let mut all = vec!["--today", "2025-12-19", "--config", config.to_str().unwrap(), "sla"];
    all.extend_from_slice(args);
    common::run(dir, &all)
}

fn run(args: &[&str]) -> Out {
    run_in(&root(), &root().join("opsroles.yaml"), args)
}

fn json_of(o: &Out) -> Value {
    serde_json::from_str(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}\n{}", o.stdout, o.stderr))
}

/// A project in a temporary directory: the shipped roles, `config`, and a
/// conflict log.
fn project(config: &str, log: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("roles")).unwrap();
    for e in std::fs::read_dir(root().join("roles")).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), dir.path().join("roles").join(e.file_name())).unwrap();
    }
    std::fs::write(dir.path().join("opsroles.yaml"), config).unwrap();
    std::fs::write(dir.path().join("conflicts.csv"), log).unwrap();
    dir
}

fn in_project(dir: &tempfile::TempDir, args: &[&str]) -> Out {
    run_in(dir.path(), &dir.path().join("opsroles.yaml"), args)
}

const HEAD: &str = "編號,事項,涉及部門,提交日期,上報管理層日期,解決日期,協調人\n";

/// SPEC 6.2's vectors.
#[test]
fn due_dates_of_the_spec() {
    for (raised, due) in [("2025-09-26", "2025-09-30"), ("2025-09-30", "2025-10-11"), ("2026-02-13", "2026-02-25")] {
        let o = run(&["--due", raised]);
        assert_eq!(o.code, 0, "{}", o.stderr);
        assert_eq!(o.stdout.lines().next(), Some(due), "{raised}: {}", o.stdout);
        assert_eq!(o.stderr, "");
    }
    let o = run(&["--due", "2025-09-30"]);
    assert!(o.stdout.contains("  2025-10-01 … 2025-10-08  休息           國慶節、中秋節 放假\n"), "{}", o.stdout);
    assert!(o.stdout.contains("  2025-10-11 週六          工作日 3       調休上班 (國慶節、中秋節)\n"), "{}", o.stdout);
    let v = json_of(&run(&["--due", "2025-09-30", "--format", "json"]));
    assert_eq!(v, json!({"raised": "2025-09-30", "days": 3, "due": "2025-10-11"}));
    assert_eq!(
        run(&["--due", "2025-09-30", "--days", "5", "--format", "csv"]).stdout,
        "raised,days,due\n2025-09-30,5,2025-10-14\n"
    );
    assert_eq!(run(&["--due", "2025-9-30"]).code, 2, "--due takes YYYY-MM-DD");
    assert_eq!(run(&["--due", "2025-09-30", "--days", "0"]).code, 2);
}

#[test]
fn company_dates_and_preset_none() {
    let dir = project("calendar:\n  holidays: [2025-09-29]\n", HEAD);
    // 09-28 Sunday worked (1), 09-29 a company holiday, 09-30 (2), 10-09 (3).
    assert_eq!(in_project(&dir, &["--due", "2025-09-26"]).stdout.lines().next(), Some("2025-10-09"));
    let dir = project("calendar:\n  preset: none\n", HEAD);
    assert_eq!(in_project(&dir, &["--due", "2025-09-30"]).stdout.lines().next(), Some("2025-10-03"));
    let o = in_project(&dir, &["--due", "2031-01-01", "--strict"]);
    assert_eq!((o.code, o.stderr.as_str()), (0, ""), "`none` lacks no year");
}

#[test]
fn a_year_without_data_warns_once_and_strict_makes_it_an_error() {
    let log = format!("{HEAD}A,跨年,財務部門,2025-12-18,,,\nB,又跨年,IT部門,2025-12-19,,,\n");
    let dir = project("department: 運營管理部\n", &log);
    let o = run_in(dir.path(), &dir.path().join("opsroles.yaml"), &["conflicts.csv", "--format", "json"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert_eq!(json_of(&o)["calendar"], json!({"preset": "cn", "years_without_data": []}));
    // Raised on 2026-12-29 and 12-30, due in 2027: one warning for 2027.
    let log = format!("{HEAD}A,跨年,財務部門,2026-12-29,,,\nB,又跨年,IT部門,2026-12-30,,,\n");
    let dir = project("department: 運營管理部\n", &log);
    let go = |args: &[&str]| {
        let o = Command::cargo_bin("opsroles")
            .unwrap()
            .current_dir(dir.path())
            .env("NO_COLOR", "1")
            .args(["--today", "2026-12-31", "sla", "conflicts.csv"])
            .args(args)
            .output()
            .unwrap();
        (o.status.code().unwrap(), String::from_utf8(o.stdout).unwrap(), String::from_utf8(o.stderr).unwrap())
    };
    let (code, out, err) = go(&["--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["calendar"]["years_without_data"], json!([2027]));
    assert_eq!(v["conflicts"][0]["due"], "2027-01-01", "12-30, 12-31, then Friday 2027-01-01 by weekends alone");
    let warnings: Vec<&Value> =
        v["diagnostics"].as_array().unwrap().iter().filter(|d| d["rule"] == "no-calendar-data").collect();
    assert_eq!(warnings.len(), 1);
    assert_eq!(warnings[0]["severity"], "warning");
    assert_eq!(warnings[0]["locations"][0]["line"], 2, "at the first row that needed 2027");
    assert_eq!(err.matches("no official holiday data for 2027").count(), 1, "{err}");
    let (code, _, err) = go(&["--strict"]);
    assert_eq!(code, 1);
    assert!(err.contains("error[no-calendar-data]: no official holiday data for 2027"), "{err}");
}

#[test]
fn the_shipped_log_worked_by_hand() {
    let o = run(&["examples/conflicts.csv", "--format", "json"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let v = json_of(&o);
    assert_eq!(v["version"], 1);
    assert_eq!(v["conflict_days"], 3);
    assert_eq!(v["calendar"], json!({"preset": "cn", "years_without_data": []}));
    // Days of the 13 resolved conflicts: 2,3,4,3,3,5,2,2,5,2,2,3,3 → median 3,
    // slowest 5; met 9 of 13.
    assert_eq!(
        v["summary"],
        json!({"total": 16, "met": 9, "late": 4, "open": 1, "due_today": 1, "overdue": 1,
               "met_share": 0.6923, "median_days": 3, "max_days": 5})
    );
    let c = |id: &str| v["conflicts"].as_array().unwrap().iter().find(|c| c["id"] == id).unwrap().clone();
    assert_eq!(
        c("C-03"),
        json!({"id": "C-03", "title": "第四季度原材料預算與資金計劃不一致", "parties": ["finance", "business"],
               "raised": "2025-09-28", "due": "2025-10-09", "escalated": "2025-10-09", "resolved": "2025-10-10",
               "days": 4, "state": "late"}),
        "raised on the make-up Sunday: 09-29, 09-30, then 10-09 after the holiday"
    );
    assert_eq!((c("C-04")["due"].clone(), c("C-04")["state"].clone()), (json!("2025-10-11"), json!("met")));
    // Resolved on Sunday 10-12, the rest day after Saturday's due date: 3
    // working days, and late.
    assert_eq!((c("C-05")["days"].clone(), c("C-05")["state"].clone()), (json!(3), json!("late")));
    assert_eq!(c("C-06")["due"], "2025-10-13", "10-10, Saturday 10-11, 10-13");
    assert_eq!(c("C-11")["parties"], json!(["process-manager", "resource-coordinator"]));
    assert_eq!((c("C-14")["state"].clone(), c("C-14")["days"].clone()), (json!("overdue"), Value::Null));
    assert_eq!(c("C-15")["state"], "due-today");
    assert_eq!((c("C-16")["due"].clone(), c("C-16")["state"].clone()), (json!("2025-12-23"), json!("open")));
    assert_eq!(c("C-16")["resolved"], Value::Null);
    assert_eq!(v["diagnostics"], json!([]));
}

#[test]
fn human_output_and_the_per_party_summary() {
    let o = run(&["examples/conflicts.csv"]);
    assert_eq!(o.code, 0);
    let out = &o.stdout;
    assert!(
        out.starts_with(
            "運營管理部 跨部門沖突 · 16 項沖突\n3 個工作日內解決 · 今天 2025-12-19 · 日曆 cn · 協調人 運營總監\n"
        ),
        "{out}"
    );
    assert!(out.contains("C-05  逾期解決  2025-09-30  2025-10-11  2025-10-12       3  —\n"), "{out}");
    assert!(out.contains("      ERP數據接口的統計口徑爭議 · IT部門、財務部門\n"));
    assert!(out.contains("摘要: 合計 16 · 按時解決 9 · 逾期解決 4 · 處理中 1 · 今日到期 1 · 已逾期 1\n      按時解決率 69.2% · 中位天數 3 · 最長天數 5\n"), "{out}");
    // finance: C-03 late 4, C-04 met 3, C-05 late 3, C-06 late 5, C-10 met 2,
    // C-12 met 3, C-14 overdue, C-16 open → 3 of 6 met, median of 2,3,3,3,4,5 = 3.
    assert!(out.contains("財務部門         8     3     3       1     0       1     50%     3     5\n"), "{out}");
    assert!(out.ends_with("記錄: 讀取 16, 使用 16, 跳過 0\n"));
    for line in out.lines() {
        assert!(unicode_width(line) <= 80, "wider than 80 columns: {line}");
    }
    let en = run(&["examples/conflicts.csv", "--lang", "en"]).stdout;
    assert!(en.contains("C-05  late       2025-09-30  2025-10-11  2025-10-12     3  —\n"), "{en}");
}

fn unicode_width(s: &str) -> usize {
    s.chars().map(|c| if (c as u32) >= 0x1100 && !matches!(c, '·' | '…' | '—' | '→') { 2 } else { 1 }).sum()
}

#[test]
fn formats_and_fail_on() {
    let md = run(&["examples/conflicts.csv", "--format", "markdown"]).stdout;
    assert!(md.contains("| C-14 | 年終獎金核算口徑 | 人力資源部門、財務部門 | 運營總監 | 2025-12-08 | 2025-12-11 | — | — | **已逾期** | 2025-12-11 |\n"), "{md}");
    let csv = run(&["examples/conflicts.csv", "--format", "csv"]).stdout;
    assert!(csv.starts_with("id,title,parties,owner,raised,due,escalated,resolved,days,state\n"));
    assert!(csv.contains("C-06,節後產能恢復的資源分配優先級,business;finance;management,operations-director,2025-10-09,2025-10-13,2025-10-13,2025-10-15,5,late\n"), "{csv}");
    assert_eq!(run(&["examples/conflicts.csv", "--fail-on", "overdue"]).code, 1);
    let dir = project("department: x\n", &format!("{HEAD}A,a,財務,2025-12-18,,,\n"));
    assert_eq!(in_project(&dir, &["conflicts.csv", "--fail-on", "overdue"]).code, 0);
}

#[test]
fn bad_rows_are_named_by_line_and_field_and_counted() {
    let log = format!(
        "{HEAD}A,倒序,財務部門,2025-10-10,,2025-10-09,\n\
         B,錯日,財務部門,2025-13-01,,,\n\
         C,錯部門,採購部門、財務部門,2025-10-10,,,\n\
         D,錯人,財務部門,2025-10-10,,,運營總監理\n\
         E,無部門,,2025-10-10,,,\n\
         F,早上報,財務部門,2025-10-10,2025-10-09,,\n\
         G,未來,財務部門,2026-01-05,,,\n\
         H,好,財務部門、it,2025-10-10,,2025-10-13,\n\
         H,重複,財務部門,2025-10-10,,,\n"
    );
    let dir = project("department: 運營管理部\n", &log);
    let o = in_project(&dir, &["conflicts.csv", "--format", "json"]);
    assert_eq!(o.code, 1);
    let v = json_of(&o);
    let got: Vec<(String, u64, String)> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_string(),
                d["locations"][0]["line"].as_u64().unwrap(),
                d["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let want = [
        ("bad-date", 2, "解決日期 (resolved) 2025-10-09 is before 提交日期 (raised) 2025-10-10"),
        ("bad-date", 3, "提交日期 (raised) `2025-13-01` is not a date (write YYYY-MM-DD)"),
        ("unknown-party", 4, "涉及部門 (parties) `採購部門` is no role or partner department"),
        ("unknown-owner", 5, "協調人 (owner) `運營總監理` is no role's id or title"),
        ("missing-field", 6, "涉及部門 (parties) is empty"),
        ("bad-date", 7, "上報管理層日期 (escalated) 2025-10-09 is before 提交日期 (raised) 2025-10-10"),
        ("bad-date", 8, "提交日期 (raised) 2026-01-05 is after today (2025-12-19)"),
        ("duplicate-conflict", 10, "conflict `H` is listed twice; the second is left out"),
    ];
    assert_eq!(got, want.map(|(r, l, m)| (r.to_string(), l, m.to_string())));
    let conflicts = v["conflicts"].as_array().unwrap();
    assert_eq!(conflicts.len(), 1);
    assert_eq!(conflicts[0]["parties"], json!(["finance", "it"]));
    assert_eq!(conflicts[0]["days"], 2, "after Friday 10-10: Saturday 10-11 (a make-up workday) and 10-13");
    let o = in_project(&dir, &["conflicts.csv"]);
    assert!(o.stdout.ends_with("記錄: 讀取 9, 使用 1, 跳過 8 (missing-field 1, bad-date 4, unknown-owner 1, unknown-party 1, duplicate-conflict 1)\n"), "{}", o.stdout);
    assert!(o.stderr.contains("did you mean `運營總監`?"), "{}", o.stderr);
}

#[test]
fn the_coordinator_comes_from_the_config_or_the_collaboration_duties() {
    let dir = project("sla:\n  owner: proces-manager\n", HEAD);
    let o = in_project(&dir, &["conflicts.csv"]);
    assert_eq!(o.code, 2, "{}", o.stderr);
    assert!(o.stderr.contains("`sla.owner` `proces-manager` is no role's id or title"), "{}", o.stderr);
    assert!(o.stderr.contains("opsroles.yaml:2:10"), "{}", o.stderr);
    assert!(o.stderr.contains("did you mean `process-manager`?"), "{}", o.stderr);
    let dir = project("sla:\n  owner: 流程管理經理\n", &format!("{HEAD}A,a,財務部門,2025-12-18,,,\n"));
    let o = in_project(&dir, &["conflicts.csv"]);
    assert!(o.stdout.contains("· 協調人 流程管理經理\n"), "{}", o.stdout);
}

#[test]
fn a_log_without_a_required_column_is_refused() {
    let dir = project("department: x\n", "編號,事項,涉及部門\nA,a,財務部門\n");
    let o = in_project(&dir, &["conflicts.csv"]);
    assert_eq!(o.code, 2);
    assert!(
        o.stderr.contains("conflicts.csv:1: no raised (提交日期, 提出日期, 發起日期, 提交時間) column"),
        "{}",
        o.stderr
    );
}

#[test]
fn a_yaml_log_with_party_lists() {
    let log =
        "- id: C-1\n  title: 國慶值班成本\n  parties: [財務部門, hr]\n  raised: 2025-09-30\n  resolved: 2025-10-11\n";
    let dir = project("department: 運營管理部\n", HEAD);
    std::fs::write(dir.path().join("conflicts.yml"), log).unwrap();
    let o = in_project(&dir, &["conflicts.yml", "--format", "json"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let v = json_of(&o);
    assert_eq!(v["conflicts"][0]["parties"], json!(["finance", "hr"]));
    assert_eq!(
        (v["conflicts"][0]["due"].clone(), v["conflicts"][0]["state"].clone()),
        (json!("2025-10-11"), json!("met"))
    );
    std::fs::write(dir.path().join("bad.yaml"), "id: C-1\n").unwrap();
    let o = in_project(&dir, &["bad.yaml"]);
    assert_eq!(o.code, 2);
    assert!(o.stderr.contains("bad.yaml is not a YAML list of records"), "{}", o.stderr);
}
