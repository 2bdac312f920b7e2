//! The toolbar under the menu: the common commands as buttons, each with a tooltip naming
//! its shortcut, and the template picker.

use super::i18n::{Lang, tr};
use super::menus::Command;
use super::templates::{self, Choice};
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
        if let Some(name) = templates::picker(ui, lang, choices, current)
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
