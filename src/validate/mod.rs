//! Checking a document against a schema. A full check runs once on open; after that an
//! edit re-checks only what it can change: its cell, its row's row-level rules, the rows
//! that shared the old or share the new value of a unique column, and the row count.

pub mod cell;
mod full_check;
mod issue;
pub mod message;
mod rows;
mod unique;

pub use issue::{Code, Finding, Issue, Severity};
pub use message::{Lang, Msg};

use crate::document::{Document, ReadProblem};
use crate::encoding::TextEncoding;
use crate::roster::Roster;
use crate::schema::{Binding, HeaderProblem, Schema, Subscriptions, Unique};
use crate::text::{is_blank, shorten};
use full_check::{ColumnFindings, PARALLEL_FROM_ROWS};
use std::collections::BTreeMap;
use unique::UniqueIndex;

/// Everything validation depends on besides the cells.
#[derive(Debug, Clone)]
pub struct Rules {
    /// Shared: a full check builds fresh rules from the same schema without copying it.
    pub schema: std::sync::Arc<Schema>,
    pub binding: Binding,
    pub subscriptions: Subscriptions,
    /// The encoding the file will be written in (Shift_JIS makes some characters errors).
    pub target: TextEncoding,
    /// Off when exporting in parts small enough for the row limit.
    pub check_row_limit: bool,
    /// The console's current user list, when the user opened one beside the document.
    pub roster: Option<std::sync::Arc<Roster>>,
}

impl Rules {
    pub fn new(
        schema: Schema,
        header: &[String],
        subscriptions: Subscriptions,
        target: TextEncoding,
    ) -> Self {
        let binding = Binding::new(&schema, header);
        Rules {
            schema: std::sync::Arc::new(schema),
            binding,
            subscriptions,
            target,
            check_row_limit: true,
            roster: None,
        }
    }
}

/// The rules of one column's cells (see [`Validator::column_rules`]).
struct ColumnRules<'a> {
    column: Option<&'a crate::schema::Column>,
    required: bool,
    target: TextEncoding,
}

impl ColumnRules<'_> {
    // Inlined into each column's scan (a call per cell showed).
    #[inline(always)]
    fn findings(&self, value: &str) -> Vec<Finding> {
        let mut out = Vec::new();
        let name = match self.column {
            Some(c) => {
                cell::check(c, self.required, value, &mut out);
                c.name.as_str()
            }
            None => "Value",
        };
        // Settled here for ASCII, without an empty result to move.
        if self.target == TextEncoding::ShiftJis && !value.is_ascii() {
            out.extend(cell::check_encodable(name, value, self.target));
        }
        out
    }
}

/// A header or whole-file finding (row 0).
#[derive(Debug, Clone, PartialEq)]
struct FileFinding {
    col: Option<usize>,
    column: Option<String>,
    finding: Finding,
}

#[derive(Debug, Clone)]
pub struct Validator {
    rules: Rules,
    /// Findings by (document row, file column); ordered for the issue list and F8.
    cells: BTreeMap<(u32, u32), Vec<Finding>>,
    /// Whole-row findings by document row.
    rows: BTreeMap<u32, Vec<Finding>>,
    file: Vec<FileFinding>,
    /// One index per unique file column.
    unique: Vec<Option<UniqueIndex>>,
    blank: Vec<bool>,
    /// [errors, warnings] per file column, counting cell findings.
    col_counts: Vec<[usize; 2]>,
    /// [errors, warnings] over everything.
    totals: [usize; 2],
}

fn slot(s: Severity) -> usize {
    match s {
        Severity::Error => 0,
        Severity::Warning => 1,
    }
}

impl Validator {
    pub fn new(rules: Rules, doc: &Document) -> Self {
        let mut v = Validator {
            rules,
            cells: BTreeMap::new(),
            rows: BTreeMap::new(),
            file: Vec::new(),
            unique: Vec::new(),
            blank: Vec::new(),
            col_counts: Vec::new(),
            totals: [0, 0],
        };
        v.validate_all(doc);
        v
    }

    pub fn rules(&self) -> &Rules {
        &self.rules
    }

    /// Replaces the rules (schema, subscriptions, encoding) and checks everything again.
    pub fn set_rules(&mut self, rules: Rules, doc: &Document) {
        self.rules = rules;
        self.validate_all(doc);
    }

