//! Why an open or a save failed, kept as data until shown, so the message is worded in the
//! window's language at the moment it is read (the user may switch language meanwhile).

use crate::app::i18n::{Lang, tr, trf};
use crate::io::{ReadError, WriteError};
use std::path::PathBuf;

/// An open or a save that did not work.
#[derive(Debug)]
pub enum Failure {
    /// The file could not be read or is no CSV.
    Read {
        /// The file asked for.
        path: PathBuf,
        /// Why it was not read.
        error: ReadError,
    },
    /// A cell could not be encoded, so no part was written.
    NothingWritten(WriteError),
    /// Writing a part failed; the parts before it were written.
    Write {
        /// Why the part failed.
        error: WriteError,
        /// The parts already written.
        written: Vec<PathBuf>,
    },
    /// The user cancelled a save part-way.
    Cancelled {
        /// The parts already written.
        written: Vec<PathBuf>,
    },
    /// The worker thread ended without an answer.
    WorkerStopped,
}

impl Failure {
    /// The message in a language.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Failure::Read { path, error } => error.message_for_file(path, lang),
            Failure::NothingWritten(e) => {
                trf(lang, "Nothing was written: {e}", &[("e", &e.message(lang))])
            }
            // The sheet stays as it was (unsaved), so the user can fix the cause and save
            // again without losing anything: said, since a failed save is when people fear
            // their work is gone.
            Failure::Write { error, written } => format!(
                "{}{}\n\n{}",
                error.message(lang),
                written_note(written, lang),
                tr(lang, "Your edits are all still here, unsaved.")
            ),
            Failure::Cancelled { written } if written.is_empty() => {
                tr(lang, "Saving was cancelled; nothing was written.").into()
            }
            Failure::Cancelled { written } => format!(
                "{}{}",
                tr(lang, "Saving was cancelled part-way"),
                written_note(written, lang)
            ),
            Failure::WorkerStopped => tr(lang, "The background task stopped unexpectedly.").into(),
        }
    }
}

fn written_note(files: &[PathBuf], lang: Lang) -> String {
    if files.is_empty() {
        return String::new();
    }
    let names: Vec<String> = files.iter().map(|p| p.display().to_string()).collect();
    trf(
        lang,
        " (already written: {names})",
        &[("names", &names.join(", "))],
    )
}
