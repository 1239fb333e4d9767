/*!
The role catalogue (one 崗位說明書 card per role) and the findings table of
the HTML report.
*/

use crate::render::escape::html as esc;
use crate::render::lang::{Label, Lang};
use crate::render::report::ReportOutput;

fn unit(u: &str, lang: Lang) -> &str {
    match (u, lang) {
        (_, Lang::En) => u,
        ("percent", _) => "百分比",
        ("ratio", _) => "比率",
        ("count", _) => "次數",
        ("score", _) => "分",
        ("currency", _) => "金額",
        ("days", _) => "天",
        ("hours", _) => "小時",
        _ => u,
    }
}

fn direction(d: &str, lang: Lang) -> &'static str {
    match d {
        "higher" => Label::Higher.text(lang),
        "lower" => Label::Lower.text(lang),
        _ => Label::Range.text(lang),
    }
}

pub(super) fn cards(out: &mut String, o: &ReportOutput) {
    let lang = o.lang;
    let t = |l: Label| esc(l.text(lang));
    for c in &o.report.catalogue {
        out.push_str(&format!("<div class=\"card\" id=\"role-{}\">\n<h3>{}", esc(&c.id), esc(&c.title)));
        if let Some(en) = &c.title_en {
            out.push_str(&format!(" <span class=\"muted\">{}</span>", esc(en)));
        }
        out.push_str(&format!(" <span class=\"muted small\">({})</span></h3>\n<dl>", esc(&c.id)));
        if let Some(p) = &c.positioning {
            out.push_str(&format!("<dt>{}</dt><dd>{}</dd>", t(Label::Positioning), esc(p)));
        }
        if let Some(r) = &c.reports_to {
            let shown = o.report.raci.titles.get(r).map_or(r.as_str(), String::as_str);
            out.push_str(&format!(
                "<dt>{}</dt><dd>{} <span class=\"muted\">({})</span></dd>",
                t(Label::ReportsTo),
                esc(shown),
                esc(r)
            ));
        }
        if let Some(h) = c.headcount {
            out.push_str(&format!("<dt>{}</dt><dd>{h}</dd>", t(Label::Headcount)));
        }
        out.push_str("</dl>\n");
        out.push_str(&format!("<h4>{}</h4><ol>", t(Label::Duties)));
        for d in &c.duties {
            out.push_str(&format!("<li><b>{}</b>", esc(&d.title)));
            if let Some(desc) = &d.description {
                out.push_str(&format!(": {}", esc(desc)));
            }
            out.push_str("</li>");
        }
        out.push_str("</ol>\n");
        if !c.authority.is_empty() {
            out.push_str(&format!("<h4>{}</h4><ul>", t(Label::Authority)));
            for a in &c.authority {
                out.push_str(&format!("<li>{}</li>", esc(&a.title)));
            }
            out.push_str("</ul>\n");
        }
        if !c.competencies.is_empty() {
            out.push_str(&format!(
                "<h4>{}</h4><table><thead><tr><th>{}</th><th class=\"n\">{}</th><th></th></tr></thead><tbody>",
                t(Label::Competencies),
                t(Label::Competencies),
                t(Label::Level)
            ));
            for k in &c.competencies {
                out.push_str(&format!(
                    "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"small\">{}</td></tr>",
                    esc(&k.title),
                    k.level,
                    esc(k.description.as_deref().unwrap_or(""))
                ));
            }
            out.push_str("</tbody></table>\n");
        }
        if !c.kpis.is_empty() {
            out.push_str(&format!(
                "<h4>{}</h4><table><thead><tr><th>{}</th><th>{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th><th>{}</th><th class=\"n\">{}</th></tr></thead><tbody>",
                t(Label::Kpis),
                t(Label::Kpi),
                t(Label::Direction),
                t(Label::Threshold),
                t(Label::Target),
                t(Label::Stretch),
                t(Label::Unit),
                t(Label::Weight)
            ));
            for k in &c.kpis {
                out.push_str(&format!(
                    "<tr><td>{} <span class=\"muted small\">{}</span></td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td><td class=\"n\">{}</td></tr>",
                    esc(&k.title),
                    esc(&k.metric),
                    esc(direction(&k.direction, lang)),
                    esc(k.threshold.as_deref().unwrap_or("—")),
                    esc(&k.target),
                    esc(k.stretch.as_deref().unwrap_or("—")),
                    esc(unit(&k.unit, lang)),
                    esc(&k.weight)
                ));
            }
            out.push_str("</tbody></table>\n");
        }
        out.push_str("</div>\n");
    }
}

pub(super) fn findings(out: &mut String, o: &ReportOutput) {
    let lang = o.lang;
    let t = |l: Label| esc(l.text(lang));
    if o.report.findings.is_empty() {
        out.push_str(&format!("<p>{}</p>\n", t(Label::NoFindings)));
        return;
    }
    out.push_str(&format!(
        "<div class=\"scroll\"><table><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>\n",
        t(Label::Severity),
        t(Label::Rule),
        t(Label::Roles),
        t(Label::Message),
        t(Label::Location)
    ));
    for f in &o.report.findings {
        out.push_str(&format!(
            "<tr><td class=\"sev-{0}\">{0}</td><td><code>{1}</code></td><td>{2}</td><td>{3}</td><td><code>{4}</code></td></tr>\n",
            esc(f.severity),
            esc(f.rule),
            esc(&f.roles.join(", ")),
            esc(&f.message),
            esc(f.at.as_deref().unwrap_or(""))
        ));
    }
    out.push_str("</tbody></table></div>\n");
}
