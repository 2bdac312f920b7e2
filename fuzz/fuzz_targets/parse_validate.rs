//! Raw bytes → encoding detection → CSV parse → checks → writing back. Nothing may panic,
//! a document that can be written must read back to the same cells, and reading in parts
//! on two threads (two halves or five parts; big files are read in parts of ~8 MB), or
//! splitting a quote-free body into lines without the csv parser, must give the document
//! the csv parser gives in one pass.
#![no_main]

use bulksheet::Sheet;
use bulksheet::io::{
    WriteOptions, encode_rows, read_bytes, read_bytes_by_csv_parser, read_bytes_in_halves,
    read_bytes_in_parts,
};
use bulksheet::schema::{Subscriptions, detect};
use bulksheet::{Document, TextEncoding};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The first byte picks a forced encoding (or none), as the window's "reopen as" does.
    let (forced, bytes) = match data.split_first() {
        Some((b, rest)) => (pick_encoding(*b), rest),
        None => (None, data),
    };
    let read = read_bytes(bytes, forced);
    let halves = read_bytes_in_halves(bytes, forced);
    let parts = read_bytes_in_parts(bytes, forced, 5);
    let reference = read_bytes_by_csv_parser(bytes, forced);
    for (way, other) in [("one pass", &read), ("halves", &halves), ("parts", &parts)] {
        match (&reference, other) {
            (Ok(a), Ok(b)) => assert_eq!(a.describe(), b.describe(), "{way}"),
            (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string()),
            _ => panic!("the csv parser and {way} disagree on refusing"),
        }
    }
    let Ok(doc) = read else {
        return;
    };
    let schema = detect(&doc.header);
    let mut sheet = Sheet::new(doc.clone(), schema, Subscriptions::none());
    let issues = sheet.issues();
    assert_eq!(
        issues
            .iter()
            .filter(|i| i.severity == bulksheet::Severity::Error)
            .count(),
        sheet.errors()
    );
    sheet.set_target_encoding(TextEncoding::ShiftJis);
    let _ = sheet.issues();
    let _ = bulksheet::fix::propose_all(&sheet);
    written_reads_back(&doc);
});

fn pick_encoding(b: u8) -> Option<TextEncoding> {
    match b % 4 {
        0 => Some(TextEncoding::Utf8),
        1 => Some(TextEncoding::Utf8Bom),
        2 => Some(TextEncoding::ShiftJis),
        _ => None,
    }
}

fn written_reads_back(doc: &Document) {
    let Ok(bytes) = encode_rows(doc, 0..doc.rows(), &WriteOptions::like(doc)) else {
        return;
    };
    let again = read_bytes(&bytes, Some(doc.meta.encoding)).expect("written file reads back");
    if doc.empty_file || doc.header.is_empty() {
        return;
    }
    // A header of one empty name is written as an empty line, which reads as no header.
    if doc.header.len() == 1 && doc.header[0].is_empty() {
        return;
    }
    assert_eq!(again.header, doc.header);
    let rows_again: Vec<Vec<&str>> = (0..again.rows())
        .map(|r| (0..again.width()).map(|c| again.cell(r, c)).collect())
        .collect();
    let rows: Vec<Vec<&str>> = (0..doc.rows())
        .map(|r| (0..doc.width()).map(|c| doc.cell(r, c)).collect())
        .collect();
    assert_eq!(rows_again, rows);
    // Written again: the same bytes.
    let twice = encode_rows(&again, 0..again.rows(), &WriteOptions::like(doc)).expect("encodes");
    assert_eq!(twice, bytes);
}
