/*!
One row of an export: which period set it belongs to, its role, person and
metric through the caches, its value, and what it adds to the tally — or the
reason it is skipped.
*/

use csv::ByteRecord;
use rust_decimal::Decimal;

use super::{show, text, Fatal, Reader, Reason, Resolved};
use crate::model::Unit;
use crate::score::columns::{Kind, Layout};
use crate::score::number::{self, Cell};
use crate::score::period::{self, Period};
use crate::score::plan::{MetricMatch, Part};
use crate::score::tally::LastKey;

impl Reader<'_> {
    /// A value cell: plain decimals straight from the bytes, the rest (`85%`,
    /// `¥1,200`, full-width digits…) through the full parser.
    fn cell(&self, raw: &[u8], name: &str, line: u64) -> Result<Cell, Fatal> {
        Ok(match number::parse_plain(raw) {
            Some(value) if !self.opts.decimal_comma => Cell::Number { value, percent: false },
            _ => number::parse(&text(raw, self.cells, name, line)?, self.opts.decimal_comma),
        })
    }

    /// Scores one row; `Ok` whether it was used or skipped.
    pub(super) fn row(
        &mut self,
        layout: &Layout,
        rec: &ByteRecord,
        file: u32,
        name: &str,
        line: u64,
    ) -> Result<(), Fatal> {
        // Period: which set the row belongs to.
        let mut period = None;
        if let Some(c) = layout.period {
            let raw = &rec[c];
            match self.periods.get(raw, self.cells, period::parse, name, line)? {
                Some(p) => period = Some(p),
                None => {
                    let detail = format!("`{}` is not a period", show(raw, self.cells));
                    self.rows.skip(Reason::BadValue, name, line, detail);
                    return Ok(());
                }
            }
        }
        let in_compare = matches!((self.opts.compare, period), (Some(c), Some(p)) if c.contains(&p));
        let in_main = match (self.opts.period, period) {
            (Some(m), Some(p)) => m.contains(&p),
            _ => !in_compare,
        };
        if !in_main && !in_compare {
            let p = period.map_or(String::new(), |p| p.to_string());
            let scored = self.opts.period.map_or(String::new(), |p| p.to_string());
            self.rows.skip(Reason::OutsidePeriod, name, line, format!("{p} is outside {scored}"));
            return Ok(());
        }
        let plan = self.plan;
        let raw_role = &rec[layout.role];
        let Some(role) = self.roles.get(raw_role, self.cells, |s| plan.role(s), name, line)? else {
            let detail = format!("`{}` is no role's id or title", show(raw_role, self.cells));
            self.rows.skip(Reason::UnknownRole, name, line, detail);
            return Ok(());
        };
        let person = match layout.person {
            Some(c) if !self.opts.by_role => {
                let (tally, cells) = (&mut self.tally, self.cells);
                // An empty (or blank) cell resolves to no person.
                match self.persons.get(&rec[c], cells, |s| (!s.is_empty()).then(|| tally.person(s)), name, line)? {
                    Some(p) => Some(p),
                    None => {
                        self.rows.skip(Reason::MissingValue, name, line, "the person cell is empty".to_string());
                        return Ok(());
                    }
                }
            }
            _ => None,
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
        }?;
        Ok(())
    }

    /// What wide column `mi` (headed `header`) means for `role`, resolved once
    /// per file. Headers are already text, whatever the file's encoding.
    fn resolve_header(&mut self, role: usize, mi: usize, header: &str) -> Resolved {
        if self.wide.len() <= role {
            self.wide.resize(role + 1, Vec::new());
        }
        if self.wide[role].len() <= mi {
            self.wide[role].resize(mi + 1, None);
        }
        if let Some(r) = self.wide[role][mi] {
            return r;
        }
        let r = match self.plan.metric(role, header) {
            MetricMatch::Targets(t) => {
                self.targets.push(t);
                Resolved::Targets(self.targets.len() as u32 - 1)
            }
            MetricMatch::OtherRole => Resolved::OtherRole,
            MetricMatch::Unknown => Resolved::Unknown,
        };
        self.wide[role][mi] = Some(r);
        r
    }

    fn resolve_metric(&mut self, role: usize, raw: &[u8], name: &str, line: u64) -> Result<Resolved, Fatal> {
        let plan = self.plan;
        let targets = &mut self.targets;
        self.metrics[role].get(
            raw,
            self.cells,
            |s| match plan.metric(role, s) {
                MetricMatch::Targets(t) => {
                    targets.push(t);
                    Resolved::Targets(targets.len() as u32 - 1)
                }
                MetricMatch::OtherRole => Resolved::OtherRole,
                MetricMatch::Unknown => Resolved::Unknown,
            },
            name,
            line,
        )
    }

    #[allow(clippy::too_many_arguments)]
    fn long_row(
        &mut self,
        role: usize,
        entity: usize,
        sets: (bool, bool),
        key: LastKey,
        raw_metric: &[u8],
        raw_value: &[u8],
        name: &str,
    ) -> Result<(), Fatal> {
        let line = key.line;
        let targets = match self.resolve_metric(role, raw_metric, name, line)? {
            Resolved::Targets(t) => t,
            Resolved::OtherRole => {
                let detail = format!("`{}` is not a KPI of {}", show(raw_metric, self.cells), self.plan.roles[role].id);
                self.rows.skip(Reason::UnknownMetric, name, line, detail);
                return Ok(());
            }
            Resolved::Unknown => {
                let detail = format!("no KPI measures `{}`", show(raw_metric, self.cells));
                self.rows.skip(Reason::UnknownMetric, name, line, detail);
                return Ok(());
            }
        };
        let cell = self.cell(raw_value, name, line)?;
        match cell {
            Cell::Number { value, percent } => {
                self.add(targets, role, entity, sets, key, value, percent);
                self.rows.used += 1;
            }
            Cell::Missing { dash } => {
                let detail = if dash {
                    "`-` read as missing (Excel's accounting format also shows zero as `-`)".to_string()
                } else {
                    "no value".to_string()
                };
                self.rows.skip(Reason::MissingValue, name, line, detail);
            }
            Cell::Bad => {
                let detail = format!("`{}` is not a number", show(raw_value, self.cells));
                self.rows.skip(Reason::BadValue, name, line, detail);
            }
        }
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn wide_row(
        &mut self,
        role: usize,
        entity: usize,
        sets: (bool, bool),
        key: LastKey,
        rec: &ByteRecord,
        metrics: &[(usize, String)],
        name: &str,
    ) -> Result<(), Fatal> {
        let line = key.line;
        let mut used = false;
        let mut first: Option<(Reason, String)> = None;
        let mut cell_problems = Vec::new();
        for (mi, (col, header)) in metrics.iter().enumerate() {
            let raw = &rec[*col];
            let targets = match self.resolve_header(role, mi, header) {
                Resolved::Targets(t) => t,
                _ => {
                    if !raw.iter().all(|b| b.is_ascii_whitespace()) {
                        self.rows.ignored_cells += 1;
                    }
                    continue;
                }
            };
            let cell = self.cell(raw, name, line)?;
            match cell {
                Cell::Number { value, percent } => {
                    self.add(targets, role, entity, sets, key, value, percent);
                    used = true;
                }
                Cell::Missing { dash } => {
                    let detail = if dash {
                        format!("{header}: `-` read as missing (Excel's accounting zero?)")
                    } else {
                        format!("{header}: no value")
                    };
                    cell_problems.push((Reason::MissingValue, detail));
                }
                Cell::Bad => cell_problems
                    .push((Reason::BadValue, format!("{header}: `{}` is not a number", show(raw, self.cells)))),
            }
        }
        if used {
            self.rows.used += 1;
            for (reason, detail) in cell_problems {
                self.rows.problem(reason, name, line, detail, true);
            }
        } else {
            if first.is_none() {
                first = cell_problems
                    .iter()
                    .find(|(r, _)| *r == Reason::BadValue)
                    .cloned()
                    .or_else(|| cell_problems.first().cloned());
            }
            let (reason, detail) =
                first.unwrap_or((Reason::MissingValue, "no metric cell has a value for this role".to_string()));
            self.rows.skip(reason, name, line, detail);
        }
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn add(
        &mut self,
        targets: u32,
        role: usize,
        entity: usize,
        (in_main, in_compare): (bool, bool),
        key: LastKey,
        value: Decimal,
        percent: bool,
    ) {
        let plan = self.plan;
        let only_ratio = self.targets[targets as usize].iter().all(|(_, p)| *p != Part::Value);
        for &(kpi, part) in &self.targets[targets as usize] {
            let k = &plan.roles[role].kpis[kpi];
            // `85%` for a ratio-unit KPI (0–1) is 0.85; for percent KPIs it is 85.
            let v = if percent && k.unit == Unit::Ratio { value / Decimal::ONE_HUNDRED } else { value };
            for (set, on) in [(false, in_main), (true, in_compare)] {
                if on {
                    self.tally.acc(set, entity, kpi).add(part, v, key, k.aggregate);
                }
            }
        }
        if only_ratio {
            if let Some(&(kpi, _)) = self.targets[targets as usize].first() {
                for (set, on) in [(false, in_main), (true, in_compare)] {
                    if on {
                        self.tally.acc(set, entity, kpi).note_ratio_row(key.file, key.line);
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
    }

    /// Rows whose only use was a ratio whose denominator summed to zero gave
    /// nothing to a scorecard after all: they are skipped as `zero-denominator`.
    pub(super) fn settle_zero_denominators(&mut self) {
        let mut moved = Vec::new();
        for (e, entity) in self.tally.entities.iter().enumerate() {
            for (ki, k) in self.plan.roles[entity.role].kpis.iter().enumerate() {
                for set in [false, true] {
                    let acc = self.tally.get(set, e, ki);
                    if acc.ratio_rows > 0 && acc.zero_denominator(k) {
                        let who = entity.person.clone().unwrap_or_else(|| self.plan.roles[entity.role].id.clone());
                        let detail = format!("{who}: the denominator of {} ({}) sums to zero, or so near it that the ratio is out of range", k.id, k.metric);
                        moved.push((acc.ratio_rows, acc.ratio_lines.clone(), detail));
                    }
                }
            }
        }
        for (n, lines, detail) in moved {
            let n = u64::from(n).min(self.rows.used);
            self.rows.used -= n;
            self.rows.skipped += n;
            *self.rows.skipped_by_reason.entry(Reason::ZeroDenominator).or_default() += n;
            for (file, line) in lines {
                let name = self.file_names.get(file as usize).cloned().unwrap_or_default();
                self.rows.problem(Reason::ZeroDenominator, &name, line, detail.clone(), false);
            }
        }
    }
}
