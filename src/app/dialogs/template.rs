//! The Load template dialog: a path field and Browse, like Open.

use crate::app::command::{BrowseFor, Command};
use crate::app::i18n::{Lang, tr};
use crate::app::theme;
use eframe::egui;
use std::path::PathBuf;

/// The Load template dialog: a path field and Browse, like Open.
pub fn load_dialog(ctx: &egui::Context, lang: Lang, path: &mut String) -> Option<Command> {
    let mut answer = None;
    egui::Modal::new(egui::Id::unique("bulksheet-load-template")).show(ctx, |ui| {
        ui.set_max_width(theme::DIALOG_WIDTH);
        ui.heading(tr(lang, "Load a template"));
        ui.label(tr(
            lang,
            "A template is a TOML file describing the columns and their rules (see docs/schema.md).",
        ));
        ui.horizontal(|ui| {
            let field = ui.add(
                egui::TextEdit::singleline(path)
                    .hint_text(tr(lang, "Path of the template (.toml)"))
                    .desired_width(theme::DIALOG_WIDTH - 110.0),
            );
            if field.lost_focus()
                && ui.input(|i| i.key_pressed(egui::Key::Enter))
                && !path.trim().is_empty()
            {
                answer = Some(Command::LoadTemplateFrom(PathBuf::from(path.trim())));
            }
            if ui
                .button(tr(lang, "Browse…"))
                .on_hover_text(tr(lang, "Choose the file with the system's file dialog"))
                .clicked()
            {
                answer = Some(Command::Browse(BrowseFor::Template, path.clone()));
            }
        });
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            let ok = ui.add_enabled(
                !path.trim().is_empty(),
                egui::Button::new(tr(lang, "Load")),
            );
            if ok.clicked() {
                answer = Some(Command::LoadTemplateFrom(PathBuf::from(path.trim())));
            }
            if ui.button(tr(lang, "Cancel")).clicked() {
                answer = Some(Command::CloseDialog);
            }
        });
    });
    if ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape)) {
        answer = Some(Command::CloseDialog);
    }
    answer
}
