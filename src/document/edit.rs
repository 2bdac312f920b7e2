//! Every change a user makes, as data: the window turns each action into an [`Edit`], so
//! undo, the change review and tests all see one path.

/// One cell's change.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CellChange {
    /// The cell's row in the document.
    pub row: usize,
    /// The cell's column in the file.
    pub col: usize,
    /// Its value before.
    pub old: String,
    /// Its value after.
    pub new: String,
    /// For a row read with fewer fields than the header: how writing this cell changes
    /// its length, so undo gives the short row back.
    #[serde(default, skip_serializing_if = "RowShape::is_unchanged")]
    pub shape: RowShape,
}

/// What a cell change does to a short row (one with fewer fields than the header).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum RowShape {
    /// The row keeps its length (it is full, or the cell is within it).
    #[default]
    Unchanged,
    /// Writing past the end of a row of this many fields fills it out to full width.
    Fills(usize),
    /// Undoing that: the row goes back to this many fields.
    Restores(usize),
}

impl RowShape {
    /// Whether the change leaves the row's length alone (not written to the journal).
    pub fn is_unchanged(&self) -> bool {
        *self == RowShape::Unchanged
    }

    fn inverse(self) -> RowShape {
        match self {
            RowShape::Unchanged => RowShape::Unchanged,
            RowShape::Fills(n) => RowShape::Restores(n),
            RowShape::Restores(n) => RowShape::Fills(n),
        }
    }
}

/// One undoable step. Serializable: the recovery journal stores unsaved steps.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Edit {
    /// Typed values, pastes, fills, fixes: any number of cells at once.
    Cells(Vec<CellChange>),
    /// Rows that end up at these positions, ascending.
    InsertRows(Vec<(usize, Vec<String>)>),
    /// Rows removed from these positions (before removal), ascending.
    DeleteRows(Vec<(usize, Vec<String>)>),
    /// Several edits as one undo step (a paste that adds rows, then fills them).
    Batch(Vec<Edit>),
}

impl Edit {
    /// The edit that takes this one back.
    pub fn inverse(&self) -> Edit {
        match self {
            Edit::Cells(changes) => Edit::Cells(
                changes
                    .iter()
                    .rev()
                    .map(|c| CellChange {
                        row: c.row,
                        col: c.col,
                        old: c.new.clone(),
                        new: c.old.clone(),
                        shape: c.shape.inverse(),
                    })
                    .collect(),
            ),
            Edit::InsertRows(rows) => Edit::DeleteRows(rows.clone()),
            Edit::DeleteRows(rows) => Edit::InsertRows(rows.clone()),
            Edit::Batch(edits) => Edit::Batch(edits.iter().rev().map(Edit::inverse).collect()),
        }
    }

    /// Whether the edit changes nothing (no cells, no rows).
    pub fn is_empty(&self) -> bool {
        match self {
            Edit::Cells(c) => c.is_empty(),
            Edit::InsertRows(rows) | Edit::DeleteRows(rows) => rows.is_empty(),
            Edit::Batch(edits) => edits.iter().all(Edit::is_empty),
        }
    }
}
