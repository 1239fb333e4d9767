//! `opsroles check` and `init` from the outside: the shipped roles, every
//! output format's structure, determinism, colour, `-o`, severities.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn snapshot_dir() -> PathBuf {
    root().join("tests/fixtures/snapshot")
}

fn opsroles(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("opsroles").unwrap();
    c.current_dir(dir).env_remove("NO_COLOR").env_remove("CLICOLOR_FORCE").args(["--today", "2026-11-26"]);
    c
}

fn stdout(dir: &Path, args: &[&str]) -> (i32, String) {
    let out = opsroles(dir).args(args).output().unwrap();
    (out.status.code().unwrap(), String::from_utf8(out.stdout).unwrap())
}

#[test]
fn shipped_roles_pass_check() {
    let (code, out) = stdout(&root(), &["check"]);
    assert_eq!(code, 0, "{out}");
    assert_eq!(out, "0 errors, 0 warnings in 5 roles\n");
}

#[test]
fn human_output_with_chinese_text() {
    let (code, out) = stdout(&snapshot_dir(), &["check", "--color", "never"]);
    assert_eq!(code, 1);
    insta::assert_snapshot!("human", out);
}

#[test]
fn json_has_the_documented_shape() {
    let (code, out) = stdout(&snapshot_dir(), &["check", "--format", "json"]);
    assert_eq!(code, 1);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["version"], 1);
    assert_eq!(v["summary"], serde_json::json!({"errors": 7, "warnings": 0, "roles": 2, "duties": 3}));
    let diags = v["diagnostics"].as_array().unwrap();
    assert_eq!(diags.len(), 7);
    for d in diags {
        assert!(["error", "warning"].contains(&d["severity"].as_str().unwrap()));
        assert!(d["rule"].as_str().unwrap().parse::<opsroles::diag::Code>().is_ok());
        assert!(d["message"].is_string() && d["roles"].is_array() && d["items"].is_array());
        for loc in d["locations"].as_array().unwrap() {
            assert!(
                loc["file"].is_string() && loc["line"].as_u64().unwrap() >= 1 && loc["column"].as_u64().unwrap() >= 1
            );
        }
    }
    let similar = diags.iter().find(|d| d["rule"] == "overlapping-duty").unwrap();
    assert_eq!(similar["roles"], serde_json::json!(["process-manager", "resource-coordinator"]));
    assert_eq!(similar["items"], serde_json::json!(["process-resource-needs", "resource-demand-collection"]));
    assert_eq!(
        similar["locations"][0],
        serde_json::json!({"file": "roles/process-manager.yaml", "line": 10, "column": 9})
    );
    assert_eq!(
        similar["locations"][1],
        serde_json::json!({"file": "roles/resource-coordinator.yaml", "line": 6, "column": 9})
    );
    let sep = diags.iter().find(|d| d["rule"] == "separation-of-duties").unwrap();
    assert_eq!(sep["locations"].as_array().unwrap().len(), 3, "each item held, and the config entry");
    assert_eq!(sep["locations"][2]["file"], "opsroles.yaml");
}

#[test]
fn sarif_has_what_code_scanning_needs() {
    let (_, out) = stdout(&snapshot_dir(), &["check", "--format", "sarif"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["version"], "2.1.0");
    let run = &v["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), opsroles::diag::Code::rules().count());
    for r in rules {
        assert!(r["shortDescription"]["text"].as_str().unwrap().len() > 10);
        assert!(["error", "warning"].contains(&r["defaultConfiguration"]["level"].as_str().unwrap()));
    }
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 7);
    for res in results {
        let idx = res["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[idx]["id"], res["ruleId"]);
        assert!(res["message"]["text"].is_string());
        assert_eq!(res["partialFingerprints"]["opsroles/v1"].as_str().unwrap().len(), 16);
        let loc = &res["locations"][0]["physicalLocation"];
        assert!(loc["artifactLocation"]["uri"].as_str().unwrap().ends_with(".yaml"));
        assert!(loc["region"]["startLine"].as_u64().unwrap() >= 1);
    }
}

#[test]
fn sarif_fingerprints_survive_moved_lines() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&snapshot_dir(), dir.path());
    let fingerprints = |dir: &Path| -> Vec<(String, String, u64)> {
        let (_, out) = stdout(dir, &["check", "--format", "sarif"]);
        let v: Value = serde_json::from_str(&out).unwrap();
        let mut fp: Vec<_> = v["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                let fp = r["partialFingerprints"]["opsroles/v1"].as_str().unwrap().to_string();
                let line = r["locations"][0]["physicalLocation"]["region"]["startLine"].as_u64().unwrap();
                (r["ruleId"].as_str().unwrap().to_string(), fp, line)
            })
            .collect();
        fp.sort();
        fp
    };
    let before = fingerprints(dir.path());
    let file = dir.path().join("roles/process-manager.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, format!("# 新增的說明\n# 第二行\n{text}")).unwrap();
    let after = fingerprints(dir.path());
    let key = |v: &[(String, String, u64)]| v.iter().map(|(r, f, _)| (r.clone(), f.clone())).collect::<Vec<_>>();
    assert_eq!(key(&before), key(&after), "fingerprints changed");
    assert_ne!(before, after, "the lines did move");
}

