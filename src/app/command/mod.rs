//! Every user action as a value. The one table in `table` says how each is named,
//! explained and bound to keys; the menus, the toolbar, the context menus, the settings
//! window, the keyboard shortcuts panel (`help`) and the key handler all read it. The grid
//! and the panels put commands on the app's queue, and the app carries each out in one
//! place.

pub mod help;
pub mod table;

use crate::app::i18n::Lang;
use crate::app::settings::ThemeChoice;
use crate::document::CellChange;
use crate::encoding::TextEncoding;
use std::path::PathBuf;

/// A user action. (`EnumIter` lists each kind, with default values, for the command
/// table's checks.)
#[derive(Debug, Clone, PartialEq, Eq, strum::EnumIter)]
pub enum Command {
    /// Open a file (asks which, and about unsaved edits).
    Open,
    /// Save over the file (asks before the first overwrite).
    Save,
    /// Save under another name, encoding or in parts.
    SaveAs,
    /// Write the issue list to a CSV file (asks where).
    ExportIssues,
    /// Close the window (asks about unsaved edits).
    Quit,
    /// A file of the recent list, by its place in it.
    OpenRecent(usize),
    /// Empty the recent list.
    ClearRecent,
    /// Open the Load template dialog.
    LoadTemplate,
    /// A template of the picker, by its place in it.
    UseTemplate(usize),
    /// Open the template editor on a template inferred from the open file.
    NewTemplateFromFile,
    /// Open the template editor on the template in use (a loaded one).
    EditTemplate,
    /// Open the template editor on a copy of the template in use (a built-in one too).
    DuplicateTemplate,
    /// Save the template being edited in the templates folder and the template menu.
    SaveTemplate,
    /// Close the template editor, checking against the template used before unless saved.
    CloseTemplateEditor,
    /// Switch the interface language; `None` follows the system's.
    SetLang(Option<Lang>),
    /// Switch the theme.
    SetTheme(ThemeChoice),
    /// Show or hide the Settings window.
    Settings,
    /// Hide or show the side panel (subscriptions and issues), for more room in the grid.
    SidePanel,
    /// Show or hide the keyboard shortcuts panel.
    Help,
    /// Switch a product of the template on or off (its columns become required or not).
    Subscribe {
        /// The product's id in the template.
        product: String,
        /// Whether the tenant has it.
        on: bool,
    },
    /// Select the next cell with an error.
    NextError,
    /// Select the previous cell with an error.
    PreviousError,
    /// Select a cell (document row, file column); without a column the selected column stays.
    Goto {
        /// Document row.
        row: usize,
        /// File column.
        col: Option<usize>,
    },
    /// Undo the last change.
    Undo,
    /// Redo the change undone last.
    Redo,
    /// Copy the selection, then clear it.
    Cut,
    /// Copy the selection as tab-separated text.
    Copy,
    /// Ask the system for the clipboard (it arrives as [`Command::Paste`]).
    RequestPaste,
    /// Paste this text at the selection.
    Paste(String),
    /// Empty the selected cells.
    Clear,
    /// Select every shown cell.
    SelectAll,
    /// Copy the first selected row down the selection.
    FillDown,
    /// Open the Set value dialog.
    SetValue,
    /// Set this value in every selected cell (and close the Set value dialog).
    SetSelected(String),
    /// Insert a blank row above the selection.
    InsertAbove,
    /// Insert a blank row below the selection.
    InsertBelow,
    /// Duplicate the selected rows.
    DuplicateRows,
    /// Delete the selected rows.
    DeleteRows,
    /// Open the find strip.
    Find,
    /// Open the find strip with its replace row.
    Replace,
    /// Replace in the selected cell if it matches, then go to the next match.
    ReplaceOne,
    /// Replace every match, as one undo step.
    ReplaceAll,
    /// Open the list of changed cells.
    Review,
    /// Put these cells back as they were when the file was opened.
    Revert(Vec<CellChange>),
    /// Apply one cell's fix.
    Fix {
        /// Document row.
        row: usize,
        /// File column.
        col: usize,
    },
    /// Preview every fix like this cell's.
    FixLike {
        /// Document row.
        row: usize,
        /// File column.
        col: usize,
    },
    /// Preview every fix.
    FixAll,
    /// Preview dropping the blank rows.
    DropBlankRows,
    /// Preview putting the columns in the template's order.
    ColumnOrder,
    /// Apply the previewed changes.
    ApplyPreview,
    /// Open the roster dialog.
    Roster,
    /// Read this roster file and cross-check with it.
    LoadRoster(PathBuf),
    /// Stop the roster cross-check.
    ClearRoster,
    /// Show only rows with errors, or all again.
    ErrorsOnly,
    /// Show only rows with a cell containing this text.
    FilterRows(String),
    /// Sort the view by the selected column, A to Z.
    SortAscending,
    /// Sort the view by the selected column, Z to A.
    SortDescending,
    /// Sort the view by a file column (`true` descending); None: file order.
    Sort(Option<(usize, bool)>),
    /// Every row, in file order.
    ClearFilters,
    /// Stop a sort still running and show the rows as before it.
    CancelSort,
    /// Move the selection one row up (in an options list: the highlight).
    MoveUp,
    /// Move the selection one row down (in an options list: the highlight).
    MoveDown,
    /// Move the selection one column left.
    MoveLeft,
    /// Move the selection one column right.
    MoveRight,
    /// Grow the range one row up.
    ExtendUp,
    /// Grow the range one row down.
    ExtendDown,
    /// Grow the range one column left.
    ExtendLeft,
    /// Grow the range one column right.
    ExtendRight,
    /// Move a screen up.
    PageUp,
    /// Move a screen down.
    PageDown,
    /// Grow the range a screen up.
    ExtendPageUp,
    /// Grow the range a screen down.
    ExtendPageDown,
    /// Move to the first column.
    RowStart,
    /// Move to the last column.
    RowEnd,
    /// Grow the range to the first column.
    ExtendRowStart,
    /// Grow the range to the last column.
    ExtendRowEnd,
    /// Move to the first cell.
    FirstCell,
    /// Move to the last cell.
    LastCell,
    /// Grow the range to the first cell.
    ExtendFirstCell,
    /// Grow the range to the last cell.
    ExtendLastCell,
    /// Enter: commit the edit (or pick the option) and move down, through a range.
    Enter,
    /// Shift+Enter: move up, through a range.
    EnterUp,
    /// Tab: commit the edit and move right, along a range.
    Tab,
    /// Shift+Tab: commit the edit and move left, along a range.
    BackTab,
    /// Esc: drop the edit or close the options list.
    Cancel,
    /// Edit the selected cell, or open its options.
    EditCell,
    /// Open the selected enum cell's options.
    OpenOptions,
    /// Text typed on the grid: starts editing the selected cell with it.
    Type(String),
    /// Close the question or editing window on screen without doing anything.
    CloseDialog,
    /// Restore the unsaved edits a stopped run left.
    RestoreEdits,
    /// Delete the unsaved edits a stopped run left.
    DiscardEdits,
    /// Keep the unsaved edits a stopped run left, and ask another time.
    RestoreLater,
    /// Save, then go on.
    SaveThen(After),
    /// Drop the edits and go on.
    DiscardThen(After),
    /// Open this file.
    OpenPath(PathBuf),
    /// Show the workbook's sheets to choose another.
    ChooseSheet,
    /// Open this sheet of this workbook (asks about unsaved edits).
    OpenSheet(PathBuf, String),
    /// Ask the system for a file, starting from the path typed.
    Browse(BrowseFor, String),
    /// Save as chosen in the Save As dialog.
    SaveAsTo {
        /// Where.
        path: PathBuf,
        /// In which encoding.
        encoding: TextEncoding,
        /// In parts of at most the template's row limit.
        split: bool,
        /// Which rows to leave out.
        rows: RowChoice,
        /// What to do once saved.
        then: After,
    },
    /// Write the issue list to this file (from the Export issue list dialog).
    ExportIssuesTo(PathBuf),
    /// Overwrite the original file, then go on.
    Overwrite(PathBuf, After),
    /// Show the Save As dialog, then go on.
    ShowSaveAs(After),
    /// Save although errors remain, then go on.
    SaveDraft(PathBuf, After),
    /// Load this template file (from the Load template dialog).
    LoadTemplateFrom(PathBuf),
    /// The user agreed to replace these files: carry out the write that asked.
    ReplaceFiles {
        /// The files that may now be written over.
        files: Vec<PathBuf>,
        /// The write.
        then: Write,
    },
    /// Stop waiting for the system's file dialog (its answer is then ignored).
    StopPicking,
    /// Open the bundled sample file (from the start page).
    OpenSample,
    /// Write the template in use to a TOML file, to share it (asks where).
    ExportTemplate,
    /// Write the template in use to this file (from the Export template dialog).
    ExportTemplateTo(PathBuf),
    /// Show or hide the recent messages (a click on the status bar's message).
    Messages,
    /// Set one cell to a value: what the grid's editor commits (Enter, Tab, a click
    /// elsewhere) and what an options list picks.
    SetCell {
        /// Document row.
        row: usize,
        /// File column.
        col: usize,
        /// The new value.
        value: String,
    },
}

