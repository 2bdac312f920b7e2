//! One switch per product of the schema: a product that is on makes its columns required.

use crate::Sheet;
use crate::app::command::Command;
use crate::app::i18n::{tr, ui_lang};
use eframe::egui;
use egui::Ui;

/// Draws the switches; returns a product switched on or off.
pub fn show(ui: &mut Ui, sheet: &Sheet) -> Option<Command> {
    let products = &sheet.schema().subscriptions;
    if products.is_empty() {
        return None;
    }
    let lang = ui_lang(ui.ctx());
    ui.heading(tr(lang, "Subscriptions"));
    ui.label(tr(
        lang,
        "Products this tenant has (guessed from the file):",
    ));
    let subs = &sheet.rules().subscriptions;
    let mut picked = None;
    ui.horizontal_wrapped(|ui| {
        for p in products {
            let mut on = subs.is_on(&p.id);
            let cmd = Command::Subscribe {
                product: p.id.clone(),
                on: !on,
            };
            let tip = tr(lang, cmd.entry().hint);
            if ui.checkbox(&mut on, &p.label).on_hover_text(tip).changed() {
                picked = Some(cmd);
            }
        }
    });
    picked
}
