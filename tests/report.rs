//! `opsroles report` from the outside: the HTML parsed as a browser would
//! (no script, no event handler, no external reference, every role and duty
//! present and escaped), Markdown tables that keep their shape, the sections
//! in SPEC order, determinism and atomic `-o`.

mod common;
use common::{run, Out};

use std::path::PathBuf;

use scraper::{Html, Selector};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn report(args: &[&str]) -> Out {
    let mut a = vec!["--today", "2026-11-26", "report"];
    a.extend_from_slice(args);
    run(&root(), &a)
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

/// What a page must never hold: scripts, event handlers, fetched resources.
fn assert_inert(doc: &Html) {
    assert_eq!(doc.select(&sel("script")).count(), 0, "a script element");
    for el in doc.select(&sel("*")) {
        for (name, value) in el.value().attrs() {
            assert!(!name.starts_with("on"), "event handler {name}={value}");
            if matches!(name, "src" | "href" | "xlink:href" | "action") {
                assert!(value.starts_with('#'), "external reference {name}={value}");
            }
        }
    }
    let css: String = doc.select(&sel("style")).map(|s| s.inner_html()).collect();
    assert!(!css.contains("url(") && !css.contains("@import"), "CSS fetches something");
}

/// Every input of the seed department: all ten sections.
const ALL: &[&str] = &[
    "--metrics",
    "examples/q3.csv",
    "--metrics",
    "examples/q2.csv",
    "--period",
    "2026-Q3",
    "--compare",
    "2026-Q2",
    "--risks",
    "examples/risks.csv",
    "--conflicts",
    "examples/conflicts.csv",
    "--assessments",
    "examples/assessments.csv",
];

#[test]
fn the_seed_report_has_every_section_role_and_duty() {
    let o = report(ALL);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let doc = Html::parse_document(&o.stdout);
    assert_inert(&doc);
    assert_eq!(doc.root_element().value().attr("lang"), Some("zh-Hant"));
    let ids: Vec<&str> = doc.select(&sel("section")).filter_map(|s| s.value().attr("id")).collect();
    assert_eq!(
        ids,
        [
            "summary",
            "org-chart",
            "coverage",
            "raci",
            "catalogue",
            "findings",
            "scorecards",
            "risks",
            "conflicts",
            "gaps"
        ]
    );
    // The headings are numbered in SPEC order, and the table of contents lists them all.
    let h2: Vec<String> = doc.select(&sel("section.major h2")).map(|h| h.text().collect()).collect();
    assert_eq!(h2.first().map(String::as_str), Some("2. 組織架構"));
    assert_eq!(h2.last().map(String::as_str), Some("10. 能力差距"));
    assert_eq!(doc.select(&sel("nav.toc li")).count(), 10);
    // The summary says which inputs were used.
    let summary: String = doc.select(&sel("#summary")).flat_map(|s| s.text()).collect();
    for input in ["examples/q3.csv", "examples/risks.csv", "examples/conflicts.csv", "examples/assessments.csv"] {
        assert!(summary.contains(input), "{input} not named in the summary: {summary}");
    }
    let text: String = doc.root_element().text().collect();
    for role in std::fs::read_dir(root().join("roles")).unwrap() {
        let yaml = std::fs::read_to_string(role.unwrap().path()).unwrap();
        for line in yaml.lines() {
            if let Some(title) = line.strip_prefix("    title: ") {
                assert!(text.contains(title), "duty, authority, competency or KPI title {title} missing");
            }
            if let Some(title) = line.strip_prefix("title: ") {
                assert!(text.contains(title), "role title {title} missing");
            }
        }
    }
    // Every chart is titled.
    for svg in doc.select(&sel("svg")) {
        assert!(svg.select(&sel("title")).next().is_some(), "an untitled chart");
    }
    // The RACI cells carry their letters (readable without colour).
    let cells: Vec<String> = doc.select(&sel("table.raci td.l")).map(|c| c.text().collect()).collect();
    assert!(cells.iter().any(|c| c == "AR") && cells.iter().any(|c| c == "C") && cells.iter().any(|c| c == "I"));
}

#[test]
fn text_from_role_files_is_escaped_in_html_and_markdown() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(run(dir.path(), &["init", "-q", "."]).code, 0);
    let p = dir.path().join("roles/process-manager.yaml");
    let text = std::fs::read_to_string(&p)
        .unwrap()
        .replacen("    title: 流程梳理", "    title: <script>alert(1)</script>|流程梳理", 1)
        .replacen("positioning: ", "positioning: '\"><img src=x onerror=alert(1)>![x](http://e.com/a.png)' #", 1);
    std::fs::write(&p, text).unwrap();
    let o = run(dir.path(), &["report"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let doc = Html::parse_document(&o.stdout);
    assert_inert(&doc);
    assert_eq!(doc.select(&sel("img")).count(), 0);
    let text: String = doc.root_element().text().collect();
    assert!(text.contains("<script>alert(1)</script>|流程梳理"), "the title is shown as text");
    assert!(text.contains("\"><img src=x onerror=alert(1)>"));
    // Markdown: no image, link or HTML from role text, and every table row
    // keeps its column count.
    let md = run(dir.path(), &["report", "--format", "markdown"]).stdout;
    assert!(!md.contains("<script") && !md.contains("<img") && !md.contains("![x]("), "{md}");
    // Column count per table: header, separator and rows agree.
    for table in md.split("\n\n").filter(|b| b.lines().all(|l| l.starts_with('|')) && b.lines().count() > 1) {
        let counts: Vec<usize> = table.lines().map(|l| l.replace("\\|", "").matches('|').count()).collect();
        assert!(counts.iter().all(|c| *c == counts[0]), "a table lost its shape: {table}");
    }
}

#[test]
fn reruns_are_byte_identical_and_o_is_atomic() {
    for format in ["html", "markdown", "json"] {
        let mut args = ALL.to_vec();
        args.extend(["--format", format]);
        assert_eq!(report(&args).stdout, report(&args).stdout, "{format}");
    }
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("report.html");
    std::fs::write(&target, "previous").unwrap();
    let o = report(&["--metrics", "no-such.csv", "-o", target.to_str().unwrap()]);
    assert_eq!(o.code, 2);
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "previous");
    let o = report(&["-o", dir.path().join("r.md").to_str().unwrap()]);
    assert_eq!(o.code, 0);
    assert!(std::fs::read_to_string(dir.path().join("r.md")).unwrap().starts_with("# 運營管理部"));
    let mut args = ALL.to_vec();
    args.extend(["--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&report(&args).stdout).unwrap();
    assert_eq!(json["version"], 1);
    assert_eq!(json["summary"]["roles"], 5);
    assert_eq!(json["scorecards"]["people"].as_array().unwrap().len(), 12);
    // The sections of the other commands carry their numbers as those commands count them.
    let risk: serde_json::Value = serde_json::from_str(
        &run(&root(), &["--today", "2026-11-26", "risk", "examples/risks.csv", "--format", "json"]).stdout,
    )
    .unwrap();
    assert_eq!(json["risks"]["overdue"], risk["summary"]["overdue"]);
    let heat: Vec<Vec<u64>> = json["risks"]["heatmap"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r.as_array().unwrap().iter().map(|c| c["count"].as_u64().unwrap()).collect())
        .collect();
    assert_eq!(serde_json::json!(heat), risk["heatmap"]);
    let sla: serde_json::Value = serde_json::from_str(
        &run(&root(), &["--today", "2026-11-26", "sla", "examples/conflicts.csv", "--format", "json"]).stdout,
    )
    .unwrap();
    assert_eq!(json["conflicts"]["total"], sla["summary"]["total"]);
    assert_eq!(json["conflicts"]["met_share"], sla["summary"]["met_share"]);
    let gaps: serde_json::Value =
        serde_json::from_str(&run(&root(), &["gaps", "examples/assessments.csv", "--format", "json"]).stdout).unwrap();
    assert_eq!(
        json["gaps"]["pairs"].as_array().unwrap().len(),
        gaps["mentoring"].as_array().unwrap().len() + gaps["uncovered"].as_array().unwrap().len()
    );
}

#[test]
fn headings_follow_lang_and_role_text_stays_as_written() {
    let en = report(&["--lang", "en", "--format", "markdown"]).stdout;
    assert!(en.contains("## 4. RACI matrix") && en.contains("流程管理經理"), "{en}");
    let zh = report(&["--format", "markdown"]).stdout;
    assert!(zh.contains("## 5. 崗位說明書"));
    assert!(zh.contains("```mermaid\ngraph TD\n"));
}

/// A function in which 60 roles take part is too wide for a table: its
/// duties are listed one by one, each naming its holders by letter. The
/// generator makes each duty's owner Accountable and Responsible and informs
/// the next role, so every item can be worked out from the duty's number.
#[test]
fn a_function_with_too_many_roles_is_listed_duty_by_duty() {
    let dir = tempfile::tempdir().unwrap();
    let (roles, per_role) = (60, 5);
    opsroles_synth::write_org(dir.path(), roles, per_role, 3).unwrap();
    let o = run(dir.path(), &["--today", "2026-11-26", "report", "--lang", "en"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let doc = Html::parse_document(&o.stdout);
    assert_eq!(doc.select(&sel("table.raci")).count(), 0, "a 60-column RACI table was drawn");
    let items: Vec<String> = doc.select(&sel("ul.raci-list li")).map(|li| li.text().collect()).collect();
    assert_eq!(items.len(), roles * per_role, "every duty is listed once");
    for k in 0..roles * per_role {
        let (r, next) = (k / per_role, (k / per_role + 1) % roles);
        let item = items.iter().find(|i| i.contains(&format!("(duty-{k:06})"))).expect("duty listed");
        assert!(item.contains(&format!("A 崗位{r} · R 崗位{r}")), "{item}");
        assert!(item.ends_with(&format!("I 崗位{next}")), "{item}");
    }
}

fn json_of(o: &Out) -> serde_json::Value {
    assert_eq!(o.code, 0, "{}", o.stderr);
    serde_json::from_str(&o.stdout).unwrap()
}

/// Section 7 shows the numbers `score` gives for the same export: each
/// person's score and grade, each grade's head count, each role's mean.
#[test]
fn scorecards_agree_with_score_on_the_same_export() {
    let rep = json_of(&report(&["--metrics", "examples/q3.csv", "--format", "json"]));
    let score = json_of(&run(&root(), &["score", "examples/q3.csv", "--format", "json"]));
    let sc = &rep["scorecards"];
    assert_eq!(sc["period"], score["period"]["label"]);
    let cards = score["scorecards"].as_array().unwrap();
    let people = sc["people"].as_array().unwrap();
    assert_eq!(people.len(), cards.len());
    for p in people {
        let c = cards.iter().find(|c| c["entity"] == p["entity"]).expect("the person has a card");
        assert_eq!((&p["role"], &p["score"], &p["grade"]), (&c["role"], &c["score"], &c["grade"]));
    }
    for g in sc["grades"].as_array().unwrap() {
        let n = cards.iter().filter(|c| c["grade"] == g[0]).count();
        assert_eq!(g[1], n, "grade {}", g[0]);
    }
    for r in sc["roles"].as_array().unwrap() {
        let scores: Vec<f64> =
            cards.iter().filter(|c| c["role"] == r["role"]).filter_map(|c| c["score"].as_f64()).collect();
        let mean = scores.iter().sum::<f64>() / scores.len() as f64;
        assert!((r["mean"].as_f64().unwrap() - mean).abs() < 1e-3, "{}: {} vs {mean}", r["role"], r["mean"]);
    }
}

/// `--period` that selects no row: the report is still written (its other
/// sections stand), stderr warns, and section 7 says what the exports cover
/// instead of drawing empty charts and tables.
#[test]
fn a_period_with_no_rows_is_said_not_drawn() {
    let args = ["--metrics", "examples/q3.csv", "--period", "2025-Q1", "--lang", "en"];
    let html = report(&args);
    assert_eq!(html.code, 0, "{}", html.stderr);
    assert!(html.stderr.contains("warning: --period: no row is in 2025-Q1"), "{}", html.stderr);
    let doc = Html::parse_document(&html.stdout);
    let section: String = doc.select(&sel("#scorecards")).flat_map(|s| s.text()).collect();
    assert!(
        section.contains("No row of the exports is in this period")
            && section.contains("The exports cover 2026-Q3 (2026-07-01 – 2026-09-30)"),
        "{section}"
    );
    assert_eq!(doc.select(&sel("#scorecards svg, #scorecards table")).count(), 0, "empty charts or tables");
    assert!(doc.select(&sel("#risks, #catalogue")).count() >= 1);

    let mut md_args = args.to_vec();
    md_args.extend(["--format", "markdown"]);
    let md = report(&md_args).stdout;
    let seven = md.split("## 7.").nth(1).unwrap().split("\n## ").next().unwrap();
    assert!(seven.contains("No row of the exports is in this period") && !seven.contains("| ---"), "{seven}");

    let mut json_args = args.to_vec();
    json_args.extend(["--format", "json"]);
    let v = json_of(&report(&json_args));
    assert_eq!(v["scorecards"]["empty"]["covered"], "2026-Q3 (2026-07-01 – 2026-09-30)");
    assert_eq!(v["scorecards"]["people"].as_array().unwrap().len(), 0);
}
