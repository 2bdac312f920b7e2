//! The catalogue of bad input: every kind of broken, odd or hostile file an admin may
//! open, with what Bulksheet must say about it. Each entry is read through `read_path`,
//! opened as a `Sheet` with the schema `detect` picks, checked, written back and read
//! again; nothing may panic, a refusal must say why, and a readable file must open.
//! The files live in `tests/data/bad/`; huge inputs are generated in `huge_inputs.rs`,
//! paths that are no readable file are in `unreadable_paths.rs`.

use bulksheet::Sheet;
use bulksheet::document::Document;
use bulksheet::io::{WriteOptions, encode_rows, read_bytes, read_path};
use bulksheet::schema::{Subscriptions, detect};
use bulksheet::{Code, Issue, TextEncoding};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

/// An issue that must be reported: code, 1-based row (0 = header/file), file column, and
/// a fragment of its message ("" when the code and place say enough).
type Want = (Code, usize, Option<usize>, &'static str);

enum Expect {
    /// Refused; the error text holds every fragment.
    Refused(&'static [&'static str]),
    /// Opens with exactly these issues (in the order the issue list gives them).
    Opens(&'static [Want]),
    /// Opens; these issues are among those reported (for inputs whose full list is noise).
    OpensWith(&'static [Want]),
}

use Expect::*;

const BAD: &str = "tests/data/bad";

/// (file under tests/data/bad, expectation, encoding it must be read in when it opens)
const CATALOGUE: &[(&str, Expect, Option<TextEncoding>)] = &[
    (
        "empty.csv",
        Opens(&[(Code::Empty, 0, None, "no header row")]),
        None,
    ),
    (
        "only_bom.csv",
        Opens(&[(Code::Empty, 0, None, "no header row")]),
        Some(TextEncoding::Utf8Bom),
    ),
    (
        "only_newlines.csv",
        Opens(&[(Code::Empty, 0, None, "no header row")]),
        None,
    ),
    (
        "whitespace_only.csv",
        Opens(&[
            (Code::HeaderUnknown, 0, Some(0), "first line is blank"),
            (Code::BlankRow, 1, None, ""),
            (Code::BlankRow, 2, None, ""),
        ]),
        None,
    ),
    // A second BOM survives the parser (which drops one) and is named.
    (
        "double_bom.csv",
        Opens(&[(Code::Bom, 0, Some(0), "column 1")]),
        Some(TextEncoding::Utf8Bom),
    ),
    (
        "bom_inside_header.csv",
        Opens(&[(Code::Bom, 0, Some(1), "column 2")]),
        None,
    ),
    ("header_only.csv", Opens(&[]), None),
    ("header_only_no_newline.csv", Opens(&[]), None),
    // A UTF-8 file with one cut character stays UTF-8 and names the cell (it used to be
    // read as Shift_JIS: every cell mojibake, no issue at all).
    (
        "truncated_utf8.csv",
        Opens(&[(Code::Encoding, 2, Some(1), "not valid UTF-8")]),
        Some(TextEncoding::Utf8),
    ),
    (
        "truncated_utf8_at_eof.csv",
        Opens(&[(Code::Encoding, 2, Some(1), "not valid UTF-8")]),
        Some(TextEncoding::Utf8),
    ),
    // Reported once: the replacement character it reads as is not also "unencodable".
    (
        "truncated_sjis.csv",
        Opens(&[(Code::Encoding, 2, Some(1), "not valid Shift_JIS")]),
        Some(TextEncoding::ShiftJis),
    ),
    // One row pasted from a Shift_JIS file into a UTF-8 one: the UTF-8 rows stay readable.
    (
        "mixed_encodings.csv",
        Opens(&[
            (Code::Encoding, 2, Some(0), "not valid UTF-8"),
            (Code::Encoding, 2, Some(1), "not valid UTF-8"),
        ]),
        Some(TextEncoding::Utf8),
    ),
    (
        "undecodable_header.csv",
        OpensWith(&[(Code::Encoding, 0, Some(1), "Header of column 2")]),
        None,
    ),
    ("sjis_clean.csv", Opens(&[]), Some(TextEncoding::ShiftJis)),
    (
        "nul_bytes.csv",
        Refused(&["line 2", "NUL bytes", "not a text CSV"]),
        None,
    ),
    (
        "random_bytes.bin.csv",
        Refused(&["line 1", "NUL bytes"]),
        None,
    ),
    (
        "random_bytes_no_nul.csv",
        OpensWith(&[(Code::Encoding, 1, Some(0), "not valid")]),
        None,
    ),
    // UTF-16 opens with or without its BOM: with one it is kept as UTF-16 (saved as read),
    // without one it is saved as UTF-8 with a BOM.
    ("utf16le_bom.csv", Opens(&[]), Some(TextEncoding::Utf16Le)),
    ("utf16be_bom.csv", Opens(&[]), Some(TextEncoding::Utf16Be)),
    (
        "utf16le_no_bom.csv",
        Opens(&[]),
        Some(TextEncoding::Utf8Bom),
    ),
    // Its BOM starts like UTF-16's: it used to open as columns full of NULs.
    ("utf32le_bom.csv", Refused(&["UTF-32"]), None),
    (
        "xlsx_renamed.csv",
        Refused(&["Excel workbook (.xlsx)", "Save As > CSV"]),
        None,
    ),
    (
        "old_xls.csv",
        Refused(&["old Excel workbook (.xls)", "Save As > CSV"]),
        None,
    ),
    ("lone_cr_line_endings.csv", Opens(&[]), None),
    // A stray CR inside a CRLF file ends the record there: the row is split in two.
    (
        "lone_cr_inside_crlf.csv",
        Opens(&[(Code::FieldCount, 2, None, "1 fields but the header has 2")]),
        None,
    ),
    ("mixed_line_endings.csv", Opens(&[]), None),
    (
        "quote_in_unquoted.csv",
        Opens(&[(Code::Quote, 1, Some(1), "stray quote")]),
        None,
    ),
    (
        "text_after_closing_quote.csv",
        Opens(&[(Code::Quote, 1, Some(0), "stray quote")]),
        None,
    ),
    (
        "unclosed_quote.csv",
        Opens(&[(Code::Quote, 1, Some(1), "never closes")]),
        None,
    ),
    (
        "quote_only_cell.csv",
        Opens(&[
            (Code::FieldCount, 1, None, ""),
            (Code::Quote, 1, Some(0), "never closes"),
        ]),
        None,
    ),
    ("crlf_inside_quoted.csv", Opens(&[]), None),
    (
        "ragged_rows.csv",
        Opens(&[
            (Code::FieldCount, 1, None, "2 fields but the header has 3"),
            (Code::FieldCount, 2, None, "4 fields but the header has 3"),
        ]),
        None,
    ),
    (
        "semicolon_separated.csv",
        Opens(&[(Code::Separator, 0, Some(0), "semicolons")]),
        None,
    ),
    (
        "tab_separated.csv",
        Opens(&[(Code::Separator, 0, Some(0), "tabs")]),
        None,
    ),
    (
        "header_empty_names.csv",
        Opens(&[
            // Blank names over values: errors naming the column's letter.
            (
                Code::HeaderUnknown,
                0,
                Some(3),
                "Column D has values but no header",
            ),
            // A second blank name is blank, not a duplicate of the first.
            (
                Code::HeaderUnknown,
                0,
                Some(6),
                "Column G has values but no header",
            ),
            (Code::HeaderMissing, 0, None, "'Locale'"),
            (Code::HeaderMissing, 0, None, "'Monitoring privileges'"),
        ]),
        None,
    ),
    (
        "duplicate_headers.csv",
        Opens(&[(Code::HeaderDuplicate, 0, Some(24), "'Login ID'")]),
        None,
    ),
    (
        "trailing_comma_every_row.csv",
        // An empty column with no name at the right end: a spreadsheet's leftover, which
        // export leaves out.
        Opens(&[(
            Code::EmptyTrailingColumn,
            0,
            Some(24),
            "Column Y has no header and no values",
        )]),
        None,
    ),
    ("unknown_headers.csv", Opens(&[]), None),
    ("blank_lines_between_rows.csv", Opens(&[]), None),
    (
        "commas_only_row.csv",
        Opens(&[(Code::BlankRow, 2, None, "dropped on export")]),
        None,
    ),
    (
        "formula_cells.csv",
        Opens(&[(Code::Quote, 1, Some(0), "stray quote")]),
        None,
    ),
    ("control_chars.csv", Opens(&[]), None),
    (
        "miitel_bad_values.csv",
        Opens(&[
            (Code::Email, 1, Some(0), "more than one @"),
            (Code::Digits, 1, Some(2), "hyphens"),
        ]),
        None,
    ),
    (
        "miitel_duplicate_login.csv",
        Opens(&[
            (Code::Duplicate, 1, Some(0), "also used in row 2"),
            (Code::Duplicate, 2, Some(0), "also used in row 1"),
        ]),
        None,
    ),
];

pub(crate) struct Opened {
    pub(crate) doc: Document,
    pub(crate) issues: Vec<Issue>,
}

/// Reads, opens, checks and writes back one input; a panic anywhere fails with its name.
pub(crate) fn open(
    name: &str,
    read: impl FnOnce() -> Result<Document, String>,
) -> Result<Opened, String> {
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        let doc = read()?;
        let schema = detect(&doc.header);
        let sheet = Sheet::new(doc.clone(), schema, Subscriptions::none());
        let issues = sheet.issues();
        write_back_reads_the_same(name, &doc);
        for e in [TextEncoding::Utf8, TextEncoding::ShiftJis] {
            let _ = read_bytes(&encode_or_empty(&doc), Some(e));
        }
        Ok(Opened { doc, issues })
    }));
    match outcome {
        Ok(r) => r,
        Err(_) => panic!("{name}: reading, checking or writing panicked"),
    }
}

