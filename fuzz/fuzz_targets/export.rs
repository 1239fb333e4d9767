/*!
`export`: the bytes are a metric export (any encoding, any delimiter, long
or wide; a workbook if they start like one) — then `opsroles score` of it
against the seed's KPIs (the cut-down roles of `Roles::Kpis`), in an output format, `--by` and `--explain`
chosen by the input. A run that scores (exit 0) must have written its `-o`
file whole; one that fails must have written nothing.
*/
#![no_main]

use libfuzzer_sys::fuzz_target;
use opsroles_fuzz::{pick, project, Outcome, Roles, Shape};

const FORMATS: &[(&str, Shape)] = &[
    ("json", Shape::Json),
    ("csv", Shape::Csv),
    ("table", Shape::Text),
    ("markdown", Shape::Text),
    ("html", Shape::Html),
    ("xlsx", Shape::Xlsx),
];

fuzz_target!(|data: &[u8]| {
    let p = project(Roles::Kpis);
    let export = p.write("in/export.csv", data);
    let h = pick(data);
    let (format, shape) = FORMATS[(h % FORMATS.len() as u64) as usize];
    let out = p.path(&format!("out/score.{format}"));
    let mut args: Vec<std::ffi::OsString> = vec!["score".into(), "-q".into(), "--format".into(), format.into()];
    if h & 0x100 != 0 {
        args.extend(["--by".into(), "role".into()]);
    }
    if h & 0x200 != 0 {
        args.push("--explain".into());
    }
    args.extend(["--config".into(), p.config().into_os_string(), export.into_os_string()]);
    let (result, written) = p.run_to(args, &out, shape);
    if matches!(result, Ok(Outcome::Success)) {
        assert!(written, "score exited 0 without writing -o");
    }
});
