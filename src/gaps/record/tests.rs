//! Reading assessments against the shipped roles: headers, names in every
//! tier, the latest assessment winning, and every kind of bad record
//! counted with its line and field.

use std::path::PathBuf;

use super::*;
use crate::model::Org;
use crate::tabular::input::Input;
use crate::tabular::{records, ReadOptions};

struct World {
    sources: Sources,
    org: Org,
}

fn seed() -> World {
    let mut sources = Sources::default();
    let org = crate::model::load::load_paths(&[PathBuf::from("roles")], &mut sources).unwrap();
    World { sources, org }
}

impl World {
    fn table(&mut self, text: &str) -> Table {
        let input = Input { name: "a.csv".into(), path: None };
        let raw = Box::new(std::io::Cursor::new(text.as_bytes().to_vec()));
        records::read(&input, raw, SCHEMA, &ReadOptions::default(), &mut self.sources).unwrap()
    }

    fn read(&mut self, text: &str) -> (Assessments, Catalogue) {
        let t = self.table(text);
        check_columns(std::slice::from_ref(&t), &self.sources).unwrap();
        let c = Catalogue::new(&self.org.roles);
        (read(&[t], &self.org.roles, &c, &self.sources), c)
    }
}

fn id(c: &Catalogue, i: usize) -> &str {
    &c.competencies[i].id
}

/// Skipped rows as (line, code, detail).
fn skipped(a: &Assessments) -> Vec<(u32, Code, String)> {
    let mut v: Vec<(u32, Code, String)> =
        a.rows.listed.iter().map(|p| (p.loc.line, p.code, p.detail.clone())).collect();
    for n in &a.rows.names {
        for l in &n.first {
            v.push((l.line, n.code, format!("{} `{}`: {}", n.what, n.name, n.hint.join("; "))));
        }
    }
    v.sort();
    v
}

#[test]
fn every_schema_column_is_a_standard_column() {
    for c in SCHEMA {
        assert!(crate::config::STANDARD_COLUMNS.contains(&c.name), "{} is missing from STANDARD_COLUMNS", c.name);
    }
}

#[test]
fn english_traditional_and_simplified_headers() {
    for header in [
        "person,role,competency,level,assessed",
        "員工,崗位,能力,等級,評估日期",
        "员工,岗位,能力,等级,评估日期",
        "姓名,職位,能力項,評估等級,日期",
    ] {
        let mut w = seed();
        let (a, c) = w.read(&format!("{header}\n張偉,流程管理經理,流程建模能力,3,2026-09-18\n"));
        assert_eq!(a.people, vec![Person { name: "張偉".into(), role: 2 }], "{header}");
        assert_eq!(id(&c, a.levels[0].competency), "process-modeling");
        assert_eq!(a.levels[0].assessed, chrono::NaiveDate::from_ymd_opt(2026, 9, 18));
    }
}

#[test]
fn competencies_by_id_own_title_simplified_and_another_roles_title() {
    let mut w = seed();
    let (a, c) = w.read(
        "員工,崗位,能力,等級\n\
         周明,運營總監,數據分析,4\n\
         王芳,資源協調專員,数据分析能力,2\n\
         李娜,process-manager,process-modeling,4\n\
         鄭潔,Risk Control Supervisor,問題解決能力,5\n",
    );
    assert_eq!(a.rows.used, 4, "{:?}", skipped(&a));
    let got: Vec<(&str, &str, u8)> =
        a.levels.iter().map(|l| (a.people[l.person].name.as_str(), id(&c, l.competency), l.level)).collect();
    // People in name order (code points: 周 < 李 < 王 < 鄭).
    assert_eq!(
        got,
        vec![
            ("周明", "data-analysis", 4),
            ("李娜", "process-modeling", 4),
            ("王芳", "data-analysis", 2),
            ("鄭潔", "problem-solving", 5)
        ]
    );
}

#[test]
fn the_latest_assessment_counts_not_the_last_row() {
    let mut w = seed();
    let (a, c) = w.read(
        "員工,崗位,能力,等級,評估日期\n\
         張偉,流程管理經理,流程建模能力,3,2026-09-18\n\
         張偉,流程管理經理,流程建模能力,2,2026-03-20\n\
         張偉,流程管理經理,溝通能力,2,\n\
         張偉,流程管理經理,溝通能力,3,2026-01-05\n\
         張偉,流程管理經理,問題解決能力,2,2026-05-01\n\
         張偉,流程管理經理,問題解決能力,4,2026-05-01\n",
    );
    let levels: Vec<(&str, u8)> = a.levels.iter().map(|l| (id(&c, l.competency), l.level)).collect();
    assert_eq!(levels, vec![("communication", 3), ("problem-solving", 4), ("process-modeling", 3)]);
    assert_eq!((a.rows.read, a.rows.used, a.rows.skipped), (6, 3, 3));
    let lines: Vec<u32> = skipped(&a).iter().map(|s| s.0).collect();
    // The March row (older date), the undated row (older than any dated
    // one), and on one date the earlier row.
    assert_eq!(lines, vec![3, 4, 6]);
    assert!(a.rows.listed.iter().all(|p| p.code == Code::Superseded));
    let march = a.rows.listed.iter().find(|p| p.loc.line == 3).unwrap();
    assert_eq!(march.detail, "an older assessment; the one of 2026-09-18 at a.csv:2 counts");
}

