//! What the tests reach into the window with, beyond what a user can do: the last
//! command, the dialog on screen by kind, a replace all's search or an issue list a step per frame,
//! a sort held half-way, answers for the system's file dialogs, the sheet to change
//! directly. Built only for the crate's own tests and with the `test-hooks` feature,
//! which the test targets turn on (a dev-dependency on the crate itself).

use crate::Sheet;
use crate::app::BulksheetApp;
use crate::app::command::Command;
use crate::app::dialogs::file::Dialog;

impl BulksheetApp {
    /// The document and its checks, to change them as a user would.
    pub fn sheet_mut(&mut self) -> &mut Sheet {
        &mut self.sheet
    }

    /// Every selected cell as (row, column), for tests.
    pub fn selected_cells(&self) -> Vec<(usize, usize)> {
        self.grid.selected_cells()
    }

    /// Leaves a sort running on another thread unfinished on screen until released: tests
    /// reach the window as it is while a sort of a large sheet runs.
    pub fn hold_sorts(&mut self, hold: bool) {
        self.grid.hold_sorts(hold);
    }

    /// Carries a replace all's search one slice per frame, not for a share of time:
    /// tests reach the window as it is half-way through.
    pub fn one_slice_per_frame(&mut self, on: bool) {
        self.one_slice_per_frame = on;
    }

    /// The dialog on screen, by kind, for tests and the title.
    pub fn dialog_name(&self) -> Option<&'static str> {
        self.dialog.as_ref().map(|d| match d {
            Dialog::Unsaved { .. } => "unsaved",
            Dialog::Open { .. } => "open",
            Dialog::SaveAs { .. } => "save-as",
            Dialog::ConfirmOverwrite { .. } => "confirm-overwrite",
            Dialog::SaveErrors { .. } => "save-errors",
            Dialog::PickSheet { .. } => "pick-sheet",
            Dialog::Message { .. } => "message",
            Dialog::ExportIssues { .. } => "export-issues",
            Dialog::ConfirmReplace { .. } => "confirm-replace",
            Dialog::ExportTemplate { .. } => "export-template",
        })
    }

    /// Answers for the system's file dialogs with this function (tests), called on a
    /// worker thread as the system's would be.
    pub fn with_file_picker(
        mut self,
        picker: impl Fn(&crate::app::PickRequest) -> crate::app::PickAnswer + Send + Sync + 'static,
    ) -> Self {
        self.picker = std::sync::Arc::new(picker);
        self
    }

    /// As where no system file dialog can be shown: the window's own dialogs at once.
    pub fn without_system_dialogs(mut self) -> Self {
        self.no_system_dialog = true;
        self
    }

    /// A system file dialog is on screen, waiting for its answer.
    pub fn is_picking(&self) -> bool {
        self.picking.is_some()
    }

    /// Builds the issue list a group per frame instead of for a share of each frame's
    /// time: tests reach the window while a list is being built.
    pub fn one_issue_group_per_frame(&mut self, on: bool) {
        self.issues.pace = on.then_some((1, std::time::Duration::ZERO));
    }

    /// The command carried out last: what a key, a menu or a button asked for.
    pub fn last_command(&self) -> Option<&Command> {
        self.last_command.as_ref()
    }
}
