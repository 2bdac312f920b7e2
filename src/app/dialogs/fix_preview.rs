//! The preview shown before a bulk fix: every change (row, column, old → new) or every
//! row to drop, with Apply and Cancel. Nothing changes until Apply, and Apply is one undo
//! step.

use crate::Sheet;
use crate::app::command::Command;
use crate::app::i18n::{Lang, shown, tr, trf};
use crate::app::theme::{self, Palette};
use crate::fix::{self, Fix};
use eframe::egui;
use egui::{Id, Modal, RichText, ScrollArea};

/// Changes waiting for Apply: fixes, or blank rows to drop.
#[derive(Debug, Clone)]
pub struct FixPreview {
    title: &'static str,
    fixes: Vec<Fix>,
    drop_rows: Vec<usize>,
}

impl FixPreview {
    /// A preview of cell fixes, under this title.
    pub fn fixes(title: &'static str, fixes: Vec<Fix>) -> Self {
        FixPreview {
            title,
            fixes,
            drop_rows: Vec::new(),
        }
    }

    /// A preview of blank rows to drop, under this title.
    pub fn blank_rows(title: &'static str, rows: Vec<usize>) -> Self {
        FixPreview {
            title,
            fixes: Vec::new(),
            drop_rows: rows,
        }
    }

    fn is_empty(&self) -> bool {
        self.fixes.is_empty() && self.drop_rows.is_empty()
    }

    /// Applies the previewed changes; returns how many cells or rows changed.
    pub fn apply(&self, sheet: &mut Sheet) -> usize {
        if !self.fixes.is_empty() && sheet.apply(fix::to_edit(&self.fixes)) {
            return self.fixes.len();
        }
        if !self.drop_rows.is_empty() && sheet.delete_rows(&self.drop_rows) {
            return self.drop_rows.len();
        }
        0
    }

    /// Draws the preview; returns Apply, or closing it.
    pub fn show(
        &mut self,
        ctx: &egui::Context,
        lang: Lang,
        sheet_header: &[String],
    ) -> Option<Command> {
        let mut answer = None;
        Modal::new(Id::unique("bulksheet-fix-preview")).show(ctx, |ui| {
            ui.set_width(theme::DIALOG_WIDTH + 120.0);
            ui.heading(tr(lang, self.title));
            if self.is_empty() {
                ui.label(tr(
                    lang,
                    "Nothing to fix: no change would settle an issue here.",
                ));
            } else if self.drop_rows.is_empty() {
                ui.label(format!(
                    "{} {}",
                    tr(lang, "Cells that will change:"),
                    self.fixes.len()
                ));
                self.fix_table(ui, lang, sheet_header);
            } else {
                ui.label(format!(
                    "{} {}",
                    tr(lang, "Blank rows that will be removed:"),
                    self.drop_rows.len()
                ));
                let rows: Vec<String> =
                    self.drop_rows.iter().map(|r| (r + 1).to_string()).collect();
                ui.label(format!("{} {}", tr(lang, "Rows"), rows.join(", ")));
            }
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                let apply = ui.add_enabled(
                    !self.is_empty(),
                    egui::Button::new(RichText::new(tr(lang, "Apply")).strong()),
                );
                if apply.clicked() {
                    answer = Some(Command::ApplyPreview);
                }
                if ui.button(tr(lang, "Cancel")).clicked() {
                    answer = Some(Command::CloseDialog);
                }
            });
        });
        let esc = ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape));
        answer.or(esc.then_some(Command::CloseDialog))
    }

    fn fix_table(&self, ui: &mut egui::Ui, lang: Lang, header: &[String]) {
        let pal = Palette::for_visuals(ui.visuals());
        ScrollArea::vertical()
            .max_height(theme::DIALOG_LIST_HEIGHT + 100.0)
            .auto_shrink([false, true])
            .show_rows(
                ui,
                theme::ISSUE_ROW_HEIGHT,
                self.fixes.len(),
                |ui, range| {
                    egui::Grid::new("fix-preview-grid")
                        .striped(true)
                        .num_columns(5)
                        .show(ui, |ui| {
                            for f in &self.fixes[range] {
                                ui.label(trf(lang, "Row {r}", &[("r", &(f.row + 1))]));
                                ui.label(header.get(f.col).map_or("", String::as_str));
                                ui.colored_label(pal.error_text, shown(&f.old));
                                ui.label("→");
                                ui.colored_label(pal.ok_text, shown(&f.new));
                                ui.end_row();
                            }
                        });
                },
            );
    }
}