    pub fn errors(&self) -> usize {
        self.totals[0]
    }

    pub fn warnings(&self) -> usize {
        self.totals[1]
    }

    /// [errors, warnings] found in one file column's cells.
    pub fn column_counts(&self, col: usize) -> [usize; 2] {
        self.col_counts.get(col).copied().unwrap_or([0, 0])
    }

    pub fn cell_findings(&self, row: usize, col: usize) -> &[Finding] {
        self.cells
            .get(&(row as u32, col as u32))
            .map_or(&[], Vec::as_slice)
    }

    /// Every cell that has at least one finding, in row then column order.
    pub fn flagged_cells(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.cells.keys().map(|&(r, c)| (r as usize, c as usize))
    }

    pub fn row_findings(&self, row: usize) -> &[Finding] {
        self.rows.get(&(row as u32)).map_or(&[], Vec::as_slice)
    }

    /// The worst severity in a cell, for colouring the grid.
    pub fn cell_severity(&self, row: usize, col: usize) -> Option<Severity> {
        self.cell_findings(row, col)
            .iter()
            .map(|f| f.severity)
            .max()
    }

    pub fn row_severity(&self, row: usize) -> Option<Severity> {
        let cells = self
            .cells
            .range((row as u32, 0)..=(row as u32, u32::MAX))
            .flat_map(|(_, f)| f.iter());
        cells
            .chain(self.row_findings(row))
            .map(|f| f.severity)
            .max()
    }

    pub fn is_blank_row(&self, row: usize) -> bool {
        self.blank.get(row).copied().unwrap_or(false)
    }

    /// The name a file column is reported under: the schema's name when bound.
    pub fn column_name(&self, doc: &Document, col: usize) -> String {
        let schema_col = self.rules.binding.schema_of.get(col).copied().flatten();
        match schema_col.and_then(|s| self.rules.schema.columns.get(s)) {
            Some(c) => c.name.clone(),
            None => doc.header.get(col).cloned().unwrap_or_default(),
        }
    }

    /// The text of a finding in English; duplicates name the other rows as they are now.
    pub fn message(&self, doc: &Document, row: usize, col: usize, f: &Finding) -> String {
        self.message_in(Lang::En, doc, row, col, f)
    }

    /// The text of a finding in a language.
    pub fn message_in(
        &self,
        lang: Lang,
        doc: &Document,
        row: usize,
        col: usize,
        f: &Finding,
    ) -> String {
        if f.code != Code::Duplicate {
            return f.text(lang);
        }
        let value = doc.cell(row, col);
        let others = match self.unique.get(col).and_then(Option::as_ref) {
            Some(ix) => ix.others(row as u32, value, |r| doc.cell(r as usize, col)),
            None => Vec::new(),
        };
        message::duplicate(lang, &self.column_name(doc, col), value, &others)
    }

    /// Every finding with its place, messages in English.
    pub fn issues(&self, doc: &Document) -> Vec<Issue> {
        self.issues_in(Lang::En, doc)
    }

    /// Every finding with its place: header and file first, then by row and column.
    /// Whether two checks of the same document found the same: the same findings on the
    /// same cells, rows and file, in the same order, under the same column binding, with
    /// the same counts. Equal findings put into words give equal issues, so the edit
    /// fuzzer compares the live check with a fresh full one this way after every step, and
    /// the issues themselves once a run.
    pub fn same_findings(&self, other: &Validator) -> bool {
        self.cells == other.cells
            && self.rows == other.rows
            && self.file == other.file
            && self.rules.binding == other.rules.binding
            && self.col_counts == other.col_counts
            && self.totals == other.totals
    }

    pub fn issues_in(&self, lang: Lang, doc: &Document) -> Vec<Issue> {
        let mut out: Vec<Issue> = self
            .file
            .iter()
            .map(|f| Issue {
                row: 0,
                column: f.column.clone(),
                severity: f.finding.severity,
                code: f.finding.code,
                message: f.finding.text(lang),
                col: f.col,
                line: Some(1),
            })
            .collect();
        let mut body: Vec<(u32, u32, Issue)> = Vec::new();
        for (&row, fs) in &self.rows {
            for f in fs {
                body.push((row, 0, self.issue(lang, doc, row as usize, None, f)));
            }
        }
        for (&(row, col), fs) in &self.cells {
            for f in fs {
                body.push((
                    row,
                    col + 1,
                    self.issue(lang, doc, row as usize, Some(col as usize), f),
                ));
            }
        }
        body.sort_by_key(|(r, c, _)| (*r, *c));
        out.extend(body.into_iter().map(|(_, _, i)| i));
        out
    }

