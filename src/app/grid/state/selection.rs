//! Moving the cursor and the selected range. Every operation maps the range on screen
//! back to document rows and file columns.

use super::GridState;
use super::block::{Block, Walk};
use super::cell::CellPos;

impl GridState {
    /// Screen position (view row, screen column) of a cell, None when hidden.
    pub fn screen_pos(&self, at: CellPos) -> Option<(usize, usize)> {
        Some((self.view.view_row(at.row)?, self.screen_index(at.col)))
    }

    /// The selected rectangle: from the anchor (Shift+click, Shift+arrows) to the cursor.
    pub fn block(&self) -> Block {
        if let Some(block) = self.walked_block() {
            return block;
        }
        let cur = self
            .screen_pos(self.selected)
            .unwrap_or((0, self.screen_index(self.selected.col)));
        let anchor = self.anchor.and_then(|a| self.screen_pos(a)).unwrap_or(cur);
        Block {
            rows: cur.0.min(anchor.0)..cur.0.max(anchor.0) + 1,
            cols: cur.1.min(anchor.1)..cur.1.max(anchor.1) + 1,
        }
    }

    /// The range a walk keeps selected, while the walk is on.
    fn walked_block(&self) -> Option<Block> {
        let w = self
            .walk
            .filter(|w| self.anchor.is_none() && w.cursor == self.selected)?;
        let (top, left) = self.screen_pos(w.top_left)?;
        let (bottom, right) = self.screen_pos(w.bottom_right)?;
        Some(Block {
            rows: top..bottom + 1,
            cols: left..right + 1,
        })
    }

    /// Enter (down) and Tab (right), or back with Shift: inside a range of more than one
    /// cell the cursor moves through the range, down the columns for Enter and along the
    /// rows for Tab, wrapping round; otherwise it moves one cell.
    pub fn walk_or_step(&mut self, d_row: isize, d_col: isize) {
        let block = self.block();
        let (h, w) = block.size();
        let here = self.screen_pos(self.selected);
        let Some((vr, idx)) = here.filter(|&(r, c)| h * w > 1 && block.contains(r, c)) else {
            self.walk = None;
            return self.step_view(d_row, d_col, false);
        };
        let (r, c) = (vr - block.rows.start, idx - block.cols.start);
        let n = (h * w) as isize;
        let (r, c) = if d_row != 0 {
            let i = (c * h + r) as isize + d_row.signum();
            let i = i.rem_euclid(n) as usize;
            (i % h, i / h)
        } else {
            let i = (r * w + c) as isize + d_col.signum();
            let i = i.rem_euclid(n) as usize;
            (i / w, i % w)
        };
        let at = |vr: usize, idx: usize| {
            Some(CellPos::new(self.view.doc_row(vr)?, *self.order.get(idx)?))
        };
        let corners = (
            at(block.rows.start, block.cols.start),
            at(block.rows.end - 1, block.cols.end - 1),
            at(block.rows.start + r, block.cols.start + c),
        );
        if let (Some(top_left), Some(bottom_right), Some(cursor)) = corners {
            self.walk = Some(Walk {
                top_left,
                bottom_right,
                cursor,
            });
            self.anchor = None;
            self.selected = cursor;
            self.reveal = true;
        }
    }

    /// The cell is inside the selected rectangle.
    pub fn in_block(&self, at: CellPos) -> bool {
        self.screen_pos(at)
            .is_some_and(|(r, c)| self.block().contains(r, c))
    }

    /// The file columns of the selection, left to right on screen.
    pub fn block_cols(&self, block: &Block) -> Vec<usize> {
        self.order.get(block.cols.clone()).unwrap_or(&[]).to_vec()
    }

    /// The document rows of the selection, top to bottom on screen.
    pub fn selected_rows(&self) -> Vec<usize> {
        self.view.doc_rows(self.block().rows)
    }

