//! A menu entry: its label in the window's language, its shortcut on the right.

use crate::app::command::EditCommand;
use crate::app::i18n::{Lang, tr};
use eframe::egui::{self, KeyboardShortcut, Ui};

/// An entry; true when clicked.
pub fn item(
    ui: &mut Ui,
    lang: Lang,
    label: &'static str,
    shortcut: Option<KeyboardShortcut>,
) -> bool {
    let mut button = egui::Button::new(tr(lang, label));
    if let Some(s) = shortcut {
        button = button.shortcut_text(ui.ctx().format_shortcut(&s));
    }
    ui.add(button).clicked()
}

/// An entry that can be greyed out; true when clicked.
pub fn item_if(
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

/// The row operations, in the Edit menu and the context menus.
pub fn row_items() -> [(&'static str, EditCommand); 4] {
    [
        ("Insert row above", EditCommand::InsertAbove),
        ("Insert row below", EditCommand::InsertBelow),
        ("Duplicate rows", EditCommand::DuplicateRows),
        ("Delete rows", EditCommand::DeleteRows),
    ]
}
