/*!
`role_yaml`: the bytes are a role file, named after the `id:` it declares
(else `roles/fuzz.yaml`). First alone — the only role of a project — under
`opsroles check` in JSON and in an output format chosen by the input; then,
when it loaded as a role, among the seed's roles (taking the place of the
seed role with its id, so the rules judge it among the other four): `check`
of the project, or `check FILE` of that one file, chosen by the input.
*/
#![no_main]

use libfuzzer_sys::fuzz_target;
use opsroles_fuzz::{declared_id, pick, project, seed_file, Roles, Shape, TODAY};

const FORMATS: &[(&str, Shape)] = &[
    ("human", Shape::Text),
    ("json", Shape::Json),
    ("github", Shape::Text),
    ("sarif", Shape::Json),
    ("junit", Shape::Xml),
];

fuzz_target!(|data: &[u8]| {
    let rel = format!("roles/{}.yaml", declared_id(data).unwrap_or("fuzz"));
    let h = pick(data);
    let (format, shape) = FORMATS[(h % FORMATS.len() as u64) as usize];
    let check = |format| ["check", "-q", "--today", TODAY, "--format", format];

    let solo = project(Roles::Empty);
    let file = solo.write(&rel, data);
    let out = solo.path("out/check.json");
    let (result, written) = solo.run_to(solo.args(&check("json")), &out, Shape::Json);
    assert!(result.is_err() || written, "check succeeded without writing -o");
    // Loaded as a role: the summary counts it (a file that does not parse
    // is a finding, not a role).
    let loaded = written && {
        let report: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
        report["summary"]["roles"] == 1
    };
    if format != "json" {
        let out = solo.path(&format!("out/check.{format}"));
        let (result, written) = solo.run_to(solo.args(&check(format)), &out, shape);
        assert!(result.is_err() || written, "check succeeded without writing -o");
    }
    std::fs::remove_file(&file).unwrap();
    if !loaded {
        return;
    }

    let seed = project(Roles::Seed);
    let file = seed.write(&rel, data);
    let mut args = seed.args(&check(format));
    if h & 0x100 != 0 {
        args.push(file.clone().into());
    }
    let out = seed.path(&format!("out/check.{format}"));
    let (result, written) = seed.run_to(args, &out, shape);
    assert!(result.is_err() || written, "check succeeded without writing -o");
    match seed_file(&rel) {
        Some(bytes) => drop(seed.write(&rel, bytes)),
        None => std::fs::remove_file(&file).unwrap(),
    }
});
