//! The command table: each kind of command with its name, its hint, its line in the
//! keyboard shortcuts panel, its keys and where they are listened for, as one exhaustive
//! match; and the list of the commands with keys, in the shortcuts panel's order.

use super::Command;
use eframe::egui::{Key, KeyboardShortcut, Modifiers};

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
#[derive(Debug, Clone, Copy)]
pub struct Entry {
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
    label: &'static str,
    hint: &'static str,
    help: &'static str,
    keys: &'static [KeyboardShortcut],
    scope: Scope,
) -> Entry {
    Entry {
        label,
        hint,
        help,
        keys,
        scope,
    }
}

impl Command {
    /// This kind of command's names and keys. An exhaustive match: a new variant without
    /// its label, hint and keys does not compile. (Each entry is built at compile time, so
    /// its keys are `'static`.)
    #[rustfmt::skip]
    pub fn entry(&self) -> Entry {
        match self {
            Command::Open => {
                const K: &[KeyboardShortcut] = &[key(CTRL, Key::O)];
                e("Open…", "Open a CSV file or a workbook", "Open a file", K, W)
            }
            Command::Save => {
                const K: &[KeyboardShortcut] = &[key(CTRL, Key::S)];
                e("Save", "Save the file", "Save", K, W)
            }
            Command::SaveAs => {
                const K: &[KeyboardShortcut] = &[key(CTRL_SHIFT, Key::S)];
                e("Save As…", "Save under another name, encoding or in parts", "Save as, with a choice of encoding and splitting", K, W)
            }
            Command::ExportIssues => e("Export issue list…", "Write the issues (row, column, severity, code, message) to a CSV file for whoever fixes the rows", "", &[], X),
            Command::Quit => {
                const K: &[KeyboardShortcut] = &[key(CTRL, Key::Q)];
                e("Quit", "Close the window", "Quit", K, W)
            }
            Command::Undo => {
                const K: &[KeyboardShortcut] = &[key(CTRL, Key::Z)];
                e("Undo", "", "Undo", K, G)
            }
            Command::Redo => {
                const K: &[KeyboardShortcut] = &[key(CTRL_SHIFT, Key::Z), key(CTRL, Key::Y)];
                e("Redo", "", "Redo", K, G)
            }
            Command::Copy => {
                const K: &[KeyboardShortcut] = &[key(CTRL, Key::C)];
                e("Copy", "", "Copy the selected cells", K, G)
            }
            Command::Cut => {
                const K: &[KeyboardShortcut] = &[key(CTRL, Key::X)];
                e("Cut", "", "Cut the selected cells", K, G)
            }
            Command::RequestPaste => {
                const K: &[KeyboardShortcut] = &[key(CTRL, Key::V)];
                e("Paste", "", "Paste (tab-separated, as from Excel)", K, G)
            }
            Command::SelectAll => {
                const K: &[KeyboardShortcut] = &[key(CTRL, Key::A)];
                e("Select all", "", "Select all cells", K, G)
            }
            Command::FillDown => {
                const K: &[KeyboardShortcut] = &[key(CTRL, Key::D)];
                e("Fill down", "", "Fill down from the first selected row", K, G)
            }
            Command::Find => {
                const K: &[KeyboardShortcut] = &[key(CTRL, Key::F)];
                e("Find…", "", "Find", K, W)
            }
            Command::Replace => {
                const K: &[KeyboardShortcut] = &[key(CTRL, Key::H)];
                e("Replace…", "", "Find and replace", K, W)
            }
            Command::Clear => {
                const K: &[KeyboardShortcut] = &[key(NONE, Key::Delete)];
                e("Clear", "", "Clear the selected cells", K, G)
            }
            Command::EditCell => {
                const K: &[KeyboardShortcut] = &[key(NONE, Key::F2)];
                e("Edit the cell, or open its list of options", "", "Edit the cell, or open its list of options", K, G)
            }
            Command::OpenOptions => {
                const K: &[KeyboardShortcut] = &[key(ALT, Key::ArrowDown)];
                e("Open the list of options of an enum cell", "", "Open the list of options of an enum cell", K, G)
            }
            Command::Enter => {
                const K: &[KeyboardShortcut] = &[key(NONE, Key::Enter)];
                e("Commit the edit and move down (inside a selected range: through the range)", "", "Commit the edit and move down (inside a selected range: through the range)", K, G.or(E).or(L))
            }
            Command::EnterUp => {
                const K: &[KeyboardShortcut] = &[key(SHIFT, Key::Enter)];
                e("Move up", "", "Move up", K, G)
            }
            Command::Tab => {
                const K: &[KeyboardShortcut] = &[key(NONE, Key::Tab)];
                e("Commit the edit and move right / left (inside a range: along its rows)", "", "Commit the edit and move right / left (inside a range: along its rows)", K, G.or(E))
            }
            Command::BackTab => {
                const K: &[KeyboardShortcut] = &[key(SHIFT, Key::Tab)];
                e("Commit the edit and move right / left (inside a range: along its rows)", "", "Commit the edit and move right / left (inside a range: along its rows)", K, G.or(E))
            }
            Command::Cancel => {
                const K: &[KeyboardShortcut] = &[key(NONE, Key::Escape)];
                e("Cancel the edit or close the list", "", "Cancel the edit or close the list", K, E.or(L))
            }
            Command::MoveUp => {
                const K: &[KeyboardShortcut] = &[key(NONE, Key::ArrowUp)];
                e("Move the selection", "", "Move the selection", K, G.or(L))
            }
            Command::MoveDown => {
                const K: &[KeyboardShortcut] = &[key(NONE, Key::ArrowDown)];
                e("Move the selection", "", "Move the selection", K, G.or(L))
            }
            Command::MoveLeft => {
                const K: &[KeyboardShortcut] = &[key(NONE, Key::ArrowLeft)];
                e("Move the selection", "", "Move the selection", K, G)
            }
            Command::MoveRight => {
                const K: &[KeyboardShortcut] = &[key(NONE, Key::ArrowRight)];
                e("Move the selection", "", "Move the selection", K, G)
            }
            Command::ExtendUp => {
                const K: &[KeyboardShortcut] = &[key(SHIFT, Key::ArrowUp)];
                e("Extend the selection", "", "Extend the selection", K, G)
            }
            Command::ExtendDown => {
                const K: &[KeyboardShortcut] = &[key(SHIFT, Key::ArrowDown)];
                e("Extend the selection", "", "Extend the selection", K, G)
            }
            Command::ExtendLeft => {
                const K: &[KeyboardShortcut] = &[key(SHIFT, Key::ArrowLeft)];
                e("Extend the selection", "", "Extend the selection", K, G)
            }
            Command::ExtendRight => {
                const K: &[KeyboardShortcut] = &[key(SHIFT, Key::ArrowRight)];
                e("Extend the selection", "", "Extend the selection", K, G)
            }
            Command::PageUp => {
                const K: &[KeyboardShortcut] = &[key(NONE, Key::PageUp)];
                e("Move a screen up / down", "", "Move a screen up / down", K, G)
            }
            Command::PageDown => {
                const K: &[KeyboardShortcut] = &[key(NONE, Key::PageDown)];
                e("Move a screen up / down", "", "Move a screen up / down", K, G)
            }
            Command::RowStart => {
                const K: &[KeyboardShortcut] = &[key(NONE, Key::Home)];
                e("Move to the first / last column", "", "Move to the first / last column", K, G)
            }
            Command::RowEnd => {
                const K: &[KeyboardShortcut] = &[key(NONE, Key::End)];
                e("Move to the first / last column", "", "Move to the first / last column", K, G)
            }
            Command::FirstCell => {
                const K: &[KeyboardShortcut] = &[key(CTRL, Key::Home)];
                e("Move to the first / last cell", "", "Move to the first / last cell", K, G)
            }
            Command::LastCell => {
                const K: &[KeyboardShortcut] = &[key(CTRL, Key::End)];
                e("Move to the first / last cell", "", "Move to the first / last cell", K, G)
            }
            Command::NextError => {
                const K: &[KeyboardShortcut] = &[key(NONE, Key::F8)];
                e("Next error", "Go to the next error", "Next / previous error", K, W)
            }
            Command::PreviousError => {
                const K: &[KeyboardShortcut] = &[key(SHIFT, Key::F8)];
                e("Previous error", "Go to the previous error", "Next / previous error", K, W)
            }
            Command::Help => {
                const K: &[KeyboardShortcut] = &[key(NONE, Key::F1)];
                e("Keyboard shortcuts", "Every keyboard shortcut", "Show or hide this help", K, W)
            }
            Command::ExtendPageUp => {
                const K: &[KeyboardShortcut] = &[key(SHIFT, Key::PageUp)];
                e("Extend the selection", "", "", K, G)
            }
            Command::ExtendPageDown => {
                const K: &[KeyboardShortcut] = &[key(SHIFT, Key::PageDown)];
                e("Extend the selection", "", "", K, G)
            }
            Command::ExtendRowStart => {
                const K: &[KeyboardShortcut] = &[key(SHIFT, Key::Home)];
                e("Extend the selection", "", "", K, G)
            }
            Command::ExtendRowEnd => {
                const K: &[KeyboardShortcut] = &[key(SHIFT, Key::End)];
                e("Extend the selection", "", "", K, G)
            }
            Command::ExtendFirstCell => {
                const K: &[KeyboardShortcut] = &[key(CTRL_SHIFT, Key::Home)];
                e("Extend the selection", "", "", K, G)
            }
            Command::ExtendLastCell => {
                const K: &[KeyboardShortcut] = &[key(CTRL_SHIFT, Key::End)];
                e("Extend the selection", "", "", K, G)
            }
            Command::OpenRecent(..) => e("Open Recent", "", "", &[], X),
            Command::ClearRecent => e("Clear recent files", "Empty the File → Open Recent list", "", &[], X),
            Command::LoadTemplate => e("Load template…", "Load a template from a TOML file", "", &[], X),
            Command::UseTemplate(..) => e("Template:", "Check the file against this template", "", &[], X),
            Command::NewTemplateFromFile => e("New template from this file…", "Infer a template from this file's columns and edit it", "", &[], X),
            Command::EditTemplate => e("Edit template…", "Edit the template in use (one you made or loaded)", "", &[], X),
            Command::DuplicateTemplate => e("Duplicate template…", "Edit a copy of the template in use (a built-in one too)", "", &[], X),
            Command::SaveTemplate => e("Save template", "Save the template in your templates folder and add it to the Template menu", "", &[], X),
            Command::CloseTemplateEditor => e("Close", "", "", &[], X),
            Command::SetCell { .. } => e("Set cell", "", "", &[], X),
            Command::ExportTemplateTo(..) => e("Export", "", "", &[], X),
            Command::ExportTemplate => e("Export template…", "Write the template in use to a TOML file to share it with colleagues (Load template… reads it)", "", &[], X),
            Command::SetLang(..) => e("Language", "The language of menus, dialogs and messages", "", &[], X),
            Command::SetTheme(..) => e("Theme", "Light or dark colours", "", &[], X),
            Command::Settings => e("Settings…", "Language and theme", "", &[], X),
            Command::SidePanel => e("Side panel", "Hide or show the side panel, for more room in the grid", "", &[], X),
            Command::Subscribe { .. } => e("Subscriptions", "On: this product's columns must be filled in", "", &[], X),
            Command::Goto { .. } => e("Go", "", "", &[], X),
            Command::Paste(..) => e("Paste", "", "", &[], X),
            Command::SetValue => e("Set value for selected cells…", "", "", &[], X),
            Command::SetSelected(..) => e("Set", "", "", &[], X),
            Command::InsertAbove => e("Insert row above", "", "", &[], X),
            Command::InsertBelow => e("Insert row below", "", "", &[], X),
            Command::DuplicateRows => e("Duplicate rows", "", "", &[], X),
            Command::DeleteRows => e("Delete rows", "", "", &[], X),
            Command::ReplaceOne => e("Replace", "", "", &[], X),
            Command::ReplaceAll => e("Replace all", "", "", &[], X),
            Command::Review => e("Review changes…", "", "", &[], X),
            Command::Revert(..) => e("Revert", "", "", &[], X),
            Command::Fix { .. } => e("Fix", "", "", &[], X),
            Command::FixLike { .. } => e("Fix all like this…", "", "", &[], X),
            Command::FixAll => e("Fix all…", "", "", &[], X),
            Command::DropBlankRows => e("Drop blank rows…", "", "", &[], X),
            Command::ColumnOrder => e("Put columns in the template's order…", "", "", &[], X),
            Command::ApplyPreview => e("Apply", "", "", &[], X),
            Command::Roster => e("Cross-check with roster…", "", "", &[], X),
            Command::LoadRoster(..) => e("Cross-check", "", "", &[], X),
            Command::ClearRoster => e("Stop roster cross-check", "", "", &[], X),
            Command::ErrorsOnly => e("Only rows with errors", "", "", &[], X),
            Command::FilterRows(..) => e("Filter rows:", "", "", &[], X),
            Command::SortAscending => e("Sort by this column, ascending", "", "", &[], X),
            Command::SortDescending => e("Sort by this column, descending", "", "", &[], X),
            Command::Sort(..) => e("File order", "", "", &[], X),
            Command::ClearFilters => e("Show all rows", "", "", &[], X),
            Command::CancelSort => e("Cancel sorting", "", "", &[], X),
            Command::Type(..) => e("Edit", "", "", &[], X),
            Command::CloseDialog => e("Cancel", "", "", &[], X),
            Command::SaveThen(..) => e("Save", "", "", &[], X),
            Command::DiscardThen(..) => e("Don't save", "", "", &[], X),
            Command::OpenPath(..) => e("Open", "", "", &[], X),
            Command::ChooseSheet => e("Choose sheet…", "Read another sheet of the workbook", "", &[], X),
            Command::OpenSheet(..) => e("Open sheet", "", "", &[], X),
            Command::Browse(..) => e("Browse…", "Choose the file with the system's file dialog", "", &[], X),
            Command::SaveAsTo { .. } => e("Save file", "", "", &[], X),
            Command::ExportIssuesTo(..) => e("Export", "", "", &[], X),
            Command::Overwrite(..) => e("Overwrite", "", "", &[], X),
            Command::ShowSaveAs(..) => e("Save as…", "", "", &[], X),
            Command::SaveDraft(..) => e("Save anyway as draft (not ready for upload)", "", "", &[], X),
            Command::LoadTemplateFrom(..) => e("Load", "", "", &[], X),
            Command::RestoreEdits => e("Restore", "", "", &[], X),
            Command::DiscardEdits => e("Discard", "", "", &[], X),
            Command::RestoreLater => e("Later", "", "", &[], X),
            Command::ReplaceFiles { .. } => e("Replace", "", "", &[], X),
            Command::StopPicking => e("Cancel", "", "", &[], X),
            Command::Messages => e("Recent messages", "Everything the status bar said lately, whole", "", &[], X),
            Command::OpenSample => e("Open the sample file", "A small file of users with typical mistakes, to try the editor on", "", &[], X),
        }
    }