fn encode_or_empty(doc: &Document) -> Vec<u8> {
    encode_rows(doc, 0..doc.rows(), &WriteOptions::like(doc)).unwrap_or_default()
}

/// A file that opens is saved as it was read: the saved bytes read back to the same cells.
fn write_back_reads_the_same(name: &str, doc: &Document) {
    let Ok(bytes) = encode_rows(doc, 0..doc.rows(), &WriteOptions::like(doc)) else {
        // Only a cell the file's own encoding could not decode may block saving.
        assert!(doc.has_read_problems(), "{name}: cannot be saved as read");
        return;
    };
    let again = read_bytes(&bytes, Some(doc.meta.encoding))
        .unwrap_or_else(|e| panic!("{name}: saved file does not read back: {e}"));
    if doc.empty_file {
        return;
    }
    assert_eq!(again.header, doc.header, "{name}: header changed on save");
    assert_eq!(
        again.rows(),
        doc.rows(),
        "{name}: row count changed on save"
    );
    for r in 0..doc.rows() {
        for c in 0..doc.width() {
            assert_eq!(again.cell(r, c), doc.cell(r, c), "{name}: cell ({r},{c})");
        }
    }
}

pub(crate) fn check_issues(name: &str, issues: &[Issue], wants: &[Want], exact: bool) {
    let got: Vec<(Code, usize, Option<usize>)> =
        issues.iter().map(|i| (i.code, i.row, i.col)).collect();
    let listing = issues
        .iter()
        .map(|i| {
            format!(
                "  {} row {} col {:?}: {}",
                i.code.as_str(),
                i.row,
                i.col,
                i.message
            )
        })
        .collect::<Vec<_>>()
        .join("\n");
    if exact {
        let want: Vec<(Code, usize, Option<usize>)> =
            wants.iter().map(|w| (w.0, w.1, w.2)).collect();
        assert_eq!(got, want, "{name}: issues differ; got\n{listing}");
    }
    for &(code, row, col, fragment) in wants {
        let hit = issues.iter().any(|i| {
            i.code == code && i.row == row && i.col == col && i.message.contains(fragment)
        });
        assert!(
            hit,
            "{name}: no {code:?} at row {row} col {col:?} saying '{fragment}'; got\n{listing}"
        );
    }
    // Every issue names where it is: rows from the file give their line.
    for i in issues {
        assert!(
            i.line.is_some(),
            "{name}: {} at row {} names no line",
            i.code.as_str(),
            i.row
        );
        assert!(!i.message.trim().is_empty(), "{name}: empty message");
    }
}

