//! The file's layout: empty columns a spreadsheet leaves at the right end (one warning,
//! left out on export), a column with values and no header (an error naming its letter),
//! and template columns out of the template's order (one warning, and the fix that
//! reorders them as one undoable step).

use crate::common::*;
use bulksheet::document::Edit;
use bulksheet::fix::{template_order, template_order_edit};
use bulksheet::io::{WriteOptions, encode_rows};
use bulksheet::validate::Lang;
use bulksheet::{Code, Severity, Sheet};

/// The valid file of `n` users with `extra` empty, nameless columns at the right end.
fn with_leftover_columns(n: usize, extra: usize) -> String {
    let mut h = header();
    h.extend(std::iter::repeat_n(String::new(), extra));
    let rows: Vec<Vec<String>> = (0..n)
        .map(|i| {
            let mut r = schema_row(i);
            r.extend(std::iter::repeat_n(String::new(), extra));
            r
        })
        .collect();
    csv_of(&h, &rows)
}

/// What a save writes: the rows and columns the sheet says, as read.
fn saved(s: &Sheet) -> String {
    let mut opts = WriteOptions::like(s.doc());
    opts.columns = s.columns_to_write();
    String::from_utf8(encode_rows(s.doc(), s.rows_to_write(), &opts).unwrap()).unwrap()
}

fn places(s: &Sheet) -> Vec<(usize, Option<usize>, Code, Severity)> {
    s.issues()
        .iter()
        .map(|i| (i.row, i.col, i.code, i.severity))
        .collect()
}

#[test]
fn empty_columns_at_the_right_end_are_one_warning_and_export_leaves_them_out() {
    let s = open(with_leftover_columns(5, 3).as_bytes(), &[]);
    assert_eq!(
        places(&s),
        [(0, Some(24), Code::EmptyTrailingColumn, Severity::Warning)]
    );
    let en = &s.issues()[0].message;
    assert!(
        en.starts_with("Columns Y–AA have no header and no values"),
        "{en}"
    );
    assert!(en.contains("export leaves them out"), "{en}");
    let ja = &s.issues_in(Lang::Ja)[0].message;
    assert!(
        ja.starts_with("Y〜AA列にはヘッダーも値もありません"),
        "{ja}"
    );
    assert_eq!((s.errors(), s.warnings()), (0, 1));
    assert_eq!(s.columns_to_write(), Some(24));
    assert_eq!(saved(&s), valid_csv(5));
}

#[test]
fn one_empty_column_at_the_end_is_named_alone() {
    let s = open(with_leftover_columns(2, 1).as_bytes(), &[]);
    let i = &s.issues()[0];
    assert_eq!(i.code, Code::EmptyTrailingColumn);
    assert!(
        i.message
            .starts_with("Column Y has no header and no values"),
        "{}",
        i.message
    );
    assert_eq!(saved(&s), valid_csv(2));
}

#[test]
fn a_file_without_leftovers_writes_every_column() {
    let s = open(valid_csv(3).as_bytes(), &[]);
    assert_eq!(s.columns_to_write(), None);
    assert_eq!(saved(&s), valid_csv(3));
}

#[test]
fn a_nameless_column_with_values_is_an_error_naming_its_letter() {
    // Y blank and empty, Z blank with a value: Z is no leftover, so neither is Y.
    let mut s = open(with_leftover_columns(3, 2).as_bytes(), &[]);
    s.set_cell(1, 25, "note");
    assert_matches_full_check(&s, "value typed into the last nameless column");
    let issues = s.issues();
    let z = issues
        .iter()
        .find(|i| i.col == Some(25))
        .expect("Z reported");
    assert_eq!(
        (z.code, z.severity, z.row),
        (Code::HeaderUnknown, Severity::Error, 0)
    );
    assert!(
        z.message.starts_with("Column Z has values but no header"),
        "{}",
        z.message
    );
    let ja = s.issues_in(Lang::Ja);
    let zja = ja.iter().find(|i| i.col == Some(25)).unwrap();
    assert!(
        zja.message
            .starts_with("Z列には値がありますがヘッダーがありません"),
        "{}",
        zja.message
    );
    // Y, empty but before a column with values, keeps the blank-name error.
    let y = issues
        .iter()
        .find(|i| i.col == Some(24))
        .expect("Y reported");
    assert_eq!(y.code, Code::HeaderUnknown);
    assert!(
        y.message.contains("Column 25 has no header name"),
        "{}",
        y.message
    );
    assert!(!issues.iter().any(|i| i.code == Code::EmptyTrailingColumn));
    assert_eq!(s.columns_to_write(), None);
}

#[test]
fn typing_into_a_leftover_column_and_taking_it_back_moves_between_warning_and_error() {
    let mut s = open(with_leftover_columns(4, 2).as_bytes(), &[]);
    assert_eq!(s.errors(), 0);
    s.set_cell(2, 24, "x");
    assert_matches_full_check(&s, "typed into Y");
    assert_eq!(s.errors(), 1, "{:#?}", s.issues());
    assert!(
        s.issues()
            .iter()
            .any(|i| i.message.starts_with("Column Y has values"))
    );
    // Z is still a leftover after Y.
    assert_eq!(s.columns_to_write(), Some(25));
    s.undo();
    assert_matches_full_check(&s, "undone");
    assert_eq!(
        places(&s),
        [(0, Some(24), Code::EmptyTrailingColumn, Severity::Warning)]
    );
    assert_eq!(s.columns_to_write(), Some(24));
    s.redo();
    s.delete_rows(&[2]);
    assert_matches_full_check(&s, "the row with the value deleted");
    assert_eq!(s.errors(), 0);
    s.undo();
    assert_matches_full_check(&s, "the row with the value back");
    assert_eq!(s.errors(), 1);
}

