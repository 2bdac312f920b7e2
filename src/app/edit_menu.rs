//! The editing commands: their shortcuts, the Edit, View and Tools menus, and the context
//! menus on cells and row numbers. Each only names a command; the app carries it out.

use super::i18n::{Lang, tr};
use super::state::{CellPos, GridState};
use crate::Sheet;
use eframe::egui;
use egui::{Event, Key, KeyboardShortcut, Modifiers, Response, Ui};

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

const UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
const REDO: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
const REDO_Y: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);
const CUT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::X);
const COPY: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::C);
const PASTE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::V);
const SELECT_ALL: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::A);
const FILL_DOWN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::D);
const FIND: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);
const REPLACE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::H);
const DELETE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::Delete);

/// The editing shortcuts pressed this frame. `grid` is true when the grid has the
/// keyboard (no cell editor, no text field): only then are undo and the clipboard ours.
pub fn shortcuts(ctx: &egui::Context, grid: bool) -> Vec<EditCommand> {
    let mut out = Vec::new();
    ctx.input_mut(|i| {
        for (s, c) in [(FIND, EditCommand::Find), (REPLACE, EditCommand::Replace)] {
            if i.consume_shortcut(&s) {
                out.push(c);
            }
        }
        if !grid {
            return;
        }
        // Longer shortcuts first, so Ctrl+Shift+Z is not read as Ctrl+Z.
        let table = [
            (REDO, EditCommand::Redo),
            (UNDO, EditCommand::Undo),
            (REDO_Y, EditCommand::Redo),
            (SELECT_ALL, EditCommand::SelectAll),
            (FILL_DOWN, EditCommand::FillDown),
        ];
        for (s, c) in table {
            if i.consume_shortcut(&s) {
                out.push(c);
            }
        }
        // The system turns Ctrl+C/X/V into clipboard events; plain key presses (tests,
        // other back ends) count too.
        let mut keep = Vec::with_capacity(i.events.len());
        for e in i.events.drain(..) {
            match e {
                Event::Copy => out.push(EditCommand::Copy),
                Event::Cut => out.push(EditCommand::Cut),
                Event::Paste(text) => out.push(EditCommand::Paste(text)),
                Event::Key {
                    key: key @ (Key::C | Key::X | Key::V),
                    pressed: true,
                    modifiers,
                    ..
                } if modifiers.command && !modifiers.shift => out.push(match key {
                    Key::C => EditCommand::Copy,
                    Key::X => EditCommand::Cut,
                    _ => EditCommand::RequestPaste,
                }),
                other => keep.push(other),
            }
        }
        i.events = keep;
    });
    out
}

fn item(ui: &mut Ui, lang: Lang, label: &'static str, shortcut: Option<KeyboardShortcut>) -> bool {
    let mut button = egui::Button::new(tr(lang, label));
    if let Some(s) = shortcut {
        button = button.shortcut_text(ui.ctx().format_shortcut(&s));
    }
    ui.add(button).clicked()
}

fn item_if(
    ui: &mut Ui,
    lang: Lang,
    enabled: bool,
    label: &'static str,
    shortcut: Option<KeyboardShortcut>,
) -> bool {
    let mut button = egui::Button::new(tr(lang, label));
    if let Some(s) = shortcut {
        button = button.shortcut_text(ui.ctx().format_shortcut(&s));
    }
    ui.add_enabled(enabled, button).clicked()
}

