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

/// One role file, `roles/<id>.yaml` (SPEC 1.1).
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "opsroles role file")]
pub struct RoleDoc {
    /// The role id: lowercase ASCII kebab-case, equal to the file name (`process-manager.yaml`).
    #[schemars(with = "String")]
    pub id: Sp<String>,
    /// The role title in any language (`流程管理經理`).
    #[schemars(with = "String")]
    pub title: Sp<String>,
    /// The English title (optional).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub title_en: Option<Sp<String>>,
    /// The id of the role this one reports to (no cycles).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub reports_to: Option<Sp<String>>,
    /// How many people hold the role (an integer ≥ 0).
    #[serde(default)]
    #[schemars(with = "Option<u32>")]
    pub headcount: Option<Sp<u32>>,
    /// What the role is for (崗位定位).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub positioning: Option<Sp<String>>,
    /// Duties (職責描述). A duty is declared once, in the file of the role accountable (A) for it.
    #[serde(default)]
    #[schemars(with = "Option<Vec<Duty>>")]
    pub duties: Option<Sp<Vec<Sp<Duty>>>>,
    /// Decisions this role may take (權限).
    #[serde(default)]
    #[schemars(with = "Option<Vec<Authority>>")]
    pub authority: Option<Sp<Vec<Sp<Authority>>>>,
    /// Competencies the role requires (關鍵能力要求).
    #[serde(default)]
    #[schemars(with = "Option<Vec<Competency>>")]
    pub competencies: Option<Sp<Vec<Sp<Competency>>>>,
    /// KPIs the role is assessed on (考核指標); their weights sum to 100.
    #[serde(default)]
    #[schemars(with = "Option<Vec<Kpi>>")]
    pub kpis: Option<Sp<Vec<Sp<Kpi>>>>,
}

#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Duty {
    /// The duty id, unique across the organisation.
    #[schemars(with = "String")]
    pub id: Sp<String>,
    /// The duty title (`流程梳理`).
    #[schemars(with = "String")]
    pub title: Sp<String>,
    /// What the duty involves.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub description: Option<Sp<String>>,
    /// The department function the duty serves (an id from `functions:` in opsroles.yaml).
    #[schemars(with = "String")]
    pub function: Sp<String>,
    /// R: `None` means the owner role alone.
    #[serde(default)]
    #[schemars(with = "Option<Vec<String>>")]
    pub responsible: Option<Sp<Vec<Sp<String>>>>,
    /// C: role ids or partner department ids (from `partners:`) consulted.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub consulted: Vec<Sp<String>>,
    /// I: role ids or partner department ids informed.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub informed: Vec<Sp<String>>,
}

#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Authority {
    /// The authority id, unique across the organisation.
    #[schemars(with = "String")]
    pub id: Sp<String>,
    /// The decision (`審批流程優化方案`).
    #[schemars(with = "String")]
    pub title: Sp<String>,
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub description: Option<Sp<String>>,
}

#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Competency {
    /// The competency id; the same id in several roles means the same competency.
    #[schemars(with = "String")]
    pub id: Sp<String>,
    /// The competency (`流程建模能力`).
    #[schemars(with = "String")]
    pub title: Sp<String>,
    /// The required proficiency, 1 to 5.
    #[schemars(with = "u8")]
    #[schemars(range(min = 1, max = 5))]
    pub level: Sp<u8>,
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub description: Option<Sp<String>>,
}

#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Kpi {
    /// The KPI id, unique within the role.
    #[schemars(with = "String")]
    pub id: Sp<String>,
    /// The KPI title (`流程效率提升率`).
    #[schemars(with = "String")]
    pub title: Sp<String>,
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub description: Option<Sp<String>>,
    /// The metric name in exports (a `metric` cell or a column header).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub metric: Option<Sp<String>>,
    /// Or: the value is Σ numerator / Σ denominator over the period (× 100 for a percent unit).
    #[serde(default)]
    #[schemars(with = "Option<Ratio>")]
    pub ratio: Option<Sp<Ratio>>,
    /// percent, ratio, count, score, currency, days or hours.
    #[schemars(with = "Unit")]
    pub unit: Sp<Unit>,
    /// higher is better, lower is better, or a range `[low, high]`.
    #[schemars(with = "Direction")]
    pub direction: Sp<Direction>,
    /// The minimum acceptable value (scores 60).
    #[serde(default)]
    #[schemars(with = "Option<Anchor>")]
    pub threshold: Option<Sp<Anchor>>,
    /// The target (scores 100); `[low, high]` for a range.
    #[schemars(with = "Anchor")]
    pub target: Sp<Anchor>,
    /// The stretch goal (scores 120).
    #[serde(default)]
    #[schemars(with = "Option<Anchor>")]
    pub stretch: Option<Sp<Anchor>>,
    /// The weight; the KPI weights of one role sum to 100.
    #[schemars(with = "f64")]
    pub weight: Sp<f64>,
    /// How a period's values combine: sum, mean, min, max or last (default: sum for count and currency, mean otherwise).
    #[serde(default)]
    #[schemars(with = "Option<Aggregate>")]
    pub aggregate: Option<Sp<Aggregate>>,
}

#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Ratio {
    pub numerator: String,
    pub denominator: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema)]
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Higher,
    Lower,
    Range,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema)]
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
#[derive(Debug, Clone, Copy, PartialEq, Deserialize, schemars::JsonSchema)]
#[serde(untagged)]
pub enum Anchor {
    Value(f64),
    Range([f64; 2]),
}

/// The JSON Schema (draft 2020-12) of a role file, from the types above —
/// the ones the loader deserializes — so the two cannot disagree.
pub fn json_schema() -> serde_json::Value {
    let schema = schemars::generate::SchemaSettings::draft2020_12().into_generator().into_root_schema_for::<RoleDoc>();
    schema.to_value()
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
