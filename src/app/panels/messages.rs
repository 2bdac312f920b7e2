//! The recent messages: everything the status bar said lately, newest first, each whole
//! and wrapped, so a message cut at the bar's edge or replaced by the next can be read.
//! A click on the status bar's message opens it.

use crate::app::i18n::{Lang, tr};
use crate::app::notice::MessageLog;
use crate::app::theme::Palette;
use eframe::egui;

/// Draws the window while `open` is set; its close button and Esc clear it.
pub fn show(ctx: &egui::Context, lang: Lang, log: &MessageLog, open: &mut bool) {
    if *open && super::help::escape_pressed(ctx) {
        *open = false;
    }
    super::help::reading_window(ctx, tr(lang, "Recent messages"), "bulksheet-messages", open).show(
        ctx,
        |ui| {
            let pal = Palette::for_visuals(ui.visuals());
            let entries = log.newest_first(lang);
            if entries.is_empty() {
                ui.label(tr(lang, "No messages yet."));
                return;
            }
            egui::ScrollArea::vertical().show(ui, |ui| {
                for (at, warning, text) in entries {
                    ui.horizontal_top(|ui| {
                        ui.weak(at);
                        let color = if warning {
                            pal.warning_text
                        } else {
                            ui.visuals().text_color()
                        };
                        ui.add(egui::Label::new(egui::RichText::new(text).color(color)).wrap());
                    });
                    ui.separator();
                }
            });
        },
    );
}
