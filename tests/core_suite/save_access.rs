//! Who may read a saved file: a file saved over keeps its permission bits, and its owner
//! and group where the saver may set them, rather than the temp file's owner-only mode.

#![cfg(unix)]

use bulksheet::io::write_atomic;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().mode() & 0o7777
}

#[test]
fn an_overwritten_file_keeps_its_permission_bits() {
    let dir = tempfile::tempdir().unwrap();
    for (i, bits) in [0o644, 0o640, 0o604, 0o664, 0o600].into_iter().enumerate() {
        let path = dir.path().join(format!("users-{i}.csv"));
        std::fs::write(&path, b"a,b\r\n").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(bits)).unwrap();
        write_atomic(&path, b"a,b\r\n1,2\r\n").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"a,b\r\n1,2\r\n");
        assert_eq!(mode(&path), bits, "{bits:o} came back {:o}", mode(&path));
    }
}

/// Only root may give a file to another user; as anyone else the owner is the saver, so
/// there is nothing to test.
#[test]
fn an_overwritten_file_keeps_its_owner_and_group_where_the_saver_may_set_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("users.csv");
    std::fs::write(&path, b"a,b\r\n").unwrap();
    // SAFETY: geteuid only reads the process's user id.
    if unsafe { libc::geteuid() } != 0 {
        let before = std::fs::metadata(&path).unwrap();
        write_atomic(&path, b"a,b\r\n1,2\r\n").unwrap();
        let after = std::fs::metadata(&path).unwrap();
        assert_eq!((after.uid(), after.gid()), (before.uid(), before.gid()));
        return;
    }
    let (uid, gid) = (65534, 65533);
    std::os::unix::fs::chown(&path, Some(uid), Some(gid)).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    write_atomic(&path, b"a,b\r\n1,2\r\n").unwrap();
    let after = std::fs::metadata(&path).unwrap();
    assert_eq!((after.uid(), after.gid()), (uid, gid));
    assert_eq!(after.mode() & 0o7777, 0o640);
}
