//! Cell edits as the user makes them: typing, pasting, filling down. Each is one undo step.

use super::Sheet;
use crate::document::{CellChange, Edit, RowShape};

impl Sheet {
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
    pub(super) fn cell_changes(&self, cells: Vec<(usize, usize, String)>) -> Vec<CellChange> {
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