    fn issue(
        &self,
        lang: Lang,
        doc: &Document,
        row: usize,
        col: Option<usize>,
        f: &Finding,
    ) -> Issue {
        Issue {
            row: row + 1,
            column: col.map(|c| self.column_name(doc, c)),
            severity: f.severity,
            code: f.code,
            message: match col {
                Some(c) => self.message_in(lang, doc, row, c, f),
                None => f.text(lang),
            },
            col,
            line: doc.table.source_line(row).map(u64::from),
        }
    }

    /// The next cell with a finding of at least `min` severity after (or before) `from`,
    /// wrapping around: F8 and Shift+F8.
    pub fn next_cell(
        &self,
        from: (usize, usize),
        forward: bool,
        min: Severity,
    ) -> Option<(usize, usize)> {
        let key = (from.0 as u32, from.1 as u32);
        let hit = |(k, fs): (&(u32, u32), &Vec<Finding>)| {
            fs.iter()
                .any(|f| f.severity >= min)
                .then_some((k.0 as usize, k.1 as usize))
        };
        if forward {
            let after = self
                .cells
                .range((std::ops::Bound::Excluded(key), std::ops::Bound::Unbounded));
            after
                .filter_map(hit)
                .next()
                .or_else(|| self.cells.iter().filter_map(hit).next())
        } else {
            let before = self.cells.range(..key).rev();
            before
                .filter_map(hit)
                .next()
                .or_else(|| self.cells.iter().rev().filter_map(hit).next())
        }
    }

    // ---- full check -------------------------------------------------------------------

    pub fn validate_all(&mut self, doc: &Document) {
        let width = doc.width();
        self.rules.binding = Binding::new(&self.rules.schema, &doc.header);
        self.cells.clear();
        self.rows.clear();
        self.file.clear();
        self.col_counts = vec![[0, 0]; width];
        self.totals = [0, 0];
        let unique = self.unique_modes(doc);
        let (built, found) = self.full_check_pieces(doc, &unique);
        self.check_header(doc);
        self.check_cells(doc, found);
        self.unique = Vec::with_capacity(width);
        let mut dups = Vec::new();
        for (col, b) in built.into_iter().enumerate() {
            self.unique.push(b.map(|(ix, rows)| {
                dups.push((col, rows));
                ix
            }));
        }
        for (col, rows) in dups {
            for r in rows {
                self.add_dup(r as usize, col);
            }
        }
        // Row rules find blank rows and rows with the wrong number of fields. Without any
        // ragged row only the blank ones can have a finding (a million-row visit on one
        // core otherwise, ~12 ms, while the other waits).
        if doc.table.has_ragged_rows() {
            for row in 0..doc.rows() {
                self.refresh_row(doc, row);
            }
        } else {
            let blank: Vec<usize> = (0..doc.rows()).filter(|&r| self.is_blank_row(r)).collect();
            for row in blank {
                self.refresh_row(doc, row);
            }
        }
        self.refresh_file_rules(doc);
    }

