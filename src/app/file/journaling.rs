//! Journaling the window's unsaved edits and offering a journal back: follows the document
//! shown, writes its journal when due, and carries out the answer to the offer.

use super::recovery::{Choice, DocumentId, JOURNAL_EVERY, Offer, Recovery, Tracked};
use crate::app::BulksheetApp;
use crate::app::command::Command;
use crate::app::dialogs::recovery::offer_body;
use crate::app::i18n::trf;
use crate::app::theme;
use crate::journal::{Journal, JournalEntry, Origin};
use crate::sample_data::{SAMPLE_CSV, SAMPLE_NAME};
use eframe::egui;
use egui::{Id, Modal};
use std::path::PathBuf;
use std::time::Instant;

impl BulksheetApp {
    /// Turns journaling on, in this folder; a journal already there for the document is
    /// offered on the next frame.
    pub fn with_recovery_dir(mut self, dir: PathBuf) -> Self {
        self.recovery = Recovery::new(dir);
        self
    }

    /// Journaling in the per-user folder: `recovery` in eframe's storage folder for the
    /// app, where the settings are (see `Journal::settled_dir`), if there is one.
    pub fn with_default_recovery(self) -> Self {
        let data = eframe::storage_dir(crate::app::APP_ID);
        match Journal::settled_dir(data.as_deref()) {
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
    pub(crate) fn recovery_frame(&mut self, ctx: &egui::Context) {
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

    fn document_id(&self) -> DocumentId {
        (
            self.file.path.clone(),
            self.file.name.clone(),
            self.worksheet(),
        )
    }

    /// The worksheet shown, for a workbook.
    fn worksheet(&self) -> Option<String> {
        self.sheet.doc().workbook.as_ref().map(|b| b.sheet.clone())
    }

    fn current_origin(&self) -> Origin {
        let origin = match &self.file.path {
            Some(p) => Origin::of_file(p).unwrap_or_else(|_| Origin {
                path: Some(p.clone()),
                name: self.file.name.clone(),
                size: 0,
                stamp: 0,
                sheet: None,
            }),
            None if self.file.name == SAMPLE_NAME => Origin::of_bytes(SAMPLE_NAME, SAMPLE_CSV),
            None => Origin::of_bytes(&self.file.name, b""),
        };
        origin.in_sheet(self.worksheet())
    }

    /// After a save that wrote the document's own file: the journal's base is that file
    /// when it holds every row and column (otherwise the journal holds every row).
    pub(crate) fn file_written(&mut self) {
        let base = self.disk_holds_all_rows();
        if let Some(t) = self.recovery.doc.as_mut() {
            t.base_is_disk = base;
        }
    }

    /// Whether the file on disk holds exactly the rows (and columns) the document had
    /// when saved.
    fn disk_holds_all_rows(&self) -> bool {
        !self.save.split
            && self.sheet.rows_to_write().len() == self.sheet.doc().rows()
            && self.sheet.columns_to_write().is_none()
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
            // Saved (or undone back to the saved state): nothing is unsaved. Whether the
            // file is the new base was settled by the save (`file_written`).
            self.forget_journal();
            let origin = self.current_origin();
            if let Some(t) = self.recovery.doc.as_mut() {
                t.origin = origin;
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
        if let Some(entry) = JournalEntry::pending(&self.sheet, t.origin.clone(), t.base_is_disk) {
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
        // Esc asks again another time: the safe answer, nothing restored or deleted.
        let escape = ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape));
        if let Some(cmd) = modal.inner.or(escape.then_some(Command::RestoreLater)) {
            self.queue.push(cmd);
        }
    }

    /// Carries out the answer to the restore question.
    pub(crate) fn answer_offer(&mut self, choice: Choice) {
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
