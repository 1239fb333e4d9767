//! Shells and docs (SPEC 7): completions for five shells, man pages, every
//! command's help ending with examples, score's help naming its columns,
//! and global flags a command ignores refused, not silently dropped.

use std::time::Duration;

use assert_cmd::Command;

fn run(args: &[&str]) -> (i32, String, String) {
    let o = Command::cargo_bin("opsroles")
        .unwrap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .timeout(Duration::from_secs(20))
        .output()
        .unwrap();
    (
        o.status.code().unwrap(),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

const COMMANDS: &[&str] =
    &["check", "score", "diff", "report", "risk", "sla", "gaps", "init", "schema", "completions", "man"];

#[test]
fn completions_for_every_shell_know_every_command() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let (code, out, err) = run(&["completions", shell]);
        assert_eq!(code, 0, "{shell}: {err}");
        for c in ["check", "score", "sheet", "xlsx"] {
            assert!(out.contains(c), "{shell} completions lack {c}");
        }
    }
    // The bash script is valid bash.
    let (_, script, _) = run(&["completions", "bash"]);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("opsroles.bash");
    std::fs::write(&path, script).unwrap();
    let ok = std::process::Command::new("bash").arg("-n").arg(&path).status().unwrap();
    assert!(ok.success());
}

#[test]
fn man_pages_one_per_command() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, err) = run(&["man", dir.path().to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let mut names: Vec<String> =
        std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    let mut want: Vec<String> = COMMANDS.iter().map(|c| format!("opsroles-{c}.1")).collect();
    want.push("opsroles.1".into());
    want.sort();
    assert_eq!(names, want);
    let score = std::fs::read_to_string(dir.path().join("opsroles-score.1")).unwrap();
    assert!(score.starts_with(".ie") && score.contains(".TH opsroles-score 1"), "{}", &score[..200]);
    assert!(score.contains("\\-\\-sheet"));
    // Without DIR: opsroles(1) on standard output.
    let (code, out, _) = run(&["man"]);
    assert_eq!(code, 0);
    assert!(out.contains(".TH opsroles 1"));
}

#[test]
fn every_help_ends_with_examples() {
    for c in COMMANDS {
        let (code, out, _) = run(&[c, "--help"]);
        assert_eq!(code, 0);
        let last = out.trim_end().rsplit("\n\n").next().unwrap();
        assert!(last.starts_with("Examples:\n  opsroles "), "`{c} --help` ends with:\n{last}");
    }
    let (_, out, _) = run(&["--help"]);
    assert!(out.trim_end().rsplit("\n\n").next().unwrap().starts_with("Examples:"));
}

#[test]
fn score_help_names_its_columns_and_their_chinese_synonyms() {
    let (_, out, _) = run(&["score", "--help"]);
    for line in ["  period     期間, 週期, 月份", "  role       崗位, 角色", "  value      數值, 實際值"]
    {
        assert!(out.contains(line), "no `{line}` in:\n{out}");
    }
    // --today is hidden from score (it ignores it); check says what it does there.
    assert!(!out.contains("--today"), "{out}");
    let (_, check, _) = run(&["check", "--help"]);
    let check = check.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(check.contains("a waiver whose `expires` is before it has expired"), "{check}");
}

#[test]
fn a_global_flag_a_command_ignores_is_refused() {
    let (code, _, err) = run(&["score", "examples/q3.csv", "--today", "2026-11-26"]);
    assert_eq!(code, 2);
    assert!(err.contains("--today does nothing for `opsroles score`"), "{err}");
    // Before the subcommand too.
    let (code, _, err) = run(&["--today", "2026-11-26", "score", "examples/q3.csv"]);
    assert_eq!(code, 2, "{err}");
    let (code, _, err) = run(&["init", "--config", "x.yaml", "/nonexistent/never"]);
    assert_eq!(code, 2);
    assert!(err.contains("--config does nothing for `opsroles init`"), "{err}");
    let (code, _, err) = run(&["schema", "role", "--color", "always"]);
    assert_eq!(code, 2);
    assert!(err.contains("--color does nothing for `opsroles schema`"), "{err}");
    // Where it means something, it is taken, before or after the subcommand.
    assert_eq!(run(&["check", "--today", "2026-11-26", "-q"]).0, 0);
    assert_eq!(run(&["--today", "2026-11-26", "check", "-q"]).0, 0);
}
