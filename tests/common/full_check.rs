//! Incremental validation compared with a full check of the same document.

use super::{EXT, LOGIN, count, header, line, schema_row};
use bulksheet::{Issue, Severity, Sheet};

/// Issues in (row, column, code, message) order.
pub fn sorted(mut v: Vec<Issue>) -> Vec<Issue> {
    v.sort_by(|a, b| {
        (a.row, a.col, a.code, &a.message, &a.column)
            .cmp(&(b.row, b.col, b.code, &b.message, &b.column))
    });
    v
}

/// Issues without the file line (rows deleted and restored by undo are new rows, with no
/// line in the file).
pub fn without_lines(v: Vec<Issue>) -> Vec<Issue> {
    sorted(v)
        .into_iter()
        .map(|i| Issue { line: None, ..i })
        .collect()
}

/// The sheet's live issues, counts and findings are those a fresh sheet finds on the same
/// document with the same rules.
pub fn assert_matches_full_check(sheet: &Sheet, context: &str) {
    let full = Sheet::with_rules(sheet.doc().clone(), sheet.rules().clone());
    let live = sheet.issues();
    let want = full.issues();
    if live != want {
        let only_full: Vec<_> = want.iter().filter(|i| !live.contains(i)).collect();
        let only_live: Vec<_> = live.iter().filter(|i| !want.contains(i)).collect();
        panic!("{context}\nonly incremental: {only_live:#?}\nonly full check: {only_full:#?}");
    }
    assert_eq!(
        (sheet.errors(), sheet.warnings()),
        (full.errors(), full.warnings()),
        "{context}: counts"
    );
    assert_eq!(
        sheet.errors(),
        count(&live, Severity::Error),
        "{context}: error count vs list"
    );
    assert_eq!(
        sheet.warnings(),
        count(&live, Severity::Warning),
        "{context}: warning count vs list"
    );
    for col in 0..sheet.doc().width() {
        assert_eq!(
            sheet.validator().column_counts(col),
            full.validator().column_counts(col),
            "{context}: column {col} counts"
        );
    }
    // The structured comparison the edit fuzzer makes after every step agrees.
    assert!(
        sheet.validator().same_findings(full.validator()),
        "{context}: same issues, but findings, binding or counts differ"
    );
}

/// The starting file: valid rows with a few problems, one ragged row, one stray quote.
pub fn start_text(rows: usize) -> String {
    let mut text = line(&header());
    text.push_str("\r\n");
    for i in 0..rows {
        let mut r = schema_row(i);
        match i {
            1 => r[LOGIN] = "dup@example.com".into(),
            2 => r[LOGIN] = "DUP@example.com".into(),
            4 => r[EXT] = "１２３".into(),
            5 => r = vec![String::new(); 24],
            _ => {}
        }
        let mut l = line(&r);
        if i == 3 {
            l = l.replacen("User 3", "Us\"er 3", 1);
        }
        if i == 6 {
            l.push_str(",extra");
        }
        text.push_str(&l);
        text.push_str("\r\n");
    }
    text
}
