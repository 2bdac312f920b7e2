//! Inputs the fuzz targets (fuzz/) crashed on, kept so the bugs stay fixed.

use bulksheet::Sheet;
use bulksheet::io::{WriteOptions, encode_rows, read_bytes};
use bulksheet::schema::{Subscriptions, builtin};

/// Why a kept fuzz input is refused when read as a workbook of `kind`.
fn workbook_refusal(file: &str, kind: bulksheet::io::WorkbookKind) -> String {
    let bytes = std::fs::read(format!("tests/data/fuzz/{file}")).unwrap();
    bulksheet::io::read_workbook_bytes(&bytes, kind)
        .unwrap_err()
        .to_string()
}

/// parse_validate: a UTF-16 file (BOM FF FE) whose text holds NUL characters opened, but
/// saving wrote NUL bytes, so the saved file was refused. Now it is refused on open.
#[test]
fn utf16_with_nul_characters_is_refused_like_any_binary_file() {
    let bytes = std::fs::read("tests/data/fuzz/utf16_with_nul_chars.bin").unwrap();
    // The target's first byte picks the forced encoding; the rest is the file.
    let err = read_bytes(&bytes[1..], None).unwrap_err().to_string();
    assert!(err.contains("NUL"), "{err}");
    let utf16: Vec<u8> = "a,b\r\n1,\u{0}\r\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let file = [b"\xFF\xFE".as_slice(), &utf16].concat();
    let err = read_bytes(&file, None).unwrap_err().to_string();
    assert!(err.contains("line 2"), "{err}");
}

/// Every file that opens can be saved and opened again.
#[test]
fn utf16_files_that_open_save_to_files_that_open() {
    let utf16: Vec<u8> = "name,city\r\n山田,東京\r\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let file = [b"\xFF\xFE".as_slice(), &utf16].concat();
    let doc = read_bytes(&file, None).unwrap();
    let saved = encode_rows(&doc, 0..doc.rows(), &WriteOptions::like(&doc)).unwrap();
    let again = read_bytes(&saved, None).unwrap();
    assert_eq!(again.cell(0, 1), "東京");
}

/// edit_sequence: `set_cells` given the same cell twice kept the first value (and dropped
/// a later one equal to the current value). The last value must win, and undo restore the
/// value from before the step.
#[test]
fn set_cells_with_a_cell_given_twice_keeps_the_last_value() {
    let doc = read_bytes(b"name,email\r\nTaro,\r\nHanako,h@example.com\r\n", None).unwrap();
    let schema = builtin("generic").unwrap();
    let mut sheet = Sheet::new(doc, schema, Subscriptions::none());
    // Set to a value, then back to what it was: no change at all.
    assert!(!sheet.set_cells(vec![(0, 1, "a@example.com".into()), (0, 1, String::new())]));
    assert_eq!(sheet.cell(0, 1), "");
    assert!(sheet.set_cells(vec![(1, 1, "x".into()), (1, 1, "y".into())]));
    assert_eq!(sheet.cell(1, 1), "y");
    assert!(sheet.undo());
    assert_eq!(sheet.cell(1, 1), "h@example.com");
    assert!(sheet.redo());
    assert_eq!(sheet.cell(1, 1), "y");
}

/// parse_validate: a header name with a quote inside (`nlo"@e…`) is one plain name to the
/// csv parser, but telling the separator took the quote for an opening one, read on into
/// the rows and found a tab there: a one-column file read as tab-separated, which saving
/// (a one-column file is written with commas) changed. The separator is now told from the
/// header line as the parser reads it.
#[test]
fn a_quote_inside_a_header_name_leaves_the_separator_to_the_header_line() {
    let crash = std::fs::read("tests/data/fuzz/quote_in_header_name.bin").unwrap();
    let small = b"name\"x\r\n \t \r\nr\"y\t\r\n".to_vec();
    // (The target's first byte picks the forced encoding: 'n' % 4 = 2, Shift_JIS.)
    for (file, forced) in [
        (&crash[1..], Some(bulksheet::TextEncoding::ShiftJis)),
        (&small[..], None),
    ] {
        let doc = read_bytes(file, forced).unwrap();
        assert_eq!(doc.meta.separator, bulksheet::io::Separator::Comma);
        assert_eq!((doc.width(), doc.cell(0, 0)), (1, " \t "));
        let saved = encode_rows(&doc, 0..doc.rows(), &WriteOptions::like(&doc)).unwrap();
        let again = read_bytes(&saved, Some(doc.meta.encoding)).unwrap();
        let cells = |d: &bulksheet::Document| {
            (0..d.rows())
                .map(|r| (0..d.width()).map(|c| d.cell(r, c).to_string()).collect())
                .collect::<Vec<Vec<String>>>()
        };
        assert_eq!(cells(&again), cells(&doc));
    }
}

/// edit_sequence: a single value pasted over a selection reaching past the last row wrote
/// nothing there and said nothing changed (the block step took the single-value path
/// without adding the rows a longer block adds). Rows are added, as for any paste, and
/// undo takes them away again.
#[test]
fn a_single_value_pasted_past_the_last_row_adds_the_rows() {
    let doc = read_bytes(b"a,b,c\r\n1,2,3\r\n4,5,6\r\n", None).unwrap();
    let mut s = Sheet::new(doc, builtin("generic").unwrap(), Subscriptions::none());
    // From row 2 (the second data row), two rows down: one row past the end.
    assert!(s.paste((1, 2), (2, 1), &[vec![String::new()]]));
    assert_eq!(s.doc().rows(), 3);
    assert_eq!((s.cell(1, 2), s.cell(2, 2)), ("", ""));
    assert!(s.undo());
    assert_eq!(s.doc().rows(), 2);
    assert_eq!(s.cell(1, 2), "6");
    assert!(s.paste((1, 0), (2, 1), &[vec!["x".to_string()]]));
    assert_eq!((s.cell(1, 0), s.cell(2, 0)), ("x", "x"));
}

