//! The command line's text output: colour on a terminal only, and `--help` with examples.

use std::process::Command;

fn bulksheet() -> Command {
    Command::new(env!("CARGO_BIN_EXE_bulksheet"))
}

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

#[test]
fn help_has_examples_and_exit_codes() {
    let out = bulksheet().arg("--help").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Examples:"), "{text}");
    assert!(text.contains("bulksheet check users.csv"), "{text}");
    assert!(
        text.contains("bulksheet export users.csv -o clean.csv"),
        "{text}"
    );
    assert!(text.contains("Exit codes"), "{text}");
    assert!(!text.contains('\x1b'), "escape codes in piped help");
}
