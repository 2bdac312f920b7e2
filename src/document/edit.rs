//! Every change a user makes, as data: the window turns each action into an [`Edit`], so
//! undo, the change review and tests all see one path.

/// One cell's change.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CellChange {
    pub row: usize,
    pub col: usize,
    pub old: String,
    pub new: String,
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
                    })
                    .collect(),
            ),
            Edit::InsertRows(rows) => Edit::DeleteRows(rows.clone()),
            Edit::DeleteRows(rows) => Edit::InsertRows(rows.clone()),
            Edit::Batch(edits) => Edit::Batch(edits.iter().rev().map(Edit::inverse).collect()),
        }
    }

    pub fn is_empty(&self) -> bool {
        match self {
            Edit::Cells(c) => c.is_empty(),
            Edit::InsertRows(rows) | Edit::DeleteRows(rows) => rows.is_empty(),
            Edit::Batch(edits) => edits.iter().all(Edit::is_empty),
        }
    }
}
