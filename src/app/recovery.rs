//! Unsaved edits survive a crash: while the document has unsaved edits, its journal is
//! rewritten every few seconds (on a worker thread); on start and after opening a file,
//! a journal left for it is offered back, showing what it would change. The journal is
//! removed when the edits are saved, knowingly dropped, or the window closes cleanly.

use super::i18n::{Lang, tr, trf};
use super::journal_writer::JournalWriter;
use super::theme;
use super::{BulksheetApp, SAMPLE_CSV, SAMPLE_NAME};
use crate::journal::{Journal, JournalEntry, Origin, Preview, RestoreError, Stored};
use eframe::egui;
use egui::{Id, Modal, RichText, ScrollArea};
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// Unsaved edits are journaled at most this often.
pub const JOURNAL_EVERY: Duration = Duration::from_secs(3);

/// Journaling state of the window; inactive (no folder) unless asked for, so library
/// users and tests never write into the user's data folder by accident.
#[derive(Default)]
pub struct Recovery {
    dir: Option<PathBuf>,
    writer: Option<JournalWriter>,
    doc: Option<Tracked>,
    offer: Option<Offer>,
}

/// The document being journaled.
struct Tracked {
    /// The window's path and name for it: when these change, another document is shown.
    id: (Option<PathBuf>, String),
    origin: Origin,
    /// The file on disk is the state the undo history was last saved at (false after a
    /// save that dropped blank rows or was split into parts: the whole table is journaled).
    base_is_disk: bool,
    journaled: Option<u64>,
    last_write: Option<Instant>,
    was_dirty: bool,
}

/// A journal found for the document, with what restoring it would do.
struct Offer {
    stored: Stored,
    preview: Result<Preview, RestoreError>,
    /// The file changed on disk since the edits were made.
    stale: bool,
}

enum Choice {
    Restore,
    Discard,
    Later,
}

impl Recovery {
    fn new(dir: PathBuf) -> Self {
        Recovery {
            dir: Some(dir),
            writer: Some(JournalWriter::start()),
            doc: None,
            offer: None,
        }
    }

    pub fn is_asking(&self) -> bool {
        self.offer.is_some()
    }
}

impl BulksheetApp {
    /// Turns journaling on, in this folder; a journal already there for the document is
    /// offered on the next frame.
    pub fn with_recovery_dir(mut self, dir: PathBuf) -> Self {
        self.recovery = Recovery::new(dir);
        self
    }

    /// Journaling in the per-user folder (see `Journal::default_dir`), if there is one.
    pub fn with_default_recovery(self) -> Self {
        match Journal::default_dir() {
            Some(dir) => self.with_recovery_dir(dir),
            None => self,
        }
    }

    /// Number of changed cells listed by the restore question on screen, if any.
    pub fn recovery_offer(&self) -> Option<usize> {
        let offer = self.recovery.offer.as_ref()?;
        Some(offer.preview.as_ref().map_or(0, |p| p.changes.len()))
    }

    /// Journals the unsaved edits now and waits until they are on disk.
    pub fn write_journal_now(&mut self) {
        if let Some(t) = self.recovery.doc.as_mut() {
            t.last_write = None;
        }
        self.journal_if_due();
        if let Some(w) = &self.recovery.writer {
            w.flush();
        }
    }

    /// Once per frame, after the dialogs answered: follows the document, journals unsaved edits, asks about a journal
    /// found.
    pub(super) fn recovery_frame(&mut self, ctx: &egui::Context) {
        if self.recovery.dir.is_none() || self.job.is_some() {
            return;
        }
        self.track_document();
        if self.close_allowed {
            // Closing was agreed to (saved, or the edits knowingly dropped); the process
            // may end right after this frame.
            self.forget_journal();
            if let Some(w) = &self.recovery.writer {
                w.flush();
            }
            return;
        }
        if self.recovery.offer.is_none() {
            self.journal_if_due();
            if self.sheet.is_dirty() {
                ctx.request_repaint_after(JOURNAL_EVERY);
            }
        }
        self.show_offer(ctx);
        let failed = self.recovery.writer.as_ref().and_then(|w| w.take_error());
        if let Some(e) = failed {
            self.say(true, move |l| {
                let e = e.message(l);
                trf(l, "Could not write the recovery journal: {e}", &[("e", &e)])
            });
        }
    }

    fn document_id(&self) -> (Option<PathBuf>, String) {
        (self.file.path.clone(), self.file.name.clone())
    }

