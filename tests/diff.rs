//! `opsroles diff` against real git repositories made in temporary
//! directories: moves, rewordings, weights, roles added and removed, R/C/I
//! edits, no change; the formats; revisions that could pass for options;
//! git's external diff driver.

mod support;

use std::path::Path;
use std::process::Command as Proc;

use assert_cmd::Command;
use serde_json::{json, Value};
use support::{bin, changes, changes_full, commit, cut_duty, diff, edit, git, repo};

#[test]
fn a_moved_duty_and_a_reweighted_kpi_are_exactly_what_is_reported() {
    let r = repo();
    let d = r.path();
    let mut block = String::new();
    edit(d, "roles/process-manager.yaml", |t| {
        let (rest, b) = cut_duty(&t, "process-monitoring");
        block = b;
        // Swap two weights: 流程效率提升率 30 → 25, 流程標準化率 25 → 30.
        rest.replace("    weight: 30\n  - id: sop-coverage", "    weight: 25\n  - id: sop-coverage")
            .replace("    weight: 25\n  - id: business-satisfaction", "    weight: 30\n  - id: business-satisfaction")
    });
    edit(d, "roles/resource-coordinator.yaml", |t| t.replacen("\nauthority:", &format!("\n{block}authority:"), 1));
    commit(d, "move monitoring; reweight");
    let c = changes(d, &["HEAD~1", "HEAD"]);
    assert_eq!(
        c,
        vec![
            json!({"kind": "kpi-changed", "role": "process-manager", "item": "process-efficiency-gain", "field": "weight", "before": "30", "after": "25"}),
            json!({"kind": "kpi-changed", "role": "process-manager", "item": "sop-coverage", "field": "weight", "before": "25", "after": "30"}),
            json!({"kind": "duty-moved", "role": "resource-coordinator", "item": "process-monitoring", "from_role": "process-manager", "to_role": "resource-coordinator"}),
        ]
    );
    // Every id has its title beside it.
    let full = changes_full(d, &["HEAD~1", "HEAD"]);
    assert_eq!((&full[0]["role_title"], &full[0]["title"]), (&json!("流程管理經理"), &json!("流程效率提升率")));
    assert_eq!(
        (&full[2]["from_role_title"], &full[2]["to_role_title"]),
        (&json!("流程管理經理"), &json!("資源協調專員"))
    );
    // The same in the other two formats, in the names people know.
    let human = diff(d, &["HEAD~1", "HEAD"]).stdout;
    assert!(
        human.contains(
            "→ duty 流程監控 (process-monitoring) moved from 流程管理經理 (process-manager) to 資源協調專員 (resource-coordinator)"
        ),
        "{human}"
    );
    assert!(human.contains("~ KPI 流程效率提升率 (process-efficiency-gain) weight: 30 → 25"), "{human}");
    assert!(human.ends_with("3 changes\n"), "{human}");
    let md = diff(d, &["HEAD~1", "HEAD", "--format", "markdown"]).stdout;
    assert!(
        md.contains("| → | duty-moved | 流程監控 \\(process-monitoring\\) | owner | 流程管理經理 \\(process-manager\\) → 資源協調專員 \\(resource-coordinator\\) |"),
        "{md}"
    );
    assert!(
        md.contains("| ~ | kpi-changed | 流程效率提升率 \\(process-efficiency-gain\\) | weight | 30 → 25 |"),
        "{md}"
    );
}

#[test]
fn a_reworded_title_in_chinese_markdown_checked_by_eye() {
    let r = repo();
    let d = r.path();
    edit(d, "roles/process-manager.yaml", |t| t.replace("    title: 流程梳理\n", "    title: 流程調研與梳理\n"));
    edit(d, "roles/risk-supervisor.yaml", |t| t.replace("title: 風險管控主管\n", "title: 風險管理|內控主管\n"));
    commit(d, "reword");
    let md = diff(d, &["HEAD~1", "HEAD", "--format", "markdown"]).stdout;
    insta::assert_snapshot!("diff_markdown", md);
}

