//! Incremental validation equals a full re-check for row operations: crossing the row
//! limit, many-row deletes and inserts through duplicate groups, and big sheets whose
//! full check runs on several threads (renumbered indexes, grown sheets, run boundaries).

use crate::common::*;
use bulksheet::Sheet;

#[test]
fn crossing_the_row_limit_adds_and_removes_the_file_error() {
    let mut s = sheet(&csv(&valid_rows(100)));
    assert_eq!(s.errors(), 0);
    s.insert_rows(100, vec![valid_row(101)]);
    assert_eq!(places(&s), [(0, None, bulksheet::Code::TooManyRows)]);
    // Blanking the new row takes it out of the count.
    s.set_cells(
        (0..HEADERS.len())
            .map(|c| (100, c, String::new()))
            .collect(),
    );
    assert_eq!(places(&s), [(101, None, bulksheet::Code::BlankRow)]);
    s.undo();
    assert_eq!(places(&s), [(0, None, bulksheet::Code::TooManyRows)]);
    s.undo();
    assert_eq!(places(&s), []);
    assert_matches_full_check(&s, "after undo");
}

type RowStep = Box<dyn Fn(&mut Sheet) -> bool>;

/// Row inserts and deletes re-check only the rows that came or went and renumber the rest;
/// a duplicate group split by a many-row delete, restored by undo and grown by duplicated
/// rows must still match a full check at each step.
#[test]
fn many_row_deletes_and_inserts_through_duplicate_groups_match_a_full_check() {
    let mut rows = valid_rows(60);
    for r in [5, 17, 33, 48] {
        rows[r] = with(rows[r].clone(), "Login ID", "same@example.co.jp");
    }
    for r in [6, 7] {
        rows[r] = with(rows[r].clone(), "Extension number", "1234");
    }
    rows[20] = vec![String::new(); HEADERS.len()];
    let mut s = sheet(&csv(&rows));
    let steps: Vec<(&str, RowStep)> = vec![
        ("delete two of four", Box::new(|s| s.delete_rows(&[17, 48]))),
        (
            "delete a pair at once",
            Box::new(|s| s.delete_rows(&[6, 7, 20, 0])),
        ),
        ("undo", Box::new(|s| s.undo())),
        (
            "duplicate into the group",
            Box::new(|s| s.duplicate_rows(&[5, 6, 40])),
        ),
        (
            "insert at the top",
            Box::new(|s| s.insert_rows(0, vec![valid_row(1), vec![]])),
        ),
        (
            "delete every other row",
            Box::new(|s| s.delete_rows(&(0..70).step_by(2).collect::<Vec<_>>())),
        ),
        ("undo", Box::new(|s| s.undo())),
        ("undo", Box::new(|s| s.undo())),
        ("redo", Box::new(|s| s.redo())),
        ("redo", Box::new(|s| s.redo())),
    ];
    run_row_steps(&mut s, steps);
}

/// Performs each step (each must change something), checking after every one and once
/// everything is undone.
fn run_row_steps(s: &mut Sheet, steps: Vec<(&str, RowStep)>) {
    let mut log = Vec::new();
    for (what, step) in steps {
        assert!(step(s), "{what} changed nothing");
        log.push(what);
        assert_matches_full_check(s, &log.join(", "));
    }
    while s.undo() {}
    assert_matches_full_check(s, "all undone");
}

/// Gives every `every`-th row from `from` on the same `value` in `column`.
fn share(rows: &mut [Vec<String>], column: &str, value: &str, from: usize, every: usize) {
    for r in (from..rows.len()).step_by(every) {
        rows[r] = with(rows[r].clone(), column, value);
    }
}

