//! The Load template dialog: a path field and Browse, like Open.

use crate::app::command::{BrowseFor, Command};
use crate::app::i18n::{Lang, tr};
use crate::app::theme;
use eframe::egui;
use std::path::PathBuf;

/// A short template, enough to write one from: every key a column can have.
const EXAMPLE: &str = r#"name = "my-console-users"
title = "My console: update users"
max_rows = 1000              # users per upload (optional)

[[columns]]
name = "Login ID"
kind = "email"               # text, email, digits or enum
unique = "case-insensitive"  # or "exact"

[[columns]]
name = "Extension"
kind = "digits"
min_digits = 3
max_digits = 6
required = false             # required unless said otherwise

[[columns]]
name = "Admin"
kind = "enum"
options = [
  { code = "0", label = "No", label_ja = "いいえ" },
  { code = "1", label = "Yes", label_ja = "はい" },
]

[[columns]]
name = "Display name"
kind = "text"
max_chars = 50
"#;

/// The template file's format, in the window (an installed user has no docs folder).
fn format_help(ui: &mut egui::Ui, lang: Lang) {
    egui::CollapsingHeader::new(tr(lang, "Template file format"))
        .id_salt("template-format")
        .show(ui, |ui| {
            ui.label(tr(
                lang,
                "Each [[columns]] entry is one column, in the template's order: its header name, kind and rules. A file column the template does not name is reported.",
            ));
            let mut text = EXAMPLE;
            egui::ScrollArea::vertical()
                .max_height(theme::DIALOG_LIST_HEIGHT)
                .show(ui, |ui| {
                    ui.add(
                        egui::TextEdit::multiline(&mut text)
                            .code_editor()
                            .desired_width(f32::INFINITY),
                    );
                });
        });
}

/// The Load template dialog: a path field and Browse, like Open.
pub fn load_dialog(ctx: &egui::Context, lang: Lang, path: &mut String) -> Option<Command> {
    let mut answer = None;
    egui::Modal::new(egui::Id::unique("bulksheet-load-template")).show(ctx, |ui| {
        ui.set_max_width(theme::DIALOG_WIDTH);
        ui.heading(tr(lang, "Load a template"));
        ui.label(tr(
            lang,
            "A template is a TOML file describing the columns and their rules.",
        ));
        format_help(ui, lang);
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
            let ok = ui.add_enabled(!path.trim().is_empty(), egui::Button::new(tr(lang, "Load")));
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

/// "Export template…" in the window's own dialog (where no system dialog can be shown):
/// where to write the template in use.
pub fn export_dialog(ui: &mut egui::Ui, path: &mut String, fresh: &mut bool) -> Option<Command> {
    use super::path_field::{no_system_dialog_note, path_field};
    let mut answer = None;
    let lang = crate::app::i18n::ui_lang(ui.ctx());
    ui.heading(tr(lang, "Export template"));
    no_system_dialog_note(ui);
    ui.label(tr(
        lang,
        "The template in use, as a TOML file a colleague loads with Template → Load template…",
    ));
    let entered = path_field(ui, path, tr(lang, "Path of the template (.toml)"), fresh);
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        let ok = ui.add_enabled(
            !path.trim().is_empty(),
            egui::Button::new(tr(lang, "Export")),
        );
        if ok.clicked() || entered {
            answer = Some(Command::ExportTemplateTo(PathBuf::from(path.trim())));
        }
        if ui.button(tr(lang, "Cancel")).clicked() {
            answer = Some(Command::CloseDialog);
        }
    });
    answer
}
