//! The shipped roles are the report's roles: every numbered duty, competency
//! and KPI of 運營管理部門人員職責分析報告 (a copy is in tests/fixtures/seed),
//! word for word, with the directions the report's measures imply.

use std::path::PathBuf;

use opsroles::model::{Direction, Role};

fn report() -> String {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seed/ops-roles-report.zh.txt");
    std::fs::read_to_string(p).unwrap()
}

fn roles() -> Vec<Role> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("roles");
    let mut sources = opsroles::source::Sources::default();
    let loaded = opsroles::model::load::load_paths(&[dir], &mut sources).unwrap();
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    loaded.roles
}

fn role<'a>(roles: &'a [Role], id: &str) -> &'a Role {
    roles.iter().find(|r| r.id() == id).unwrap()
}

/// (id, title, numbered duties in the report, competencies, KPIs)
const EXPECTED: &[(&str, &str, usize, usize, usize)] = &[
    ("operations-director", "運營總監", 5, 5, 8),
    ("process-manager", "流程管理經理", 4, 4, 4),
    ("resource-coordinator", "資源協調專員", 4, 4, 5),
    ("performance-analyst", "績效分析師", 5, 4, 4),
    ("risk-supervisor", "風險管控主管", 5, 4, 4),
];

#[test]
fn five_roles_with_every_numbered_duty_in_order_and_verbatim() {
    let report = report();
    let roles = roles();
    assert_eq!(roles.len(), 5);
    for &(id, title, duties, competencies, kpis) in EXPECTED {
        let r = role(&roles, id);
        assert_eq!(r.doc.title.value, title);
        assert!(r.doc.title_en.is_some(), "{id}: title_en");
        let positioning = &r.doc.positioning.as_ref().unwrap().value;
        assert!(report.contains(&format!("崗位定位:{positioning}")), "{id}: positioning");
        assert_eq!(r.duties().len(), duties, "{id}: duties");
        for (n, d) in r.duties().iter().enumerate() {
            let d = &d.value;
            let desc = &d.description.as_ref().unwrap().value;
            let numbered = format!("{}.{}:{}", n + 1, d.title.value, desc);
            assert!(report.contains(&numbered), "{id}: duty {} not in the report as «{numbered}»", d.id.value);
        }
        assert_eq!(r.competencies().len(), competencies, "{id}: competencies");
        for c in r.competencies() {
            let c = &c.value;
            let text = format!("{}:{}", c.title.value, c.description.as_ref().unwrap().value);
            assert!(report.contains(&text), "{id}: competency «{text}»");
            assert!((1..=5).contains(&c.level.value));
        }
        assert_eq!(r.kpis().len(), kpis, "{id}: KPIs");
        for k in r.kpis() {
            assert!(report.contains(&k.value.title.value), "{id}: KPI title «{}»", k.value.title.value);
        }
        assert!(!r.authority().is_empty(), "{id}: authority");
    }
}

#[test]
fn the_reports_named_authority_belongs_to_the_process_manager() {
    let roles = roles();
    let pm = role(&roles, "process-manager");
    assert!(pm.authority().iter().any(|a| a.value.title.value == "審批流程優化方案"));
}

#[test]
fn losses_idle_rate_cycle_times_and_incidents_are_lower_is_better() {
    let roles = roles();
    let lower = ["風險損失金額", "重大運營風險發生次數", "資源閑置率", "績效分析及時性", "風險應對及時率"];
    for r in &roles {
        for k in r.kpis() {
            let want = if lower.contains(&k.value.title.value.as_str()) { Direction::Lower } else { Direction::Higher };
            assert_eq!(k.value.direction.value, want, "{}", k.value.title.value);
        }
    }
}

#[test]
fn every_partner_department_of_section_three_takes_part() {
    let roles = roles();
    let mut named: Vec<&str> = roles
        .iter()
        .flat_map(|r| r.duties())
        .flat_map(|d| d.value.consulted.iter().chain(&d.value.informed))
        .map(|s| s.value.as_str())
        .collect();
    named.sort();
    named.dedup();
    for p in ["business", "finance", "hr", "it", "management"] {
        assert!(named.contains(&p), "{p} is never consulted or informed");
    }
}

/// What the report does not give is marked as our choice, in every file and
/// at the fields themselves: R/C/I, headcount, authorities (all but
/// 審批流程優化方案), levels, anchors, weights.
#[test]
fn our_choices_are_marked_as_ours() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("roles");
    let report = report();
    for r in roles() {
        let text = std::fs::read_to_string(dir.join(format!("{}.yaml", r.id()))).unwrap();
        let id = r.id();
        assert!(text.contains("# What is the report's, and what is our choice"), "{id}: header");
        assert!(text.contains("(responsible, consulted, informed)"), "{id}: R/C/I disclosed");
        // The nearest comment line above a key says whose it is.
        let above = |key: &str| -> &str {
            let lines: Vec<&str> = text.lines().collect();
            let i = lines.iter().position(|l| l.starts_with(key)).unwrap_or_else(|| panic!("{id}: no {key}"));
            lines[..i].iter().rev().find(|l| l.starts_with('#')).copied().unwrap_or("")
        };
        for (key, mark) in [
            ("headcount:", "headcount: our choice"),
            ("reports_to:", "reports_to and headcount: our choice"),
            ("duties:", "R/C/I are our choice"),
            ("competencies:", "levels are our choice"),
            ("kpis:", "anchors, weight and aggregate are our choice"),
        ] {
            if key == "reports_to:" && !text.contains("\nreports_to:") {
                continue; // the director reports to no role
            }
            assert!(above(key).contains(mark), "{id}: above `{key}`: `{}` does not say `{mark}`", above(key));
        }
        if id == "process-manager" {
            // The one authority the report names (四(二)1), word for word.
            assert!(above("authority:").contains("the report's"), "{}", above("authority:"));
            let titles: Vec<&str> = r.authority().iter().map(|a| a.value.title.value.as_str()).collect();
            assert_eq!(titles, vec!["審批流程優化方案"]);
            assert!(report.contains("權限包括“審批流程優化方案”"));
        } else {
            assert_eq!(above("authority:"), "# authority: our choice.", "{id}");
        }
    }
}
