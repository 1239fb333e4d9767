/*!
`opsroles gaps ASSESSMENTS` (SPEC 6.3): competency gaps, the training plan
and mentor pairing (導師制) — the report's answer to its fourth problem,
people short of what their role requires.

- [`record`]: assessment tables read into people and levels in force
  (latest wins), every row accounted for; [`level`] reads a level cell;
- [`catalogue`]: the org's competencies, required levels, and the tiered
  resolver for competency names;
- [`gap`]: per person, required against assessed; unassessed listed;
- [`training`]: the plan per competency, largest total gap first;
- [`pairing`] over [`flow`]: the maximum, then preferred, mentor pairing;
- [`findings`]: bad rows as findings with `file:line` and the field.

The domain never prints; [`Report`] carries names and titles resolved, for
the renderers in `render/gaps/`.
*/

pub mod catalogue;
pub mod findings;
pub mod flow;
pub mod gap;
pub mod level;
pub mod pairing;
pub mod record;
pub mod training;

use std::sync::Arc;

use rust_decimal::Decimal;

use crate::diag::Diagnostic;
use crate::model::Role;
use crate::source::Sources;
use crate::tabular::records::Table;
use crate::tabular::rows::Rows;
use catalogue::Catalogue;
pub use pairing::Relation;

/// Text shared by many lines of a report (a name, an id, a title): cloned
/// by reference count, not copied, for 50,000 people.
pub type Text = Arc<str>;

/// A role or competency as shown: its id and its title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    pub id: Text,
    pub title: Text,
}

/// A gap's mentor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mentor {
    pub name: Text,
    /// The mentor's role id.
    pub role: Text,
    pub level: u8,
    pub relation: Relation,
}

/// One competency a person's role requires.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub competency: Named,
    pub required: u8,
    /// `None`: unassessed.
    pub assessed: Option<u8>,
    /// For a gap: the mentor, or `None` for training only.
    pub mentor: Option<Mentor>,
}

impl Line {
    /// Required − assessed, when > 0.
    pub fn gap(&self) -> Option<u8> {
        gap::Line { competency: 0, required: self.required, assessed: self.assessed }.gap()
    }
}

/// A person and every competency their role requires.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonLines {
    pub name: Text,
    pub role: Named,
    pub lines: Vec<Line>,
}

impl PersonLines {
    pub fn gaps(&self) -> impl Iterator<Item = &Line> {
        self.lines.iter().filter(|l| l.gap().is_some())
    }

    pub fn unassessed(&self) -> impl Iterator<Item = &Line> {
        self.lines.iter().filter(|l| l.assessed.is_none())
    }
}

/// One competency of the training plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Course {
    pub competency: Named,
    /// (person, gap), the largest gap first, then by name.
    pub people: Vec<(Text, u8)>,
    pub total_gap: u64,
    pub mean_gap: Decimal,
    /// How many of these gaps have a mentor.
    pub mentored: usize,
}

/// A mentor pair, or a gap without one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pair {
    pub mentee: Text,
    /// The mentee's role id.
    pub role: Text,
    pub competency: Named,
    pub required: u8,
    pub assessed: u8,
    /// `None`: no valid mentor is left for this gap (training only).
    pub mentor: Option<Mentor>,
    /// How many people could mentor this gap at all (assessed at the
    /// required level + 1 or above). Training only with some qualified:
    /// every one of them is at `max_mentees`.
    pub qualified: usize,
}

/// Everything `gaps` found.
#[derive(Debug, Clone)]
pub struct Report {
    pub department: String,
    pub max_mentees: u32,
    /// By role id, then by name.
    pub people: Vec<PersonLines>,
    pub training: Vec<Course>,
    /// Every gap, by mentee name then competency id: paired or not.
    pub pairs: Vec<Pair>,
    pub rows: Rows,
    /// Bad records (every one an error).
    pub diagnostics: Vec<Diagnostic>,
    /// Headers that are no assessment column, per file.
    pub ignored_columns: Vec<(String, Vec<String>)>,
}

impl Report {
    pub fn gap_count(&self) -> usize {
        self.pairs.len()
    }

    pub fn mentored(&self) -> impl Iterator<Item = &Pair> {
        self.pairs.iter().filter(|p| p.mentor.is_some())
    }

    pub fn uncovered(&self) -> impl Iterator<Item = &Pair> {
        self.pairs.iter().filter(|p| p.mentor.is_none())
    }

    pub fn unassessed_count(&self) -> usize {
        self.people.iter().map(|p| p.unassessed().count()).sum()
    }
}

/// What the run is given besides the tables.
pub struct Settings<'a> {
    pub department: &'a str,
    pub max_mentees: u32,
}

/// What pairing works on: each gap as a need, each assessed level as a skill.
pub fn pairing_input(
    assessments: &record::Assessments,
    lines: &[Vec<gap::Line>],
) -> (Vec<pairing::Need>, Vec<pairing::Skill>) {
    let mut needs = Vec::new();
    for (p, person_lines) in lines.iter().enumerate() {
        for l in person_lines.iter().filter(|l| l.gap().is_some()) {
            let role = assessments.people[p].role;
            needs.push(pairing::Need { person: p, role, competency: l.competency, required: l.required });
        }
    }
    let skills = assessments
        .levels
        .iter()
        .map(|a| pairing::Skill {
            person: a.person,
            role: assessments.people[a.person].role,
            competency: a.competency,
            level: a.level,
        })
        .collect();
    (needs, skills)
}

