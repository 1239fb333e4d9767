//! `opsroles risk` from the outside: the shipped register worked by hand
//! (levels, heat map, RPN and action priority, findings), every format,
//! `--fail-on`, RPN mode, encodings, and bad registers with file:line and
//! field.

mod common;
use common::{root, Out};

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::{json, Value};

/// Runs `opsroles risk` in `dir` with the shipped roles and `config`.
fn run_in(dir: &Path, config: &Path, args: &[&str]) -> Out {
    let (config, roles) = (config.to_str().unwrap(), root().join("roles"));
    let mut all = vec!["--today", "2025-12-19", "--config", config, "risk", "--roles", roles.to_str().unwrap()];
    all.extend_from_slice(args);
    common::run(dir, &all)
}

fn run(args: &[&str]) -> Out {
    run_in(&root(), &root().join("opsroles.yaml"), args)
}

fn json_of(o: &Out) -> Value {
    serde_json::from_str(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}\n{}", o.stdout, o.stderr))
}

/// A register in a temporary directory.
fn register(text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("risks.csv");
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

const HEAD: &str = "編號,風險,負責崗位,可能性,影響,嚴重度,發生度,探測度,狀態,應對措施,到期日\n";

#[test]
fn the_shipped_register_worked_by_hand() {
    let o = run(&["examples/risks.csv", "--format", "json"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let v = json_of(&o);
    assert_eq!(v["version"], 1);
    assert_eq!(v["today"], "2025-12-19");
    // Counted from the file row by row: R-03 is L5 I4; are
    // L4 I3/I4/I5; R-11 L3 I2; L3 I3; R-02 L3 I4
    // L3 I5; R-14 L2 I2; R-13 L2 I4; R-09 L2 I5.
    assert_eq!(
        v["heatmap"],
        json!([[0, 0, 0, 1, 0], [0, 0, 1, 1, 1], [0, 1, 3, 1, 2], [0, 1, 0, 1, 1], [0, 0, 0, 0, 0]])
    );
    assert_eq!(v["summary"], json!({"low": 1, "medium": 5, "high": 6, "critical": 2, "overdue": 2}));
    let risks = v["risks"].as_array().unwrap();
    let ids: Vec<&str> = risks.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "R-01", "R-03", "R-08", "R-04", "R-10", "R-02", "R-06", "R-09", "R-05", "R-07", "R-12", "R-13", "R-11",
            "R-14"
        ],
        "by level, then L×I, then id"
    );
    assert_eq!(
        risks[0],
        json!({
            "id": "R-01", "title": "核心供應商延遲交貨導致生產中斷", "owner": "risk-supervisor",
            "category": "供應鏈中斷", "likelihood": 4, "impact": 5, "score": 20, "level": "critical",
            "severity": 8, "occurrence": 6, "detection": 5, "rpn": 240, "action_priority": "H",
            "status": "mitigating", "response": "尋找備用供應商並簽訂框架協議", "due": "2026-01-31",
            "overdue": false
        })
    );
    let r = |id: &str| risks.iter().find(|r| r["id"] == id).unwrap().clone();
    // AIAG-VDA: S9 O3 D4 is L although its RPN is 108; S9 O3 D6 is M.
    assert_eq!((r("R-04")["rpn"].clone(), r("R-04")["action_priority"].clone()), (json!(108), json!("L")));
    assert_eq!(r("R-10")["action_priority"], "M");
    assert_eq!(r("R-08")["action_priority"], "H", "S6 O8 D5");
    assert_eq!(r("R-02")["action_priority"], "M", "S7 O5 D6");
    // No FMEA ratings: every FMEA field null; an empty response is null.
    let r03 = r("R-03");
    for k in ["severity", "occurrence", "detection", "rpn", "action_priority", "response", "due"] {
        assert_eq!(r03[k], Value::Null, "{k}");
    }
    assert_eq!(r03["status"], "open", "未處理 is written as open");
    assert_eq!(r("R-12")["status"], "accepted");
    assert_eq!(r("R-02")["overdue"], true);
    assert_eq!(r("R-13")["overdue"], false, "closed risks are not overdue");
    let findings: Vec<(String, u64)> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["rule"].as_str().unwrap().to_string(), d["locations"][0]["line"].as_u64().unwrap()))
        .collect();
    let expected = [("overdue-response", 3), ("unplanned-risk", 4), ("overdue-response", 6), ("unplanned-risk", 10)];
    assert_eq!(findings, expected.map(|(r, l)| (r.to_string(), l)));
    assert!(v["diagnostics"].as_array().unwrap().iter().all(|d| d["severity"] == "warning"));
}