    fn check_header(&mut self, doc: &Document) {
        // A file with no header line is one `empty` error, not also every column missing.
        if doc.empty_file {
            return;
        }
        let schema = &self.rules.schema;
        let problems = self
            .rules
            .binding
            .problems(schema, &doc.header, &self.rules.subscriptions);
        let mut found = Vec::new();
        for p in problems {
            found.push(match p {
                HeaderProblem::Missing(si) => {
                    let Some(c) = schema.columns.get(si) else {
                        continue;
                    };
                    let needed_by = (!c.subscriptions.is_empty())
                        .then(|| self.subscription_labels(&c.subscriptions));
                    FileFinding {
                        col: None,
                        column: Some(c.name.clone()),
                        finding: Finding::new(
                            Code::HeaderMissing,
                            Msg::HeaderMissing {
                                col: c.name.clone(),
                                needed_by,
                            },
                        ),
                    }
                }
                HeaderProblem::Duplicate(fi) => {
                    let h = doc.header.get(fi).map_or("", |h| h.trim()).to_string();
                    FileFinding {
                        col: Some(fi),
                        column: Some(self.column_name(doc, fi)),
                        finding: Finding::new(
                            Code::HeaderDuplicate,
                            Msg::HeaderDuplicate {
                                header: h,
                                position: fi + 1,
                            },
                        ),
                    }
                }
                HeaderProblem::Unknown(fi) => {
                    let h = doc.header.get(fi).map_or("", |h| h.trim()).to_string();
                    let text = if h.is_empty() {
                        Msg::HeaderEmpty { position: fi + 1 }
                    } else {
                        Msg::HeaderUnknown {
                            header: h.clone(),
                            schema: schema.name.clone(),
                        }
                    };
                    FileFinding {
                        col: Some(fi),
                        column: Some(h),
                        finding: Finding::new(Code::HeaderUnknown, text),
                    }
                }
            });
        }
        for (fi, h) in doc.header.iter().enumerate() {
            if h.contains('\u{feff}') {
                found.push(FileFinding {
                    col: Some(fi),
                    column: Some(self.column_name(doc, fi)),
                    finding: Finding::new(Code::Bom, Msg::HeaderBom { position: fi + 1 }),
                });
            }
        }
        found.extend(header_read_findings(doc));
        found.extend(header_shape_finding(doc));
        for f in found {
            self.push_file(f);
        }
    }

    fn subscription_labels(&self, ids: &[String]) -> String {
        let labels: Vec<&str> = ids
            .iter()
            .map(|id| {
                self.rules
                    .schema
                    .subscriptions
                    .iter()
                    .find(|s| &s.id == id)
                    .map_or(id.as_str(), |s| s.label.as_str())
            })
            .filter(|_| true)
            .collect();
        labels.join(" or ")
    }

    fn put_columns(&mut self, found: Vec<ColumnFindings>) {
        for (col, cells) in found {
            for (row, fs) in cells {
                self.put_cell(row, col, fs);
            }
        }
    }

    /// Cells whose bytes were broken are checked again with that problem included.
    fn check_read_problems(&mut self, doc: &Document) {
        if !doc.has_read_problems() {
            return;
        }
        for row in 0..doc.rows() {
            for col in 0..doc.width() {
                if doc.read_problem(row, col).is_some() && !self.is_blank_row(row) {
                    let fs = self.cell_own_findings(doc, row, col);
                    self.put_cell(row, col, fs);
                }
            }
        }
    }

    /// Each cell's own findings: the rules of its column (`found`, gathered by the full
    /// check's threads), broken bytes, the roster.
    fn check_cells(&mut self, doc: &Document, found: Vec<ColumnFindings>) {
        self.put_columns(found);
        self.check_read_problems(doc);
        self.check_roster(doc);
    }

    /// For each file column, how its values must be unique, if they must.
    fn unique_modes(&self, doc: &Document) -> Vec<Option<Unique>> {
        (0..doc.width())
            .map(|col| self.schema_column(col).and_then(|c| c.unique))
            .collect()
    }

    fn schema_column(&self, col: usize) -> Option<&crate::schema::Column> {
        let s = self.rules.binding.schema_of.get(col).copied().flatten()?;
        self.rules.schema.columns.get(s)
    }

    /// Findings that depend on the value alone (not on other rows, not on read problems).
    fn value_findings(&self, col: usize, value: &str) -> Vec<Finding> {
        self.column_rules(col).findings(value)
    }

