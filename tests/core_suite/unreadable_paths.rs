//! Paths that are no readable file (a folder, a missing file, one without read
//! permission) are refused with an error that names them.

use bulksheet::io::read_path;
use std::path::PathBuf;

#[test]
fn a_directory_is_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let err = read_path(dir.path(), None).unwrap_err().to_string();
    assert!(err.contains("is a folder, not a file"), "{err}");
    assert!(err.contains(&dir.path().display().to_string()), "{err}");
}

#[test]
fn a_missing_file_is_refused_by_name() {
    let path = PathBuf::from("tests/data/bad/no-such-file.csv");
    let err = read_path(&path, None).unwrap_err().to_string();
    assert!(err.contains("no-such-file.csv"), "{err}");
}

#[cfg(unix)]
#[test]
fn a_file_without_read_permission_is_refused_by_name() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("locked.csv");
    std::fs::write(&path, "name,email\r\nTaro,taro@example.com\r\n").unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    let result = read_path(&path, None);
    // Root (or a process with CAP_DAC_OVERRIDE) reads it anyway: then it must simply open.
    if std::fs::read(&path).is_ok() {
        assert!(result.is_ok(), "readable to us, so it must open");
        return;
    }
    let err = result.unwrap_err().to_string();
    assert!(err.contains("locked.csv"), "{err}");
    assert!(err.to_lowercase().contains("permission denied"), "{err}");
}
