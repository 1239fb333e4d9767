/*!
Section 5, the role catalogue: one 崗位說明書 card per role — positioning,
reports_to, headcount, duties, authority, competencies with their required
level, KPIs with direction, anchors, weight and unit — as the files say it.
*/

use serde::Serialize;

use crate::model::{Anchor, Org, Sp};

#[derive(Debug, Serialize)]
pub struct Item {
    pub id: String,
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct Competency {
    pub id: String,
    pub title: String,
    pub level: u8,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct Kpi {
    pub id: String,
    pub title: String,
    pub metric: String,
    pub unit: String,
    pub direction: String,
    pub threshold: Option<String>,
    pub target: String,
    pub stretch: Option<String>,
    pub weight: String,
}

#[derive(Debug, Serialize)]
pub struct RoleCard {
    pub id: String,
    pub title: String,
    pub title_en: Option<String>,
    pub reports_to: Option<String>,
    pub headcount: Option<u32>,
    pub positioning: Option<String>,
    pub duties: Vec<Item>,
    pub authority: Vec<Item>,
    pub competencies: Vec<Competency>,
    pub kpis: Vec<Kpi>,
}

/// An anchor as written: `80`, or `[40, 60]`.
pub fn anchor(a: &Anchor) -> String {
    let n = |v: f64| crate::decimal::from_f64(v).map_or_else(|| v.to_string(), |d| d.normalize().to_string());
    match a {
        Anchor::Value(v) => n(*v),
        Anchor::Range([lo, hi]) => format!("[{}, {}]", n(*lo), n(*hi)),
    }
}

fn item(id: &Sp<String>, title: &Sp<String>, description: &Option<Sp<String>>) -> Item {
    Item {
        id: id.value.clone(),
        title: title.value.clone(),
        description: description.as_ref().map(|s| s.value.clone()),
    }
}

pub(super) fn cards(org: &Org) -> Vec<RoleCard> {
    org.roles
        .iter()
        .map(|r| {
            let d = &r.doc;
            RoleCard {
                id: r.id().to_string(),
                title: d.title.value.clone(),
                title_en: d.title_en.as_ref().map(|t| t.value.clone()),
                reports_to: d.reports_to.as_ref().map(|t| t.value.clone()),
                headcount: d.headcount.as_ref().map(|h| h.value),
                positioning: d.positioning.as_ref().map(|p| p.value.clone()),
                duties: r.duties().iter().map(|x| item(&x.value.id, &x.value.title, &x.value.description)).collect(),
                authority: r
                    .authority()
                    .iter()
                    .map(|x| item(&x.value.id, &x.value.title, &x.value.description))
                    .collect(),
                competencies: r
                    .competencies()
                    .iter()
                    .map(|c| Competency {
                        id: c.value.id.value.clone(),
                        title: c.value.title.value.clone(),
                        level: c.value.level.value,
                        description: c.value.description.as_ref().map(|s| s.value.clone()),
                    })
                    .collect(),
                kpis: r
                    .kpis()
                    .iter()
                    .map(|k| {
                        let k = &k.value;
                        Kpi {
                            id: k.id.value.clone(),
                            title: k.title.value.clone(),
                            metric: match (&k.metric, &k.ratio) {
                                (Some(m), _) => m.value.clone(),
                                (None, Some(r)) => format!("{}/{}", r.value.numerator, r.value.denominator),
                                _ => String::new(),
                            },
                            unit: k.unit.value.to_string(),
                            direction: k.direction.value.to_string(),
                            threshold: k.threshold.as_ref().map(|a| anchor(&a.value)),
                            target: anchor(&k.target.value),
                            stretch: k.stretch.as_ref().map(|a| anchor(&a.value)),
                            weight: crate::decimal::from_f64(k.weight.value)
                                .map_or_else(|| k.weight.value.to_string(), |d| d.normalize().to_string()),
                        }
                    })
                    .collect(),
            }
        })
        .collect()
}
