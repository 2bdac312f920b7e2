//! The questions the window asks: unsaved edits, where to open and save, overwriting the
//! original, saving while errors remain, and messages. Each dialog only reports what the
//! user chose; the app carries it out.

use super::default_button::mark_default;
use super::path_field::{no_system_dialog_note, path_field};
use crate::app::command::{After, BrowseFor, Command, RowChoice};
use crate::app::i18n::{tr, trf, ui_lang};
use crate::app::panels::issue_text::{issue_message, issue_text};
use crate::app::theme::{self, Palette};
use crate::{Severity, Sheet, TextEncoding};
use eframe::egui;
use egui::{Id, Modal, RichText, ScrollArea, Ui};
use std::path::PathBuf;

/// A question on screen, with what it was asked for.
#[derive(Debug, Clone)]
pub enum Dialog {
    /// Save the edits before going on?
    Unsaved {
        /// What was asked for.
        then: After,
    },
    /// Which file to open: the window's own dialog, where no system dialog can be shown.
    Open {
        /// The path typed so far.
        path: String,
        /// The path field is still to take the keyboard (on the dialog's first frame).
        fresh: bool,
    },
    /// Where and how to save.
    SaveAs {
        /// The path typed so far (or chosen in the system's dialog).
        path: String,
        /// The path was chosen in the system's dialog: shown, with "Change…", not typed.
        chosen: bool,
        /// The path field is still to take the keyboard (on the dialog's first frame).
        fresh: bool,
        /// The encoding chosen.
        encoding: TextEncoding,
        /// Whether to write parts.
        split: bool,
        /// Which rows to leave out.
        rows: RowChoice,
        /// What to do once saved.
        then: After,
    },
    /// Where to write the issue list: the window's own dialog, where no system dialog
    /// can be shown.
    ExportIssues {
        /// The path typed so far.
        path: String,
        /// The path field is still to take the keyboard (on the dialog's first frame).
        fresh: bool,
    },
    /// Where to write the template in use: the window's own dialog, where no system
    /// dialog can be shown.
    ExportTemplate {
        /// The path typed so far.
        path: String,
        /// The path field is still to take the keyboard (on the dialog's first frame).
        fresh: bool,
    },
    /// Replace files that exist?
    ConfirmReplace {
        /// The files the write would replace.
        files: Vec<crate::app::file::existing::Existing>,
        /// The write, carried out once the user agrees.
        then: crate::app::command::Write,
    },
    /// Overwrite the file that was opened?
    ConfirmOverwrite {
        /// The file.
        path: PathBuf,
        /// What to do once saved.
        then: After,
    },
    /// Errors remain: fix them, or save a draft?
    SaveErrors {
        /// Where the save was going.
        path: PathBuf,
        /// What to do once saved.
        then: After,
    },
    /// Which sheet of a workbook to read.
    PickSheet {
        /// The workbook.
        path: PathBuf,
        /// Its sheets, in order.
        sheets: Vec<String>,
        /// The sheet shown now.
        current: String,
    },
    /// Something to read, with OK.
    Message {
        /// The heading.
        title: String,
        /// The text.
        text: String,
    },
}

/// Draws the dialog and returns the answer, as a command, once one was given.
pub fn show(
    ctx: &egui::Context,
    dialog: &mut Dialog,
    sheet: &Sheet,
    issues: &[crate::Issue],
    file_name: &str,
) -> Option<Command> {
    let modal = Modal::new(Id::unique("bulksheet-dialog"));
    let resp = modal.show(ctx, |ui| {
        ui.set_max_width(theme::DIALOG_WIDTH);
        match dialog {
            Dialog::Unsaved { then } => unsaved(ui, file_name, then),
            Dialog::Open { path, fresh } => open(ui, path, fresh),
            Dialog::SaveAs {
                path,
                chosen,
                fresh,
                encoding,
                split,
                rows,
                then,
            } => save_as(
                ui,
                sheet,
                (path, *chosen, fresh),
                encoding,
                (split, rows),
                then,
            ),
            Dialog::ExportIssues { path, fresh } => {
                super::issue_list::export_issues(ui, path, fresh)
            }
            Dialog::ConfirmReplace { files, then } => confirm_replace(ui, files, then),
            Dialog::ExportTemplate { path, fresh } => {
                super::template::export_dialog(ui, path, fresh)
            }
            Dialog::ConfirmOverwrite { path, then } => confirm_overwrite(ui, path, then),
            Dialog::SaveErrors { path, then } => save_errors(ui, issues, path, then),
            Dialog::PickSheet {
                path,
                sheets,
                current,
            } => super::sheet_picker::show(ui, path, sheets, current),
            Dialog::Message { title, text } => message(ui, title, text),
        }
    });
    let escape = ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape));
    resp.inner.or(escape.then_some(Command::CloseDialog))
}