#[test]
fn roles_added_and_removed() {
    let r = repo();
    let d = r.path();
    std::fs::remove_file(d.join("roles/risk-supervisor.yaml")).unwrap();
    std::fs::write(
        d.join("roles/quality-auditor.yaml"),
        "id: quality-auditor\ntitle: 質量稽核專員\nreports_to: operations-director\nduties:\n  - id: quality-audit\n    title: 質量稽核\n    function: risk\nauthority:\n  - id: stop-release\n    title: 叫停不合格流程\nkpis:\n  - id: audit-coverage\n    title: 稽核覆蓋率\n    metric: audit_coverage\n    unit: percent\n    direction: higher\n    target: 90\n    weight: 100\n",
    )
    .unwrap();
    commit(d, "replace the risk supervisor");
    let c = changes(d, &["HEAD~1", "HEAD"]);
    let kinds: Vec<(&str, &str, Option<&str>)> =
        c.iter().map(|x| (x["kind"].as_str().unwrap(), x["role"].as_str().unwrap(), x["item"].as_str())).collect();
    assert_eq!(
        kinds,
        vec![
            ("role-added", "quality-auditor", None),
            ("duty-added", "quality-auditor", Some("quality-audit")),
            // Removed roles come last, their duties in the order of their file.
            ("role-removed", "risk-supervisor", None),
            ("duty-removed", "risk-supervisor", Some("risk-identification")),
            ("duty-removed", "risk-supervisor", Some("risk-assessment")),
            ("duty-removed", "risk-supervisor", Some("risk-response-planning")),
            ("duty-removed", "risk-supervisor", Some("risk-monitoring")),
            ("duty-removed", "risk-supervisor", Some("risk-reporting")),
        ]
    );
    assert_eq!(c[0]["after"], "質量稽核專員");
}

#[test]
fn raci_edits() {
    let r = repo();
    let d = r.path();
    edit(d, "roles/performance-analyst.yaml", |t| {
        t.replace("    consulted: [process-manager, resource-coordinator]\n", "    consulted: [process-manager]\n")
            .replacen("    responsible: [performance-analyst]\n    consulted: [it, business]\n", "    responsible: [performance-analyst, process-manager]\n    consulted: [it, business]\n    informed: [management]\n", 1)
    });
    commit(d, "raci");
    let c = changes(d, &["HEAD~1", "HEAD"]);
    assert_eq!(
        c,
        vec![
            json!({"kind": "duty-changed", "role": "performance-analyst", "item": "data-collection", "field": "responsible", "before": "performance-analyst", "after": "performance-analyst, process-manager"}),
            json!({"kind": "duty-changed", "role": "performance-analyst", "item": "data-collection", "field": "informed", "after": "management"}),
            json!({"kind": "duty-changed", "role": "performance-analyst", "item": "performance-analysis", "field": "consulted", "before": "process-manager, resource-coordinator", "after": "process-manager"}),
        ]
    );
}

#[test]
fn no_change_and_exit_code() {
    let r = repo();
    let d = r.path();
    assert_eq!(changes(d, &["HEAD", "HEAD"]), Vec::<Value>::new());
    let o = diff(d, &["HEAD", "--exit-code"]);
    assert_eq!(o.code, 0, "the working tree is the commit: {}{}", o.stdout, o.stderr);
    assert!(o.stdout.ends_with("\nno difference\n"), "{}", o.stdout);
    edit(d, "roles/operations-director.yaml", |t| t.replace("headcount: 1\n", "headcount: 2\n"));
    let o = diff(d, &["HEAD", "--exit-code"]);
    assert_eq!(o.code, 1);
    assert!(o.stdout.contains("~ headcount: 1 → 2"), "{}", o.stdout);
}

