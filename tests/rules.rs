//! Every rule of SPEC 2.1 against fixtures: each `tests/fixtures/rules/RULE/bad`
//! must report RULE at exactly the lines marked `# expect: RULE` in its files
//! (file:line of the primary location), and each `good` twin must not report
//! RULE at all and must pass `check`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

const TODAY: &str = "2026-11-26";

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules")
}

fn check_json(dir: &Path) -> (i32, Value) {
    let out = Command::cargo_bin("opsroles")
        .unwrap()
        .current_dir(dir)
        .args(["check", "--format", "json", "--today", TODAY])
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!("{}: not JSON ({e}); stderr: {}", dir.display(), String::from_utf8_lossy(&out.stderr))
    });
    (out.status.code().unwrap(), json)
}

fn yaml_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            yaml_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "yaml") {
            out.push(p);
        }
    }
}

/// (rule, "file:line") → count, from `# expect: a, b` markers.
fn expected(dir: &Path) -> BTreeMap<(String, String), usize> {
    let mut files = Vec::new();
    yaml_files(dir, &mut files);
    let mut want = BTreeMap::new();
    for f in files {
        let rel = f.strip_prefix(dir).unwrap().to_string_lossy().replace('\\', "/");
        for (i, line) in std::fs::read_to_string(&f).unwrap().lines().enumerate() {
            if let Some((_, rules)) = line.split_once("# expect:") {
                for rule in rules.split(',') {
                    *want.entry((rule.trim().to_string(), format!("{rel}:{}", i + 1))).or_default() += 1;
                }
            }
        }
    }
    want
}

fn actual(json: &Value, rules: &[String]) -> BTreeMap<(String, String), usize> {
    let mut got = BTreeMap::new();
    for d in json["diagnostics"].as_array().unwrap() {
        let rule = d["rule"].as_str().unwrap().to_string();
        if !rules.contains(&rule) {
            continue;
        }
        let loc = &d["locations"][0];
        let at = format!("{}:{}", loc["file"].as_str().unwrap(), loc["line"]);
        *got.entry((rule, at)).or_default() += 1;
    }
    got
}

fn rule_dirs() -> Vec<String> {
    let mut rules: Vec<String> =
        std::fs::read_dir(fixtures()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    rules.sort();
    rules
}

#[test]
fn every_rule_has_a_fixture_pair() {
    let dirs = rule_dirs();
    for rule in opsroles::diag::Code::rules() {
        assert!(dirs.contains(&rule.id().to_string()), "no fixture for {rule}");
        assert!(fixtures().join(rule.id()).join("good").is_dir());
    }
}

#[test]
fn bad_fixtures_report_exactly_the_marked_lines() {
    for rule in rule_dirs() {
        let dir = fixtures().join(&rule).join("bad");
        let want = expected(&dir);
        assert!(want.keys().any(|(r, _)| *r == rule), "{rule}: the bad fixture marks no `# expect: {rule}`");
        let mut rules: Vec<String> = want.keys().map(|(r, _)| r.clone()).collect();
        rules.dedup();
        let (code, json) = check_json(&dir);
        assert_eq!(actual(&json, &rules), want, "{rule}: findings differ from the markers\n{json:#}");
        let severity_error = json["diagnostics"].as_array().unwrap().iter().any(|d| d["severity"] == "error");
        assert_eq!(code, if severity_error { 1 } else { 0 }, "{rule}: exit code");
    }
}

#[test]
fn good_fixtures_pass_without_the_rule() {
    for rule in rule_dirs() {
        let dir = fixtures().join(&rule).join("good");
        let (code, json) = check_json(&dir);
        let hits: Vec<&Value> =
            json["diagnostics"].as_array().unwrap().iter().filter(|d| d["rule"] == rule.as_str()).collect();
        assert!(hits.is_empty(), "{rule}: the good fixture reports it: {hits:#?}");
        assert_eq!(code, 0, "{rule}: the good fixture fails check:\n{json:#}");
    }
}

/// Each entry of `check::rules::ALL` names the code its rule reports, so a
/// gate that runs only some rules (`score` runs the KPI rules alone) finds
/// exactly what a full `check` finds of those codes: on every rule's bad
/// fixture, the rule run alone gives the full run's findings of its code.
#[test]
fn each_rule_alone_finds_what_the_full_check_finds_of_its_code() {
    use opsroles::check::{rules, run, run_rules, Levels, Options};
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
    let opts = Options { levels: Levels::default(), deny_warnings: false, today, waivers: false };
    let mut tried = 0;
    for (code, _) in rules::ALL {
        let dir = fixtures().join(code.id()).join("bad");
        assert!(dir.is_dir(), "no bad fixture for {code}");
        let mut sources = opsroles::source::Sources::default();
        let config = opsroles::config::load(Some(&dir.join("opsroles.yaml")), &mut sources).unwrap();
        let org = opsroles::model::load::load_paths(std::slice::from_ref(&config.roles_dir), &mut sources).unwrap();
        let key = |d: &opsroles::diag::Diagnostic| format!("{} {:?} {}", d.code, d.spots, d.message);
        let full: Vec<String> =
            run(&org, &config, &sources, &opts).diagnostics.iter().filter(|d| d.code == *code).map(key).collect();
        let alone: Vec<String> = run_rules(&org, &config, &sources, &opts, |c| c == *code)
            .diagnostics
            .iter()
            .filter(|d| org.diagnostics.iter().all(|l| key(l) != key(d)))
            .map(key)
            .collect();
        assert!(!full.is_empty(), "{code}: the bad fixture finds nothing");
        assert_eq!(alone, full, "{code}");
        tried += 1;
    }
    assert_eq!(tried, rules::ALL.len());
}
