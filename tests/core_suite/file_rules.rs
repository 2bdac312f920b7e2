//! Whole-file rules with the MiiTel schema: the 100-user limit (blank rows not counted),
//! the header (column order, names matched trimmed and in any case, missing, repeated and
//! unknown names, subscription columns left out), and files with no header or no rows.

use crate::common::*;
use bulksheet::io::read_bytes;
use bulksheet::{Code, Severity};

/// The file with the columns at `keep` (file order given by the list).
fn with_columns(n: usize, keep: &[usize]) -> String {
    let h = header();
    let header: Vec<String> = keep.iter().map(|&c| h[c].clone()).collect();
    let rows: Vec<Vec<String>> = (0..n)
        .map(|i| {
            let r = schema_row(i);
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
    let mut rows: Vec<Vec<String>> = (0..6).map(schema_row).collect();
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
    // Every other finding is the same; the order itself is one warning of its own.
    let mut moved = strip(&shuffled);
    let order_warnings = moved.iter().filter(|i| i.2 == Code::ColumnOrder).count();
    assert_eq!(order_warnings, 1);
    moved.retain(|i| i.2 != Code::ColumnOrder);
    assert_eq!(strip(&in_order), moved);
}

#[test]
fn header_names_match_trimmed_and_in_any_case() {
    let mut h = header();
    h[0] = "  login id ".into();
    h[2] = "EXTENSION NUMBER".into();
    let rows: Vec<Vec<String>> = (0..3).map(schema_row).collect();
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
            let mut r = schema_row(i);
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
            let mut r = schema_row(i);
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

#[test]
fn one_hundred_users_pass_and_one_hundred_and_one_is_one_file_error() {
    let s = sheet(&csv(&valid_rows(100)));
    assert_eq!(places(&s), []);

    let s = sheet(&csv(&valid_rows(101)));
    let issues = s.issues();
    assert_eq!(issues.len(), 1, "{issues:#?}");
    let i = &issues[0];
    assert_eq!((i.row, i.column.as_deref()), (0, None));
    assert_eq!((i.code, i.severity), (Code::TooManyRows, Severity::Error));
    assert!(i.message.contains("101"), "{}", i.message);
    assert!(i.message.to_lowercase().contains("split"), "{}", i.message);
}

#[test]
fn blank_rows_do_not_count_towards_the_limit() {
    let mut rows = valid_rows(100);
    rows.push(vec![String::new(); HEADERS.len()]);
    rows.push(vec![" ".to_string(); HEADERS.len()]);
    let s = sheet(&csv(&rows));
    assert_eq!(
        places(&s),
        [(101, None, Code::BlankRow), (102, None, Code::BlankRow)]
    );
    assert_eq!(s.rows_to_write(), (0..100).collect::<Vec<_>>());
}

#[test]
fn columns_in_any_order_are_matched_by_name() {
    let mut order: Vec<usize> = (0..HEADERS.len()).rev().collect();
    order.swap(0, 7);
    let header: Vec<&str> = order.iter().map(|&c| HEADERS[c]).collect();
    let mut rows: Vec<Vec<String>> = valid_rows(3);
    rows[1] = with(rows[1].clone(), "Extension number", "12");
    let shuffled: Vec<Vec<String>> = rows
        .iter()
        .map(|r| order.iter().map(|&c| r[c].clone()).collect())
        .collect();
    let s = sheet(&csv_with(&header, &shuffled, "\n"));
    let mut issues = s.issues();
    // The order itself is one warning (row 0); the cells are matched by name.
    assert_eq!(
        issues
            .iter()
            .filter(|i| i.code == Code::ColumnOrder)
            .count(),
        1
    );
    issues.retain(|i| i.code != Code::ColumnOrder);
    assert_eq!(issues.len(), 1, "{issues:#?}");
    assert_eq!(issues[0].row, 2);
    assert_eq!(issues[0].column.as_deref(), Some("Extension number"));
    assert_eq!(issues[0].code, Code::Digits);
    // The issue points at the file column that holds it.
    let file_col = order.iter().position(|&c| c == col("Extension number"));
    assert_eq!(issues[0].col, file_col);
}

#[test]
fn every_header_name_matches_trimmed_and_in_any_case() {
    let header: Vec<String> = HEADERS
        .iter()
        .enumerate()
        .map(|(i, h)| match i % 3 {
            0 => format!("  {h} "),
            1 => h.to_uppercase(),
            _ => h.to_lowercase(),
        })
        .collect();
    let s = sheet(&csv_with(&header, &valid_rows(2), "\r\n"));
    assert_eq!(places(&s), []);
}

#[test]
fn a_missing_column_is_one_issue_on_row_0_naming_it() {
    for missing in ["Locale", "Login ID", "MiiTel Meetings Use bot"] {
        let keep: Vec<usize> = (0..HEADERS.len())
            .filter(|&c| HEADERS[c] != missing)
            .collect();
        let header: Vec<&str> = keep.iter().map(|&c| HEADERS[c]).collect();
        let rows: Vec<Vec<String>> = valid_rows(5)
            .into_iter()
            .map(|r| keep.iter().map(|&c| r[c].clone()).collect())
            .collect();
        let s = sheet(&csv_with(&header, &rows, "\r\n"));
        assert_eq!(
            places(&s),
            [(0, Some(missing.to_string()), Code::HeaderMissing)],
            "{missing}"
        );
        assert_eq!(s.errors(), 1);
    }
}

#[test]
fn subscription_columns_may_be_left_out_unless_subscribed() {
    let keep: Vec<usize> = (0..HEADERS.len())
        .filter(|&c| !SUBSCRIPTION_COLUMNS.contains(&HEADERS[c]))
        .collect();
    let header: Vec<&str> = keep.iter().map(|&c| HEADERS[c]).collect();
    let rows: Vec<Vec<String>> = valid_rows(3)
        .into_iter()
        .map(|r| keep.iter().map(|&c| r[c].clone()).collect())
        .collect();
    let text = csv_with(&header, &rows, "\r\n");
    assert_eq!(places(&sheet(&text)), []);

    // With RecPod on, its own column and the two it shares with Meetings are needed.
    let s = sheet_subs(&text, "recpod");
    let missing: Vec<String> = s
        .issues()
        .into_iter()
        .map(|i| {
            assert_eq!((i.row, i.code), (0, Code::HeaderMissing));
            i.column.unwrap()
        })
        .collect();
    assert_eq!(
        missing,
        [
            "MiiTel Meetings Create external shared link",
            "MiiTel Meetings Export video history as CSV",
            "MiiTel RecPod Enable",
        ]
    );
}

#[test]
fn a_duplicated_header_is_reported_once_on_row_0() {
    let mut header: Vec<&str> = HEADERS.to_vec();
    header.push("Locale");
    let rows: Vec<Vec<String>> = valid_rows(2)
        .into_iter()
        .map(|mut r| {
            r.push("1".to_string());
            r
        })
        .collect();
    let s = sheet(&csv_with(&header, &rows, "\r\n"));
    let issues = s.issues();
    assert_eq!(issues.len(), 1, "{issues:#?}");
    assert_eq!(
        (issues[0].row, issues[0].code, issues[0].severity),
        (0, Code::HeaderDuplicate, Severity::Error)
    );
    assert_eq!(issues[0].column.as_deref(), Some("Locale"));
    assert_eq!(issues[0].col, Some(24));
}

#[test]
fn an_unknown_header_is_reported_by_its_name() {
    let mut header: Vec<&str> = HEADERS.to_vec();
    header.insert(2, "Nickname");
    let rows: Vec<Vec<String>> = valid_rows(2)
        .into_iter()
        .map(|mut r| {
            r.insert(2, "Taro".to_string());
            r
        })
        .collect();
    let s = sheet(&csv_with(&header, &rows, "\r\n"));
    assert_eq!(
        places(&s),
        [(0, Some("Nickname".to_string()), Code::HeaderUnknown)]
    );
    assert!(s.issues()[0].message.contains("Nickname"));
}

#[test]
fn an_empty_file_and_a_lone_bom_are_one_empty_error() {
    for bytes in [&b""[..], b"\xEF\xBB\xBF"] {
        let doc = read_bytes(bytes, None).unwrap();
        assert!(doc.empty_file);
        let s = sheet(std::str::from_utf8(bytes).unwrap());
        let issues = s.issues();
        assert_eq!(issues.len(), 1, "{bytes:?}: {issues:#?}");
        assert_eq!(
            (issues[0].row, issues[0].column.as_deref(), issues[0].code),
            (0, None, Code::Empty)
        );
        assert_eq!(s.errors(), 1);
    }
}

#[test]
fn a_header_without_rows_is_clean() {
    let s = sheet(&csv(&[]));
    assert_eq!(places(&s), []);
    assert_eq!(s.doc().rows(), 0);
}