#[test]
fn one_revision_against_the_working_tree_with_untracked_files() {
    let r = repo();
    let d = r.path();
    let text = std::fs::read_to_string(d.join("roles/risk-supervisor.yaml")).unwrap();
    std::fs::write(
        d.join("roles/risk-analyst.yaml"),
        text.replace("id: risk-supervisor", "id: risk-analyst")
            .replace("  - id: risk-", "  - id: ra-")
            .replace("  - id: activate-contingency-plans", "  - id: escalate-risks"),
    )
    .unwrap();
    let c = changes(d, &["HEAD"]);
    assert_eq!(c[0], json!({"kind": "role-added", "role": "risk-analyst", "field": "title", "after": "風險管控主管"}));
    let o = diff(d, &["HEAD", "--check", "--format", "json"]);
    let v: Value = serde_json::from_str(&o.stdout).unwrap();
    let introduced: Vec<&str> =
        v["diagnostics"]["introduced"].as_array().unwrap().iter().map(|x| x["rule"].as_str().unwrap()).collect();
    assert!(introduced.contains(&"overlapping-duty"), "a copied role duplicates duties: {introduced:?}");
    assert_eq!(v["diagnostics"]["resolved"], json!([]));
}

#[test]
fn check_reports_what_a_change_resolves() {
    let r = repo();
    let d = r.path();
    // 31 appears nowhere else, so undoing it touches only this KPI.
    edit(d, "roles/process-manager.yaml", |t| t.replace("    weight: 30\n", "    weight: 31\n"));
    commit(d, "break the weights");
    edit(d, "roles/process-manager.yaml", |t| t.replace("    weight: 31\n", "    weight: 30\n"));
    commit(d, "fix them");
    let o = diff(d, &["HEAD~1", "HEAD", "--check", "--format", "json"]);
    let v: Value = serde_json::from_str(&o.stdout).unwrap();
    assert_eq!(v["diagnostics"]["introduced"], json!([]));
    let resolved = &v["diagnostics"]["resolved"][0];
    assert_eq!(resolved["rule"], "kpi-weights");
    assert_eq!(resolved["locations"][0]["file"], "HEAD~1:roles/process-manager.yaml");
}

#[test]
fn revisions_that_could_pass_for_options_are_refused() {
    let r = repo();
    let d = r.path();
    for args in [vec!["--", "--output=/tmp/pwned"], vec!["--", "-p"], vec!["HEAD", "--", "--upload-pack=touch x"]] {
        let o = diff(d, &args);
        assert_eq!(o.code, 2, "{args:?}: {}", o.stderr);
        assert!(o.stderr.contains("refusing revision"), "{args:?}: {}", o.stderr);
    }
    assert!(!Path::new("/tmp/pwned").exists());
    assert!(!d.join("x").exists());
    let o = diff(d, &["no-such-branch"]);
    assert_eq!(o.code, 2);
    assert!(o.stderr.contains("unknown revision `no-such-branch`"), "{}", o.stderr);
}

#[test]
fn directories_and_files_with_spaces_and_chinese_names() {
    let r = repo();
    let d = r.path();
    // The roles live in a folder with a space and Chinese characters.
    std::fs::rename(d.join("roles"), d.join("角色 定義")).unwrap();
    edit(d, "opsroles.yaml", |t| t.replace("roles: roles\n", "roles: 角色 定義\n"));
    commit(d, "rename the folder");
    edit(d, "角色 定義/process-manager.yaml", |t| {
        t.replace("    level: 4\n    description: 能使用BPMN", "    level: 5\n    description: 能使用BPMN")
    });
    commit(d, "raise a level");
    let c = changes(d, &["HEAD~1", "HEAD"]);
    assert_eq!(
        c,
        vec![
            json!({"kind": "competency-changed", "role": "process-manager", "item": "process-modeling", "field": "level", "before": "4", "after": "5"})
        ]
    );
    // Two directories, and two files.
    let old = d.join("舊 版本");
    std::fs::create_dir(&old).unwrap();
    for f in std::fs::read_dir(d.join("角色 定義")).unwrap() {
        let f = f.unwrap();
        std::fs::copy(f.path(), old.join(f.file_name())).unwrap();
    }
    edit(d, "舊 版本/process-manager.yaml", |t| {
        t.replace("    level: 5\n    description: 能使用BPMN", "    level: 3\n    description: 能使用BPMN")
    });
    let c = changes(d, &["舊 版本", "角色 定義"]);
    assert_eq!(c[0]["before"], "3");
    let c = changes(d, &["舊 版本/process-manager.yaml", "角色 定義/process-manager.yaml"]);
    assert_eq!(c.len(), 1);
}

