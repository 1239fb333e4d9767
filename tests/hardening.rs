//! What a hostile or careless input does (issue "Hardening"): each test is
//! named after a case that crashed, hung, leaked or gave a wrong answer.

mod common;
use common::run;

use std::path::Path;
use std::process::{Command as Proc, Stdio};

/// The seed department, written by `init`.
fn seed() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let o = run(dir.path(), &["init", "-q", "."]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    dir
}

/// A role file that is a symlink to a file outside the repository was read
/// and its line printed in the finding — in CI, a runner's secret in a public
/// annotation.
#[cfg(unix)]
#[test]
fn a_role_file_linked_outside_the_project_is_never_read() {
    let dir = seed();
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("credentials.yaml");
    std::fs::write(&secret, "id: GITHUB_TOKEN=ghp_SECRET123\n").unwrap();
    std::os::unix::fs::symlink(&secret, dir.path().join("roles/leak.yaml")).unwrap();
    for format in ["human", "json", "github", "sarif"] {
        let o = run(dir.path(), &["check", "--format", format]);
        assert_eq!(o.code, 1, "{}{}", o.stdout, o.stderr);
        let all = format!("{}{}", o.stdout, o.stderr);
        assert!(!all.contains("SECRET123") && !all.contains("credentials"), "{format}: {all}");
        assert!(all.contains("roles/leak.yaml"), "{format}: {all}");
    }
    // A link inside the project is fine.
    std::fs::remove_file(dir.path().join("roles/leak.yaml")).unwrap();
    std::fs::rename(dir.path().join("roles/risk-supervisor.yaml"), dir.path().join("risk-supervisor.yaml")).unwrap();
    std::os::unix::fs::symlink(dir.path().join("risk-supervisor.yaml"), dir.path().join("roles/risk-supervisor.yaml"))
        .unwrap();
    assert_eq!(run(dir.path(), &["check"]).code, 0);
}

/// A role file that is a symlink to `/dev/zero` (committable to git) grew to
/// 2.1 GB; a FIFO named like a role file blocked forever.
#[cfg(unix)]
#[test]
fn devices_and_fifos_named_like_role_files_are_refused_unread() {
    let dir = seed();
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("roles/zero.yaml")).unwrap();
    let fifo = dir.path().join("roles/pipe.yaml");
    let made = Proc::new("mkfifo").arg(&fifo).status().map(|s| s.success()).unwrap_or(false);
    let o = run(dir.path(), &["check"]);
    assert_eq!(o.code, 1, "{}{}", o.stdout, o.stderr);
    assert!(o.stdout.contains("roles/zero.yaml is a device, not a role file"), "{}", o.stdout);
    if made {
        assert!(o.stdout.contains("roles/pipe.yaml is a FIFO, not a role file"), "{}", o.stdout);
    }
}

/// `opsroles check 2>/dev/full` panicked while writing the error.
#[cfg(target_os = "linux")]
#[test]
fn a_full_stderr_is_no_panic() {
    let dir = seed();
    std::fs::write(dir.path().join("opsroles.yaml"), "similarity: 7\n").unwrap();
    let full = std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
    let status = Proc::new(assert_cmd::cargo::cargo_bin("opsroles"))
        .current_dir(dir.path())
        .arg("check")
        .stdout(Stdio::null())
        .stderr(full)
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(2), "exit code, not a panic (101)");
    let full = std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
    let status = Proc::new(assert_cmd::cargo::cargo_bin("opsroles"))
        .current_dir(dir.path())
        .args(["init", "other"])
        .stderr(full)
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(0));
}

/// One unterminated quote at line 12 of a 100-person export swallowed every
/// following line: 89 people vanished, exit 0.
#[test]
fn an_unterminated_quote_swallows_the_rest_of_the_export() {
    let dir = seed();
    let mut text = String::from("period,person,role,metric,value\n");
    for i in 2..=101 {
        let person = if i == 12 { "\"張偉".to_string() } else { format!("員工{i}") };
        text.push_str(&format!("2026-07,{person},process-manager,sop_coverage,90\n"));
    }
    std::fs::write(dir.path().join("x.csv"), text).unwrap();
    let o = run(dir.path(), &["score", "x.csv"]);
    assert_eq!(o.code, 2, "{}", o.stdout);
    assert!(o.stderr.contains("x.csv:12: a quote opened on this line is never closed"), "{}", o.stderr);
}

