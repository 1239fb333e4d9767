//! Regression tests for the wrong answers the shared foundations fixed
//! (issue "One house for seven commands"): each test is named after the
//! defect it pins and fails on the code before the restructure.

mod common;
use common::{run, Out};

use std::path::{Path, PathBuf};

use serde_json::Value;

const CONFIG: &str = "functions:\n  ops: 運營\npartners:\n  biz: 業務部門\n";

/// A project of `roles` (file stem, YAML) with the minimal config.
fn project(roles: &[(&str, String)], config_extra: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("opsroles.yaml"), format!("{CONFIG}{config_extra}")).unwrap();
    std::fs::create_dir(dir.path().join("roles")).unwrap();
    for (stem, text) in roles {
        std::fs::write(dir.path().join("roles").join(format!("{stem}.yaml")), text).unwrap();
    }
    dir
}

/// A role with one duty, one authority and the given KPIs block.
fn role(id: &str, title_en: &str, kpis: &str) -> String {
    format!(
        "id: {id}\ntitle: 崗位{id}\ntitle_en: {title_en}\nduties:\n  - id: {id}-work\n    title: {id}的日常工作\n    function: ops\nauthority:\n  - id: {id}-approve\n    title: 審批{id}的專屬事項\nkpis:\n{kpis}"
    )
}

