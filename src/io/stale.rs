//! Temp files a killed save left beside its target (`.bulksheet-XXXXXX.tmp`): the rename
//! never happened, so they are only ever partial or abandoned copies, as large as the file
//! saved. A save holds a lock on its temp file while it writes (`atomic.rs`); one that no
//! process holds locked belongs to no running save. The next save into the folder (and
//! opening a file there) removes those.

use std::fs::{OpenOptions, TryLockError};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// A save creates its temp file and locks it a moment later; a temp file younger than this
/// is left alone so that moment is never taken for a dead save.
pub const STALE_AFTER: Duration = Duration::from_secs(10);

/// How a temp file's name starts.
pub(super) const TEMP_PREFIX: &str = ".bulksheet-";
/// How a temp file's name ends.
pub(super) const TEMP_SUFFIX: &str = ".tmp";

/// Removes this program's temp files in a folder that no process holds locked and that are
/// at least `grace` old; returns those removed. A temp file whose lock cannot be tested
/// (the file system has no locks, or it cannot be opened) is kept. Failures are ignored:
/// tidying must never stop a file from opening or saving.
pub fn remove_stale_temps(dir: &Path, grace: Duration) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let now = SystemTime::now();
    entries
        .filter_map(Result::ok)
        .filter(|e| is_our_temp(&e.file_name().to_string_lossy()))
        .filter(|e| {
            e.metadata().is_ok_and(|m| {
                m.is_file()
                    && m.modified()
                        .ok()
                        .and_then(|t| now.duration_since(t).ok())
                        .is_some_and(|d| d >= grace)
            })
        })
        .map(|e| e.path())
        .filter(|p| remove_if_unlocked(p))
        .collect()
}

/// Removes the file if no one holds it locked; true when removed.
fn remove_if_unlocked(path: &Path) -> bool {
    // Opened for writing: where locks are emulated by byte-range locks (NFS), an exclusive
    // lock needs a writable handle.
    let Ok(file) = OpenOptions::new().read(true).write(true).open(path) else {
        return false;
    };
    match file.try_lock() {
        Ok(()) => {
            // Closed first: Windows removes a file still open only once it is closed.
            drop(file);
            std::fs::remove_file(path).is_ok()
        }
        Err(TryLockError::WouldBlock | TryLockError::Error(_)) => false,
    }
}

fn is_our_temp(name: &str) -> bool {
    name.len() > TEMP_PREFIX.len() + TEMP_SUFFIX.len()
        && name.starts_with(TEMP_PREFIX)
        && name.ends_with(TEMP_SUFFIX)
}
