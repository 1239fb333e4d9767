//! The bad-input corpus of the foundation issue: every case ends with exit 1
//! or 2, a message naming the file, and no panic. Each run has a 10 s guard
//! against hangs (a hang guard, not a performance measurement: those are in
//! `benches/`). A BOM and CRLF line endings are accepted.

use std::path::Path;
use std::time::Duration;

use assert_cmd::Command;

const CONFIG: &str = "functions:\n  ops: 運營\n";

const GOOD_ROLE: &str = "id: good\ntitle: 好\nduties:\n  - id: good-work\n    title: 工作\n    function: ops\nauthority:\n  - id: good-approve\n    title: 審批\nkpis:\n  - id: k\n    title: 指標\n    metric: m\n    unit: percent\n    direction: higher\n    target: 80\n    weight: 100\n";

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run_in(dir: &Path, args: &[&str]) -> Run {
    let out = Command::cargo_bin("opsroles")
        .unwrap()
        .current_dir(dir)
        .args(["--config", "opsroles.yaml", "--today", "2026-11-26"])
        .args(args)
        .timeout(Duration::from_secs(10))
        .output()
        .unwrap();
    Run {
        code: out.status.code().expect("killed: a hang or a crash"),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// A roles dir holding the good role and `name` with `bytes`.
fn org_with(name: &str, bytes: &[u8]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("opsroles.yaml"), CONFIG).unwrap();
    std::fs::create_dir(dir.path().join("roles")).unwrap();
    std::fs::write(dir.path().join("roles/good.yaml"), GOOD_ROLE).unwrap();
    std::fs::write(dir.path().join("roles").join(name), bytes).unwrap();
    dir
}

/// Exit 1 or 2, the file named with a line, no panic; returns the output.
fn assert_reported(case: &str, dir: &Path, file: &str) -> String {
    let r = run_in(dir, &["check"]);
    let all = format!("{}{}", r.stdout, r.stderr);
    assert!(r.code == 1 || r.code == 2, "{case}: exit {} \n{all}", r.code);
    assert!(!all.contains("panicked"), "{case}: panic\n{all}");
    assert!(all.contains(file), "{case}: {file} not named\n{all}");
    all
}

fn case(case: &str, bytes: &[u8], rule: &str, line: u32) {
    let dir = org_with("bad.yaml", bytes);
    let all = assert_reported(case, dir.path(), &format!("roles/bad.yaml:{line}:"));
    assert!(all.contains(&format!("error[{rule}]")), "{case}: expected {rule}\n{all}");
}

#[test]
fn yaml_syntax_error() {
    case("syntax", b"id: bad\ntitle: \"unterminated\nduties: []\n", "parse-error", 2);
}

#[test]
fn tab_indentation() {
    case("tabs", b"id: bad\n\ttitle: x\n", "parse-error", 1);
}

#[test]
fn duplicate_keys() {
    case("duplicate keys", "id: bad\ntitle: 甲\ntitle: 乙\n".as_bytes(), "parse-error", 3);
}

#[test]
fn unknown_field_suggests_the_right_one() {
    let dir = org_with("bad.yaml", "id: bad\ntitle: 甲\nreport_to: good\n".as_bytes());
    let all = assert_reported("unknown field", dir.path(), "roles/bad.yaml:3:1");
    assert!(all.contains("did you mean `reports_to`?"), "{all}");
}

#[test]
fn wrong_types() {
    case("duties not a list", "id: bad\ntitle: 甲\nduties: 5\n".as_bytes(), "schema", 3);
    case("title a list", b"id: bad\ntitle: [1, 2]\n", "schema", 2);
}

#[test]
fn empty_and_comment_only_files() {
    case("empty", b"", "parse-error", 1);
    case("comment only", "# 尚未填寫\n# todo\n".as_bytes(), "parse-error", 1);
}

#[test]
fn invalid_utf8() {
    case("latin-1", b"id: bad\ntitle: caf\xe9\n", "parse-error", 2);
}

#[test]
fn binary_bytes() {
    let mut bytes = b"PK\x03\x04\x00\x00\x08\x00".to_vec();
    bytes.extend((0..=255u8).cycle().take(4096));
    // Byte 0x0A of the cycle ends line 1; the first invalid byte, 0x80, is
    // then the 118th character of line 2.
    let dir = org_with("bad.yaml", &bytes);
    let all = assert_reported("binary", dir.path(), "roles/bad.yaml:2:118");
    assert!(!all.contains('\u{1b}'), "raw ESC bytes reached the terminal");
}

#[test]
fn alias_bomb() {
    let mut y = String::from("id: bad\ntitle: 甲\nlaughs:\n  a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    for (name, prev) in ["b", "c", "d", "e", "f", "g", "h", "i"].iter().zip(["a", "b", "c", "d", "e", "f", "g", "h"]) {
        y.push_str(&format!("  {name}: &{name} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"));
    }
    let dir = org_with("bad.yaml", y.as_bytes());
    assert_reported("alias bomb", dir.path(), "roles/bad.yaml:");
    // The same bomb where the schema would accept a list of strings.
    let y = y.replace("laughs:\n", "duties:\n  - id: d\n    title: t\n    function: ops\n    consulted: *i\nx:\n");
    let dir = org_with("bad.yaml", y.as_bytes());
    assert_reported("alias bomb in consulted", dir.path(), "roles/bad.yaml:");
}

#[test]
fn five_megabyte_line() {
    let y = format!("id: bad\ntitle: {}\n", "長".repeat(5 * 1024 * 1024 / 3));
    let dir = org_with("bad.yaml", y.as_bytes());
    let all = assert_reported("5 MB line", dir.path(), "roles/bad.yaml:");
    assert!(all.len() < 10_000, "the 5 MB line was echoed ({} bytes of output)", all.len());
}

#[test]
fn deep_nesting() {
    let y = format!("id: bad\ntitle: {}{}\n", "[".repeat(10_000), "]".repeat(10_000));
    let dir = org_with("bad.yaml", y.as_bytes());
    assert_reported("10,000-deep flow", dir.path(), "roles/bad.yaml:2:");
    let block: String = (0..10_000).map(|i| format!("{}k:\n", " ".repeat(i))).collect();
    let dir = org_with("bad.yaml", format!("id: bad\ntitle: t\npositioning:\n{block}").as_bytes());
    assert_reported("10,000-deep block", dir.path(), "roles/bad.yaml:");
}

#[test]
fn huge_file_is_refused_without_reading_it() {
    let mut y = b"id: bad\ntitle: t\n".to_vec();
    y.resize(17 * 1024 * 1024, b'#');
    let dir = org_with("bad.yaml", &y);
    let all = assert_reported("17 MB file", dir.path(), "roles/bad.yaml");
    assert!(all.contains("limited to"), "{all}");
}

#[cfg(unix)]
#[test]
fn symlink_loop_in_roles() {
    let dir = org_with("other.yml", GOOD_ROLE.replace("good", "other").as_bytes());
    std::os::unix::fs::symlink("..", dir.path().join("roles/loop")).unwrap();
    let all = assert_reported("symlink loop", dir.path(), "roles/loop");
    assert!(all.contains("symbolic link loop"), "{all}");
    // The other files were still checked.
    assert!(all.contains("2 roles"), "{all}");
}

#[test]
fn directory_named_like_a_role_file() {
    let dir = org_with("other.yml", GOOD_ROLE.replace("good", "other").as_bytes());
    std::fs::create_dir(dir.path().join("roles/x.yaml")).unwrap();
    let all = assert_reported("dir x.yaml", dir.path(), "roles/x.yaml");
    assert!(all.contains("is a directory"), "{all}");
}

#[test]
fn nan_and_negative_numbers_where_they_make_no_sense() {
    let base = GOOD_ROLE.replace("good", "bad");
    case("NaN weight", base.replace("weight: 100", "weight: .nan").as_bytes(), "kpi-weights", 10);
    case("negative weight", base.replace("weight: 100", "weight: -100").as_bytes(), "kpi-weights", 10);
    case("NaN target", base.replace("target: 80", "target: .nan").as_bytes(), "kpi-thresholds", 11);
    case("infinite target", base.replace("target: 80", "target: .inf").as_bytes(), "kpi-thresholds", 11);
    case("astronomical target", base.replace("target: 80", "target: 1e30").as_bytes(), "kpi-thresholds", 11);
    case("negative headcount", base.replace("title: 好\n", "title: 好\nheadcount: -3\n").as_bytes(), "schema", 3);
    let level = base.replace("kpis:\n", "competencies:\n  - id: c\n    title: 能力\n    level: -1\nkpis:\n");
    case("negative level", level.as_bytes(), "schema", 13);
    let level = base.replace("kpis:\n", "competencies:\n  - id: c\n    title: 能力\n    level: 9\nkpis:\n");
    case("level 9", level.as_bytes(), "schema", 13);
}

#[test]
fn one_bad_file_does_not_hide_the_others() {
    let dir = org_with("bad.yaml", b"id: bad\ntitle: [\n");
    let broken_weights = GOOD_ROLE.replace("good", "other").replace("weight: 100", "weight: 90");
    std::fs::write(dir.path().join("roles/other.yaml"), broken_weights).unwrap();
    let all = assert_reported("two bad files", dir.path(), "roles/bad.yaml");
    assert!(all.contains("error[kpi-weights]") && all.contains("roles/other.yaml:10:1"), "{all}");
}

#[test]
fn bom_and_crlf_are_accepted_with_correct_lines() {
    let role = GOOD_ROLE
        .replace("good", "bad")
        .replace("title: 好", "title: 壞")
        .replace("title: 工作", "title: 審核報告")
        .replace("title: 審批\n", "title: 簽發報告\n")
        .replace("weight: 100", "weight: 50");
    let text = format!("\u{feff}{}", role.replace('\n', "\r\n"));
    let dir = org_with("bad.yaml", text.as_bytes());
    let r = run_in(dir.path(), &["check"]);
    // The only finding is the weight sum, on the line of `kpis:`.
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("roles/bad.yaml:10:1"), "{}", r.stdout);
    assert!(r.stdout.contains("1 error, 0 warnings in 2 roles"), "{}", r.stdout);
}