#[test]
fn git_external_diff_driver() {
    let r = repo();
    let d = r.path();
    std::fs::write(d.join(".gitattributes"), "roles/*.yaml diff=opsroles\n").unwrap();
    git(d, &["config", "diff.opsroles.command", &format!("'{}' diff", bin().display())]);
    commit(d, "driver");
    edit(d, "roles/process-manager.yaml", |t| t.replace("    title: 流程梳理\n", "    title: 流程調研\n"));
    let out = Proc::new("git").arg("-C").arg(d).args(["diff", "--ext-diff"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("~ duty 流程調研 (process-mapping) title: 流程[-梳理][+調研]"), "{text}");
    // Called with git's seven arguments for a new file, and for garbage: exit 0 always.
    let new = d.join("roles/process-manager.yaml");
    let o = Command::cargo_bin("opsroles")
        .unwrap()
        .current_dir(d)
        .args(["diff", "roles/process-manager.yaml", "/dev/null", ".", "."])
        .arg(&new)
        .args(["0123456789abcdef0123456789abcdef01234567", "100644"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("流程管理經理 (process-manager)\n  + role added\n"), "{text}");
    let o = Command::cargo_bin("opsroles")
        .unwrap()
        .current_dir(d)
        .args(["diff", "x.yaml", "/nonexistent", ".", ".", "/nonexistent", ".", "."])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "git requires exit 0");
    assert!(String::from_utf8_lossy(&o.stderr).contains("cannot read"));
}

#[test]
fn an_unreadable_role_file_is_reported_not_shown_as_removed() {
    let r = repo();
    let d = r.path();
    edit(d, "roles/process-manager.yaml", |t| t.replace("title: 流程管理經理\n", "title: [流程管理經理\n"));
    edit(d, "roles/risk-supervisor.yaml", |t| t.replace("headcount: 2\n", "headcount: 3\n"));
    assert_eq!(
        changes(d, &["HEAD"]),
        [json!({"kind": "role-changed", "role": "risk-supervisor", "field": "headcount", "before": "2", "after": "3"})]
    );
    let o = diff(d, &["HEAD"]);
    assert!(o.stderr.contains("roles/process-manager.yaml") && o.stderr.contains("cannot be compared"), "{}", o.stderr);
    // Breaking a file is a difference, even when nothing else changed, and
    // the summary does not pass it off as no difference.
    edit(d, "roles/risk-supervisor.yaml", |t| t.replace("headcount: 3\n", "headcount: 2\n"));
    let o = diff(d, &["HEAD", "--exit-code"]);
    assert_eq!(o.code, 1, "{}{}", o.stdout, o.stderr);
    assert!(
        o.stdout.ends_with(
            "\nno change in meaning in the files that could be read; 1 role file cannot be compared (run `opsroles check`)\n"
        ),
        "{}",
        o.stdout
    );
}

#[test]
fn output_is_deterministic() {
    let r = repo();
    let d = r.path();
    edit(d, "roles/process-manager.yaml", |t| t.replace("    weight: 30\n", "    weight: 35\n"));
    for f in ["human", "markdown", "json"] {
        let a = diff(d, &["HEAD", "--check", "--format", f]).stdout;
        let b = diff(d, &["HEAD", "--check", "--format", f]).stdout;
        assert_eq!(a, b, "{f}");
    }
}
