//! The recent files list: most recent first, no repeats, at most ten.

use std::path::{Path, PathBuf};

/// How many recent files are kept.
pub const MAX_RECENT: usize = 10;

/// Puts a file at the top of the list, moving it up if it was already there.
pub fn push(list: &mut Vec<PathBuf>, path: &Path) {
    let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    list.retain(|p| p != &path);
    list.insert(0, path);
    list.truncate(MAX_RECENT);
}

/// Drops a file that could not be opened any more.
pub fn forget(list: &mut Vec<PathBuf>, path: &Path) {
    list.retain(|p| p != path);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newest_first_without_repeats_and_at_most_ten() {
        let mut list = Vec::new();
        for i in 0..12 {
            push(&mut list, Path::new(&format!("/tmp/f{i}.csv")));
        }
        assert_eq!(list.len(), MAX_RECENT);
        assert_eq!(list[0], PathBuf::from("/tmp/f11.csv"));
        push(&mut list, Path::new("/tmp/f5.csv"));
        assert_eq!(list[0], PathBuf::from("/tmp/f5.csv"));
        assert_eq!(list.len(), MAX_RECENT);
        assert_eq!(list.iter().filter(|p| p.ends_with("f5.csv")).count(), 1);
        forget(&mut list, Path::new("/tmp/f5.csv"));
        assert_eq!(list[0], PathBuf::from("/tmp/f11.csv"));
    }
}