    fn current_origin(&self) -> Origin {
        match &self.file.path {
            Some(p) => Origin::of_file(p).unwrap_or_else(|_| Origin {
                path: Some(p.clone()),
                name: self.file.name.clone(),
                size: 0,
                stamp: 0,
            }),
            None if self.file.name == SAMPLE_NAME => Origin::of_bytes(SAMPLE_NAME, SAMPLE_CSV),
            None => Origin::of_bytes(&self.file.name, b""),
        }
    }

    /// Whether the file on disk holds exactly the rows the document had when saved.
    fn disk_holds_all_rows(&self) -> bool {
        !self.save.split && self.sheet.rows_to_write().len() == self.sheet.doc().rows()
    }

    /// Notices another document (opened, saved under another name) or a save, and asks
    /// about a journal left for a newly shown document.
    fn track_document(&mut self) {
        let id = self.document_id();
        let dirty = self.sheet.is_dirty();
        let changed = self.recovery.doc.as_ref().is_none_or(|t| t.id != id);
        if changed {
            // The document shown before was replaced: its edits were saved or dropped.
            self.forget_journal();
            let fresh = self.sheet.history().is_empty() && !self.sheet.can_redo();
            self.recovery.doc = Some(Tracked {
                id,
                origin: self.current_origin(),
                base_is_disk: fresh || self.disk_holds_all_rows(),
                journaled: None,
                last_write: None,
                was_dirty: dirty,
            });
            self.look_for_journal();
            return;
        }
        let was_dirty = self.recovery.doc.as_ref().is_some_and(|t| t.was_dirty);
        if was_dirty && !dirty {
            // Saved (or undone back to the saved state): the file is the new base.
            self.forget_journal();
            let origin = self.current_origin();
            let base = self.disk_holds_all_rows();
            if let Some(t) = self.recovery.doc.as_mut() {
                t.origin = origin;
                t.base_is_disk = base;
            }
        }
        if let Some(t) = self.recovery.doc.as_mut() {
            t.was_dirty = dirty;
        }
    }

    /// Removes the journal written for the tracked document, if any.
    fn forget_journal(&mut self) {
        let (Some(dir), Some(t)) = (&self.recovery.dir, self.recovery.doc.as_mut()) else {
            return;
        };
        if t.journaled.take().is_some()
            && let Some(w) = &self.recovery.writer
        {
            w.discard(Journal::path(dir, &t.origin));
        }
    }

    fn journal_if_due(&mut self) {
        let (Some(dir), Some(t), Some(w)) = (
            &self.recovery.dir,
            self.recovery.doc.as_mut(),
            &self.recovery.writer,
        ) else {
            return;
        };
        let rev = self.sheet.revision();
        let due = t.last_write.is_none_or(|at| at.elapsed() >= JOURNAL_EVERY);
        if !self.sheet.is_dirty() || t.journaled == Some(rev) || !due {
            return;
        }
        if let Some(entry) = JournalEntry::from_sheet(&self.sheet, t.origin.clone(), t.base_is_disk)
        {
            w.write(dir.clone(), entry);
            t.journaled = Some(rev);
            t.last_write = Some(Instant::now());
        }
    }

    fn look_for_journal(&mut self) {
        let (Some(dir), Some(t)) = (&self.recovery.dir, &self.recovery.doc) else {
            return;
        };
        let Some(stored) = Journal::find(dir, &t.origin) else {
            return;
        };
        let stale = stored.entry.origin.differs_from(&t.origin);
        let preview = stored.entry.preview(&self.sheet);
        self.recovery.offer = Some(Offer {
            stored,
            preview,
            stale,
        });
    }

    fn show_offer(&mut self, ctx: &egui::Context) {
        let Some(offer) = &self.recovery.offer else {
            return;
        };
        let header = &self.sheet.doc().header;
        let modal = Modal::new(Id::unique("bulksheet-recovery")).show(ctx, |ui| {
            ui.set_max_width(theme::DIALOG_WIDTH);
            offer_body(ui, offer, header, &self.file.name)
        });
        if let Some(choice) = modal.inner {
            self.answer_offer(choice);
        }
    }

