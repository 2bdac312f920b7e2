//! Property: any table of strings written by `encode_rows` and read back by `read_bytes`
//! is the same table, and writing it again gives the same bytes, in UTF-8, UTF-8 with a
//! BOM and (when every character survives it) Shift_JIS, with CRLF, LF or CR line
//! endings, minimal or full quoting, with or without a final newline; and written with
//! tabs or semicolons between fields, it reads back as the same table as with commas.

use bulksheet::TextEncoding;
use bulksheet::document::{Document, FileMeta, LineEnding};
use bulksheet::io::{Separator, WriteOptions, encode_rows, read_bytes};
use proptest::prelude::*;

/// Characters that break naive CSV code, plus CJK, half-width kana, emoji, the BOM
/// character and Shift_JIS look-alikes (minus sign, wave dash, yen).
fn any_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => proptest::sample::select(vec![
            '"', ',', '\r', '\n', ' ', '\t', ';', '=', '\u{3000}', '\u{feff}',
        ]),
        4 => proptest::char::range('a', 'z'),
        2 => proptest::sample::select(vec![
            '山', '田', '太', '郎', 'ア', 'ｱ', 'ﾞ', '①', '髙', '－', '−', '〜', '～', '¥', '\\', '‖',
        ]),
        1 => proptest::sample::select(vec!['😀', '👨', '\u{200d}', 'é', '\u{0301}', '€']),
    ]
}

fn any_cell() -> impl Strategy<Value = String> {
    prop_oneof![
        1 => Just(String::new()),
        4 => proptest::collection::vec(any_char(), 0..8).prop_map(String::from_iter),
    ]
}

/// (header, rows): 1..5 columns, 0..6 rows, every row as wide as the header.
fn any_table() -> impl Strategy<Value = (Vec<String>, Vec<Vec<String>>)> {
    (1usize..5).prop_flat_map(|w| {
        (
            proptest::collection::vec(any_cell(), w),
            proptest::collection::vec(proptest::collection::vec(any_cell(), w), 0..6),
        )
    })
}

fn any_layout() -> impl Strategy<Value = (LineEnding, bool, bool)> {
    (
        proptest::sample::select(vec![LineEnding::Crlf, LineEnding::Lf, LineEnding::Cr]),
        any::<bool>(),
        any::<bool>(),
    )
}

fn document(header: &[String], rows: &[Vec<String>], opts: &WriteOptions) -> Document {
    let meta = FileMeta {
        encoding: opts.encoding,
        separator: opts.separator,
        line_ending: opts.line_ending,
        quote_all: opts.quote_all,
        final_newline: opts.final_newline,
    };
    let mut doc = Document::new(header.to_vec(), meta);
    for r in rows {
        doc.table.push_record(r.iter().map(String::as_str), 0);
    }
    doc
}

fn cells(doc: &Document) -> Vec<Vec<String>> {
    (0..doc.rows())
        .map(|r| {
            (0..doc.width())
                .map(|c| doc.cell(r, c).to_string())
                .collect()
        })
        .collect()
}

/// Writes, reads back (detecting the encoding unless told), compares, writes again.
fn round_trip(
    header: &[String],
    rows: &[Vec<String>],
    opts: &WriteOptions,
    forced: Option<TextEncoding>,
) -> Result<(), TestCaseError> {
    let doc = document(header, rows, opts);
    let bytes = encode_rows(&doc, 0..doc.rows(), opts)
        .map_err(|e| TestCaseError::fail(format!("cannot encode: {e}")))?;
    let back = read_bytes(&bytes, forced)
        .map_err(|e| TestCaseError::fail(format!("cannot read back: {e}")))?;
    prop_assert_eq!(back.meta.encoding, opts.encoding, "bytes: {:?}", bytes);
    prop_assert_eq!(&back.header, &doc.header, "bytes: {:?}", bytes);
    prop_assert_eq!(cells(&back), cells(&doc), "bytes: {:?}", bytes);
    prop_assert!(!back.has_read_problems(), "bytes: {:?}", bytes);
    let again = encode_rows(&back, 0..back.rows(), opts)
        .map_err(|e| TestCaseError::fail(format!("cannot encode again: {e}")))?;
    prop_assert_eq!(again, bytes);
    Ok(())
}

