//! Unsaved edits survive a crash: while the document has unsaved edits, its journal is
//! rewritten every few seconds (on a worker thread); on start and after opening a file,
//! a journal left for it is offered back, showing what it would change. The journal is
//! removed when the edits are saved, knowingly dropped, or the window closes cleanly.

use super::journal_writer::JournalWriter;
use crate::journal::{Origin, Preview, RestoreError, Stored};
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// Unsaved edits are journaled at most this often.
pub const JOURNAL_EVERY: Duration = Duration::from_secs(3);

/// Journaling state of the window; inactive (no folder) unless asked for, so library
/// users and tests never write into the user's data folder by accident.
#[derive(Default)]
pub struct Recovery {
    /// The folder journals go to; None: journaling is off.
    pub(crate) dir: Option<PathBuf>,
    /// Writes the journals off the window's thread.
    pub(crate) writer: Option<JournalWriter>,
    /// The document followed.
    pub(crate) doc: Option<Tracked>,
    /// A journal offered back, while the question is on screen.
    pub(crate) offer: Option<Offer>,
}

/// A document as the window tells documents apart: path, name, worksheet.
pub(crate) type DocumentId = (Option<PathBuf>, String, Option<String>);

/// The document being journaled.
pub(crate) struct Tracked {
    /// The window's path and name for it, and the worksheet of a workbook: when these
    /// change, another document is shown.
    pub(crate) id: DocumentId,
    /// The file (or bytes) the edits apply to.
    pub(crate) origin: Origin,
    /// The file on disk is the state the undo history was last saved at (false after a
    /// save that dropped blank rows or was split into parts: the whole table is journaled).
    pub(crate) base_is_disk: bool,
    /// The revision last journaled.
    pub(crate) journaled: Option<u64>,
    /// When a journal was last written.
    pub(crate) last_write: Option<Instant>,
    /// It had unsaved edits last frame.
    pub(crate) was_dirty: bool,
}

/// A journal found for the document, with what restoring it would do.
pub(crate) struct Offer {
    /// The journal found.
    pub(crate) stored: Stored,
    /// What restoring it would change, or why it cannot be.
    pub(crate) preview: Result<Preview, RestoreError>,
    /// The file changed on disk since the edits were made.
    pub(crate) stale: bool,
}

/// The user's answer to the offer.
pub enum Choice {
    /// Apply the journal to the document.
    Restore,
    /// Delete the journal.
    Discard,
    /// Keep the journal aside and ask again another time.
    Later,
}

impl Recovery {
    /// Journaling into this folder.
    pub fn new(dir: PathBuf) -> Self {
        Recovery {
            dir: Some(dir),
            writer: Some(JournalWriter::start()),
            doc: None,
            offer: None,
        }
    }

    /// The restore question is on screen.
    pub fn is_asking(&self) -> bool {
        self.offer.is_some()
    }
}
