/*!
Sections 8–10 of the HTML report: risks (the 5×5 heat map coloured by level
with the count and level letter in every cell, the register, FMEA rows,
responses past due), conflicts (share met, median and slowest days, past due
items, per department, a chart of working days to resolve) and competency
gaps (the mean gap per role and competency, the training plan, the mentor
pairs). Every number of a chart is also in a table.
*/

use crate::decimal::Num;
use crate::dept::conflicts::Conflicts;
use crate::dept::gaps::Gaps;
use crate::dept::risks::Risks;
use crate::render::escape::html as esc;
use crate::render::html::svg;
use crate::render::lang::{Label, Lang};
use crate::render::report::ReportOutput;
use crate::render::risk::level;
use crate::risk::level::Level;
use crate::score::formula::fmt1;

/// The mainland's four-colour risk scale: blue, yellow, orange, red.
fn fill(l: Level) -> &'static str {
    match l {
        Level::Low => "#9cc3f5",
        Level::Medium => "#f9e27d",
        Level::High => "#f6a35c",
        Level::Critical => "#e5534b",
    }
}

fn letter(l: Level) -> &'static str {
    match l {
        Level::Low => "L",
        Level::Medium => "M",
        Level::High => "H",
        Level::Critical => "C",
    }
}

fn share(n: &Option<Num>) -> String {
    n.as_ref().map_or_else(|| "—".to_string(), |n| format!("{}%", fmt1(n.value * rust_decimal::Decimal::ONE_HUNDRED)))
}

pub(super) fn risks(out: &mut String, o: &ReportOutput, r: &Risks) {
    let lang = o.lang;
    let t = |l: Label| esc(l.text(lang));
    let summary: Vec<String> = r.summary.iter().map(|(l, n)| format!("{} <b>{n}</b>", esc(&level(*l, lang)))).collect();
    out.push_str(&format!("<p>{} · {} <b>{}</b></p>\n", summary.join(" · "), t(Label::Overdue), r.overdue));
    out.push_str(&format!("<h3>{}</h3>\n<figure class=\"chart\">", t(Label::HeatMap)));
    out.push_str(&svg::grid(&svg::Grid {
        title: Label::HeatMap.text(lang).to_string(),
        row_axis: Label::Likelihood.text(lang).to_string(),
        col_axis: Label::Impact.text(lang).to_string(),
        rows: (1..=5).rev().map(|l| l.to_string()).collect(),
        cols: (1..=5).map(|i| i.to_string()).collect(),
        cells: r
            .heatmap
            .iter()
            .map(|row| {
                row.iter()
                    .map(|c| svg::Cell { text: format!("{} {}", letter(c.level), c.count), fill: fill(c.level) })
                    .collect()
            })
            .collect(),
        legend: Level::ALL_DESC
            .iter()
            .rev()
            .map(|l| (fill(*l), format!("{} {}", letter(*l), level(*l, lang))))
            .collect(),
    }));
    out.push_str("</figure>\n");
    out.push_str(&format!(
        "<h3>{}</h3>\n<div class=\"scroll\"><table><thead><tr><th>{}</th><th>{}</th><th>{}</th><th class=\"n\">{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>\n",
        t(Label::RiskRegister),
        t(Label::Id),
        t(Label::RiskTitle),
        t(Label::Owner),
        t(Label::RiskScore),
        t(Label::RiskLevel),
        t(Label::Rpn),
        t(Label::Status),
        t(Label::Response),
        t(Label::Due)
    ));
    for k in &r.register {
        let fmea = crate::render::report::rpn_cell(k);
        let due = match (&k.due, k.overdue) {
            (Some(d), true) => format!("<b>{}</b> ({})", esc(d), t(Label::Overdue)),
            (Some(d), false) => esc(d),
            (None, _) => "—".to_string(),
        };
        out.push_str(&format!(
            "<tr><td>{}</td><td>{}<br><span class=\"muted small\">{}</span></td><td>{}</td><td class=\"n\">{}×{}={}</td><td style=\"background:{}\">{}</td><td>{}</td><td>{}</td><td class=\"small\">{}</td><td>{}</td></tr>\n",
            esc(&k.id),
            esc(&k.title),
            esc(&k.category),
            esc(&k.owner_title),
            k.likelihood,
            k.impact,
            k.score,
            fill(k.level),
            esc(&level(k.level, lang)),
            esc(&fmea),
            esc(&crate::render::risk::status(k.status, lang)),
            esc(&k.response),
            due
        ));
    }
    out.push_str("</tbody></table></div>\n");
}