    /// The first shortcut, as menus show it.
    pub fn shortcut(&self) -> Option<KeyboardShortcut> {
        self.entry().keys.first().copied()
    }
}

/// The commands that have keys or a line in the keyboard shortcuts panel, in the panel's
/// order (a key carries no value, so each is a plain variant). A test checks that every
/// command with keys or a line is here.
pub static KEYED: &[Command] = &[
    Command::Open,
    Command::Save,
    Command::SaveAs,
    Command::Quit,
    Command::Undo,
    Command::Redo,
    Command::Copy,
    Command::Cut,
    Command::RequestPaste,
    Command::SelectAll,
    Command::FillDown,
    Command::Find,
    Command::Replace,
    Command::Clear,
    Command::EditCell,
    Command::OpenOptions,
    Command::Enter,
    Command::EnterUp,
    Command::Tab,
    Command::BackTab,
    Command::Cancel,
    Command::MoveUp,
    Command::MoveDown,
    Command::MoveLeft,
    Command::MoveRight,
    Command::ExtendUp,
    Command::ExtendDown,
    Command::ExtendLeft,
    Command::ExtendRight,
    Command::PageUp,
    Command::PageDown,
    Command::RowStart,
    Command::RowEnd,
    Command::FirstCell,
    Command::LastCell,
    Command::NextError,
    Command::PreviousError,
    Command::Help,
    Command::ExtendPageUp,
    Command::ExtendPageDown,
    Command::ExtendRowStart,
    Command::ExtendRowEnd,
    Command::ExtendFirstCell,
    Command::ExtendLastCell,
];

#[cfg(test)]
mod tests {
    use super::*;
    use strum::IntoEnumIterator;

    #[test]
    fn every_command_with_keys_or_a_help_line_is_listed_once_and_named() {
        let kind = std::mem::discriminant::<Command>;
        for (i, c) in KEYED.iter().enumerate() {
            assert!(
                !KEYED[i + 1..].iter().any(|d| kind(d) == kind(c)),
                "{c:?} is listed twice"
            );
        }
        for c in Command::iter() {
            let e = c.entry();
            assert!(!e.label.is_empty(), "{c:?} has no label");
            assert!(
                e.keys.is_empty() == (e.scope == Scope::NONE),
                "{c:?}: keys and scope disagree"
            );
            if !e.keys.is_empty() || !e.help.is_empty() {
                assert!(
                    KEYED.iter().any(|k| kind(k) == kind(&c)),
                    "{c:?} is not in KEYED"
                );
            }
        }
    }
}
