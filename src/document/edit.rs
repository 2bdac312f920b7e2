//! Every change a user makes, as data: the window turns each action into an [`Edit`], so
//! undo, the change review and tests all see one path.

use super::Block;

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

impl CellChange {
    /// The change that takes this one back.
    pub fn inverse(&self) -> CellChange {
        let mut back = self.clone();
        back.invert();
        back
    }

    /// Turns this change into the one that takes it back, in place (no text copied).
    pub fn invert(&mut self) {
        std::mem::swap(&mut self.old, &mut self.new);
        self.shape = self.shape.inverse();
    }
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
    /// Many cells of some columns at once, kept compactly by column (a clear, a paste,
    /// a fill or a replace over many rows).
    Block(Block),
    /// Rows that end up at these positions, ascending.
    InsertRows(Vec<(usize, Vec<String>)>),
    /// Rows removed from these positions (before removal), ascending.
    DeleteRows(Vec<(usize, Vec<String>)>),
    /// Several edits as one undo step (a paste that adds rows, then fills them).
    Batch(Vec<Edit>),
    /// The columns put in a new order, header and cells together: new column `i` is the
    /// old column `order[i]` (a permutation of every column).
    Columns(Vec<usize>),
}

/// The permutation that takes an order back: `inverse_order(o)[o[i]] == i`.
pub fn inverse_order(order: &[usize]) -> Vec<usize> {
    let mut back = vec![0; order.len()];
    for (new, &old) in order.iter().enumerate() {
        if let Some(slot) = back.get_mut(old) {
            *slot = new;
        }
    }
    back
}

/// Whether `order` puts `width` columns in a new order, each once.
pub fn is_permutation(order: &[usize], width: usize) -> bool {
    let mut seen = vec![false; width];
    order.len() == width
        && order
            .iter()
            .all(|&o| seen.get_mut(o).is_some_and(|s| !std::mem::replace(s, true)))
}

/// Items in a new order: item `i` of the result is `items[order[i]]`.
pub fn reorder<T: Clone>(items: &[T], order: &[usize]) -> Vec<T> {
    order
        .iter()
        .filter_map(|&o| items.get(o).cloned())
        .collect()
}

impl Edit {
    /// The edit that takes this one back.
    pub fn inverse(&self) -> Edit {
        match self {
            Edit::Cells(changes) => {
                Edit::Cells(changes.iter().rev().map(CellChange::inverse).collect())
            }
            Edit::Block(block) => Edit::Block(block.inverse()),
            Edit::InsertRows(rows) => Edit::DeleteRows(rows.clone()),
            Edit::DeleteRows(rows) => Edit::InsertRows(rows.clone()),
            Edit::Batch(edits) => Edit::Batch(edits.iter().rev().map(Edit::inverse).collect()),
            Edit::Columns(order) => Edit::Columns(inverse_order(order)),
        }
    }

    /// The header as it was before this edit, from the header after it (only column
    /// orders change a header).
    pub fn header_before(&self, after: Vec<String>) -> Vec<String> {
        match self {
            Edit::Columns(order) => reorder(&after, &inverse_order(order)),
            Edit::Batch(edits) => edits.iter().rev().fold(after, |h, e| e.header_before(h)),
            Edit::Cells(_) | Edit::Block(_) | Edit::InsertRows(_) | Edit::DeleteRows(_) => after,
        }
    }

    /// How many cell changes it holds (rows moved or inserted not counted).
    pub fn cells_changed(&self) -> usize {
        match self {
            Edit::Cells(c) => c.len(),
            Edit::Block(b) => b.len(),
            Edit::Batch(edits) => edits.iter().map(Edit::cells_changed).sum(),
            Edit::InsertRows(_) | Edit::DeleteRows(_) | Edit::Columns(_) => 0,
        }
    }

    /// Whether the edit changes nothing (no cells, no rows).
    pub fn is_empty(&self) -> bool {
        match self {
            Edit::Cells(c) => c.is_empty(),
            Edit::Block(b) => b.is_empty(),
            Edit::InsertRows(rows) | Edit::DeleteRows(rows) => rows.is_empty(),
            Edit::Batch(edits) => edits.iter().all(Edit::is_empty),
            Edit::Columns(order) => order.iter().enumerate().all(|(i, &o)| i == o),
        }
    }
}
