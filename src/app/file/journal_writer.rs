//! Writes recovery journals on a worker thread, in the order asked, so the window never
//! waits on the disk. Dropping the writer lets the worker finish what was queued.

use crate::journal::{Journal, JournalError, PendingEntry};
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};

enum Job {
    /// Finished on this thread (a journal of every row is copied out as text here).
    Write(PathBuf, Box<PendingEntry>),
    Discard(PathBuf),
    /// Answers once everything queued before it is done.
    Flush(Sender<()>),
}

/// The worker that writes journals, and its last failure.
pub struct JournalWriter {
    tx: Sender<Job>,
    /// The last failure, shown once in the status bar.
    error: Arc<Mutex<Option<JournalError>>>,
}

impl JournalWriter {
    /// Starts the worker.
    pub fn start() -> Self {
        let (tx, rx) = channel();
        let error = Arc::new(Mutex::new(None));
        let seen = error.clone();
        std::thread::spawn(move || work(&rx, &seen));
        JournalWriter { tx, error }
    }

    /// Queues writing a journal entry into a folder.
    pub fn write(&self, dir: PathBuf, entry: PendingEntry) {
        let _ = self.tx.send(Job::Write(dir, Box::new(entry)));
    }

    /// Queues removing a journal file.
    pub fn discard(&self, file: PathBuf) {
        let _ = self.tx.send(Job::Discard(file));
    }

    /// Waits until everything asked so far is on disk (tests, closing).
    pub fn flush(&self) {
        let (tx, rx) = channel();
        if self.tx.send(Job::Flush(tx)).is_ok() {
            let _ = rx.recv();
        }
    }

    /// The last failure, once.
    pub fn take_error(&self) -> Option<JournalError> {
        self.error.lock().ok().and_then(|mut e| e.take())
    }
}

fn work(rx: &Receiver<Job>, error: &Mutex<Option<JournalError>>) {
    while let Ok(first) = rx.recv() {
        // What was queued meanwhile too: a journal of a big step takes seconds to write
        // while the window queues one every few seconds, so a write that a later job for
        // the same file replaces is skipped rather than left to pile up.
        let jobs: Vec<Job> = std::iter::once(first).chain(rx.try_iter()).collect();
        let files: Vec<Option<PathBuf>> = jobs.iter().map(file_of).collect();
        for (i, job) in jobs.into_iter().enumerate() {
            let later = files.get(i + 1..).unwrap_or_default();
            let replaced = match (&job, files.get(i)) {
                (Job::Write(..), Some(Some(file))) => later.iter().flatten().any(|f| f == file),
                _ => false,
            };
            if replaced {
                continue;
            }
            let failed = match job {
                Job::Write(dir, entry) => Journal::write(&dir, &entry.finish()).err(),
                Job::Discard(file) => Journal::discard(&file).err(),
                Job::Flush(done) => {
                    let _ = done.send(());
                    None
                }
            };
            if let (Some(e), Ok(mut slot)) = (failed, error.lock()) {
                *slot = Some(e);
            }
        }
    }
}

/// The journal file a job writes or removes.
fn file_of(job: &Job) -> Option<PathBuf> {
    match job {
        Job::Write(dir, entry) => Some(Journal::path(dir, entry.origin())),
        Job::Discard(file) => Some(file.clone()),
        Job::Flush(_) => None,
    }
}