#[test]
fn the_catalogue_holds_thirty_kinds_of_bad_input() {
    // Plus the generated ones of huge_inputs.rs (10,000 columns, a 50 MB cell, a
    // 200,000-field line, a 10 MB header, quote soup) and of unreadable_paths.rs (a folder,
    // a missing and an unreadable file).
    assert!(CATALOGUE.len() >= 30, "{}", CATALOGUE.len());
    let on_disk: Vec<String> = std::fs::read_dir(BAD)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    for f in &on_disk {
        assert!(
            CATALOGUE.iter().any(|(n, _, _)| n == f),
            "{f} is in {BAD} but has no expectation"
        );
    }
}

#[test]
fn every_catalogued_file_says_what_is_wrong() {
    for (name, expect, encoding) in CATALOGUE {
        let path = Path::new(BAD).join(name);
        let result = open(name, || read_path(&path, None).map_err(|e| e.to_string()));
        match (expect, result) {
            (Refused(fragments), Err(msg)) => {
                for f in *fragments {
                    assert!(msg.contains(f), "{name}: refusal '{msg}' lacks '{f}'");
                }
            }
            (Refused(_), Ok(o)) => {
                panic!("{name}: opened ({} rows) but must be refused", o.doc.rows())
            }
            (Opens(_) | OpensWith(_), Err(msg)) => panic!("{name}: refused ({msg}) but must open"),
            (Opens(wants), Ok(o)) => {
                check_issues(name, &o.issues, wants, true);
                check_encoding(name, &o.doc, *encoding);
            }
            (OpensWith(wants), Ok(o)) => {
                check_issues(name, &o.issues, wants, false);
                check_encoding(name, &o.doc, *encoding);
            }
        }
    }
}

