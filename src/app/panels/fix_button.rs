//! The "Fix" offered on each fixable issue in the issue list: a small button applying the
//! cell's fix (or previewing the template's column order), and a context menu with "Fix
//! all like this…".

use crate::app::command::Command;
use crate::app::i18n::{shown, tr, ui_lang};
use crate::fix::{Fix, propose_cell};
use crate::{Issue, Sheet};
use eframe::egui::{self, Response, Ui};

/// The fix for an issue's cell, when there is one.
fn fix_for(sheet: &Sheet, issue: &Issue) -> Option<Fix> {
    let col = issue.col?;
    let row = issue.row.checked_sub(1)?;
    propose_cell(sheet, row, col)
}

/// The "Fix" button before a fixable issue's text.
pub fn show(ui: &mut Ui, sheet: &Sheet, issue: &Issue) -> Option<Command> {
    let lang = ui_lang(ui.ctx());
    if issue.code == crate::validate::Code::ColumnOrder {
        let hint = tr(lang, "Put columns in the template's order…");
        let button = ui.small_button(tr(lang, "Fix")).on_hover_text(hint);
        return button.clicked().then_some(Command::ColumnOrder);
    }
    let fix = fix_for(sheet, issue)?;
    let hover = format!("{} → {}", shown(&fix.old), shown(&fix.new));
    let button = ui
        .small_button(tr(lang, "Fix"))
        .on_hover_text(format!("{} ({hover})", tr(lang, fix_kind(fix.kind))));
    let label = format!("Fix row {} column {}", fix.row + 1, fix.col + 1);
    button.widget_info(|| {
        egui::WidgetInfo::labeled(egui::accesskit::Role::Button, true, label.clone())
    });
    button.clicked().then_some(Command::Fix {
        row: fix.row,
        col: fix.col,
    })
}

/// Right click on a fixable issue: Fix, and Fix all like this.
pub fn context_menu(resp: &Response, sheet: &Sheet, issue: &Issue) -> Option<Command> {
    let mut picked = None;
    resp.context_menu(|ui| {
        let Some(fix) = fix_for(sheet, issue) else {
            ui.label(issue.message.as_str());
            return;
        };
        let lang = ui_lang(ui.ctx());
        let text = format!(
            "{}: {} → {}",
            tr(lang, "Fix"),
            shown(&fix.old),
            shown(&fix.new)
        );
        if ui.button(text).clicked() {
            picked = Some(false);
        }
        // A cell-only fix (the right number is the user's call) is not offered in bulk.
        if !fix.kind.cell_only() && ui.button(tr(lang, "Fix all like this…")).clicked() {
            picked = Some(true);
        }
    });
    let like = picked?;
    let fix = fix_for(sheet, issue)?;
    let (row, col) = (fix.row, fix.col);
    Some(if like {
        Command::FixLike { row, col }
    } else {
        Command::Fix { row, col }
    })
}

/// A fix kind in words (the core's description, as an interface label).
pub fn fix_kind(kind: crate::fix::FixKind) -> &'static str {
    use crate::fix::FixKind;
    match kind {
        FixKind::Trim => "Trim spaces",
        FixKind::HalfWidth => "Full-width to half-width",
        FixKind::LabelToCode => "Label to code",
        FixKind::ExcelNumber => "Drop the zero decimals",
        FixKind::RemoveSpaces => "Remove the spaces",
        FixKind::RemoveHyphens => "Remove the hyphens and spaces",
    }
}
