/*!
The report as one self-contained HTML page: the page shell of the HTML kit
(print CSS for A4, a Chinese font stack), a summary block and a table of
contents at the top, then the sections of SPEC 5 in order. No script, no
external URL; every text from a file escaped.
*/

mod catalogue;
mod people;
mod records;
mod structure;

use std::io::{self, Write};

use super::ReportOutput;
use crate::render::escape::html as esc;
use crate::render::html::page;
use crate::render::lang::{Label, Lang};
use crate::render::Render;

pub struct Html;

/// Styles the report adds to the page shell's.
const CSS: &str = r#"
.toc{border:1px solid #d0d7de;border-radius:6px;padding:.4em 1em;background:#fff}
.raci td.l{text-align:center;font-weight:bold;min-width:2.2em}
.raci td.A{background:#fde2c2}.raci td.R{background:#c9e8c9}.raci td.C{background:#cfe3fb}.raci td.I{background:#ececec}
.raci td.AR,.raci td.RA{background:#bfe3a8}
.raci th.v{writing-mode:vertical-rl;white-space:nowrap;font-weight:normal;min-width:2em}
.raci{font-size:.88em}
tr.uncovered td{background:#ffebe9;font-weight:bold}
.card{border:1px solid #d0d7de;border-radius:8px;padding:.2em 1em 1em;margin:1em 0}
.card h3{margin-top:.6em}
.card dl{display:grid;grid-template-columns:8em 1fr;gap:.2em .8em;margin:.4em 0}
.card dt{color:#57606a}
.st{text-align:center;font-size:.85em}
.st.exceeded,.st.met{background:#dafbe1}.st.below{background:#fff8c5}.st.failed{background:#ffebe9}.st.missing{background:#f6f8fa;color:#8c959f}
.sev-error{color:#cf222e;font-weight:bold}.sev-warning{color:#9a6700;font-weight:bold}
figure.chart svg{max-width:100%;height:auto}
.scroll{overflow-x:auto}
.summary div.wide{grid-column:span 2}
.summary b.grades{font-size:1.2em}
"#;

/// A section: its anchor and heading.
pub(super) struct Section {
    pub anchor: &'static str,
    pub label: Label,
}

/// The sections present, in SPEC order.
fn sections(o: &ReportOutput) -> Vec<Section> {
    let r = o.report;
    let mut s = vec![
        Section { anchor: "summary", label: Label::Summary },
        Section { anchor: "org-chart", label: Label::OrgChart },
        Section { anchor: "coverage", label: Label::FunctionCoverage },
        Section { anchor: "raci", label: Label::RaciMatrix },
        Section { anchor: "catalogue", label: Label::RoleCatalogue },
        Section { anchor: "findings", label: Label::Findings },
    ];
    if r.scorecards.is_some() {
        s.push(Section { anchor: "scorecards", label: Label::Scorecards });
    }
    if r.risks.is_some() {
        s.push(Section { anchor: "risks", label: Label::Risks });
    }
    if r.conflicts.is_some() {
        s.push(Section { anchor: "conflicts", label: Label::Conflicts });
    }
    if r.gaps.is_some() {
        s.push(Section { anchor: "gaps", label: Label::CompetencyGaps });
    }
    s
}

fn open_section(out: &mut String, s: &Section, lang: Lang, n: usize) {
    out.push_str(&format!(
        "<section class=\"major\" id=\"{}\">\n<h2>{n}. {}</h2>\n",
        s.anchor,
        esc(s.label.text(lang))
    ));
}

impl Render<ReportOutput<'_>> for Html {
    fn render(&self, o: &ReportOutput, w: &mut dyn Write) -> io::Result<()> {
        let (r, lang) = (o.report, o.lang);
        page::begin(w, lang, &r.title, CSS)?;
        let secs = sections(o);
        let mut out = format!("<h1>{}</h1>\n", esc(&r.title));
        out.push_str(&summary(o));
        out.push_str(&format!("<nav class=\"toc\"><b>{}</b><ol>", esc(Label::Contents.text(lang))));
        for s in &secs {
            out.push_str(&format!("<li><a href=\"#{}\">{}</a></li>", s.anchor, esc(s.label.text(lang))));
        }
        out.push_str("</ol></nav>\n");
        w.write_all(out.as_bytes())?;
        for (i, s) in secs.iter().enumerate().skip(1) {
            let mut out = String::new();
            open_section(&mut out, s, lang, i + 1);
            match s.anchor {
                "org-chart" => structure::org_chart(&mut out, o),
                "coverage" => structure::coverage(&mut out, o),
                "raci" => structure::raci(&mut out, o),
                "catalogue" => catalogue::cards(&mut out, o),
                "findings" => catalogue::findings(&mut out, o),
                "scorecards" => people::scorecards(&mut out, o),
                "risks" => o.report.risks.iter().for_each(|r| records::risks(&mut out, o, r)),
                "conflicts" => o.report.conflicts.iter().for_each(|c| records::conflicts(&mut out, o, c)),
                "gaps" => o.report.gaps.iter().for_each(|g| records::gaps(&mut out, o, g)),
                _ => {}
            }
            out.push_str("</section>\n");
            w.write_all(out.as_bytes())?;
        }
        let footer = format!("<p class=\"muted small\">{}</p>\n", esc(Label::GeneratedBy.text(lang)));
        w.write_all(footer.as_bytes())?;
        page::end(w)
    }
}

/// Section 1: the headline numbers, the date, the commit, the inputs.
fn summary(o: &ReportOutput) -> String {
    let (s, lang) = (&o.report.summary, o.lang);
    let t = |l: Label| esc(l.text(lang));
    let mut out = format!(
        "<section id=\"summary\">\n<p>{}: <b>{}</b> · {}: {}",
        t(Label::Department),
        esc(&s.department),
        t(Label::Date),
        esc(&s.date)
    );
    if let Some(c) = &s.commit {
        out.push_str(&format!(" · {}: <code>{}</code>", t(Label::Commit), esc(c)));
    }
    out.push_str("</p>\n<div class=\"summary\">");
    let cells: [(Label, String); 9] = [
        (Label::Roles, s.roles.to_string()),
        (Label::Headcount, s.headcount.to_string()),
        (Label::Duties, s.duties.to_string()),
        (Label::Authority, s.authorities.to_string()),
        (Label::Competencies, s.competencies.to_string()),
        (Label::Kpis, s.kpis.to_string()),
        (Label::FunctionsCovered, format!("{} / {}", s.functions_covered, s.functions)),
        (Label::Errors, s.errors.to_string()),
        (Label::Warnings, s.warnings.to_string()),
    ];
    for (l, v) in cells {
        out.push_str(&format!("<div><b>{}</b>{}</div>", esc(&v), t(l)));
    }
    out.push_str("</div>\n");
    if let Some(sc) = &o.report.scorecards {
        out.push_str(&people::headline(sc, lang));
    }
    let inputs = if s.inputs.is_empty() {
        t(Label::RoleFilesOnly)
    } else {
        s.inputs.iter().map(|(k, v)| format!("{} ({})", esc(k), esc(&v.join(", ")))).collect::<Vec<_>>().join(" · ")
    };
    out.push_str(&format!("<p class=\"small\">{}: {}</p>\n</section>\n", t(Label::Inputs), inputs));
    out
}
