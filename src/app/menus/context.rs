//! The context menus of the grid: on a cell (the clipboard, its fix, the row operations)
//! and on a row number (the row operations).

use super::item::{item, row_items};
use crate::Sheet;
use crate::app::command::{Command, EditCommand};
use crate::app::grid::state::cell::CellPos;
use crate::app::i18n::{Lang, shown, tr};
use eframe::egui::Response;

/// Right click on a cell: the clipboard, its fix, and the row operations.
pub fn cell_menu(resp: &Response, sheet: &Sheet, lang: Lang, pos: CellPos) -> Option<Command> {
    let mut picked = None;
    resp.context_menu(|ui| {
        if let Some(fix) = crate::fix::propose_cell(sheet, pos.row, pos.col) {
            let label = format!(
                "{}: {} → {}",
                tr(lang, "Fix"),
                shown(&fix.old),
                shown(&fix.new)
            );
            if ui.button(label).clicked() {
                picked = Some(EditCommand::Fix(pos.row, pos.col));
            }
            if item(ui, lang, "Fix all like this…", None) {
                picked = Some(EditCommand::FixLike(pos.row, pos.col));
            }
            ui.separator();
        }
        for (label, c) in [
            ("Cut", EditCommand::Cut),
            ("Copy", EditCommand::Copy),
            ("Paste", EditCommand::RequestPaste),
            ("Clear", EditCommand::Clear),
            ("Fill down", EditCommand::FillDown),
            ("Set value for selected cells…", EditCommand::SetValue),
        ] {
            if item(ui, lang, label, None) {
                picked = Some(c);
            }
        }
        ui.separator();
        for (label, c) in row_items() {
            if item(ui, lang, label, None) {
                picked = Some(c);
            }
        }
    });
    picked.map(Command::Edit)
}

/// Right click on a row number: the row operations.
pub fn row_menu(resp: &Response, lang: Lang) -> Option<Command> {
    let mut picked = None;
    resp.context_menu(|ui| {
        for (label, c) in row_items() {
            if item(ui, lang, label, None) {
                picked = Some(c);
            }
        }
    });
    picked.map(Command::Edit)
}
