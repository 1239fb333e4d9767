/*!
Markdown for a pull-request comment or a wiki page: the summary, the gaps
with their mentors, the unassessed competencies, the training plan, the
pairs by mentor, the gaps left to training alone, and the bad records with
`file:line`. Text from files is escaped for table cells (no link, image,
HTML or column break from a name).
*/

use std::io::{self, Write};

use super::{by_mentor, course_people, en, mean, mentor, relation, rows_line, summary, why_training_only, GapsOutput};
use crate::render::escape::{md_cell as cell, md_code};
use crate::render::lang::Label;
use crate::render::Render;

pub struct Markdown;

fn row(cells: &[String]) -> String {
    format!("| {} |\n", cells.join(" | "))
}

fn table(out: &mut String, headers: &[&str], align: &str, rows: Vec<Vec<String>>) {
    let headers: Vec<String> = headers.iter().map(|h| h.to_string()).collect();
    out.push_str(&row(&headers));
    out.push_str(align);
    out.push('\n');
    for r in rows {
        out.push_str(&row(&r));
    }
    out.push('\n');
}

fn named(title: &str, id: &str) -> String {
    format!("{} {}", cell(title), md_code(id))
}

impl Render<GapsOutput<'_>> for Markdown {
    fn render(&self, o: &GapsOutput, w: &mut dyn Write) -> io::Result<()> {
        let r = o.report;
        let mut out = format!("# {} — competency gaps\n\n", cell(&r.department));
        out.push_str(&format!("{} (at most {} per mentor).\n\n", cell(&summary(r)), r.max_mentees));

        out.push_str(&format!("## {}\n\n", en(Label::Gaps)));
        let gaps: Vec<Vec<String>> = r
            .people
            .iter()
            .flat_map(|p| {
                p.gaps().map(move |l| {
                    vec![
                        cell(&p.name),
                        named(&p.role.title, &p.role.id),
                        named(&l.competency.title, &l.competency.id),
                        l.required.to_string(),
                        l.assessed.map_or(String::new(), |a| a.to_string()),
                        l.gap().map_or(String::new(), |g| g.to_string()),
                        l.mentor.as_ref().map_or_else(|| en(Label::TrainingOnly).to_lowercase(), |m| cell(&mentor(m))),
                    ]
                })
            })
            .collect();
        if gaps.is_empty() {
            out.push_str(&format!("{}.\n\n", en(Label::NoGaps)));
        } else {
            table(
                &mut out,
                &["person", "role", "competency", "required", "assessed", "gap", "mentor"],
                "| --- | --- | --- | ---: | ---: | ---: | --- |",
                gaps,
            );
        }

        let unassessed: Vec<Vec<String>> = r
            .people
            .iter()
            .flat_map(|p| {
                p.unassessed().map(move |l| {
                    vec![
                        cell(&p.name),
                        named(&p.role.title, &p.role.id),
                        named(&l.competency.title, &l.competency.id),
                        l.required.to_string(),
                    ]
                })
            })
            .collect();
        if !unassessed.is_empty() {
            out.push_str(&format!("## {}\n\n", en(Label::Unassessed)));
            table(&mut out, &["person", "role", "competency", "required"], "| --- | --- | --- | ---: |", unassessed);
        }

        if !r.training.is_empty() {
            out.push_str(&format!("## {}\n\n", en(Label::TrainingPlan)));
            let rows = r
                .training
                .iter()
                .map(|c| {
                    vec![
                        named(&c.competency.title, &c.competency.id),
                        cell(&course_people(&c.people, 12)),
                        c.total_gap.to_string(),
                        mean(c.mean_gap),
                        c.mentored.to_string(),
                    ]
                })
                .collect();
            table(
                &mut out,
                &["competency", "people (gap)", "total gap", "mean gap", "mentored"],
                "| --- | --- | ---: | ---: | ---: |",
                rows,
            );
        }

        let pairs = by_mentor(r);
        if !pairs.is_empty() {
            out.push_str(&format!("## {}\n\n", en(Label::MentorPairs)));
            let rows = pairs
                .iter()
                .map(|(m, p)| {
                    vec![
                        cell(&m.name),
                        cell(&p.mentee),
                        named(&p.competency.title, &p.competency.id),
                        m.level.to_string(),
                        p.required.to_string(),
                        relation(m.relation).to_string(),
                    ]
                })
                .collect();
            table(
                &mut out,
                &["mentor", "mentee", "competency", "mentor level", "required", "relation"],
                "| --- | --- | --- | ---: | ---: | --- |",
                rows,
            );
        }

        let alone: Vec<Vec<String>> = r
            .uncovered()
            .map(|p| {
                vec![
                    cell(&p.mentee),
                    named(&p.competency.title, &p.competency.id),
                    (p.required - p.assessed).to_string(),
                    cell(&why_training_only(p)),
                ]
            })
            .collect();
        if !alone.is_empty() {
            out.push_str(&format!("## {}\n\n", en(Label::TrainingOnly)));
            table(&mut out, &["person", "competency", "gap", "why"], "| --- | --- | ---: | --- |", alone);
        }

        if !r.diagnostics.is_empty() {
            out.push_str("## Problems in the assessments\n\n");
            for d in &r.diagnostics {
                let at: Vec<String> = d.spots.iter().map(|s| md_code(&o.sources.position(&s.loc))).collect();
                let at = if at.is_empty() { String::new() } else { format!("{}: ", at.join(", ")) };
                out.push_str(&format!("- {at}{} ({})\n", cell(&d.message), md_code(d.code.id())));
            }
            out.push('\n');
        }
        out.push_str(&format!("{}\n", cell(&rows_line(r))));
        w.write_all(out.as_bytes())
    }
}
