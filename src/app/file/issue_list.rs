//! "Export issue list…": the current issues written as CSV in the window's language
//! (`issue_csv`, the same bytes as `bulksheet check --format csv`).

use super::picker::Purpose;
use crate::app::BulksheetApp;
use crate::app::command::{BrowseFor, Write};
use crate::app::dialogs::file::Dialog;
use crate::app::i18n::{tr, trf};
use eframe::egui;
use std::path::{Path, PathBuf};

impl BulksheetApp {
    /// Asks where to write the issue list (the system's save dialog first), suggesting
    /// `name-issues.csv` beside the file.
    pub(crate) fn show_export_issues(&mut self, ctx: &egui::Context) {
        let base = match &self.file.path {
            Some(p) => p.clone(),
            None => std::env::current_dir()
                .unwrap_or_default()
                .join(&self.file.name),
        };
        let start = issues_name(&base);
        self.pick(ctx, BrowseFor::Save, start, Purpose::ExportIssues);
    }

    /// Writes the issue list (asking first if that replaces a file); says where, or why it
    /// could not.
    pub(crate) fn export_issues(&mut self, path: &Path) {
        self.dialog = None;
        if self.ask_before_replacing(&[path.to_path_buf()], &Write::IssueList(path.to_path_buf())) {
            return;
        }
        let lang = self.settings.lang;
        let issues = self.sheet.issues_in(lang);
        let bytes = crate::issue_csv::to_csv(&issues, lang);
        match crate::io::write_atomic(path, &bytes) {
            Ok(()) => {
                self.confirm_path(path);
                let name = super::loader::display_name(path);
                let n = issues.len();
                self.say(false, move |l| {
                    trf(
                        l,
                        "Wrote the issue list to {name} ({n} issues).",
                        &[("name", &name), ("n", &n)],
                    )
                });
            }
            Err(e) => {
                self.dialog = Some(Dialog::Message {
                    title: tr(lang, "That did not work").into(),
                    text: e.message(lang),
                });
            }
        }
    }
}

/// `users.csv` → `users-issues.csv` in the same folder.
fn issues_name(path: &Path) -> PathBuf {
    let stem = path.file_stem().map_or_else(
        || "bulksheet".to_string(),
        |s| s.to_string_lossy().into_owned(),
    );
    path.with_file_name(format!("{stem}-issues.csv"))
}