/// workbook: an `.xls` whose defined-name record is shorter than the formula length it
/// declares made calamine panic (a subtraction overflow in `parse_lbl`). A panic inside the
/// reader now refuses the file like any broken workbook; the program goes on.
#[test]
fn a_workbook_the_reader_panics_on_is_refused_in_words() {
    let err = workbook_refusal(
        "xls_label_length_overflow.bin",
        bulksheet::io::WorkbookKind::Xls,
    );
    assert!(err.contains("the reader stopped on it"), "{err}");
}

/// workbook: an `.xls` whose directory declares a stream far larger than the file, with a
/// sector chain looping back on itself: calamine copied the same sectors over and over
/// towards the declared size, asking for 2 GiB from a 10 KB file (an allocation failure
/// aborts). No stream may declare more bytes than the file has.
#[test]
fn an_xls_stream_declaring_more_than_the_file_is_refused() {
    let err = workbook_refusal(
        "xls_stream_size_past_the_file.bin",
        bulksheet::io::WorkbookKind::Xls,
    );
    // Its directory's chain loops as well, which is told first; either refuses it.
    assert!(
        err.contains("bytes in one stream") || err.contains("loops back on itself"),
        "{err}"
    );
}

/// workbook: an `.xls` sheet with a value at a far row and column; calamine lays every
/// sheet out as a dense grid from its extreme cells as it opens the file (3.2 GB asked).
/// The records are scanned first and the sheet refused, naming the grid.
#[test]
fn an_xls_sheet_spanning_a_huge_grid_is_refused_before_calamine_reads_it() {
    let err = workbook_refusal("xls_far_cell_grid.bin", bulksheet::io::WorkbookKind::Xls);
    assert!(err.contains("cells"), "{err}");
    assert!(err.contains("more than Bulksheet reads"), "{err}");
}

/// workbook: an `.xls` whose DIFAT or directory sector chain loops back on itself:
/// calamine goes round it for ever, its table growing until memory runs out (4 GB asked).
/// Such a chain is told first and the file refused as broken.
#[test]
fn an_xls_whose_sector_chain_loops_is_refused_as_broken() {
    let err = workbook_refusal(
        "xls_looping_sector_chain.bin",
        bulksheet::io::WorkbookKind::Xls,
    );
    assert!(err.contains("loops back on itself"), "{err}");
}

/// workbook: bytes that are a zip at their end and a compound file at their start, read
/// as an `.xlsx`: calamine opens the compound file first (to tell an encrypted workbook)
/// and went round its looping sector chain until memory ran out. Checked as an `.xls`.
#[test]
fn an_xlsx_that_is_also_a_looping_compound_file_is_refused() {
    let err = workbook_refusal(
        "xlsx_also_a_looping_compound_file.bin",
        bulksheet::io::WorkbookKind::Xlsx,
    );
    assert!(err.contains("loops back on itself"), "{err}");
}

/// workbook: an `.xls` whose directory chain loops through the last sector, the one the
/// file's end cuts short: calamine reads such a sector as far as it goes and went round
/// the loop until memory ran out, while the check took the chain to end there. Sectors are
/// now read as calamine reads them.
#[test]
fn an_xls_chain_looping_through_a_cut_sector_is_refused() {
    let err = workbook_refusal(
        "xls_chain_through_the_last_cut_sector.bin",
        bulksheet::io::WorkbookKind::Xls,
    );
    assert!(err.contains("loops back on itself"), "{err}");
}

/// workbook: an `.xls` whose first directory entry (not marked as the root) declares a
/// size past the file: calamine reads the first entry's size as the mini stream's and
/// copied towards it (2 GiB asked). Every entry's size is bounded now, whatever its type.
#[test]
fn an_xls_first_entry_declaring_more_than_the_file_is_refused() {
    let err = workbook_refusal(
        "xls_first_entry_size_past_the_file.bin",
        bulksheet::io::WorkbookKind::Xls,
    );
    assert!(
        err.contains("bytes in one stream") || err.contains("loops back on itself"),
        "{err}"
    );
}

/// workbook: an `.xls` whose workbook stream lives in the mini stream, with a header
/// whose mini-sector size and cutoff fields were changed: calamine ignores both (64-byte
/// mini sectors, a 4,096-byte cutoff) and takes the first directory entry's chain as the
/// mini stream, and so read a sheet spanning 126 million cells (4 GB asked) where the
/// check had read 320 bytes of nothing. The mini stream is read as calamine reads it.
#[test]
fn an_xls_mini_stream_is_read_as_calamine_reads_it() {
    let err = workbook_refusal(
        "xls_mini_stream_read_as_calamine_reads_it.bin",
        bulksheet::io::WorkbookKind::Xls,
    );
    assert!(err.contains("cells"), "{err}");
    assert!(err.contains("more than Bulksheet reads"), "{err}");
}