/// While the system's file dialog is on screen the window waits for it; Cancel stops
/// waiting (for a dialog that went behind another window, say).
pub fn waiting_for_system(ctx: &egui::Context) -> Option<Command> {
    let lang = ui_lang(ctx);
    let resp = Modal::new(Id::unique("bulksheet-waiting-for-file-dialog")).show(ctx, |ui| {
        ui.label(tr(lang, "Choose the file in the system's file dialog…"));
        ui.add_space(6.0);
        ui.button(tr(lang, "Cancel"))
            .clicked()
            .then_some(Command::StopPicking)
    });
    let escape = ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape));
    resp.inner.or(escape.then_some(Command::StopPicking))
}

fn buttons(ui: &mut Ui, add: impl FnOnce(&mut Ui)) {
    ui.add_space(8.0);
    ui.horizontal(add);
}

fn unsaved(ui: &mut Ui, file_name: &str, then: &After) -> Option<Command> {
    let mut answer = None;
    let lang = ui_lang(ui.ctx());
    ui.heading(tr(lang, "Unsaved changes"));
    let name = [("name", &file_name as &dyn std::fmt::Display)];
    let question = match then {
        After::Close => trf(lang, "Save the changes to {name} before closing?", &name),
        After::Open(_) => trf(
            lang,
            "Save the changes to {name} before opening another file?",
            &name,
        ),
        After::OpenSheet(..) => trf(
            lang,
            "Save the changes to {name} before opening another sheet?",
            &name,
        ),
        After::Nothing => trf(lang, "Save the changes to {name}?", &name),
    };
    ui.label(question);
    buttons(ui, |ui| {
        if ui.button(tr(lang, "Save")).clicked() {
            answer = Some(Command::SaveThen(then.clone()));
        }
        if ui.button(tr(lang, "Don't save")).clicked() {
            answer = Some(Command::DiscardThen(then.clone()));
        }
        // Like the other save questions: see what would be saved or lost first.
        review_button(ui, &mut answer);
        if ui.button(tr(lang, "Cancel")).clicked() {
            answer = Some(Command::CloseDialog);
        }
    });
    answer
}

fn open(ui: &mut Ui, path: &mut String, fresh: &mut bool) -> Option<Command> {
    let mut answer = None;
    let lang = ui_lang(ui.ctx());
    ui.heading(tr(lang, "Open a file"));
    no_system_dialog_note(ui);
    ui.label(tr(
        lang,
        "A CSV, TSV or text file, or a workbook (.xlsx, .xls, .ods). You can also drop a file on the window.",
    ));
    if path_field(ui, path, tr(lang, "Path of the file to open"), fresh) {
        answer = Some(Command::OpenPath(PathBuf::from(path.trim())));
    }
    buttons(ui, |ui| {
        let ok = ui.add_enabled(!path.trim().is_empty(), egui::Button::new(tr(lang, "Open")));
        // Enter in the path field opens.
        mark_default(&ok);
        if ok.clicked() {
            answer = Some(Command::OpenPath(PathBuf::from(path.trim())));
        }
        if ui.button(tr(lang, "Cancel")).clicked() {
            answer = Some(Command::CloseDialog);
        }
    });
    answer
}