/// Which rows a save writes besides leaving out blank ones.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RowChoice {
    /// Only rows added or changed since the file was opened.
    pub only_changed: bool,
    /// Leave out the rows the roster marks "no change".
    pub skip_no_change: bool,
}

impl Default for Write {
    fn default() -> Self {
        Write::IssueList(PathBuf::new())
    }
}

impl RowChoice {
    /// Whether the file written holds fewer rows than the sheet (so it is not "the file").
    pub fn is_partial(self) -> bool {
        self.only_changed || self.skip_no_change
    }
}

/// What to do once a question is answered (and, for saving, once the save is done).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum After {
    /// Nothing more.
    #[default]
    Nothing,
    /// Open this file, or ask which one.
    Open(Option<PathBuf>),
    /// Open this sheet of this workbook.
    OpenSheet(PathBuf, String),
    /// Close the window.
    Close,
}

/// A write that asked before replacing files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Write {
    /// Save the document there (the error question answered), then go on.
    Save(PathBuf, After),
    /// Write the issue list there.
    IssueList(PathBuf),
    /// Write the template in use there.
    Template(PathBuf),
}

/// Which field a "Browse…" result fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BrowseFor {
    /// The Open dialog's path.
    #[default]
    Open,
    /// The Save As dialog's path (and the Export issue list dialog's).
    Save,
    /// The Load template dialog's path.
    Template,
    /// A template file to write.
    SaveTemplate,
}

impl Command {
    /// Commands that deal with a cell edit in progress themselves; any other ends it first,
    /// keeping what was typed.
    pub fn keeps_edit(&self) -> bool {
        matches!(
            self,
            Command::Enter
                | Command::Tab
                | Command::BackTab
                | Command::Cancel
                | Command::Type(_)
                | Command::Goto { .. }
        )
    }
}
