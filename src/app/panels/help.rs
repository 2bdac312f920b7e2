//! The Help panel (F1): every keyboard shortcut, from the one table below.

use crate::app::i18n::{Lang, tr};
use crate::app::theme;
use eframe::egui;

/// Keys and what they do (the action is translated when shown). Keep this the only list of
/// shortcuts in the documentation: the panel and the README follow it.
pub const SHORTCUTS: &[(&str, &str)] = &[
    ("Ctrl+O", "Open a file"),
    ("Ctrl+S", "Save"),
    (
        "Ctrl+Shift+S",
        "Save as, with a choice of encoding and splitting",
    ),
    ("Ctrl+Q", "Quit"),
    ("Ctrl+Z", "Undo"),
    ("Ctrl+Shift+Z / Ctrl+Y", "Redo"),
    ("Ctrl+C", "Copy the selected cells"),
    ("Ctrl+X", "Cut the selected cells"),
    ("Ctrl+V", "Paste (tab-separated, as from Excel)"),
    ("Ctrl+A", "Select all cells"),
    ("Ctrl+D", "Fill down from the first selected row"),
    ("Ctrl+F", "Find"),
    ("Ctrl+H", "Find and replace"),
    ("Delete", "Clear the selected cells"),
    ("F2", "Edit the cell, or open its list of options"),
    ("Alt+↓", "Open the list of options of an enum cell"),
    (
        "Enter",
        "Commit the edit and move down (inside a selected range: through the range)",
    ),
    ("Shift+Enter", "Move up"),
    (
        "Tab / Shift+Tab",
        "Commit the edit and move right / left (inside a range: along its rows)",
    ),
    ("Esc", "Cancel the edit or close the list"),
    ("↑ ↓ ← →", "Move the selection"),
    ("Shift+↑ ↓ ← →", "Extend the selection"),
    ("Page Up / Page Down", "Move a screen up / down"),
    ("Home / End", "Move to the first / last column"),
    ("Ctrl+Home / Ctrl+End", "Move to the first / last cell"),
    ("F8 / Shift+F8", "Next / previous error"),
    ("F1", "Show or hide this help"),
];

/// Draws the panel while `open` is set; its close button clears it.
pub fn show(ctx: &egui::Context, lang: Lang, open: &mut bool) {
    egui::Window::new(tr(lang, "Keyboard shortcuts"))
        .id(egui::Id::unique("bulksheet-help"))
        .open(open)
        .collapsible(false)
        .resizable(true)
        .default_width(theme::HELP_SIZE[0])
        .default_height(theme::HELP_SIZE[1])
        .pivot(egui::Align2::CENTER_CENTER)
        .default_pos(ctx.content_rect().center())
        .show(ctx, |ui| {
            ui.label(tr(
                lang,
                "On macOS, use ⌘ where Ctrl is written. Typing in a cell starts editing it.",
            ));
            ui.separator();
            egui::ScrollArea::vertical().show(ui, |ui| {
                egui::Grid::new("shortcut-table")
                    .num_columns(2)
                    .striped(true)
                    .spacing([18.0, 6.0])
                    .show(ui, |ui| {
                        for (keys, action) in SHORTCUTS {
                            ui.monospace(*keys);
                            ui.label(tr(lang, action));
                            ui.end_row();
                        }
                    });
            });
        });
}