fn save_as(
    ui: &mut Ui,
    sheet: &Sheet,
    (path, chosen, fresh): (&mut String, bool, &mut bool),
    encoding: &mut TextEncoding,
    (split, rows): (&mut bool, &mut RowChoice),
    then: &After,
) -> Option<Command> {
    let mut answer = None;
    // Enter in the path field saves, as the button does.
    let mut submit = false;
    let lang = ui_lang(ui.ctx());
    ui.heading(tr(lang, "Save as"));
    if chosen {
        // Chosen in the system's dialog: shown whole, changed there again.
        ui.horizontal_wrapped(|ui| {
            ui.label(trf(lang, "File: {path}", &[("path", &path)]));
            if ui
                .button(tr(lang, "Change…"))
                .on_hover_text(tr(lang, "Choose another file in the system's file dialog"))
                .clicked()
            {
                answer = Some(Command::Browse(BrowseFor::Save, path.clone()));
            }
        });
    } else {
        no_system_dialog_note(ui);
        submit = path_field(ui, path, tr(lang, "Path of the file to write"), fresh);
    }
    egui::ComboBox::from_label(tr(lang, "File encoding"))
        .selected_text(tr(lang, encoding.label()))
        .show_ui(ui, |ui| {
            for e in TextEncoding::ALL {
                ui.selectable_value(encoding, e, tr(lang, e.label()));
            }
        });
    // A template without a row limit has nothing to split by.
    let per_file = sheet.schema().max_rows;
    if let Some(n) = per_file {
        ui.checkbox(
            split,
            trf(lang, "Split into files of {n} users", &[("n", &n)]),
        );
    }
    if *split && per_file.is_some() {
        let name = PathBuf::from(path.trim());
        let first = crate::io::part_path(&name, 1);
        let first = first
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        ui.label(trf(lang, "Writes {name}, and so on.", &[("name", &first)]));
    }
    super::issue_list::row_choice(ui, sheet, rows);
    ui.label(
        RichText::new(tr(lang, "Blank rows are left out. The console expects UTF-8 or Shift_JIS, as chosen when downloading the template."))
            .small(),
    );
    buttons(ui, |ui| {
        let ok = ui.add_enabled(
            !path.trim().is_empty(),
            egui::Button::new(tr(lang, "Save file")),
        );
        mark_default(&ok);
        if ok.clicked() || submit {
            answer = Some(Command::SaveAsTo {
                path: PathBuf::from(path.trim()),
                encoding: *encoding,
                split: *split && per_file.is_some(),
                rows: *rows,
                then: then.clone(),
            });
        }
        if ui.button(tr(lang, "Cancel")).clicked() {
            answer = Some(Command::CloseDialog);
        }
    });
    answer
}

fn confirm_overwrite(ui: &mut Ui, path: &std::path::Path, then: &After) -> Option<Command> {
    let mut answer = None;
    let lang = ui_lang(ui.ctx());
    ui.heading(tr(lang, "Overwrite the original file?"));
    ui.label(trf(
        lang,
        "{path} is the file you opened. Saving replaces it with the edited version.",
        &[("path", &path.display())],
    ));
    buttons(ui, |ui| {
        if ui.button(tr(lang, "Overwrite")).clicked() {
            answer = Some(Command::Overwrite(path.to_path_buf(), then.clone()));
        }
        if ui.button(tr(lang, "Save as…")).clicked() {
            answer = Some(Command::ShowSaveAs(then.clone()));
        }
        review_button(ui, &mut answer);
        if ui.button(tr(lang, "Cancel")).clicked() {
            answer = Some(Command::CloseDialog);
        }
    });
    answer
}

