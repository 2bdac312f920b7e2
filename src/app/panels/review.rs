//! Review changes: every cell that differs from the file as opened (row, column,
//! old → new), each with Revert, and Revert all. A window beside the grid, so the user can
//! keep editing while it is open; reverting is an undoable step like any other.

use crate::Sheet;
use crate::app::command::Command;
use crate::app::i18n::{Lang, shown, tr};
use crate::app::theme::{self, Palette};
use crate::document::CellChange;
use eframe::egui;
use egui::{RichText, ScrollArea};

/// The Review changes window's state.
#[derive(Debug, Default)]
pub struct ReviewPanel {
    /// The window is shown.
    pub open: bool,
    built_for: Option<u64>,
    changes: Vec<CellChange>,
}

impl ReviewPanel {
    fn refresh(&mut self, sheet: &Sheet) {
        if self.built_for != Some(sheet.revision()) {
            self.changes = sheet.changes();
            self.built_for = Some(sheet.revision());
        }
    }

    /// Draws the window when open; returns a cell to go to or changes to revert.
    pub fn show(&mut self, ctx: &egui::Context, lang: Lang, sheet: &Sheet) -> Option<Command> {
        if !self.open {
            return None;
        }
        self.refresh(sheet);
        // Esc closes it, as it closes every window.
        let mut open = !crate::app::panels::help::escape_pressed(ctx);
        let mut revert: Option<Vec<CellChange>> = None;
        let mut goto = None;
        egui::Window::new(tr(lang, "Review changes"))
            .id(egui::Id::unique("bulksheet-review"))
            .open(&mut open)
            .default_size([620.0, 420.0])
            .default_pos(ctx.content_rect().center() - egui::vec2(310.0, 210.0))
            .show(ctx, |ui| {
                let pal = Palette::for_visuals(ui.visuals());
                ui.horizontal(|ui| {
                    ui.label(format!(
                        "{} {}",
                        tr(lang, "Cells changed since the file was opened:"),
                        self.changes.len()
                    ));
                    let all = ui.add_enabled(
                        !self.changes.is_empty(),
                        egui::Button::new(tr(lang, "Revert all")),
                    );
                    if all.clicked() {
                        revert = Some(self.changes.clone());
                    }
                });
                ui.separator();
                if self.changes.is_empty() {
                    ui.colored_label(pal.ok_text, tr(lang, "No changes."));
                    return;
                }
                let header = &sheet.doc().header;
                ScrollArea::vertical()
                    .auto_shrink([false, false])
                    .show_rows(
                        ui,
                        theme::ISSUE_ROW_HEIGHT + 4.0,
                        self.changes.len(),
                        |ui, range| {
                            for (i, c) in self.changes[range.clone()].iter().enumerate() {
                                ui.horizontal(|ui| {
                                    let place = format!(
                                        "{} {}, {}",
                                        tr(lang, "Row"),
                                        c.row + 1,
                                        header.get(c.col).map_or("", String::as_str)
                                    );
                                    if ui.link(place).clicked() {
                                        goto = Some((c.row, c.col));
                                    }
                                    ui.colored_label(pal.muted_text, shown(lang, &c.old));
                                    ui.label("→");
                                    ui.label(RichText::new(shown(lang, &c.new)).strong());
                                    let button = ui.button(tr(lang, "Revert"));
                                    let n = range.start + i + 1;
                                    button.widget_info(|| {
                                        egui::WidgetInfo::labeled(
                                            egui::accesskit::Role::Button,
                                            true,
                                            format!("Revert change {n}"),
                                        )
                                    });
                                    if button.clicked() {
                                        revert = Some(vec![c.clone()]);
                                    }
                                });
                            }
                        },
                    );
            });
        self.open = open;
        revert
            .map(Command::Revert)
            .or(goto.map(|(row, col)| Command::Goto {
                row,
                col: Some(col),
            }))
    }
}