#[test]
fn human_output_shows_the_register_and_a_heat_map_readable_without_colour() {
    let o = run(&["examples/risks.csv"]);
    assert_eq!(o.code, 0);
    assert!(o.stdout.starts_with("運營管理部 風險登記冊 · 2025-12-19 · 14 項風險\n"), "{}", o.stdout);
    assert!(o.stdout.contains("重大 critical  4×5=20  R-01  核心供應商延遲交貨導致生產中斷\n"), "{}", o.stdout);
    assert!(o.stdout.contains("    風險管控主管 · 處理中 · 到期 2026-01-31 · S8 O6 D5 RPN 240 AP H\n"));
    assert!(o.stdout.contains("    風險管控主管 · 處理中 · 到期 2025-11-30 已逾期 · S7 O5 D6 RPN 210 AP M\n"));
    let map = "        1      2      3      4      5\n  5    M  ·   H  ·   H  ·   C  1   C  · \n  4    L  ·   M  ·   H  1   H  1   C  1 \n  3    L  ·   M  1   M  3   H  1   H  2 \n  2    L  ·   L  1   M  ·   M  1   H  1 \n  1    L  ·   L  ·   L  ·   L  ·   M  · \n";
    assert!(o.stdout.contains(map), "{}", o.stdout);
    assert!(o.stdout.contains("重大 critical 2 · 較大 high 6 · 一般 medium 5 · 低 low 1 · 已逾期 overdue 2\n"));
    assert!(o.stdout.ends_with("記錄: 讀取 14, 使用 14, 跳過 0\n"));
    assert!(!o.stdout.contains('\u{1b}'), "no colour codes with NO_COLOR");
    assert!(o.stderr.contains("warning[overdue-response]"), "{}", o.stderr);
    assert!(o.stderr.contains("--> examples/risks.csv:3: field 到期日 (due)"), "{}", o.stderr);
}

#[test]
fn colour_on_request() {
    let o = run(&["examples/risks.csv", "--lang", "en"]);
    assert!(o.stdout.contains("Heat map · rows: likelihood 5 → 1"));
    let c = Command::cargo_bin("opsroles")
        .unwrap()
        .current_dir(root())
        .env_remove("NO_COLOR")
        .args(["--today", "2025-12-19", "--color", "always", "risk", "examples/risks.csv"])
        .output()
        .unwrap();
    let out = String::from_utf8(c.stdout).unwrap();
    assert!(out.contains("\u{1b}[1m\u{1b}[97m\u{1b}[41m C  1 "), "critical cells on red");
}

#[test]
fn markdown_csv_and_output_file() {
    let o = run(&["examples/risks.csv", "--format", "markdown"]);
    assert!(o.stdout.contains("| **5** | M · | H · | H · | **C 1** | C · |\n"), "{}", o.stdout);
    assert!(o.stdout.contains("| R-01 |"));
    let o = run(&["examples/risks.csv", "--format", "csv"]);
    let mut lines = o.stdout.lines();
    assert_eq!(
        lines.next(),
        Some("id,title,owner,category,likelihood,impact,score,level,severity,occurrence,detection,rpn,action_priority,status,response,due,overdue")
    );
    assert_eq!(
        lines.next(),
        Some("R-01,核心供應商延遲交貨導致生產中斷,risk-supervisor,供應鏈中斷,4,5,20,critical,8,6,5,240,H,mitigating,尋找備用供應商並簽訂框架協議,2026-01-31,false")
    );
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("r.json");
    let o = run(&["examples/risks.csv", "--format", "json", "-o", out.to_str().unwrap()]);
    assert_eq!((o.code, o.stdout.as_str()), (0, ""));
    let v: Value = serde_json::from_str(&std::fs::read_to_string(out).unwrap()).unwrap();
    assert_eq!(v["risks"].as_array().unwrap().len(), 14);
}

