/*!
The seed's five roles and the default config, built into the binary for
`opsroles init` (SPEC 1.3).
*/

/// (path relative to the target directory, contents)
pub const FILES: &[(&str, &str)] = &[
    ("opsroles.yaml", include_str!("../opsroles.yaml")),
    ("roles/operations-director.yaml", include_str!("../roles/operations-director.yaml")),
    ("roles/process-manager.yaml", include_str!("../roles/process-manager.yaml")),
    ("roles/resource-coordinator.yaml", include_str!("../roles/resource-coordinator.yaml")),
    ("roles/performance-analyst.yaml", include_str!("../roles/performance-analyst.yaml")),
    ("roles/risk-supervisor.yaml", include_str!("../roles/risk-supervisor.yaml")),
];
