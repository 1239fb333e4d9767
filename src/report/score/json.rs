/*!
JSON scorecards, the shape of SPEC 3.4. Numbers are JSON numbers with at most
4 decimals; `--compare` adds `compare_score` and `change` fields.
*/

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde_json::{json, Map, Value};

use super::{RenderScore, View};
use crate::score::formula::round;
use crate::score::Report;

pub struct Json;

/// A decimal as a JSON number with at most 4 decimals.
pub fn number(d: Decimal) -> Value {
    let r = round(d, 4).normalize();
    // Rounded to 4 decimals, an f64 prints back as the same short decimal.
    r.to_f64().map_or(Value::Null, |f| json!(f))
}

fn opt(d: Option<Decimal>) -> Value {
    d.map_or(Value::Null, number)
}

impl RenderScore for Json {
    fn render(&self, r: &Report, view: View) -> String {
        let period = |label: &str, p: Option<crate::score::period::Period>| json!({"label": label, "start": p.map(|p| p.start.to_string()), "end": p.map(|p| p.end.to_string())});
        let mut by_reason = Map::new();
        for (k, n) in &r.rows.skipped_by_reason {
            by_reason.insert(k.as_str().to_string(), json!(n));
        }
        let cards: Vec<Value> = r
            .cards
            .iter()
            .map(|c| {
                let kpis: Vec<Value> = c
                    .kpis
                    .iter()
                    .map(|l| {
                        let mut k = json!({
                            "id": l.kpi.id,
                            "metric": l.kpi.metric,
                            "value": opt(l.value),
                            "score": opt(l.scored.as_ref().map(|s| s.score)),
                            "weight": number(l.kpi.weight),
                            "status": l.status.as_str(),
                        });
                        if r.compare.is_some() {
                            k["compare_score"] = opt(l.compare);
                        }
                        if view.explain {
                            k["explain"] = l
                                .scored
                                .as_ref()
                                .map_or(Value::Null, |s| json!({"band": s.band.to_string(), "formula": s.formula}));
                        }
                        k
                    })
                    .collect();
                let mut card = json!({
                    "entity": c.entity,
                    "role": c.role,
                    "score": opt(c.score),
                    "grade": c.grade,
                    "complete": c.complete,
                    "coverage": number(c.coverage),
                    "status": if c.insufficient { "insufficient" } else { "ok" },
                    "kpis": kpis,
                });
                if r.compare.is_some() {
                    card["compare_score"] = opt(c.compare);
                    card["change"] = match (c.score, c.compare) {
                        (Some(a), Some(b)) => number(a - b),
                        _ => Value::Null,
                    };
                }
                card
            })
            .collect();
        let mut doc = json!({
            "version": 1,
            "period": period(&r.label, r.period),
                        "rows": {"read": r.rows.read, "used": r.rows.used, "skipped": r.rows.skipped, "skipped_by_reason": by_reason, "ignored_cells": r.rows.ignored_cells},
            "scorecards": cards,
        });
        if let Some(c) = r.compare {
            doc["compare_period"] = period(&c.to_string(), Some(c));
        }
        let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
        s.push('\n');
        s
    }
}