#[test]
fn fail_on_gates_ci() {
    assert_eq!(run(&["examples/risks.csv", "--fail-on", "critical"]).code, 1);
    assert_eq!(run(&["examples/risks.csv", "--fail-on", "overdue"]).code, 1);
    let (_d, p) = register(&format!("{HEAD}R1,a,運營總監,2,2,,,,open,x,2026-01-01\nR2,b,運營總監,5,5,,,,closed,x,\n"));
    let p = p.to_str().unwrap();
    assert_eq!(run(&[p]).code, 0);
    assert_eq!(run(&[p, "--fail-on", "high,critical,overdue"]).code, 0, "a closed critical risk does not fail");
}

#[test]
fn rpn_mode_and_custom_levels() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("opsroles.yaml");
    std::fs::write(
        &config,
        "risk:\n  fmea: rpn\n  rpn_threshold: 200\n  levels: {low: 1, medium: 4, high: 9, critical: 16}\n",
    )
    .unwrap();
    let v = json_of(&run_in(&root(), &config, &["examples/risks.csv", "--format", "json"]));
    let risks = v["risks"].as_array().unwrap();
    let r = |id: &str| risks.iter().find(|r| r["id"] == id).unwrap().clone();
    assert_eq!(r("R-01")["action_priority"], "H", "RPN 240 ≥ 200");
    assert_eq!(r("R-02")["action_priority"], "H", "RPN 210");
    assert_eq!(r("R-10")["action_priority"], "L", "RPN 162");
    assert_eq!(r("R-08")["level"], "critical", "16 under the custom bounds");
    assert_eq!(r("R-05")["level"], "high", "9");
}

#[test]
fn bad_rows_are_named_by_line_and_field_and_counted() {
    let text = format!(
        "{HEAD}R1,零,運營總監,0,3,,,,open,x,\n\
         R2,六,運營總監,6,3,,,,open,x,\n\
         R3,半,運營總監,2.5,3,,,,open,x,\n\
         R4,FMEA缺,運營總監,2,3,7,,,open,x,\n\
         R5,錯人,風險管控主任,2,3,,,,open,x,\n\
         R6,錯日,運營總監,2,3,,,,open,x,2025-02-30\n\
         R7,錯態,運營總監,2,3,,,,完成,x,\n\
         R8,,運營總監,2,3,,,,open,x,\n\
         R9,好,運營總監,2,3,,,,open,x,\n\
         R9,重複,運營總監,2,3,,,,open,x,\n\
         R10,十一,運營總監,2,3,11,1,1,open,x,\n"
    );
    let (_d, p) = register(&text);
    let o = run_in(_d.path(), &root().join("opsroles.yaml"), &[p.to_str().unwrap(), "--format", "json"]);
    assert_eq!(o.code, 1, "errors exit 1");
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
        ("bad-rating", 2, "可能性 (likelihood) `0` is out of range: a rating is a whole number from 1 to 5"),
        ("bad-rating", 3, "可能性 (likelihood) `6` is out of range: a rating is a whole number from 1 to 5"),
        ("bad-rating", 4, "可能性 (likelihood) `2.5` is not a whole number: a rating is a whole number from 1 to 5"),
        (
            "bad-rating",
            5,
            "FMEA needs all three ratings (severity, occurrence, detection) or none; this risk gives only 嚴重度 (severity)",
        ),
        ("unknown-owner", 6, "負責崗位 (owner) `風險管控主任` is no role's id or title"),
        ("bad-date", 7, "到期日 (due) `2025-02-30` is not a date (write YYYY-MM-DD)"),
        (
            "unknown-status",
            8,
            "狀態 (status) `完成` is none of open 未處理, mitigating 處理中, closed 已關閉, accepted 已接受",
        ),
        ("missing-field", 9, "風險 (title) is empty"),
        ("duplicate-risk", 11, "risk `R9` is listed twice; the second is left out"),
        ("bad-rating", 12, "嚴重度 (severity) `11` is out of range: a rating is a whole number from 1 to 10"),
    ];
    assert_eq!(got, want.map(|(r, l, m)| (r.to_string(), l, m.to_string())));
    assert_eq!(v["risks"].as_array().unwrap().len(), 1, "only R9 is used");
    let owner = &v["diagnostics"][4];
    assert_eq!(owner["locations"][0]["file"], "risks.csv");
    let o = run_in(_d.path(), &root().join("opsroles.yaml"), &[p.to_str().unwrap()]);
    assert!(o.stdout.ends_with(
        "記錄: 讀取 11, 使用 1, 跳過 10 (missing-field 1, bad-date 1, bad-rating 5, unknown-status 1, unknown-owner 1, duplicate-risk 1)\n"
    ), "{}", o.stdout);
    assert!(o.stderr.contains("did you mean `風險管控主管` (risk-supervisor)?"), "{}", o.stderr);
    assert!(o.stderr.contains("--> risks.csv:6: field 負責崗位 (owner)"), "{}", o.stderr);
}

