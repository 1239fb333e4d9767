/*!
What `opsroles init` writes (SPEC 1.3, 7), built into the binary: the
default config, the seed's five roles, the JSON Schemas editors check them
against, and the example inputs of every command, so the README's commands
work in a fresh project.

Adding a file is one line: `file!("examples/risks.csv"),` — the path is the
file's place in this repository and in the new project alike.
*/

/// `(path, bytes)`: the file at `path` in this repository, written to the
/// same path in the project.
macro_rules! file {
    ($path:literal) => {
        ($path, include_bytes!(concat!("../", $path)).as_slice())
    };
}

/// (path relative to the target directory, contents)
pub const FILES: &[(&str, &[u8])] = &[
    file!("opsroles.yaml"),
    file!("roles/operations-director.yaml"),
    file!("roles/process-manager.yaml"),
    file!("roles/resource-coordinator.yaml"),
    file!("roles/performance-analyst.yaml"),
    file!("roles/risk-supervisor.yaml"),
    file!("schemas/role.schema.json"),
    file!("schemas/config.schema.json"),
    file!("examples/q3.csv"),
    file!("examples/q2.csv"),
    file!("examples/q3-excel-gbk.csv"),
    file!("examples/q3.xlsx"),
    file!("examples/risks.csv"),
    file!("examples/conflicts.csv"),
    file!("examples/assessments.csv"),
];
