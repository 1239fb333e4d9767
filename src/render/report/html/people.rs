/*!
The scorecards section of the HTML report: the grade distribution and the
mean score per role as charts (each number also in the table beside it), one
row per person, and a person × KPI status grid per role (status words in the
cells, so the grid reads without colour).
*/

use rust_decimal::prelude::ToPrimitive;

use crate::decimal::Num;
use crate::dept::scores::Scores;
use crate::render::escape::html as esc;
use crate::render::html::svg;
use crate::render::lang::{Label, Lang};
use crate::render::report::{empty_period_line, ReportOutput};
use crate::score::formula::fmt1;

fn shown(n: &Option<Num>) -> String {
    n.as_ref().map_or_else(|| "—".to_string(), |n| fmt1(n.value))
}

fn status_label(s: &str, lang: Lang) -> &'static str {
    match s {
        "exceeded" => Label::Exceeded.text(lang),
        "met" => Label::Met.text(lang),
        "below" => Label::Below.text(lang),
        "failed" => Label::Failed.text(lang),
        _ => Label::Missing.text(lang),
    }
}

/// The scorecard numbers for the summary block.
pub(super) fn headline(s: &Scores, lang: Lang) -> String {
    if let Some(e) = &s.empty {
        return format!(
            "<div class=\"summary\"><div class=\"wide\"><b>{}</b>{}</div></div>\n",
            esc(&s.period),
            esc(&empty_period_line(e, lang))
        );
    }
    let scored: Vec<&Num> = s.people.iter().filter_map(|p| p.score.as_ref()).collect();
    let mean = (!scored.is_empty()).then(|| {
        fmt1(scored.iter().map(|n| n.value).sum::<rust_decimal::Decimal>() / rust_decimal::Decimal::from(scored.len()))
    });
    let grades: Vec<String> = s.grades.iter().map(|(g, n)| format!("{g} {n}")).collect();
    format!(
        "<div class=\"summary\"><div><b>{}</b>{} · {}</div><div><b>{}</b>{}</div><div class=\"wide\"><b class=\"grades\">{}</b>{}</div></div>\n",
        s.people.len(),
        esc(Label::Person.text(lang)),
        esc(&s.period),
        esc(mean.as_deref().unwrap_or("—")),
        esc(&format!("{} {}", Label::Mean.text(lang), Label::Score.text(lang))),
        esc(&grades.join(" · ")),
        esc(Label::GradeDistribution.text(lang)),
    )
}