#[test]
fn a_register_without_a_required_column_is_refused() {
    let (_d, p) = register("編號,風險,負責崗位,可能性\nR1,a,運營總監,3\n");
    let o = run(&[p.to_str().unwrap()]);
    assert_eq!(o.code, 2);
    assert!(
        o.stderr.contains(":1: no impact (影響, 影響程度) column; the headers are: 編號, 風險, 負責崗位, 可能性"),
        "{}",
        o.stderr
    );
    assert_eq!(o.stdout, "");
}

#[test]
fn gb18030_and_big5_registers() {
    let simplified = "编号,风险,负责岗位,可能性,影响,状态\nR1,供应链中断,风险管控主管,4,5,处理中\n";
    let traditional = "編號,風險,負責崗位,可能性,影響,狀態\nR1,供應鏈中斷,風險管控主管,4,5,處理中\n";
    for bytes in
        [encoding_rs::GB18030.encode(simplified).0.into_owned(), encoding_rs::BIG5.encode(traditional).0.into_owned()]
    {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("r.csv");
        std::fs::write(&p, bytes).unwrap();
        let v = json_of(&run(&[p.to_str().unwrap(), "--format", "json"]));
        assert_eq!(v["risks"][0]["owner"], "risk-supervisor");
        assert_eq!(v["risks"][0]["level"], "critical");
        assert_eq!(v["risks"][0]["status"], "mitigating");
    }
}

#[test]
fn a_yaml_register_reads_like_a_csv_one() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("risks.yaml");
    std::fs::write(
        &p,
        "# 風險登記冊\n- 編號: R-01\n  風險: 核心供應商延遲交貨\n  負責崗位: 風險管控主管\n  可能性: 4\n  影響: 5\n  嚴重度: 8\n  發生度: 6\n  探測度: 5\n\
         - id: R-02\n  title: 政策變化\n  owner: operations-director\n  likelihood: 2.5\n  impact: 5\n",
    )
    .unwrap();
    let o = run(&[p.to_str().unwrap(), "--format", "json"]);
    assert_eq!(o.code, 1, "R-02's rating is bad");
    let v = json_of(&o);
    assert_eq!(v["risks"][0]["action_priority"], "H");
    assert_eq!(v["risks"][0]["owner"], "risk-supervisor");
    let d = v["diagnostics"].as_array().unwrap().iter().find(|d| d["rule"] == "bad-rating").unwrap();
    assert_eq!(d["locations"][0]["line"], 10, "the line its record starts on");
    assert_eq!(d["message"], "可能性 (likelihood) `2.5` is not a whole number: a rating is a whole number from 1 to 5");
}
