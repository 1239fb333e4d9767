/*!
`config`: the bytes are the project's `opsroles.yaml` (given with
`--config`) — then `opsroles check` of the shipped roles under it, and one
of the commands that read the other sections (`score` — scoring anchors,
grades, `columns:`; `sla` — calendar, SLA days; `risk` — levels, FMEA;
`gaps` — mentoring), chosen by the input, over the shipped example.
*/
#![no_main]

use libfuzzer_sys::fuzz_target;
use opsroles_fuzz::{pick, project, Roles, Shape, TODAY};

/// (command, example input, format, shape of its output).
const CONSUMERS: &[(&str, &[u8], &str, Shape)] = &[
    ("score", include_bytes!("../../examples/q3.csv"), "json", Shape::Json),
    ("sla", include_bytes!("../../examples/conflicts.csv"), "json", Shape::Json),
    ("risk", include_bytes!("../../examples/risks.csv"), "json", Shape::Json),
    ("gaps", include_bytes!("../../examples/assessments.csv"), "json", Shape::Json),
];

fuzz_target!(|data: &[u8]| {
    let p = project(Roles::Seed);
    let config = p.write("fuzz-config.yaml", data);
    // A `roles:` outside the project would have the harness walk the
    // machine (`roles: /`): that is the user's wish, not a defect.
    let mut sources = opsroles::source::Sources::default();
    if let Ok(c) = opsroles::config::load(Some(&config), &mut sources) {
        if c.roles_dir.canonicalize().is_ok_and(|d| !d.starts_with(p.root())) {
            return;
        }
    }
    let out = p.path("out/config-check.json");
    let (result, written) = p.run_to(
        ["check", "-q", "--today", TODAY, "--format", "json", "--config"]
            .map(Into::into)
            .into_iter()
            .chain([config.clone().into_os_string()]),
        &out,
        Shape::Json,
    );
    assert!(result.is_err() || written, "check succeeded without writing -o");

    let (command, example, format, shape) = CONSUMERS[(pick(data) % CONSUMERS.len() as u64) as usize];
    let input = p.write(&format!("in/{command}.csv"), example);
    let out = p.path(&format!("out/config-{command}.{format}"));
    let mut args: Vec<std::ffi::OsString> = vec![command.into(), "-q".into(), "--format".into(), format.into()];
    if matches!(command, "sla" | "risk") {
        // score and gaps do not depend on today, and refuse --today.
        args.extend(["--today".into(), TODAY.into()]);
    }
    args.extend(["--config".into(), config.into_os_string(), input.into_os_string()]);
    // Ok or Err are both fine; run_to asserted the -o promise.
    let _ = p.run_to(args, &out, shape);
});