    /// What a column's cells are checked against, looked up once for many cells.
    fn column_rules(&self, col: usize) -> ColumnRules<'_> {
        let column = self.schema_column(col);
        ColumnRules {
            column,
            required: column.is_some_and(|c| c.is_required(&self.rules.subscriptions)),
            target: self.rules.target,
        }
    }

    /// Everything about one cell except duplicates.
    fn cell_own_findings(&self, doc: &Document, row: usize, col: usize) -> Vec<Finding> {
        let value = doc.cell(row, col);
        let mut out = Vec::new();
        let problem = doc.read_problem(row, col);
        if let Some(p) = problem {
            out.push(read_problem_finding(p, value, doc.meta.encoding));
        }
        let undecodable = problem == Some(&ReadProblem::Undecodable);
        // Undecodable bytes read as U+FFFD: the decoding error says so already, not a
        // second "cannot carry" about the replacement character.
        out.extend(
            self.value_findings(col, value)
                .into_iter()
                .filter(|f| !(undecodable && is_unencodable_replacement(f))),
        );
        out.extend(self.roster_finding(doc, row, col));
        out
    }

    /// The file column holding schema column `si`.
    fn file_col(&self, si: usize) -> Option<usize> {
        self.rules.binding.file_of.get(si).copied().flatten()
    }

    /// A roster disagreement in one cell: a Login ID the console does not have, or an
    /// extension it gives to someone else.
    fn roster_finding(&self, doc: &Document, row: usize, col: usize) -> Option<Finding> {
        let roster = self.rules.roster.as_ref()?;
        let si = self.rules.binding.schema_of.get(col).copied().flatten()?;
        let key_col = self.file_col(roster.key_column)?;
        let key = doc.cell(row, key_col);
        let value = doc.cell(row, col);
        if is_blank(value) {
            return None;
        }
        let name = &self.rules.schema.columns.get(si)?.name;
        if si == roster.key_column {
            return (!roster.knows(value)).then(|| {
                Finding::new(
                    Code::Roster,
                    Msg::RosterUnknown {
                        col: name.clone(),
                        value: value.to_string(),
                    },
                )
            });
        }
        let owner = roster.other_owner(si, value, key)?;
        Some(Finding::new(
            Code::Roster,
            Msg::RosterOwner {
                col: name.clone(),
                value: value.to_string(),
                owner: owner.to_string(),
            },
        ))
    }

    /// Adds roster findings to every non-blank row (full check).
    fn check_roster(&mut self, doc: &Document) {
        let Some(roster) = self.rules.roster.clone() else {
            return;
        };
        let cols: Vec<usize> = std::iter::once(roster.key_column)
            .chain(roster.checked_columns())
            .filter_map(|si| self.file_col(si))
            .collect();
        for row in 0..doc.rows() {
            if self.is_blank_row(row) {
                continue;
            }
            for &col in &cols {
                if let Some(f) = self.roster_finding(doc, row, col) {
                    let mut fs = self.cell_findings(row, col).to_vec();
                    fs.push(f);
                    self.put_cell(row, col, fs);
                }
            }
        }
    }

    /// Re-checks one cell's own rules, keeping its duplicate mark.
    fn refresh_cell(&mut self, doc: &Document, row: usize, col: usize) {
        let dup = self
            .cell_findings(row, col)
            .iter()
            .any(|f| f.code == Code::Duplicate);
        let mut fs = self.cell_own_findings(doc, row, col);
        if dup {
            fs.push(Finding::new(Code::Duplicate, Msg::Duplicate));
        }
        self.put_cell(row, col, fs);
    }

    /// Cells whose roster check reads the edited cell (the row's other roster columns).
    fn roster_dependents(&self, col: usize) -> Vec<usize> {
        let Some(roster) = self.rules.roster.as_ref() else {
            return Vec::new();
        };
        if self.file_col(roster.key_column) != Some(col) {
            return Vec::new();
        }
        roster
            .checked_columns()
            .filter_map(|si| self.file_col(si))
            .collect()
    }

    // ---- incremental ------------------------------------------------------------------

    /// Re-checks after one cell changed from `old` to its current value.
    pub fn cell_changed(&mut self, doc: &Document, row: usize, col: usize, old: &str) {
        if row >= self.blank.len() || col >= doc.width() {
            return self.validate_all(doc);
        }
        let was_blank = self.is_blank_row(row);
        let now_blank = doc.is_blank_row(row);
        if was_blank != now_blank {
            self.withdraw_row(doc, row, col, old);
            if let Some(b) = self.blank.get_mut(row) {
                *b = now_blank;
            }
            self.enter_row(doc, row);
            self.refresh_row(doc, row);
            self.refresh_file_rules(doc);
            return;
        }
        if !now_blank {
            let dup = self.move_unique(doc, row, col, old);
            let mut fs = self.cell_own_findings(doc, row, col);
            if dup {
                fs.push(Finding::new(Code::Duplicate, Msg::Duplicate));
            }
            self.put_cell(row, col, fs);
            for dependent in self.roster_dependents(col) {
                self.refresh_cell(doc, row, dependent);
            }
        }
        self.refresh_row(doc, row);
    }

    /// Moves a row from `old`'s key to its current value's key; returns whether the new
    /// value is now a duplicate.
    fn move_unique(&mut self, doc: &Document, row: usize, col: usize, old: &str) -> bool {
        let Some(ix) = self.unique.get_mut(col).and_then(Option::as_mut) else {
            return false;
        };
        let cell = |r: u32| doc.cell(r as usize, col);
        let r = row as u32;
        let mut lone = None;
        if !is_blank(old) {
            let rest = ix.remove(r, old, cell);
            if rest.len() == 1 {
                lone = rest.first().copied();
            }
        }
        let new = doc.cell(row, col);
        let mut partner = None;
        let mut dup = false;
        if !is_blank(new) {
            let others = ix.insert(r, new, cell);
            dup = !others.is_empty();
            if others.len() == 1 {
                partner = others.first().copied();
            }
        }
        if let Some(l) = lone {
            self.remove_dup(l as usize, col);
        }
        if let Some(p) = partner {
            self.add_dup(p as usize, col);
        }
        dup
    }

    /// Takes a row out of every finding and index (it is turning blank or non-blank).
    fn withdraw_row(&mut self, doc: &Document, row: usize, changed_col: usize, old: &str) {
        let was_blank = self.is_blank_row(row);
        for col in 0..doc.width() {
            self.put_cell(row, col, Vec::new());
            if was_blank {
                continue;
            }
            let value = if col == changed_col {
                old
            } else {
                doc.cell(row, col)
            };
            if is_blank(value) {
                continue;
            }
            if let Some(ix) = self.unique.get_mut(col).and_then(Option::as_mut) {
                let rest = ix.remove(row as u32, value, |r| doc.cell(r as usize, col));
                if let [lone] = rest[..] {
                    self.remove_dup(lone as usize, col);
                }
            }
        }
    }

    /// Checks every cell of a row that was not counted before.
    fn enter_row(&mut self, doc: &Document, row: usize) {
        if self.is_blank_row(row) {
            return;
        }
        for col in 0..doc.width() {
            let mut fs = self.cell_own_findings(doc, row, col);
            let value = doc.cell(row, col);
            if !is_blank(value)
                && let Some(ix) = self.unique.get_mut(col).and_then(Option::as_mut)
            {
                let others = ix.insert(row as u32, value, |r| doc.cell(r as usize, col));
                if let [partner] = others[..] {
                    self.add_dup(partner as usize, col);
                }
                if !others.is_empty() {
                    fs.push(Finding::new(Code::Duplicate, Msg::Duplicate));
                }
            }
            self.put_cell(row, col, fs);
        }
    }

    /// Whole-row rules: a blank row, a row with the wrong number of fields.
    fn refresh_row(&mut self, doc: &Document, row: usize) {
        let mut fs = Vec::new();
        if self.blank.get(row).copied().unwrap_or(false) {
            fs.push(Finding::new(Code::BlankRow, Msg::BlankRow));
        } else {
            let n = doc.table.field_count(row);
            if n != doc.width() && !doc.empty_file {
                fs.push(Finding::new(
                    Code::FieldCount,
                    Msg::FieldCount {
                        got: n,
                        want: doc.width(),
                    },
                ));
            }
        }
        self.put_row(row, fs);
    }

    /// Rules about the whole file: an empty file, too many rows for one upload.
    fn refresh_file_rules(&mut self, doc: &Document) {
        let stale: Vec<FileFinding> = self
            .file
            .iter()
            .filter(|f| matches!(f.finding.code, Code::TooManyRows | Code::Empty))
            .cloned()
            .collect();
        for f in &stale {
            self.count(f.finding.severity, -1);
        }
        self.file
            .retain(|f| !matches!(f.finding.code, Code::TooManyRows | Code::Empty));
        if doc.empty_file {
            self.push_file(FileFinding {
                col: None,
                column: None,
                finding: Finding::new(Code::Empty, Msg::Empty),
            });
        }
        let users = self.blank.iter().filter(|b| !**b).count();
        if let Some(max) = self.rules.schema.max_rows
            && self.rules.check_row_limit
            && users > max
        {
            self.push_file(FileFinding {
                col: None,
                column: None,
                finding: Finding::new(Code::TooManyRows, Msg::TooManyRows { users, max }),
            });
        }
    }

    // ---- bookkeeping ------------------------------------------------------------------

    fn count(&mut self, s: Severity, delta: isize) {
        if let Some(t) = self.totals.get_mut(slot(s)) {
            *t = t.saturating_add_signed(delta);
        }
    }

    fn count_cell(&mut self, col: usize, s: Severity, delta: isize) {
        self.count(s, delta);
        if let Some(n) = self
            .col_counts
            .get_mut(col)
            .and_then(|c| c.get_mut(slot(s)))
        {
            *n = n.saturating_add_signed(delta);
        }
    }

    fn push_file(&mut self, f: FileFinding) {
        self.count(f.finding.severity, 1);
        self.file.push(f);
    }

    fn put_cell(&mut self, row: usize, col: usize, fs: Vec<Finding>) {
        let key = (row as u32, col as u32);
        if let Some(old) = self.cells.remove(&key) {
            for f in &old {
                self.count_cell(col, f.severity, -1);
            }
        }
        for f in &fs {
            self.count_cell(col, f.severity, 1);
        }
        if !fs.is_empty() {
            self.cells.insert(key, fs);
        }
    }

    fn put_row(&mut self, row: usize, fs: Vec<Finding>) {
        let key = row as u32;
        // The full check visits every row; most have nothing, before and after.
        if fs.is_empty() && self.rows.is_empty() {
            return;
        }
        if let Some(old) = self.rows.remove(&key) {
            for f in &old {
                self.count(f.severity, -1);
            }
        }
        for f in &fs {
            self.count(f.severity, 1);
        }
        if !fs.is_empty() {
            self.rows.insert(key, fs);
        }
    }

    fn add_dup(&mut self, row: usize, col: usize) {
        let mut fs = self.cell_findings(row, col).to_vec();
        if !fs.iter().any(|f| f.code == Code::Duplicate) {
            fs.push(Finding::new(Code::Duplicate, Msg::Duplicate));
            self.put_cell(row, col, fs);
        }
    }

    fn remove_dup(&mut self, row: usize, col: usize) {
        let mut fs = self.cell_findings(row, col).to_vec();
        let before = fs.len();
        fs.retain(|f| f.code != Code::Duplicate);
        if fs.len() != before {
            self.put_cell(row, col, fs);
        }
    }
}

