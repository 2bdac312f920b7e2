//! The values as the file was opened, kept for the cells changed since: the review of
//! changes before saving, and putting cells back.

use super::Sheet;
use crate::document::CellChange;

impl Sheet {
    /// Keeps a cell's value as it was when the file was opened, the first time it changes.
    pub(super) fn remember_original(&mut self, row: usize, col: usize) {
        if let Some(&phys) = self.doc.table.order().get(row) {
            let value = self.doc.cell(row, col);
            self.originals
                .entry((phys, col))
                .or_insert_with(|| value.to_string());
        }
    }

    /// Moves the opened values with their columns (new column `i` was `order[i]`).
    pub(super) fn columns_reordered(&mut self, order: &[usize]) {
        let back = crate::document::inverse_order(order);
        self.originals = std::mem::take(&mut self.originals)
            .into_iter()
            .map(|((p, c), v)| ((p, back.get(c).copied().unwrap_or(c)), v))
            .collect();
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
}
