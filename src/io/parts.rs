//! Splitting a save into files small enough for the console's row limit: `users.csv`
//! becomes `users-1.csv`, `users-2.csv`, … each with the header.

use std::path::{Path, PathBuf};

/// The files to write and their rows: one file, or numbered parts of at most `split` rows.
pub fn plan_parts(out: &Path, rows: &[usize], split: Option<usize>) -> Vec<(PathBuf, Vec<usize>)> {
    let Some(n) = split else {
        return vec![(out.to_path_buf(), rows.to_vec())];
    };
    let chunks: Vec<Vec<usize>> = if rows.is_empty() {
        vec![Vec::new()]
    } else {
        rows.chunks(n.max(1)).map(<[usize]>::to_vec).collect()
    };
    chunks
        .into_iter()
        .enumerate()
        .map(|(i, part)| (part_path(out, i + 1), part))
        .collect()
}

/// `users.csv` → `users-1.csv`.
pub fn part_path(out: &Path, k: usize) -> PathBuf {
    let stem = out
        .file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    let name = match out.extension() {
        Some(ext) => format!("{stem}-{k}.{}", ext.to_string_lossy()),
        None => format!("{stem}-{k}"),
    };
    out.with_file_name(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_are_numbered_and_hold_at_most_n_rows() {
        let rows: Vec<usize> = (0..250).collect();
        let parts = plan_parts(Path::new("/tmp/users.csv"), &rows, Some(100));
        let names: Vec<String> = parts.iter().map(|(p, _)| p.display().to_string()).collect();
        assert_eq!(
            names,
            ["/tmp/users-1.csv", "/tmp/users-2.csv", "/tmp/users-3.csv"]
        );
        let sizes: Vec<usize> = parts.iter().map(|(_, r)| r.len()).collect();
        assert_eq!(sizes, [100, 100, 50]);
    }

    #[test]
    fn no_split_is_one_file_with_every_row() {
        let parts = plan_parts(Path::new("a.csv"), &[0, 2, 5], None);
        assert_eq!(parts, vec![(PathBuf::from("a.csv"), vec![0, 2, 5])]);
    }
}
