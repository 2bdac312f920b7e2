//! Folding the side panel (subscriptions and issues) to a thin strip, so a wide sheet
//! gets the whole window, and unfolding it again.

use crate::app::command::Command;
use crate::app::i18n::{tr, ui_lang};
use crate::app::menus::item::with_hint;
use eframe::egui::{self, Ui};

/// The button at the top of the side panel that folds it away.
pub fn fold_button(ui: &mut Ui) -> Option<Command> {
    let lang = ui_lang(ui.ctx());
    let text = format!("{} ▶", tr(lang, "Hide the side panel"));
    let mut picked = None;
    ui.with_layout(egui::Layout::right_to_left(egui::Align::Min), |ui| {
        let resp = ui.add(egui::Button::new(text).small().frame(false));
        if with_hint(resp, lang, &Command::SidePanel).clicked() {
            picked = Some(Command::SidePanel);
        }
    });
    picked
}

/// The strip left when the panel is folded: one button that brings it back.
pub fn folded(ui: &mut Ui) -> Option<Command> {
    let lang = ui_lang(ui.ctx());
    let text = format!("◀ {}", tr(lang, "Show the side panel"));
    let resp = ui.add(egui::Button::new(text).small());
    with_hint(resp, lang, &Command::SidePanel)
        .clicked()
        .then_some(Command::SidePanel)
}
