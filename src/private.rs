//! Files that hold people's data for the user alone: the recovery journal (names and
//! addresses of unsaved edits) and the window's settings (recent file paths). On Unix their
//! folder is `0700` and each file `0600`, whatever the umask, and modes an earlier version
//! left wider are narrowed. On Windows the per-user AppData folder already keeps other
//! users out, so nothing is changed there.

use std::io;
use std::path::Path;

/// Creates `dir` (and its parents) if need be and makes it the user's alone.
pub fn ensure_dir(dir: &Path) -> io::Result<()> {
    std::fs::create_dir_all(dir)?;
    restrict(dir, DIR_MODE)
}

/// Makes an existing file the user's alone; a missing file is no error.
pub fn mend_file(file: &Path) -> io::Result<()> {
    match restrict(file, FILE_MODE) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        other => other,
    }
}

/// Creates `file` with `contents` readable by the user alone, unless it exists (then only
/// its mode is mended). A writer that later truncates and rewrites it keeps that mode.
pub fn create_file(file: &Path, contents: &[u8]) -> io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(FILE_MODE);
    }
    match options.open(file) {
        Ok(mut f) => f.write_all(contents),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => mend_file(file),
        Err(e) => Err(e),
    }
}

/// Owner only: read, write, search.
pub const DIR_MODE: u32 = 0o700;
/// Owner only: read, write.
pub const FILE_MODE: u32 = 0o600;

#[cfg(unix)]
fn restrict(path: &Path, mode: u32) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let now = std::fs::metadata(path)?.permissions().mode() & 0o7777;
    if now == mode {
        return Ok(());
    }
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
}

#[cfg(not(unix))]
fn restrict(path: &Path, _mode: u32) -> io::Result<()> {
    std::fs::metadata(path).map(|_| ())
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn mode(p: &Path) -> u32 {
        std::fs::metadata(p).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn a_wide_folder_and_file_are_narrowed_and_a_new_file_is_born_private() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("data");
        std::fs::create_dir(&dir).unwrap();
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
        let old = dir.join("old.json");
        std::fs::write(&old, b"{}").unwrap();
        std::fs::set_permissions(&old, std::fs::Permissions::from_mode(0o644)).unwrap();
        ensure_dir(&dir).unwrap();
        mend_file(&old).unwrap();
        assert_eq!((mode(&dir), mode(&old)), (0o700, 0o600));
        let new = dir.join("new.ron");
        create_file(&new, b"{}").unwrap();
        assert_eq!(mode(&new), 0o600);
        // A second call keeps what is there.
        std::fs::write(&new, b"kept").unwrap();
        create_file(&new, b"{}").unwrap();
        assert_eq!(std::fs::read(&new).unwrap(), b"kept");
        mend_file(&dir.join("missing")).unwrap();
    }
}