/// A higher-is-better KPI with no threshold and a tiny target, which `check`
/// accepts, and a value of −1e15: "Division overflowed" panic.
#[test]
fn a_tiny_target_and_a_huge_negative_value_do_not_panic() {
    let dir = seed();
    let role = dir.path().join("roles/process-manager.yaml");
    let text = std::fs::read_to_string(&role).unwrap();
    let start = text.find("  - id: sop-coverage").unwrap();
    let end = start + text[start..].find("weight:").unwrap();
    let kpi = "  - id: sop-coverage\n    title: 流程標準化率\n    metric: sop_coverage\n    unit: percent\n    direction: higher\n    target: 1e-14\n    ";
    std::fs::write(&role, format!("{}{}{}", &text[..start], kpi, &text[end..])).unwrap();
    assert_eq!(run(dir.path(), &["check"]).code, 0);
    std::fs::write(
        dir.path().join("x.csv"),
        "period,person,role,metric,value\n2026-07,張偉,process-manager,sop_coverage,-1000000000000000\n",
    )
    .unwrap();
    let o = run(dir.path(), &["score", "x.csv", "--format", "json"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(o.stdout.contains("\"score\": 0,"), "{}", o.stdout);
}

/// The same export passed twice (`score a.csv a.csv`) was counted twice.
#[test]
fn the_same_export_twice_is_an_error() {
    let dir = seed();
    std::fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/q3.csv"), dir.path().join("q3.csv")).unwrap();
    let o = run(dir.path(), &["score", "q3.csv", "./q3.csv"]);
    assert_eq!(o.code, 2);
    assert!(o.stderr.contains("q3.csv is given twice"), "{}", o.stderr);
}

/// A run that finds no usable row (exit 1) replaced an existing `-o` report
/// with an empty one.
#[test]
fn a_failed_score_leaves_the_previous_report() {
    let dir = seed();
    std::fs::write(dir.path().join("report.json"), "previous").unwrap();
    std::fs::write(
        dir.path().join("x.csv"),
        "period,person,role,metric,value\n2026-07,張偉,process-manager,sop_coverage,abc\n",
    )
    .unwrap();
    let o = run(dir.path(), &["score", "x.csv", "--format", "json", "-o", "report.json"]);
    assert_eq!(o.code, 1);
    assert_eq!(std::fs::read_to_string(dir.path().join("report.json")).unwrap(), "previous");
}

/// 2,000 duties all titled 待定 (90 KB of YAML): 1.9 M similar-duty warnings,
/// 3.5 GB, 12–14 s. Identical duties are one grouped finding.
#[test]
fn identical_duties_are_one_grouped_finding() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("opsroles.yaml"), "functions:\n  ops: 運營\n").unwrap();
    std::fs::create_dir(dir.path().join("roles")).unwrap();
    for r in 0..40 {
        let mut text = format!("id: role-{r:02}\ntitle: 崗位{r:02}\nauthority:\n  - id: approve-{r:02}\n    title: 審批{r:02}號事項\nkpis:\n  - id: k\n    title: 指標\n    metric: m\n    unit: count\n    direction: higher\n    target: 1\n    weight: 100\nduties:\n");
        for d in 0..50 {
            text.push_str(&format!("  - id: tbd-{r:02}-{d:02}\n    title: 待定\n    function: ops\n"));
        }
        std::fs::write(dir.path().join(format!("roles/role-{r:02}.yaml")), text).unwrap();
    }
    let o = run(dir.path(), &["check", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&o.stdout).unwrap();
    let duty_findings: Vec<&serde_json::Value> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "similar-duty" || d["rule"] == "overlapping-duty")
        .collect();
    assert_eq!(duty_findings.len(), 1, "{:#?}", &duty_findings[..duty_findings.len().min(3)]);
    let f = duty_findings[0];
    assert!(f["message"].as_str().unwrap().starts_with("2000 duties of 40 roles"), "{}", f["message"]);
    assert_eq!(f["items"].as_array().unwrap().len(), 2000);
    assert_eq!(f["locations"].as_array().unwrap().len(), 10);
}

/// A copy-paste slip left two KPIs of one role on one `metric`: `check` said
/// 0 errors and `score` credited every row of it to both KPIs (a count read
/// as a percent), exit 0. Now both refuse, naming the two KPIs.
#[test]
fn two_kpis_of_one_role_on_one_metric_are_refused() {
    let dir = seed();
    let role = dir.path().join("roles/process-manager.yaml");
    let text = std::fs::read_to_string(&role).unwrap();
    assert!(text.contains("metric: process_cycle_reduction"));
    std::fs::write(&role, text.replace("metric: process_cycle_reduction", "metric: process_optimizations")).unwrap();
    let c = run(dir.path(), &["check"]);
    assert_eq!(c.code, 1, "{}", c.stdout);
    assert!(c.stdout.contains("error[kpi-metric]") && c.stdout.contains("both take `metric: process_optimizations`"));
    let s = run(dir.path(), &["score", "examples/q3.csv"]);
    assert_eq!(s.code, 2, "{}", s.stderr);
    assert!(s.stderr.contains("both take `metric: process_optimizations`"), "{}", s.stderr);
}

/// `risk … --format csv | head -1` on a large register said "error: Broken
/// pipe" and exited 2, while the other formats ended quietly: the csv
/// writer wraps the pipe's error in its own.
#[cfg(unix)]
#[test]
fn a_closed_pipe_ends_every_format_quietly() {
    use std::io::Read;
    let dir = seed();
    let mut register = String::from("id,title,owner,category,likelihood,impact,status,response,due\n");
    for i in 0..20_000 {
        register.push_str(&format!("R{i},風險{i},risk-supervisor,營運,3,4,open,監控,2026-12-31\n"));
    }
    std::fs::write(dir.path().join("big.csv"), register).unwrap();
    for format in ["csv", "json", "human", "markdown"] {
        let mut child = Proc::new(assert_cmd::cargo::cargo_bin("opsroles"))
            .current_dir(dir.path())
            .args(["--today", "2026-11-26", "risk", "big.csv", "-q", "--format", format])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = [0u8; 64];
        child.stdout.take().unwrap().read_exact(&mut first).unwrap();
        // The read end is closed here: the rest of the output meets a closed pipe.
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{format}: {stderr}");
        assert!(!stderr.contains("Broken pipe"), "{format}: {stderr}");
    }
}