/// A write would replace files that exist: which, and when each last changed. Cancel is
/// the safe answer, so it comes first and has the keyboard: Enter or Esc keeps the files.
fn confirm_replace(
    ui: &mut Ui,
    files: &[crate::app::file::existing::Existing],
    then: &crate::app::command::Write,
) -> Option<Command> {
    use crate::app::file::existing::local_time;
    let mut answer = None;
    let lang = ui_lang(ui.ctx());
    let heading = if files.len() == 1 {
        tr(lang, "Replace the existing file?").to_string()
    } else {
        trf(lang, "Replace {n} existing files?", &[("n", &files.len())])
    };
    ui.heading(heading);
    for f in files {
        let name = f.path.display().to_string();
        let line = match f.modified {
            Some(t) => trf(
                lang,
                "{name} exists (last changed {date}).",
                &[("name", &name), ("date", &local_time(t))],
            ),
            None => trf(lang, "{name} exists.", &[("name", &name)]),
        };
        ui.label(line);
    }
    ui.label(tr(lang, "Replacing it loses what it holds now."));
    buttons(ui, |ui| {
        let cancel = ui.button(tr(lang, "Cancel"));
        mark_default(&cancel);
        if ui.memory(|m| m.focused().is_none()) {
            cancel.request_focus();
        }
        if cancel.clicked() {
            answer = Some(Command::CloseDialog);
        }
        if ui.button(tr(lang, "Replace file")).clicked() {
            answer = Some(Command::ReplaceFiles {
                files: files.iter().map(|f| f.path.clone()).collect(),
                then: then.clone(),
            });
        }
    });
    answer
}

/// Lists the errors (from the cached issue list: the dialog is drawn every frame).
fn save_errors(
    ui: &mut Ui,
    issues: &[crate::Issue],
    path: &std::path::Path,
    then: &After,
) -> Option<Command> {
    let mut answer = None;
    let pal = Palette::for_visuals(ui.visuals());
    let errors: Vec<&crate::Issue> = issues
        .iter()
        .filter(|i| i.severity == Severity::Error)
        .collect();
    let lang = ui_lang(ui.ctx());
    let heading = trf(lang, "{n} errors remain", &[("n", &errors.len())]);
    ui.heading(RichText::new(heading).color(pal.error_text));
    ui.label(tr(
        lang,
        "The console rejects the whole file while any of these remain. Click one to fix it:",
    ));
    // A gap, so the intro does not read as the list's first line.
    ui.add_space(6.0);
    ScrollArea::vertical()
        .max_height(theme::DIALOG_LIST_HEIGHT)
        .auto_shrink([false, true])
        .show_rows(ui, theme::ISSUE_ROW_HEIGHT, errors.len(), |ui, range| {
            for issue in errors[range].iter().copied() {
                // The line is a link to the cell; its words are the issue's alone.
                let shown = issue_text(lang, issue);
                let text =
                    RichText::new(format!("{} {shown}", theme::ERROR_MARK)).color(pal.error_text);
                let link = ui.add(egui::Button::new(text).frame(false).truncate());
                let hover = issue_message(lang, issue);
                if link.on_hover_text(hover).clicked() && issue.row > 0 {
                    answer = Some(Command::Goto {
                        row: issue.row - 1,
                        col: issue.col,
                    });
                }
            }
        });
    buttons(ui, |ui| {
        if ui.button(tr(lang, "Fix them first")).clicked() {
            answer = Some(Command::CloseDialog);
        }
        review_button(ui, &mut answer);
        let draft = egui::Button::new(
            RichText::new(tr(lang, "Save anyway as draft (not ready for upload)"))
                .color(pal.draft_banner),
        );
        if ui.add(draft).clicked() {
            answer = Some(Command::SaveDraft(path.to_path_buf(), then.clone()));
        }
    });
    answer
}

/// "Review changes…": every changed cell, before the file is written.
fn review_button(ui: &mut Ui, answer: &mut Option<Command>) {
    let lang = ui_lang(ui.ctx());
    if ui.button(tr(lang, "Review changes…")).clicked() {
        *answer = Some(Command::Review);
    }
}

fn message(ui: &mut Ui, title: &str, text: &str) -> Option<Command> {
    let mut answer = None;
    ui.heading(title);
    ui.label(text);
    buttons(ui, |ui| {
        if ui.button(tr(ui_lang(ui.ctx()), "OK")).clicked() {
            answer = Some(Command::CloseDialog);
        }
    });
    answer
}
