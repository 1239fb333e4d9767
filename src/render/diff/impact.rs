/*!
What a change does to scores, as the human and Markdown diffs show it: per
person, score and grade before → after and the KPIs of their role that the
change touched, with that person's score on each — a list on the terminal,
a table in the pull-request comment. Numbers as `score` shows them (one
decimal, rounded half away from zero); the change is that of the shown
scores, so it adds up for a reader checking by hand.
*/

use std::io::{self, Write};

use anstyle::Style;

use crate::diff::impact::{Impact, KpiMove, Person, Standing};
use crate::diff::Report;
use crate::render::diff::named;
use crate::render::escape::{md_cell, md_code, terminal};
use crate::render::plural;
use crate::render::score::{change, num, score};

fn standing(s: &Option<Standing>) -> String {
    match s {
        Some(s) => format!("{} {}", score(s.score), s.grade),
        None => "no scorecard".to_string(),
    }
}

fn grade(s: &Option<Standing>) -> &str {
    s.as_ref().map_or("—", |s| s.grade.as_str())
}

fn total(s: &Option<Standing>) -> String {
    s.as_ref().map_or_else(|| "—".to_string(), |s| score(s.score))
}

/// `▼ 1.1` between the shown scores, or `—`.
fn delta(p: &Person) -> String {
    let get = |s: &Option<Standing>| s.as_ref().and_then(|s| s.score);
    change(get(&p.after), get(&p.before))
}

fn opt(v: &Option<String>) -> &str {
    v.as_deref().unwrap_or("—")
}

/// A KPI that moved a person, in words: `weight 30 → 35, KPI score 97.3`.
pub fn kpi_words(k: &KpiMove) -> String {
    let mut parts = Vec::new();
    match (k.weight_before, k.weight_after) {
        (None, Some(w)) => parts.push(format!("added with weight {}", num(w))),
        (Some(w), None) => parts.push(format!("removed (weight {})", num(w))),
        _ => {}
    }
    for f in &k.fields {
        parts.push(format!("{} {} → {}", f.field, opt(&f.before), opt(&f.after)));
    }
    let kpi_score = match (k.score_before, k.score_after) {
        (None, None) => "no value".to_string(),
        (b, a) if b == a || k.weight_before.is_none() || k.weight_after.is_none() => {
            format!("KPI score {}", score(a.or(b)))
        }
        (b, a) => format!("KPI score {} → {}", score(b), score(a)),
    };
    parts.push(kpi_score);
    format!("{}: {}", named(Some(&k.title), &k.id), parts.join(", "))
}

/// `rows: 164 read, 161 used (3 skipped: …)`, or the rows used on each side
/// when the change makes rows unusable (a KPI removed) or usable.
fn rows(i: &Impact) -> String {
    const WHY: &str = "`opsroles score` says why";
    let (read, before, after) = (i.rows_read, i.rows_used_before, i.rows_used_after);
    if before != after {
        return format!("rows: {read} read; used {before} before, {after} after ({WHY} rows are skipped)");
    }
    let skipped = read.saturating_sub(after);
    let mut s = format!("rows: {read} read, {after} used");
    if skipped > 0 {
        s.push_str(&format!(" ({skipped} skipped: {WHY})"));
    }
    s
}

fn people(i: &Impact) -> String {
    let n = i.people.len();
    format!(
        "{} {}, {} unchanged",
        plural(n, "person", "people"),
        if n == 1 { "changes" } else { "change" },
        i.unchanged
    )
}

const SCORING_NOTE: &str =
    "the `scoring:` config differs between the sides (anchor scores, grades or the missing-data rule)";

/// The terminal form.
pub fn human(impact: &Result<Impact, String>, _: &Report, out: &mut dyn Write) -> io::Result<()> {
    let bold = Style::new().bold();
    let i = match impact {
        Ok(i) => i,
        Err(why) => return writeln!(out, "\n{bold}scores{bold:#}: not compared — {}", terminal(why)),
    };
    writeln!(
        out,
        "\n{bold}scores under the new role files{bold:#}: {}, {}",
        terminal(&i.inputs.join(", ")),
        terminal(&i.period)
    )?;
    for p in &i.people {
        let role = named(Some(&p.role_title), &p.role);
        writeln!(
            out,
            "  {} · {}: {} → {} ({})",
            terminal(&p.entity),
            terminal(&role),
            standing(&p.before),
            standing(&p.after),
            delta(p)
        )?;
        for k in &p.kpis {
            writeln!(out, "      {}", terminal(&kpi_words(k)))?;
        }
    }
    writeln!(out, "{}; {}", people(i), rows(i))?;
    if i.scoring_changed {
        writeln!(out, "note: {SCORING_NOTE}")?;
    }
    Ok(())
}

/// The pull-request comment's table.
pub fn markdown(impact: &Result<Impact, String>, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "\n### Scores under the new role files\n")?;
    let i = match impact {
        Ok(i) => i,
        Err(why) => return writeln!(out, "Not compared: {}", md_cell(why)),
    };
    let inputs: Vec<String> = i.inputs.iter().map(|n| md_code(n)).collect();
    writeln!(out, "{} · {} · {} · {}\n", inputs.join(", "), md_cell(&i.period), people(i), rows(i))?;
    if !i.people.is_empty() {
        writeln!(out, "| person | role | score | grade | change | KPIs that moved it |\n|---|---|---|---|---|---|")?;
    }
    for p in &i.people {
        let grades = if grade(&p.before) == grade(&p.after) {
            md_cell(grade(&p.after))
        } else {
            format!("{} → **{}**", md_cell(grade(&p.before)), md_cell(grade(&p.after)))
        };
        let kpis: Vec<String> = p.kpis.iter().map(|k| md_cell(&kpi_words(k))).collect();
        writeln!(
            out,
            "| {} | {} | {} → {} | {} | {} | {} |",
            md_cell(&p.entity),
            md_cell(&named(Some(&p.role_title), &p.role)),
            total(&p.before),
            total(&p.after),
            grades,
            delta(p),
            kpis.join("<br>")
        )?;
    }
    if i.scoring_changed {
        writeln!(out, "\nNote: {}", md_cell(SCORING_NOTE))?;
    }
    Ok(())
}
