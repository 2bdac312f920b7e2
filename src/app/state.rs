//! What the window remembers apart from the document: the selected cell, an edit in
//! progress, an open dropdown, column widths and the column order on screen.

use super::i18n::Lang;
use crate::Sheet;
use crate::schema::Kind;
use eframe::egui;

/// A cell on screen: document row and file column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CellPos {
    pub row: usize,
    pub col: usize,
}

impl CellPos {
    pub fn new(row: usize, col: usize) -> Self {
        CellPos { row, col }
    }
}

/// Text typed into a cell that is not committed yet.
#[derive(Debug, Clone)]
pub struct CellEditor {
    pub at: CellPos,
    pub text: String,
    /// First frame: the editor takes the keyboard focus and puts the cursor at the end.
    pub fresh: bool,
}

/// An enum cell's list of options, opened with F2, Alt+Down or a double click.
#[derive(Debug, Clone)]
pub struct Dropdown {
    pub at: CellPos,
    /// The option the keyboard points at.
    pub highlight: usize,
    pub fresh: bool,
}

/// Where the selection goes after a commit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    Stay,
    Down,
    Right,
}

#[derive(Debug, Clone)]
pub struct GridState {
    pub selected: CellPos,
    pub editor: Option<CellEditor>,
    pub dropdown: Option<Dropdown>,
    /// Width of each file column.
    pub widths: Vec<f32>,
    /// Per file column: the user set its width (or an earlier run remembered one), so
    /// the settings keep it; other widths come from the file's contents.
    pub chosen: Vec<bool>,
    /// File columns in screen order; the first `frozen` stay in view when scrolling sideways.
    pub order: Vec<usize>,
    pub frozen: usize,
    /// Set when the selected cell must be scrolled into view.
    pub reveal: bool,
    /// The part of the grid's content seen last frame (content coordinates).
    pub viewport: egui::Rect,
    /// The other corner of a range selection (None: just the cursor).
    pub anchor: Option<CellPos>,
    /// A range the cursor walks through with Enter and Tab (the range stays selected).
    pub walk: Option<super::selection::Walk>,
    /// The rows shown, filtered and sorted.
    pub view: super::selection::RowView,
    /// What the grid's context menus and headers asked for this frame.
    pub requests: Vec<super::edit_menu::EditCommand>,
    /// The interface language, for the grid's menus.
    pub lang: super::i18n::Lang,
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
            viewport: egui::Rect::NOTHING,
            anchor: None,
            walk: None,
            view: Default::default(),
            requests: Vec::new(),
            lang: Default::default(),
        }
    }
}

impl GridState {
    /// Lays out the columns of a freshly opened sheet.
    pub fn for_sheet(sheet: &Sheet) -> Self {
        let (order, frozen) = column_order(sheet);
        GridState {
            widths: initial_widths(sheet),
            chosen: vec![false; sheet.doc().width()],
            order,
            frozen,
            ..Default::default()
        }
    }

    /// Position of a file column on screen.
    pub fn screen_index(&self, col: usize) -> usize {
        self.order.iter().position(|&c| c == col).unwrap_or(0)
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

    pub fn is_busy(&self) -> bool {
        self.editor.is_some() || self.dropdown.is_some()
    }
}

/// The file columns bound to the schema's first two columns (Login ID and User name in the
/// MiiTel template) come first and stay in view; the rest follow in file order.
fn column_order(sheet: &Sheet) -> (Vec<usize>, usize) {
    let width = sheet.doc().width();
    let binding = &sheet.rules().binding;
    let mut frozen: Vec<usize> = binding
        .file_of
        .iter()
        .take(2)
        .filter_map(|c| *c)
        .filter(|&c| c < width)
        .collect();
    if frozen.is_empty() && width > 3 {
        frozen.push(0);
    }
    let mut order = frozen.clone();
    order.extend((0..width).filter(|c| !frozen.contains(c)));
    (order, frozen.len())
}

/// How many character cells a text takes: a Japanese character takes two, so a column of
/// names in kanji starts wide enough for them.
fn columns(text: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(text)
}

fn initial_widths(sheet: &Sheet) -> Vec<f32> {
    use super::theme::{CHAR_WIDTH, MAX_INITIAL_COLUMN_WIDTH, MIN_COLUMN_WIDTH};
    let doc = sheet.doc();
    (0..doc.width())
        .map(|col| {
            let kind = super::grid::column_kind(sheet, col);
            let chars = match kind {
                Some(Kind::Email) => 28,
                Some(Kind::Digits { .. }) => 11,
                Some(Kind::Enum { options }) => options
                    .iter()
                    // Wide enough in either language: switching it keeps the widths.
                    .flat_map(|o| [Lang::En, Lang::Ja].map(|l| columns(&o.display_in(l))))
                    .max()
                    .unwrap_or(6)
                    .clamp(12, 30),
                _ => {
                    let longest = (0..doc.rows().min(200))
                        .map(|r| columns(doc.cell(r, col)))
                        .max()
                        .unwrap_or(0);
                    longest.clamp(12, 30)
                }
            };
            // The header's longest word fits beside the sort arrow, not cut in two.
            let word = doc
                .header
                .get(col)
                .and_then(|h| h.split_whitespace().map(columns).max())
                .unwrap_or(0);
            let header = word as f32 * CHAR_WIDTH + 12.0 + super::view_bar::ARROW_ROOM;
            (chars as f32 * CHAR_WIDTH + 12.0)
                .max(header)
                .clamp(MIN_COLUMN_WIDTH, MAX_INITIAL_COLUMN_WIDTH)
        })
        .collect()
}
