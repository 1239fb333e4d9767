/*!
`diff_pair`: the bytes are two role files, OLD and NEW, split at the first
line `=====` (no such line: OLD is the seed's role of the id NEW declares)
— then `opsroles diff OLD NEW --check` on the two files, and the same pair
through git's external diff driver (seven arguments, `--check`), with an
empty side given as git gives it, `/dev/null` (a role file added or
deleted).
*/
#![no_main]

use std::ffi::OsString;

use libfuzzer_sys::fuzz_target;
use opsroles_fuzz::{declared_id, pick, project, seed_file, Roles, Shape, TODAY};

/// The line between the halves (at the start of the input, or after a newline).
const SEPARATOR: &[u8] = b"=====\n";

/// Where the first separator line starts.
fn split_at(data: &[u8]) -> Option<usize> {
    (0..data.len()).find(|&i| (i == 0 || data[i - 1] == b'\n') && data[i..].starts_with(SEPARATOR))
}

const FORMATS: &[(&str, Shape)] = &[("human", Shape::Text), ("markdown", Shape::Text), ("json", Shape::Json)];

fuzz_target!(|data: &[u8]| {
    let p = project(Roles::Seed);
    let (old, new) = match split_at(data) {
        Some(at) => (&data[..at], &data[at + SEPARATOR.len()..]),
        None => {
            let seed = declared_id(data).and_then(|id| seed_file(&format!("roles/{id}.yaml")));
            (seed.unwrap_or_default(), data)
        }
    };
    let stem = |half: &[u8]| declared_id(half).unwrap_or("fuzz").to_string();
    let old_file = p.write(&format!("in/old/{}.yaml", stem(old)), old);
    let new_file = p.write(&format!("in/new/{}.yaml", stem(new)), new);

    let h = pick(data);
    let (format, shape) = FORMATS[(h % FORMATS.len() as u64) as usize];
    let out = p.path(&format!("out/diff.{format}"));
    let common: Vec<OsString> = ["diff", "--today", TODAY, "--format", format, "--check", "--config"]
        .map(Into::into)
        .into_iter()
        .chain([p.config().into_os_string()])
        .collect();

    let mut args = common.clone();
    if h & 0x100 != 0 {
        args.push("--exit-code".into());
    }
    args.extend([old_file.clone().into_os_string(), new_file.clone().into_os_string()]);
    // Ok or Err are both fine; run_to asserted the -o promise.
    let _ = p.run_to(args, &out, shape);

    // git runs the driver at the top of the work tree with the file's path
    // there; a side that does not exist is /dev/null.
    let name = opsroles::source::display_path(&p.path(&format!("roles/{}.yaml", stem(new))));
    let side = |half: &[u8], file: &std::path::Path| -> OsString {
        if half.is_empty() {
            "/dev/null".into()
        } else {
            file.into()
        }
    };
    let mut args = common;
    args.extend([
        name.into(),
        side(old, &old_file),
        "1111111111111111111111111111111111111111".into(),
        "100644".into(),
        side(new, &new_file),
        "2222222222222222222222222222222222222222".into(),
        "100644".into(),
    ]);
    let (result, _) = p.run_to(args, &out, shape);
    assert!(matches!(result, Ok(opsroles::Outcome::Success)), "the diff driver must exit 0, got {result:?}");

    std::fs::remove_file(old_file).unwrap();
    std::fs::remove_file(new_file).unwrap();
});