#[test]
fn bad_records_name_the_line_and_the_field() {
    let mut w = seed();
    let (a, _) = w.read(
        "員工,崗位,能力,等級,評估日期\n\
         張偉,流程管理經理,流程建模能力,0,\n\
         張偉,流程管理經理,溝通能力,6,\n\
         張偉,流程管理經理,問題解決能力,2.5,\n\
         張偉,流程管理經理,業務理解能力,,\n\
         李娜,流程管理經理,流程建模能力能力,3,\n\
         李娜,流程管理經理,BPMN,3,\n\
         李娜,流程經理,溝通能力,3,\n\
         李娜,資源協調專員,溝通能力,3,\n\
         ,流程管理經理,溝通能力,3,\n\
         孫麗,流程管理經理,溝通能力,5,2026-13-01\n\
         孫麗,流程管理經理,溝通能力,5,2026-09-18\n",
    );
    assert_eq!((a.rows.read, a.rows.used, a.rows.skipped), (11, 1, 10));
    let got = skipped(&a);
    let expect: Vec<(u32, Code, &str)> = vec![
        (2, Code::BadLevel, "`等級` (level): `0` is outside 1 to 5"),
        (3, Code::BadLevel, "`等級` (level): `6` is outside 1 to 5"),
        (4, Code::BadLevel, "`等級` (level): `2.5` is not a whole level (1 to 5)"),
        (5, Code::BadLevel, "`等級` (level): empty; a level from 1 to 5 is needed"),
        (6, Code::UnknownCompetency, "competency `流程建模能力能力`: did you mean `流程建模能力`?"),
        (7, Code::UnknownCompetency, "competency `BPMN`: "),
        (8, Code::UnknownRole, "role `流程經理`: did you mean `流程管理經理`?"),
        (
            9,
            Code::RoleConflict,
            "`崗位` (role): `李娜` is resource-coordinator here but process-manager at a.csv:6; a person has one role",
        ),
        (10, Code::MissingValue, "`員工` (person) is empty"),
        (11, Code::BadValue, "`評估日期` (assessed): `2026-13-01` is not a date"),
    ];
    let got: Vec<(u32, Code, &str)> = got.iter().map(|(l, c, d)| (*l, *c, d.as_str())).collect();
    assert_eq!(got, expect);
    // People whose role is known are listed even when their rows were bad:
    // their competencies show as unassessed, beside the findings.
    let names: Vec<&str> = a.people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, vec!["孫麗", "張偉", "李娜"]);
}

#[test]
fn findings_are_errors_one_per_problem_and_one_per_name() {
    let mut w = seed();
    let rows: String = (0..30).map(|_| "張偉,流程管理經理,流程建模能力,9\n").collect();
    let (a, _) = w.read(&format!("員工,崗位,能力,等級\n{rows}李娜,流程經理,溝通能力,3\n李娜,流程經理,溝通能力,3\n"));
    let d = crate::gaps::findings::of(&a.rows);
    let summary: Vec<(Code, usize, &str)> = d.iter().map(|d| (d.code, d.spots.len(), d.message.as_str())).collect();
    assert_eq!(summary.len(), 22, "{summary:#?}");
    assert!(d.iter().all(|d| d.severity == crate::diag::Severity::Error));
    assert!(summary.contains(&(Code::BadLevel, 0, "10 more rows skipped for bad-level (the first 20 are listed)")));
    assert!(summary.contains(&(Code::UnknownRole, 2, "unknown role `流程經理` (2 rows skipped)")));
}

#[test]
fn a_missing_column_names_the_headers_found() {
    let mut w = seed();
    let t = w.table("員工,崗位,能力,分數\n張偉,流程管理經理,流程建模能力,3\n");
    let err = check_columns(&[t], &w.sources).unwrap_err().to_string();
    assert_eq!(
        err,
        "a.csv:1: no level (等級, 能力等級, 評估等級, 評級, 水平, 熟練度) column; the headers are: 員工, 崗位, 能力, 分數 (or map a header in `columns:` of opsroles.yaml)"
    );
}

#[test]
fn two_competencies_whose_titles_fold_alike_are_ambiguous() {
    let dir = tempfile::tempdir().unwrap();
    let role = |id: &str, comps: &str| format!("id: {id}\ntitle: {id}\ncompetencies:\n{comps}");
    std::fs::write(dir.path().join("a.yaml"), role("a", "  - {id: modeling, title: 建模, level: 4}\n")).unwrap();
    std::fs::write(dir.path().join("b.yaml"), role("b", "  - {id: modelling, title: 建模, level: 3}\n")).unwrap();
    std::fs::write(dir.path().join("c.yaml"), role("c", "  - {id: other, title: 其他, level: 3}\n")).unwrap();
    let mut sources = Sources::default();
    let org = crate::model::load::load_paths(&[dir.path().to_path_buf()], &mut sources).unwrap();
    let c = Catalogue::new(&org.roles);
    // In role a's own rows its own 建模 decides; in role c's rows both
    // others' titles are one tier: ambiguous, both named.
    assert_eq!(c.resolve(0, "建模"), Found::One(0));
    assert_eq!(c.resolve(2, "建模"), Found::Ambiguous(vec!["建模 (modeling)".into(), "建模 (modelling)".into()]));
    assert_eq!(c.resolve(2, "modelling"), Found::One(1));
}
