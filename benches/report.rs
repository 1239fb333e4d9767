//! Benchmark of `opsroles report` on a generated 2,000-role organisation
//! with 40,000 duties (generator: `opsroles_synth`): load, check, build the
//! report and render the HTML, as the CLI does. Prints the best and median
//! of 5 runs and the size of the page. Target (issue): < 2 s.
//!
//!     cargo bench --bench report

use std::time::Instant;

use opsroles::render::report::{ReportFormat, ReportOutput};

fn main() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    opsroles_synth::write_org(dir, 2000, 20, 7).unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
    let mut times = Vec::new();
    let mut phases = [Vec::new(), Vec::new(), Vec::new(), Vec::new()];
    let mut size = 0;
    for _ in 0..5 {
        let t = Instant::now();
        let mut sources = opsroles::source::Sources::default();
        let config = opsroles::config::load(Some(&dir.join("opsroles.yaml")), &mut sources)
            .map_err(|e| format!("{e:?}"))
            .unwrap();
        let org = opsroles::model::load::load_paths(std::slice::from_ref(&config.roles_dir), &mut sources).unwrap();
        let t_loaded = t.elapsed().as_secs_f64();
        let opts = opsroles::check::Options { levels: Default::default(), deny_warnings: false, today, waivers: true };
        let check = opsroles::check::run(&org, &config, &sources, &opts);
        let t_checked = t.elapsed().as_secs_f64();
        let dept = opsroles::dept::build(&opsroles::dept::Inputs {
            title: None,
            org: &org,
            config: &config,
            sources: &sources,
            check: &check,
            today,
            commit: None,
            scores: None,
            risks: None,
            conflicts: None,
            gaps: None,
        });
        let t_built = t.elapsed().as_secs_f64();
        let html =
            opsroles::render::to_string(ReportFormat::Html, &ReportOutput { report: &dept, lang: Default::default() });
        let total = t.elapsed().as_secs_f64();
        times.push(total);
        for (p, d) in phases.iter_mut().zip([t_loaded, t_checked - t_loaded, t_built - t_checked, total - t_built]) {
            p.push(d);
        }
        size = html.len();
    }
    times.sort_by(f64::total_cmp);
    println!(
        "report 2,000 roles / 40,000 duties: best {:.3} s  median {:.3} s  ({:.1} MB of HTML; target < 2 s)",
        times[0],
        times[2],
        size as f64 / 1e6
    );
    for (name, mut p) in ["load", "check", "build", "render"].into_iter().zip(phases) {
        p.sort_by(f64::total_cmp);
        println!("  {name:<7} median {:.3} s", p[2]);
    }
}
