/*!
The report as GitHub-flavoured Markdown, for a pull-request comment or a
wiki: the same sections as the HTML, the org chart as a `mermaid` block,
charts as tables, every cell escaped.
*/

use std::io::{self, Write};

use super::ReportOutput;
use crate::dept::chart::Node;
use crate::render::escape::{md_cell as cell, md_code};
use crate::render::lang::Label;
use crate::render::Render;
use crate::score::formula::fmt1;

pub struct Markdown;

fn row(cells: &[String]) -> String {
    format!("| {} |\n", cells.join(" | "))
}

fn head(cells: &[String]) -> String {
    let mut s = row(cells);
    s.push_str(&row(&cells.iter().map(|_| "---".to_string()).collect::<Vec<_>>()));
    s
}

/// A mermaid node label: quotes and brackets would end it.
fn mermaid_label(s: &str) -> String {
    s.chars()
        .map(|c| {
            if matches!(c, '"' | '[' | ']' | '<' | '>' | '(' | ')' | '{' | '}' | '|' | '`' | '\n' | '\r') {
                ' '
            } else {
                c
            }
        })
        .collect()
}

fn mermaid(n: &Node, ids: &mut Vec<String>, out: &mut String) {
    let me = format!("n{}", ids.len());
    ids.push(n.id.clone());
    out.push_str(&format!("  {me}[\"{}\"]\n", mermaid_label(&n.title)));
    for c in &n.children {
        let child = format!("n{}", ids.len());
        mermaid(c, ids, out);
        out.push_str(&format!("  {me} --> {child}\n"));
    }
}

