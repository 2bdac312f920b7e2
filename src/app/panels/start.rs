//! The start page: what an empty start shows (no file given, the last file gone, not the
//! very first start): Open, the recent files and the bundled sample.

use crate::app::command::Command;
use crate::app::i18n::{tr, ui_lang};
use eframe::egui::{self, Ui};
use std::path::PathBuf;

/// Draws the page in the grid's place; returns what was picked.
pub fn show(ui: &mut Ui, recent: &[PathBuf]) -> Option<Command> {
    let lang = ui_lang(ui.ctx());
    let mut picked = None;
    ui.add_space(40.0);
    ui.vertical_centered(|ui| {
        ui.heading(tr(lang, "Open a file to check it"));
        ui.add_space(12.0);
        if ui.button(tr(lang, "Open a file…")).clicked() {
            picked = Some(Command::Open);
        }
        ui.add_space(18.0);
        if !recent.is_empty() {
            ui.label(egui::RichText::new(tr(lang, "Recent files")).strong());
            for (i, path) in recent.iter().enumerate() {
                let name = path.display().to_string();
                if ui.link(name).clicked() {
                    picked = Some(Command::OpenRecent(i));
                }
            }
            ui.add_space(18.0);
        }
        if ui
            .button(tr(lang, "Open the sample file"))
            .on_hover_text(tr(
                lang,
                "A small file of users with typical mistakes, to try the editor on",
            ))
            .clicked()
        {
            picked = Some(Command::OpenSample);
        }
    });
    picked
}
