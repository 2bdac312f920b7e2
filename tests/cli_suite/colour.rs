//! Colour on a terminal only: piped output has no escape codes, a coloured report has.

use crate::common::*;

fn sample_with_errors() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sample.csv");
    std::fs::write(&path, bulksheet::sample_data::SAMPLE_CSV).unwrap();
    (dir, path)
}

#[test]
fn piped_output_has_no_escape_codes() {
    let (_dir, path) = sample_with_errors();
    let out = bulksheet().arg("check").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "the sample has errors");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("error"), "{text}");
    assert!(
        !text.contains('\x1b'),
        "escape codes in piped output:\n{text}"
    );
}

#[test]
fn the_report_is_coloured_when_asked() {
    // What a terminal gets: the same lines with colour codes.
    let doc = bulksheet::io::read_bytes(bulksheet::sample_data::SAMPLE_CSV, None).unwrap();
    let schema = bulksheet::schema::detect(&doc.header);
    let sheet = bulksheet::Sheet::new(doc, schema, Default::default());
    let issues = sheet.issues();
    let coloured = bulksheet::cli::text_report("s.csv", &sheet, &issues, true);
    let plain = bulksheet::cli::text_report("s.csv", &sheet, &issues, false);
    assert!(coloured.contains("\x1b["));
    assert!(!plain.contains('\x1b'));
}