impl Render<ReportOutput<'_>> for Markdown {
    fn render(&self, o: &ReportOutput, w: &mut dyn Write) -> io::Result<()> {
        let (r, lang) = (o.report, o.lang);
        let t = |l: Label| l.text(lang).to_string();
        let s = &r.summary;
        let mut out = format!("# {}\n\n", cell(&r.title));
        // 1. Summary.
        out.push_str(&format!("## 1. {}\n\n", t(Label::Summary)));
        out.push_str(&format!(
            "{}: **{}** · {}: {}",
            t(Label::Department),
            cell(&s.department),
            t(Label::Date),
            cell(&s.date)
        ));
        if let Some(c) = &s.commit {
            out.push_str(&format!(" · {}: {}", t(Label::Commit), md_code(c)));
        }
        out.push_str("\n\n");
        out.push_str(&head(&[
            t(Label::Roles),
            t(Label::Headcount),
            t(Label::Duties),
            t(Label::Authority),
            t(Label::Competencies),
            t(Label::Kpis),
            t(Label::FunctionsCovered),
            t(Label::Errors),
            t(Label::Warnings),
        ]));
        out.push_str(&row(&[
            s.roles.to_string(),
            s.headcount.to_string(),
            s.duties.to_string(),
            s.authorities.to_string(),
            s.competencies.to_string(),
            s.kpis.to_string(),
            format!("{} / {}", s.functions_covered, s.functions),
            s.errors.to_string(),
            s.warnings.to_string(),
        ]));
        let inputs = if s.inputs.is_empty() {
            t(Label::RoleFilesOnly)
        } else {
            s.inputs.iter().map(|(k, v)| format!("{k} ({})", cell(&v.join(", ")))).collect::<Vec<_>>().join(" · ")
        };
        out.push_str(&format!("\n{}: {inputs}\n\n", t(Label::Inputs)));
        // 2. Org chart.
        out.push_str(&format!("## 2. {}\n\n```mermaid\ngraph TD\n", t(Label::OrgChart)));
        let mut ids = Vec::new();
        for root in &r.org_chart.roots {
            mermaid(root, &mut ids, &mut out);
        }
        out.push_str("```\n\n");
        // 3. Coverage.
        out.push_str(&format!("## 3. {}\n\n", t(Label::FunctionCoverage)));
        let c = &r.coverage;
        let cols: Vec<&String> =
            c.roles.iter().filter(|x| c.functions.iter().any(|f| f.by_role.contains_key(*x))).collect();
        let title = |id: &str| r.raci.titles.get(id).cloned().unwrap_or_else(|| id.to_string());
        let mut h = vec![t(Label::Function)];
        h.extend(cols.iter().map(|x| cell(&title(x))));
        h.push(t(Label::Total));
        out.push_str(&head(&h));
        for f in &c.functions {
            let mut cells = vec![if f.covered {
                cell(&f.title)
            } else {
                format!("**{} — {}**", cell(&f.title), t(Label::Uncovered))
            }];
            cells.extend(cols.iter().map(|x| f.by_role.get(*x).map_or(String::new(), |n| n.to_string())));
            cells.push(f.duties.to_string());
            out.push_str(&row(&cells));
        }
        // 4. RACI.
        out.push_str(&format!("\n## 4. {}\n\n", t(Label::RaciMatrix)));
        for g in &r.raci.groups {
            out.push_str(&format!("### {}\n\n", cell(&g.title)));
            let mut h = vec![t(Label::Duty)];
            h.extend(g.columns.iter().map(|x| cell(&title(x))));
            out.push_str(&head(&h));
            for rw in &g.rows {
                let mut cells = vec![format!("{} ({})", cell(&rw.title), cell(&rw.duty))];
                cells.extend(g.columns.iter().map(|x| rw.cells.get(x).cloned().unwrap_or_default()));
                out.push_str(&row(&cells));
            }
            out.push('\n');
        }
        // 5. Catalogue.
        out.push_str(&format!("## 5. {}\n\n", t(Label::RoleCatalogue)));
        for card in &r.catalogue {
            out.push_str(&format!("### {} ({})\n\n", cell(&card.title), cell(&card.id)));
            if let Some(p) = &card.positioning {
                out.push_str(&format!("{}: {}\n\n", t(Label::Positioning), cell(p)));
            }
            for (i, d) in card.duties.iter().enumerate() {
                out.push_str(&format!(
                    "{}. **{}**{}\n",
                    i + 1,
                    cell(&d.title),
                    d.description.as_ref().map_or(String::new(), |x| format!(": {}", cell(x)))
                ));
            }
            if !card.kpis.is_empty() {
                out.push('\n');
                out.push_str(&head(&[
                    t(Label::Kpi),
                    t(Label::Direction),
                    t(Label::Threshold),
                    t(Label::Target),
                    t(Label::Stretch),
                    t(Label::Unit),
                    t(Label::Weight),
                ]));
                for k in &card.kpis {
                    out.push_str(&row(&[
                        cell(&k.title),
                        cell(&k.direction),
                        cell(k.threshold.as_deref().unwrap_or("—")),
                        cell(&k.target),
                        cell(k.stretch.as_deref().unwrap_or("—")),
                        cell(&k.unit),
                        cell(&k.weight),
                    ]));
                }
            }
            out.push('\n');
        }
        // 6. Findings.
        out.push_str(&format!("## 6. {}\n\n", t(Label::Findings)));
        if r.findings.is_empty() {
            out.push_str(&format!("{}\n\n", t(Label::NoFindings)));
        } else {
            out.push_str(&head(&[t(Label::Severity), t(Label::Rule), t(Label::Message), t(Label::Location)]));
            for f in &r.findings {
                out.push_str(&row(&[
                    f.severity.to_string(),
                    md_code(f.rule),
                    cell(&f.message),
                    f.at.as_deref().map_or(String::new(), md_code),
                ]));
            }
            out.push('\n');
        }
        // 7. Scorecards.
        if let Some(sc) = &r.scorecards {
            out.push_str(&format!(
                "## 7. {}\n\n{}: **{}**\n\n",
                t(Label::Scorecards),
                t(Label::Period),
                cell(&sc.period)
            ));
            if let Some(e) = &sc.empty {
                out.push_str(&format!("{}\n\n", cell(&super::empty_period_line(e, lang))));
            } else {
                out.push_str(&format!("### {}\n\n", t(Label::GradeDistribution)));
                out.push_str(&head(&[t(Label::Grade), t(Label::People)]));
                for (g, n) in &sc.grades {
                    out.push_str(&row(&[cell(g), n.to_string()]));
                }
                out.push_str(&format!("\n### {}\n\n", t(Label::MeanScorePerRole)));
                out.push_str(&head(&[t(Label::Role), t(Label::People), t(Label::Mean)]));
                for m in &sc.roles {
                    out.push_str(&row(&[
                        cell(&m.title),
                        m.people.to_string(),
                        m.mean.as_ref().map_or("—".into(), |n| fmt1(n.value)),
                    ]));
                }
                out.push('\n');
                out.push_str(&head(&[t(Label::Person), t(Label::Role), t(Label::Score), t(Label::Grade)]));
                for p in &sc.people {
                    out.push_str(&row(&[
                        cell(&p.entity),
                        cell(&title(&p.role)),
                        p.score.as_ref().map_or("—".into(), |n| fmt1(n.value)),
                        cell(&p.grade),
                    ]));
                }
                out.push('\n');
            }
        }
        let mut n = 7 + usize::from(r.scorecards.is_some());
        if let Some(k) = &r.risks {
            out.push_str(&format!("## {n}. {}\n\n### {}\n\n", t(Label::Risks), t(Label::HeatMap)));
            let mut h = vec![format!("{} \\ {}", t(Label::Likelihood), t(Label::Impact))];
            h.extend((1..=5).map(|i| i.to_string()));
            out.push_str(&head(&h));
            for (i, row) in k.heatmap.iter().enumerate() {
                let mut cells = vec![(5 - i).to_string()];
                cells.extend(row.iter().map(|c| format!("{} {}", crate::render::risk::level(c.level, lang), c.count)));
                out.push_str(&self::row(&cells));
            }
            out.push_str(&format!("\n### {}\n\n", t(Label::RiskRegister)));
            out.push_str(&head(&[
                t(Label::Id),
                t(Label::RiskTitle),
                t(Label::Owner),
                t(Label::RiskScore),
                t(Label::RiskLevel),
                t(Label::Rpn),
                t(Label::Status),
                t(Label::Due),
            ]));
            for x in &k.register {
                let fmea = super::rpn_cell(x);
                let due = x.due.as_deref().map_or("—".to_string(), |d| {
                    if x.overdue {
                        format!("**{d}** ({})", t(Label::Overdue))
                    } else {
                        d.to_string()
                    }
                });
                out.push_str(&self::row(&[
                    cell(&x.id),
                    cell(&x.title),
                    cell(&x.owner_title),
                    format!("{}×{}={}", x.likelihood, x.impact, x.score),
                    crate::render::risk::level(x.level, lang),
                    fmea,
                    cell(&crate::render::risk::status(x.status, lang)),
                    due,
                ]));
            }
            out.push('\n');
            n += 1;
        }
        if let Some(c) = &r.conflicts {
            out.push_str(&format!("## {n}. {}\n\n", t(Label::Conflicts)));
            let share = |v: &Option<crate::decimal::Num>| {
                v.as_ref()
                    .map_or("—".to_string(), |v| format!("{}%", fmt1(v.value * rust_decimal::Decimal::ONE_HUNDRED)))
            };
            out.push_str(&head(&[
                t(Label::ConflictsCounted),
                format!("{} ({} {})", t(Label::MetShare), c.conflict_days, t(Label::WithinDays)),
                t(Label::MedianDays),
                t(Label::MaxDays),
                t(Label::Overdue),
            ]));
            out.push_str(&self::row(&[
                c.total.to_string(),
                share(&c.met_share),
                c.median_days.as_ref().map_or("—".to_string(), |m| m.value.normalize().to_string()),
                c.max_days.map_or("—".to_string(), |d| d.to_string()),
                c.overdue.to_string(),
            ]));
            out.push_str(&format!("\n### {}\n\n", t(Label::WorkingDays)));
            out.push_str(&head(&[t(Label::WorkingDays), t(Label::Count)]));
            for (d, k) in &c.days {
                out.push_str(&self::row(&[d.to_string(), k.to_string()]));
            }
            out.push_str(&format!("\n### {}\n\n", t(Label::ByParty)));
            out.push_str(&head(&[
                t(Label::Parties),
                t(Label::Total),
                t(Label::ConflictMet),
                t(Label::ConflictLate),
                t(Label::ConflictOpen),
                t(Label::Overdue),
                t(Label::MetShare),
            ]));
            for p in &c.parties {
                out.push_str(&self::row(&[
                    cell(&p.title),
                    p.total.to_string(),
                    p.met.to_string(),
                    p.late.to_string(),
                    p.open.to_string(),
                    p.overdue.to_string(),
                    share(&p.met_share),
                ]));
            }
            out.push('\n');
            n += 1;
        }
        if let Some(g) = &r.gaps {
            out.push_str(&format!("## {n}. {}\n\n### {}\n\n", t(Label::CompetencyGaps), t(Label::MeanGap)));
            out.push_str(&head(&[
                t(Label::Role),
                t(Label::Competency),
                t(Label::Required),
                t(Label::AssessedPeople),
                t(Label::WithGap),
                t(Label::MeanGap),
            ]));
            for role in &g.grid {
                for (_, title, required, cl) in &role.competencies {
                    let mean = cl
                        .mean_gap
                        .as_ref()
                        .map_or("—".to_string(), |m| crate::decimal::round(m.value, 2).normalize().to_string());
                    out.push_str(&self::row(&[
                        cell(&role.title),
                        cell(title),
                        required.to_string(),
                        cl.assessed.to_string(),
                        cl.with_gap.to_string(),
                        mean,
                    ]));
                }
            }
            out.push_str(&format!("\n### {}\n\n", t(Label::TrainingPlan)));
            out.push_str(&head(&[t(Label::Competency), t(Label::PeopleNamed), t(Label::TotalGap), t(Label::MeanGap)]));
            for c in &g.training {
                let people: Vec<String> = c.people.iter().map(|(p, gap)| format!("{}({gap})", cell(p))).collect();
                out.push_str(&self::row(&[
                    cell(&c.title),
                    people.join("、"),
                    c.total_gap.to_string(),
                    crate::decimal::round(c.mean_gap.value, 2).normalize().to_string(),
                ]));
            }
            out.push_str(&format!("\n### {}\n\n", t(Label::MentorPairs)));
            out.push_str(&head(&[
                t(Label::Mentee),
                t(Label::Competency),
                t(Label::Required),
                t(Label::Assessed),
                t(Label::Mentor),
            ]));
            for p in &g.pairs {
                let mentor = p.mentor.as_deref().map_or_else(|| format!("*{}*", t(Label::TrainingOnly)), cell);
                out.push_str(&self::row(&[
                    cell(&p.mentee),
                    cell(&p.title),
                    p.required.to_string(),
                    p.assessed.to_string(),
                    mentor,
                ]));
            }
            out.push('\n');
        }
        w.write_all(out.as_bytes())
    }
}
