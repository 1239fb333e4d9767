/*!
`raci-conflict`: for one duty, a role listed in two of R/C/I, or the owner
(the Accountable role) listed as Consulted or Informed.
*/

use std::collections::BTreeMap;

use crate::check::Ctx;
use crate::diag::Code;
use crate::diag::Diagnostic;

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for role in ctx.roles {
        let owner = role.id();
        for duty in role.duties() {
            let d = &duty.value;
            let mut letters: BTreeMap<&str, Vec<char>> = BTreeMap::new();
            if let Some(r) = &d.responsible {
                for x in &r.value {
                    letters.entry(x.value.as_str()).or_default().push('R');
                }
            }
            for x in &d.consulted {
                letters.entry(x.value.as_str()).or_default().push('C');
            }
            for x in &d.informed {
                letters.entry(x.value.as_str()).or_default().push('I');
            }
            let mut holders = Vec::new();
            let mut reasons = Vec::new();
            for (who, mut ls) in letters {
                ls.dedup();
                let in_ci = ls.iter().any(|&c| c == 'C' || c == 'I');
                if who == owner && in_ci {
                    holders.push(who.to_string());
                    let ci: String = ls.iter().filter(|&&c| c != 'R').collect();
                    reasons.push(format!("the owner `{who}` is also listed as {}", letters_name(&ci)));
                } else if ls.len() >= 2 && ctx.index.is_role(who) {
                    holders.push(who.to_string());
                    reasons.push(format!("`{who}` is listed as {}", letters_name(&ls.iter().collect::<String>())));
                }
            }
            if holders.is_empty() {
                continue;
            }
            let mut diag = Diagnostic::new(
                Code::RaciConflict,
                format!("duty `{}` of `{owner}`: {}", d.id.value, reasons.join("; ")),
            )
            .at(role.loc(&d.id), "this duty")
            .item(d.id.value.as_str())
            .note("each role takes one letter per duty; the owner is Accountable and needs no C or I");
            diag.roles = holders;
            out.push(diag);
        }
    }
}

fn letters_name(ls: &str) -> String {
    let names: Vec<&str> = ls
        .chars()
        .map(|c| match c {
            'R' => "responsible",
            'C' => "consulted",
            _ => "informed",
        })
        .collect();
    names.join(" and ")
}
