//! A document with its rules, its live issue list and its undo history: what the window
//! and the command line work on. Every change goes through [`Sheet::apply`].

use crate::document::{CellChange, Document, Edit, RowShape};
use crate::encoding::TextEncoding;
use crate::schema::{Schema, Subscriptions};
use crate::validate::{Issue, Rules, Validator};

#[derive(Debug, Clone)]
pub struct Sheet {
    doc: Document,
    validator: Validator,
    undo: Vec<Edit>,
    redo: Vec<Edit>,
    /// Undo depth at the last save; the sheet is dirty when the depth differs.
    saved_at: Option<usize>,
    /// Values as opened, by (physical row, column), for cells changed since.
    originals: rustc_hash::FxHashMap<(u32, usize), String>,
    /// Counts every change to the cells or the rules, so views can cache what they derive.
    revision: u64,
}

impl Sheet {
    pub fn new(doc: Document, schema: Schema, subscriptions: Subscriptions) -> Self {
        let rules = Rules::new(schema, &doc.header, subscriptions, doc.meta.encoding);
        Self::with_rules(doc, rules)
    }

    pub fn with_rules(doc: Document, rules: Rules) -> Self {
        let validator = Validator::new(rules, &doc);
        Sheet {
            doc,
            validator,
            undo: Vec::new(),
            redo: Vec::new(),
            saved_at: Some(0),
            originals: Default::default(),
            revision: 0,
        }
    }

    pub fn doc(&self) -> &Document {
        &self.doc
    }

    pub fn validator(&self) -> &Validator {
        &self.validator
    }

    pub fn rules(&self) -> &Rules {
        self.validator.rules()
    }

    pub fn schema(&self) -> &Schema {
        &self.validator.rules().schema
    }

    /// The kind of a file column when the schema knows it (None for a column the schema
    /// does not bind).
    pub fn column_kind(&self, col: usize) -> Option<&crate::schema::Kind> {
        let rules = self.rules();
        let s = rules.binding.schema_of.get(col).copied().flatten()?;
        rules.schema.columns.get(s).map(|c| &c.kind)
    }

    pub fn issues(&self) -> Vec<Issue> {
        self.validator.issues(&self.doc)
    }

    /// The issue list with messages in a language.
    pub fn issues_in(&self, lang: crate::validate::Lang) -> Vec<Issue> {
        self.validator.issues_in(lang, &self.doc)
    }

    pub fn errors(&self) -> usize {
        self.validator.errors()
    }

    pub fn warnings(&self) -> usize {
        self.validator.warnings()
    }

    pub fn cell(&self, row: usize, col: usize) -> &str {
        self.doc.cell(row, col)
    }

    /// Changes whenever the cells or the rules change (edits, undo, subscriptions…).
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// The rows a saved file holds: every row except blank ones.
    pub fn rows_to_write(&self) -> Vec<usize> {
        (0..self.doc.rows())
            .filter(|&r| !self.validator.is_blank_row(r))
            .collect()
    }

    pub fn is_dirty(&self) -> bool {
        self.saved_at != Some(self.undo.len())
    }

