//! A document with its rules, its live issue list and its undo history: what the window
//! and the command line work on. Every change goes through [`Sheet::apply`].

use crate::document::{CellChange, Document, Edit};
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

    pub fn issues(&self) -> Vec<Issue> {
        self.validator.issues(&self.doc)
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

    /// Sets many cells as one undo step (a paste, a fill, a fix).
    pub fn set_cells(&mut self, cells: Vec<(usize, usize, String)>) -> bool {
        let changes: Vec<CellChange> = cells
            .into_iter()
            .filter(|(r, c, _)| *r < self.doc.rows() && *c < self.doc.width())
            .filter(|(r, c, v)| self.doc.cell(*r, *c) != v)
            .map(|(row, col, new)| CellChange {
                row,
                col,
                old: self.doc.cell(row, col).to_string(),
                new,
            })
            .collect();
        self.apply(Edit::Cells(changes))
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
        let mut rows: Vec<usize> = rows
            .iter()
            .copied()
            .filter(|&r| r < self.doc.rows())
            .collect();
        rows.sort_unstable();
        rows.dedup();
        let removed = rows
            .into_iter()
            .map(|r| {
                (
                    r,
                    (0..self.doc.width())
                        .map(|c| self.doc.cell(r, c).to_string())
                        .collect(),
                )
            })
            .collect();
        self.apply(Edit::DeleteRows(removed))
    }

    /// Applies an edit as one undo step and re-checks what it touched.
    pub fn apply(&mut self, edit: Edit) -> bool {
        if edit.is_empty() {
            return false;
        }
        self.perform(&edit);
        if self.saved_at.is_some_and(|s| s > self.undo.len()) {
            self.saved_at = None;
        }
        self.undo.push(edit);
        self.redo.clear();
        true
    }

    pub fn undo(&mut self) -> bool {
        let Some(edit) = self.undo.pop() else {
            return false;
        };
        self.perform(&edit.inverse());
        self.redo.push(edit);
        true
    }

    pub fn redo(&mut self) -> bool {
        let Some(edit) = self.redo.pop() else {
            return false;
        };
        self.perform(&edit);
        self.undo.push(edit);
        true
    }

    pub fn history(&self) -> &[Edit] {
        &self.undo
    }

    fn perform(&mut self, edit: &Edit) {
        self.revision += 1;
        match edit {
            Edit::Cells(changes) => {
                for c in changes {
                    if let Some(old) = self.doc.set(c.row, c.col, &c.new) {
                        self.validator.cell_changed(&self.doc, c.row, c.col, &old);
                    }
                }
            }
            Edit::InsertRows(rows) => {
                for (at, cells) in rows {
                    self.doc.table.insert_row(*at, cells);
                }
                self.validator.validate_all(&self.doc);
            }
            Edit::DeleteRows(rows) => {
                for (at, _) in rows.iter().rev() {
                    self.doc.table.remove_row(*at);
                }
                self.validator.validate_all(&self.doc);
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
        self.revision += 1;
        let mut rules = self.rules().clone();
        rules.subscriptions = subscriptions;
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
        self.revision += 1;
        let mut rules = self.rules().clone();
        rules.target = target;
        self.validator.set_rules(rules, &self.doc);
    }

    pub fn set_check_row_limit(&mut self, on: bool) {
        self.revision += 1;
        let mut rules = self.rules().clone();
        rules.check_row_limit = on;
        self.validator.set_rules(rules, &self.doc);
    }

    /// Replaces the file layout (used after "save as" in another encoding).
    pub fn set_meta(&mut self, meta: crate::document::FileMeta) {
        self.revision += 1;
        self.doc.meta = meta;
    }
}
