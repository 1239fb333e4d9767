//! `opsroles diff` for the people who review role changes (issue 15): names
//! they know, what changed inside a sentence, what kind of nothing, CI on
//! what a change introduces, and what a change does to scores — plus the
//! diff regressions pinned from the restructure and from issue 14.

mod support;

use std::path::Path;
use std::process::Command as Proc;

use assert_cmd::Command;
use serde_json::{json, Value};
use support::{bin, changes, changes_full, commit, diff, doc, edit, git, repo};

const SEED_DESCRIPTION: &str =
    "調研業務部門需求,繪制現有流程地圖(如用BPMN工具),識別流程瓶頸(如審批環節過多、信息傳遞滯后)";
const REWORDED: &str =
    "調研各業務部門需求,繪制現有流程地圖並標注瓶頸(如用BPMN工具),識別流程瓶頸(如審批環節過多、信息傳遞滯后)";

/// The example on the seed's roles: one description reworded (各
/// and 並標注瓶頸 inserted), two KPI weights moved 25→20 and 30→35; and the
/// quarter's export beside the roles (which `init` writes).
fn seed_example() -> tempfile::TempDir {
    let r = repo();
    let d = r.path();
    edit(d, "roles/process-manager.yaml", |t| {
        t.replace(SEED_DESCRIPTION, REWORDED)
            // 流程優化數量 25 → 20, 流程效率提升率 30 → 35.
            .replace("    stretch: 4\n    weight: 25\n", "    stretch: 4\n    weight: 20\n")
            .replace("    stretch: 25\n    weight: 30\n", "    stretch: 25\n    weight: 35\n")
    });
    commit(d, "reword process mapping, move weight to efficiency");
    // `init` wrote the quarter's export too, as examples/q3.csv.
    assert!(d.join("examples/q3.csv").is_file());
    r
}

