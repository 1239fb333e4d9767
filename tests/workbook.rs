//! Excel, WPS and LibreOffice workbooks read directly (SPEC 7): the shipped
//! `examples/q3.xlsx` and LibreOffice's `.xls` and `.ods` of the same data
//! give the cards of `examples/q3.csv`; the percent trap; sheets; locations.

mod common;
use common::{root, run as run_in, score_in, Out};

use std::path::Path;
use std::time::Duration;

use assert_cmd::Command;
use rust_xlsxwriter::{Format, Workbook};
use serde_json::Value;

fn score(dir: &Path, args: &[&str]) -> Out {
    score_in(dir, args, None)
}

fn json(dir: &Path, file: &str) -> Value {
    let o = score(dir, &[file, "--format", "json"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    serde_json::from_str(&o.stdout).unwrap()
}

/// The "done when": `score examples/q3.xlsx` gives the cards of
/// `q3.csv` — with its percent KPIs stored as percentages (0.931 shown as
/// 93.1%), its amounts formatted, a blank row between people.
#[test]
fn q3_xlsx_xls_and_ods_give_the_cards_of_q3_csv() {
    let csv = json(&root(), "examples/q3.csv");
    for file in ["examples/q3.xlsx", "tests/fixtures/workbooks/q3.xls", "tests/fixtures/workbooks/q3.ods"] {
        let book = json(&root(), file);
        assert_eq!(book["scorecards"], csv["scorecards"], "{file}");
        assert_eq!(book["rows"], csv["rows"], "{file}: the same row accounting");
        assert_eq!(book["period"], csv["period"], "{file}");
    }
    // And the table a person reads, card for card.
    let table = |f: &str| score(&root(), &[f, "--color", "never"]).stdout;
    assert_eq!(table("examples/q3.xlsx"), table("examples/q3.csv"));
}

#[test]
fn problems_are_named_by_sheet_row() {
    let o = score(&root(), &["examples/q3.xlsx"]);
    // Sheet row 34 is the empty value (the CSV's line 33, one blank row above it).
    assert!(o.stderr.contains("examples/q3.xlsx!2026Q3:34: no value"), "{}", o.stderr);
    assert!(o.stderr.contains("examples/q3.xlsx!2026Q3:44"), "{}", o.stderr);
}

/// A project whose one role has one percent KPI, anchors 5 / 15 / 25.
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("roles")).unwrap();
    std::fs::write(
        dir.path().join("roles/analyst.yaml"),
        "id: analyst\ntitle: 分析師\nkpis:\n  - id: cycle\n    title: 週期縮短率\n    metric: cycle_reduction\n    unit: percent\n    direction: higher\n    threshold: 5\n    target: 15\n    stretch: 25\n    weight: 100\n",
    )
    .unwrap();
    dir
}

