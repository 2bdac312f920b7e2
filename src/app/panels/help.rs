//! The keyboard shortcuts panel (F1): every shortcut, read from the command table.

use crate::app::command::help::{KeyStyle, help_lines};
use crate::app::i18n::{Lang, tr};
use crate::app::theme;
use eframe::egui;

/// Esc pressed this frame and not taken by anything drawn before: the window that asks
/// closes (it takes the key, so one press closes one window).
pub fn escape_pressed(ctx: &egui::Context) -> bool {
    ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape))
}

/// A window to read beside the sheet (the shortcuts, the recent messages): centred,
/// resizable, closed by its button.
pub fn reading_window<'o>(
    ctx: &egui::Context,
    title: &str,
    id: &'static str,
    open: &'o mut bool,
) -> egui::Window<'o> {
    egui::Window::new(title)
        .id(egui::Id::unique(id))
        .open(open)
        .collapsible(false)
        .resizable(true)
        .default_width(theme::HELP_SIZE[0])
        .default_height(theme::HELP_SIZE[1])
        .pivot(egui::Align2::CENTER_CENTER)
        .default_pos(ctx.content_rect().center())
}

/// Draws the panel while `open` is set; its close button and Esc clear it.
pub fn show(ctx: &egui::Context, lang: Lang, open: &mut bool) {
    if *open && escape_pressed(ctx) {
        *open = false;
    }
    reading_window(ctx, tr(lang, "Keyboard shortcuts"), "bulksheet-help", open).show(ctx, |ui| {
        ui.label(tr(lang, "Typing in a cell starts editing it."));
        ui.separator();
        egui::ScrollArea::vertical().show(ui, |ui| {
            egui::Grid::new("shortcut-table")
                .num_columns(2)
                .striped(true)
                .spacing([18.0, 6.0])
                .show(ui, |ui| {
                    for line in help_lines(KeyStyle::of(ctx)) {
                        ui.monospace(line.keys);
                        ui.label(tr(lang, line.action));
                        ui.end_row();
                    }
                });
        });
    });
}
