//! Where journals are kept: `recovery` in the app's data folder (eframe's storage folder,
//! beside the settings, on every system), which the window passes in since the core knows
//! no windowing library. Journals a crash left where earlier versions kept them are moved
//! there at start, so they are still offered.

use super::{DIR_ENV, EXTENSION, Journal};
use std::path::{Path, PathBuf};

/// The journal folder's name inside the app's data folder.
const SUBFOLDER: &str = "recovery";

impl Journal {
    /// The folder journals are kept in: `$BULKSHEET_RECOVERY_DIR` when set, else `recovery`
    /// in the app's data folder.
    pub fn default_dir(app_data: Option<&Path>) -> Option<PathBuf> {
        env_dir(DIR_ENV).or_else(|| app_data.map(|d| d.join(SUBFOLDER)))
    }

    /// The folder journals were kept in before they moved into the app's data folder:
    /// `$XDG_DATA_HOME/bulksheet/recovery`, else `%LOCALAPPDATA%\bulksheet\recovery`, else
    /// `~/.local/share/bulksheet/recovery`. On Linux this is the app's data folder's
    /// `recovery` too (eframe uses `$XDG_DATA_HOME` when it is an absolute path, else
    /// `~/.local/share`).
    pub fn earlier_dir() -> Option<PathBuf> {
        let data = env_dir("XDG_DATA_HOME")
            .or_else(|| env_dir("LOCALAPPDATA"))
            .or_else(|| env_dir("HOME").map(|h| h.join(".local").join("share")))?;
        Some(data.join("bulksheet").join(SUBFOLDER))
    }

    /// The window's journal folder ([`Journal::default_dir`]), with the journals left in
    /// [`Journal::earlier_dir`] moved into it first. Nothing is moved when
    /// `$BULKSHEET_RECOVERY_DIR` chooses the folder.
    pub fn settled_dir(app_data: Option<&Path>) -> Option<PathBuf> {
        let dir = Self::default_dir(app_data)?;
        if env_dir(DIR_ENV).is_none()
            && let Some(earlier) = Self::earlier_dir()
        {
            Self::adopt(&earlier, &dir);
        }
        Self::mend_modes(&dir);
        Some(dir)
    }

    /// Narrows to the user alone a journal folder, and the journals in it, that an earlier
    /// version left readable by others (`0755` / `0644`). A folder not made yet is left
    /// for the first write, which makes it private. Failures are skipped.
    pub fn mend_modes(dir: &Path) {
        if !dir.is_dir() || crate::private::ensure_dir(dir).is_err() {
            return;
        }
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for path in entries.filter_map(Result::ok).map(|e| e.path()) {
            if path.is_file() && path.extension().is_some_and(|x| x == EXTENSION) {
                let _ = crate::private::mend_file(&path);
            }
        }
    }

    /// Moves the journal files of folder `from` into folder `to` (created if need be),
    /// keeping any of the same name already in `to`; returns the files moved, at their new
    /// place. Failures are skipped: a journal must never stop the program from starting.
    pub fn adopt(from: &Path, to: &Path) -> Vec<PathBuf> {
        if same_folder(from, to) {
            return Vec::new();
        }
        let Ok(entries) = std::fs::read_dir(from) else {
            return Vec::new();
        };
        let files: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == EXTENSION))
            .collect();
        if files.is_empty() || std::fs::create_dir_all(to).is_err() {
            return Vec::new();
        }
        files
            .into_iter()
            .filter_map(|file| {
                let dest = to.join(file.file_name()?);
                if dest.exists() {
                    return None;
                }
                // Across drives a rename fails; a copy then a removal does the same.
                let moved = std::fs::rename(&file, &dest).is_ok()
                    || (std::fs::copy(&file, &dest).is_ok() && std::fs::remove_file(&file).is_ok());
                moved.then_some(dest)
            })
            .collect()
    }
}

fn same_folder(a: &Path, b: &Path) -> bool {
    if a == b {
        return true;
    }
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// A folder named by an environment variable; unset and empty are alike.
fn env_dir(name: &str) -> Option<PathBuf> {
    std::env::var_os(name)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}