pub(super) fn conflicts(out: &mut String, o: &ReportOutput, c: &Conflicts) {
    let lang = o.lang;
    let t = |l: Label| esc(l.text(lang));
    let median = c.median_days.as_ref().map_or_else(|| "—".to_string(), |m| m.value.normalize().to_string());
    out.push_str(&format!(
        "<div class=\"summary\"><div><b>{}</b>{}</div><div><b>{}</b>{} ({} {})</div><div><b>{}</b>{}</div><div><b>{}</b>{}</div><div><b>{}</b>{}</div></div>\n",
        c.total,
        t(Label::ConflictsCounted),
        share(&c.met_share),
        t(Label::MetShare),
        c.conflict_days,
        t(Label::WithinDays),
        esc(&median),
        t(Label::MedianDays),
        c.max_days.map_or("—".to_string(), |d| d.to_string()),
        t(Label::MaxDays),
        c.overdue,
        t(Label::Overdue),
    ));
    if !c.days.is_empty() {
        out.push_str(&format!(
            "<figure class=\"chart\">{}</figure>\n",
            svg::histogram(&svg::Histogram {
                title: format!("{} ({})", Label::WorkingDays.text(lang), Label::ConflictsCounted.text(lang)),
                x_axis: Label::WorkingDays.text(lang).to_string(),
                y_axis: Label::Count.text(lang).to_string(),
                bins: c.days.iter().map(|(d, n)| (d.to_string(), *n as u64)).collect(),
                color: "#8250df",
            })
        ));
        out.push_str(&format!("<table><thead><tr><th>{}</th>", t(Label::WorkingDays)));
        for (d, _) in &c.days {
            out.push_str(&format!("<th class=\"n\">{d}</th>"));
        }
        out.push_str(&format!("</tr></thead><tbody><tr><td>{}</td>", t(Label::Count)));
        for (_, n) in &c.days {
            out.push_str(&format!("<td class=\"n\">{n}</td>"));
        }
        out.push_str("</tr></tbody></table>\n");
    }
    if !c.past_due.is_empty() {
        out.push_str(&format!(
            "<h3>{}</h3>\n<table><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>\n",
            t(Label::Overdue),
            t(Label::Id),
            t(Label::Matter),
            t(Label::Parties),
            t(Label::Raised),
            t(Label::Due),
            t(Label::State)
        ));
        for i in &c.past_due {
            out.push_str(&format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                esc(&i.id),
                esc(&i.title),
                esc(&i.parties.join("、")),
                esc(&i.raised),
                esc(&i.due),
                esc(&match lang {
                    Lang::Zh => i.state.zh().to_string(),
                    Lang::En => i.state.to_string(),
                })
            ));
        }
        out.push_str("</tbody></table>\n");
    }
    out.push_str(&format!(
        "<h3>{}</h3>\n<table><thead><tr><th>{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th></tr></thead><tbody>\n",
        t(Label::ByParty),
        t(Label::Parties),
        t(Label::Total),
        t(Label::ConflictMet),
        t(Label::ConflictLate),
        t(Label::ConflictOpen),
        t(Label::Overdue),
        t(Label::MetShare)
    ));
    for p in &c.parties {
        out.push_str(&format!(
            "<tr><td>{} <span class=\"muted\">({})</span></td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>\n",
            esc(&p.title),
            esc(&p.id),
            p.total,
            p.met,
            p.late,
            p.open,
            p.overdue,
            share(&p.met_share)
        ));
    }
    out.push_str("</tbody></table>\n");
}

