//! Workbooks in the window: which sheet is shown, choosing another, and keeping saves
//! away from the workbook itself (Bulksheet writes CSV only).

use super::loader::Job;
use crate::app::BulksheetApp;
use crate::app::command::After;
use crate::app::dialogs::file::Dialog;
use crate::app::i18n::{tr, trf};
use eframe::egui;
use std::path::{Path, PathBuf};

impl BulksheetApp {
    /// The workbook the document was read from, while the window still works on it (not
    /// once it was saved as CSV).
    pub(crate) fn open_workbook(&self) -> Option<&Path> {
        self.sheet.doc().workbook.as_ref()?;
        if self.file.overwrite_ok {
            return None;
        }
        self.file.path.as_deref()
    }

    /// How many sheets the open workbook has (0 for a CSV).
    pub(crate) fn workbook_sheets(&self) -> usize {
        match (self.open_workbook(), &self.sheet.doc().workbook) {
            (Some(_), Some(book)) => book.sheets.len(),
            _ => 0,
        }
    }

    /// Shows the workbook's sheets to choose another.
    pub(crate) fn show_sheet_picker(&mut self) {
        let picker = match (self.open_workbook(), &self.sheet.doc().workbook) {
            (Some(path), Some(book)) => Some(Dialog::PickSheet {
                path: path.to_path_buf(),
                sheets: book.sheets.clone(),
                current: book.sheet.clone(),
            }),
            _ => None,
        };
        match picker {
            Some(dialog) => self.dialog = Some(dialog),
            None => self.say(true, |l| {
                tr(l, "This file is not a workbook: it has no other sheets.").into()
            }),
        }
    }

    /// Opens another sheet of a workbook, asking about unsaved edits first.
    pub(crate) fn request_open_sheet(&mut self, ctx: &egui::Context, path: PathBuf, sheet: String) {
        if self.sheet.is_dirty() {
            self.dialog = Some(Dialog::Unsaved {
                then: After::OpenSheet(path, sheet),
            });
        } else {
            self.start_open_sheet(ctx, path, Some(sheet));
        }
    }

    /// Reads a workbook's sheet (or a file) in the background.
    pub(crate) fn start_open_sheet(
        &mut self,
        ctx: &egui::Context,
        path: PathBuf,
        sheet: Option<String>,
    ) {
        // The file's folder is where Save As and Open start: a path given relative to the
        // folder the program started in is made whole.
        let path = std::path::absolute(&path).unwrap_or(path);
        self.job = Some((Job::open(path, sheet, ctx), After::Nothing));
    }

    /// Once a workbook has loaded: names the sheet shown and, when there are others and
    /// `offer` (the first sheet was read, not one the user chose), offers them.
    pub(crate) fn after_open_workbook(&mut self, offer: bool) {
        let Some(book) = self.sheet.doc().workbook.clone() else {
            return;
        };
        let (name, n) = (self.file.name.clone(), self.sheet.errors());
        let sheet = book.sheet.clone();
        let empty = self.sheet.doc().empty_file;
        self.say(empty, move |l| {
            let args: [(&str, &dyn std::fmt::Display); 3] =
                [("name", &name), ("sheet", &sheet), ("n", &n)];
            if empty {
                trf(l, "Opened {name}: sheet “{sheet}” is empty.", &args)
            } else {
                trf(
                    l,
                    "Opened {name}, sheet “{sheet}” ({n} errors). Saving writes a CSV file.",
                    &args,
                )
            }
        });
        if offer && book.sheets.len() > 1 {
            self.show_sheet_picker();
        }
    }

    /// Save As chose the workbook, or another workbook name: nothing is written, and
    /// Save As is shown again. Bulksheet writes CSV only, and never over a workbook.
    pub(crate) fn refuse_workbook_target(
        &mut self,
        ctx: &eframe::egui::Context,
        path: &Path,
        then: &After,
    ) -> bool {
        let over_source = self.open_workbook() == Some(path);
        if !over_source && crate::io::extension_kind(path).is_none() {
            return false;
        }
        self.say(true, |l| {
            tr(
                l,
                "Bulksheet saves CSV files and never writes over a workbook: choose a name ending in .csv.",
            )
            .into()
        });
        self.show_save_as(ctx, then.clone());
        true
    }
}
