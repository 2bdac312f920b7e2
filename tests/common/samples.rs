//! The sample files of `tests/data/samples` and text built like them.

use bulksheet::TextEncoding;
use bulksheet::document::LineEnding;
use std::path::{Path, PathBuf};

use super::{EXT, NAME, csv_of, header, schema_row};

/// A file of `tests/data/samples`, the one folder of sample files.
pub fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/samples")
        .join(name)
}

/// The bytes of a file of `tests/data/samples`.
pub fn sample_bytes(name: &str) -> Vec<u8> {
    std::fs::read(sample(name)).unwrap()
}

/// The sample files of `tests/data/samples` that differ only in their layout, each with
/// four clean users: (file, encoding, line ending, every field quoted, final newline).
pub const LAYOUT_SAMPLES: [(&str, TextEncoding, LineEnding, bool, bool); 6] = [
    (
        "utf8_lf.csv",
        TextEncoding::Utf8,
        LineEnding::Lf,
        false,
        true,
    ),
    (
        "utf8_crlf_no_final_newline.csv",
        TextEncoding::Utf8,
        LineEnding::Crlf,
        false,
        false,
    ),
    (
        "utf8_bom_crlf.csv",
        TextEncoding::Utf8Bom,
        LineEnding::Crlf,
        false,
        true,
    ),
    (
        "sjis_crlf.csv",
        TextEncoding::ShiftJis,
        LineEnding::Crlf,
        false,
        true,
    ),
    (
        "sjis_lf.csv",
        TextEncoding::ShiftJis,
        LineEnding::Lf,
        false,
        true,
    ),
    (
        "quote_all_crlf.csv",
        TextEncoding::Utf8,
        LineEnding::Crlf,
        true,
        true,
    ),
];

/// Rows with Japanese names, a leading-zero extension and a quoted comma.
pub fn japanese_rows() -> Vec<Vec<String>> {
    let mut rows: Vec<Vec<String>> = (0..4).map(schema_row).collect();
    rows[0][NAME] = "山田 太郎".into();
    rows[1][NAME] = "ｽｽﾞｷ ハナコ".into();
    rows[2][NAME] = "Sato, Hanako".into();
    rows[3][EXT] = "0123".into();
    rows
}

/// The Japanese rows as CSV text with the given line ending.
pub fn japanese_csv(nl: &str) -> String {
    csv_of(&header(), &japanese_rows()).replace("\r\n", nl)
}

/// The text in Shift_JIS; every character must have a code in it.
pub fn sjis(s: &str) -> Vec<u8> {
    let (bytes, _, bad) = encoding_rs::SHIFT_JIS.encode(s);
    assert!(!bad);
    bytes.into_owned()
}

/// The text in UTF-8 with a byte order mark.
pub fn bom(s: &str) -> Vec<u8> {
    [b"\xEF\xBB\xBF".as_slice(), s.as_bytes()].concat()
}

/// The names of the files in a folder, sorted.
pub fn files_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// A temp dir holding copies of the named sample files.
pub fn dir_with(samples: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for f in samples {
        std::fs::copy(sample(f), dir.path().join(f)).unwrap();
    }
    dir
}

/// Writes a file into `dir`; returns its path.
pub fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}
