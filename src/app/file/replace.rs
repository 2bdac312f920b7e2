//! No write replaces a file the user did not confirm: Save As, each part of a save in
//! parts and Export issue list ask first about every file that exists, naming it and when
//! it last changed, unless the user confirmed that very path in this window already (in
//! the system's save dialog, which asks on its own, in this question, or by saving there).

use super::existing::Existing;
use crate::app::BulksheetApp;
use crate::app::command::{Command, Write};
use crate::app::dialogs::file::Dialog;
use std::path::{Path, PathBuf};

impl BulksheetApp {
    /// The user agreed, in this window, that `path` may be written over.
    pub(crate) fn confirm_path(&mut self, path: &Path) {
        self.confirmed.insert(path.to_path_buf());
    }

    /// Carries out `then` (a write to `targets`) at once when it replaces no file the
    /// user did not confirm; else asks first. Returns whether it asked.
    pub(crate) fn ask_before_replacing(&mut self, targets: &[PathBuf], then: &Write) -> bool {
        let files: Vec<Existing> = targets
            .iter()
            .filter(|p| !self.confirmed.contains(*p))
            .filter_map(|p| Existing::at(p))
            .collect();
        if files.is_empty() {
            return false;
        }
        self.dialog = Some(Dialog::ConfirmReplace {
            files,
            then: then.clone(),
        });
        true
    }

    /// The question was answered "Replace": the files are confirmed, the write goes on.
    pub(crate) fn replace_confirmed(&mut self, files: Vec<PathBuf>, then: Write) {
        self.dialog = None;
        self.confirmed.extend(files);
        self.queue.push(match then {
            Write::Save(path, after) => Command::SaveDraft(path, after),
            Write::IssueList(path) => Command::ExportIssuesTo(path),
            Write::Template(path) => Command::ExportTemplateTo(path),
        });
    }
}
