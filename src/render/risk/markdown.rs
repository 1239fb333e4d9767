/*!
The risk register as GitHub-flavoured Markdown: the register table worst
first, the heat map as a table (level letter and count per cell), the
summary per level. Every cell from a file is escaped.
*/

use std::io::{self, Write};

use super::{fmea, level, status, summary_line, RiskOutput};
use crate::render::escape::md_cell as md;
use crate::render::lang::Label;
use crate::render::Render;
use crate::risk::Level;

pub struct Markdown;

impl Render<RiskOutput<'_>> for Markdown {
    fn render(&self, o: &RiskOutput, w: &mut dyn Write) -> io::Result<()> {
        let (reg, lang) = (o.register, o.lang);
        let l = |x: Label| x.text(lang);
        let mut out = format!("# {} {}\n\n", md(o.department), l(Label::RiskRegister));
        out.push_str(&format!(
            "{}: {} · {} {}\n\n",
            l(Label::Date),
            reg.today,
            reg.risks.len(),
            l(Label::RisksCounted)
        ));
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} | FMEA | {} | {} | {} |\n|---|---:|---|---|---|---|---|---|---|---|\n",
            l(Label::RiskLevel),
            l(Label::RiskScore),
            l(Label::Id),
            l(Label::RiskTitle),
            l(Label::Category),
            l(Label::Owner),
            l(Label::Status),
            l(Label::Due),
            l(Label::Response),
        ));
        for r in &reg.risks {
            let due = match (r.due, r.overdue) {
                (Some(d), true) => format!("**{d} {}**", l(Label::Overdue)),
                (Some(d), false) => d.to_string(),
                (None, _) => "—".to_string(),
            };
            out.push_str(&format!(
                "| {} | {}×{}={} | {} | {} | {} | {} | {} | {} | {} | {} |\n",
                level(r.level, lang),
                r.likelihood,
                r.impact,
                r.score,
                md(&r.id),
                md(&r.title),
                md(&r.category),
                md(&format!("{} ({})", r.owner_title, r.owner)),
                fmea(r),
                status(r.status, lang),
                due,
                md(&r.response),
            ));
        }
        out.push_str(&format!("\n## {}\n\n", l(Label::HeatMap)));
        out.push_str(&format!(
            "| {} \\\\ {} | 1 | 2 | 3 | 4 | 5 |\n|---|---|---|---|---|---|\n",
            l(Label::Likelihood),
            l(Label::Impact)
        ));
        for (i, row) in reg.heatmap.iter().enumerate() {
            let likelihood = 5 - i;
            let cells: Vec<String> = row
                .iter()
                .enumerate()
                .map(|(j, n)| {
                    let lv = Level::of((likelihood * (j + 1)) as u8, &reg.levels);
                    if *n == 0 {
                        format!("{} ·", lv.letter())
                    } else {
                        format!("**{} {n}**", lv.letter())
                    }
                })
                .collect();
            out.push_str(&format!("| **{likelihood}** | {} |\n", cells.join(" | ")));
        }
        out.push_str(&format!(
            "\n{}\n\n{}\n",
            summary_line(reg, lang),
            crate::render::lang::records_line(&reg.rows, lang)
        ));
        w.write_all(out.as_bytes())
    }
}
