//! Whole-file rules with the MiiTel schema: the 100-row limit, blank rows, column order,
//! missing, repeated and unknown header names, and files with nothing in them.

use crate::core_support::*;
use bulksheet::{Code, Severity};

/// The file with the columns at `keep` (file order given by the list).
fn with_columns(n: usize, keep: &[usize]) -> String {
    let h = header();
    let header: Vec<String> = keep.iter().map(|&c| h[c].clone()).collect();
    let rows: Vec<Vec<String>> = (0..n)
        .map(|i| {
            let r = valid_row(i);
            keep.iter().map(|&c| r[c].clone()).collect()
        })
        .collect();
    csv_of(&header, &rows)
}

fn all_but(col: usize) -> Vec<usize> {
    (0..24).filter(|&c| c != col).collect()
}

#[test]
fn a_hundred_rows_are_fine_and_a_hundred_and_one_are_one_error() {
    assert_clean(&open(valid_csv(100).as_bytes(), &[]));
    let s = open(valid_csv(101).as_bytes(), &[]);
    let issues = s.issues();
    assert_eq!(issues.len(), 1, "{issues:#?}");
    let i = &issues[0];
    assert_eq!(i.code, Code::TooManyRows);
    assert_eq!(i.severity, Severity::Error);
    assert_eq!(i.row, 0);
    assert_eq!(i.column, None);
    assert!(i.message.contains("101"), "{}", i.message);
    assert!(i.message.contains("--split 100"), "{}", i.message);
    assert_eq!((s.errors(), s.warnings()), (1, 0));
}

#[test]
fn blank_rows_at_the_end_are_warnings_not_users() {
    let mut text = valid_csv(100);
    for _ in 0..3 {
        text.push_str(&",".repeat(23));
        text.push_str("\r\n");
    }
    let s = open(text.as_bytes(), &[]);
    let issues = s.issues();
    assert_eq!(
        issues
            .iter()
            .map(|i| (i.row, i.column.clone(), i.code, i.severity))
            .collect::<Vec<_>>(),
        (101..=103)
            .map(|r| (r, None, Code::BlankRow, Severity::Warning))
            .collect::<Vec<_>>()
    );
    assert_eq!((s.errors(), s.warnings()), (0, 3));
    assert_eq!(s.rows_to_write().len(), 100);
}

#[test]
fn reordered_columns_validate_the_same() {
    let broken = [
        (0, LOGIN, "bad"),
        (1, NAME, " x"),
        (2, EXT, "12"),
        (3, TZ, "Tokyo"),
        (4, LOGIN, "USER0@example.com"),
    ];
    let in_order = with_cells(6, &broken, &[]);
    let mut order: Vec<usize> = (0..24).collect();
    order.reverse();
    order.swap(3, 17);
    let mut rows: Vec<Vec<String>> = (0..6).map(valid_row).collect();
    for &(r, c, v) in &broken {
        rows[r][c] = v.to_string();
    }
    let h = header();
    let shuffled_header: Vec<String> = order.iter().map(|&c| h[c].clone()).collect();
    let shuffled_rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| order.iter().map(|&c| r[c].clone()).collect())
        .collect();
    let shuffled = open(csv_of(&shuffled_header, &shuffled_rows).as_bytes(), &[]);
    let strip = |s: &bulksheet::Sheet| {
        let mut v: Vec<_> = s
            .issues()
            .into_iter()
            .map(|i| (i.row, i.column, i.code, i.severity, i.message))
            .collect();
        v.sort();
        v
    };
    assert!(!strip(&in_order).is_empty());
    assert_eq!(strip(&in_order), strip(&shuffled));
}

#[test]
fn header_names_match_trimmed_and_in_any_case() {
    let mut h = header();
    h[0] = "  login id ".into();
    h[2] = "EXTENSION NUMBER".into();
    let rows: Vec<Vec<String>> = (0..3).map(valid_row).collect();
    assert_clean(&open(csv_of(&h, &rows).as_bytes(), &[]));
}

