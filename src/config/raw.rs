/*!
`opsroles.yaml` as written (SPEC 1.2): every key optional, unknown keys refused.

Validation into [`super::Config`] happens in `config/mod.rs`.
*/

use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::yaml::SpannedMap;

type Sp<T> = Spanned<T>;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawConfig {
    #[serde(default)]
    pub department: Option<Sp<String>>,
    #[serde(default)]
    pub roles: Option<Sp<String>>,
    #[serde(default)]
    pub functions: Option<SpannedMap<Sp<String>>>,
    #[serde(default)]
    pub partners: Option<SpannedMap<Sp<String>>>,
    #[serde(default)]
    pub rules: SpannedMap<Sp<String>>,
    #[serde(default)]
    pub similarity: Option<Sp<f64>>,
    #[serde(default)]
    pub separation: Vec<Sp<RawSeparation>>,
    #[serde(default)]
    pub waivers: Vec<Sp<RawWaiver>>,
    #[serde(default)]
    pub scoring: Option<Sp<RawScoring>>,
    #[serde(default)]
    pub calendar: Option<Sp<RawCalendar>>,
    #[serde(default)]
    pub sla: Option<Sp<RawSla>>,
    #[serde(default)]
    pub risk: Option<Sp<RawRisk>>,
    /// Header name → standard column, for metric exports (SPEC 3.2).
    #[serde(default)]
    pub columns: SpannedMap<Sp<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSeparation {
    pub items: Vec<Sp<String>>,
    #[serde(default)]
    pub reason: Option<Sp<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawWaiver {
    pub rule: Sp<String>,
    pub items: Vec<Sp<String>>,
    pub reason: Sp<String>,
    pub expires: Sp<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawScoring {
    #[serde(default)]
    pub threshold_score: Option<Sp<f64>>,
    #[serde(default)]
    pub target_score: Option<Sp<f64>>,
    #[serde(default)]
    pub stretch_score: Option<Sp<f64>>,
    #[serde(default)]
    pub missing: Option<Sp<Missing>>,
    #[serde(default)]
    pub min_coverage: Option<Sp<f64>>,
    #[serde(default)]
    pub grades: Option<SpannedMap<Sp<f64>>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Missing {
    Renormalize,
    Zero,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCalendar {
    #[serde(default)]
    pub preset: Option<Sp<Preset>>,
    #[serde(default)]
    pub weekend: Option<Vec<Sp<Weekday>>>,
    #[serde(default)]
    pub holidays: Vec<Sp<String>>,
    #[serde(default)]
    pub workdays: Vec<Sp<String>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Preset {
    Cn,
    None,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Weekday {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSla {
    #[serde(default)]
    pub conflict_days: Option<Sp<u32>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRisk {
    #[serde(default)]
    pub levels: Option<SpannedMap<Sp<u32>>>,
}
