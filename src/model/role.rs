/*!
The role model: what one `roles/<id>.yaml` file holds (SPEC 1.1).

These types are deserialized directly, with [`Spanned`] values so that every
finding can point at its line. Unknown keys are errors (`deny_unknown_fields`).
Checks of meaning (ordering, references, sums) live in `check/`, not here.
*/

use serde::{Deserialize, Serialize};
use serde_saphyr::Spanned;

use crate::source::{FileId, Location};

pub type Sp<T> = Spanned<T>;

/// The location of a spanned value in `file`.
pub fn loc<T>(file: FileId, v: &Sp<T>) -> Location {
    Location::from_saphyr(file, &v.referenced)
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoleDoc {
    pub id: Sp<String>,
    pub title: Sp<String>,
    #[serde(default)]
    pub title_en: Option<Sp<String>>,
    #[serde(default)]
    pub reports_to: Option<Sp<String>>,
    #[serde(default)]
    pub headcount: Option<Sp<u32>>,
    #[serde(default)]
    pub positioning: Option<Sp<String>>,
    #[serde(default)]
    pub duties: Option<Sp<Vec<Sp<Duty>>>>,
    #[serde(default)]
    pub authority: Option<Sp<Vec<Sp<Authority>>>>,
    #[serde(default)]
    pub competencies: Option<Sp<Vec<Sp<Competency>>>>,
    #[serde(default)]
    pub kpis: Option<Sp<Vec<Sp<Kpi>>>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Duty {
    pub id: Sp<String>,
    pub title: Sp<String>,
    #[serde(default)]
    pub description: Option<Sp<String>>,
    pub function: Sp<String>,
    /// R: `None` means the owner role alone.
    #[serde(default)]
    pub responsible: Option<Sp<Vec<Sp<String>>>>,
    #[serde(default)]
    pub consulted: Vec<Sp<String>>,
    #[serde(default)]
    pub informed: Vec<Sp<String>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Authority {
    pub id: Sp<String>,
    pub title: Sp<String>,
    #[serde(default)]
    pub description: Option<Sp<String>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Competency {
    pub id: Sp<String>,
    pub title: Sp<String>,
    pub level: Sp<u8>,
    #[serde(default)]
    pub description: Option<Sp<String>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Kpi {
    pub id: Sp<String>,
    pub title: Sp<String>,
    #[serde(default)]
    pub description: Option<Sp<String>>,
    #[serde(default)]
    pub metric: Option<Sp<String>>,
    #[serde(default)]
    pub ratio: Option<Sp<Ratio>>,
    pub unit: Sp<Unit>,
    pub direction: Sp<Direction>,
    #[serde(default)]
    pub threshold: Option<Sp<Anchor>>,
    pub target: Sp<Anchor>,
    #[serde(default)]
    pub stretch: Option<Sp<Anchor>>,
    pub weight: Sp<f64>,
    #[serde(default)]
    pub aggregate: Option<Sp<Aggregate>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ratio {
    pub numerator: String,
    pub denominator: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    Percent,
    Ratio,
    Count,
    Score,
    Currency,
    Days,
    Hours,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Higher,
    Lower,
    Range,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Aggregate {
    Sum,
    Mean,
    Min,
    Max,
    Last,
}

crate::display_by_serde_name!(Unit, Direction, Aggregate);

/// A threshold, target or stretch: one number, or `[low, high]` for `range`.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum Anchor {
    Value(f64),
    Range([f64; 2]),
}

/// A role as loaded: its document and the file it came from.
#[derive(Debug)]
pub struct Role {
    pub file: FileId,
    /// The file stem, which must equal `doc.id`.
    pub stem: String,
    pub doc: std::sync::Arc<RoleDoc>,
}

impl Role {
    pub fn id(&self) -> &str {
        &self.doc.id.value
    }

    pub fn loc<T>(&self, v: &Sp<T>) -> Location {
        loc(self.file, v)
    }

    pub fn duties(&self) -> &[Sp<Duty>] {
        self.doc.duties.as_ref().map_or(&[], |d| &d.value)
    }

    pub fn authority(&self) -> &[Sp<Authority>] {
        self.doc.authority.as_ref().map_or(&[], |d| &d.value)
    }

    pub fn competencies(&self) -> &[Sp<Competency>] {
        self.doc.competencies.as_ref().map_or(&[], |d| &d.value)
    }

    pub fn kpis(&self) -> &[Sp<Kpi>] {
        self.doc.kpis.as_ref().map_or(&[], |d| &d.value)
    }
}

impl Duty {
    /// The R roles: the listed ones, or the owner when none are listed.
    pub fn responsible_ids<'a>(&'a self, owner: &'a str) -> Vec<&'a str> {
        match &self.responsible {
            Some(r) => r.value.iter().map(|s| s.value.as_str()).collect(),
            None => vec![owner],
        }
    }

    /// Title and description, the text `similar-duty` compares.
    pub fn text(&self) -> String {
        match &self.description {
            Some(d) => format!("{}{}", self.title.value, d.value),
            None => self.title.value.clone(),
        }
    }
}