    pub fn mark_saved(&mut self) {
        self.saved_at = Some(self.undo.len());
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Sets one cell as one undo step. Returns false when nothing changed.
    pub fn set_cell(&mut self, row: usize, col: usize, value: &str) -> bool {
        self.set_cells(vec![(row, col, value.to_string())])
    }

    /// Sets many cells as one undo step (a paste, a fill, a fix). When a cell is given
    /// twice, the last value wins.
    pub fn set_cells(&mut self, cells: Vec<(usize, usize, String)>) -> bool {
        let changes = self.cell_changes(cells);
        self.apply(Edit::Cells(changes))
    }

    /// The changes that setting these cells makes: cells inside the document whose value
    /// differs, the last value winning when a cell is given twice.
    fn cell_changes(&self, cells: Vec<(usize, usize, String)>) -> Vec<CellChange> {
        last_per_cell(cells)
            .into_iter()
            .filter(|(r, c, _)| *r < self.doc.rows() && *c < self.doc.width())
            .filter(|(r, c, v)| self.doc.cell(*r, *c) != v)
            .map(|(row, col, new)| CellChange {
                row,
                col,
                old: self.doc.cell(row, col).to_string(),
                new,
                shape: match self.doc.table.short_fields(row) {
                    Some(n) if col >= n => RowShape::Fills(n),
                    _ => RowShape::Unchanged,
                },
            })
            .collect()
    }

    pub fn insert_rows(&mut self, at: usize, rows: Vec<Vec<String>>) -> bool {
        let at = at.min(self.doc.rows());
        let rows = rows
            .into_iter()
            .enumerate()
            .map(|(i, r)| (at + i, r))
            .collect();
        self.apply(Edit::InsertRows(rows))
    }

    /// Deletes the given rows (any order, duplicates ignored).
    pub fn delete_rows(&mut self, rows: &[usize]) -> bool {
        let removed = self
            .existing_rows(rows)
            .into_iter()
            .map(|r| (r, self.row_values(r)))
            .collect();
        self.apply(Edit::DeleteRows(removed))
    }

    /// The rows of `rows` that exist, in order, each once.
    fn existing_rows(&self, rows: &[usize]) -> Vec<usize> {
        let mut rows: Vec<usize> = rows
            .iter()
            .copied()
            .filter(|&r| r < self.doc.rows())
            .collect();
        rows.sort_unstable();
        rows.dedup();
        rows
    }

    fn row_values(&self, row: usize) -> Vec<String> {
        (0..self.doc.width())
            .map(|c| self.doc.cell(row, c).to_string())
            .collect()
    }

    /// Applies an edit as one undo step and re-checks what it touched.
    pub fn apply(&mut self, edit: Edit) -> bool {
        if edit.is_empty() {
            return false;
        }
        self.perform(&edit);
        self.push_done(edit);
        true
    }

    /// Records an edit already performed as the newest undo step.
    fn push_done(&mut self, edit: Edit) {
        if self.saved_at.is_some_and(|s| s > self.undo.len()) {
            self.saved_at = None;
        }
        self.undo.push(edit);
        self.redo.clear();
    }

    pub fn undo(&mut self) -> bool {
        let Some(edit) = self.undo.pop() else {
            return false;
        };
        self.perform_step(&edit.inverse(), true);
        self.redo.push(edit);
        true
    }

    pub fn redo(&mut self) -> bool {
        let Some(edit) = self.redo.pop() else {
            return false;
        };
        self.perform_step(&edit, true);
        self.undo.push(edit);
        true
    }

    pub fn history(&self) -> &[Edit] {
        &self.undo
    }

    /// The steps that turn the document as last saved (or opened) into what it is now,
    /// oldest first: what the recovery journal replays. None when the saved state is no
    /// longer reachable (it was undone past, then a new edit cleared the redo list).
    pub fn edits_since_save(&self) -> Option<Vec<Edit>> {
        let saved = self.saved_at?;
        let now = self.undo.len();
        if saved <= now {
            return self.undo.get(saved..).map(<[Edit]>::to_vec);
        }
        // The saved state lies ahead on the redo list (topmost = first to redo): going
        // back from it means undoing those steps, deepest first.
        let ahead = saved - now;
        let start = self.redo.len().checked_sub(ahead)?;
        Some(self.redo.get(start..)?.iter().map(Edit::inverse).collect())
    }

    /// Keeps a cell's value as it was when the file was opened, the first time it changes.
    fn remember_original(&mut self, row: usize, col: usize) {
        if let Some(&phys) = self.doc.table.order().get(row) {
            let value = self.doc.cell(row, col);
            self.originals
                .entry((phys, col))
                .or_insert_with(|| value.to_string());
        }
    }

    /// Every cell whose value differs from when the file was opened (rows still present),
    /// in row then column order: the review before saving.
    pub fn changes(&self) -> Vec<CellChange> {
        if self.originals.is_empty() {
            return Vec::new();
        }
        let mut out: Vec<CellChange> = self
            .doc
            .table
            .order()
            .iter()
            .enumerate()
            .flat_map(|(row, phys)| {
                (0..self.doc.width()).filter_map(move |col| {
                    let old = self.originals.get(&(*phys, col))?;
                    let new = self.doc.cell(row, col);
                    (old != new).then(|| CellChange {
                        row,
                        col,
                        old: old.clone(),
                        new: new.to_string(),
                        shape: Default::default(),
                    })
                })
            })
            .collect();
        out.sort_by_key(|c| (c.row, c.col));
        out
    }

    /// Puts changed cells back to their opened values, as one undo step.
    pub fn revert(&mut self, changes: &[CellChange]) -> bool {
        self.set_cells(
            changes
                .iter()
                .map(|c| (c.row, c.col, c.old.clone()))
                .collect(),
        )
    }

    /// Pastes a block at (row, col). A single value pasted over a larger selection fills
    /// it; a block longer than the document adds rows. One undo step.
    pub fn paste(
        &mut self,
        at: (usize, usize),
        selection: (usize, usize),
        block: &[Vec<String>],
    ) -> bool {
        let (row, col) = at;
        let single = block.len() == 1 && block.first().is_some_and(|r| r.len() == 1);
        let mut cells = Vec::new();
        if single {
            let value = block
                .first()
                .and_then(|r| r.first())
                .cloned()
                .unwrap_or_default();
            for r in row..row + selection.0.max(1) {
                for c in col..(col + selection.1.max(1)).min(self.doc.width()) {
                    cells.push((r, c, value.clone()));
                }
            }
        } else {
            for (i, values) in block.iter().enumerate() {
                for (j, v) in values.iter().enumerate() {
                    if col + j < self.doc.width() {
                        cells.push((row + i, col + j, v.clone()));
                    }
                }
            }
        }
        let needed = cells.iter().map(|(r, _, _)| r + 1).max().unwrap_or(0);
        let missing = needed.saturating_sub(self.doc.rows());
        let insert = (missing > 0).then(|| {
            let at = self.doc.rows();
            Edit::InsertRows(
                (0..missing)
                    .map(|i| (at + i, vec![String::new(); self.doc.width()]))
                    .collect(),
            )
        });
        let Some(insert) = insert else {
            return self.set_cells(cells);
        };
        // Rows must exist before the cell changes can be computed against them.
        self.perform(&insert);
        let cells_edit = Edit::Cells(self.cell_changes(cells));
        self.perform(&cells_edit);
        self.push_done(Edit::Batch(vec![insert, cells_edit]));
        true
    }

    /// Copies the first row of a block of rows × columns down over the rest (Ctrl+D).
    pub fn fill_down(
        &mut self,
        rows: std::ops::Range<usize>,
        cols: std::ops::Range<usize>,
    ) -> bool {
        let first = rows.start;
        // Cells outside the sheet are ignored by `set_cells`: don't copy values for them.
        let rows = rows.start..rows.end.min(self.doc.rows());
        let cols = cols.start..cols.end.min(self.doc.width());
        let cells = rows
            .skip(1)
            .flat_map(|r| cols.clone().map(move |c| (r, c)))
            .map(|(r, c)| (r, c, self.doc.cell(first, c).to_string()))
            .collect();
        self.set_cells(cells)
    }

    /// Duplicates rows, each copy inserted right below the last selected row. One undo step.
    pub fn duplicate_rows(&mut self, rows: &[usize]) -> bool {
        let rows = self.existing_rows(rows);
        let Some(&last) = rows.last() else {
            return false;
        };
        let copies = rows.iter().map(|&r| self.row_values(r)).collect();
        self.insert_rows(last + 1, copies)
    }

    fn perform(&mut self, edit: &Edit) {
        self.perform_step(edit, false);
    }

    /// `restoring`: the step comes from the undo or redo list, so a row it inserts may be
    /// the row deleted last, put back as it was (extra fields, read problems, line in the
    /// file); a new step always inserts new rows.
    fn perform_step(&mut self, edit: &Edit, restoring: bool) {
        self.revision += 1;
        match edit {
            Edit::Batch(edits) => {
                for e in edits {
                    self.perform_step(e, restoring);
                }
            }
            Edit::Cells(changes) => {
                for c in changes {
                    self.remember_original(c.row, c.col);
                    if let Some(old) = self.doc.set(c.row, c.col, &c.new) {
                        if let RowShape::Restores(n) = c.shape {
                            self.doc.table.restore_short(c.row, n);
                        }
                        self.validator.cell_changed(&self.doc, c.row, c.col, &old);
                    }
                }
            }
            Edit::InsertRows(rows) => {
                for (at, cells) in rows {
                    if restoring {
                        self.doc.table.restore_row(*at, cells);
                    } else {
                        self.doc.table.insert_row(*at, cells);
                    }
                }
                let at: Vec<usize> = rows.iter().map(|(at, _)| *at).collect();
                self.validator.rows_inserted(&self.doc, &at);
            }
            Edit::DeleteRows(rows) => {
                let at: Vec<usize> = rows.iter().map(|(at, _)| *at).collect();
                self.validator.rows_removing(&self.doc, &at);
                for &row in at.iter().rev() {
                    self.doc.table.remove_row(row);
                }
                self.validator.rows_removed(&self.doc, &at);
            }
        }
    }

    /// The window's guess at the tenant's products: a product whose columns are present
    /// and mostly filled is taken as subscribed. (The command line never guesses.)
    pub fn guess_subscriptions(doc: &Document, schema: &Schema) -> Subscriptions {
        let binding = crate::schema::Binding::new(schema, &doc.header);
        let mut subs = Subscriptions::none();
        for s in &schema.subscriptions {
            let cols: Vec<usize> = schema
                .columns
                .iter()
                .enumerate()
                .filter(|(_, c)| c.subscriptions.contains(&s.id))
                .filter_map(|(i, _)| binding.file_of.get(i).copied().flatten())
                .collect();
            if cols.is_empty() {
                continue;
            }
            let rows: Vec<usize> = (0..doc.rows()).filter(|&r| !doc.is_blank_row(r)).collect();
            let total = rows.len() * cols.len();
            let filled = rows
                .iter()
                .flat_map(|&r| cols.iter().map(move |&c| (r, c)))
                .filter(|&(r, c)| !crate::text::is_blank(doc.cell(r, c)))
                .count();
            if total > 0 && filled * 2 > total {
                subs.set(&s.id, true);
            }
        }
        subs
    }

    /// Switches subscriptions on or off and re-checks.
    pub fn set_subscriptions(&mut self, subscriptions: Subscriptions) {
        self.change_rules(|r| r.subscriptions = subscriptions);
    }

    /// Cross-checks against the console's user list (None to stop) and re-checks.
    pub fn set_roster(&mut self, roster: Option<std::sync::Arc<crate::roster::Roster>>) {
        self.change_rules(|r| r.roster = roster);
    }

    /// Changes one of the rules and checks everything again.
    fn change_rules(&mut self, change: impl FnOnce(&mut Rules)) {
        self.revision += 1;
        let mut rules = self.rules().clone();
        change(&mut rules);
        self.validator.set_rules(rules, &self.doc);
    }

    /// Changes the schema and re-checks.
    pub fn set_schema(&mut self, schema: Schema) {
        self.revision += 1;
        let r = self.rules();
        let rules = Rules::new(schema, &self.doc.header, r.subscriptions.clone(), r.target);
        self.validator.set_rules(rules, &self.doc);
    }

    /// The encoding the file will be saved in: Shift_JIS makes some characters errors.
    pub fn set_target_encoding(&mut self, target: TextEncoding) {
        self.change_rules(|r| r.target = target);
    }

    pub fn set_check_row_limit(&mut self, on: bool) {
        self.change_rules(|r| r.check_row_limit = on);
    }

    /// Replaces the file layout (used after "save as" in another encoding).
    pub fn set_meta(&mut self, meta: crate::document::FileMeta) {
        self.revision += 1;
        self.doc.meta = meta;
    }
}

/// Keeps only the last value given for each cell, in the order given: every change's `old`
/// must be the value before the step, or undo would restore a value set midway.
fn last_per_cell(cells: Vec<(usize, usize, String)>) -> Vec<(usize, usize, String)> {
    let mut seen = rustc_hash::FxHashSet::default();
    let mut out: Vec<_> = cells
        .into_iter()
        .rev()
        .filter(|(r, c, _)| seen.insert((*r, *c)))
        .collect();
    out.reverse();
    out
}
