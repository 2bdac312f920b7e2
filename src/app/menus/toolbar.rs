//! The toolbar under the menu: the common commands as buttons, each with a tooltip naming
//! its shortcut, and the template picker.

use super::item::hint_with_keys;
use crate::app::command::Command;
use crate::app::command::help::KeyStyle;
use crate::app::file::templates::Choice;
use crate::app::i18n::{Lang, tr};
use crate::app::theme;
use eframe::egui;

/// A button with this label and the command's hint and shortcut as its tooltip.
fn button(ui: &mut egui::Ui, lang: Lang, label: &str, cmd: Command) -> Option<Command> {
    let tip = hint_with_keys(lang, &cmd, KeyStyle::of(ui.ctx()));
    ui.button(label).on_hover_text(tip).clicked().then_some(cmd)
}

/// A button named and explained by the command table.
fn command_button(ui: &mut egui::Ui, lang: Lang, cmd: Command) -> Option<Command> {
    button(ui, lang, tr(lang, cmd.entry().label), cmd)
}

/// Draws the toolbar; returns the command picked.
pub fn show(ui: &mut egui::Ui, lang: Lang, choices: &[Choice], current: &str) -> Option<Command> {
    let mut picked = None;
    ui.horizontal(|ui| {
        // No plain "Save" here: the dialogs have a Save button of their own, and Ctrl+S
        // and the File menu are where people look for it.
        for cmd in [Command::Open, Command::SaveAs] {
            picked = command_button(ui, lang, cmd).or(picked.take());
        }
        ui.separator();
        let previous = format!("◀ {}", tr(lang, Command::PreviousError.entry().label));
        picked = button(ui, lang, &previous, Command::PreviousError).or(picked.take());
        let next = format!("{} ▶", tr(lang, Command::NextError.entry().label));
        picked = button(ui, lang, &next, Command::NextError).or(picked.take());
        ui.separator();
        ui.label(tr(lang, Command::UseTemplate(0).entry().label));
        if let Some(name) = picker(ui, lang, choices, current)
            && let Some(i) = choices.iter().position(|c| c.name == name)
        {
            picked = Some(Command::UseTemplate(i));
        }
        picked = command_button(ui, lang, Command::LoadTemplate).or(picked.take());
        ui.separator();
        for cmd in [Command::Settings, Command::Help] {
            picked = command_button(ui, lang, cmd).or(picked.take());
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
