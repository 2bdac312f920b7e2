//! A document with its rules, its live issue list and its undo history: what the window
//! and the command line work on. Every change goes through [`Sheet::apply`].
//!
//! This file holds the type and what can be asked of it; the other files change it:
//! `history` applies, undoes and redoes steps, `cells` and `rows` turn user actions into
//! steps, `block` makes an edit of many cells one compact step, `review` keeps the
//! values as opened, and `rules` changes what the cells are checked against.

mod block;
mod cells;
mod history;
mod review;
mod rows;
mod rules;

use crate::document::{Document, Edit};
use crate::schema::{Kind, Schema, Subscriptions};
use crate::validate::{Issue, IssuePlace, Lang, PlacesFrom, Rules, Validator};

/// An open document being edited: its cells, the checks kept current with every change,
/// and the undo and redo lists. The window and the command line change a document only
/// through it, so every change can be undone and the issue list never goes stale.
#[derive(Debug, Clone)]
pub struct Sheet {
    doc: Document,
    validator: Validator,
    undo: Vec<std::sync::Arc<Edit>>,
    redo: Vec<std::sync::Arc<Edit>>,
    /// Undo depth at the last save; the sheet is dirty when the depth differs.
    saved_at: Option<usize>,
    /// Undo depth whose cells the document's own file holds: the last save to it, or the
    /// opening. A save to other files (a split into parts) leaves it; None once that state
    /// can no longer be reached.
    disk_at: Option<usize>,
    /// Values as opened, by (physical row, column), for cells changed since. Ordered, not
    /// hashed: a hash map grows by rehashing all it holds at once, and a whole-sheet clear
    /// puts millions of cells in it a slice at a time (making room for them all up front
    /// took most of a second on one frame).
    originals: std::collections::BTreeMap<(u32, usize), String>,
    /// By column: the column as it was when a block first built it anew, set aside whole
    /// (shared with that block's step); it holds the values as opened of the cells
    /// `originals` does not have, so a block of a million cells adds nothing there.
    opened_columns: Vec<Option<std::sync::Arc<crate::document::CellRun>>>,
    /// Physical rows the file had when opened: any later one was added since.
    opened_rows: usize,
    /// Counts every change to the cells or the rules, so views can cache what they derive.
    revision: u64,
}

impl Sheet {
    /// A freshly opened document checked in full against `schema` for these
    /// subscriptions. It is to be saved in the encoding it was read in, with the row limit
    /// checked; nothing to undo, nothing unsaved.
    pub fn new(doc: Document, schema: Schema, subscriptions: Subscriptions) -> Self {
        let rules = Rules::new(schema, &doc.header, subscriptions, doc.meta.encoding);
        Self::with_rules(doc, rules)
    }

    /// Like [`Sheet::new`] with rules the caller has already adjusted, such as the command
    /// line's save encoding or its row limit turned off for an export in parts.
    pub fn with_rules(doc: Document, rules: Rules) -> Self {
        let validator = Validator::new(rules, &doc);
        Sheet {
            opened_rows: doc.table.physical_len(),
            doc,
            validator,
            undo: Vec::new(),
            redo: Vec::new(),
            saved_at: Some(0),
            disk_at: Some(0),
            originals: Default::default(),
            opened_columns: Vec::new(),
            revision: 0,
        }
    }

    /// The cells, header and file layout as they are now. Read-only: changes go through
    /// the sheet so they are checked and can be undone.
    pub fn doc(&self) -> &Document {
        &self.doc
    }

    /// The live check: every finding by cell, row and file, kept current with each edit.
    pub fn validator(&self) -> &Validator {
        &self.validator
    }

    /// What the cells are checked against: schema, column binding, subscriptions, save
    /// encoding, row limit and roster.
    pub fn rules(&self) -> &Rules {
        self.validator.rules()
    }

    /// The schema the document is checked against.
    pub fn schema(&self) -> &Schema {
        &self.validator.rules().schema
    }

    /// The kind of a file column when the schema knows it (None for a column the schema
    /// does not bind).
    pub fn column_kind(&self, col: usize) -> Option<&Kind> {
        let rules = self.rules();
        let s = rules.binding.schema_of.get(col).copied().flatten()?;
        rules.schema.columns.get(s).map(|c| &c.kind)
    }

    /// Every issue with its place, header and file first, messages in English;
    /// [`Sheet::issues_in`] words them in the user's language.
    pub fn issues(&self) -> Vec<Issue> {
        self.validator.issues(&self.doc)
    }

    /// The issue list with messages in a language.
    pub fn issues_in(&self, lang: Lang) -> Vec<Issue> {
        self.validator.issues_in(lang, &self.doc)
    }

    /// Where every issue is, in the order of [`Sheet::issues_in`], without their words
    /// (see [`Validator::issue_places`]).
    pub fn issue_places(&self) -> Vec<IssuePlace> {
        self.validator.issue_places()
    }

    /// [`Sheet::issue_places`] into the list kept from the last time (its memory used
    /// again).
    pub fn issue_places_into(&self, out: &mut Vec<IssuePlace>) {
        self.validator.issue_places_into(out);
    }

    /// The next part of a list of issue places built in parts (see
    /// [`Validator::issue_places_part`]).
    pub fn issue_places_part(
        &self,
        from: PlacesFrom,
        out: &mut Vec<IssuePlace>,
        at_most: usize,
    ) -> Option<PlacesFrom> {
        self.validator.issue_places_part(from, out, at_most)
    }

    /// The issue at a place from [`Sheet::issue_places`], in a language; None when the
    /// sheet changed since and has no issue there.
    pub fn issue_at(&self, place: &IssuePlace, lang: Lang) -> Option<Issue> {
        self.validator.issue_at(lang, &self.doc, place)
    }

    /// How many errors remain: while there are any, the file cannot be exported.
    pub fn errors(&self) -> usize {
        self.validator.errors()
    }

    /// How many warnings remain; they do not stop an export.
    pub fn warnings(&self) -> usize {
        self.validator.warnings()
    }

    /// The value of a cell, empty for a cell past the end of a short row or outside the
    /// document.
    pub fn cell(&self, row: usize, col: usize) -> &str {
        self.doc.cell(row, col)
    }

    /// Changes whenever the cells or the rules change (edits, undo, subscriptions…): the
    /// views that cache by revision (the sorted rows, the issue list, find's matches)
    /// rebuild when it moves.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// The rows a saved file holds: every row except blank ones.
    pub fn rows_to_write(&self) -> Vec<usize> {
        (0..self.doc.rows())
            .filter(|&r| !self.validator.is_blank_row(r))
            .collect()
    }

    /// The rows the roster holds as they are (marked `no_change`), in order.
    pub fn unchanged_rows(&self) -> Vec<usize> {
        self.validator.unchanged_rows()
    }

    /// The columns a save or export writes: `Some(n)` for only the first `n`, when the
    /// file ends in columns with no header and no value (a spreadsheet's leftovers).
    pub fn columns_to_write(&self) -> Option<usize> {
        self.validator.columns_to_write()
    }
}