#[test]
fn junit_is_one_testcase_per_rule_that_ran() {
    // The overlap as a warning, to see where warnings go.
    let (_, out) = stdout(
        &snapshot_dir(),
        &["check", "--format", "junit", "--allow", "raci-conflict", "--warn", "overlapping-duty"],
    );
    let doc = roxmltree::Document::parse(&out).unwrap();
    let cases: Vec<_> = doc.descendants().filter(|n| n.has_tag_name("testcase")).collect();
    assert_eq!(cases.len(), opsroles::diag::Code::rules().count() - 1);
    assert!(!cases.iter().any(|c| c.attribute("name") == Some("raci-conflict")));
    let failures: Vec<_> = doc.descendants().filter(|n| n.has_tag_name("failure")).collect();
    assert_eq!(failures.len(), 6, "one <failure> per error");
    let unknown = cases.iter().find(|c| c.attribute("name") == Some("unknown-reference")).unwrap();
    let f: Vec<_> = unknown.children().filter(|n| n.has_tag_name("failure")).collect();
    assert_eq!(f.len(), 2);
    assert!(f[0].attribute("message").unwrap().contains("operations-directer"));
    assert!(f[0].text().unwrap().contains("roles/resource-coordinator.yaml:4:13"));
    let similar = cases.iter().find(|c| c.attribute("name") == Some("overlapping-duty")).unwrap();
    let system_out = similar.children().find(|n| n.has_tag_name("system-out")).unwrap();
    assert!(system_out.text().unwrap().contains("流程優化資源需求"), "warnings go to system-out");
    let suite = doc.descendants().find(|n| n.has_tag_name("testsuite")).unwrap();
    assert_eq!(suite.attribute("failures"), Some("5"), "failed testcases (rules with errors)");
}

#[test]
fn github_prints_workflow_commands_and_nothing_else() {
    let (_, out) = stdout(&snapshot_dir(), &["check", "--format", "github"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 7);
    assert!(lines.iter().all(|l| l.starts_with("::error ") || l.starts_with("::warning ")));
    assert!(lines.contains(&"::error file=roles/resource-coordinator.yaml,line=4,col=13,title=unknown-reference::`reports_to` in `resource-coordinator` names unknown role `operations-directer`"));
}

#[test]
fn every_format_is_byte_identical_across_runs() {
    for format in ["human", "json", "github", "sarif", "junit"] {
        let a = stdout(&snapshot_dir(), &["check", "--format", format]);
        let b = stdout(&snapshot_dir(), &["check", "--format", format]);
        assert_eq!(a, b, "{format}");
    }
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let (_, piped) = stdout(&snapshot_dir(), &["check"]);
    assert!(!piped.contains('\u{1b}'), "no colour into a pipe");
    let (_, forced) = stdout(&snapshot_dir(), &["check", "--color", "always"]);
    assert!(forced.contains("\u{1b}["), "colour when forced");
    let out = opsroles(&snapshot_dir()).env("NO_COLOR", "1").args(["check"]).output().unwrap();
    assert!(!String::from_utf8(out.stdout).unwrap().contains('\u{1b}'));
}

#[test]
fn output_file_is_written_whole_and_stdout_stays_empty() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("report.sarif");
    let out = opsroles(&snapshot_dir())
        .args(["check", "--format", "sarif", "--color", "always", "-o"])
        .arg(&target)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let text = std::fs::read_to_string(&target).unwrap();
    assert!(serde_json::from_str::<Value>(&text).is_ok());
    // No temporary files left beside it.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn output_into_a_missing_directory_fails_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("no/such/dir/report.json");
    let out = opsroles(&snapshot_dir()).args(["check", "--format", "json", "-o"]).arg(&target).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("report.json"));
    assert!(!target.exists());
}

