//! The preview shown before a bulk fix: every change (row, column, old → new, the
//! characters that change marked), every row to drop, or the new column order, with Apply
//! and Cancel. A change
//! that would cause a new issue is listed apart, with the issue, and Apply leaves it for a
//! person. Nothing changes until Apply, and Apply is one undo step.

use crate::Sheet;
use crate::app::command::Command;
use crate::app::i18n::{Lang, tr, trf};
use crate::app::theme::{self, Palette};
use crate::fix::{self, Fix};
use eframe::egui;
use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, Id, Label, Modal, RichText, ScrollArea};

/// Changes waiting for Apply: fixes, or blank rows to drop.
#[derive(Debug, Clone)]
pub struct FixPreview {
    title: &'static str,
    /// The fixes Apply makes.
    safe: Vec<Fix>,
    /// The fixes that would cause a new issue: shown, never applied.
    held: Vec<Fix>,
    drop_rows: Vec<usize>,
    /// A new column order (new column `i` is column `order[i]`) and the header it gives.
    columns: Option<(Vec<usize>, Vec<String>)>,
}

impl FixPreview {
    /// A preview of judged cell fixes, under this title.
    pub fn fixes(title: &'static str, fixes: Vec<Fix>) -> Self {
        let (safe, held) = fixes.into_iter().partition(Fix::is_safe);
        FixPreview {
            title,
            safe,
            held,
            drop_rows: Vec::new(),
            columns: None,
        }
    }

    /// A preview of blank rows to drop, under this title.
    pub fn blank_rows(title: &'static str, rows: Vec<usize>) -> Self {
        FixPreview {
            title,
            safe: Vec::new(),
            held: Vec::new(),
            drop_rows: rows,
            columns: None,
        }
    }

    /// A preview of the columns put in a new order (None: they are in order already).
    pub fn column_order(title: &'static str, order: Option<Vec<usize>>, header: &[String]) -> Self {
        FixPreview {
            title,
            safe: Vec::new(),
            held: Vec::new(),
            drop_rows: Vec::new(),
            columns: order.map(|o| {
                let names = crate::document::reorder(header, &o);
                (o, names)
            }),
        }
    }

    fn is_empty(&self) -> bool {
        self.safe.is_empty()
            && self.held.is_empty()
            && self.drop_rows.is_empty()
            && self.columns.is_none()
    }

    /// Applies the previewed changes (never a held fix); returns how many cells, rows or
    /// columns changed (moved).
    pub fn apply(&self, sheet: &mut Sheet) -> usize {
        if let Some((order, _)) = &self.columns {
            let moved = order.iter().enumerate().filter(|(i, o)| i != *o).count();
            return if sheet.apply(crate::document::Edit::Columns(order.clone())) {
                moved
            } else {
                0
            };
        }
        if !self.safe.is_empty() && fix::apply(sheet, &self.safe) {
            return self.safe.len();
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
            } else if let Some((_, names)) = &self.columns {
                ui.label(tr(lang, "The columns will be in this order:"));
                ui.add(Label::new(names.join(", ")).wrap());
            } else if self.drop_rows.is_empty() {
                ui.label(format!(
                    "{} {}",
                    tr(lang, "Cells that will change:"),
                    self.safe.len()
                ));
                self.fix_table(ui, lang, sheet_header);
                if !self.held.is_empty() {
                    self.held_list(ui, lang, sheet_header);
                }
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
                let can_apply =
                    !self.safe.is_empty() || !self.drop_rows.is_empty() || self.columns.is_some();
                let apply = ui.add_enabled(
                    can_apply,
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
        ScrollArea::vertical()
            .id_salt("fix-preview-safe")
            .max_height(theme::DIALOG_LIST_HEIGHT + 100.0)
            .auto_shrink([false, true])
            .show_rows(ui, theme::ISSUE_ROW_HEIGHT, self.safe.len(), |ui, range| {
                egui::Grid::new("fix-preview-grid")
                    .striped(true)
                    .num_columns(5)
                    .show(ui, |ui| {
                        for f in self.safe.get(range).unwrap_or_default() {
                            change_cells(ui, lang, header, f);
                            ui.end_row();
                        }
                    });
            });
    }

    /// The fixes left for a person, each with the issue it would cause.
    fn held_list(&self, ui: &mut egui::Ui, lang: Lang, header: &[String]) {
        let pal = Palette::for_visuals(ui.visuals());
        ui.add_space(6.0);
        ui.colored_label(
            pal.warning_text,
            format!(
                "{} {}",
                tr(
                    lang,
                    "Left for you, because the fix would cause a new issue:"
                ),
                self.held.len()
            ),
        );
        let row_height = 2.0 * theme::ISSUE_ROW_HEIGHT;
        ScrollArea::vertical()
            .id_salt("fix-preview-held")
            .max_height(theme::DIALOG_LIST_HEIGHT)
            .auto_shrink([false, true])
            .show_rows(ui, row_height, self.held.len(), |ui, range| {
                for f in self.held.get(range).unwrap_or_default() {
                    ui.horizontal(|ui| change_cells(ui, lang, header, f));
                    let why: Vec<&str> = f.creates.iter().map(|n| n.message(lang)).collect();
                    let text = format!("{} {}", tr(lang, "Not applied:"), why.join("; "));
                    // One line, so the list scrolls evenly; the whole text on hover.
                    ui.add(Label::new(RichText::new(&text).color(pal.warning_text)).truncate())
                        .on_hover_text(text);
                }
            });
    }
}

/// Row, column, and old → new with the changed characters marked.
fn change_cells(ui: &mut egui::Ui, lang: Lang, header: &[String], f: &Fix) {
    let pal = Palette::for_visuals(ui.visuals());
    let (old_marks, new_marks) = fix::changed_chars(&f.old, &f.new);
    ui.label(trf(lang, "Row {r}", &[("r", &(f.row + 1))]));
    ui.label(header.get(f.col).map_or("", String::as_str));
    ui.label(marked(
        ui,
        lang,
        &f.old,
        &old_marks,
        (pal.error_text, pal.error_bg),
    ));
    ui.label("→");
    ui.label(marked(
        ui,
        lang,
        &f.new,
        &new_marks,
        (pal.ok_text, pal.warning_bg),
    ));
}

/// A value as the lists show it (`shown`: “…” or 「…」, a blank in words), the characters
/// flagged in `marks` on a background so a changed `＠` or space stands out.
fn marked(
    ui: &egui::Ui,
    lang: Lang,
    value: &str,
    marks: &[bool],
    (color, bg): (Color32, Color32),
) -> LayoutJob {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let plain = TextFormat::simple(font.clone(), color);
    let mut job = LayoutJob::default();
    if value.is_empty() {
        job.append(&crate::app::i18n::shown(lang, value), 0.0, plain);
        return job;
    }
    let (open, close) = match lang {
        Lang::En => ("“", "”"),
        Lang::Ja => ("「", "」"),
    };
    let hit = TextFormat {
        background: bg,
        underline: egui::Stroke::new(1.0, color),
        ..plain.clone()
    };
    job.append(open, 0.0, plain.clone());
    let mut buf = [0u8; 4];
    for (c, &changed) in value
        .chars()
        .zip(marks.iter().chain(std::iter::repeat(&false)))
    {
        let format = if changed { hit.clone() } else { plain.clone() };
        job.append(c.encode_utf8(&mut buf), 0.0, format);
    }
    job.append(close, 0.0, plain);
    job
}
