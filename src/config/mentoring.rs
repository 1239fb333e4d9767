/*!
`mentoring:` — the mentor system (導師制) of SPEC 6.3: how many mentees one
mentor takes in total.
*/

use serde::Deserialize;
use serde_saphyr::Spanned;

use super::Checker;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MentoringConfig {
    pub max_mentees: u32,
}

impl Default for MentoringConfig {
    fn default() -> Self {
        MentoringConfig { max_mentees: 2 }
    }
}

#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct RawMentoring {
    #[serde(default)]
    #[schemars(with = "Option<u32>")]
    max_mentees: Option<Spanned<u32>>,
}

const MAX: u32 = 100;

pub(super) fn validate(raw: &Spanned<RawMentoring>, c: &mut Checker) -> MentoringConfig {
    let mut out = MentoringConfig::default();
    if let Some(m) = &raw.value.max_mentees {
        if (1..=MAX).contains(&m.value) {
            out.max_mentees = m.value;
        } else {
            c.error(&m.referenced, format!("`max_mentees` must be 1 to {MAX}, not {}", m.value), "");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::tests::{parse, problems};

    #[test]
    fn max_mentees() {
        assert_eq!(parse("mentoring:\n  max_mentees: 3\n").mentoring.max_mentees, 3);
        assert_eq!(problems("mentoring:\n  max_mentees: 0\n").len(), 1);
    }
}
