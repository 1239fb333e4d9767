/*!
`opsroles risk RISKS...`: read risk registers, grade every risk, render the
register, heat map and summary; findings go to stderr (and into JSON).

Exit 0 when every row was read and `--fail-on` finds nothing; 1 when a row
has an error (it is skipped and named) or `--fail-on` finds a risk; 2 when
an input cannot be read or lacks a required column.
*/

use super::Outcome;
use crate::cli::RiskArgs;
use crate::context::Context;
use crate::render::risk::RiskOutput;
use crate::render::Format;
use crate::workspace::Workspace;

/// Reads the registers and grades every risk; findings go to stderr as
/// `risk` reports them (the department report reads risks this way too).
pub(crate) fn load(
    ws: &mut Workspace,
    ctx: &Context,
    paths: &[std::path::PathBuf],
    opts: &crate::tabular::ReadOptions,
) -> anyhow::Result<(crate::risk::Register, Vec<crate::tabular::records::Table>)> {
    super::tables::unreadable_roles(ws)?;
    let tables =
        super::tables::read(paths, crate::risk::record::SCHEMA, crate::risk::record::REQUIRED, opts, &mut ws.sources)?;
    let register = crate::risk::assess(&tables, &ws.org.roles, &ws.config.risk, ctx.today);
    super::tables::report(ctx, &ws.sources, &register.diagnostics);
    Ok((register, tables))
}

pub fn run(args: &RiskArgs, ctx: &Context) -> anyhow::Result<Outcome> {
    let mut ws = Workspace::open(ctx, &[], args.roles.as_deref())?;
    let opts = super::tables::read_options(args.encoding.as_deref(), args.delimiter.as_deref(), &ws.config)?;
    let (register, tables) = load(&mut ws, ctx, &args.risks, &opts)?;
    let data =
        RiskOutput { register: &register, sources: &ws.sources, department: &ws.config.department, lang: args.lang };
    crate::output::emit(args.output.as_deref(), args.format.kind(), ctx.color, |w| {
        args.format.renderer().render(&data, w)
    })?;
    let failed = args.fail_on.iter().any(|f| register.fails(*f));
    let outcome = if register.has_errors() || failed { Outcome::Failure } else { Outcome::Success };
    super::tables::free_in_background((register, tables));
    Ok(outcome)
}
