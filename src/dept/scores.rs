/*!
Section 7, the scorecards: the grade distribution, the mean score per role
(drawn against the 60 and 100 lines), one row per person with score, grade,
coverage and — with `--compare` — the change, and a person × KPI status grid
per role; or, when `--period` selects no row, what the exports cover. Numbers stay decimal here; renderers round them for display.
*/

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::decimal::Num;
use crate::score::Report;

#[derive(Debug, Serialize)]
pub struct Person {
    pub entity: String,
    pub role: String,
    pub score: Option<Num>,
    pub grade: String,
    pub coverage: Num,
    pub insufficient: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub compare: Option<Option<Num>>,
}

#[derive(Debug, Serialize)]
pub struct RoleMean {
    pub role: String,
    pub title: String,
    pub people: usize,
    /// Over the people with a score.
    pub mean: Option<Num>,
}

#[derive(Debug, Serialize)]
pub struct Grid {
    pub role: String,
    pub title: String,
    /// (KPI id, title).
    pub kpis: Vec<(String, String)>,
    /// (entity, status per KPI).
    pub rows: Vec<(String, Vec<&'static str>)>,
}

/// `--period` selected no row: the section says so instead of drawing
/// empty charts.
#[derive(Debug, Serialize)]
pub struct Empty {
    /// What the exports cover (`2026-Q3 (2026-07 – 2026-09)`); `None`
    /// without dated rows.
    pub covered: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct Scores {
    pub period: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub empty: Option<Empty>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub compare: Option<String>,
    pub rows: crate::dept::scores::RowsSummary,
    /// Grade → people, best first, `-` (insufficient data) last.
    pub grades: Vec<(String, usize)>,
    pub roles: Vec<RoleMean>,
    pub people: Vec<Person>,
    pub grids: Vec<Grid>,
}

#[derive(Debug, Serialize)]
pub struct RowsSummary {
    pub read: u64,
    pub used: u64,
    pub skipped: u64,
}

pub(super) fn scores(r: &Report) -> Scores {
    let compare = r.compare.is_some();
    // The report shows every card several ways: work them out once.
    let cards: Vec<_> = r.cards(false).collect();
    let mut grade_counts: BTreeMap<String, usize> = BTreeMap::new();
    for c in &cards {
        *grade_counts.entry(c.grade.clone()).or_default() += 1;
    }
    // Best first: the order the config lists grades in is lost here, so by
    // the lowest score of any card holding the grade, highest first.
    let mut grades: Vec<(String, usize)> = grade_counts.into_iter().collect();
    let floor = |g: &str| cards.iter().filter(|c| c.grade == g).filter_map(|c| c.score).min();
    grades.sort_by(|a, b| {
        (a.0 == "-").cmp(&(b.0 == "-")).then_with(|| floor(&b.0).cmp(&floor(&a.0))).then(a.0.cmp(&b.0))
    });
    let mut by_role: BTreeMap<&str, (String, Vec<Decimal>, usize)> = BTreeMap::new();
    for c in &cards {
        let e = by_role.entry(&c.role.id).or_insert_with(|| (c.role.title.clone(), Vec::new(), 0));
        e.2 += 1;
        if let Some(s) = c.score {
            e.1.push(s);
        }
    }
    let roles = by_role
        .into_iter()
        .map(|(id, (title, scores, people))| RoleMean {
            role: id.to_string(),
            title,
            people,
            mean: (!scores.is_empty()).then(|| Num::of(scores.iter().sum::<Decimal>() / Decimal::from(scores.len()))),
        })
        .collect();
    let people = cards
        .iter()
        .map(|c| Person {
            entity: c.entity.clone(),
            role: c.role.id.clone(),
            score: Num::opt(c.score),
            grade: c.grade.clone(),
            coverage: Num::of(c.coverage),
            insufficient: c.insufficient,
            compare: compare.then(|| Num::opt(c.compare)),
        })
        .collect();
    let mut grids: Vec<Grid> = Vec::new();
    for c in &cards {
        let g = match grids.iter_mut().find(|g| g.role == c.role.id) {
            Some(g) => g,
            None => {
                grids.push(Grid {
                    role: c.role.id.clone(),
                    title: c.role.title.clone(),
                    kpis: c.kpis.iter().map(|l| (l.kpi.id.clone(), l.kpi.title.clone())).collect(),
                    rows: Vec::new(),
                });
                grids.last_mut().expect("just pushed")
            }
        };
        g.rows.push((c.entity.clone(), c.kpis.iter().map(|l| l.status.as_str()).collect()));
    }
    Scores {
        period: r.label.clone(),
        empty: r.empty_selection.is_some().then(|| Empty { covered: r.covered.clone() }),
        compare: r.compare.map(|p| p.to_string()),
        rows: RowsSummary { read: r.rows.read, used: r.rows.used, skipped: r.rows.skipped },
        grades,
        roles,
        people,
        grids,
    }
}