/// From 20,000 rows the duplicate indexes are renumbered on two threads after rows come
/// or go in the middle: the groups they hold must stay those a full check finds.
#[test]
fn row_deletes_and_inserts_in_a_big_sheet_match_a_full_check() {
    let n = 25_000;
    let mut rows = valid_rows(n);
    share(&mut rows, "Login ID", "same@example.co.jp", 3, 1_001);
    share(&mut rows, "Extension number", "1234", 7, 2_003);
    let mut s = sheet(&csv(&rows));
    let steps: Vec<(&str, RowStep)> = vec![
        (
            "delete from the middle, one of a group among them",
            Box::new(|s| s.delete_rows(&[3, 9_012, 12_500, 14_021])),
        ),
        (
            "duplicate group members",
            Box::new(|s| s.duplicate_rows(&[1_000, 2_002, 4_010])),
        ),
        (
            "insert in the middle",
            Box::new(|s| s.insert_rows(12_000, vec![valid_row(1), valid_row(2)])),
        ),
        (
            "delete every thousandth row",
            Box::new(|s| s.delete_rows(&(0..25_000).step_by(1_000).collect::<Vec<_>>())),
        ),
        ("undo", Box::new(|s| s.undo())),
        ("redo", Box::new(|s| s.redo())),
    ];
    run_row_steps(&mut s, steps);
    assert!(s.errors() > 0, "the duplicate groups are there");
}

/// From 20,000 rows the full check builds its duplicate indexes on a second thread. A
/// sheet opened that big must find what a smaller sheet finds once the rest of the rows
/// are inserted (checked row by row, on one thread).
#[test]
fn a_big_sheet_checked_on_two_threads_matches_rows_inserted_into_a_small_one() {
    let n = 25_000;
    let mut rows = valid_rows(n);
    share(&mut rows, "Login ID", "same@example.co.jp", 0, 997);
    share(&mut rows, "Extension number", "1234", 5, 1_499);
    share(&mut rows, "Locale", "English", 5, 1_499);
    rows[n - 1] = vec![String::new(); HEADERS.len()];
    let whole = sheet(&csv(&rows));
    let split = 15_000;
    let mut grown = sheet(&csv(&rows[..split]));
    assert!(grown.insert_rows(split, rows[split..].to_vec()));
    assert_eq!(without_lines(grown.issues()), without_lines(whole.issues()));
    assert_eq!(
        (grown.errors(), grown.warnings()),
        (whole.errors(), whole.warnings())
    );
    assert!(whole.errors() > 40, "the duplicates and codes were found");
}

/// A big sheet's full check shares each text column out between threads in runs of rows:
/// a bad cell is found on every side of a run's ends, and nowhere else, as a sheet of one
/// bad row finds it.
#[test]
fn a_big_sheet_finds_bad_cells_at_every_run_boundary() {
    let n = 70_000;
    let mut rows = valid_rows(n);
    // Data rows (0-based) on both sides of each multiple of 2^15, and the ends.
    let bad: Vec<usize> = vec![0, 1, 32_766, 32_767, 32_768, 65_535, 65_536, n - 1];
    for &r in &bad {
        rows[r] = with(
            rows[r].clone(),
            "Login ID",
            &format!("a..{r}@example.co.jp"),
        );
        rows[r] = with(rows[r].clone(), "Extension number", &format!("12-{r}"));
    }
    let s = sheet(&csv(&rows));
    let rows_with = |s: &Sheet, column: &str| -> Vec<usize> {
        let mut v: Vec<usize> = s
            .issues()
            .iter()
            .filter(|i| i.column.as_deref() == Some(column))
            .map(|i| i.row - 1)
            .collect();
        v.dedup();
        v
    };
    for column in ["Login ID", "Extension number"] {
        assert_eq!(rows_with(&s, column), bad, "{column}");
        let messages = |s: &Sheet, row: usize| -> Vec<String> {
            s.issues()
                .iter()
                .filter(|i| i.row == row && i.column.as_deref() == Some(column))
                .map(|i| i.message.clone())
                .collect()
        };
        for &r in &bad {
            let alone = sheet(&csv(&rows[r..=r]));
            assert!(!messages(&alone, 1).is_empty(), "{column} row {r} is bad");
            assert_eq!(messages(&s, r + 1), messages(&alone, 1), "{column} row {r}");
        }
    }
}
