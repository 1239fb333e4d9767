/*!
Section 10, competency gaps: the role × competency grid of the mean gap (over
the people of the role assessed in it), the training plan, and the mentor
pairs — as the `gaps` command finds and pairs them.
*/

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::decimal::Num;
use crate::gaps::Report;

#[derive(Debug, Serialize)]
pub struct GridCell {
    /// People of the role with this competency assessed.
    pub assessed: usize,
    /// With a gap among them.
    pub with_gap: usize,
    /// Mean of (required − assessed, 0 when met) over the assessed.
    pub mean_gap: Option<Num>,
}

#[derive(Debug, Serialize)]
pub struct RoleGrid {
    pub role: String,
    pub title: String,
    pub people: usize,
    /// (competency id, title, required level, cell).
    pub competencies: Vec<(String, String, u8, GridCell)>,
}

#[derive(Debug, Serialize)]
pub struct Course {
    pub competency: String,
    pub title: String,
    pub people: Vec<(String, u8)>,
    pub total_gap: u64,
    pub mean_gap: Num,
    pub mentored: usize,
}

#[derive(Debug, Serialize)]
pub struct PairRow {
    pub mentee: String,
    pub role: String,
    pub competency: String,
    pub title: String,
    pub required: u8,
    pub assessed: u8,
    /// `None`: training only.
    pub mentor: Option<String>,
    pub mentor_level: Option<u8>,
}

#[derive(Debug, Serialize)]
pub struct Gaps {
    pub inputs: Vec<String>,
    pub people: usize,
    pub gaps: usize,
    pub unassessed: usize,
    pub grid: Vec<RoleGrid>,
    pub training: Vec<Course>,
    pub pairs: Vec<PairRow>,
}

pub(super) fn gaps(r: &Report, inputs: Vec<String>) -> Gaps {
    // (role) → (title, people, competency id → (title, required, assessed, with gap, Σgap)).
    type Cells = BTreeMap<String, (String, u8, usize, usize, u64)>;
    let mut roles: BTreeMap<String, (String, usize, Vec<String>, Cells)> = BTreeMap::new();
    for p in &r.people {
        let e = roles
            .entry(p.role.id.to_string())
            .or_insert_with(|| (p.role.title.to_string(), 0, Vec::new(), BTreeMap::new()));
        e.1 += 1;
        for l in &p.lines {
            let id = l.competency.id.to_string();
            if !e.2.contains(&id) {
                e.2.push(id.clone());
            }
            let c = e.3.entry(id).or_insert_with(|| (l.competency.title.to_string(), l.required, 0, 0, 0));
            if l.assessed.is_some() {
                c.2 += 1;
                if let Some(g) = l.gap() {
                    c.3 += 1;
                    c.4 += u64::from(g);
                }
            }
        }
    }
    let grid = roles
        .into_iter()
        .map(|(role, (title, people, order, cells))| RoleGrid {
            role,
            title,
            people,
            competencies: order
                .into_iter()
                .map(|id| {
                    let (t, required, assessed, with_gap, sum) = cells[&id].clone();
                    let mean = (assessed > 0).then(|| Num::of(Decimal::from(sum) / Decimal::from(assessed)));
                    (id, t, required, GridCell { assessed, with_gap, mean_gap: mean })
                })
                .collect(),
        })
        .collect();
    Gaps {
        inputs,
        people: r.people.len(),
        gaps: r.people.iter().map(|p| p.gaps().count()).sum(),
        unassessed: r.people.iter().map(|p| p.unassessed().count()).sum(),
        grid,
        training: r
            .training
            .iter()
            .map(|c| Course {
                competency: c.competency.id.to_string(),
                title: c.competency.title.to_string(),
                people: c.people.iter().map(|(n, g)| (n.to_string(), *g)).collect(),
                total_gap: c.total_gap,
                mean_gap: Num::of(c.mean_gap),
                mentored: c.mentored,
            })
            .collect(),
        pairs: r
            .pairs
            .iter()
            .map(|p| PairRow {
                mentee: p.mentee.to_string(),
                role: p.role.to_string(),
                competency: p.competency.id.to_string(),
                title: p.competency.title.to_string(),
                required: p.required,
                assessed: p.assessed,
                mentor: p.mentor.as_ref().map(|m| m.name.to_string()),
                mentor_level: p.mentor.as_ref().map(|m| m.level),
            })
            .collect(),
    }
}