    /// Every selected cell as (document row, file column).
    pub fn selected_cells(&self) -> Vec<(usize, usize)> {
        let block = self.block();
        let cols = self.block_cols(&block);
        self.view
            .doc_rows(block.rows)
            .into_iter()
            .flat_map(|r| cols.iter().map(move |&c| (r, c)))
            .collect()
    }

    /// Moves the cursor by whole cells on screen; with `extend` the anchor stays
    /// (Shift+arrows), otherwise the range collapses to the cursor.
    pub fn step_view(&mut self, d_row: isize, d_col: isize, extend: bool) {
        if self.view.is_empty() || self.order.is_empty() {
            return;
        }
        if extend && self.anchor.is_none() && self.walked_block().is_some() {
            // Shift+arrow during a walk grows the walked range from its far corner.
            self.anchor = self.walk.map(|w| {
                if w.top_left == self.selected {
                    w.bottom_right
                } else {
                    w.top_left
                }
            });
        }
        self.walk = None;
        if extend && self.anchor.is_none() {
            self.anchor = Some(self.selected);
        }
        if !extend {
            self.anchor = None;
        }
        let (vr, idx) = self.screen_pos(self.selected).unwrap_or_else(|| {
            (
                self.view.nearest(self.selected.row),
                self.screen_index(self.selected.col),
            )
        });
        let last_row = self.view.len() as isize - 1;
        let vr = (vr as isize + d_row).clamp(0, last_row) as usize;
        let idx = (idx as isize + d_col).clamp(0, self.order.len() as isize - 1) as usize;
        if let Some(row) = self.view.doc_row(vr) {
            self.selected = CellPos::new(row, self.order[idx]);
            self.reveal = true;
        }
    }

    /// Shift+click: extends the range to this cell.
    pub fn extend_to(&mut self, at: CellPos) {
        if self.anchor.is_none() {
            self.anchor = Some(self.selected);
        }
        self.selected = at;
    }

    /// Ctrl+A: every shown cell.
    pub fn select_all(&mut self) {
        let (Some(first), Some(last)) = (
            self.view.doc_row(0),
            self.view.doc_row(self.view.len().saturating_sub(1)),
        ) else {
            return;
        };
        let (Some(&left), Some(&right)) = (self.order.first(), self.order.last()) else {
            return;
        };
        self.anchor = Some(CellPos::new(last, right));
        self.selected = CellPos::new(first, left);
    }

    /// A click on a row number: the whole row (Shift extends to whole rows).
    pub fn select_row(&mut self, row: usize, extend: bool) {
        let (Some(&left), Some(&right)) = (self.order.first(), self.order.last()) else {
            return;
        };
        let anchor_row = match (extend, self.anchor) {
            (true, Some(a)) => a.row,
            (true, None) => self.selected.row,
            _ => row,
        };
        self.anchor = Some(CellPos::new(anchor_row, right));
        self.selected = CellPos::new(row, left);
    }

    /// A click on a column header: the whole column as shown (Shift extends).
    pub fn select_column(&mut self, col: usize, extend: bool) {
        let (Some(first), Some(last)) = (
            self.view.doc_row(0),
            self.view.doc_row(self.view.len().saturating_sub(1)),
        ) else {
            return;
        };
        let anchor_col = match (extend, self.anchor) {
            (true, Some(a)) => a.col,
            (true, None) => self.selected.col,
            _ => col,
        };
        self.anchor = Some(CellPos::new(last, anchor_col));
        self.selected = CellPos::new(first, col);
    }

    /// After the view changed: a cursor on a hidden row moves to a shown one.
    pub fn keep_cursor_shown(&mut self) {
        if self.view.is_empty() || self.view.view_row(self.selected.row).is_some() {
            return;
        }
        let near = self.view.nearest(self.selected.row);
        if let Some(row) = self.view.doc_row(near) {
            self.selected.row = row;
            self.anchor = None;
        }
    }
}
