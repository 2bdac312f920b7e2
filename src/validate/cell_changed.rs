//! Re-checking after one cell changed: its own rules, its row's, the rows that shared its
//! old value or share its new one in a unique column, the roster cells that read it.

use super::{Validator, attach_duplicate};
use crate::document::Document;
use crate::text::is_blank;

impl Validator {
    /// Re-checks after one cell changed from `old` to its current value.
    pub fn cell_changed(&mut self, doc: &Document, row: usize, col: usize, old: &str) {
        if row >= self.blank.len() || col >= doc.width() {
            return self.unexpected(
                doc,
                format_args!("a change outside the sheet ({row}, {col})"),
            );
        }
        // A value typed into (or cleared from) a column with no header name turns it from
        // a leftover into an error, or back.
        if doc.header.get(col).is_some_and(|h| is_blank(h))
            && is_blank(old) != is_blank(doc.cell(row, col))
        {
            self.refresh_header(doc);
        }
        let was_blank = self.is_blank_row(row);
        let now_blank = doc.is_blank_row(row);
        if was_blank != now_blank {
            self.withdraw_row(doc, row, col, old);
            if let Some(b) = self.blank.get_mut(row) {
                *b = now_blank;
                self.users = if now_blank {
                    self.users.saturating_sub(1)
                } else {
                    self.users + 1
                };
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
                attach_duplicate(&mut fs);
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
    pub(super) fn withdraw_row(
        &mut self,
        doc: &Document,
        row: usize,
        changed_col: usize,
        old: &str,
    ) {
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
    pub(super) fn enter_row(&mut self, doc: &Document, row: usize) {
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
                    attach_duplicate(&mut fs);
                }
            }
            self.put_cell(row, col, fs);
        }
    }
}