#[test]
fn a_missing_required_column_is_one_issue_on_the_header() {
    for (col, name) in [
        (NAME, "User name"),
        (LOGIN, "Login ID"),
        (13, "MiiTel Call Center CC Administrative privileges"),
    ] {
        for n in [0, 5, 100] {
            let s = open(with_columns(n, &all_but(col)).as_bytes(), &[]);
            assert_eq!(
                places(&s),
                [(0, Some(name.to_string()), Code::HeaderMissing)],
                "{name}, {n} rows"
            );
            assert_eq!((s.errors(), s.warnings()), (1, 0));
        }
    }
}

#[test]
fn a_missing_subscription_column_matters_only_with_the_subscription() {
    let text = with_columns(5, &all_but(CC_ENABLE));
    assert_clean(&open(text.as_bytes(), &[]));
    assert_clean(&open(text.as_bytes(), &["meetings", "webhook"]));
    let s = open(text.as_bytes(), &["call-center"]);
    assert_eq!(
        places(&s),
        [(
            0,
            Some("MiiTel Call Center Enable".into()),
            Code::HeaderMissing
        )]
    );
    let msg = &s.issues()[0].message;
    assert!(msg.contains("MiiTel Call Center"), "{msg}");
    // Every subscription column left out, with all subscriptions off: still clean.
    let keep: Vec<usize> = (0..24)
        .filter(|&c| !(header_is_subscription_only(c)))
        .collect();
    assert_eq!(keep.len(), 24 - 10);
    assert_clean(&open(with_columns(5, &keep).as_bytes(), &[]));
}

fn header_is_subscription_only(col: usize) -> bool {
    !miitel().columns[col].subscriptions.is_empty()
}

#[test]
fn a_repeated_header_name_is_header_duplicate() {
    let mut h = header();
    h.push("login id".into());
    let rows: Vec<Vec<String>> = (0..3)
        .map(|i| {
            let mut r = valid_row(i);
            r.push(format!("x{i}@example.com"));
            r
        })
        .collect();
    let s = open(csv_of(&h, &rows).as_bytes(), &[]);
    let issues = s.issues();
    assert_eq!(codes(&issues), [Code::HeaderDuplicate], "{issues:#?}");
    assert_eq!(issues[0].row, 0);
    assert_eq!(issues[0].col, Some(24));
    assert!(
        issues[0].message.contains("column 25"),
        "{}",
        issues[0].message
    );
}

#[test]
fn an_unknown_header_name_is_header_unknown() {
    let mut h = header();
    h.insert(3, "Department".into());
    let rows: Vec<Vec<String>> = (0..3)
        .map(|i| {
            let mut r = valid_row(i);
            r.insert(3, "Sales".into());
            r
        })
        .collect();
    let s = open(csv_of(&h, &rows).as_bytes(), &[]);
    assert_eq!(
        places(&s),
        [(0, Some("Department".into()), Code::HeaderUnknown)]
    );
    assert!(s.issues()[0].message.contains("Department"));
}

#[test]
fn an_empty_file_is_one_error() {
    for bytes in [&b""[..], b"\xEF\xBB\xBF"] {
        let s = open(bytes, &[]);
        let issues = s.issues();
        assert_eq!(
            places(&s),
            [(0, None, Code::Empty)],
            "{bytes:?}: {issues:#?}"
        );
        assert_eq!(issues[0].severity, Severity::Error);
        assert_eq!(s.doc().rows(), 0);
    }
}

#[test]
fn a_header_only_file_is_clean() {
    for text in [valid_csv(0), valid_csv(0).trim_end().to_string()] {
        let s = open(text.as_bytes(), &[]);
        assert_clean(&s);
        assert_eq!(s.doc().rows(), 0);
        assert_eq!(s.doc().width(), 24);
    }
}
