/*!
`kpi-thresholds`: the anchors of a KPI must be finite and strictly ordered for
its direction (SPEC 2.1): threshold < target < stretch for `higher`, the reverse
for `lower`, lo2 ≤ lo ≤ hi ≤ hi2 for `range`; `higher` without a threshold
needs target > 0, since its score is proportional to the target.
*/

use crate::check::Ctx;
use crate::diag::Code;
use crate::diag::Diagnostic;
use crate::model::{Anchor, Direction, Kpi};

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for role in ctx.roles {
        for kpi in role.kpis() {
            if let Some(problem) = problem(&kpi.value) {
                out.push(
                    Diagnostic::new(
                        Code::KpiThresholds,
                        format!("KPI `{}` of `{}`: {problem}", kpi.value.id.value, role.id()),
                    )
                    .at(role.loc(&kpi.value.id), "this KPI")
                    .at(role.loc(&kpi.value.target), "target")
                    .role(role.id())
                    .item(kpi.value.id.value.as_str()),
                );
            }
        }
    }
}

/// Anchors beyond this are refused: values that large are refused in exports
/// too (`score::number::MAX_VALUE`), and bounds keep the arithmetic in range.
const MAX_ANCHOR: f64 = 1e15;

fn in_range(v: f64) -> bool {
    v.is_finite() && v.abs() <= MAX_ANCHOR
}

fn single(name: &str, a: Option<Anchor>) -> Result<Option<f64>, String> {
    match a {
        None => Ok(None),
        Some(Anchor::Value(v)) if in_range(v) => Ok(Some(v)),
        Some(Anchor::Value(v)) => Err(format!("{name} is {v}, not a finite number within ±1e15")),
        Some(Anchor::Range(_)) => Err(format!("{name} is a [low, high] pair, which only `direction: range` takes")),
    }
}

fn pair(name: &str, a: Option<Anchor>) -> Result<Option<[f64; 2]>, String> {
    match a {
        None => Ok(None),
        Some(Anchor::Range(r)) if r.iter().all(|v| in_range(*v)) => Ok(Some(r)),
        Some(Anchor::Range(r)) => Err(format!("{name} [{}, {}] is not finite within ±1e15", r[0], r[1])),
        Some(Anchor::Value(_)) => Err(format!("{name} of a `range` KPI must be a [low, high] pair")),
    }
}

/// What is wrong with the anchors of `k`, if anything.
pub fn problem(k: &Kpi) -> Option<String> {
    let th = k.threshold.as_ref().map(|a| a.value);
    let st = k.stretch.as_ref().map(|a| a.value);
    let result = match k.direction.value {
        Direction::Higher | Direction::Lower => ordered(k.direction.value, th, k.target.value, st),
        Direction::Range => range(th, k.target.value, st),
    };
    result.err()
}

fn ordered(dir: Direction, th: Option<Anchor>, target: Anchor, st: Option<Anchor>) -> Result<(), String> {
    let l = single("threshold", th)?;
    let t = single("target", Some(target))?.unwrap_or_default();
    let s = single("stretch", st)?;
    let (word, rising) = match dir {
        Direction::Higher => ("<", true),
        _ => (">", false),
    };
    let before = |a: f64, b: f64| if rising { a < b } else { a > b };
    if let Some(l) = l {
        if !before(l, t) {
            return Err(format!("threshold {l} must be {word} target {t} for `{}`", dir_name(dir)));
        }
    } else if rising && t <= 0.0 {
        return Err(format!(
            "target {t} must be > 0 when there is no threshold (the score is proportional to the target)"
        ));
    }
    if let Some(s) = s {
        if !before(t, s) {
            return Err(format!("target {t} must be {word} stretch {s} for `{}`", dir_name(dir)));
        }
    }
    Ok(())
}

fn range(th: Option<Anchor>, target: Anchor, st: Option<Anchor>) -> Result<(), String> {
    if st.is_some() {
        return Err("`stretch` does not apply to `direction: range`".to_string());
    }
    let [lo, hi] = pair("target", Some(target))?.unwrap_or_default();
    if lo > hi {
        return Err(format!("target [{lo}, {hi}] needs low ≤ high"));
    }
    if let Some([lo2, hi2]) = pair("threshold", th)? {
        if !(lo2 <= lo && hi <= hi2) {
            return Err(format!("threshold [{lo2}, {hi2}] must enclose target [{lo}, {hi}]"));
        }
    }
    Ok(())
}

fn dir_name(d: Direction) -> &'static str {
    match d {
        Direction::Higher => "higher",
        Direction::Lower => "lower",
        Direction::Range => "range",
    }
}
