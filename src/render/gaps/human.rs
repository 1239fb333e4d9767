/*!
The terminal format, for 80 columns: one table per role (each person's
gaps and unassessed competencies, with the mentor or "training only"), the
training plan, the pairs by mentor, the gaps left to training alone and
why, then the row accounting. Bad records go to stderr as findings, not
here. Gaps in red, mentors in green, unassessed in grey (colour only on a
terminal).
*/

use std::io::{self, Write};

use anstyle::{AnsiColor, Style};
use comfy_table::{presets, Cell, CellAlignment, ContentArrangement, Table};

use super::{by_mentor, course_people, en, mean, relation, rows_line, summary, why_training_only, GapsOutput};
use crate::gaps::Relation;
use crate::render::escape::terminal as defang;
use crate::render::lang::Label;
use crate::render::Render;

pub struct Human;

fn paint(text: &str, color: AnsiColor) -> String {
    let style = Style::new().fg_color(Some(color.into()));
    format!("{style}{text}{style:#}")
}

fn new_table(headers: &[&str]) -> Table {
    let mut t = Table::new();
    t.load_preset(presets::UTF8_FULL_CONDENSED).set_content_arrangement(ContentArrangement::Disabled).force_no_tty();
    t.set_header(headers.to_vec());
    t
}

/// The relation, short enough for the gaps table at 80 columns.
fn short(r: Relation) -> &'static str {
    match r {
        Relation::SameRole => "same role",
        Relation::ReportsTo => "reports-to",
        Relation::Other => "other role",
    }
}

fn right(s: String) -> Cell {
    Cell::new(s).set_alignment(CellAlignment::Right)
}

impl Render<GapsOutput<'_>> for Human {
    fn render(&self, o: &GapsOutput, w: &mut dyn Write) -> io::Result<()> {
        let r = o.report;
        let mut out = format!("{} competency gaps\n{}\n", defang(&r.department), summary(r));

        let mut i = 0;
        while i < r.people.len() {
            let role = &r.people[i].role;
            let end = i + r.people[i..].iter().take_while(|p| p.role.id == role.id).count();
            let team = &r.people[i..end];
            i = end;
            out.push_str(&format!("\n{} ({})\n", defang(&role.title), defang(&role.id)));
            let mut t = new_table(&["person", "competency", "required", "assessed", "gap", "mentor"]);
            let mut fine = Vec::new();
            for p in team {
                let mut shown = false;
                for l in p.lines.iter().filter(|l| l.assessed.is_none() || l.gap().is_some()) {
                    shown = true;
                    let (assessed, gap, mentor) = match (l.assessed, l.gap()) {
                        (None, _) => (
                            "—".to_string(),
                            String::new(),
                            paint(&en(Label::Unassessed).to_lowercase(), AnsiColor::BrightBlack),
                        ),
                        (Some(a), Some(g)) => (
                            a.to_string(),
                            paint(&g.to_string(), AnsiColor::Red),
                            match &l.mentor {
                                Some(m) => paint(
                                    &format!("{} (L{}, {})", defang(&m.name), m.level, short(m.relation)),
                                    AnsiColor::Green,
                                ),
                                None => en(Label::TrainingOnly).to_lowercase(),
                            },
                        ),
                        (Some(a), None) => (a.to_string(), String::new(), String::new()),
                    };
                    t.add_row(vec![
                        Cell::new(defang(&p.name)),
                        Cell::new(defang(&l.competency.title)),
                        right(l.required.to_string()),
                        right(assessed),
                        right(gap),
                        Cell::new(mentor),
                    ]);
                }
                if !shown {
                    fine.push(defang(&p.name));
                }
            }
            if fine.len() < team.len() {
                out.push_str(&t.to_string());
                out.push('\n');
            }
            if !fine.is_empty() {
                out.push_str(&format!("{}: {}\n", en(Label::NoGaps), fine.join(", ")));
            }
        }

        if !r.training.is_empty() {
            out.push_str(&format!("\n{}\n", en(Label::TrainingPlan).to_lowercase()));
            let mut t = new_table(&["competency", "people (gap)", "total", "mean", "mentored"]);
            for c in &r.training {
                t.add_row(vec![
                    Cell::new(defang(&c.competency.title)),
                    Cell::new(defang(&course_people(&c.people, 4))),
                    right(c.total_gap.to_string()),
                    right(mean(c.mean_gap)),
                    right(c.mentored.to_string()),
                ]);
            }
            out.push_str(&t.to_string());
            out.push('\n');
        }

        let pairs = by_mentor(r);
        if !pairs.is_empty() {
            out.push_str(&format!(
                "\n{} (at most {} per mentor)\n",
                en(Label::MentorPairs).to_lowercase(),
                r.max_mentees
            ));
            let mut t = new_table(&["mentor", "mentee", "competency", "level", "required", "relation"]);
            for (m, p) in pairs {
                t.add_row(vec![
                    Cell::new(defang(&m.name)),
                    Cell::new(defang(&p.mentee)),
                    Cell::new(defang(&p.competency.title)),
                    right(m.level.to_string()),
                    right(p.required.to_string()),
                    Cell::new(relation(m.relation)),
                ]);
            }
            out.push_str(&t.to_string());
            out.push('\n');
        }

        let alone: Vec<_> = r.uncovered().collect();
        if !alone.is_empty() {
            out.push_str(&format!("\n{}\n", en(Label::TrainingOnly).to_lowercase()));
            let mut t = new_table(&["person", "competency", "gap", "why"]);
            for p in alone {
                t.add_row(vec![
                    Cell::new(defang(&p.mentee)),
                    Cell::new(defang(&p.competency.title)),
                    right((p.required - p.assessed).to_string()),
                    Cell::new(why_training_only(p)),
                ]);
            }
            out.push_str(&t.to_string());
            out.push('\n');
        }
        out.push('\n');
        out.push_str(&rows_line(r));
        out.push('\n');
        w.write_all(out.as_bytes())
    }
}
