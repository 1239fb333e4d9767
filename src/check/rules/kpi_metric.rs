/*!
`kpi-metric`: a KPI must name where its value comes from — exactly one of
`metric` (a column or metric name in exports) and `ratio`.
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
    }
}
