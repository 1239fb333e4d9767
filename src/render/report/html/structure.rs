/*!
The structural sections of the HTML report: the org chart, function
coverage and the RACI matrix. The RACI matrix shows its letters in every
cell (readable without colour) and groups duties by function; when more than
[`MAX_COLUMNS`] roles and partners take part in a function, the group is
listed duty by duty instead of as an unreadably wide table.
*/

use crate::render::escape::html as esc;
use crate::render::lang::Label;
use crate::render::report::ReportOutput;

/// The widest RACI table drawn as a matrix.
pub const MAX_COLUMNS: usize = 24;

pub(super) fn org_chart(out: &mut String, o: &ReportOutput) {
    let lang = o.lang;
    let svg =
        crate::render::report::chart::svg(&o.report.org_chart, Label::OrgChart.text(lang), Label::Headcount.text(lang));
    out.push_str(&format!("<figure class=\"chart scroll\">{svg}</figure>\n"));
}

pub(super) fn coverage(out: &mut String, o: &ReportOutput) {
    let (c, lang) = (&o.report.coverage, o.lang);
    let t = |l: Label| esc(l.text(lang));
    // Only the roles responsible for something are columns.
    let cols: Vec<&String> =
        c.roles.iter().filter(|r| c.functions.iter().any(|f| f.by_role.contains_key(*r))).collect();
    out.push_str(&format!(
        "<div class=\"scroll\"><table class=\"coverage\">\n<thead><tr><th>{}</th>",
        t(Label::Function)
    ));
    for r in &cols {
        out.push_str(&format!("<th>{}</th>", esc(title(o, r))));
    }
    out.push_str(&format!("<th class=\"n\">{}</th></tr></thead>\n<tbody>\n", t(Label::Total)));
    for f in &c.functions {
        let class = if f.covered { "" } else { " class=\"uncovered\"" };
        out.push_str(&format!("<tr{class}><td>{} <span class=\"muted\">({})</span>", esc(&f.title), esc(&f.id)));
        if !f.covered {
            out.push_str(&format!(" — {}", t(Label::Uncovered)));
        }
        out.push_str("</td>");
        for r in &cols {
            let n = f.by_role.get(*r).copied().unwrap_or(0);
            out.push_str(&format!("<td class=\"n\">{}</td>", if n == 0 { String::new() } else { n.to_string() }));
        }
        out.push_str(&format!("<td class=\"n\">{}</td></tr>\n", f.duties));
    }
    out.push_str("</tbody></table></div>\n");
}

fn title<'a>(o: &'a ReportOutput, id: &'a str) -> &'a str {
    o.report.raci.titles.get(id).map_or(id, String::as_str)
}

pub(super) fn raci(out: &mut String, o: &ReportOutput) {
    let (r, lang) = (&o.report.raci, o.lang);
    let t = |l: Label| esc(l.text(lang));
    out.push_str(&format!(
        "<p class=\"small\">{}: <b>A</b> {} · <b>R</b> {} · <b>C</b> {} · <b>I</b> {}</p>\n",
        t(Label::Legend),
        esc(Label::Accountable.text(lang).trim_start_matches("A ")),
        esc(Label::Responsible.text(lang).trim_start_matches("R ")),
        esc(Label::Consulted.text(lang).trim_start_matches("C ")),
        esc(Label::Informed.text(lang).trim_start_matches("I "))
    ));
    for g in &r.groups {
        out.push_str(&format!("<h3>{} <span class=\"muted\">({})</span></h3>\n", esc(&g.title), esc(&g.function)));
        if g.columns.len() > MAX_COLUMNS {
            out.push_str(&format!(
                "<p class=\"muted small\">{}</p>\n<ul class=\"raci-list\">\n",
                t(Label::TooManyColumns)
            ));
            // Each row names its few holders in column order (a lookup per
            // holder, not a scan of every column: a group may have thousands).
            let position: std::collections::HashMap<&str, usize> =
                g.columns.iter().enumerate().map(|(i, c)| (c.as_str(), i)).collect();
            for row in &g.rows {
                // Only the group's columns, as the table would show them.
                let mut holders: Vec<(usize, &String, &String)> =
                    row.cells.iter().filter_map(|(c, l)| Some((*position.get(c.as_str())?, c, l))).collect();
                holders.sort_unstable_by_key(|h| h.0);
                let mut parts: Vec<String> = Vec::new();
                for letter in ['A', 'R', 'C', 'I'] {
                    let who: Vec<String> = holders
                        .iter()
                        .filter(|(_, _, l)| l.contains(letter))
                        .map(|(_, c, _)| esc(title(o, c)))
                        .collect();
                    if !who.is_empty() {
                        parts.push(format!("<b>{letter}</b> {}", who.join("、")));
                    }
                }
                out.push_str(&format!(
                    "<li>{} <span class=\"muted\">({})</span>: {}</li>\n",
                    esc(&row.title),
                    esc(&row.duty),
                    parts.join(" · ")
                ));
            }
            out.push_str("</ul>\n");
            continue;
        }
        out.push_str(&format!("<div class=\"scroll\"><table class=\"raci\">\n<thead><tr><th>{}</th>", t(Label::Duty)));
        for c in &g.columns {
            out.push_str(&format!("<th class=\"v\" title=\"{}\">{}</th>", esc(c), esc(title(o, c))));
        }
        out.push_str("</tr></thead>\n<tbody>\n");
        for row in &g.rows {
            out.push_str(&format!(
                "<tr><td>{} <span class=\"muted\">({})</span></td>",
                esc(&row.title),
                esc(&row.duty)
            ));
            for c in &g.columns {
                let letters = row.cells.get(c).map_or("", String::as_str);
                out.push_str(&format!("<td class=\"l {letters}\">{letters}</td>"));
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody></table></div>\n");
    }
}