fn is_unencodable_replacement(f: &Finding) -> bool {
    matches!(f.msg, Msg::Unencodable { ch: '\u{fffd}', .. })
}

fn read_problem_finding(p: &ReadProblem, value: &str, enc: TextEncoding) -> Finding {
    match p {
        ReadProblem::Undecodable => Finding::new(
            Code::Encoding,
            Msg::Undecodable {
                encoding: enc.label(),
                value: value.to_string(),
            },
        ),
        ReadProblem::StrayQuote => Finding::new(
            Code::Quote,
            Msg::StrayQuote {
                value: value.to_string(),
            },
        ),
        ReadProblem::UnclosedQuote => Finding::new(Code::Quote, Msg::UnclosedQuote),
    }
}

/// Broken bytes or quotes in the header: its names are wrong, so every column they name is.
fn header_read_findings(doc: &Document) -> Vec<FileFinding> {
    (0..doc.width())
        .filter_map(|col| {
            let p = doc.header_read_problem(col)?;
            let name = doc.header.get(col).map_or("", String::as_str);
            let mut finding = read_problem_finding(p, name, doc.meta.encoding);
            finding.msg = Msg::InHeader {
                position: col + 1,
                inner: Box::new(finding.msg),
            };
            Some(FileFinding {
                col: Some(col),
                column: Some(name.to_string()),
                finding,
            })
        })
        .collect()
}

/// A header that is not comma-separated names at all: every name blank, or one name holding
/// semicolons or tabs (a file saved with another separator opens as one column).
fn header_shape_finding(doc: &Document) -> Option<FileFinding> {
    if doc.empty_file {
        return None;
    }
    if doc.header.iter().all(|h| is_blank(h)) {
        return Some(FileFinding {
            col: Some(0),
            column: None,
            finding: Finding::new(Code::HeaderUnknown, Msg::BlankHeader),
        });
    }
    let [only] = doc.header.as_slice() else {
        return None;
    };
    let (_, found) = [(';', "semicolons"), ('\t', "tabs")]
        .into_iter()
        .find(|(c, _)| only.contains(*c))?;
    Some(FileFinding {
        col: Some(0),
        column: Some(shorten(only, 40)),
        finding: Finding::new(Code::Separator, Msg::Separator { found }),
    })
}
