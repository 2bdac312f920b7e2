//! Incremental validation equals a full re-check: after every step of random sequences of
//! cell edits, pastes, row inserts and deletes, undo and redo, the sheet's live issue list
//! is the list a fresh sheet finds on the same document with the same rules.

use crate::common::*;
use bulksheet::{Issue, Sheet};

fn sorted(mut v: Vec<Issue>) -> Vec<Issue> {
    v.sort_by(|a, b| {
        (a.row, a.col, a.code, &a.message, &a.column)
            .cmp(&(b.row, b.col, b.code, &b.message, &b.column))
    });
    v
}

fn assert_matches_full_check(s: &Sheet, context: &str) {
    let fresh = Sheet::with_rules(s.doc().clone(), s.rules().clone());
    let live = sorted(s.issues());
    let full = sorted(fresh.issues());
    if live != full {
        let only_live: Vec<_> = live.iter().filter(|i| !full.contains(i)).collect();
        let only_full: Vec<_> = full.iter().filter(|i| !live.contains(i)).collect();
        panic!("{context}\nonly incremental: {only_live:#?}\nonly full check: {only_full:#?}");
    }
    assert_eq!(
        (s.errors(), s.warnings()),
        (fresh.errors(), fresh.warnings()),
        "{context}: counts"
    );
}

/// Values worth typing into a column: valid, invalid, colliding and blank.
fn value(rng: &mut Rng, column: usize) -> String {
    let v: &[&str] = match HEADERS[column] {
        "Login ID" => &[
            "user1@example.co.jp",
            "USER1@example.co.jp",
            "user2@EXAMPLE.co.jp",
            "new@example.com",
            "New@Example.com",
            "taro＠example.com",
            "not an email",
            "",
            " ",
        ],
        "User name" => &[
            "Taro",
            "佐藤 花子",
            " Taro",
            "=SUM(A1)",
            "",
            "あああああああああああああああああああああああああああああああ",
        ],
        "Extension number" => &[
            "1001",
            "1002",
            "0123",
            "123",
            "12",
            "１２３",
            "1234567",
            "",
            "555",
        ],
        _ => &["0", "1", "2", "13", "14", "yes", "English", " 1", "", "　"],
    };
    rng.pick(v).to_string()
}

fn random_row(rng: &mut Rng, width: usize) -> Vec<String> {
    match rng.below(4) {
        0 => vec![String::new(); width],
        1 => {
            let mut r = valid_row(1 + rng.below(120));
            r.truncate(width);
            r
        }
        _ => (0..width).map(|c| value(rng, c % HEADERS.len())).collect(),
    }
}

fn step(s: &mut Sheet, rng: &mut Rng) -> String {
    let rows = s.doc().rows();
    let width = s.doc().width();
    match rng.below(12) {
        0..=4 if rows > 0 => {
            let (r, c) = (rng.below(rows), rng.below(width));
            let v = value(rng, c % HEADERS.len());
            s.set_cell(r, c, &v);
            format!("set_cell({r}, {c}, {v:?})")
        }
        5 if rows > 0 => {
            // A pasted block, sometimes blanking or filling a whole row.
            let r = rng.below(rows);
            let cells: Vec<(usize, usize, String)> = if rng.below(2) == 0 {
                let row = random_row(rng, width);
                row.into_iter()
                    .enumerate()
                    .map(|(c, v)| (r, c, v))
                    .collect()
            } else {
                (0..1 + rng.below(6))
                    .map(|_| {
                        let (r, c) = (rng.below(rows), rng.below(width));
                        (r, c, value(rng, c % HEADERS.len()))
                    })
                    .collect()
            };
            let desc = format!("set_cells({cells:?})");
            s.set_cells(cells);
            desc
        }
        6 => {
            let at = rng.below(rows + 1);
            let new: Vec<Vec<String>> = (0..1 + rng.below(3))
                .map(|_| random_row(rng, width))
                .collect();
            let desc = format!("insert_rows({at}, {new:?})");
            s.insert_rows(at, new);
            desc
        }
        7 if rows > 0 => {
            let del: Vec<usize> = (0..1 + rng.below(3)).map(|_| rng.below(rows)).collect();
            s.delete_rows(&del);
            format!("delete_rows({del:?})")
        }
        8 | 9 => {
            s.undo();
            "undo".into()
        }
        10 => {
            s.redo();
            "redo".into()
        }
        _ => {
            // Several undos then redos in a row.
            let n = 1 + rng.below(4);
            for _ in 0..n {
                s.undo();
            }
            for _ in 0..rng.below(n + 1) {
                s.redo();
            }
            format!("undo x{n}, some redo")
        }
    }
}

