//! Row edits: inserting, deleting and duplicating whole rows, each as one undo step.

use super::Sheet;
use crate::document::Edit;

impl Sheet {
    /// Inserts rows of values before row `at` (at the end when `at` is past it), as one
    /// undo step. Returns false when `rows` is empty.
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
            .map(|r| (r, self.doc.row_values(r)))
            .collect();
        self.apply(Edit::DeleteRows(removed))
    }

    /// Duplicates rows, each copy inserted right below the last selected row. One undo step.
    pub fn duplicate_rows(&mut self, rows: &[usize]) -> bool {
        let rows = self.existing_rows(rows);
        let Some(&last) = rows.last() else {
            return false;
        };
        let copies = rows.iter().map(|&r| self.doc.row_values(r)).collect();
        self.insert_rows(last + 1, copies)
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
}
