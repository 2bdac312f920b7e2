//! The keyboard shortcuts panel (F1): every shortcut, read from the command table.

use crate::app::command::help::help_lines;
use crate::app::i18n::{Lang, tr};
use crate::app::theme;
use eframe::egui;

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
                        for line in help_lines() {
                            ui.monospace(line.keys);
                            ui.label(tr(lang, line.action));
                            ui.end_row();
                        }
                    });
            });
        });
}
