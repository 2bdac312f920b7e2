//! The editing commands: their shortcuts and the Edit, View and Tools menus. Each only
//! names a command; the app carries it out.

use super::item::{item, item_if, row_items};
use crate::Sheet;
use crate::app::command::EditCommand;
use crate::app::grid::state::GridState;
use crate::app::i18n::{Lang, tr};
use eframe::egui;
use egui::{Event, Key, KeyboardShortcut, Modifiers, Ui};

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
        let mut errors_only = st.spec().errors_only;
        if ui
            .checkbox(&mut errors_only, tr(lang, "Only rows with errors"))
            .clicked()
        {
            pick(EditCommand::ErrorsOnly);
        }
        let col = st.selected().col;
        if item(ui, lang, "Sort by this column, ascending", None) {
            pick(EditCommand::Sort(Some((col, false))));
        }
        if item(ui, lang, "Sort by this column, descending", None) {
            pick(EditCommand::Sort(Some((col, true))));
        }
        if item_if(ui, lang, st.spec().sort.is_some(), "File order", None) {
            pick(EditCommand::Sort(None));
        }
        if item_if(ui, lang, !st.spec().is_identity(), "Show all rows", None) {
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
