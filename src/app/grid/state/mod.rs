//! What the grid remembers apart from the document: the selected cell and range, an edit
//! in progress, an open dropdown, column widths, the column order and the rows shown. The
//! fields are private: drawing reads them and changes them through the methods here and
//! in `selection`.

pub mod block;
pub mod cell;
pub mod layout;
pub mod rows;
pub mod selection;

use self::block::Walk;
use self::cell::{CellEditor, CellPos, Dropdown};
use self::rows::RowView;
use crate::Sheet;
use crate::view::ViewSpec;
use eframe::egui;

/// The grid's state between frames.
#[derive(Debug)]
pub struct GridState {
    selected: CellPos,
    editor: Option<CellEditor>,
    dropdown: Option<Dropdown>,
    /// Width of each file column.
    widths: Vec<f32>,
    /// Per file column: the user set its width (or an earlier run remembered one), so
    /// the settings keep it; other widths come from the file's contents.
    chosen: Vec<bool>,
    /// File columns in screen order; the first `frozen` stay in view when scrolling sideways.
    order: Vec<usize>,
    frozen: usize,
    /// Set when the selected cell must be scrolled into view.
    reveal: bool,
    /// Set with `reveal` when the view must also go back to the first column (Home,
    /// Ctrl+Home), even when the selected cell is in a column that stays in view.
    reveal_start: bool,
    /// The part of the grid's content seen last frame (content coordinates).
    viewport: egui::Rect,
    /// The other corner of a range selection (None: just the cursor).
    anchor: Option<CellPos>,
    /// A range the cursor walks through with Enter and Tab (the range stays selected).
    walk: Option<Walk>,
    /// The rows shown, filtered and sorted.
    view: RowView,
    /// The search whose matches are marked (while the find strip is open).
    find: Option<crate::find::Query>,
    /// The header the per-column state above refers to (see `follow_columns`).
    header: Vec<String>,
}

impl Default for GridState {
    fn default() -> Self {
        GridState {
            selected: CellPos::default(),
            editor: None,
            dropdown: None,
            widths: Vec::new(),
            chosen: Vec::new(),
            order: Vec::new(),
            frozen: 0,
            reveal: false,
            reveal_start: false,
            viewport: egui::Rect::NOTHING,
            anchor: None,
            walk: None,
            view: Default::default(),
            find: None,
            header: Vec::new(),
        }
    }
}

impl GridState {
    /// Lays out the columns of a freshly opened sheet.
    pub fn for_sheet(sheet: &Sheet) -> Self {
        let (order, frozen) = layout::column_order(sheet);
        GridState {
            widths: layout::initial_widths(sheet),
            chosen: vec![false; sheet.doc().width()],
            order,
            frozen,
            header: sheet.doc().header.clone(),
            ..Default::default()
        }
    }

    /// Columns of these widths in file order, none frozen (tests of the geometry).
    #[cfg(test)]
    pub fn with_widths(widths: Vec<f32>) -> Self {
        GridState {
            order: (0..widths.len()).collect(),
            chosen: vec![false; widths.len()],
            widths,
            ..Default::default()
        }
    }

    /// The cell the cursor is on.
    pub fn selected(&self) -> CellPos {
        self.selected
    }

    /// The cell being edited, if any.
    pub fn editor(&self) -> Option<&CellEditor> {
        self.editor.as_ref()
    }

    /// The cell being edited, to change its text.
    pub fn editor_mut(&mut self) -> Option<&mut CellEditor> {
        self.editor.as_mut()
    }

    /// Starts editing a cell (the selection moves there).
    pub fn open_editor(&mut self, editor: CellEditor) {
        self.editor = Some(editor);
        self.reveal = true;
    }

    /// Ends the edit in progress, returning what was typed.
    pub fn take_editor(&mut self) -> Option<CellEditor> {
        self.editor.take()
    }

    /// The open dropdown, if any.
    pub fn dropdown(&self) -> Option<&Dropdown> {
        self.dropdown.as_ref()
    }

    /// The open dropdown, to move its highlight.
    pub fn dropdown_mut(&mut self) -> Option<&mut Dropdown> {
        self.dropdown.as_mut()
    }

    /// Opens an enum cell's options.
    pub fn open_dropdown(&mut self, dropdown: Dropdown) {
        self.dropdown = Some(dropdown);
    }

    /// Closes the options list.
    pub fn close_dropdown(&mut self) {
        self.dropdown = None;
    }

    /// A cell editor or a dropdown has the keyboard.
    pub fn is_busy(&self) -> bool {
        self.editor.is_some() || self.dropdown.is_some()
    }

    /// Width of each file column.
    pub fn widths(&self) -> &[f32] {
        &self.widths
    }

    /// Per file column, whether its width was chosen by the user.
    pub fn chosen(&self) -> &[bool] {
        &self.chosen
    }

    /// The widths and the chosen marks, for remembered widths to be put back.
    pub fn widths_mut(&mut self) -> (&mut [f32], &mut [bool]) {
        (&mut self.widths, &mut self.chosen)
    }

    /// The user set a column's width (at least the narrowest a column can be).
    pub fn set_width(&mut self, col: usize, width: f32) {
        if let Some(w) = self.widths.get_mut(col) {
            *w = width.max(crate::app::theme::MIN_COLUMN_WIDTH);
        }
        if let Some(c) = self.chosen.get_mut(col) {
            *c = true;
        }
    }

    /// File columns in screen order.
    pub fn order(&self) -> &[usize] {
        &self.order
    }

    /// How many screen columns stay in view when scrolling sideways.
    pub fn frozen(&self) -> usize {
        self.frozen
    }

    /// Position of a file column on screen.
    pub fn screen_index(&self, col: usize) -> usize {
        self.order.iter().position(|&c| c == col).unwrap_or(0)
    }

