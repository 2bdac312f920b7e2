//! The command table: each kind of command with its name, its hint, its line in the
//! keyboard shortcuts panel, its keys and where they are listened for.

use super::{After, BrowseFor, Command};
use crate::app::settings::ThemeChoice;
use crate::encoding::TextEncoding;
use eframe::egui::{Key, KeyboardShortcut, Modifiers};
use std::path::PathBuf;

/// Where a key binding is listened for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scope(u8);

impl Scope {
    /// Anywhere in the window while no question is asked.
    pub const WINDOW: Scope = Scope(1);
    /// The grid has the keyboard (no cell editor, list or text field).
    pub const GRID: Scope = Scope(2);
    /// A cell is being edited.
    pub const EDITOR: Scope = Scope(4);
    /// An enum cell's options are open.
    pub const LIST: Scope = Scope(8);
    /// Nowhere: no key.
    pub const NONE: Scope = Scope(0);

    /// Both scopes.
    pub const fn or(self, other: Scope) -> Scope {
        Scope(self.0 | other.0)
    }

    /// Shares a place with `other`.
    pub fn meets(self, other: Scope) -> bool {
        self.0 & other.0 != 0
    }
}

/// A command's names and keys.
#[derive(Debug)]
pub struct Entry {
    /// A command of the kind described (values in it are placeholders).
    pub command: Command,
    /// Its name in menus and buttons (English; shown through `tr`).
    pub label: &'static str,
    /// Its tooltip, or "".
    pub hint: &'static str,
    /// Its line in the keyboard shortcuts panel, or "" to leave it out; entries next to
    /// each other with the same line share it.
    pub help: &'static str,
    /// Its shortcuts, the first shown in menus.
    pub keys: &'static [KeyboardShortcut],
    /// Where its keys are listened for.
    pub scope: Scope,
}

const fn key(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}

const NONE: Modifiers = Modifiers::NONE;
const SHIFT: Modifiers = Modifiers::SHIFT;
const CTRL: Modifiers = Modifiers::COMMAND;
const CTRL_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);
const ALT: Modifiers = Modifiers::ALT;

const W: Scope = Scope::WINDOW;
const G: Scope = Scope::GRID;
const E: Scope = Scope::EDITOR;
const L: Scope = Scope::LIST;
const X: Scope = Scope::NONE;

const fn e(
    command: Command,
    label: &'static str,
    hint: &'static str,
    help: &'static str,
    keys: &'static [KeyboardShortcut],
    scope: Scope,
) -> Entry {
    Entry {
        command,
        label,
        hint,
        help,
        keys,
        scope,
    }
}

