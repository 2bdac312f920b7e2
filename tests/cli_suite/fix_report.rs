//! `bulksheet fix` never makes a new issue: a fix that would (a full-width `１２３` whose
//! half-width form another row uses) is left as it is and reported with the line it would
//! clash with; the newer safe fixes are made, and an extension's hyphens are not (that
//! one is offered in the window, cell by cell).

use crate::common::*;

#[test]
fn fix_leaves_a_change_that_would_duplicate_and_says_why() {
    let d = tempfile::tempdir().unwrap();
    let mut rows: Vec<Vec<String>> = (0..4).map(schema_row).collect();
    rows[0][EXT] = "123".into();
    rows[2][EXT] = "１２３".into();
    rows[3][LOCALE] = "English".into();
    write(d.path(), "in.csv", csv_of(&header(), &rows));
    let r = run(d.path(), &["fix", "in.csv", "-o", "out.csv"]);
    assert_eq!(r.code, 1, "an error remains: {}{}", r.stdout, r.stderr);
    for want in [
        "in.csv:4: Extension number: not fixed (full-width to half-width): \"１２３\" → \"123\" would cause duplicate: Extension number \"123\" is also on line 2",
        "in.csv:5: Locale: fixed (label to code): \"English\" → \"1\"",
        "in.csv: 1 fix applied",
        "in.csv: 1 fix not made: it would cause a new issue; correct it by hand",
    ] {
        assert!(
            r.stdout.lines().any(|l| l == want),
            "missing {want:?} in:\n{}",
            r.stdout
        );
    }
    assert!(
        !d.path().join("out.csv").exists(),
        "refused while errors remain"
    );
}

#[test]
fn fix_makes_the_new_safe_fixes_but_not_an_extensions_hyphens() {
    let d = tempfile::tempdir().unwrap();
    let mut rows: Vec<Vec<String>> = (0..4).map(schema_row).collect();
    rows[0][EXT] = "101.0".into();
    rows[1][LOGIN] = "user 1@example.com".into();
    rows[2][LOCALE] = "1.00".into();
    rows[3][EXT] = "123-4".into();
    write(d.path(), "in.csv", csv_of(&header(), &rows));
    let r = run(d.path(), &["fix", "in.csv", "-o", "out.csv"]);
    assert_eq!(r.code, 1, "the hyphens remain: {}{}", r.stdout, r.stderr);
    for want in [
        "in.csv:2: Extension number: fixed (drop the zero decimals): \"101.0\" → \"101\"",
        "in.csv:3: Login ID: fixed (remove the spaces): \"user 1@example.com\" → \"user1@example.com\"",
        "in.csv:4: Locale: fixed (drop the zero decimals): \"1.00\" → \"1\"",
        "in.csv: 3 fixes applied",
    ] {
        assert!(
            r.stdout.lines().any(|l| l == want),
            "missing {want:?} in:\n{}",
            r.stdout
        );
    }
    assert!(!r.stdout.contains("123-4"), "{}", r.stdout);
}