fn check_encoding(name: &str, doc: &Document, want: Option<TextEncoding>) {
    if let Some(e) = want {
        assert_eq!(doc.meta.encoding, e, "{name}: read in the wrong encoding");
    }
}

/// Any readable file opens, whatever the user forces as its encoding.
#[test]
fn forcing_an_encoding_never_panics() {
    for (name, _, _) in CATALOGUE {
        let bytes = std::fs::read(Path::new(BAD).join(name)).unwrap();
        for e in TextEncoding::ALL {
            let _ = open(name, || {
                read_bytes(&bytes, Some(e)).map_err(|e| e.to_string())
            });
        }
    }
}

#[test]
fn a_typed_replacement_character_is_still_unencodable_in_shift_jis() {
    let doc = read_path(&Path::new(BAD).join("truncated_sjis.csv"), None).unwrap();
    let schema = detect(&doc.header);
    let mut sheet = Sheet::new(doc, schema, Subscriptions::none());
    let row = 1; // document row of issue row 2
    let codes = |s: &Sheet| -> Vec<Code> {
        s.issues()
            .iter()
            .filter(|i| i.row == row + 1 && i.col == Some(1))
            .map(|i| i.code)
            .collect()
    };
    assert_eq!(codes(&sheet), vec![Code::Encoding]);
    // Once edited, the bytes problem is gone; a U+FFFD the user keeps is the user's own.
    let value = format!("{}x", sheet.cell(row, 1));
    assert!(sheet.set_cell(row, 1, &value));
    assert_eq!(codes(&sheet), vec![Code::Unencodable]);
}
