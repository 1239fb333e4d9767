/*!
`kpi-metric`: a KPI must name where its value comes from — exactly one of
`metric` (a column or metric name in exports) and `ratio` — and two KPIs of
one role must not name the same `metric`: every row of it would be scored
twice, against two sets of anchors — a copy-paste slip, not a measurement.
(A ratio's numerator or denominator may be another KPI's metric: that is a
shared measurement. Two metric names that only fold alike are
`duplicate-title`'s: the resolver skips their rows as ambiguous.)
*/

use crate::check::Ctx;
use crate::diag::Code;
use crate::diag::Diagnostic;

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for role in ctx.roles {
        for kpi in role.kpis() {
            let k = &kpi.value;
            let msg = match (&k.metric, &k.ratio) {
                (None, None) => "has neither `metric` nor `ratio`: nothing says where its value comes from",
                (Some(_), Some(_)) => "has both `metric` and `ratio`: give exactly one",
                _ => continue,
            };
            out.push(
                Diagnostic::new(Code::KpiMetric, format!("KPI `{}` of `{}` {msg}", k.id.value, role.id()))
                    .at(role.loc(&k.id), "this KPI")
                    .role(role.id())
                    .item(k.id.value.as_str()),
            );
        }
        // The same metric named by two KPIs: reported at the later one.
        let kpis = role.kpis();
        for (i, later) in kpis.iter().enumerate() {
            let Some(m) = &later.value.metric else { continue };
            let Some(first) = kpis[..i].iter().find(|k| k.value.metric.as_ref().is_some_and(|f| f.value == m.value))
            else {
                continue;
            };
            let fm = first.value.metric.as_ref().expect("found by its metric");
            out.push(
                Diagnostic::new(
                    Code::KpiMetric,
                    format!(
                        "KPIs `{}` and `{}` of `{}` both take `metric: {}`: every row of it would be scored twice; give each KPI its own metric",
                        first.value.id.value,
                        later.value.id.value,
                        role.id(),
                        m.value
                    ),
                )
                .at(role.loc(m), "the same metric again")
                .at(role.loc(fm), "first taken here")
                .role(role.id())
                .item(later.value.id.value.as_str()),
            );
        }
    }
}
