//! The findings the sheet would hold with some cells changed, read without changing
//! anything: the changed rows are laid out again in a scratch document of their own and
//! checked by the validator's own rules, and duplicates are looked up in the unique
//! indexes with the changed cells laid over them. How fixes are judged (`fix::judge`):
//! nothing is tried on the live sheet, so nothing has to be taken back.

use super::{Finding, Lang, Validator, attach_duplicate};
use crate::document::Document;
use crate::text::is_blank;
use rustc_hash::FxHashMap;

/// A read-only view of a document and its findings with some cells changed.
pub struct Overlay<'a> {
    validator: &'a Validator,
    doc: &'a Document,
    /// The new value of each changed cell (inside the document), by (row, column).
    changed: FxHashMap<(usize, usize), String>,
    /// The rows changed in each unique column, by (column, the key values are compared
    /// by): a changed cell's new value found without going through every change.
    keyed: FxHashMap<(usize, String), Vec<usize>>,
    /// Each changed row as it would be, one row each, in row order.
    scratch: Document,
    /// Document row → its row in `scratch`.
    at: FxHashMap<usize, usize>,
}

impl Validator {
    /// `doc` and its findings as they would be with these cells set (the last value
    /// given for a cell wins); neither is changed.
    pub fn overlay<'a>(
        &'a self,
        doc: &'a Document,
        changes: impl IntoIterator<Item = (usize, usize, String)>,
    ) -> Overlay<'a> {
        let changed: FxHashMap<(usize, usize), String> = changes
            .into_iter()
            .filter(|(r, c, _)| *r < doc.rows() && *c < doc.width())
            .map(|(r, c, v)| ((r, c), v))
            .collect();
        let mut rows: Vec<usize> = changed.keys().map(|&(r, _)| r).collect();
        rows.sort_unstable();
        rows.dedup();
        let mut scratch = Document::new(doc.header.clone(), doc.meta.clone());
        scratch.empty_file = doc.empty_file;
        for (i, &row) in rows.iter().enumerate() {
            lay_row(doc, &changed, row, i, &mut scratch);
        }
        let at = rows.iter().enumerate().map(|(i, &r)| (r, i)).collect();
        let mut keyed: FxHashMap<(usize, String), Vec<usize>> = FxHashMap::default();
        for (&(row, col), value) in &changed {
            if let Some(ix) = self.unique.get(col).and_then(Option::as_ref) {
                keyed.entry((col, ix.fold(value))).or_default().push(row);
            }
        }
        Overlay {
            validator: self,
            doc,
            changed,
            keyed,
            scratch,
            at,
        }
    }
}

/// Copies `row` with its changes into `scratch` as its row `i`: its field count (a short
/// row written past its end is filled out, as [`crate::document::Table::set`] does),
/// extra fields and the read problems of the cells left as they are.
fn lay_row(
    doc: &Document,
    changed: &FxHashMap<(usize, usize), String>,
    row: usize,
    i: usize,
    scratch: &mut Document,
) {
    let width = doc.width();
    let fields = match doc.table.short_fields(row) {
        Some(n) if !changed.keys().any(|&(r, c)| r == row && c >= n) => n,
        _ => width,
    };
    let value = |c: usize| {
        changed
            .get(&(row, c))
            .map_or(doc.cell(row, c), String::as_str)
    };
    let extra = doc.table.extra_fields(row).iter().map(String::as_str);
    scratch
        .table
        .push_record((0..fields).map(value).chain(extra), 0);
    for c in (0..width).filter(|&c| !changed.contains_key(&(row, c))) {
        if let Some(p) = doc.read_problem(row, c) {
            scratch.note_read_problem(i as u32, c, p.clone());
        }
    }
}

impl Overlay<'_> {
    /// A cell's value with the changes.
    pub fn cell(&self, row: usize, col: usize) -> &str {
        match self.at.get(&row) {
            Some(&i) => self.scratch.cell(i, col),
            None => self.doc.cell(row, col),
        }
    }

    fn is_blank_row(&self, row: usize) -> bool {
        match self.at.get(&row) {
            Some(&i) => self.scratch.is_blank_row(i),
            None => self.validator.is_blank_row(row),
        }
    }

    /// The other rows whose cell in unique column `col` would hold the same value as this
    /// one, in row order; empty for a column that need not be unique.
    pub fn same_value_rows(&self, row: usize, col: usize) -> Vec<usize> {
        let Some(ix) = self.validator.unique.get(col).and_then(Option::as_ref) else {
            return Vec::new();
        };
        let value = self.cell(row, col);
        if is_blank(value) || self.is_blank_row(row) {
            return Vec::new();
        }
        let now = ix.others(row as u32, value, |r| self.doc.cell(r as usize, col));
        let unchanged = now
            .into_iter()
            .map(|r| r as usize)
            .filter(|&r| !self.changed.contains_key(&(r, col)));
        let changed_to_it = self
            .keyed
            .get(&(col, ix.fold(value)))
            .into_iter()
            .flatten()
            .copied()
            .filter(|&r| r != row);
        let mut rows: Vec<usize> = unchanged
            .chain(changed_to_it)
            .filter(|&r| !self.is_blank_row(r))
            .collect();
        rows.sort_unstable();
        rows
    }

    /// A cell's findings with the changes, as the validator would keep them.
    pub fn cell_findings(&self, row: usize, col: usize) -> Vec<Finding> {
        if self.is_blank_row(row) {
            return Vec::new();
        }
        let mut fs = match self.at.get(&row) {
            Some(&i) => self.validator.cell_own_findings(&self.scratch, i, col),
            None => self.validator.own_findings_now(row, col),
        };
        if !self.same_value_rows(row, col).is_empty() {
            attach_duplicate(&mut fs);
        }
        fs
    }

    /// A row's whole-row findings with the changes.
    pub fn row_findings(&self, row: usize) -> Vec<Finding> {
        match self.at.get(&row) {
            Some(&i) => {
                let blank = self.scratch.is_blank_row(i);
                self.validator.row_rules(&self.scratch, i, blank)
            }
            None => self.validator.row_findings(row).to_vec(),
        }
    }

    /// A cell finding's words, as the issue list would word them with the changes (a
    /// duplicate names the other rows that would hold its value).
    pub fn message_in(&self, lang: Lang, row: usize, col: usize, f: &Finding) -> String {
        if f.code != super::Code::Duplicate {
            return f.text(lang);
        }
        let others = self.same_value_rows(row, col);
        let words = (lang, super::message::Numbering::DataRows);
        self.validator
            .duplicate_message(words, self.doc, col, self.cell(row, col), &others)
    }

    /// The live document under the changes (header, names).
    pub fn doc(&self) -> &Document {
        self.doc
    }

    /// The validator under the changes (rules, column names).
    pub fn validator(&self) -> &Validator {
        self.validator
    }
}
