//! Why a save failed, in the terms a user can act on: the file is open in another program,
//! read-only, the folder cannot be written, the disk is full, the folder is gone. The
//! system's error code is read here once; the words are in `error_text.rs`.

use std::io::{self, ErrorKind};

/// What stopped a save, as far as the system's error says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteCause {
    /// Another program has the file open and locked (Excel does so with every CSV it shows).
    InUse,
    /// The file itself may not be written (read-only, or not the user's to change).
    ReadOnlyFile,
    /// The folder, or the drive it is on, may not be written.
    ReadOnlyFolder,
    /// No room left on the drive (or the user's quota is used up).
    DiskFull,
    /// The folder is not there (renamed, removed, a drive or network share disconnected).
    PathGone,
    /// Anything else: only the system's own words say why.
    Other,
}

/// Windows system error codes (plain numbers, so they are read the same on every build).
const ERROR_FILE_NOT_FOUND: i32 = 2;
const ERROR_PATH_NOT_FOUND: i32 = 3;
const ERROR_ACCESS_DENIED: i32 = 5;
const ERROR_WRITE_PROTECT: i32 = 19;
const ERROR_SHARING_VIOLATION: i32 = 32;
const ERROR_LOCK_VIOLATION: i32 = 33;
const ERROR_HANDLE_DISK_FULL: i32 = 39;
const ERROR_DISK_FULL: i32 = 112;

impl WriteCause {
    /// What an error met while saving means. `opening_file`: the error came from opening the
    /// existing file itself (a refusal there is the file's, elsewhere the folder's).
    /// `windows`: the raw code is a Windows system error code; the same number means
    /// something else on Unix (32 is a broken pipe there), so it is only read as one when
    /// the program runs on Windows (`cfg!(windows)`), and tests pass either.
    pub fn of(err: &io::Error, opening_file: bool, windows: bool) -> WriteCause {
        let denied = if opening_file {
            WriteCause::ReadOnlyFile
        } else {
            WriteCause::ReadOnlyFolder
        };
        if windows {
            match err.raw_os_error() {
                Some(ERROR_SHARING_VIOLATION | ERROR_LOCK_VIOLATION) => return WriteCause::InUse,
                Some(ERROR_ACCESS_DENIED) => return denied,
                Some(ERROR_WRITE_PROTECT) => return WriteCause::ReadOnlyFolder,
                Some(ERROR_DISK_FULL | ERROR_HANDLE_DISK_FULL) => return WriteCause::DiskFull,
                Some(ERROR_FILE_NOT_FOUND | ERROR_PATH_NOT_FOUND) => return WriteCause::PathGone,
                _ => {}
            }
        }
        match err.kind() {
            ErrorKind::PermissionDenied => denied,
            ErrorKind::ReadOnlyFilesystem => WriteCause::ReadOnlyFolder,
            ErrorKind::StorageFull | ErrorKind::QuotaExceeded => WriteCause::DiskFull,
            ErrorKind::NotFound | ErrorKind::NotADirectory => WriteCause::PathGone,
            _ => WriteCause::Other,
        }
    }

    /// [`WriteCause::of`] for the system the program runs on.
    pub fn of_here(err: &io::Error, opening_file: bool) -> WriteCause {
        Self::of(err, opening_file, cfg!(windows))
    }
}
