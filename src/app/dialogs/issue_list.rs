//! The parts of the file dialogs about which rows and issues go into a file: Save As's
//! "only rows changed" choices, and where "Export issue list…" writes.

use crate::Sheet;
use crate::app::command::{Command, RowChoice};
use crate::app::i18n::{tr, trf, ui_lang};
use eframe::egui::{self, RichText, Ui};
use std::path::PathBuf;

/// Save As's choices of rows: only those changed since opening, and (with a roster) not
/// those the console already holds as they are.
pub fn row_choice(ui: &mut Ui, sheet: &Sheet, rows: &mut RowChoice) {
    let lang = ui_lang(ui.ctx());
    ui.checkbox(
        &mut rows.only_changed,
        tr(lang, "Only rows changed since opening"),
    )
    .on_hover_text(tr(
        lang,
        "Rows added or edited since the file was opened; deleted rows are in no file (an update cannot delete users)",
    ));
    if rows.only_changed {
        let n = sheet.rows_changed_since_open().len();
        ui.label(RichText::new(trf(lang, "Writes {n} rows.", &[("n", &n)])).small());
    }
    if sheet.rules().roster.is_some() {
        let n = sheet.unchanged_rows().len();
        ui.checkbox(
            &mut rows.skip_no_change,
            trf(
                lang,
                "Leave out the {n} rows the roster already holds (no change)",
                &[("n", &n)],
            ),
        );
    }
}

/// "Export issue list…": where to write it, in the window's own dialog (where no system
/// dialog can be shown).
pub fn export_issues(ui: &mut Ui, path: &mut String, fresh: &mut bool) -> Option<Command> {
    use super::path_field::{no_system_dialog_note, path_field};
    let mut answer = None;
    let lang = ui_lang(ui.ctx());
    ui.heading(tr(lang, "Export issue list"));
    no_system_dialog_note(ui);
    ui.label(tr(
        lang,
        "Every issue with its row, column, severity, code and message, as a CSV file Excel opens (UTF-8 with BOM), in the window's language.",
    ));
    if path_field(ui, path, tr(lang, "Path of the file to write"), fresh) {
        answer = Some(Command::ExportIssuesTo(PathBuf::from(path.trim())));
    }
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        let ok = ui.add_enabled(
            !path.trim().is_empty(),
            egui::Button::new(tr(lang, "Export")),
        );
        if ok.clicked() {
            answer = Some(Command::ExportIssuesTo(PathBuf::from(path.trim())));
        }
        if ui.button(tr(lang, "Cancel")).clicked() {
            answer = Some(Command::CloseDialog);
        }
    });
    answer
}
