/*!
`opsroles risk RISKS...`: read risk registers, grade every risk, render the
register, heat map and summary; findings go to stderr (and into JSON).

Exit 0 when every row was read and `--fail-on` finds nothing; 1 when a row
has an error (it is skipped and named) or `--fail-on` finds a risk; 2 when
an input cannot be read or lacks a required column.
*/

use std::path::PathBuf;

use clap::Args;

use super::Outcome;
use crate::context::Context;
use crate::render::lang::Lang;
use crate::render::risk::{RiskFormat, RiskOutput};
use crate::render::Format;
use crate::risk::FailOn;
use crate::workspace::Workspace;

#[derive(Debug, Args)]
pub struct RiskArgs {
    /// Risk registers (CSV); `-` reads standard input.
    #[arg(required = true, value_name = "RISKS")]
    pub risks: Vec<PathBuf>,
    /// Roles directory (default: the configured one).
    #[arg(long, value_name = "DIR")]
    pub roles: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = RiskFormat::Human)]
    pub format: RiskFormat,
    /// Write the register to FILE (atomically) instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Exit 1 when a risk is high or critical (not closed), critical, or overdue.
    #[arg(long, value_enum, value_name = "WHAT", value_delimiter = ',')]
    pub fail_on: Vec<FailOn>,
    /// Headings in Traditional Chinese or English.
    #[arg(long, value_enum, default_value_t = Lang::Zh)]
    pub lang: Lang,
    /// Force the registers' encoding (utf-8, gb18030, big5, utf-16le …).
    #[arg(long, value_name = "E")]
    pub encoding: Option<String>,
    /// Force the delimiter: `,`, `;`, `tab` or `|`.
    #[arg(long, value_name = "C")]
    pub delimiter: Option<String>,
}

pub fn run(args: &RiskArgs, ctx: &Context) -> anyhow::Result<Outcome> {
    let mut ws = Workspace::open(ctx, &[], args.roles.as_deref())?;
    super::tables::unreadable_roles(&mut ws)?;
    let opts = super::tables::read_options(args.encoding.as_deref(), args.delimiter.as_deref(), &ws.config)?;
    let tables = super::tables::read(
        &args.risks,
        crate::risk::record::SCHEMA,
        crate::risk::record::REQUIRED,
        &opts,
        &mut ws.sources,
    )?;
    let register = crate::risk::assess(&tables, &ws.org.roles, &ws.config.risk, ctx.today);
    super::tables::report(ctx, &ws.sources, &register.diagnostics);
    let data =
        RiskOutput { register: &register, sources: &ws.sources, department: &ws.config.department, lang: args.lang };
    crate::output::emit(args.output.as_deref(), args.format.kind(), ctx.color, |w| {
        args.format.renderer().render(&data, w)
    })?;
    let failed = args.fail_on.iter().any(|f| register.fails(*f));
    let outcome = if register.has_errors() || failed { Outcome::Failure } else { Outcome::Success };
    super::tables::leak_at_exit((register, tables));
    Ok(outcome)
}