#[test]
fn seed_example_terminal_without_colour_checked_by_eye() {
    let r = seed_example();
    let o = diff(r.path(), &["HEAD~1", "HEAD", "--metrics", "examples/q3.csv", "--color", "never"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    insta::assert_snapshot!("seed_example_terminal", o.stdout);
}

#[test]
fn seed_example_markdown_checked_by_eye() {
    let r = seed_example();
    let o = diff(r.path(), &["HEAD~1", "HEAD", "--metrics", "examples/q3.csv", "--format", "markdown"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    insta::assert_snapshot!("seed_example_markdown", o.stdout);
}

#[test]
fn colour_marks_the_changed_characters_instead_of_brackets() {
    let r = seed_example();
    let o = diff(r.path(), &["HEAD~1", "HEAD", "--color", "always"]);
    // Green underlined 各, no brackets.
    assert!(o.stdout.contains("調研\u{1b}[4m\u{1b}[32m各\u{1b}[0m業務"), "{:?}", o.stdout);
    assert!(!o.stdout.contains("[+"), "{}", o.stdout);
    // Written to a file, the colour is gone and the brackets are back.
    let out = r.path().join("review.txt");
    let o = diff(r.path(), &["HEAD~1", "HEAD", "--color", "always", "-o", out.to_str().unwrap()]);
    assert_eq!(o.code, 0);
    assert!(std::fs::read_to_string(out).unwrap().contains("調研[+各]業務"));
}

#[test]
fn json_keeps_before_and_after_and_adds_titles_and_edit_runs() {
    let r = seed_example();
    let c = changes_full(r.path(), &["HEAD~1", "HEAD"]);
    assert_eq!(
        c[0],
        json!({
            "kind": "duty-changed", "role": "process-manager", "role_title": "流程管理經理",
            "item": "process-mapping", "title": "流程梳理", "field": "description",
            "before": SEED_DESCRIPTION, "after": REWORDED,
            "edits": [
                {"op": "equal", "text": "調研"},
                {"op": "insert", "text": "各"},
                {"op": "equal", "text": "業務部門需求,繪制現有流程地圖"},
                {"op": "insert", "text": "並標注瓶頸"},
                {"op": "equal", "text": "(如用BPMN工具),識別流程瓶頸(如審批環節過多、信息傳遞滯后)"},
            ]
        })
    );
    assert_eq!(c[1]["title"], "流程優化數量");
    assert_eq!((&c[1]["before"], &c[1]["after"]), (&json!("25"), &json!("20")));
    assert_eq!(c[1].get("edits"), None, "numbers have no edit runs");
}

#[test]
fn roles_are_grouped_in_catalogue_order_not_alphabetically() {
    let r = repo();
    let d = r.path();
    // `assistant` sorts before `operations-director` but reports to it.
    std::fs::write(
        d.join("roles/assistant.yaml"),
        "id: assistant\ntitle: 運營助理\nreports_to: operations-director\nduties:\n  - id: meeting-minutes\n    title: 會議紀要\n    function: collaboration\n",
    )
    .unwrap();
    edit(d, "roles/risk-supervisor.yaml", |t| t.replace("headcount: 2\n", "headcount: 3\n"));
    edit(d, "roles/operations-director.yaml", |t| t.replace("headcount: 1\n", "headcount: 2\n"));
    let roles: Vec<String> = changes(d, &["HEAD"]).iter().map(|c| c["role"].as_str().unwrap().to_string()).collect();
    assert_eq!(roles, ["operations-director", "assistant", "assistant", "risk-supervisor"]);
    let human = diff(d, &["HEAD"]).stdout;
    let heads: Vec<&str> = human.lines().filter(|l| !l.starts_with(' ') && l.contains(" (")).collect();
    assert_eq!(heads, ["運營總監 (operations-director)", "運營助理 (assistant)", "風險管控主管 (risk-supervisor)"]);
}

#[test]
fn raci_lists_show_the_members_added_and_removed() {
    let r = repo();
    let d = r.path();
    edit(d, "roles/process-manager.yaml", |t| {
        t.replacen("    consulted: [business, it]\n", "    consulted: [it, finance]\n", 1)
    });
    let c = changes_full(d, &["HEAD"]);
    assert_eq!(c[0]["field"], "consulted");
    assert_eq!(c[0]["added"], json!([{"id": "finance", "title": "財務部門"}]));
    assert_eq!(c[0]["removed"], json!([{"id": "business", "title": "業務部門"}]));
    let human = diff(d, &["HEAD", "--color", "never"]).stdout;
    assert!(
        human.contains("~ duty 流程梳理 (process-mapping) consulted: [+財務部門 (finance)] [-業務部門 (business)]\n"),
        "{human}"
    );
    // The same members in another order mean the same: no change.
    edit(d, "roles/process-manager.yaml", |t| {
        t.replacen("    consulted: [it, finance]\n", "    consulted: [business, it]\n", 1)
    });
    edit(d, "roles/process-manager.yaml", |t| {
        t.replacen("    consulted: [business, it]\n", "    consulted: [it, business]\n", 1)
    });
    assert_eq!(changes(d, &["HEAD"]), Vec::<Value>::new());
}

/// Comments and indentation change, meaning does not.
#[test]
fn a_comment_only_commit_says_no_change_in_meaning() {
    let r = repo();
    let d = r.path();
    edit(d, "roles/process-manager.yaml", |t| {
        t.replace("# Anchors are our choice.", "# Anchors are our choice (reviewed 2026-11).")
            .replace("headcount: 3\n", "headcount:   3   # three people\n")
    });
    commit(d, "comments");
    let o = diff(d, &["HEAD~1", "HEAD", "--exit-code"]);
    assert_eq!(o.code, 0, "formatting is no difference for --exit-code: {}", o.stdout);
    assert!(o.stdout.ends_with("\nno change in meaning (comments or formatting only: 2 lines)\n"), "{}", o.stdout);
    let v = doc(d, &["HEAD~1", "HEAD"]);
    assert_eq!(v["summary"], json!({"changes": 0, "difference": "formatting", "formatting_lines": 2}));
    let md = diff(d, &["HEAD~1", "HEAD", "--format", "markdown"]).stdout;
    assert!(md.contains("**no change in meaning \\(comments or formatting only: 2 lines\\)**"), "{md}");
    // Nothing at all is something else.
    let o = diff(d, &["HEAD", "HEAD"]);
    assert!(o.stdout.ends_with("\nno difference\n"), "{}", o.stdout);
    assert_eq!(doc(d, &["HEAD", "HEAD"])["summary"], json!({"changes": 0, "difference": "none"}));
    // git's diff driver says the same for its one file.
    std::fs::write(d.join(".gitattributes"), "roles/*.yaml diff=opsroles\n").unwrap();
    git(d, &["config", "diff.opsroles.command", &format!("'{}' diff --color never", bin().display())]);
    let out = Proc::new("git").arg("-C").arg(d).args(["show", "--ext-diff", "--format=", "HEAD"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("no change in meaning (comments or formatting only: 2 lines)"), "{text}");
}

/// Gives the working tree a duty in `role` that copies 流程梳理's text under
/// another id: an overlap.
fn add_overlap(d: &Path, role: &str) {
    edit(d, &format!("roles/{role}.yaml"), |t| {
        t.replacen(
            "\nauthority:",
            &format!("\n  - id: process-survey\n    title: 流程梳理\n    description: {SEED_DESCRIPTION}\n    function: process\n\nauthority:"),
            1,
        )
    });
}

/// This department treats overlaps as warnings (they are errors by default).
fn overlaps_are_warnings(d: &Path) {
    edit(d, "opsroles.yaml", |t| t.replace("  overlapping-duty: error\n", "  overlapping-duty: warning\n"));
}

#[test]
fn fail_on_introduced_exits_1_for_a_new_overlap() {
    let r = repo();
    let d = r.path();
    add_overlap(d, "resource-coordinator");
    commit(d, "a second role surveys processes");
    let o = diff(d, &["HEAD~1", "HEAD", "--check", "--fail-on", "introduced", "--format", "markdown"]);
    assert_eq!(o.code, 1, "{}{}", o.stdout, o.stderr);
    assert!(o.stdout.contains("### check: 1 introduced\n\n- **error[overlapping-duty]**"), "{}", o.stdout);
    assert!(o.stderr.contains("the change introduces 1 error (--fail-on introduced)"), "{}", o.stderr);
    // Without --fail-on, the same review passes.
    assert_eq!(diff(d, &["HEAD~1", "HEAD", "--check"]).code, 0);
}

#[test]
fn fail_on_introduced_exits_0_with_only_an_old_overlap() {
    let r = repo();
    let d = r.path();
    add_overlap(d, "resource-coordinator");
    commit(d, "an overlap, already there");
    edit(d, "roles/process-manager.yaml", |t| t.replace("headcount: 3\n", "headcount: 4\n"));
    commit(d, "hire");
    let o = diff(d, &["HEAD~1", "HEAD", "--check", "--fail-on", "introduced", "--format", "json"]);
    assert_eq!(o.code, 0, "{}{}", o.stdout, o.stderr);
    let v: Value = serde_json::from_str(&o.stdout).unwrap();
    assert_eq!(v["diagnostics"], json!({"introduced": [], "resolved": []}));
    // Resolving it does not fail either.
    edit(d, "roles/resource-coordinator.yaml", |t| t.replace("    title: 流程梳理\n", "    title: 資源盤點\n"));
    edit(d, "roles/resource-coordinator.yaml", |t| t.replace(SEED_DESCRIPTION, "盤點人力與設備資源"));
    let o = diff(d, &["HEAD", "--check", "--fail-on", "introduced", "--format", "json"]);
    assert_eq!(o.code, 0, "{}", o.stdout);
    let v: Value = serde_json::from_str(&o.stdout).unwrap();
    assert_eq!(v["diagnostics"]["resolved"][0]["rule"], "overlapping-duty");
}

#[test]
fn fail_on_introduced_ignores_introduced_warnings_and_needs_check() {
    let r = repo();
    let d = r.path();
    // An overlap in a department that makes overlaps warnings.
    overlaps_are_warnings(d);
    add_overlap(d, "resource-coordinator");
    let o = diff(d, &["HEAD", "--check", "--fail-on", "introduced", "--format", "json"]);
    assert_eq!(o.code, 0, "{}", o.stdout);
    let v: Value = serde_json::from_str(&o.stdout).unwrap();
    assert_eq!(v["diagnostics"]["introduced"][0]["severity"], "warning");
    let o = diff(d, &["HEAD", "--fail-on", "introduced"]);
    assert_eq!(o.code, 2, "--fail-on without --check is a usage error: {}", o.stderr);
    assert!(o.stderr.contains("--check"), "{}", o.stderr);
}

/// 孫麗 and 張偉 (流程管理經理) in examples/q3.csv, the seed's anchors, by hand.
///
/// 孫麗: 流程優化數量 = 2+2+1 = 5 ≥ stretch 4 → 120.
///   流程效率提升率 = mean(13.4, 15.2, 14.4) = 43/3; anchors 5/15/25:
///     60 + 40·(43/3 − 5)/(15 − 5) = 60 + 4·28/3 = 292/3 = 97.333…
///   流程標準化率 = mean(90.5, 82.9, 83.9) = 257.3/3; anchors 70/90/100:
///     60 + 40·(257.3/3 − 70)/20 = 60 + 94.6/3 = 274.6/3 = 91.533…
///   業務部門滿意度 = mean(7.6, 6.8, 8.2) = 22.6/3; anchors 6/8/9.5:
///     60 + 40·(22.6/3 − 6)/2 = 60 + 92/3 = 272/3 = 90.666…
///   before (25/30/25/20): (25·120 + 30·292/3 + 25·274.6/3 + 20·272/3)/100
///     = (3000 + 2920 + 12305/3)/100 = 30065/300 = 100.2166… → 100.2, grade A
///   after (20/35/25/20):  (20·120 + 35·292/3 + 25·274.6/3 + 20·272/3)/100
///     = (2400 + 10220/3 + 12305/3)/100 = 29725/300 = 99.0833… → 99.1, grade B
/// 張偉: 3 optimisations → 100 + 20·(3−2)/(4−2) = 110; efficiency mean
///   (12, 15, 18) = 15 = target → 100; SOP mean (80, 82, 84) = 82 →
///   60 + 40·12/20 = 84; satisfaction mean (7.5, 8.5) = 8 = target → 100.
///   before: (25·110 + 30·100 + 25·84 + 20·100)/100 = 9850/100 = 98.5, B
///   after:  (20·110 + 35·100 + 25·84 + 20·100)/100 = 9800/100 = 98.0, B
#[test]
fn score_impact_of_a_weight_move_worked_by_hand() {
    let r = seed_example();
    let v = doc(r.path(), &["HEAD~1", "HEAD", "--metrics", "examples/q3.csv"]);
    let impact = &v["impact"];
    assert_eq!(impact["period"], "2026-Q3");
    let people = impact["people"].as_array().unwrap();
    let sun = &people[0];
    assert_eq!(sun["entity"], "孫麗", "the largest change comes first");
    assert_eq!(sun["before"], json!({"score": 100.2167, "grade": "A", "coverage": 1, "status": "ok"}));
    assert_eq!(sun["after"], json!({"score": 99.0833, "grade": "B", "coverage": 1, "status": "ok"}));
    // 29725/300 − 30065/300 = −340/300 = −1.1333…
    assert_eq!(sun["change"], json!(-1.1333));
    assert_eq!(
        sun["kpis"],
        json!([
            {"id": "process-optimization-count", "title": "流程優化數量", "weight_before": 25, "weight_after": 20,
             "score_before": 120, "score_after": 120, "fields": [{"field": "weight", "before": "25", "after": "20"}]},
            {"id": "process-efficiency-gain", "title": "流程效率提升率", "weight_before": 30, "weight_after": 35,
             "score_before": 97.3333, "score_after": 97.3333, "fields": [{"field": "weight", "before": "30", "after": "35"}]},
        ])
    );
    let zhang = people.iter().find(|p| p["entity"] == "張偉").unwrap();
    assert_eq!((&zhang["before"]["score"], &zhang["after"]["score"]), (&json!(98.5), &json!(98)));
    assert_eq!(zhang["change"], json!(-0.5));
    // Every listed person is a process manager; nobody else moved.
    assert!(people.iter().all(|p| p["role"] == "process-manager"), "{people:?}");
    assert_eq!(people.len() as u64 + impact["unchanged"].as_u64().unwrap(), 12);
    let human = diff(r.path(), &["HEAD~1", "HEAD", "--metrics", "examples/q3.csv", "--color", "never"]).stdout;
    assert!(human.contains("  孫麗 · 流程管理經理 (process-manager): 100.2 A → 99.1 B (▼ 1.1)\n"), "{human}");
}

fn score_json(dir: &Path, roles: &str, period: Option<&str>) -> Value {
    let mut cmd = Command::cargo_bin("opsroles").unwrap();
    cmd.current_dir(dir).args(["score", "examples/q3.csv", "--roles", roles, "--format", "json"]);
    if let Some(p) = period {
        cmd.args(["--period", p]);
    }
    let o = cmd.output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).unwrap()
}

#[test]
fn before_and_after_are_what_score_shows_on_each_side() {
    let r = seed_example();
    let d = r.path();
    // The old side as a directory, for `score --roles`.
    std::fs::create_dir(d.join("old-roles")).unwrap();
    for f in std::fs::read_dir(d.join("roles")).unwrap() {
        let f = f.unwrap();
        std::fs::copy(f.path(), d.join("old-roles").join(f.file_name())).unwrap();
    }
    edit(d, "old-roles/process-manager.yaml", |t| {
        t.replace("    stretch: 4\n    weight: 20\n", "    stretch: 4\n    weight: 25\n")
            .replace("    stretch: 25\n    weight: 35\n", "    stretch: 25\n    weight: 30\n")
    });
    for period in [None, Some("2026-08")] {
        let mut args = vec!["old-roles", "roles", "--metrics", "examples/q3.csv"];
        if let Some(p) = period {
            args.extend(["--period", p]);
        }
        let v = doc(d, &args);
        let impact = &v["impact"];
        assert_eq!(impact["period"], period.unwrap_or("2026-Q3"));
        let (old, new) = (score_json(d, "old-roles", period), score_json(d, "roles", period));
        let card = |s: &Value, who: &Value| -> Value {
            let c = s["scorecards"].as_array().unwrap().iter().find(|c| &c["entity"] == who).unwrap().clone();
            json!({"score": c["score"], "grade": c["grade"]})
        };
        let people = impact["people"].as_array().unwrap();
        assert!(!people.is_empty());
        for p in people {
            let shown = |s: &Value| json!({"score": s["score"], "grade": s["grade"]});
            assert_eq!(shown(&p["before"]), card(&old, &p["entity"]), "{period:?} {p}");
            assert_eq!(shown(&p["after"]), card(&new, &p["entity"]), "{period:?} {p}");
        }
    }
}

#[test]
fn anchors_and_removed_kpis_that_moved_a_score_are_named() {
    let r = repo();
    let d = r.path();
    // 流程效率提升率's target 15 → 18. 張偉's mean of 15 now scores
    // 60 + 40·(15 − 5)/(18 − 5) = 60 + 400/13 = 90.769… → 90.8; his total
    // (25·110 + 30·(1180/13) + 25·84 + 20·100)/100 = 95.73… → 95.7.
    edit(d, "roles/process-manager.yaml", |t| t.replace("    target: 15\n", "    target: 18\n"));
    let human = diff(d, &["HEAD", "--metrics", "examples/q3.csv", "--color", "never"]).stdout;
    assert!(human.contains("  張偉 · 流程管理經理 (process-manager): 98.5 B → 95.7 B (▼ 2.8)\n"), "{human}");
    assert!(
        human.contains("      流程效率提升率 (process-efficiency-gain): target 15 → 18, KPI score 100.0 → 90.8\n"),
        "{human}"
    );
    // Instead, 業務部門滿意度 (weight 20) removed and its weight given to
    // 流程標準化率: (25·110 + 30·100 + 45·84)/100 = 95.3. Its rows now feed
    // no KPI, so fewer rows are used after the change.
    git(d, &["checkout", "-q", "roles"]);
    edit(d, "roles/process-manager.yaml", |t| {
        let cut = t.find("  - id: business-satisfaction").unwrap();
        t[..cut].replace("    stretch: 100\n    weight: 25\n", "    stretch: 100\n    weight: 45\n")
    });
    let human = diff(d, &["HEAD", "--metrics", "examples/q3.csv", "--color", "never"]).stdout;
    assert!(human.contains("  張偉 · 流程管理經理 (process-manager): 98.5 B → 95.3 B (▼ 3.2)\n"), "{human}");
    assert!(human.contains("      流程標準化率 (sop-coverage): weight 25 → 45, KPI score 84.0\n"), "{human}");
    assert!(
        human.contains("      業務部門滿意度 (business-satisfaction): removed (weight 20), KPI score 100.0\n"),
        "{human}"
    );
    assert!(human.contains("rows: 164 read; used 161 before, 153 after"), "{human}");
}

#[test]
fn roles_that_cannot_be_scored_say_why_and_the_diff_still_shows() {
    let r = seed_example();
    let d = r.path();
    // Weights that no longer sum to 100: `score` refuses these roles.
    edit(d, "roles/process-manager.yaml", |t| t.replace("    weight: 35\n", "    weight: 40\n"));
    let o = diff(d, &["HEAD~1", "--metrics", "examples/q3.csv", "--format", "json"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let v: Value = serde_json::from_str(&o.stdout).unwrap();
    let why = v["impact"]["unavailable"].as_str().unwrap();
    assert!(why.contains("working tree") && why.contains("kpi-weights"), "{why}");
    assert_eq!(v["changes"].as_array().unwrap().len(), 3);
    let o = diff(d, &["HEAD~1", "--metrics", "-"]);
    assert_eq!(o.code, 2);
    assert!(o.stderr.contains("standard input"), "{}", o.stderr);
    let o = diff(d, &["HEAD~1", "--metrics", "examples/none.csv"]);
    assert_eq!(o.code, 2);
    assert!(o.stderr.contains("examples/none.csv"), "{}", o.stderr);
}

/// Each `--> file:line:col` of rustc-style output shows the line it names
/// of that file (files at revisions excepted).
fn assert_locations_show_their_lines(dir: &Path, text: &str) {
    let lines: Vec<&str> = text.lines().collect();
    let mut seen = 0;
    for (i, l) in lines.iter().enumerate() {
        let Some(at) = l.trim_start().strip_prefix("--> ") else { continue };
        let mut parts = at.rsplitn(3, ':');
        let (_col, line, file) = (parts.next().unwrap(), parts.next().unwrap(), parts.next().unwrap());
        let n: usize = line.parse().unwrap();
        let want = std::fs::read_to_string(dir.join(file)).unwrap().lines().nth(n - 1).unwrap().to_string();
        let shown = lines[i + 1..].iter().find_map(|x| x.trim_start().strip_prefix(&format!("{n} | "))).unwrap();
        assert_eq!(shown, want, "{at}");
        seen += 1;
    }
    assert!(seen > 0, "no locations in {text}");
}

/// Regression: git running `opsroles diff --check` as its external diff
/// driver on a newly added role file (old side /dev/null) panicked ("external
/// diff died"), and a finding at opsroles.yaml:7 was shown at
/// roles/alpha.yaml:9:6 — the config and the two sides kept positions in
/// separate `Sources`. All files of a run now register in one.
#[test]
fn git_driver_check_on_a_new_role_file_panicked_and_misplaced_config_findings() {
    let r = repo();
    let d = r.path();
    std::fs::write(d.join(".gitattributes"), "roles/*.yaml diff=opsroles\n").unwrap();
    let command = format!("'{}' --today 2026-11-26 diff --check --color never", bin().display());
    git(d, &["config", "diff.opsroles.command", &command]);
    commit(d, "driver");
    // A new role that takes the resource coordinator's duty and the
    // director's approval of it: findings in four files, one the config.
    std::fs::write(
        d.join("roles/alpha.yaml"),
        "id: alpha\ntitle: 阿爾法\nreports_to: operations-director\nduties:\n  - id: resource-allocation\n    title: 資源分配\n    function: resource\nauthority:\n  - id: approve-resource-allocation\n    title: 審批資源分配方案\n",
    )
    .unwrap();
    git(d, &["add", "-N", "roles/alpha.yaml"]);
    let out = Proc::new("git").arg("-C").arg(d).args(["diff", "--ext-diff"]).output().unwrap();
    assert!(out.status.success(), "git: {}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("阿爾法 (alpha)\n  + role added\n"), "{text}");
    assert!(text.contains("--> opsroles.yaml:37:5\n"), "the separation rule, in the config: {text}");
    assert_locations_show_their_lines(d, &text);
    // The new role is judged in its department: its boss exists and no
    // function was uncovered before it came.
    for rule in ["separation-of-duties", "duplicate-duty", "shared-authority"] {
        assert!(text.contains(&format!("error[{rule}]")), "{rule}: {text}");
    }
    assert!(!text.contains("unknown-reference") && text.contains("check: 0 resolved"), "{text}");
    // A role file deleted: the references to it that the deletion breaks.
    std::fs::remove_file(d.join("roles/alpha.yaml")).unwrap();
    git(d, &["rm", "-q", "--cached", "roles/alpha.yaml"]);
    git(d, &["rm", "-q", "roles/risk-supervisor.yaml"]);
    let out = Proc::new("git").arg("-C").arg(d).args(["diff", "--cached", "--ext-diff"]).output().unwrap();
    assert!(out.status.success(), "git: {}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("風險管控主管 (risk-supervisor)\n  - role removed\n"), "{text}");
    assert!(text.contains("names unknown role or partner department `risk-supervisor`"), "{text}");
    assert_locations_show_their_lines(d, &text);
}

/// Issue 14: a commit that adds a second declaration of an existing duty to
/// another role made `diff` say "no changes" (`--exit-code` 0), or report a
/// move of the first declaration, depending on which role sorts first.
#[test]
fn a_second_declaration_of_an_existing_duty_is_a_change_not_nothing_nor_a_move() {
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("roles/process-manager.yaml")).unwrap();
    let (_, block) = support::cut_duty(&text, "process-mapping");
    // operations-director sorts before the owner (the bogus move), resource-coordinator after (nothing).
    for role in ["operations-director", "resource-coordinator"] {
        let r = repo();
        let d = r.path();
        edit(d, &format!("roles/{role}.yaml"), |t| t.replacen("\nauthority:", &format!("\n{block}\nauthority:"), 1));
        commit(d, "a second owner");
        assert_eq!(
            changes(d, &["HEAD~1", "HEAD"]),
            [
                json!({"kind": "duty-added", "role": role, "item": "process-mapping", "field": "title", "after": "流程梳理"})
            ],
            "{role}"
        );
        assert_eq!(diff(d, &["HEAD~1", "HEAD", "--exit-code"]).code, 1, "{role}");
        let o = diff(d, &["HEAD~1", "HEAD", "--check", "--fail-on", "introduced", "--format", "json"]);
        assert_eq!(o.code, 1, "{role}: {}", o.stdout);
        let v: Value = serde_json::from_str(&o.stdout).unwrap();
        let introduced = &v["diagnostics"]["introduced"];
        assert!(
            introduced
                .as_array()
                .unwrap()
                .iter()
                .any(|f| f["rule"] == "duplicate-duty" && f["items"] == json!(["process-mapping"])),
            "{role}: {introduced}"
        );
        // Taking the first declaration away again moves nothing either: it is removed.
        edit(d, "roles/process-manager.yaml", |t| support::cut_duty(&t, "process-mapping").0);
        commit(d, "one owner again");
        assert_eq!(
            changes(d, &["HEAD~1", "HEAD"]),
            [
                json!({"kind": "duty-removed", "role": "process-manager", "item": "process-mapping", "field": "title", "before": "流程梳理"})
            ],
            "{role}"
        );
    }
}
