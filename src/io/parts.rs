//! Splitting a save into files small enough for the console's row limit: `users.csv`
//! becomes `users-1.csv`, `users-2.csv`, … each with the header.

use std::path::{Path, PathBuf};

/// The files to write and their rows: one file, or numbered parts of at most `split` rows.
pub fn plan_parts(out: &Path, rows: &[usize], split: Option<usize>) -> Vec<(PathBuf, Vec<usize>)> {
    let paths = part_paths(out, rows.len(), split);
    let Some(n) = split else {
        return paths.into_iter().map(|p| (p, rows.to_vec())).collect();
    };
    let mut chunks = rows.chunks(n.max(1));
    paths
        .into_iter()
        .map(|p| (p, chunks.next().map(<[usize]>::to_vec).unwrap_or_default()))
        .collect()
}

/// The files a save of `rows` rows writes (as [`plan_parts`] names them), without
/// copying the rows: what a save asks about before it replaces anything.
pub fn part_paths(out: &Path, rows: usize, split: Option<usize>) -> Vec<PathBuf> {
    let Some(n) = split else {
        return vec![out.to_path_buf()];
    };
    let parts = rows.div_ceil(n.max(1)).max(1);
    (1..=parts).map(|k| part_path(out, k)).collect()
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

    #[test]
    fn the_paths_alone_are_those_of_the_plan() {
        let out = Path::new("/tmp/users.csv");
        for len in [0, 1, 99, 100, 101, 250] {
            let rows: Vec<usize> = (0..len).collect();
            for split in [None, Some(100), Some(1)] {
                let planned: Vec<PathBuf> = plan_parts(out, &rows, split)
                    .into_iter()
                    .map(|(p, _)| p)
                    .collect();
                assert_eq!(
                    part_paths(out, len, split),
                    planned,
                    "{len} rows, {split:?}"
                );
            }
        }
    }
}
