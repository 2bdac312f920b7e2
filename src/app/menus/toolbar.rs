//! The toolbar under the menu: the common commands as buttons, each with a tooltip naming
//! its shortcut, and the template picker.

use crate::app::command::Command;
use crate::app::file::templates::Choice;
use crate::app::i18n::{Lang, tr};
use crate::app::theme;
use eframe::egui;

/// Draws the toolbar; returns the command picked.
pub fn show(ui: &mut egui::Ui, lang: Lang, choices: &[Choice], current: &str) -> Option<Command> {
    let mut picked = None;
    // No plain "Save" here: the dialogs have a Save button of their own, and Ctrl+S and the
    // File menu are where people look for it.
    let buttons = [
        (
            tr(lang, "Open…"),
            tr(lang, "Open a CSV file (Ctrl+O)"),
            Command::Open,
        ),
        (
            tr(lang, "Save As…"),
            tr(
                lang,
                "Save under another name, encoding or in parts (Ctrl+Shift+S)",
            ),
            Command::SaveAs,
        ),
    ];
    ui.horizontal(|ui| {
        for (label, tip, command) in buttons {
            if ui.button(label).on_hover_text(tip).clicked() {
                picked = Some(command);
            }
        }
        ui.separator();
        let errors: [(&str, &str, Command); 2] = [
            (
                tr(lang, "◀ Previous error"),
                tr(lang, "Go to the previous error (Shift+F8)"),
                Command::PreviousError,
            ),
            (
                tr(lang, "Next error ▶"),
                tr(lang, "Go to the next error (F8)"),
                Command::NextError,
            ),
        ];
        for (label, tip, command) in errors {
            if ui.button(label).on_hover_text(tip).clicked() {
                picked = Some(command);
            }
        }
        ui.separator();
        ui.label(tr(lang, "Template:"));
        if let Some(name) = picker(ui, lang, choices, current)
            && let Some(i) = choices.iter().position(|c| c.name == name)
        {
            picked = Some(Command::UseTemplate(i));
        }
        if ui
            .button(tr(lang, "Load template…"))
            .on_hover_text(tr(lang, "Load a template from a TOML file"))
            .clicked()
        {
            picked = Some(Command::LoadTemplate);
        }
        ui.separator();
        if ui
            .button(tr(lang, "Settings…"))
            .on_hover_text(tr(lang, "Language and theme"))
            .clicked()
        {
            picked = Some(Command::Settings);
        }
        if ui
            .button(tr(lang, "Keyboard shortcuts"))
            .on_hover_text(tr(lang, "Every keyboard shortcut (F1)"))
            .clicked()
        {
            picked = Some(Command::Help);
        }
    });
    picked
}

/// The template picker: a dropdown of every template, the current one shown.
pub fn picker(ui: &mut egui::Ui, lang: Lang, choices: &[Choice], current: &str) -> Option<String> {
    let mut picked = None;
    let shown = choices
        .iter()
        .find(|c| c.name == current)
        .map_or(current, |c| c.title.as_str());
    let combo = egui::ComboBox::from_id_salt("template-picker")
        .selected_text(shown)
        .width(theme::TEMPLATE_PICKER_WIDTH)
        .show_ui(ui, |ui| {
            for c in choices {
                if ui
                    .selectable_label(c.name == current, &c.title)
                    .on_hover_text(&c.name)
                    .clicked()
                {
                    picked = Some(c.name.clone());
                }
            }
        });
    combo.response.on_hover_text(tr(
        lang,
        "The template the file is checked against; picked from its header when it opens",
    ));
    picked
}