/// Every command: the keyboard shortcuts panel lists them in this order.
#[rustfmt::skip]
pub static COMMANDS: &[Entry] = &[
    e(Command::Open, "Open…", "Open a CSV file or a workbook", "Open a file", &[key(CTRL, Key::O)], W),
    e(Command::Save, "Save", "Save the file", "Save", &[key(CTRL, Key::S)], W),
    e(Command::SaveAs, "Save As…", "Save under another name, encoding or in parts",
        "Save as, with a choice of encoding and splitting", &[key(CTRL_SHIFT, Key::S)], W),
    e(Command::ExportIssues, "Export issue list…",
        "Write the issues (row, column, severity, code, message) to a CSV file for whoever fixes the rows",
        "", &[], X),
    e(Command::Quit, "Quit", "Close the window", "Quit", &[key(CTRL, Key::Q)], W),
    e(Command::Undo, "Undo", "", "Undo", &[key(CTRL, Key::Z)], G),
    e(Command::Redo, "Redo", "", "Redo", &[key(CTRL_SHIFT, Key::Z), key(CTRL, Key::Y)], G),
    e(Command::Copy, "Copy", "", "Copy the selected cells", &[key(CTRL, Key::C)], G),
    e(Command::Cut, "Cut", "", "Cut the selected cells", &[key(CTRL, Key::X)], G),
    e(Command::RequestPaste, "Paste", "", "Paste (tab-separated, as from Excel)",
        &[key(CTRL, Key::V)], G),
    e(Command::SelectAll, "Select all", "", "Select all cells", &[key(CTRL, Key::A)], G),
    e(Command::FillDown, "Fill down", "", "Fill down from the first selected row",
        &[key(CTRL, Key::D)], G),
    e(Command::Find, "Find…", "", "Find", &[key(CTRL, Key::F)], W),
    e(Command::Replace, "Replace…", "", "Find and replace", &[key(CTRL, Key::H)], W),
    e(Command::Clear, "Clear", "", "Clear the selected cells", &[key(NONE, Key::Delete)], G),
    e(Command::EditCell, "Edit the cell, or open its list of options", "",
        "Edit the cell, or open its list of options", &[key(NONE, Key::F2)], G),
    e(Command::OpenOptions, "Open the list of options of an enum cell", "",
        "Open the list of options of an enum cell", &[key(ALT, Key::ArrowDown)], G),
    e(Command::Enter, "Commit the edit and move down (inside a selected range: through the range)",
        "", "Commit the edit and move down (inside a selected range: through the range)",
        &[key(NONE, Key::Enter)], G.or(E).or(L)),
    e(Command::EnterUp, "Move up", "", "Move up", &[key(SHIFT, Key::Enter)], G),
    e(Command::Tab, "Commit the edit and move right / left (inside a range: along its rows)", "",
        "Commit the edit and move right / left (inside a range: along its rows)",
        &[key(NONE, Key::Tab)], G.or(E)),
    e(Command::BackTab, "Commit the edit and move right / left (inside a range: along its rows)",
        "", "Commit the edit and move right / left (inside a range: along its rows)",
        &[key(SHIFT, Key::Tab)], G.or(E)),
    e(Command::Cancel, "Cancel the edit or close the list", "", "Cancel the edit or close the list",
        &[key(NONE, Key::Escape)], E.or(L)),
    e(Command::MoveUp, "Move the selection", "", "Move the selection",
        &[key(NONE, Key::ArrowUp)], G.or(L)),
    e(Command::MoveDown, "Move the selection", "", "Move the selection",
        &[key(NONE, Key::ArrowDown)], G.or(L)),
    e(Command::MoveLeft, "Move the selection", "", "Move the selection",
        &[key(NONE, Key::ArrowLeft)], G),
    e(Command::MoveRight, "Move the selection", "", "Move the selection",
        &[key(NONE, Key::ArrowRight)], G),
    e(Command::ExtendUp, "Extend the selection", "", "Extend the selection",
        &[key(SHIFT, Key::ArrowUp)], G),
    e(Command::ExtendDown, "Extend the selection", "", "Extend the selection",
        &[key(SHIFT, Key::ArrowDown)], G),
    e(Command::ExtendLeft, "Extend the selection", "", "Extend the selection",
        &[key(SHIFT, Key::ArrowLeft)], G),
    e(Command::ExtendRight, "Extend the selection", "", "Extend the selection",
        &[key(SHIFT, Key::ArrowRight)], G),
    e(Command::PageUp, "Move a screen up / down", "", "Move a screen up / down",
        &[key(NONE, Key::PageUp)], G),
    e(Command::PageDown, "Move a screen up / down", "", "Move a screen up / down",
        &[key(NONE, Key::PageDown)], G),
    e(Command::RowStart, "Move to the first / last column", "", "Move to the first / last column",
        &[key(NONE, Key::Home)], G),
    e(Command::RowEnd, "Move to the first / last column", "", "Move to the first / last column",
        &[key(NONE, Key::End)], G),
    e(Command::FirstCell, "Move to the first / last cell", "", "Move to the first / last cell",
        &[key(CTRL, Key::Home)], G),
    e(Command::LastCell, "Move to the first / last cell", "", "Move to the first / last cell",
        &[key(CTRL, Key::End)], G),
    e(Command::NextError, "Next error", "Go to the next error", "Next / previous error",
        &[key(NONE, Key::F8)], W),
    e(Command::PreviousError, "Previous error", "Go to the previous error",
        "Next / previous error", &[key(SHIFT, Key::F8)], W),
    e(Command::Help, "Keyboard shortcuts", "Every keyboard shortcut", "Show or hide this help",
        &[key(NONE, Key::F1)], W),
    // Keys the panel leaves out: the range grows with Shift as with the arrows.
    e(Command::ExtendPageUp, "Extend the selection", "", "", &[key(SHIFT, Key::PageUp)], G),
    e(Command::ExtendPageDown, "Extend the selection", "", "", &[key(SHIFT, Key::PageDown)], G),
    e(Command::ExtendRowStart, "Extend the selection", "", "", &[key(SHIFT, Key::Home)], G),
    e(Command::ExtendRowEnd, "Extend the selection", "", "", &[key(SHIFT, Key::End)], G),
    e(Command::ExtendFirstCell, "Extend the selection", "", "", &[key(CTRL_SHIFT, Key::Home)], G),
    e(Command::ExtendLastCell, "Extend the selection", "", "", &[key(CTRL_SHIFT, Key::End)], G),
    // No key of their own.
    e(Command::OpenRecent(0), "Open Recent", "", "", &[], X),
    e(Command::ClearRecent, "Clear recent files", "Empty the File → Open Recent list", "", &[], X),
    e(Command::LoadTemplate, "Load template…", "Load a template from a TOML file", "", &[], X),
    e(Command::UseTemplate(0), "Template:", "Check the file against this template", "", &[], X),
    e(Command::SetLang(None), "Language", "The language of menus, dialogs and messages", "",
        &[], X),
    e(Command::SetTheme(ThemeChoice::System), "Theme", "Light or dark colours", "", &[], X),
    e(Command::Settings, "Settings…", "Language and theme", "", &[], X),
    e(Command::SidePanel, "Side panel", "Hide or show the side panel, for more room in the grid",
        "", &[], X),
    e(Command::Subscribe { product: String::new(), on: false }, "Subscriptions",
        "On: this product's columns must be filled in", "", &[], X),
    e(Command::Goto { row: 0, col: None }, "Go", "", "", &[], X),
    e(Command::Paste(String::new()), "Paste", "", "", &[], X),
    e(Command::SetValue, "Set value for selected cells…", "", "", &[], X),
    e(Command::SetSelected(String::new()), "Set", "", "", &[], X),
    e(Command::InsertAbove, "Insert row above", "", "", &[], X),
    e(Command::InsertBelow, "Insert row below", "", "", &[], X),
    e(Command::DuplicateRows, "Duplicate rows", "", "", &[], X),
    e(Command::DeleteRows, "Delete rows", "", "", &[], X),
    e(Command::ReplaceOne, "Replace", "", "", &[], X),
    e(Command::ReplaceAll, "Replace all", "", "", &[], X),
    e(Command::Review, "Review changes…", "", "", &[], X),
    e(Command::Revert(Vec::new()), "Revert", "", "", &[], X),
    e(Command::Fix { row: 0, col: 0 }, "Fix", "", "", &[], X),
    e(Command::FixLike { row: 0, col: 0 }, "Fix all like this…", "", "", &[], X),
    e(Command::FixAll, "Fix all…", "", "", &[], X),
    e(Command::DropBlankRows, "Drop blank rows…", "", "", &[], X),
    e(Command::ColumnOrder, "Put columns in the template's order…", "", "", &[], X),
    e(Command::ApplyPreview, "Apply", "", "", &[], X),
    e(Command::Roster, "Cross-check with roster…", "", "", &[], X),
    e(Command::LoadRoster(PathBuf::new()), "Cross-check", "", "", &[], X),
    e(Command::ClearRoster, "Stop roster cross-check", "", "", &[], X),
    e(Command::ErrorsOnly, "Only rows with errors", "", "", &[], X),
    e(Command::FilterRows(String::new()), "Filter rows:", "", "", &[], X),
    e(Command::SortAscending, "Sort by this column, ascending", "", "", &[], X),
    e(Command::SortDescending, "Sort by this column, descending", "", "", &[], X),
    e(Command::Sort(None), "File order", "", "", &[], X),
    e(Command::ClearFilters, "Show all rows", "", "", &[], X),
    e(Command::CancelSort, "Cancel sorting", "", "", &[], X),
    e(Command::Type(String::new()), "Edit", "", "", &[], X),
    e(Command::CloseDialog, "Cancel", "", "", &[], X),
    e(Command::SaveThen(After::Nothing), "Save", "", "", &[], X),
    e(Command::DiscardThen(After::Nothing), "Don't save", "", "", &[], X),
    e(Command::OpenPath(PathBuf::new()), "Open", "", "", &[], X),
    e(Command::ChooseSheet, "Choose sheet…", "Read another sheet of the workbook", "", &[], X),
    e(Command::OpenSheet(PathBuf::new(), String::new()), "Open sheet", "", "", &[], X),
    e(Command::Browse(BrowseFor::Open, String::new()), "Browse…",
        "Choose the file with the system's file dialog", "", &[], X),
    e(Command::SaveAsTo { path: PathBuf::new(), encoding: TextEncoding::Utf8, split: false,
        rows: super::RowChoice { only_changed: false, skip_no_change: false },
        then: After::Nothing }, "Save file", "", "", &[], X),
    e(Command::ExportIssuesTo(PathBuf::new()), "Export", "", "", &[], X),
    e(Command::Overwrite(PathBuf::new(), After::Nothing), "Overwrite", "", "", &[], X),
    e(Command::ShowSaveAs(After::Nothing), "Save as…", "", "", &[], X),
    e(Command::SaveDraft(PathBuf::new(), After::Nothing),
        "Save anyway as draft (not ready for upload)", "", "", &[], X),
    e(Command::LoadTemplateFrom(PathBuf::new()), "Load", "", "", &[], X),
    e(Command::RestoreEdits, "Restore", "", "", &[], X),
    e(Command::DiscardEdits, "Discard", "", "", &[], X),
    e(Command::RestoreLater, "Later", "", "", &[], X),
    e(Command::ReplaceFiles { files: Vec::new(), then: super::Write::IssueList(PathBuf::new()) },
        "Replace", "", "", &[], X),
    e(Command::StopPicking, "Cancel", "", "", &[], X),
    e(Command::Messages, "Recent messages", "Everything the status bar said lately, whole",
        "", &[], X),
    e(Command::OpenSample, "Open the sample file",
        "A small file of users with typical mistakes, to try the editor on", "", &[], X),
    e(Command::SetCell { row: 0, col: 0, value: String::new() }, "Set cell", "", "", &[], X),
];

impl Command {
    /// The table's entry for this kind of command.
    pub fn entry(&self) -> &'static Entry {
        let kind = std::mem::discriminant(self);
        COMMANDS
            .iter()
            .find(|e| std::mem::discriminant(&e.command) == kind)
            .unwrap_or(&MISSING)
    }

    /// The first shortcut, as menus show it.
    pub fn shortcut(&self) -> Option<KeyboardShortcut> {
        self.entry().keys.first().copied()
    }
}

/// Stands in for a command left out of the table (a unit test keeps it unused).
static MISSING: Entry = e(Command::CloseDialog, "", "", "", &[], X);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_of_command_is_in_the_table_once() {
        for (i, a) in COMMANDS.iter().enumerate() {
            let kind = std::mem::discriminant(&a.command);
            let twice = COMMANDS[i + 1..]
                .iter()
                .any(|b| std::mem::discriminant(&b.command) == kind);
            assert!(!twice, "{:?} is in the table twice", a.command);
            assert!(!a.label.is_empty(), "{:?} has no label", a.command);
            assert!(
                a.keys.is_empty() == (a.scope == Scope::NONE),
                "{:?}: keys and scope disagree",
                a.command
            );
        }
    }
}
