//! A place on the sheet and what is open on it: a cell, the text typed into it before it
//! is committed, and an enum cell's list of options.

/// A cell on screen: document row and file column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CellPos {
    /// The document row, from 0.
    pub row: usize,
    /// The file column, from 0.
    pub col: usize,
}

impl CellPos {
    /// The cell at a document row and file column.
    pub fn new(row: usize, col: usize) -> Self {
        CellPos { row, col }
    }
}

/// Text typed into a cell that is not committed yet.
#[derive(Debug, Clone)]
pub struct CellEditor {
    /// The cell being edited.
    pub at: CellPos,
    /// What is typed so far.
    pub text: String,
    /// First frame: the editor takes the keyboard focus and puts the cursor at the end.
    pub fresh: bool,
}

/// An enum cell's list of options, opened with F2, Alt+Down or a double click.
#[derive(Debug, Clone)]
pub struct Dropdown {
    /// The cell whose options are listed.
    pub at: CellPos,
    /// The option the keyboard points at.
    pub highlight: usize,
    /// First frame: the highlighted option is scrolled into view.
    pub fresh: bool,
}

/// Where the selection goes after a commit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    /// The cursor stays on the edited cell.
    Stay,
    /// One row down (Enter), or on through a selected range.
    Down,
    /// One column right (Tab), or on through a selected range.
    Right,
}