pub(super) fn gaps(out: &mut String, o: &ReportOutput, g: &Gaps) {
    let lang = o.lang;
    let t = |l: Label| esc(l.text(lang));
    out.push_str(&format!(
        "<p>{} <b>{}</b> · {} <b>{}</b> · {} <b>{}</b></p>\n",
        t(Label::PeopleNamed),
        g.people,
        t(Label::Gaps),
        g.gaps,
        t(Label::Unassessed),
        g.unassessed
    ));
    out.push_str(&format!("<h3>{}</h3>\n", t(Label::MeanGap)));
    for role in &g.grid {
        out.push_str(&format!(
            "<h4>{} <span class=\"muted\">({}, {} {})</span></h4>\n<table><thead><tr><th>{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th></tr></thead><tbody>\n",
            esc(&role.title),
            esc(&role.role),
            role.people,
            t(Label::PeopleUnit),
            t(Label::Competency),
            t(Label::Required),
            t(Label::AssessedPeople),
            t(Label::WithGap),
            t(Label::MeanGap)
        ));
        for (id, title, required, cell) in &role.competencies {
            let mean = cell
                .mean_gap
                .as_ref()
                .map_or("—".to_string(), |m| crate::decimal::round(m.value, 2).normalize().to_string());
            let style = if cell.with_gap > 0 { " style=\"background:#fff8c5\"" } else { "" };
            out.push_str(&format!(
                "<tr><td>{} <span class=\"muted small\">{}</span></td><td class=\"n\">{required}</td><td class=\"n\">{}</td><td class=\"n\"{style}>{}</td><td class=\"n\"{style}>{mean}</td></tr>\n",
                esc(title),
                esc(id),
                cell.assessed,
                cell.with_gap
            ));
        }
        out.push_str("</tbody></table>\n");
    }
    out.push_str(&format!(
        "<h3>{}</h3>\n<table><thead><tr><th>{}</th><th>{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th></tr></thead><tbody>\n",
        t(Label::TrainingPlan),
        t(Label::Competency),
        t(Label::PeopleNamed),
        t(Label::TotalGap),
        t(Label::MeanGap),
        t(Label::Mentored)
    ));
    for c in &g.training {
        let people: Vec<String> = c.people.iter().map(|(n, gap)| format!("{}({gap})", esc(n))).collect();
        out.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>\n",
            esc(&c.title),
            people.join("、"),
            c.total_gap,
            crate::decimal::round(c.mean_gap.value, 2).normalize(),
            c.mentored
        ));
    }
    out.push_str("</tbody></table>\n");
    out.push_str(&format!(
        "<h3>{}</h3>\n<table><thead><tr><th>{}</th><th>{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th><th>{}</th><th class=\"n\">{}</th></tr></thead><tbody>\n",
        t(Label::MentorPairs),
        t(Label::Mentee),
        t(Label::Competency),
        t(Label::Required),
        t(Label::Assessed),
        t(Label::Mentor),
        t(Label::MentorLevel)
    ));
    for p in &g.pairs {
        let role = o.report.raci.titles.get(&p.role).map_or(p.role.as_str(), String::as_str);
        let mentor = p.mentor.as_deref().map_or_else(|| format!("<i>{}</i>", t(Label::TrainingOnly)), esc);
        out.push_str(&format!(
            "<tr><td>{} <span class=\"muted small\">{}</span></td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td>{mentor}</td><td class=\"n\">{}</td></tr>\n",
            esc(&p.mentee),
            esc(role),
            esc(&p.title),
            p.required,
            p.assessed,
            p.mentor_level.map_or("—".to_string(), |l| l.to_string())
        ));
    }
    out.push_str("</tbody></table>\n");
}
