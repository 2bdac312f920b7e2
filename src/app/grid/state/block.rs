//! The selected range as a rectangle on screen (view rows by screen columns), so it stays
//! one block whatever the filter or the column order, and the walk of Enter and Tab
//! through it.

use super::cell::CellPos;
use std::ops::Range;

/// The selected block on screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// View rows.
    pub rows: Range<usize>,
    /// Screen columns.
    pub cols: Range<usize>,
}

impl Block {
    /// The screen cell is inside the block.
    pub fn contains(&self, view_row: usize, screen_col: usize) -> bool {
        self.rows.contains(&view_row) && self.cols.contains(&screen_col)
    }

    /// (rows, columns).
    pub fn size(&self) -> (usize, usize) {
        (self.rows.len(), self.cols.len())
    }
}

/// Enter and Tab inside a selected range move the cursor through the range, as in a
/// spreadsheet, while the range stays selected: its two corners, and the cursor the walk
/// put last (any other move of the cursor, or a new range, ends the walk).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Walk {
    /// The range's top-left cell.
    pub(super) top_left: CellPos,
    /// The range's bottom-right cell.
    pub(super) bottom_right: CellPos,
    /// Where the walk put the cursor last.
    pub(super) cursor: CellPos,
}
