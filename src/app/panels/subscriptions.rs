//! One switch per product of the schema: a product that is on makes its columns required.

use crate::Sheet;
use crate::app::i18n::{tr, ui_lang};
use eframe::egui;
use egui::Ui;

/// Draws the switches; applies a change to the sheet (which re-checks everything).
pub fn show(ui: &mut Ui, sheet: &mut Sheet) {
    let products = sheet.schema().subscriptions.clone();
    if products.is_empty() {
        return;
    }
    let lang = ui_lang(ui.ctx());
    ui.heading(tr(lang, "Subscriptions"));
    ui.label(tr(
        lang,
        "Products this tenant has (guessed from the file):",
    ));
    let mut subs = sheet.rules().subscriptions.clone();
    let mut changed = false;
    ui.horizontal_wrapped(|ui| {
        for p in &products {
            let mut on = subs.is_on(&p.id);
            let tip = tr(lang, "On: this product's columns must be filled in");
            if ui.checkbox(&mut on, &p.label).on_hover_text(tip).changed() {
                subs.set(&p.id, on);
                changed = true;
            }
        }
    });
    if changed {
        sheet.set_subscriptions(subs);
    }
}