/// Files to start from: near the row limit, subscription columns missing with the
/// subscription on, broken CSV (ragged rows, a stray quote, blank rows), all subscriptions.
fn starting_sheets() -> Vec<(&'static str, Sheet)> {
    let mut near_limit = valid_rows(99);
    near_limit[10] = with(near_limit[10].clone(), "Login ID", "USER3@example.co.jp");
    let keep: Vec<usize> = (0..HEADERS.len()).filter(|&c| c < 13).collect();
    let header: Vec<&str> = keep.iter().map(|&c| HEADERS[c]).collect();
    let narrow: Vec<Vec<String>> = valid_rows(6)
        .into_iter()
        .map(|r| keep.iter().map(|&c| r[c].clone()).collect())
        .collect();
    let mut broken = csv(&[
        plain_row(1),
        vec![String::new(); HEADERS.len()],
        plain_row(2),
    ]);
    broken.push_str("user3@example.co.jp,Ta\"ro,1003\r\n");
    let mut long = plain_row(4);
    long.push("extra".into());
    broken.push_str(&line(&long));
    broken.push_str("\r\n");
    broken.push_str(&line(&plain_row(1)));
    vec![
        ("99 rows", sheet(&csv(&near_limit))),
        (
            "narrow",
            sheet_subs(&csv_with(&header, &narrow, "\n"), "meetings"),
        ),
        ("broken", sheet(&broken)),
        (
            "all subscriptions",
            sheet_subs(&csv(&valid_rows(8)), ALL_SUBSCRIPTIONS),
        ),
        ("empty body", sheet(&csv(&[]))),
    ]
}

#[test]
fn random_edit_sequences_keep_the_live_issues_equal_to_a_full_check() {
    for seed in 0..25u64 {
        for (name, start) in starting_sheets() {
            let mut rng = Rng::new(seed * 31 + name.len() as u64);
            let mut s = start;
            assert_matches_full_check(&s, &format!("{name} seed {seed}: opened"));
            let mut log = Vec::new();
            for _ in 0..40 {
                log.push(step(&mut s, &mut rng));
                assert_matches_full_check(
                    &s,
                    &format!("{name} seed {seed} after:\n{}", log.join("\n")),
                );
            }
        }
    }
}

/// Issues without the file line (rows deleted and restored by undo are new rows, with no
/// line in the file).
fn without_lines(v: Vec<Issue>) -> Vec<Issue> {
    sorted(v)
        .into_iter()
        .map(|i| Issue { line: None, ..i })
        .collect()
}

#[test]
fn undoing_everything_restores_the_opened_issues() {
    for seed in 0..20u64 {
        // Read problems (quotes, ragged rows) last until their cell is edited, by design,
        // so only files read cleanly come back exactly.
        for (name, start) in starting_sheets()
            .into_iter()
            .filter(|(n, _)| *n != "broken")
        {
            let opened = without_lines(start.issues());
            let mut s = start;
            let mut rng = Rng::new(seed);
            for _ in 0..30 {
                step(&mut s, &mut rng);
            }
            while s.undo() {}
            assert_eq!(without_lines(s.issues()), opened, "{name} seed {seed}");
            assert!(!s.is_dirty(), "{name} seed {seed}");
        }
    }
}

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