#[test]
fn severities_from_the_command_line() {
    let dir = snapshot_dir();
    let count = |args: &[&str]| -> (i32, u64, u64) {
        let mut all = vec!["check", "--format", "json"];
        all.extend_from_slice(args);
        let (code, out) = stdout(&dir, &all);
        let v: Value = serde_json::from_str(&out).unwrap();
        (code, v["summary"]["errors"].as_u64().unwrap(), v["summary"]["warnings"].as_u64().unwrap())
    };
    // The report's overlap example is the same work: an error by default.
    assert_eq!(count(&[]), (1, 7, 0));
    assert_eq!(count(&["--warn", "overlapping-duty"]), (1, 6, 1));
    assert_eq!(count(&["--allow", "overlapping-duty"]), (1, 6, 0));
    assert_eq!(count(&["--warn", "overlapping-duty", "--deny-warnings"]), (1, 7, 0));
    let all_errors =
        "uncovered-function,separation-of-duties,ownerless-duty,unknown-reference,kpi-weights,overlapping-duty";
    assert_eq!(count(&["--warn", all_errors]), (0, 0, 7));
    assert_eq!(count(&["--warn", all_errors, "--deny-warnings"]), (1, 7, 0));
    assert_eq!(count(&["--allow", all_errors]), (0, 0, 0));
}

#[test]
fn config_rules_set_severities() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&snapshot_dir(), dir.path());
    let cfg = dir.path().join("opsroles.yaml");
    let text = std::fs::read_to_string(&cfg).unwrap();
    std::fs::write(&cfg, format!("{text}rules:\n  similar-duty: error\n  kpi-weights: off\n")).unwrap();
    let (_, out) = stdout(dir.path(), &["check", "--format", "json"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["summary"]["errors"], 6);
    assert_eq!(v["summary"]["warnings"], 0);
    assert!(!out.contains("kpi-weights"));
}

#[test]
fn global_flags_go_before_or_after_the_subcommand() {
    let a = Command::cargo_bin("opsroles")
        .unwrap()
        .current_dir(snapshot_dir())
        .args(["--color", "never", "check", "-q"])
        .output()
        .unwrap();
    let b = Command::cargo_bin("opsroles")
        .unwrap()
        .current_dir(snapshot_dir())
        .args(["check", "-q", "--color", "never"])
        .output()
        .unwrap();
    assert_eq!(a.stdout, b.stdout);
    assert_eq!(a.status.code(), Some(1));
}

#[test]
fn init_writes_the_seed_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("新部門");
    // `init` refuses `--today`, which it would ignore: no helper here.
    let init = || Command::cargo_bin("opsroles").unwrap().current_dir(dir.path()).arg("init").arg(&target).output();
    let out = init().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    for (rel, bytes) in opsroles::embedded::FILES {
        assert_eq!(&std::fs::read(target.join(rel)).unwrap(), bytes);
    }
    // The written department passes its own gate.
    let (code, out) = stdout(&target, &["check"]);
    assert_eq!((code, out.as_str()), (0, "0 errors, 0 warnings in 5 roles\n"));
    // A second init changes nothing.
    std::fs::write(target.join("roles/process-manager.yaml"), "# HR's edits\n").unwrap();
    let out = init().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("refusing to overwrite"));
    assert_eq!(std::fs::read_to_string(target.join("roles/process-manager.yaml")).unwrap(), "# HR's edits\n");
}

#[test]
fn init_refuses_when_any_one_file_exists_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("opsroles.yaml"), "department: 既有\n").unwrap();
    let out = Command::cargo_bin("opsroles").unwrap().current_dir(dir.path()).arg("init").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("refusing to overwrite existing files: opsroles.yaml"));
    assert!(!dir.path().join("roles").exists());
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        if e.path().is_dir() {
            copy_dir(&e.path(), &to.join(e.file_name()));
        } else {
            std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}