    /// The selected cell must be scrolled into view.
    pub fn reveal(&mut self) {
        self.reveal = true;
    }

    /// Whether to scroll the selected cell into view this frame (asked once).
    pub fn take_reveal(&mut self) -> bool {
        std::mem::take(&mut self.reveal)
    }

    /// Marks the matches of a search in the grid (None: no marks).
    pub fn mark_matches(&mut self, query: Option<crate::find::Query>) {
        self.find = query;
    }

    /// Whether a cell is marked as a match of the search.
    pub fn is_match(&self, col: usize, value: &str) -> bool {
        self.find
            .as_ref()
            .is_some_and(|q| q.column.is_none_or(|c| c == col) && q.matches(value))
    }

    /// Scrolls the selected cell into view and the view back to the first column.
    pub fn reveal_start(&mut self) {
        self.reveal = true;
        self.reveal_start = true;
    }

    /// Whether the reveal taken this frame also goes back to the first column.
    pub fn take_reveal_start(&mut self) -> bool {
        std::mem::take(&mut self.reveal_start)
    }

    /// The part of the grid's content seen last frame.
    pub fn viewport(&self) -> egui::Rect {
        self.viewport
    }

    /// Records the part of the grid's content seen this frame.
    pub fn set_viewport(&mut self, viewport: egui::Rect) {
        self.viewport = viewport;
    }

    /// The rows shown.
    pub fn view(&self) -> &RowView {
        &self.view
    }

    /// The filters and sort of the rows shown.
    pub fn spec(&self) -> &ViewSpec {
        &self.view.spec
    }

    /// Rebuilds the rows shown when the sheet or the spec changed.
    pub fn refresh_view(&mut self, sheet: &Sheet) {
        self.follow_columns(&sheet.doc().header);
        self.view.refresh(sheet);
    }

    /// Keeps what the grid holds by file column (widths, screen order, the sort, the
    /// cursor) with its column when the columns were put in another order: the
    /// column-order fix, its undo and its redo all come through here. A range selection
    /// collapses to the cursor, as its columns may no longer be side by side.
    fn follow_columns(&mut self, header: &[String]) {
        if self.header.as_slice() == header {
            return;
        }
        let before = std::mem::replace(&mut self.header, header.to_vec());
        let Some(new_of) = layout::moved_columns(&before, header) else {
            return;
        };
        let to = |c: usize| new_of.get(c).copied().unwrap_or(c);
        // New column `i` was old column `order[i]`, as the document reorders its own.
        let order = crate::document::inverse_order(&new_of);
        self.widths = crate::document::reorder(&self.widths, &order);
        self.chosen = crate::document::reorder(&self.chosen, &order);
        self.order.iter_mut().for_each(|c| *c = to(*c));
        self.selected.col = to(self.selected.col);
        if let Some(e) = &mut self.editor {
            e.at.col = to(e.at.col);
        }
        if let Some(d) = &mut self.dropdown {
            d.at.col = to(d.at.col);
        }
        (self.anchor, self.walk) = (None, None);
        if let Some((col, descending)) = self.view.spec.sort {
            self.view.spec.sort = Some((to(col), descending));
        }
    }

    /// Only rows with errors, or all of them again.
    pub fn toggle_errors_only(&mut self) {
        self.view.spec.errors_only = !self.view.spec.errors_only;
    }

    /// Shows only rows with a cell containing this text (empty: every row).
    pub fn set_filter_text(&mut self, text: &str) {
        self.view.spec.text = text.trim().to_string();
    }

    /// Sorts by a file column (`true` descending), or back to file order.
    pub fn set_sort(&mut self, sort: Option<(usize, bool)>) {
        self.view.spec.sort = sort;
    }

    /// Stops waiting for a sort running on another thread (the view before it stays).
    pub fn cancel_sort(&mut self) {
        self.view.cancel_sort();
    }

    /// Leaves finished sorts waiting until released (for tests of a sort under way).
    #[cfg(any(test, feature = "test-hooks"))]
    pub fn hold_sorts(&mut self, hold: bool) {
        self.view.hold_sorts = hold;
    }

    /// Every row, in file order.
    pub fn clear_view(&mut self) {
        self.view.spec = Default::default();
    }

    /// Selects one cell; a row the filters hide is shown by dropping them (the sort stays).
    pub fn select(&mut self, at: CellPos) {
        if self.view.view_row(at.row).is_none() {
            self.view.clear_filters();
        }
        self.selected = at;
        self.anchor = None;
        self.walk = None;
        self.reveal = true;
    }

    /// A click on a cell: the cursor goes there and the range collapses to it.
    pub fn put_cursor(&mut self, at: CellPos) {
        self.selected = at;
        self.anchor = None;
    }

    /// Moves the cursor (a range stays) and scrolls it into view.
    pub fn move_cursor(&mut self, at: CellPos) {
        self.selected = at;
        self.reveal = true;
    }

    /// Selects the block between two corners, the cursor on the first (a paste).
    pub fn select_range(&mut self, cursor: CellPos, corner: CellPos) {
        self.anchor = Some(corner);
        self.selected = cursor;
        self.reveal = true;
    }

    /// The range collapses to the cursor.
    pub fn collapse(&mut self) {
        self.anchor = None;
    }

    /// Keeps the selection inside the document after it shrank or changed.
    pub fn clamp(&mut self, rows: usize, width: usize) {
        let fit = |p: &mut CellPos| {
            p.row = p.row.min(rows.saturating_sub(1));
            p.col = p.col.min(width.saturating_sub(1));
        };
        fit(&mut self.selected);
        if let Some(a) = self.anchor.as_mut() {
            fit(a);
        }
    }
}