fn options(encoding: TextEncoding, layout: (LineEnding, bool, bool)) -> WriteOptions {
    WriteOptions {
        encoding,
        separator: Separator::Comma,
        line_ending: layout.0,
        quote_all: layout.1,
        final_newline: layout.2,
        columns: None,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn utf8_tables_round_trip((header, rows) in any_table(), layout in any_layout()) {
        round_trip(&header, &rows, &options(TextEncoding::Utf8, layout), None)?;
    }

    #[test]
    fn utf8_bom_tables_round_trip((header, rows) in any_table(), layout in any_layout()) {
        round_trip(&header, &rows, &options(TextEncoding::Utf8Bom, layout), None)?;
    }

    /// Read back as Shift_JIS (a short Shift_JIS file can be valid UTF-8 by chance, so the
    /// encoding is given, as the window's "reopen as" does).
    #[test]
    fn shift_jis_tables_round_trip((header, rows) in any_table(), layout in any_layout()) {
        let all = header.iter().chain(rows.iter().flatten());
        let encodable = all.clone().all(|c| TextEncoding::ShiftJis.can_encode(c));
        let opts = options(TextEncoding::ShiftJis, layout);
        if encodable {
            round_trip(&header, &rows, &opts, Some(TextEncoding::ShiftJis))?;
        } else {
            // Anything Shift_JIS cannot carry is refused, never silently changed.
            let doc = document(&header, &rows, &opts);
            prop_assert!(encode_rows(&doc, 0..doc.rows(), &opts).is_err());
        }
    }
}

/// A table written with `sep` between fields reads back as the same records as the comma
/// version of it, with the separator it was written with (a one-column table has none to
/// tell, and is written and read as comma-separated).
fn same_as_comma(
    header: &[String],
    rows: &[Vec<String>],
    opts: &WriteOptions,
    sep: Separator,
    forced: Option<TextEncoding>,
) -> Result<(), TestCaseError> {
    let doc = document(header, rows, opts);
    let read = |opts: &WriteOptions| {
        let bytes = encode_rows(&doc, 0..doc.rows(), opts)
            .map_err(|e| TestCaseError::fail(format!("cannot encode: {e}")))?;
        let back = read_bytes(&bytes, forced)
            .map_err(|e| TestCaseError::fail(format!("cannot read back: {e}")))?;
        Ok::<_, TestCaseError>((bytes, back))
    };
    let (_, comma) = read(opts)?;
    let (bytes, other) = read(&WriteOptions {
        separator: sep,
        ..opts.clone()
    })?;
    let want = if header.len() > 1 {
        sep
    } else {
        Separator::Comma
    };
    prop_assert_eq!(other.meta.separator, want, "bytes: {:?}", bytes);
    prop_assert_eq!(&other.header, &comma.header, "bytes: {:?}", bytes);
    prop_assert_eq!(cells(&other), cells(&comma), "bytes: {:?}", bytes);
    prop_assert_eq!(other.meta.encoding, comma.meta.encoding);
    prop_assert!(!other.has_read_problems(), "bytes: {:?}", bytes);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn tab_and_semicolon_tables_read_as_their_comma_version(
        (header, rows) in any_table(),
        layout in any_layout(),
        sep in proptest::sample::select(vec![Separator::Tab, Separator::Semicolon]),
        sjis in any::<bool>(),
    ) {
        let all = header.iter().chain(rows.iter().flatten());
        if sjis && all.clone().all(|c| TextEncoding::ShiftJis.can_encode(c)) {
            let opts = options(TextEncoding::ShiftJis, layout);
            same_as_comma(&header, &rows, &opts, sep, Some(TextEncoding::ShiftJis))?;
        } else {
            same_as_comma(&header, &rows, &options(TextEncoding::Utf8, layout), sep, None)?;
        }
    }

    /// UTF-16 with a BOM (Excel's "Unicode text" is UTF-16LE, tab-separated) is read and
    /// written back as it was.
    #[test]
    fn utf16_tables_round_trip(
        (header, rows) in any_table(),
        layout in any_layout(),
        enc in proptest::sample::select(vec![TextEncoding::Utf16Le, TextEncoding::Utf16Be]),
    ) {
        prop_assume!(!rows.iter().flatten().chain(&header).any(|c| c.contains('\0')));
        round_trip(&header, &rows, &options(enc, layout), None)?;
        same_as_comma(&header, &rows, &options(enc, layout), Separator::Tab, None)?;
    }
}

/// The corners the properties found or must keep covering, spelled out.
#[test]
fn edge_tables_round_trip() {
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    let cases: Vec<(Vec<String>, Vec<Vec<String>>)> = vec![
        // The only cell is empty.
        (s(&[""]), vec![]),
        // A row of one empty field.
        (s(&["a"]), vec![s(&[""])]),
        (s(&["a"]), vec![s(&[""]), s(&[""])]),
        // A lone CR in a cell.
        (s(&["a", "b"]), vec![s(&["x\ry", "\r"])]),
        // A BOM character at the very start of the header.
        (s(&["\u{feff}a", "b"]), vec![s(&["1", "2"])]),
        (s(&["a", "b"]), vec![s(&["", ""])]),
    ];
    for (header, rows) in cases {
        for encoding in TextEncoding::ALL {
            for le in [LineEnding::Crlf, LineEnding::Lf, LineEnding::Cr] {
                for quote_all in [false, true] {
                    for final_newline in [false, true] {
                        let opts = options(encoding, (le, quote_all, final_newline));
                        let forced = (encoding == TextEncoding::ShiftJis).then_some(encoding);
                        if encoding == TextEncoding::ShiftJis
                            && !header
                                .iter()
                                .chain(rows.iter().flatten())
                                .all(|c| encoding.can_encode(c))
                        {
                            continue;
                        }
                        if let Err(e) = round_trip(&header, &rows, &opts, forced) {
                            panic!("{header:?} {rows:?} {opts:?}: {e}");
                        }
                    }
                }
            }
        }
    }
}

/// Characters Shift_JIS encodes without an error but reads back as others are refused,
/// never saved changed: the minus sign (comes back as U+FF0D) and the yen sign (as '\').
#[test]
fn shift_jis_refuses_look_alikes() {
    for ch in ['−', '¥', '‾'] {
        let value = format!("a{ch}b");
        assert!(!TextEncoding::ShiftJis.can_encode(&value), "{ch}");
        let opts = options(TextEncoding::ShiftJis, (LineEnding::Crlf, false, true));
        let doc = document(&["name".to_string()], &[vec![value]], &opts);
        let err = encode_rows(&doc, 0..1, &opts).unwrap_err().to_string();
        assert!(err.contains(&format!("'{ch}'")), "{err}");
        assert!(err.contains("row 1"), "{err}");
    }
    // Its full-width look-alike is fine.
    assert!(TextEncoding::ShiftJis.can_encode("a－b"));
}