pub(super) fn scorecards(out: &mut String, o: &ReportOutput) {
    let Some(s) = &o.report.scorecards else { return };
    let lang = o.lang;
    let t = |l: Label| esc(l.text(lang));
    out.push_str(&format!("<p>{}: <b>{}</b>", t(Label::Period), esc(&s.period)));
    if let Some(c) = &s.compare {
        out.push_str(&format!(" · {}: {}", t(Label::ComparedWith), esc(c)));
    }
    out.push_str(&format!(
        " · {}: {} {} · {} {} · {} {}</p>\n",
        t(Label::Rows),
        t(Label::RowsRead),
        s.rows.read,
        t(Label::RowsUsed),
        s.rows.used,
        t(Label::RowsSkipped),
        s.rows.skipped
    ));
    if let Some(e) = &s.empty {
        out.push_str(&format!("<p>{}</p>\n", esc(&empty_period_line(e, lang))));
        return;
    }
    // Grade distribution: chart and table.
    out.push_str(&format!("<h3>{}</h3>\n<figure class=\"chart\">", t(Label::GradeDistribution)));
    out.push_str(&svg::histogram(&svg::Histogram {
        title: Label::GradeDistribution.text(lang).to_string(),
        x_axis: Label::Grade.text(lang).to_string(),
        y_axis: Label::People.text(lang).to_string(),
        bins: s.grades.iter().map(|(g, n)| (g.clone(), *n as u64)).collect(),
        color: "#0969da",
    }));
    out.push_str("</figure>\n<table><thead><tr>");
    for (g, _) in &s.grades {
        out.push_str(&format!("<th class=\"n\">{}</th>", esc(g)));
    }
    out.push_str("</tr></thead><tbody><tr>");
    for (_, n) in &s.grades {
        out.push_str(&format!("<td class=\"n\">{n}</td>"));
    }
    out.push_str("</tr></tbody></table>\n");
    // Mean per role against the 60 and 100 lines.
    out.push_str(&format!("<h3>{}</h3>\n<figure class=\"chart\">", t(Label::MeanScorePerRole)));
    out.push_str(&svg::bars(&svg::Bars {
        title: Label::MeanScorePerRole.text(lang).to_string(),
        axis: Label::Score.text(lang).to_string(),
        max: 120.0,
        bars: s
            .roles
            .iter()
            .map(|r| {
                let v = r.mean.as_ref().and_then(|m| m.value.to_f64()).unwrap_or(0.0);
                svg::Bar {
                    label: r.title.clone(),
                    value: v,
                    shown: shown(&r.mean),
                    color: if v >= 100.0 {
                        "#2da44e"
                    } else if v >= 60.0 {
                        "#bf8700"
                    } else {
                        "#cf222e"
                    },
                }
            })
            .collect(),
        marks: vec![(60.0, "60".into()), (100.0, "100".into())],
        legend: Vec::new(),
    }));
    out.push_str(&format!(
        "</figure>\n<table><thead><tr><th>{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th></tr></thead><tbody>\n",
        t(Label::Role),
        t(Label::People),
        t(Label::Mean)
    ));
    for r in &s.roles {
        out.push_str(&format!(
            "<tr><td>{} <span class=\"muted\">({})</span></td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>\n",
            esc(&r.title),
            esc(&r.role),
            r.people,
            shown(&r.mean)
        ));
    }
    out.push_str("</tbody></table>\n");
    // One row per person.
    out.push_str(&format!("<h3>{}</h3>\n<div class=\"scroll\"><table><thead><tr><th>{}</th><th>{}</th><th class=\"n\">{}</th><th>{}</th><th class=\"n\">{}</th>", t(Label::Person), t(Label::Person), t(Label::Role), t(Label::Score), t(Label::Grade), t(Label::Coverage)));
    if s.compare.is_some() {
        out.push_str(&format!("<th class=\"n\">{}</th><th class=\"n\">{}</th>", t(Label::Before), t(Label::Change)));
    }
    out.push_str("</tr></thead><tbody>\n");
    for p in &s.people {
        let role = o.report.raci.titles.get(&p.role).map_or(p.role.as_str(), String::as_str);
        out.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td class=\"n\">{}</td><td>{}</td><td class=\"n\">{}%</td>",
            esc(&p.entity),
            esc(role),
            shown(&p.score),
            esc(&p.grade),
            crate::decimal::round(p.coverage.value * rust_decimal::Decimal::ONE_HUNDRED, 1).normalize()
        ));
        if let Some(before) = &p.compare {
            let change = crate::render::score::change(p.score.map(|n| n.value), before.map(|n| n.value));
            out.push_str(&format!("<td class=\"n\">{}</td><td class=\"n\">{change}</td>", shown(before)));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table></div>\n");
    // Person × KPI status, per role.
    out.push_str(&format!("<h3>{}</h3>\n", t(Label::StatusGrid)));
    for g in &s.grids {
        out.push_str(&format!("<h4>{} <span class=\"muted\">({})</span></h4>\n<div class=\"scroll\"><table class=\"grid\"><thead><tr><th>{}</th>", esc(&g.title), esc(&g.role), t(Label::Person)));
        for (id, title) in &g.kpis {
            out.push_str(&format!("<th class=\"small\" title=\"{}\">{}</th>", esc(id), esc(title)));
        }
        out.push_str("</tr></thead><tbody>\n");
        for (who, statuses) in &g.rows {
            out.push_str(&format!("<tr><td>{}</td>", esc(who)));
            for st in statuses {
                out.push_str(&format!("<td class=\"st {st}\">{}</td>", esc(status_label(st, lang))));
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody></table></div>\n");
    }
}
