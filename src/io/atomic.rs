//! Saving atomically: the bytes go to a temp file in the same folder, flushed to disk, then
//! renamed over the target, so a crash never leaves a half-written file where the original
//! was. The saved file keeps the replaced one's permissions (and, where the system lets the
//! user, its owner and group); a new one gets the mode any new file gets.

use super::stale::{self, STALE_AFTER, TEMP_PREFIX, TEMP_SUFFIX};
use super::{WriteCause, WriteError};
use std::fs::{File, Metadata, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Writes `bytes` to a temp file beside `path`, syncs it and renames it over `path`, so
/// a failure never leaves a half-written file where the original was.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    write_atomic_with(path, bytes, |_| Ok(()))
}

/// Like [`write_atomic`], calling `before_rename` with the temp file's path once its bytes
/// are on disk: tests inject faults there (any `io::Error`, e.g. a disk-full code).
pub fn write_atomic_with(
    path: &Path,
    bytes: &[u8],
    before_rename: impl FnOnce(&Path) -> io::Result<()>,
) -> Result<(), WriteError> {
    write_atomic_as(path, bytes, Access::LikeReplaced, before_rename)
}

/// Like [`write_atomic`] for a file that holds people's data for the user alone (a
/// recovery journal): on Unix it is written `0600`, whatever mode the file it replaces had.
pub fn write_atomic_private(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    write_atomic_as(path, bytes, Access::OwnerOnly, |_| Ok(()))
}

/// Who may read the file written.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Access {
    /// A replacement keeps the replaced file's mode and owner; a new file gets the mode any
    /// new file gets.
    LikeReplaced,
    /// The user alone (the temp file's own `0600`), replacing or not.
    OwnerOnly,
}

fn write_atomic_as(
    path: &Path,
    bytes: &[u8],
    access: Access,
    before_rename: impl FnOnce(&Path) -> io::Result<()>,
) -> Result<(), WriteError> {
    let fail = |source: io::Error, opening_file: bool| WriteError::Io {
        path: path.to_path_buf(),
        cause: WriteCause::of_here(&source, opening_file),
        source,
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    stale::remove_stale_temps(&dir, STALE_AFTER);
    let replaced = writable_existing(path).map_err(|e| fail(e, true))?;
    let owner_only = access == Access::OwnerOnly || replaced.is_some();
    let mut tmp = new_temp(&dir, owner_only).map_err(|e| fail(e, false))?;
    // The lock says "a save is using this" to a later save cleaning the folder (stale.rs).
    // Where the file system has no locks the save goes on without one.
    let _ = tmp.as_file().try_lock();
    tmp.write_all(bytes).map_err(|e| fail(e, false))?;
    tmp.as_file().sync_all().map_err(|e| fail(e, false))?;
    if let Some(was) = replaced.as_ref().filter(|_| access == Access::LikeReplaced) {
        keep_access(tmp.as_file(), was).map_err(|e| fail(e, false))?;
    }
    before_rename(tmp.path()).map_err(|e| fail(e, false))?;
    tmp.persist(path).map_err(|e| fail(e.error, false))?;
    sync_folder(&dir);
    Ok(())
}

/// The file about to be replaced, once it is known it may be written. A rename replaces a
/// read-only file as readily as any (on Unix only the folder's permission counts), so the
/// file's own is asked here; on Windows this is also where a file another program holds
/// open (Excel) is refused with the sharing error that names the reason.
fn writable_existing(path: &Path) -> io::Result<Option<Metadata>> {
    // Anything unusual (no such file, a folder not searchable) is left to creating the temp
    // file to report in the folder's terms.
    let Ok(meta) = std::fs::metadata(path) else {
        return Ok(None);
    };
    if !meta.is_file() {
        return Ok(None);
    }
    // Opening without truncating or writing changes nothing, not even the modified time.
    OpenOptions::new().write(true).open(path)?;
    Ok(Some(meta))
}

fn new_temp(dir: &Path, owner_only: bool) -> io::Result<tempfile::NamedTempFile> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(TEMP_PREFIX).suffix(TEMP_SUFFIX);
    // A new file is created like any other: read-write for all, less the user's umask. A
    // replacement stays owner-only until it takes the replaced file's mode, so its bytes
    // are never more widely readable than the file's were.
    #[cfg(unix)]
    if !owner_only {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    #[cfg(not(unix))]
    let _ = owner_only;
    builder.tempfile_in(dir)
}

/// Gives the temp file the replaced file's owner, group and permission bits.
#[cfg(unix)]
fn keep_access(file: &File, was: &Metadata) -> io::Result<()> {
    use std::os::unix::fs::{MetadataExt, PermissionsExt, fchown};
    let now = file.metadata()?;
    if (now.uid(), now.gid()) != (was.uid(), was.gid()) {
        // Only root may give a file away; its owner may still pass it to a group they are
        // in. Where neither is allowed the saved file is the saver's, as with any editor.
        if fchown(file, Some(was.uid()), Some(was.gid())).is_err() {
            let _ = fchown(file, None, Some(was.gid()));
        }
    }
    // After the owner: changing the owner clears the set-id bits.
    file.set_permissions(std::fs::Permissions::from_mode(was.mode() & 0o7777))
}

/// Windows keeps no Unix modes; a read-only file was refused before writing, and the new
/// file takes the folder's inherited access rules.
#[cfg(not(unix))]
fn keep_access(_file: &File, _was: &Metadata) -> io::Result<()> {
    Ok(())
}

/// The rename is only durable once the folder's entry is on disk. Some file systems refuse
/// to sync a folder, and the file is in place by now either way, so a refusal is no failure.
#[cfg(unix)]
fn sync_folder(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

/// Windows gives no handle on a folder to sync.
#[cfg(not(unix))]
fn sync_folder(_dir: &Path) {}