    fn answer_offer(&mut self, choice: Choice) {
        let Some(offer) = self.recovery.offer.take() else {
            return;
        };
        match choice {
            Choice::Restore => match offer.stored.entry.apply_to(&mut self.sheet) {
                Ok(p) => {
                    self.discard_file(offer.stored.file);
                    self.grid
                        .clamp(self.sheet.doc().rows(), self.sheet.doc().width());
                    let (c, a, d) = (p.changes.len(), p.rows_inserted, p.rows_deleted);
                    self.say(false, move |l| {
                        trf(
                            l,
                            "Restored {c} changed cells, {a} rows added, {d} rows deleted. Save to keep them.",
                            &[("c", &c), ("a", &a), ("d", &d)],
                        )
                    });
                }
                Err(e) => {
                    self.say(true, move |l| {
                        trf(l, "Nothing restored: {e}", &[("e", &e.message(l))])
                    });
                }
            },
            Choice::Discard => self.discard_file(offer.stored.file),
            Choice::Later => {
                // Kept under another name, so journaling new edits does not overwrite it.
                if let Err(e) = Journal::set_aside(&offer.stored) {
                    let e = e.to_string();
                    self.say(true, move |l| {
                        trf(l, "Could not keep the recovery journal: {e}", &[("e", &e)])
                    });
                }
            }
        }
    }

    fn discard_file(&mut self, file: PathBuf) {
        if let Some(w) = &self.recovery.writer {
            w.discard(file);
        }
    }
}

fn offer_body(ui: &mut egui::Ui, offer: &Offer, header: &[String], name: &str) -> Option<Choice> {
    let lang = Lang::En;
    let mut choice = None;
    ui.heading(tr(lang, "Restore unsaved edits?"));
    ui.label(format!(
        "{} {name}",
        tr(
            lang,
            "Bulksheet stopped before these edits were saved. File:"
        )
    ));
    if offer.stale {
        ui.label(
            RichText::new(tr(
                lang,
                "The file has changed on disk since these edits were made. Check the list before restoring.",
            ))
            .color(theme::Palette::for_visuals(ui.visuals()).warning_text),
        );
    }
    match &offer.preview {
        Ok(p) => preview_list(ui, p, header),
        Err(e) => {
            ui.label(format!(
                "{} {}",
                tr(lang, "These edits cannot be restored:"),
                e.message(lang)
            ));
        }
    }
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        let can = offer.preview.is_ok();
        if ui
            .add_enabled(can, egui::Button::new(tr(lang, "Restore")))
            .clicked()
        {
            choice = Some(Choice::Restore);
        }
        if ui.button(tr(lang, "Discard")).clicked() {
            choice = Some(Choice::Discard);
        }
        if ui.button(tr(lang, "Later")).clicked() {
            choice = Some(Choice::Later);
        }
    });
    choice
}

/// The changed cells, "Row 2, Login ID: old → new", then the row counts.
fn preview_list(ui: &mut egui::Ui, p: &Preview, header: &[String]) {
    let lang = Lang::En;
    ui.label(format!(
        "{}: {}   {}: {}   {}: {}",
        tr(lang, "Changed cells"),
        p.changes.len(),
        tr(lang, "Rows added"),
        p.rows_inserted,
        tr(lang, "Rows deleted"),
        p.rows_deleted
    ));
    ScrollArea::vertical()
        .max_height(theme::DIALOG_LIST_HEIGHT)
        .auto_shrink([false, true])
        .show_rows(ui, theme::ISSUE_ROW_HEIGHT, p.changes.len(), |ui, range| {
            for c in p.changes.get(range).unwrap_or_default() {
                let column = header.get(c.col).map_or("", String::as_str);
                ui.add(
                    egui::Label::new(format!(
                        "{} {}, {column}: {} → {}",
                        tr(lang, "Row"),
                        c.row + 1,
                        shown(&c.old),
                        shown(&c.new)
                    ))
                    .truncate(),
                );
            }
        });
}

/// A value as listed: empty shown as such, long ones cut.
fn shown(v: &str) -> String {
    if v.is_empty() {
        return tr(Lang::En, "(empty)").to_string();
    }
    let mut s: String = v.chars().take(60).collect();
    if v.chars().nth(60).is_some() {
        s.push('…');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::super::i18n::japanese;

    #[test]
    fn every_recovery_label_has_a_japanese_translation() {
        let source = include_str!("recovery.rs");
        let code = source.split("#[cfg(test)]").next().unwrap_or_default();
        // Every `tr(lang, "…")` or `tr(Lang::En, "…")`, however it is wrapped.
        let labels: Vec<&str> = code
            .split("tr(")
            .skip(1)
            .filter_map(|rest| {
                let (before, after) = rest.split_once('"')?;
                let lang = before.trim().trim_end_matches(',').trim();
                matches!(lang, "lang" | "Lang::En").then_some(after.split_once('"')?.0)
            })
            .collect();
        assert!(labels.len() >= 10, "{labels:?}");
        for l in labels {
            assert!(japanese(l).is_some(), "no Japanese for {l:?}");
        }
    }
}