/// The percent trap: a cell holding 0.2 shown as `20.0%` is 20 to a percent
/// KPI. Anchors 5 / 15 / 25: 20 scores 100 + 20·(20−15)/(25−15) = 110. Read
/// as 0.2 it would score 0 — a wrong number with exit 0.
#[test]
fn a_cell_shown_as_20_percent_scores_as_20() {
    let dir = project();
    let mut book = Workbook::new();
    let s = book.add_worksheet();
    for (c, h) in ["月份", "姓名", "崗位", "指標", "數值"].iter().enumerate() {
        s.write_string(0, c as u16, *h).unwrap();
    }
    let pct = Format::new().set_num_format("0.0%");
    s.write_string(1, 0, "2026-07").unwrap();
    s.write_string(1, 1, "王芳").unwrap();
    s.write_string(1, 2, "分析師").unwrap();
    s.write_string(1, 3, "cycle_reduction").unwrap();
    s.write_number_with_format(1, 4, 0.2, &pct).unwrap();
    book.save(dir.path().join("export.xlsx")).unwrap();
    let o = run_in(dir.path(), &["score", "export.xlsx", "--format", "json"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let doc: Value = serde_json::from_str(&o.stdout).unwrap();
    let kpi = &doc["scorecards"][0]["kpis"][0];
    assert_eq!(kpi["value"], 20, "{kpi}");
    assert_eq!(kpi["score"], 110, "{kpi}");
}

#[test]
fn a_workbook_named_csv_is_still_a_workbook_and_stdin_too() {
    let dir = project();
    let mut book = Workbook::new();
    let s = book.add_worksheet();
    s.set_name("數據").unwrap();
    for (c, h) in ["姓名", "崗位", "cycle_reduction"].iter().enumerate() {
        s.write_string(0, c as u16, *h).unwrap();
    }
    s.write_string(1, 0, "王芳").unwrap();
    s.write_string(1, 1, "analyst").unwrap();
    s.write_number(1, 2, 15).unwrap();
    book.save(dir.path().join("export.csv")).unwrap();
    let o = run_in(dir.path(), &["score", "export.csv", "--format", "json"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(o.stdout.contains("\"score\": 100"), "{}", o.stdout);
    let bytes = std::fs::read(dir.path().join("export.csv")).unwrap();
    let o = Command::cargo_bin("opsroles")
        .unwrap()
        .current_dir(dir.path())
        .args(["score", "-", "--format", "json"])
        .write_stdin(bytes)
        .timeout(Duration::from_secs(20))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn sheet_choice_and_its_mistakes() {
    let o = score(&root(), &["examples/q3.xlsx", "--sheet", "2026Q4"]);
    assert_eq!(o.code, 2);
    assert!(o.stderr.contains("examples/q3.xlsx has no sheet `2026Q4`; did you mean `2026Q3`?"), "{}", o.stderr);
    let o = score(&root(), &["examples/q3.xlsx", "--sheet", "2026q3", "--format", "json"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let o = score(&root(), &["examples/q3.csv", "--sheet", "2026Q3"]);
    assert_eq!(o.code, 2);
    assert!(o.stderr.contains("--sheet 2026Q3: none of the inputs is a workbook"), "{}", o.stderr);
}

#[test]
fn a_web_page_named_xls_is_told_apart() {
    let dir = project();
    std::fs::write(dir.path().join("export.xls"), "<html><table><tr><td>月份</td></tr></table></html>").unwrap();
    let o = run_in(dir.path(), &["score", "export.xls"]);
    assert_eq!(o.code, 2);
    assert!(o.stderr.contains("export.xls is a web page or XML file named like a workbook"), "{}", o.stderr);
}

#[test]
fn a_workbook_beside_a_gbk_export_with_encoding_forced() {
    let o =
        score(&root(), &["examples/q3-excel-gbk.csv", "examples/q3.xlsx", "--encoding", "gb18030", "--format", "json"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let o = score(&root(), &["examples/q3.xlsx", "--encoding", "windows-1252"]);
    assert_eq!(o.code, 2, "{}", o.stdout);
    assert!(o.stderr.contains("cannot be written in windows-1252"), "{}", o.stderr);
}

/// `--format xlsx -o FILE`: a sheet of scorecards and one of the summary,
/// numbers as numbers (張偉's total 98.5, worked by hand in tests/score.rs),
/// the same bytes for the same inputs.
#[test]
fn scorecards_as_a_workbook() {
    use calamine::{Data, Reader};
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("q3.xlsx");
    let out_s = out.to_str().unwrap();
    let o = score(&root(), &["examples/q3.csv", "--format", "xlsx", "-o", out_s]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let first = std::fs::read(&out).unwrap();
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&out).unwrap();
    assert_eq!(book.sheet_names(), vec!["Scorecards", "Summary"]);
    let summary = book.worksheet_range("Summary").unwrap();
    let header: Vec<String> = summary.rows().next().unwrap().iter().map(|c| c.to_string()).collect();
    assert_eq!(&header[..8], &["period", "entity", "role", "role_title", "score", "grade", "complete", "coverage"]);
    let zhang = summary.rows().find(|r| r[1] == Data::String("張偉".into())).unwrap();
    assert_eq!(zhang[0], Data::String("2026-Q3".into()));
    assert_eq!(zhang[4], Data::Float(98.5));
    assert_eq!(zhang[5], Data::String("B".into()));
    assert_eq!(zhang[7], Data::Float(1.0));
    let cards = book.worksheet_range("Scorecards").unwrap();
    let sop = cards.rows().find(|r| r[1] == Data::String("張偉".into()) && r[5] == Data::String("sop_coverage".into()));
    let sop = sop.unwrap();
    assert_eq!((&sop[7], &sop[8], &sop[9]), (&Data::Float(82.0), &Data::Float(25.0), &Data::Float(84.0)));
    // Deterministic: a second run writes the same bytes.
    let o = score(&root(), &["examples/q3.csv", "--format", "xlsx", "-o", out_s]);
    assert_eq!(o.code, 0);
    assert_eq!(std::fs::read(&out).unwrap(), first);
}

/// A `ratio` KPI reads the same percentage cell as 0.2: the cell means
/// twenty per cent either way. Anchors 0.1 / 0.2 / 0.3: 0.2 scores 100.
#[test]
fn a_percentage_cell_for_a_ratio_kpi_is_the_fraction() {
    let dir = project();
    std::fs::write(
        dir.path().join("roles/analyst.yaml"),
        "id: analyst\ntitle: 分析師\nkpis:\n  - id: share\n    title: 佔比\n    metric: share\n    unit: ratio\n    direction: higher\n    threshold: 0.1\n    target: 0.2\n    stretch: 0.3\n    weight: 100\n",
    )
    .unwrap();
    let mut book = Workbook::new();
    let s = book.add_worksheet();
    for (c, h) in ["姓名", "崗位", "share"].iter().enumerate() {
        s.write_string(0, c as u16, *h).unwrap();
    }
    s.write_string(1, 0, "王芳").unwrap();
    s.write_string(1, 1, "analyst").unwrap();
    s.write_number_with_format(1, 2, 0.2, &Format::new().set_num_format("0%")).unwrap();
    book.save(dir.path().join("export.xlsx")).unwrap();
    let o = run_in(dir.path(), &["score", "export.xlsx", "--format", "json"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let doc: Value = serde_json::from_str(&o.stdout).unwrap();
    let kpi = &doc["scorecards"][0]["kpis"][0];
    assert_eq!((kpi["value"].as_f64(), kpi["score"].as_f64()), (Some(0.2), Some(100.0)), "{kpi}");
}