#[test]
fn columns_out_of_the_templates_order_are_one_warning_naming_the_first() {
    let mut order: Vec<usize> = (0..24).collect();
    order.swap(LOCALE, TZ);
    order.swap(ADMIN, WEBHOOK);
    let h = header();
    let head: Vec<String> = order.iter().map(|&c| h[c].clone()).collect();
    let rows: Vec<Vec<String>> = (0..3)
        .map(|i| {
            let r = schema_row(i);
            order.iter().map(|&c| r[c].clone()).collect()
        })
        .collect();
    let s = open(csv_of(&head, &rows).as_bytes(), &[]);
    let issues = s.issues();
    assert_eq!(
        places(&s),
        [(0, Some(LOCALE), Code::ColumnOrder, Severity::Warning)]
    );
    let i = &issues[0];
    assert_eq!(i.column.as_deref(), Some("Time zone"));
    assert!(
        i.message
            .contains("Time zone is out of the template's order"),
        "{}",
        i.message
    );
    assert!(i.message.contains("Locale belongs here"), "{}", i.message);
    assert!(
        i.message.contains("read columns by position"),
        "{}",
        i.message
    );
    let ja = &s.issues_in(Lang::Ja)[0].message;
    assert!(
        ja.contains("「Time zone」がテンプレートの列順になっていません"),
        "{ja}"
    );
    assert!(ja.contains("位置"), "{ja}");
}

#[test]
fn columns_in_order_with_some_left_out_are_fine() {
    let keep: Vec<usize> = (0..24).filter(|&c| c != LOCALE && c != ADMIN).collect();
    let h = header();
    let head: Vec<String> = keep.iter().map(|&c| h[c].clone()).collect();
    let rows: Vec<Vec<String>> = (0..2)
        .map(|i| keep.iter().map(|&c| schema_row(i)[c].clone()).collect())
        .collect();
    let s = open(csv_of(&head, &rows).as_bytes(), &[]);
    assert!(
        !s.issues().iter().any(|i| i.code == Code::ColumnOrder),
        "{:#?}",
        s.issues()
    );
    assert_eq!(template_order(&s), None);
}

#[test]
fn putting_columns_in_order_is_one_undoable_step_with_other_columns_after() {
    // Template columns reversed, an unknown column in the middle, a leftover at the end.
    let h = header();
    let mut head: Vec<String> = h.iter().rev().cloned().collect();
    head.insert(5, "Memo".into());
    head.push(String::new());
    let rows: Vec<Vec<String>> = (0..3)
        .map(|i| {
            let mut r: Vec<String> = schema_row(i).into_iter().rev().collect();
            r.insert(5, format!("memo {i}"));
            r.push(String::new());
            r
        })
        .collect();
    let text = csv_of(&head, &rows);
    let mut s = open(text.as_bytes(), &[]);
    assert!(s.issues().iter().any(|i| i.code == Code::ColumnOrder));
    let before = s.issues();
    let edit = template_order_edit(&s).expect("offered");
    assert!(s.apply(edit));
    let mut want_head = h.clone();
    want_head.push("Memo".into());
    want_head.push(String::new());
    assert_eq!(s.doc().header, want_head);
    for i in 0..3 {
        let mut want = schema_row(i);
        want.push(format!("memo {i}"));
        want.push(String::new());
        let got: Vec<&str> = (0..s.doc().width()).map(|c| s.cell(i, c)).collect();
        assert_eq!(got, want, "row {i}");
    }
    assert_matches_full_check(&s, "reordered");
    assert!(!s.issues().iter().any(|i| i.code == Code::ColumnOrder));
    // Only the unknown column's error and the leftover's warning remain.
    assert_eq!(
        places(&s),
        [
            (0, Some(24), Code::HeaderUnknown, Severity::Error),
            (0, Some(25), Code::EmptyTrailingColumn, Severity::Warning),
        ]
    );
    assert_eq!(template_order(&s), None, "nothing more to reorder");
    assert!(s.undo());
    assert_eq!(s.doc().header, head);
    assert_eq!(s.issues(), before);
    assert_matches_full_check(&s, "undone");
    assert!(s.redo());
    assert_eq!(s.doc().header, want_head);
    assert_matches_full_check(&s, "redone");
}

#[test]
fn a_cell_edited_before_the_reorder_is_reviewed_in_its_new_place() {
    let mut order: Vec<usize> = (0..24).collect();
    order.swap(NAME, EXT);
    let h = header();
    let head: Vec<String> = order.iter().map(|&c| h[c].clone()).collect();
    let rows: Vec<Vec<String>> = (0..2)
        .map(|i| order.iter().map(|&c| schema_row(i)[c].clone()).collect())
        .collect();
    let mut s = open(csv_of(&head, &rows).as_bytes(), &[]);
    // File column 1 holds the extension.
    s.set_cell(0, 1, "2000");
    s.apply(template_order_edit(&s).unwrap());
    let changes = s.changes();
    assert_eq!(changes.len(), 1, "{changes:#?}");
    assert_eq!((changes[0].row, changes[0].col), (0, EXT));
    assert_eq!(
        (changes[0].old.as_str(), changes[0].new.as_str()),
        ("1000", "2000")
    );
}

#[test]
fn an_order_that_is_no_permutation_changes_nothing() {
    let mut s = open(valid_csv(2).as_bytes(), &[]);
    let before = s.doc().header.clone();
    s.apply(Edit::Columns(vec![1, 1]));
    assert_eq!(s.doc().header, before);
    assert_eq!(s.cell(0, 0), "user0@example.com");
}
