//! "Cross-check with roster": the user list exported from the console (any CSV with a
//! Login ID column, and Extension number if present) is read and set on the sheet; its
//! findings then show like any other issue.

use crate::Sheet;
use crate::app::command::BrowseFor;
use crate::app::command::Command;
use crate::app::file::picker::{Answer, Request, system};
use crate::app::i18n::{Lang, tr};
use crate::app::theme::{self, Palette};
use crate::roster::{Roster, RosterFileError};
use eframe::egui;
use egui::{Id, Modal};
use std::path::{Path, PathBuf};
use std::sync::mpsc::Receiver;

/// The dialog's state: the path typed, the last error, a browse under way.
#[derive(Debug)]
pub struct RosterDialog {
    /// The roster file's path as typed.
    pub path: String,
    error: Option<String>,
    browsing: Option<Receiver<Answer>>,
}

impl RosterDialog {
    /// An empty dialog.
    pub fn new() -> Self {
        RosterDialog {
            path: String::new(),
            error: None,
            browsing: None,
        }
    }

    /// Draws the dialog; returns the roster to load, stopping the cross-check, or
    /// closing it.
    pub fn show(&mut self, ctx: &egui::Context, lang: Lang, sheet: &Sheet) -> Option<Command> {
        self.poll_browse(lang);
        let mut answer = None;
        Modal::new(Id::unique("bulksheet-roster")).show(ctx, |ui| {
            ui.set_max_width(theme::DIALOG_WIDTH);
            ui.heading(tr(lang, "Cross-check with roster"));
            ui.label(tr(
                lang,
                "The user list exported from the console: Login IDs it lacks cannot be updated, and extensions it gives to someone else are flagged.",
            ));
            ui.horizontal(|ui| {
                let field = ui.add(
                    egui::TextEdit::singleline(&mut self.path)
                        .hint_text(tr(lang, "Path of the roster CSV"))
                        .desired_width(theme::DIALOG_WIDTH - 110.0),
                );
                field.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::accesskit::Role::TextInput, true, "Roster path")
                });
                if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                    answer = Some(Command::LoadRoster(PathBuf::from(self.path.trim())));
                }
                if ui.button(tr(lang, "Browse…")).clicked() {
                    self.browse(ctx, lang);
                }
            });
            if let Some(e) = &self.error {
                let pal = Palette::for_visuals(ui.visuals());
                ui.colored_label(pal.error_text, e);
            }
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                let ok = !self.path.trim().is_empty();
                if ui
                    .add_enabled(ok, egui::Button::new(tr(lang, "Cross-check")))
                    .clicked()
                {
                    answer = Some(Command::LoadRoster(PathBuf::from(self.path.trim())));
                }
                if sheet.rules().roster.is_some()
                    && ui.button(tr(lang, "Stop roster cross-check")).clicked()
                {
                    answer = Some(Command::ClearRoster);
                }
                if ui.button(tr(lang, "Cancel")).clicked() {
                    answer = Some(Command::CloseDialog);
                }
            });
        });
        let esc = ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape));
        answer.or(esc.then_some(Command::CloseDialog))
    }

    /// Shows why the roster could not be used.
    pub fn set_error(&mut self, error: String) {
        self.error = Some(error);
    }

    /// The system's file dialog, as Open asks it (it says when none can be shown).
    fn browse(&mut self, ctx: &egui::Context, lang: Lang) {
        let (tx, rx) = std::sync::mpsc::channel();
        let ctx = ctx.clone();
        let request = Request {
            kind: BrowseFor::Open,
            start: PathBuf::from(self.path.trim()),
            title: tr(lang, "Cross-check with roster").to_string(),
        };
        std::thread::spawn(move || {
            let _ = tx.send(system()(&request));
            ctx.request_repaint();
        });
        self.browsing = Some(rx);
    }

    fn poll_browse(&mut self, lang: Lang) {
        let Some(rx) = &self.browsing else { return };
        if let Ok(answer) = rx.try_recv() {
            self.browsing = None;
            match answer {
                Answer::Chosen(p) => self.path = p.display().to_string(),
                Answer::Cancelled => {}
                Answer::Unavailable => {
                    self.error = Some(
                        tr(
                            lang,
                            "No system file dialog can be shown here (no desktop session was found): type the file's full path.",
                        )
                        .to_string(),
                    );
                }
            }
        }
    }
}

impl Default for RosterDialog {
    fn default() -> Self {
        Self::new()
    }
}

/// Reads a roster file and sets it on the sheet; returns how many users it lists.
pub fn load_roster(path: &Path, sheet: &mut Sheet) -> Result<usize, RosterFileError> {
    let roster = Roster::load(path, sheet.schema())?;
    let n = roster.len();
    sheet.set_roster(Some(std::sync::Arc::new(roster)));
    Ok(n)
}
