//! "Set value for selected cells": one value for every selected cell, chosen from the
//! `code — label` list when the selection is one enum column, typed otherwise.

use crate::Sheet;
use crate::app::command::Command;
use crate::app::grid::state::GridState;
use crate::app::i18n::{Lang, tr};
use crate::app::theme;
use crate::schema::EnumOption;
use eframe::egui;
use egui::{Id, Modal};

/// The Set value dialog's state.
#[derive(Debug, Clone)]
pub struct SetValue {
    /// The value chosen or typed.
    pub value: String,
    /// The options of the selected enum column (empty: a text field).
    options: Vec<EnumOption>,
    cells: usize,
    /// The text field takes the keyboard when the dialog opens, so typing goes into it.
    focus_pending: bool,
}

impl SetValue {
    /// The dialog for the selected cells: a list of codes when they are one enum column.
    pub fn for_selection(sheet: &Sheet, st: &GridState) -> Self {
        let block = st.block();
        let cols = st.block_cols(&block);
        let kinds: Vec<_> = cols
            .iter()
            .map(|&c| sheet.column_kind(c).map(|k| k.options().to_vec()))
            .collect();
        let options = match kinds.first() {
            Some(Some(first)) if kinds.iter().all(|k| k.as_ref() == Some(first)) => first.clone(),
            _ => Vec::new(),
        };
        SetValue {
            value: options.first().map(|o| o.code.clone()).unwrap_or_default(),
            options,
            cells: st.selected_cells().len(),
            focus_pending: true,
        }
    }

    /// Draws the dialog; returns the value to set, or closing it.
    pub fn show(&mut self, ctx: &egui::Context, lang: Lang) -> Option<Command> {
        let mut answer = None;
        Modal::new(Id::unique("bulksheet-set-value")).show(ctx, |ui| {
            ui.set_max_width(theme::DIALOG_WIDTH);
            ui.heading(tr(lang, "Set value for selected cells"));
            ui.label(format!("{} {}", tr(lang, "Selected cells:"), self.cells));
            if self.options.is_empty() {
                let field = ui
                    .horizontal(|ui| {
                        ui.label(tr(lang, "New value"));
                        ui.add(egui::TextEdit::singleline(&mut self.value))
                    })
                    .inner;
                field.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::accesskit::Role::TextInput, true, "New value")
                });
                if std::mem::take(&mut self.focus_pending) {
                    field.request_focus();
                }
                if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                    answer = Some(Command::SetSelected(self.value.clone()));
                }
            } else {
                let current = self
                    .options
                    .iter()
                    .find(|o| o.code == self.value)
                    .map_or_else(|| tr(lang, "(blank)").to_string(), |o| o.display_in(lang));
                egui::ComboBox::from_label(tr(lang, "New value"))
                    .selected_text(current)
                    .show_ui(ui, |ui| {
                        for o in &self.options {
                            ui.selectable_value(
                                &mut self.value,
                                o.code.clone(),
                                o.display_in(lang),
                            );
                        }
                        ui.selectable_value(&mut self.value, String::new(), tr(lang, "(blank)"));
                    });
            }
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button(tr(lang, "Set")).clicked() {
                    answer = Some(Command::SetSelected(self.value.clone()));
                }
                if ui.button(tr(lang, "Cancel")).clicked() {
                    answer = Some(Command::CloseDialog);
                }
            });
        });
        let esc = ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape));
        answer.or(esc.then_some(Command::CloseDialog))
    }
}
