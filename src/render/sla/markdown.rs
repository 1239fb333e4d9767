/*!
The conflict log as GitHub-flavoured Markdown: the conflicts, the summary,
and the summary per party. Every cell from a file is escaped.
*/

use std::io::{self, Write};

use super::{days, heading, share, state, summary_line, SlaOutput};
use crate::render::escape::md_cell as md;
use crate::render::lang::Label;
use crate::render::Render;
use crate::sla::State;

pub struct Markdown;

fn date(d: Option<chrono::NaiveDate>) -> String {
    d.map_or("—".to_string(), |d| d.to_string())
}

impl Render<SlaOutput<'_>> for Markdown {
    fn render(&self, o: &SlaOutput, w: &mut dyn Write) -> io::Result<()> {
        let (log, lang) = (o.log, o.lang);
        let l = |x: Label| x.text(lang);
        let mut out = format!("# {} {}\n\n{}\n\n", md(o.department), l(Label::ConflictLog), md(&heading(o)));
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |\n|---|---|---|---|---|---|---|---:|---|---|\n",
            l(Label::Id),
            l(Label::Matter),
            l(Label::Parties),
            l(Label::Coordinator),
            l(Label::Raised),
            l(Label::Due),
            l(Label::Resolved),
            l(Label::WorkingDays),
            l(Label::State),
            l(Label::Escalated),
        ));
        for c in &log.conflicts {
            let st = state(c.state, lang);
            let st = if c.state == State::Overdue { format!("**{st}**") } else { st };
            out.push_str(&format!(
                "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |\n",
                md(&c.id),
                md(&c.title),
                md(&c.party_titles.join("、")),
                md(c.owner_title.as_deref().unwrap_or("—")),
                c.raised,
                c.due,
                date(c.resolved),
                c.days.map_or("—".to_string(), |d| d.to_string()),
                st,
                date(c.escalated),
            ));
        }
        out.push_str(&format!("\n## {}\n\n{}\n", l(Label::Summary), summary_line(&log.summary, lang)));
        if !log.parties.is_empty() {
            out.push_str(&format!("\n## {}\n\n| {} | {} |", l(Label::ByParty), l(Label::Parties), l(Label::Total)));
            for s in State::ALL {
                out.push_str(&format!(" {} |", state(s, lang)));
            }
            out.push_str(&format!(
                " {} | {} | {} |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n",
                l(Label::MetShare),
                l(Label::MedianDays),
                l(Label::MaxDays)
            ));
            for p in &log.parties {
                let s = &p.summary;
                out.push_str(&format!("| {} ({}) | {} |", md(&p.title), md(&p.id), s.total));
                for st in State::ALL {
                    out.push_str(&format!(" {} |", s.count(st)));
                }
                out.push_str(&format!(
                    " {} | {} | {} |\n",
                    share(s.met_share),
                    days(s.median_days),
                    s.max_days.map_or("—".to_string(), |d| d.to_string())
                ));
            }
        }
        out.push_str(&format!("\n{}\n", crate::render::lang::records_line(&log.rows, lang)));
        w.write_all(out.as_bytes())
    }
}