fn kpi(id: &str, metric: &str, weight: u32) -> String {
    format!("  - id: {id}\n    title: 指標{id}\n    metric: {metric}\n    unit: count\n    direction: higher\n    target: 10\n    weight: {weight}\n")
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

fn score_json(dir: &Path, file: &str, extra: &[&str]) -> (Out, Value) {
    let mut args = vec!["score", file, "--format", "json"];
    args.extend_from_slice(extra);
    let o = run(dir, &args);
    let v = serde_json::from_str(&o.stdout).unwrap_or(Value::Null);
    (o, v)
}

/// Roles `alpha` (title_en "Beta") and `beta`: rows naming `beta` were scored
/// as `alpha` (first come, first served in one folded map), exit 0.
#[test]
fn rows_go_to_the_wrong_role() {
    let dir = project(
        &[("alpha", role("alpha", "Beta", &kpi("k", "m", 100))), ("beta", role("beta", "Gamma", &kpi("k", "m", 100)))],
        "",
    );
    write(dir.path(), "x.csv", "period,person,role,metric,value\n2026-07,甲,beta,m,5\n2026-07,乙,Beta,m,10\n");
    let (o, doc) = score_json(dir.path(), "x.csv", &[]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let roles: Vec<(&str, &str, f64)> = doc["scorecards"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["entity"].as_str().unwrap(), c["role"].as_str().unwrap(), c["score"].as_f64().unwrap()))
        .collect();
    // 甲 named the exact id `beta`; 乙 the folded id `Beta` — both are beta.
    // (5 of target 10, no threshold: 100·5/10 = 50; 10 meets the target: 100.)
    assert_eq!(roles, vec![("乙", "beta", 100.0), ("甲", "beta", 50.0)]);
    // `check` warns that the names collide.
    let c = run(dir.path(), &["check", "--format", "json"]);
    assert!(c.stdout.contains("\"rule\": \"duplicate-title\""), "{}", c.stdout);
}

/// Four roles sharing `title_en: Rounding probe`: a name that folds to two
/// roles at its best tier is skipped as `ambiguous-name`, both named, and
/// `--strict` fails — never credited to one of them.
#[test]
fn rows_go_to_the_wrong_role_ambiguous_names_are_skipped() {
    let roles: Vec<(&str, String)> =
        ["lower", "upper"].iter().map(|id| (*id, role(id, "Rounding probe", &kpi("k", "m", 100)))).collect();
    let dir = project(&roles, "");
    write(
        dir.path(),
        "x.csv",
        "period,person,role,metric,value\n2026-07,甲,upper,m,5\n2026-07,乙,rounding probe,m,10\n",
    );
    let (o, doc) = score_json(dir.path(), "x.csv", &[]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert_eq!(doc["rows"]["skipped_by_reason"]["ambiguous-name"], 1);
    assert_eq!(doc["scorecards"].as_array().unwrap().len(), 1);
    assert!(
        o.stderr
            .contains("`rounding probe` (role): 1 row, x.csv:3; it could be 崗位lower (lower) and 崗位upper (upper)"),
        "{}",
        o.stderr
    );
    assert_eq!(run(dir.path(), &["score", "x.csv", "--strict"]).code, 1);
}

/// A waiver on `kpi-metric` plus a KPI without a metric: `score` panicked
/// (index out of bounds), or with a third KPI credited `m2`'s value to
/// `k-third`, exit 0. The score gate now ignores waivers.
#[test]
fn a_waiver_makes_score_panic_or_credit_the_wrong_kpi() {
    let kpis = format!(
        "{}  - id: k-none\n    title: 無指標\n    unit: count\n    direction: higher\n    target: 10\n    weight: 30\n{}",
        kpi("k1", "m1", 40),
        kpi("k-third", "m2", 30)
    );
    let waiver =
        "waivers:\n  - rule: kpi-metric\n    items: [k-none]\n    reason: 數據源建設中\n    expires: 2099-12-31\n";
    let dir = project(&[("alpha", role("alpha", "Alpha", &kpis))], waiver);
    write(dir.path(), "x.csv", "period,person,role,metric,value\n2026-07,甲,alpha,m1,5\n2026-07,甲,alpha,m2,10\n");
    // check honours the waiver...
    assert_eq!(run(dir.path(), &["check", "--today", "2026-11-26"]).code, 0);
    // ...score does not: a KPI it cannot score stops it, naming why.
    // (score takes no --today: it ignores waivers, so no date matters.)
    let o = run(dir.path(), &["score", "x.csv"]);
    assert_eq!(o.code, 2, "{}{}", o.stdout, o.stderr);
    assert!(!o.stderr.contains("panicked"), "{}", o.stderr);
    assert!(o.stderr.contains("error[kpi-metric]") && o.stderr.contains("roles/alpha.yaml"), "{}", o.stderr);
}

/// Wide export `m1,idle,total` with rows `5,3,0` and `6,1,10`: both rows
/// used (m1 has values) were moved to `zero-denominator`, line 2 listed twice,
/// "no row gave a value", exit 1 — while the cards showed m1.
#[test]
fn wide_exports_a_ratio_kpi_moves_used_rows_to_skipped() {
    let kpis = format!(
        "{}  - id: idle-rate\n    title: 閑置率\n    ratio: {{numerator: idle, denominator: total}}\n    unit: percent\n    direction: lower\n    target: 20\n    weight: 50\n",
        kpi("k1", "m1", 50)
    );
    let dir = project(&[("alpha", role("alpha", "Alpha", &kpis))], "");
    write(dir.path(), "w.csv", "period,person,role,m1,idle,total\n2026-07,甲,alpha,5,3,0\n2026-08,甲,alpha,6,1,10\n");
    let (o, doc) = score_json(dir.path(), "w.csv", &[]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert_eq!(doc["rows"]["read"], 2);
    assert_eq!(doc["rows"]["used"], 2, "{}", doc["rows"]);
    assert_eq!(doc["rows"]["skipped"], 0);
    let card = &doc["scorecards"][0];
    // m1 summed (count): 11 ≥ target 10 → 100. idle/total = 4/10 = 40 % on
    // target 20 (lower, no threshold): 100·20/40 = 50. Total (50·100 + 50·50)/100 = 75.
    assert_eq!(card["kpis"][0]["value"], 11);
    assert_eq!(card["kpis"][1]["value"], 40);
    assert_eq!(card["score"], 75);
    // With only the zero-denominator row, the ratio rows are skipped as such, once each.
    write(dir.path(), "z.csv", "period,person,role,idle,total\n2026-07,甲,alpha,3,0\n");
    let (o, doc) = score_json(dir.path(), "z.csv", &[]);
    assert_eq!(
        (doc["rows"]["used"].clone(), doc["rows"]["skipped_by_reason"]["zero-denominator"].clone()),
        (0.into(), 1.into()),
        "{}",
        o.stderr
    );
    assert_eq!(o.stderr.matches("z.csv:2").count(), 1, "{}", o.stderr);
}

/// `grades: {S: 1e40, …}` graded every card S (even 50): a value that cannot
/// be used is an error at its line, exit 2.
#[test]
fn config_values_silently_become_defaults() {
    let dir = project(
        &[("alpha", role("alpha", "Alpha", &kpi("k", "m", 100)))],
        "scoring:\n  grades: {S: 1e40, A: 100, B: 80, C: 60}\n",
    );
    write(dir.path(), "x.csv", "period,person,role,metric,value\n2026-07,甲,alpha,m,5\n");
    let o = run(dir.path(), &["score", "x.csv"]);
    assert_eq!(o.code, 2, "{}", o.stdout);
    assert!(o.stderr.contains("error[schema]: grade `S` must be a score from 0 to 1000"), "{}", o.stderr);
    assert!(o.stderr.contains("opsroles.yaml:6:"), "{}", o.stderr);
    let dir =
        project(&[("alpha", role("alpha", "Alpha", &kpi("k", "m", 100)))], "risk:\n  levels: {low: 30, high: 2}\n");
    assert_eq!(run(dir.path(), &["check"]).code, 2);
}

/// A UTF-8 export with one pasted GB18030 line was "read as windows-1252",
/// every name garbled, a phantom person scoring 120, exit 0.
#[test]
fn encoding_detection_guesses_western_and_cyrillic_code_pages() {
    let dir = project(&[("alpha", role("alpha", "Alpha", &kpi("k", "m", 100)))], "");
    let mut bytes = "期間,員工,崗位,指標,數值\n2026-07,張偉,alpha,m,5\n".as_bytes().to_vec();
    bytes.extend(encoding_rs::GB18030.encode("2026-08,李娜,alpha,m,12\n").0.iter());
    std::fs::write(dir.path().join("mixed.csv"), &bytes).unwrap();
    let o = run(dir.path(), &["score", "mixed.csv"]);
    assert_eq!(o.code, 2, "{}", o.stdout);
    assert!(
        o.stderr.contains("mixed.csv:3: the file is UTF-8 before this line but this line is gb18030"),
        "{}",
        o.stderr
    );
    // A small GB18030 file reads as GB18030, not as a Cyrillic code page.
    let gb = encoding_rs::GB18030.encode("员工,岗位,指标,数值\n张伟,alpha,m,12\n").0.into_owned();
    std::fs::write(dir.path().join("gb.csv"), gb).unwrap();
    let (o, doc) = score_json(dir.path(), "gb.csv", &[]);
    assert_eq!(doc["scorecards"][0]["entity"], "张伟", "{}", o.stderr);
    assert!(o.stderr.contains("gb.csv: read as gb18030"), "{}", o.stderr);
}

/// JSON lost digits: `12345678901234.5678` was written `12345678901234.568`.
#[test]
fn json_loses_digits() {
    let dir = project(&[("alpha", role("alpha", "Alpha", &kpi("k", "m", 100)))], "");
    write(dir.path(), "x.csv", "period,person,role,metric,value\n2026-07,甲,alpha,m,12345678901234.5678\n");
    let o = run(dir.path(), &["score", "x.csv", "--format", "json"]);
    assert!(o.stdout.contains("\"value\": 12345678901234.5678"), "{}", o.stdout);
}

/// A CRLF export (as Excel on Windows writes) with a blank line: findings
/// name the lines the user sees in an editor (the csv crate's own line
/// numbers are off by one after every CRLF and blank line).
#[test]
fn crlf_exports_name_the_right_lines() {
    let dir = project(&[("alpha", role("alpha", "Alpha", &kpi("k", "m", 100)))], "");
    write(
        dir.path(),
        "x.csv",
        "period,person,role,metric,value\r\n2026-07,甲,alpha,m,5\r\n\r\n2026-07,乙,alpha,m,abc\r\n",
    );
    let o = run(dir.path(), &["score", "x.csv"]);
    assert!(o.stderr.contains("x.csv:4: `abc` is not a number"), "{}", o.stderr);
}

/// Run by git as the external diff driver with `--check` on a newly added
/// role file, it panicked in `source.rs`, and a finding of `opsroles.yaml:7`
/// was shown at `roles/alpha.yaml:9:6`.
#[test]
fn findings_point_at_the_wrong_file_and_the_diff_driver_panics() {
    let dir = project(
        &[("alpha", role("alpha", "Alpha", &kpi("k", "m", 100)))],
        "separation:\n  - items: [alpha-work, nothing-like-this]\n    reason: 分離\n",
    );
    let new = dir.path().join("roles/alpha.yaml");
    let args =
        ["diff", "--check", "roles/alpha.yaml", "/dev/null", ".", ".", new.to_str().unwrap(), "0123456", "100644"];
    let o = run(dir.path(), &args);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(!o.stderr.contains("panicked"), "{}", o.stderr);
    // The separation item unknown on the new side is a finding of the config.
    assert!(o.stdout.contains("--> opsroles.yaml:6:"), "{}", o.stdout);
    assert!(!o.stdout.contains("roles/alpha.yaml:6:"), "{}", o.stdout);
}
