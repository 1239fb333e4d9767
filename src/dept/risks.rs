/*!
Section 8, risks: the 5×5 heat map with the count and level of each cell,
the register sorted by level (then likelihood × impact, then id), the FMEA
rows with RPN and action priority, the responses past due, and the summary
per level — as the `risk` command grades them.
*/

use serde::Serialize;

use crate::risk::level::Level;
use crate::risk::Register;

#[derive(Debug, Serialize)]
pub struct RiskRow {
    pub id: String,
    pub title: String,
    pub owner: String,
    pub owner_title: String,
    pub category: String,
    pub likelihood: u8,
    pub impact: u8,
    pub score: u8,
    pub level: Level,
    pub rpn: Option<u16>,
    pub action_priority: Option<String>,
    pub status: crate::risk::record::Status,
    pub response: String,
    pub due: Option<String>,
    pub overdue: bool,
}

#[derive(Debug, Serialize)]
pub struct HeatCell {
    pub count: usize,
    pub level: Level,
}

#[derive(Debug, Serialize)]
pub struct Risks {
    pub inputs: Vec<String>,
    /// `heatmap[i][j]`: likelihood 5 − i, impact j + 1 (SPEC 6.1).
    pub heatmap: Vec<Vec<HeatCell>>,
    /// Level → risks, worst first.
    pub summary: Vec<(Level, usize)>,
    pub overdue: usize,
    pub register: Vec<RiskRow>,
}

pub(super) fn risks(r: &Register, inputs: Vec<String>) -> Risks {
    let heatmap = (0..5)
        .map(|i| {
            (0..5)
                .map(|j| {
                    let score = ((5 - i) * (j + 1)) as u8;
                    HeatCell { count: r.heatmap[i][j], level: Level::of(score, &r.levels) }
                })
                .collect()
        })
        .collect();
    let s = &r.summary;
    let mut register: Vec<RiskRow> = r
        .risks
        .iter()
        .map(|k| RiskRow {
            id: k.id.clone(),
            title: k.title.clone(),
            owner: k.owner.clone(),
            owner_title: k.owner_title.clone(),
            category: k.category.clone(),
            likelihood: k.likelihood,
            impact: k.impact,
            score: k.score,
            level: k.level,
            rpn: k.rpn,
            action_priority: k.action_priority.map(|p| p.to_string()),
            status: k.status,
            response: k.response.clone(),
            due: k.due.map(|d| d.to_string()),
            overdue: k.overdue,
        })
        .collect();
    register.sort_by(|a, b| b.level.cmp(&a.level).then(b.score.cmp(&a.score)).then_with(|| a.id.cmp(&b.id)));
    Risks {
        inputs,
        heatmap,
        summary: vec![
            (Level::Critical, s.critical),
            (Level::High, s.high),
            (Level::Medium, s.medium),
            (Level::Low, s.low),
        ],
        overdue: s.overdue,
        register,
    }
}