/// Reads the assessment tables (columns checked with
/// [`record::check_columns`]) and finds gaps, the plan and the pairs.
pub fn run(tables: &[Table], roles: &[Role], settings: &Settings, sources: &Sources) -> Report {
    let catalogue = Catalogue::new(roles);
    let assessments = record::read(tables, roles, &catalogue, sources);
    let lines = gap::lines(&assessments, &catalogue);

    let (needs, skills) = pairing_input(&assessments, &lines);
    let rules = pairing::Rules { reports_to: &catalogue.reports_to, max_mentees: settings.max_mentees };
    let matches = pairing::pair(&needs, &skills, &rules);
    // People per competency and level, for "who could mentor this at all".
    let mut at_level = vec![[0usize; 6]; catalogue.competencies.len()];
    for s in &skills {
        at_level[s.competency][usize::from(s.level.min(5))] += 1;
    }
    let qualified = |c: usize, required: u8| at_level[c].iter().skip(usize::from(required) + 1).sum::<usize>();

    // Names and titles made once, shared by every line.
    let names: Vec<Text> = assessments.people.iter().map(|p| Text::from(p.name.as_str())).collect();
    let role_named: Vec<Named> =
        roles.iter().map(|r| Named { id: Text::from(r.id()), title: Text::from(r.doc.title.value.as_str()) }).collect();
    let plain: Vec<Named> = catalogue
        .competencies
        .iter()
        .map(|c| Named { id: Text::from(c.id.as_str()), title: Text::from(c.title.as_str()) })
        .collect();
    // A competency as the mentee's role calls it (titles differ between roles).
    let own: Vec<Vec<(usize, Named)>> = (0..roles.len())
        .map(|r| {
            catalogue.required[r]
                .iter()
                .map(|&(c, _)| {
                    (c, Named { id: plain[c].id.clone(), title: Text::from(catalogue.title_in(roles, Some(r), c)) })
                })
                .collect()
        })
        .collect();
    let competency_named = |role: usize, c: usize| -> Named {
        own[role].iter().find(|(x, _)| *x == c).map_or_else(|| plain[c].clone(), |(_, n)| n.clone())
    };
    let mentor_of = |m: &pairing::Match| Mentor {
        name: names[m.mentor].clone(),
        role: role_named[assessments.people[m.mentor].role].id.clone(),
        level: m.level,
        relation: m.relation,
    };
    // Needs were made in (person, role order) order: walk them alongside.
    let mut matched = needs.iter().zip(&matches).peekable();
    let mut people: Vec<PersonLines> = Vec::with_capacity(lines.len());
    let mut pairs: Vec<Pair> = Vec::with_capacity(needs.len());
    for (p, person_lines) in lines.iter().enumerate() {
        let person = &assessments.people[p];
        let mut out = Vec::with_capacity(person_lines.len());
        for l in person_lines {
            let mut mentor = None;
            if let Some(&(n, m)) = matched.peek() {
                if n.person == p && n.competency == l.competency {
                    mentor = m.as_ref().map(mentor_of);
                    matched.next();
                    pairs.push(Pair {
                        mentee: names[p].clone(),
                        role: role_named[person.role].id.clone(),
                        competency: competency_named(person.role, l.competency),
                        required: l.required,
                        assessed: l.assessed.unwrap_or(0),
                        mentor: mentor.clone(),
                        qualified: qualified(l.competency, l.required),
                    });
                }
            }
            out.push(Line {
                competency: competency_named(person.role, l.competency),
                required: l.required,
                assessed: l.assessed,
                mentor,
            });
        }
        people.push(PersonLines { name: names[p].clone(), role: role_named[person.role].clone(), lines: out });
    }
    people.sort_by(|a, b| a.role.id.cmp(&b.role.id).then_with(|| a.name.cmp(&b.name)));
    pairs.sort_by(|a, b| a.mentee.cmp(&b.mentee).then_with(|| a.competency.id.cmp(&b.competency.id)));

    let gaps = needs
        .iter()
        .map(|n| (n.person, n.competency, n.required - assessments.level(n.person, n.competency).unwrap_or(0)));
    let training = training::plan(gaps)
        .into_iter()
        .map(|c| Course {
            competency: plain[c.competency].clone(),
            mentored: needs.iter().zip(&matches).filter(|(n, m)| n.competency == c.competency && m.is_some()).count(),
            people: c.people.iter().map(|&(p, g)| (names[p].clone(), g)).collect(),
            total_gap: c.total_gap,
            mean_gap: c.mean_gap,
        })
        .collect();

    let diagnostics = findings::of(&assessments.rows);
    Report {
        department: settings.department.to_string(),
        max_mentees: settings.max_mentees,
        people,
        training,
        pairs,
        rows: assessments.rows,
        diagnostics,
        ignored_columns: assessments.ignored_columns,
    }
}
