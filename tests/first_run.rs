//! A new user's first run, as the README tells it: `opsroles init demo`,
//! then the printed next steps, word for word; `check` outside a project;
//! `check FILE` within its project; the names and punctuation people type.

mod common;
use common::run;

use std::path::Path;

/// The "done when": `opsroles init demo && cd demo && opsroles check
/// && opsroles score examples/q3.csv` works — running exactly the next steps
/// `init` prints.
#[test]
fn init_then_the_printed_next_steps_work_as_printed() {
    let tmp = tempfile::tempdir().unwrap();
    let o = run(tmp.path(), &["init", "demo"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let steps: Vec<&str> = o.stderr.split("next:\n").nth(1).expect("next steps").lines().map(str::trim).collect();
    assert_eq!(steps, vec!["cd demo", "opsroles check", "opsroles score examples/q3.csv"]);
    let mut dir = tmp.path().to_path_buf();
    for step in steps {
        let words: Vec<&str> = step.split(' ').collect();
        if words[0] == "cd" {
            dir = dir.join(words[1]);
            continue;
        }
        let o = run(&dir, &words[1..]);
        assert_eq!(o.code, 0, "`{step}` in {}: {}{}", dir.display(), o.stdout, o.stderr);
    }
    // The workbook example, and every example exists where the README says.
    for f in ["examples/q3.csv", "examples/q2.csv", "examples/q3-excel-gbk.csv", "examples/q3.xlsx"] {
        assert!(dir.join(f).is_file(), "{f}");
    }
    let a = run(&dir, &["score", "examples/q3.xlsx", "--format", "json"]);
    let b = run(&dir, &["score", "examples/q3.csv", "--format", "json"]);
    assert_eq!(a.stdout, b.stdout.replace("examples/q3.csv", "examples/q3.xlsx!2026Q3"));
}

#[test]
fn init_writes_schemas_and_every_yaml_names_its_schema() {
    let tmp = tempfile::tempdir().unwrap();
    assert_eq!(run(tmp.path(), &["init", "-q"]).code, 0);
    for entry in std::fs::read_dir(tmp.path().join("roles")).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        assert!(text.starts_with("# yaml-language-server: $schema=../schemas/role.schema.json\n"));
    }
    let config = std::fs::read_to_string(tmp.path().join("opsroles.yaml")).unwrap();
    assert!(config.starts_with("# yaml-language-server: $schema=schemas/config.schema.json\n"));
    for (kind, file) in [("role", "schemas/role.schema.json"), ("config", "schemas/config.schema.json")] {
        let written = std::fs::read_to_string(tmp.path().join(file)).unwrap();
        assert_eq!(run(tmp.path(), &["schema", kind]).stdout, written, "{file} is what `schema {kind}` prints");
    }
}

/// The committed schemas are the generated ones (CI also diffs them).
#[test]
fn committed_schemas_are_up_to_date_and_strict() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for kind in ["role", "config"] {
        let out = run(root, &["schema", kind]).stdout;
        let committed = std::fs::read_to_string(root.join(format!("schemas/{kind}.schema.json"))).unwrap();
        assert_eq!(out, committed, "run `opsroles schema {kind} -o schemas/{kind}.schema.json`");
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["$schema"], "https://json-schema.org/draft/2020-12/schema");
        assert_eq!(v["additionalProperties"], false, "deny_unknown_fields is visible");
    }
    let role: serde_json::Value = serde_json::from_str(&run(root, &["schema", "role"]).stdout).unwrap();
    assert_eq!(role["required"], serde_json::json!(["id", "title"]));
    assert_eq!(role["$defs"]["Kpi"]["additionalProperties"], false);
    assert_eq!(role["$defs"]["Unit"]["enum"][0], "percent");
}

#[test]
fn check_outside_a_project_says_what_to_do() {
    let tmp = tempfile::tempdir().unwrap();
    let o = run(tmp.path(), &["check"]);
    assert_eq!(o.code, 2);
    assert!(o.stderr.contains("no opsroles.yaml found here or above; run `opsroles init`"), "{}", o.stderr);
}

/// `check FILE` on one role file: against the rest of its project, not
/// alone (where every function other roles cover looks uncovered).
#[test]
fn check_one_file_within_its_project() {
    let tmp = tempfile::tempdir().unwrap();
    assert_eq!(run(tmp.path(), &["init", "-q", "demo"]).code, 0);
    let o = run(tmp.path(), &["check", "demo/roles/process-manager.yaml"]);
    assert_eq!((o.code, o.stdout.as_str()), (0, "0 errors, 0 warnings in 1 role\n"), "{}", o.stderr);
    // A problem in that file is still found, and one in another file is not shown.
    let pm = tmp.path().join("demo/roles/process-manager.yaml");
    let text = std::fs::read_to_string(&pm).unwrap().replace("reports_to: operations-director", "reports_to: ceo");
    std::fs::write(&pm, text).unwrap();
    let rc = tmp.path().join("demo/roles/resource-coordinator.yaml");
    let text = std::fs::read_to_string(&rc).unwrap().replace("reports_to: operations-director", "reports_to: coo");
    std::fs::write(&rc, text).unwrap();
    let o = run(tmp.path(), &["check", "demo/roles/process-manager.yaml"]);
    assert_eq!(o.code, 1);
    assert!(o.stdout.contains("`ceo`") && !o.stdout.contains("`coo`"), "{}", o.stdout);
    assert!(o.stdout.ends_with("1 error, 0 warnings in 1 role\n"), "{}", o.stdout);
}

/// Titles where ids belong, as people write them: a did-you-mean to the id.
#[test]
fn a_chinese_name_in_a_reference_suggests_the_id() {
    let tmp = tempfile::tempdir().unwrap();
    assert_eq!(run(tmp.path(), &["init", "-q"]).code, 0);
    let pm = tmp.path().join("roles/process-manager.yaml");
    let text = std::fs::read_to_string(&pm).unwrap();
    let text = text.replacen("consulted: [business, it]", "consulted: [財務部門, 运营总监]", 1);
    std::fs::write(&pm, text).unwrap();
    let o = run(tmp.path(), &["check"]);
    assert_eq!(o.code, 1);
    assert!(o.stdout.contains("did you mean `finance`? `財務部門` is its title; references use ids"), "{}", o.stdout);
    assert!(o.stdout.contains("did you mean `operations-director`? `运营总监` is its title"), "{}", o.stdout);
}

/// YAML typed with a Chinese input method: the message names the character.
#[test]
fn full_width_punctuation_is_named() {
    let tmp = tempfile::tempdir().unwrap();
    assert_eq!(run(tmp.path(), &["init", "-q"]).code, 0);
    let pm = tmp.path().join("roles/process-manager.yaml");
    let text = std::fs::read_to_string(&pm).unwrap().replacen("\ntitle: ", "\ntitle：", 1);
    std::fs::write(&pm, text).unwrap();
    let o = run(tmp.path(), &["check"]);
    assert_eq!(o.code, 1);
    assert!(o.stdout.contains("a full-width colon `：` (U+FF1A), typed with a Chinese input method"), "{}", o.stdout);
    let line = std::fs::read_to_string(&pm).unwrap().lines().position(|l| l.starts_with("title：")).unwrap() + 1;
    assert!(o.stdout.contains(&format!("roles/process-manager.yaml:{line}:6")), "{}", o.stdout);
}
