//! Cell edits as the user makes them: typing, pasting, filling down. Each is one undo step.

use super::Sheet;
use crate::document::{CellChange, Edit, RowShape};

/// From this many cells an edit is a block step (kept by column, compact); below, a
/// record per cell, which also keeps a short row's length for undo.
pub const BLOCK_FROM_CELLS: usize = 256;

impl Sheet {
    /// Sets one cell as one undo step. Returns false when nothing changed.
    pub fn set_cell(&mut self, row: usize, col: usize, value: &str) -> bool {
        self.set_cells(vec![(row, col, value.to_string())])
    }

    /// Sets many cells as one undo step (a paste, a fill, a fix). When a cell is given
    /// twice, the last value wins. Many cells make a compact block step.
    pub fn set_cells(&mut self, cells: Vec<(usize, usize, String)>) -> bool {
        if cells.len() < BLOCK_FROM_CELLS {
            let changes = self.cell_changes(cells);
            return self.apply(Edit::Cells(changes));
        }
        self.set_cells_by_column(cells)
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
    /// it; a paste reaching past the last row adds rows. One undo step.
    pub fn paste(
        &mut self,
        at: (usize, usize),
        selection: (usize, usize),
        block: &[Vec<String>],
    ) -> bool {
        let (row, col) = at;
        let single = block.len() == 1 && block.first().is_some_and(|r| r.len() == 1);
        if single {
            let value = block
                .first()
                .and_then(|r| r.first())
                .map_or("", String::as_str);
            let rows = row..row + selection.0.max(1);
            let cols = col..(col + selection.1.max(1)).min(self.doc.width());
            let needed = if cols.is_empty() { 0 } else { rows.end };
            return self.write_adding_rows(needed, || {
                cols.clone()
                    .map(|c| (c, rows.clone().map(move |r| (r, value))))
                    .collect()
            });
        }
        let widest = block.iter().map(Vec::len).max().unwrap_or(0);
        let cols = col..(col + widest).min(self.doc.width());
        let needed = if cols.is_empty() {
            0
        } else {
            block
                .iter()
                .rposition(|values| values.len() > cols.start - col)
                .map_or(0, |i| row + i + 1)
        };
        self.write_adding_rows(needed, || {
            cols.clone()
                .map(|c| {
                    let cells = block.iter().enumerate().filter_map(move |(i, values)| {
                        Some((row + i, values.get(c - col)?.as_str()))
                    });
                    (c, cells)
                })
                .collect()
        })
    }

    /// Writes `columns` (as [`Sheet::write_columns`]) after adding blank rows up to
    /// `needed` rows, the two as one undo step.
    fn write_adding_rows<'v, I>(
        &mut self,
        needed: usize,
        columns: impl Fn() -> Vec<(usize, I)>,
    ) -> bool
    where
        I: Iterator<Item = (usize, &'v str)> + Clone,
    {
        let missing = needed.saturating_sub(self.doc.rows());
        if missing == 0 {
            return self.write_columns(columns());
        }
        let at = self.doc.rows();
        let insert = Edit::InsertRows(
            (0..missing)
                .map(|i| (at + i, vec![String::new(); self.doc.width()]))
                .collect(),
        );
        // Rows must exist before the cell changes can be computed against them.
        self.perform(&insert);
        let mut steps = vec![insert];
        steps.extend(self.perform_columns(columns()));
        self.push_done(Edit::Batch(steps));
        true
    }

    /// Copies the first row of a block of rows × columns down over the rest (Ctrl+D).
    pub fn fill_down(
        &mut self,
        rows: std::ops::Range<usize>,
        cols: std::ops::Range<usize>,
    ) -> bool {
        let first = rows.start;
        let rows = rows.start..rows.end.min(self.doc.rows());
        let cols = cols.start..cols.end.min(self.doc.width());
        let firsts: Vec<(usize, String)> = cols
            .map(|c| (c, self.doc.cell(first, c).to_string()))
            .collect();
        self.write_columns(
            firsts
                .iter()
                .map(|(c, v)| (*c, rows.clone().skip(1).map(move |r| (r, v.as_str()))))
                .collect(),
        )
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
