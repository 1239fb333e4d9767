/*!
Renderers for `opsroles gaps` (SPEC 6.3), one per `--format`, and the
wording they share. Headings come from the label catalogue
([`crate::render::lang`]), so the department report's competency section
can say the same things in Chinese.
*/

pub mod csv;
pub mod human;
pub mod json;
pub mod markdown;

use clap::ValueEnum;

use crate::gaps::{Mentor, Pair, Relation, Report};
use crate::output::Kind;
use crate::render::lang::{Label, Lang};
use crate::render::{plural, Format, Render};
use crate::source::Sources;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GapsFormat {
    /// Tables for a terminal.
    Human,
    /// GitHub-flavoured Markdown, for a pull request or a wiki.
    Markdown,
    /// The data: people, training, mentoring, uncovered, rows, diagnostics.
    Json,
    /// One row per person × required competency, for spreadsheets.
    Csv,
}

/// What a gaps renderer is given: the report, and the sources its findings
/// point into.
pub struct GapsOutput<'a> {
    pub report: &'a Report,
    pub sources: &'a Sources,
}

impl<'a> Format<GapsOutput<'a>> for GapsFormat {
    fn renderer(self) -> Box<dyn Render<GapsOutput<'a>>> {
        match self {
            GapsFormat::Human => Box::new(human::Human),
            GapsFormat::Markdown => Box::new(markdown::Markdown),
            GapsFormat::Json => Box::new(json::Json),
            GapsFormat::Csv => Box::new(csv::Csv),
        }
    }

    fn kind(self) -> Kind {
        match self {
            GapsFormat::Human => Kind::Styled,
            _ => Kind::Data,
        }
    }
}

/// English labels (the terminal and Markdown formats are in English, as
/// `score`'s are; the department report picks its language).
pub fn en(label: Label) -> &'static str {
    label.text(Lang::En)
}

pub fn relation(r: Relation) -> &'static str {
    en(match r {
        Relation::SameRole => Label::SameRole,
        Relation::ReportsTo => Label::ReportsToRole,
        Relation::Other => Label::OtherRole,
    })
}

/// `孫麗 (level 5, same role)`.
pub fn mentor(m: &Mentor) -> String {
    format!("{} (level {}, {})", m.name, m.level, relation(m.relation))
}

/// Why a gap has no mentor: `nobody above level 5`, or `2 qualified
/// mentors, all at the limit`.
pub fn why_training_only(p: &Pair) -> String {
    match p.qualified {
        0 => format!("nobody above level {}", p.required),
        1 => "1 qualified mentor, at the limit".to_string(),
        n => format!("{n} qualified mentors, all at the limit"),
    }
}

/// `15 people · 20 gaps: 16 with a mentor, 4 training only · 3 unassessed`.
pub fn summary(r: &Report) -> String {
    let gaps = r.gap_count();
    let mentored = r.mentored().count();
    format!(
        "{} · {}: {} with a mentor, {} training only · {} unassessed",
        plural(r.people.len(), "person", "people"),
        plural(gaps, "gap", "gaps"),
        mentored,
        gaps - mentored,
        r.unassessed_count(),
    )
}

/// `rows: 70 read, 66 used, 4 skipped (bad-level 1, superseded 2, …)`.
pub fn rows_line(r: &Report) -> String {
    let rows = &r.rows;
    let mut s = format!("rows: {} read, {} used, {} skipped", rows.read, rows.used, rows.skipped);
    if !rows.skipped_by_reason.is_empty() {
        let parts: Vec<String> = rows.skipped_by_reason.iter().map(|(k, n)| format!("{k} {n}")).collect();
        s.push_str(&format!(" ({})", parts.join(", ")));
    }
    s
}

/// A mean gap as shown: at most 2 decimals (JSON keeps 4).
pub fn mean(d: rust_decimal::Decimal) -> String {
    crate::decimal::round(d, 2).normalize().to_string()
}

/// At most `n` names of a training course, `張偉 2, 李娜 1, … (+4)`.
pub fn course_people(people: &[(crate::gaps::Text, u8)], n: usize) -> String {
    let mut s: Vec<String> = people.iter().take(n).map(|(p, g)| format!("{p} {g}")).collect();
    if people.len() > n {
        s.push(format!("… (+{})", people.len() - n));
    }
    s.join(", ")
}

/// Pairs by mentor, then mentee, then competency: what each mentor takes on.
pub fn by_mentor(r: &Report) -> Vec<(&Mentor, &Pair)> {
    let mut v: Vec<(&Mentor, &Pair)> = r.pairs.iter().filter_map(|p| p.mentor.as_ref().map(|m| (m, p))).collect();
    v.sort_by(|a, b| (&a.0.name, &a.1.mentee, &a.1.competency.id).cmp(&(&b.0.name, &b.1.mentee, &b.1.competency.id)));
    v
}
