/*!
`kpi-weights`: a role's KPI weights must be finite, non-negative, and sum to
100 (±0.01).
*/

use crate::check::Ctx;
use crate::diag::Code;
use crate::diag::Diagnostic;

const TOLERANCE: f64 = 0.01;

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for role in ctx.roles {
        let Some(kpis) = &role.doc.kpis else { continue };
        if kpis.value.is_empty() {
            continue;
        }
        let key = ctx.sources.key_line(&role.loc(kpis), "kpis");
        let ids: Vec<String> = kpis.value.iter().map(|k| k.value.id.value.clone()).collect();
        let mut bad = Vec::new();
        for k in &kpis.value {
            let w = k.value.weight.value;
            if !w.is_finite() || w < 0.0 {
                bad.push((role.loc(&k.value.weight), format!("weight of `{}` is {w}", k.value.id.value)));
            }
        }
        let sum: f64 = kpis.value.iter().map(|k| k.value.weight.value).sum();
        let message = if !bad.is_empty() {
            format!("role `{}` has KPI weights that are negative or not finite", role.id())
        } else if (sum - 100.0).abs() > TOLERANCE {
            format!("KPI weights of role `{}` sum to {}, not 100", role.id(), round4(sum))
        } else {
            continue;
        };
        let mut d = Diagnostic::new(Code::KpiWeights, message).at(key, "the weights of these KPIs").role(role.id());
        for (loc, label) in bad {
            d = d.at(loc, label);
        }
        d.items = ids;
        out.push(d);
    }
}

fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}
