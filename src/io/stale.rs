//! Temp files a killed save leaves beside its target (`.bulksheet-XXXXXX.tmp`): the rename
//! never happened, so they are only ever partial or abandoned copies. Removed when a file in
//! that folder is opened, once old enough that no running save can still own them.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// Temp files younger than this may belong to a save still running (in another window).
pub const STALE_AFTER: Duration = Duration::from_secs(60);

const PREFIX: &str = ".bulksheet-";
const SUFFIX: &str = ".tmp";

/// Removes this program's temp files older than `age` in a folder; returns those removed.
/// Failures are ignored: tidying must never stop a file from opening.
pub fn remove_stale_temps(dir: &Path, age: Duration) -> Vec<PathBuf> {
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
                        .is_some_and(|d| d >= age)
            })
        })
        .map(|e| e.path())
        .filter(|p| std::fs::remove_file(p).is_ok())
        .collect()
}

fn is_our_temp(name: &str) -> bool {
    name.len() > PREFIX.len() + SUFFIX.len() && name.starts_with(PREFIX) && name.ends_with(SUFFIX)
}