/// The Edit, View and Tools menus; returns the command picked.
pub fn menus(ui: &mut Ui, lang: Lang, sheet: &Sheet, st: &GridState) -> Option<EditCommand> {
    let mut picked = None;
    let mut pick = |c: EditCommand| picked = Some(c);
    ui.menu_button(tr(lang, "Edit"), |ui| {
        if item_if(ui, lang, sheet.can_undo(), "Undo", Some(UNDO)) {
            pick(EditCommand::Undo);
        }
        if item_if(ui, lang, sheet.can_redo(), "Redo", Some(REDO)) {
            pick(EditCommand::Redo);
        }
        ui.separator();
        if item(ui, lang, "Cut", Some(CUT)) {
            pick(EditCommand::Cut);
        }
        if item(ui, lang, "Copy", Some(COPY)) {
            pick(EditCommand::Copy);
        }
        if item(ui, lang, "Paste", Some(PASTE)) {
            pick(EditCommand::RequestPaste);
        }
        if item(ui, lang, "Clear", Some(DELETE)) {
            pick(EditCommand::Clear);
        }
        if item(ui, lang, "Select all", Some(SELECT_ALL)) {
            pick(EditCommand::SelectAll);
        }
        ui.separator();
        if item(ui, lang, "Fill down", Some(FILL_DOWN)) {
            pick(EditCommand::FillDown);
        }
        if item(ui, lang, "Set value for selected cells…", None) {
            pick(EditCommand::SetValue);
        }
        ui.separator();
        for (label, c) in row_items() {
            if item(ui, lang, label, None) {
                pick(c);
            }
        }
        ui.separator();
        if item(ui, lang, "Find…", Some(FIND)) {
            pick(EditCommand::Find);
        }
        if item(ui, lang, "Replace…", Some(REPLACE)) {
            pick(EditCommand::Replace);
        }
        ui.separator();
        if item(ui, lang, "Review changes…", None) {
            pick(EditCommand::Review);
        }
    });
    ui.menu_button(tr(lang, "View"), |ui| {
        let mut errors_only = st.view.spec.errors_only;
        if ui
            .checkbox(&mut errors_only, tr(lang, "Only rows with errors"))
            .clicked()
        {
            pick(EditCommand::ErrorsOnly);
        }
        let col = st.selected.col;
        if item(ui, lang, "Sort by this column, ascending", None) {
            pick(EditCommand::Sort(Some((col, false))));
        }
        if item(ui, lang, "Sort by this column, descending", None) {
            pick(EditCommand::Sort(Some((col, true))));
        }
        if item_if(ui, lang, st.view.spec.sort.is_some(), "File order", None) {
            pick(EditCommand::Sort(None));
        }
        if item_if(ui, lang, !st.view.spec.is_identity(), "Show all rows", None) {
            pick(EditCommand::ClearFilters);
        }
    });
    ui.menu_button(tr(lang, "Tools"), |ui| {
        if item(ui, lang, "Fix all…", None) {
            pick(EditCommand::FixAll);
        }
        if item(ui, lang, "Drop blank rows…", None) {
            pick(EditCommand::DropBlankRows);
        }
        ui.separator();
        if item(ui, lang, "Cross-check with roster…", None) {
            pick(EditCommand::Roster);
        }
        if item_if(
            ui,
            lang,
            sheet.rules().roster.is_some(),
            "Stop roster cross-check",
            None,
        ) {
            pick(EditCommand::ClearRoster);
        }
    });
    picked
}

fn row_items() -> [(&'static str, EditCommand); 4] {
    [
        ("Insert row above", EditCommand::InsertAbove),
        ("Insert row below", EditCommand::InsertBelow),
        ("Duplicate rows", EditCommand::DuplicateRows),
        ("Delete rows", EditCommand::DeleteRows),
    ]
}

/// Right click on a cell: the clipboard, its fix, and the row operations.
pub fn cell_context_menu(resp: Response, sheet: &Sheet, st: &mut GridState, pos: CellPos) {
    let lang = st.lang;
    let mut picked = None;
    resp.context_menu(|ui| {
        if let Some(fix) = crate::fix::propose_cell(sheet, pos.row, pos.col) {
            let label = format!(
                "{}: {} → {}",
                tr(lang, "Fix"),
                shown(&fix.old),
                shown(&fix.new)
            );
            if ui.button(label).clicked() {
                picked = Some(EditCommand::Fix(pos.row, pos.col));
            }
            if item(ui, lang, "Fix all like this…", None) {
                picked = Some(EditCommand::FixLike(pos.row, pos.col));
            }
            ui.separator();
        }
        for (label, c) in [
            ("Cut", EditCommand::Cut),
            ("Copy", EditCommand::Copy),
            ("Paste", EditCommand::RequestPaste),
            ("Clear", EditCommand::Clear),
            ("Fill down", EditCommand::FillDown),
            ("Set value for selected cells…", EditCommand::SetValue),
        ] {
            if item(ui, lang, label, None) {
                picked = Some(c);
            }
        }
        ui.separator();
        for (label, c) in row_items() {
            if item(ui, lang, label, None) {
                picked = Some(c);
            }
        }
    });
    if let Some(c) = picked {
        st.requests.push(c);
    }
}

/// A value in a menu or a list: blanks and spaces made visible.
pub fn shown(value: &str) -> String {
    if value.is_empty() {
        "(blank)".to_string()
    } else {
        format!("“{value}”")
    }
}

/// The row number: a click selects the row (Shift extends), a right click offers the row
/// operations.
pub fn row_number_widget(ui: &mut Ui, st: &mut GridState, row: usize, rect: egui::Rect) {
    if !rect.is_positive() {
        return;
    }
    let id = egui::Id::unique(("bulksheet-row-number", row));
    let resp = ui.interact(rect, id, egui::Sense::click());
    resp.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::accesskit::Role::RowHeader,
            true,
            format!("Row number {}", row + 1),
        )
    });
    if resp.clicked() {
        let extend = ui.input(|i| i.modifiers.shift);
        st.select_row(row, extend);
        ui.memory_mut(|m| m.request_focus(super::grid::focus_id()));
    }
    if resp.secondary_clicked() && !st.selected_rows().contains(&row) {
        st.select_row(row, false);
    }
    let lang = st.lang;
    let mut picked = None;
    resp.context_menu(|ui| {
        for (label, c) in row_items() {
            if item(ui, lang, label, None) {
                picked = Some(c);
            }
        }
    });
    if let Some(c) = picked {
        st.requests.push(c);
    }
}
