/*!
`opsroles schema role|config`: the JSON Schema (draft 2020-12) of role files
or of `opsroles.yaml`, generated from the types the loader deserializes, for
editors (yaml-language-server) and CI validators.
*/

use super::Outcome;
use crate::cli::{SchemaArgs, SchemaKind};
use crate::context::Context;
use crate::output::Kind;

/// The schema of `kind`, as pretty JSON with a final newline.
pub fn text(kind: SchemaKind) -> String {
    let value = match kind {
        SchemaKind::Role => crate::model::role::json_schema(),
        SchemaKind::Config => crate::config::json_schema(),
    };
    let mut s = serde_json::to_string_pretty(&value).unwrap_or_default();
    s.push('\n');
    s
}

pub fn run(args: &SchemaArgs, ctx: &Context) -> anyhow::Result<Outcome> {
    let text = text(args.kind);
    crate::output::emit(args.output.as_deref(), Kind::Data, ctx.color, |w| w.write_all(text.as_bytes()))?;
    Ok(Outcome::Success)
}
