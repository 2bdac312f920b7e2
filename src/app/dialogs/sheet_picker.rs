//! Which sheet of a workbook to read: shown after a workbook with several sheets opens,
//! and from File > Choose sheet…

use crate::app::command::Command;
use crate::app::i18n::{tr, trf, ui_lang};
use eframe::egui::{ScrollArea, Ui};
use std::path::Path;

/// The sheets as a list; choosing another than the one shown reads it.
pub fn show(ui: &mut Ui, path: &Path, sheets: &[String], current: &str) -> Option<Command> {
    let mut answer = None;
    let lang = ui_lang(ui.ctx());
    ui.heading(tr(lang, "Choose a sheet"));
    let name = crate::app::file::loader::display_name(path);
    ui.label(trf(
        lang,
        "{name} has {n} sheets. The grid shows “{sheet}”; its row 1 is the header.",
        &[("name", &name), ("n", &sheets.len()), ("sheet", &current)],
    ));
    ui.add_space(6.0);
    ScrollArea::vertical().max_height(260.0).show(ui, |ui| {
        for sheet in sheets {
            let shown = sheet == current;
            if ui.selectable_label(shown, sheet.as_str()).clicked() && !shown {
                answer = Some(Command::OpenSheet(path.to_path_buf(), sheet.clone()));
            }
        }
    });
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        let keep = trf(lang, "Keep “{sheet}”", &[("sheet", &current)]);
        if ui.button(keep).clicked() {
            answer = Some(Command::CloseDialog);
        }
    });
    answer
}
