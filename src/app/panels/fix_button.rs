//! The "Fix" offered on each fixable issue in the issue list: a small button applying the
//! cell's fix (or previewing the template's column order), and a context menu with "Fix
//! all like this…".

use crate::app::command::Command;
use crate::app::i18n::{shown, tr, trf, ui_lang};
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
    let hover = format!("{} → {}", shown(lang, &fix.old), shown(lang, &fix.new));
    // A fix that would make a duplicate is held back (as the preview would): no live
    // button, and the hover says why.
    let held = crate::fix::duplicate_rows(sheet, &fix);
    if !held.is_empty() {
        let rows: Vec<String> = held.iter().map(|r| (r + 1).to_string()).collect();
        let why = trf(
            lang,
            "Not fixed automatically: {value} is already in row {rows}, so this would make a duplicate. Fix it by hand.",
            &[
                ("value", &shown(lang, &fix.new)),
                ("rows", &rows.join(", ")),
            ],
        );
        let button = ui.add_enabled(false, egui::Button::new(tr(lang, "Fix")).small());
        let button = button.on_disabled_hover_text(&why);
        // A screen reader hears why, as the hover says.
        button.widget_info(|| egui::WidgetInfo {
            label: Some(format!("Fix row {} column {}", fix.row + 1, fix.col + 1)),
            current_text_value: Some(why.clone()),
            ..egui::WidgetInfo::new(egui::accesskit::Role::Button)
        });
        return None;
    }
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
            shown(lang, &fix.old),
            shown(lang, &fix.new)
        );
        if fix_item(ui, sheet, &fix, text) {
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

/// A menu item for a fix: disabled, with the reason on hover, when the fix is held back
/// (it would make a duplicate); true when clicked.
pub fn fix_item(ui: &mut Ui, sheet: &Sheet, fix: &Fix, text: String) -> bool {
    let lang = ui_lang(ui.ctx());
    let held = crate::fix::duplicate_rows(sheet, fix);
    if held.is_empty() {
        return ui.button(text).clicked();
    }
    let why = held_back_why(lang, fix, &held);
    ui.add_enabled(false, egui::Button::new(text))
        .on_disabled_hover_text(why);
    false
}

/// Why a fix is held back, in words.
fn held_back_why(lang: crate::app::i18n::Lang, fix: &Fix, held: &[usize]) -> String {
    let rows: Vec<String> = held.iter().map(|r| (r + 1).to_string()).collect();
    trf(
        lang,
        "Not fixed automatically: {value} is already in row {rows}, so this would make a duplicate. Fix it by hand.",
        &[
            ("value", &shown(lang, &fix.new)),
            ("rows", &rows.join(", ")),
        ],
    )
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