#[test]
fn empty_roles_directory_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("opsroles.yaml"), CONFIG).unwrap();
    std::fs::create_dir(dir.path().join("roles")).unwrap();
    let r = run_in(dir.path(), &["check"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("no role files in roles"), "{}", r.stderr);
}

#[test]
fn missing_path_is_a_usage_error() {
    let dir = org_with("x.yaml", GOOD_ROLE.as_bytes());
    let r = run_in(dir.path(), &["check", "no/such/dir"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("no/such/dir"), "{}", r.stderr);
}

#[test]
fn invalid_config_is_exit_2_with_its_line() {
    let dir = org_with("x.yaml", GOOD_ROLE.as_bytes());
    std::fs::write(
        dir.path().join("opsroles.yaml"),
        "functions:\n  ops: 運營\nsimilarity: 3\nrules:\n  similar-dutty: off\n",
    )
    .unwrap();
    let r = run_in(dir.path(), &["check"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("opsroles.yaml:3:13"), "{}", r.stderr);
    assert!(r.stderr.contains("did you mean `similar-duty`"), "{}", r.stderr);
}

#[test]
fn unknown_rule_on_the_command_line_is_exit_2() {
    let dir = org_with("x.yaml", GOOD_ROLE.as_bytes());
    let r = run_in(dir.path(), &["check", "--deny", "similar-duties"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("did you mean `similar-duty`"), "{}", r.stderr);
}
