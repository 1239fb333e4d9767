/*!
`opsroles sla --due DATE [--days N]`: the due date of a conflict raised on
DATE, in every format. The human format puts the date alone on the first
line (for scripts and for HR's daily question), then every day from the
day after the raise: days off grouped with their holiday, working days
numbered, make-up workdays named. JSON is `{"raised","days","due"}`.
*/

use std::io::{self, Write};

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::SlaFormat;
use crate::calendar::Why;
use crate::output::Kind;
use crate::render::lang::Lang;
use crate::render::{pad, Format, Render};
use crate::sla::Due;

pub struct DueOutput<'a> {
    pub due: &'a Due,
    pub lang: Lang,
}

impl<'a> Format<DueOutput<'a>> for SlaFormat {
    fn renderer(self) -> Box<dyn Render<DueOutput<'a>>> {
        match self {
            SlaFormat::Human => Box::new(Human),
            SlaFormat::Markdown => Box::new(Markdown),
            SlaFormat::Json => Box::new(Json),
            SlaFormat::Csv => Box::new(Csv),
        }
    }

    fn kind(self) -> Kind {
        match self {
            SlaFormat::Human => Kind::Styled,
            _ => Kind::Data,
        }
    }
}

fn weekday(d: NaiveDate, lang: Lang) -> &'static str {
    let i = d.weekday().num_days_from_monday() as usize;
    match lang {
        Lang::Zh => ["週一", "週二", "週三", "週四", "週五", "週六", "週日"][i],
        Lang::En => ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][i],
    }
}

/// Why a day is off, or what kind of working day it is (empty for a plain one).
fn reason(w: Why, lang: Lang) -> String {
    match (w, lang) {
        (Why::Weekday, _) => String::new(),
        (Why::Weekend, Lang::Zh) => "週末".into(),
        (Why::Weekend, Lang::En) => "weekend".into(),
        (Why::Holiday(h), Lang::Zh) => format!("{h} 放假"),
        (Why::Holiday(h), Lang::En) => format!("holiday ({h})"),
        (Why::MakeUp(h), Lang::Zh) => format!("調休上班 ({h})"),
        (Why::MakeUp(h), Lang::En) => format!("make-up workday ({h})"),
        (Why::CompanyHoliday, Lang::Zh) => "公司假日 (calendar.holidays)".into(),
        (Why::CompanyHoliday, Lang::En) => "company holiday (calendar.holidays)".into(),
        (Why::CompanyWorkday, Lang::Zh) => "公司工作日 (calendar.workdays)".into(),
        (Why::CompanyWorkday, Lang::En) => "company workday (calendar.workdays)".into(),
    }
}

/// The days from the raise to the due date, one line each; a run of days
/// off for one reason is one line.
pub fn path_lines(due: &Due, lang: Lang) -> Vec<String> {
    let mut lines = Vec::new();
    let mut n = 0;
    let mut i = 0;
    let path = &due.path;
    while i < path.len() {
        let (d, why) = path[i];
        if why.is_workday() {
            n += 1;
            let label = match lang {
                Lang::Zh => format!("工作日 {n}"),
                Lang::En => format!("working day {n}"),
            };
            let day = format!("{d} {}", weekday(d, lang));
            lines
                .push(format!("  {}  {} {}", pad(&day, 23), pad(&label, 14), reason(why, lang)).trim_end().to_string());
            i += 1;
            continue;
        }
        let mut j = i;
        while j + 1 < path.len() && path[j + 1].1 == why {
            j += 1;
        }
        let off = match lang {
            Lang::Zh => "休息",
            Lang::En => "off",
        };
        let span = if j == i { format!("{d} {}", weekday(d, lang)) } else { format!("{d} … {}", path[j].0) };
        lines.push(format!("  {}  {} {}", pad(&span, 23), pad(off, 14), reason(why, lang)).trim_end().to_string());
        i = j + 1;
    }
    lines
}

struct Human;

impl Render<DueOutput<'_>> for Human {
    fn render(&self, o: &DueOutput, w: &mut dyn Write) -> io::Result<()> {
        let d = o.due;
        let mut out = format!("{}\n", d.due);
        out.push_str(&match o.lang {
            Lang::Zh => format!(
                "提交 {} ({}),從次日起算第 {} 個工作日:{} ({})\n",
                d.raised,
                weekday(d.raised, o.lang),
                d.days,
                d.due,
                weekday(d.due, o.lang)
            ),
            Lang::En => format!(
                "raised {} ({}); {} working days counted from the next day: due {} ({}):\n",
                d.raised,
                weekday(d.raised, o.lang),
                d.days,
                d.due,
                weekday(d.due, o.lang)
            ),
        });
        for line in path_lines(d, o.lang) {
            out.push_str(&line);
            out.push('\n');
        }
        w.write_all(out.as_bytes())
    }
}

#[derive(Serialize)]
struct Doc {
    raised: String,
    days: u32,
    due: String,
}

struct Json;

impl Render<DueOutput<'_>> for Json {
    fn render(&self, o: &DueOutput, w: &mut dyn Write) -> io::Result<()> {
        let d = o.due;
        crate::render::json::pretty(&Doc { raised: d.raised.to_string(), days: d.days, due: d.due.to_string() }, w)
    }
}

struct Csv;

impl Render<DueOutput<'_>> for Csv {
    fn render(&self, o: &DueOutput, w: &mut dyn Write) -> io::Result<()> {
        let d = o.due;
        write!(w, "raised,days,due\n{},{},{}\n", d.raised, d.days, d.due)
    }
}

struct Markdown;

impl Render<DueOutput<'_>> for Markdown {
    fn render(&self, o: &DueOutput, w: &mut dyn Write) -> io::Result<()> {
        let d = o.due;
        let (raised, days, due) = match o.lang {
            Lang::Zh => ("提交日期", "工作日", "到期日"),
            Lang::En => ("Raised", "Working days", "Due"),
        };
        write!(w, "| {raised} | {days} | {due} |\n|---|---:|---|\n| {} | {} | {} |\n", d.raised, d.days, d.due)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::Calendar;
    use crate::config::CalendarConfig;

    #[test]
    fn the_national_day_path() {
        let cal = Calendar::new(&CalendarConfig::default());
        let raised = crate::tabular::date::parse_iso("2025-09-30").unwrap();
        let due = crate::sla::due(&cal, raised, 3).unwrap();
        let lines = path_lines(&due, Lang::En);
        assert_eq!(
            lines,
            [
                "  2025-10-01 … 2025-10-08  off            holiday (國慶節、中秋節)",
                "  2025-10-09 Thu           working day 1",
                "  2025-10-10 Fri           working day 2",
                "  2025-10-11 Sat           working day 3  make-up workday (國慶節、中秋節)",
            ]
        );
    }
}
