/*!
`id-mismatch`: a role id that differs from its file stem, or any id that is
not lowercase ASCII kebab-case.
*/

use crate::check::Ctx;
use crate::diag::Code;
use crate::diag::Diagnostic;
use crate::model::Sp;

/// Lowercase ASCII words joined by single hyphens: `process-manager`.
pub fn is_kebab(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for role in ctx.roles {
        let id = &role.doc.id;
        if id.value != role.stem {
            out.push(
                Diagnostic::new(
                    Code::IdMismatch,
                    format!("role id `{}` does not match its file name `{}`", id.value, ctx.sources.name(role.file)),
                )
                .at(role.loc(id), format!("expected `{}`", role.stem))
                .role(id.value.as_str())
                .note("the file stem must equal the role id; rename the file or change the id"),
            );
        }
        let mut ids: Vec<(&str, &Sp<String>)> = vec![("role", id)];
        ids.extend(role.duties().iter().map(|d| ("duty", &d.value.id)));
        ids.extend(role.authority().iter().map(|a| ("authority", &a.value.id)));
        ids.extend(role.competencies().iter().map(|c| ("competency", &c.value.id)));
        ids.extend(role.kpis().iter().map(|k| ("KPI", &k.value.id)));
        for (kind, sid) in ids {
            if !is_kebab(&sid.value) {
                let mut d =
                    Diagnostic::new(Code::IdMismatch, format!("{kind} id `{}` is not lowercase kebab-case", sid.value))
                        .at(role.loc(sid), "use lowercase ASCII words joined by `-`")
                        .role(role.id());
                if kind != "role" {
                    d = d.item(sid.value.as_str());
                }
                out.push(d);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::is_kebab;

    #[test]
    fn kebab_case() {
        assert!(is_kebab("process-manager"));
        assert!(is_kebab("q3-review2"));
        assert!(!is_kebab("Process-Manager"));
        assert!(!is_kebab("process_manager"));
        assert!(!is_kebab("-a"));
        assert!(!is_kebab("a--b"));
        assert!(!is_kebab("流程"));
        assert!(!is_kebab(""));
    }
}
