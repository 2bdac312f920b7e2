//! Every user action as a value: the menus, the toolbar, the shortcuts, the grid and the
//! panels name a command, and the app carries it out.

use crate::app::i18n::Lang;
use crate::app::settings::ThemeChoice;

/// A command of the window.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Open,
    Save,
    SaveAs,
    Quit,
    NextError,
    PreviousError,
    /// Select a cell (document row, file column); a whole-row issue has no column, and
    /// the selected column stays.
    Goto {
        /// Document row.
        row: usize,
        /// File column.
        col: Option<usize>,
    },
    /// An editing command.
    Edit(EditCommand),
    /// A file of the recent list, by its place in it.
    OpenRecent(usize),
    ClearRecent,
    LoadTemplate,
    /// A template of the picker, by its place in it.
    UseTemplate(usize),
    SetLang(Lang),
    SetTheme(ThemeChoice),
    Settings,
    Help,
}

/// A command on the sheet, the selection or the view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditCommand {
    Undo,
    Redo,
    Cut,
    Copy,
    /// Ask the system for the clipboard (it arrives as a paste event).
    RequestPaste,
    Paste(String),
    Clear,
    SelectAll,
    FillDown,
    SetValue,
    InsertAbove,
    InsertBelow,
    DeleteRows,
    DuplicateRows,
    Find,
    Replace,
    /// Apply the fix of one cell (document row, file column).
    Fix(usize, usize),
    /// Preview every fix like this cell's.
    FixLike(usize, usize),
    FixAll,
    DropBlankRows,
    Review,
    Roster,
    ClearRoster,
    ErrorsOnly,
    /// Sort the view by a file column; `true` descending; None clears the sort.
    Sort(Option<(usize, bool)>),
    ClearFilters,
}
