/*!
One row of an export: which period set it belongs to, its role, person and
metric through the caches, its value, and what it adds to the tally — or the
reason it is skipped.
*/

use rust_decimal::Decimal;

use super::csv::Record;
use super::{text, Fatal, PeriodCell, Reader, Resolved, Sets};
use crate::diag::Code;
use crate::model::Unit;
use crate::score::cache::show;
use crate::score::layout::{Kind, Layout};
use crate::score::plan::{KpiPlan, Part};
use crate::score::tally::LastKey;
use crate::source::Location;
use crate::tabular::number::{self, Cell, UnitWord};
use crate::tabular::period::{self, Period};

/// Whether a unit word after a number fits what a KPI measures (`3個` for a
/// count, `4小時` for hours). Ratio parts have no declared unit of their own.
fn fits(word: UnitWord, k: &KpiPlan, part: Part) -> bool {
    part != Part::Value
        || matches!(
            (word, k.unit),
            (UnitWord::Count, Unit::Count)
                | (UnitWord::Points, Unit::Score)
                | (UnitWord::Days, Unit::Days)
                | (UnitWord::Hours, Unit::Hours)
        )
}

impl Reader<'_> {
    /// A value cell: plain decimals straight from the bytes, the rest (`85%`,
    /// `¥1,200`, `3個`, full-width digits…) through the full parser.
    #[inline(always)]
    fn cell(&self, raw: &[u8], name: &str, line: u64) -> Result<(Cell, Option<UnitWord>), Fatal> {
        match number::parse_plain(raw) {
            Some(value) if !self.opts.decimal_comma => Ok((Cell::Number { value, percent: false }, None)),
            _ => self.full_cell(raw, name, line),
        }
    }

    #[cold]
    #[inline(never)]
    fn full_cell(&self, raw: &[u8], name: &str, line: u64) -> Result<(Cell, Option<UnitWord>), Fatal> {
        Ok(number::parse_counted(&text(raw, self.cells, name, line)?, self.opts.decimal_comma))
    }

    /// A unit word that does not fit a KPI the value feeds: the detail for
    /// the `bad-value` problem.
    fn misfit(&self, role: usize, targets: u32, word: Option<UnitWord>, raw: &[u8]) -> Option<String> {
        let word = word?;
        let kpis = &self.plan.roles[role].kpis;
        let (ki, _) =
            self.targets[targets as usize].iter().find(|&&(ki, part)| !fits(word, &kpis[ki], part)).copied()?;
        Some(format!(
            "`{}` is in {}, but KPI `{}` is measured in {}",
            show(raw, self.cells),
            word.as_str(),
            kpis[ki].id,
            kpis[ki].unit
        ))
    }

    /// The sets of a period cell, noting the period's coverage once per
    /// distinct cell.
    fn period_cell(&mut self, raw: &[u8], name: &str, line: u64) -> Result<PeriodCell, Fatal> {
        let (opts, coverage) = (self.opts, &mut self.coverage);
        self.periods.get(
            raw,
            self.cells,
            |s| {
                let p = period::parse(s)?;
                coverage.add(p);
                let in_compare = opts.compare.is_some_and(|c| c.contains(&p));
                let in_main = opts.period.map_or(!in_compare, |m| m.contains(&p));
                Some((p, u8::from(in_main) | (u8::from(in_compare) << 1)))
            },
            name,
            line,
        )
    }

    pub(super) fn here(&self, line: u64) -> Location {
        Location::row(self.file, line)
    }

    /// Scores one row; `Ok` whether it was used or skipped.
    pub(super) fn row(&mut self, layout: &Layout, rec: &Record, file: u32, name: &str, line: u64) -> Result<(), Fatal> {
        // Period: which set the row belongs to.
        let (period, bits) = match layout.period {
            Some(c) => match self.period_cell(&rec[c], name, line)? {
                Some((p, bits)) => (Some(p), bits),
                None => {
                    let detail = format!("`{}` is not a period", show(&rec[c], self.cells));
                    self.rows.skip(Code::BadValue, self.here(line), detail);
                    return Ok(());
                }
            },
            None => (None, 1),
        };
        let (in_main, in_compare) = (bits & 1 != 0, bits & 2 != 0);
        self.in_main += u64::from(in_main);
        self.in_compare += u64::from(in_compare);
        if !in_main && !in_compare {
            let p = period.map_or(String::new(), |p| p.to_string());
            let scored = self.opts.period.map_or(String::new(), |p| p.to_string());
            self.rows.skip(Code::OutsidePeriod, self.here(line), format!("{p} is outside {scored}"));
            return Ok(());
        }
        let Some(role) = self.role(&rec[layout.role], name, line)? else { return Ok(()) };
        let person = match layout.person_id.or(layout.person) {
            Some(c) => {
                // People are known by their number when there is one; the
                // name is kept beside it. An empty cell names nobody.
                let name_col = layout.person.filter(|_| layout.person_id.is_some());
                let (tally, cells) = (&mut self.tally, self.cells);
                let found = match self.persons.last_hit(&rec[c]) {
                    Some(same_person) => same_person,
                    None => {
                        // Exports list people in order: the one after the last
                        // person is tried before a lookup (UTF-8, where a cell's
                        // bytes are the key's).
                        let next = self.last_entity.and_then(|((p, _), _)| p).map_or(0, |p| p as usize + 1);
                        let guess = tally
                            .persons
                            .get(next)
                            .filter(|p| cells == encoding_rs::UTF_8 && p.key.as_bytes() == &rec[c])
                            .map(|_| Some(next as u32));
                        self.persons.get_or_guess(
                            &rec[c],
                            cells,
                            guess,
                            |key| {
                                let full_name = name_col.map(|n| show(&rec[n], cells));
                                (!key.is_empty()).then(|| tally.person(key, full_name.as_deref()))
                            },
                            name,
                            line,
                        )?
                    }
                };
                match found {
                    Some(p) => Some(p),
                    None => {
                        let column = if layout.person_id.is_some() { "person number" } else { "person" };
                        self.rows.skip(Code::MissingValue, self.here(line), format!("the {column} cell is empty"));
                        return Ok(());
                    }
                }
            }
            None => None,
        };
        let key = LastKey { end: period.map(|p| p.end), start: period.map(|p| p.start), file, line };
        let entity = match self.last_entity {
            Some((k, e)) if k == (person, role) => e,
            _ => {
                let e = self.tally.entity(person, role);
                self.last_entity = Some(((person, role), e));
                e
            }
        };
        if in_main {
            self.tally.main_rows[entity] += 1;
        }
        match &layout.kind {
            Kind::Long { metric, value } => {
                self.long_row(role, entity, (in_main, in_compare), key, &rec[*metric], &rec[*value], name)
            }
            Kind::Wide { metrics } => self.wide_row(role, entity, (in_main, in_compare), key, rec, metrics, name),
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn long_row(
        &mut self,
        role: usize,
        entity: usize,
        sets: Sets,
        key: LastKey,
        raw_metric: &[u8],
        raw_value: &[u8],
        name: &str,
    ) -> Result<(), Fatal> {
        let line = key.line;
        let targets = match self.resolve_metric(role, raw_metric, name, line)? {
            Resolved::Targets(t) => t,
            other => {
                let shown = show(raw_metric, self.cells);
                self.metric_problem(role, other, &shown, line, true);
                return Ok(());
            }
        };
        match self.cell(raw_value, name, line)? {
            (Cell::Number { .. }, word @ Some(_)) if self.misfit(role, targets, word, raw_value).is_some() => {
                let detail = self.misfit(role, targets, word, raw_value).unwrap_or_default();
                self.rows.skip(Code::BadValue, self.here(line), detail);
            }
            (Cell::Number { value, percent }, _) => {
                let fed_value = self.add(targets, role, entity, sets, key, value, percent);
                self.rows.used += 1;
                if !fed_value {
                    let set = self.ratio_set(&[targets]);
                    self.note_ratio_only(entity, set, sets, line);
                }
            }
            (Cell::Missing { dash }, _) => {
                let detail = if dash {
                    "`-` read as missing (Excel's accounting format also shows zero as `-`)".to_string()
                } else {
                    "no value".to_string()
                };
                self.rows.skip(Code::MissingValue, self.here(line), detail);
            }
            (Cell::Bad, _) => {
                let detail = format!("`{}` is not a number", show(raw_value, self.cells));
                self.rows.skip(Code::BadValue, self.here(line), detail);
            }
        }
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn wide_row(
        &mut self,
        role: usize,
        entity: usize,
        sets: Sets,
        key: LastKey,
        rec: &Record,
        metrics: &[(usize, String)],
        name: &str,
    ) -> Result<(), Fatal> {
        let line = key.line;
        let mut fed_value = false;
        let mut fed_ratio: Vec<u32> = Vec::new();
        let mut cell_problems: Vec<(Code, String)> = Vec::new();
        let mut ambiguous: Vec<(Resolved, String)> = Vec::new();
        for (mi, (col, header)) in metrics.iter().enumerate() {
            let raw = &rec[*col];
            let blank = raw.iter().all(|b| b.is_ascii_whitespace());
            let targets = match self.resolve_header(role, mi, header) {
                Resolved::Targets(t) => t,
                r @ Resolved::Ambiguous(_) => {
                    if !blank {
                        ambiguous.push((r, header.clone()));
                    }
                    continue;
                }
                _ => {
                    if !blank {
                        self.rows.ignored_cells += 1;
                    }
                    continue;
                }
            };
            match self.cell(raw, name, line)? {
                (Cell::Number { .. }, word @ Some(_)) if self.misfit(role, targets, word, raw).is_some() => {
                    let detail = self.misfit(role, targets, word, raw).unwrap_or_default();
                    cell_problems.push((Code::BadValue, format!("{header}: {detail}")));
                }
                (Cell::Number { value, percent }, _) => {
                    if self.add(targets, role, entity, sets, key, value, percent) {
                        fed_value = true;
                    } else {
                        fed_ratio.push(targets);
                    }
                }
                (Cell::Missing { dash }, _) => {
                    let detail = if dash {
                        format!("{header}: `-` read as missing (Excel's accounting zero?)")
                    } else {
                        format!("{header}: no value")
                    };
                    cell_problems.push((Code::MissingValue, detail));
                }
                (Cell::Bad, _) => cell_problems
                    .push((Code::BadValue, format!("{header}: `{}` is not a number", show(raw, self.cells)))),
            }
        }
        let used = fed_value || !fed_ratio.is_empty();
        for (r, header) in &ambiguous {
            // The row is skipped for its ambiguous names only when nothing else was used.
            self.metric_problem(role, *r, header, line, false);
        }
        if used {
            self.rows.used += 1;
            for (code, detail) in cell_problems {
                self.rows.problem(code, self.here(line), detail, true);
            }
            if !fed_value {
                let set = self.ratio_set(&fed_ratio);
                self.note_ratio_only(entity, set, sets, line);
            }
        } else if !ambiguous.is_empty() && cell_problems.is_empty() {
            self.rows.skipped += 1;
            *self.rows.skipped_by_reason.entry(Code::AmbiguousName).or_default() += 1;
        } else {
            let first = cell_problems
                .iter()
                .find(|(r, _)| *r == Code::BadValue)
                .cloned()
                .or_else(|| cell_problems.first().cloned());
            let (code, detail) =
                first.unwrap_or((Code::MissingValue, "no metric cell has a value for this role".to_string()));
            self.rows.skip(code, self.here(line), detail);
        }
        Ok(())
    }

    /// Adds a value to every KPI it feeds; whether it fed a KPI's value (not
    /// only ratio parts).
    #[allow(clippy::too_many_arguments)]
    fn add(
        &mut self,
        targets: u32,
        role: usize,
        entity: usize,
        (in_main, in_compare): Sets,
        key: LastKey,
        value: Decimal,
        percent: bool,
    ) -> bool {
        let plan = self.plan;
        let mut fed_value = false;
        for &(kpi, part) in &self.targets[targets as usize] {
            let k = &plan.roles[role].kpis[kpi];
            fed_value |= part == Part::Value;
            // `85%` for a ratio-unit KPI (0–1) is 0.85; for percent KPIs it is 85.
            let v = if percent && k.unit == Unit::Ratio { value / Decimal::ONE_HUNDRED } else { value };
            for (set, on) in [(false, in_main), (true, in_compare)] {
                if on {
                    match (part, k.parts_slot) {
                        (Part::Value, _) | (_, None) => {
                            self.tally.slot(set, entity, k.slot).add_value(v, key, k.aggregate)
                        }
                        (_, Some(parts)) => self.tally.slot(set, entity, parts).add_part(part, v),
                    }
                }
            }
        }
        if in_main {
            if let (Some(start), Some(end)) = (key.start, key.end) {
                let p = Period { start, end };
                self.span = Some(match self.span {
                    Some(s) if s.start <= p.start && p.end <= s.end => s,
                    Some(s) => Period { start: s.start.min(p.start), end: s.end.max(p.end) },
                    None => p,
                });
            }
        }
        fed_value
    }
}
