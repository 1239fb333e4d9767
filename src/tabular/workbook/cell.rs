/*!
One workbook cell as the text a CSV export would hold, from its value — never
from the text the sheet shows, which depends on the format and the locale.

- a number: its shortest decimal text (`0.1`, not `0.1000000000000000055…`;
  `1234.5`, not `1,234.50`);
- a number formatted as a percentage: the value × 100 with `%` (`0.15` shown
  as `15.0%` becomes `15%`), computed in decimal so no binary error appears
  (0.07 × 100 in `f64` is 7.000000000000001);
- a date: `YYYY-MM-DD`, with ` HH:MM:SS` when it has a time of day;
- a duration: `H:MM:SS` (no KPI reads that as a number, so it is reported as
  a bad value rather than misread as days);
- an error cell: its code (`#DIV/0!`, `#N/A`), which readers treat as missing;
- text: as is, with line breaks as spaces, so one sheet row stays one line.
*/

use calamine::Data;
use rust_decimal::Decimal;

/// The CSV text of `value`; `percent` when its number format is a percentage.
pub fn text(value: &Data, percent: bool) -> String {
    match value {
        Data::Empty => String::new(),
        Data::String(s) => one_line(s),
        Data::Float(f) => number(*f, percent),
        Data::Int(i) => number(*i as f64, percent),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        Data::Error(e) => e.to_string(),
        Data::DateTime(dt) if dt.is_duration() => duration(dt.as_f64() * 86_400.0),
        Data::DateTime(dt) => match dt.as_datetime() {
            Some(t) => datetime(t),
            None => number(dt.as_f64(), false),
        },
        Data::DateTimeIso(s) => iso_datetime(s),
        Data::DurationIso(s) => iso_duration(s).map_or_else(|| s.clone(), duration),
    }
}

fn one_line(s: &str) -> String {
    if s.contains(['\n', '\r']) {
        s.replace("\r\n", " ").replace(['\n', '\r'], " ")
    } else {
        s.to_string()
    }
}

/// The shortest decimal text of `f` (Rust prints the shortest text that
/// reads back to the same `f64`, without an exponent).
fn number(f: f64, percent: bool) -> String {
    if !f.is_finite() {
        return "#NUM!".to_string();
    }
    let plain = format!("{f}");
    if !percent {
        return plain;
    }
    match plain.parse::<Decimal>().ok().and_then(|d| d.checked_mul(Decimal::ONE_HUNDRED)) {
        Some(d) => format!("{}%", d.normalize()),
        // Beyond decimal range: far beyond any KPI, and read as a bad value.
        None => format!("{plain}00%"),
    }
}

fn datetime(t: chrono::NaiveDateTime) -> String {
    if t.time() == chrono::NaiveTime::MIN {
        t.date().format("%Y-%m-%d").to_string()
    } else {
        t.format("%Y-%m-%d %H:%M:%S").to_string()
    }
}

/// ODS dates: `2026-07-15` or `2026-07-15T10:30:00`.
fn iso_datetime(s: &str) -> String {
    match s.split_once('T') {
        Some((date, time)) if time.trim_start_matches(['0', ':', '.']).is_empty() => date.to_string(),
        Some((date, time)) => format!("{date} {}", time.split('.').next().unwrap_or(time)),
        None => s.to_string(),
    }
}

/// Seconds as `H:MM:SS`.
fn duration(seconds: f64) -> String {
    let total = seconds.round() as i64;
    let sign = if total < 0 { "-" } else { "" };
    let t = total.abs();
    format!("{sign}{}:{:02}:{:02}", t / 3600, t / 60 % 60, t % 60)
}

/// An ISO 8601 duration as ODS writes it (`PT4H30M0S`, `-PT1H`), in seconds.
fn iso_duration(s: &str) -> Option<f64> {
    let (neg, rest) = match s.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, s),
    };
    let rest = rest.strip_prefix('P')?;
    let (days, time) = rest.split_once('T').unwrap_or((rest, ""));
    let mut secs = 0.0;
    if !days.is_empty() {
        secs += days.strip_suffix('D')?.parse::<f64>().ok()? * 86_400.0;
    }
    let mut num = String::new();
    for ch in time.chars() {
        let unit = match ch {
            'H' => 3600.0,
            'M' => 60.0,
            'S' => 1.0,
            c => {
                num.push(c);
                continue;
            }
        };
        secs += num.parse::<f64>().ok()? * unit;
        num.clear();
    }
    num.is_empty().then_some(if neg { -secs } else { secs })
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{CellErrorType, ExcelDateTime, ExcelDateTimeType};

    #[test]
    fn numbers_are_their_shortest_decimal_text() {
        assert_eq!(text(&Data::Float(0.1), false), "0.1");
        assert_eq!(text(&Data::Float(1234.5), false), "1234.5");
        assert_eq!(text(&Data::Float(59000.0), false), "59000");
        assert_eq!(text(&Data::Int(-12), false), "-12");
        assert_eq!(text(&Data::Float(0.1 + 0.2), false), "0.30000000000000004");
    }

    /// The percent trap: 0.15 shown as `15.0%` means 15 to a percent KPI.
    #[test]
    fn a_percentage_cell_keeps_its_percent_sign_exactly() {
        assert_eq!(0.07 * 100.0, 7.000000000000001, "why the shift is decimal");
        assert_eq!(text(&Data::Float(0.07), true), "7%");
        assert_eq!(text(&Data::Float(0.15), true), "15%");
        assert_eq!(text(&Data::Float(0.873), true), "87.3%");
        assert_eq!(text(&Data::Float(-0.025), true), "-2.5%");
        assert_eq!(text(&Data::Int(1), true), "100%");
        assert_eq!(text(&Data::Float(0.0), true), "0%");
    }

    #[test]
    fn dates_and_times() {
        let date = ExcelDateTime::new(46204.0, ExcelDateTimeType::DateTime, false);
        assert_eq!(text(&Data::DateTime(date), false), "2026-07-01");
        let noon = ExcelDateTime::new(46204.5, ExcelDateTimeType::DateTime, false);
        assert_eq!(text(&Data::DateTime(noon), false), "2026-07-01 12:00:00");
        let hours = ExcelDateTime::new(0.1875, ExcelDateTimeType::TimeDelta, false);
        assert_eq!(text(&Data::DateTime(hours), false), "4:30:00");
        assert_eq!(text(&Data::DateTimeIso("2026-07-15".into()), false), "2026-07-15");
        assert_eq!(text(&Data::DateTimeIso("2026-07-15T00:00:00".into()), false), "2026-07-15");
        assert_eq!(text(&Data::DateTimeIso("2026-07-15T10:30:00".into()), false), "2026-07-15 10:30:00");
        assert_eq!(text(&Data::DurationIso("PT04H30M00S".into()), false), "4:30:00");
        assert_eq!(text(&Data::DurationIso("P1DT1H".into()), false), "25:00:00");
    }

    #[test]
    fn errors_text_and_booleans() {
        assert_eq!(text(&Data::Error(CellErrorType::Div0), false), "#DIV/0!");
        assert_eq!(text(&Data::Error(CellErrorType::NA), false), "#N/A");
        assert_eq!(text(&Data::String("流程效率\n提升率".into()), false), "流程效率 提升率");
        assert_eq!(text(&Data::Bool(true), false), "TRUE");
    }
}
