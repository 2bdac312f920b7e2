//! Incremental validation equals a full re-check: after every step of random but seeded
//! sequences (cell edits, pastes, fills, blanked rows, row inserts, deletes and duplicates,
//! undo and redo, subscription and target encoding changes) the sheet's live issue list,
//! counts and findings are those a fresh sheet finds on the same document with the same
//! rules. Two generators: values typed per column over varied starting files, and a palette
//! of values that break rules alone or together over a file with read problems.

use crate::common::*;
use bulksheet::Sheet;
use bulksheet::io::read_bytes;

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

pub(crate) fn step(s: &mut Sheet, rng: &mut Rng) -> String {
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
pub(crate) fn starting_sheets() -> Vec<(&'static str, Sheet)> {
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

/// Values that break rules alone or together with other rows, and valid ones.
const PALETTE: &[&str] = &[
    "dup@example.com",
    "DUP@example.com",
    "Dup@Example.Com",
    "user3@example.com",
    "USER7@EXAMPLE.COM",
    "taro＠example.com",
    "not-an-email",
    "",
    "  ",
    "\u{3000}",
    "1003",
    "1007",
    "555",
    "555",
    "0555",
    "１２３",
    "12",
    "1234567",
    "English",
    "TRUE",
    "yes",
    "はい",
    "Tokyo",
    "0",
    "1",
    "2",
    "3",
    "13",
    "14",
    " Taro",
    "=SUM(A1)",
    "山田 太郎",
    "𠮷田",
    "😀",
    "abcdefghijklmnopqrstuvwxyzabcde",
];

fn palette_value(rng: &mut XorShift) -> String {
    rng.pick(PALETTE).to_string()
}

/// Columns to touch: mostly the unique and text ones, sometimes any.
fn palette_column(rng: &mut XorShift) -> usize {
    match rng.below(6) {
        0 | 1 => LOGIN,
        2 => EXT,
        3 => NAME,
        _ => rng.below(24),
    }
}

fn palette_row(rng: &mut XorShift, i: usize) -> Vec<String> {
    match rng.below(4) {
        0 => vec![String::new(); 24],
        1 => {
            let mut r = schema_row(i);
            let c = palette_column(rng);
            r[c] = palette_value(rng);
            r
        }
        _ => schema_row(i),
    }
}

/// One random edit; returns what it was, for the failure message.
fn palette_step(sheet: &mut Sheet, rng: &mut XorShift, next_id: &mut usize) -> String {
    let rows = sheet.doc().rows();
    let r = rng.below(rows);
    match rng.below(12) {
        0..=2 => {
            let (c, v) = (palette_column(rng), palette_value(rng));
            sheet.set_cell(r, c, &v);
            format!("set_cell({r}, {c}, {v:?})")
        }
        3 => {
            let cells: Vec<(usize, usize, String)> = (0..1 + rng.below(6))
                .map(|_| (rng.below(rows), palette_column(rng), palette_value(rng)))
                .collect();
            let what = format!("set_cells({cells:?})");
            sheet.set_cells(cells);
            what
        }
        4 => {
            // A whole row blanked (or un-blanked through undo later).
            let cells = (0..24).map(|c| (r, c, String::new())).collect();
            sheet.set_cells(cells);
            format!("blank row {r}")
        }
        5 => {
            let h = 1 + rng.below(3);
            let w = 1 + rng.below(3);
            let block: Vec<Vec<String>> = (0..h)
                .map(|_| (0..w).map(|_| palette_value(rng)).collect())
                .collect();
            // Near the end sometimes, so the paste adds rows.
            let at = (rows.saturating_sub(rng.below(3)), palette_column(rng));
            let sel = (1 + rng.below(3), 1 + rng.below(2));
            let what = format!("paste({at:?}, {sel:?}, {block:?})");
            sheet.paste(at, sel, &block);
            what
        }
        6 => {
            let end = (r + 1 + rng.below(4)).min(rows);
            let c = palette_column(rng);
            let cols = c..(c + 1 + rng.below(3)).min(24);
            let what = format!("fill_down({r}..{end}, {cols:?})");
            sheet.fill_down(r..end, cols);
            what
        }
        7 => {
            let n = 1 + rng.below(3);
            let new: Vec<Vec<String>> = (0..n)
                .map(|_| {
                    *next_id += 1;
                    palette_row(rng, *next_id)
                })
                .collect();
            let at = rng.below(rows + 1);
            sheet.insert_rows(at, new);
            format!("insert_rows({at}, {n})")
        }
        8 => {
            let del: Vec<usize> = (0..1 + rng.below(3)).map(|_| rng.below(rows)).collect();
            if rows > 3 {
                sheet.delete_rows(&del);
            }
            format!("delete_rows({del:?})")
        }
        9 => {
            let dup: Vec<usize> = (0..1 + rng.below(2)).map(|_| rng.below(rows)).collect();
            sheet.duplicate_rows(&dup);
            format!("duplicate_rows({dup:?})")
        }
        10 => {
            let n = 1 + rng.below(3);
            for _ in 0..n {
                sheet.undo();
            }
            format!("undo x{n}")
        }
        _ => {
            let n = 1 + rng.below(3);
            for _ in 0..n {
                sheet.redo();
            }
            format!("redo x{n}")
        }
    }
}

fn run(seed: u64, rows: usize, steps: usize, subs: &[&str], shift_jis: bool) {
    let text = start_text(rows);
    let bytes = if shift_jis {
        encoding_rs::SHIFT_JIS.encode(&text).0.into_owned()
    } else {
        text.into_bytes()
    };
    let doc = read_bytes(&bytes, None).unwrap();
    let mut sheet = sheet_of(doc, subs);
    assert!(sheet.errors() > 0, "the start has problems to track");
    assert_matches_full_check(&sheet, "step 0: open");
    let mut rng = XorShift(seed);
    let mut next_id = rows;
    for i in 1..=steps {
        let what = palette_step(&mut sheet, &mut rng, &mut next_id);
        assert_matches_full_check(&sheet, &format!("step {i}: seed {seed}: {what}"));
    }
    // Undo everything: back to the cells as opened.
    while sheet.undo() {}
    let opened = read_bytes(&bytes, None).unwrap();
    assert_eq!(
        sheet.doc().rows(),
        opened.rows(),
        "seed {seed}: rows after undoing all"
    );
    for r in 0..opened.rows() {
        for c in 0..24 {
            assert_eq!(
                sheet.cell(r, c),
                opened.cell(r, c),
                "seed {seed}: ({r}, {c})"
            );
        }
    }
}

#[test]
fn thirty_rows_no_subscriptions() {
    for seed in [1, 2] {
        run(seed, 30, 150, &[], false);
    }
}

#[test]
fn thirty_rows_with_subscriptions() {
    for seed in [11, 12] {
        run(
            seed,
            30,
            150,
            &["call-center", "meetings", "webhook"],
            false,
        );
    }
}

#[test]
fn thirty_rows_in_shift_jis() {
    // 😀 and 𠮷 are errors only when the file goes back as Shift_JIS.
    run(21, 30, 150, &[], true);
}

#[test]
fn subscription_and_target_changes_match_a_full_check() {
    let mut sheet = sheet_of(read_bytes(start_text(30).as_bytes(), None).unwrap(), &[]);
    let mut rng = XorShift(99);
    let mut next_id = 30;
    for i in 0..60 {
        let what = palette_step(&mut sheet, &mut rng, &mut next_id);
        match i % 20 {
            5 => sheet.set_subscriptions(
                bulksheet::schema::Subscriptions::parse("call-center,recpod", &miitel()).unwrap(),
            ),
            10 => sheet.set_target_encoding(bulksheet::TextEncoding::ShiftJis),
            15 => sheet.set_subscriptions(bulksheet::schema::Subscriptions::none()),
            _ => {}
        }
        assert_matches_full_check(&sheet, &format!("step {i}: {what}"));
    }
}

#[test]
fn two_thousand_rows_fewer_steps() {
    run(7, 2000, 15, &[], false);
}

/// The structured comparison tells checks of different cells apart.
#[test]
fn same_findings_differs_when_a_cell_does() {
    let doc = read_bytes(start_text(10).as_bytes(), None).unwrap();
    let sheet = sheet_of(doc.clone(), &[]);
    let twin = Sheet::with_rules(doc.clone(), sheet.rules().clone());
    assert!(sheet.validator().same_findings(twin.validator()));
    let mut other = doc;
    other.set(2, 4, "99");
    let changed = Sheet::with_rules(other, sheet.rules().clone());
    assert!(!sheet.validator().same_findings(changed.validator()));
}

/// The issue list kept as places (what the window's list holds) words each issue as the
/// full list does, in the same order, in both languages, through random edits.
#[test]
fn issue_places_word_each_issue_as_the_full_list_does() {
    use bulksheet::validate::Lang;
    let mut checked = 0;
    for seed in 0..6u64 {
        for (name, start) in starting_sheets() {
            let mut rng = Rng::new(seed * 17 + name.len() as u64);
            let mut s = start;
            for step_no in 0..25 {
                step(&mut s, &mut rng);
                for lang in [Lang::En, Lang::Ja] {
                    let places = s.issue_places();
                    let worded: Vec<_> = places.iter().map(|p| s.issue_at(p, lang)).collect();
                    let full: Vec<_> = s.issues_in(lang).into_iter().map(Some).collect();
                    assert_eq!(worded, full, "{name} seed {seed} step {step_no}");
                    for (p, i) in places.iter().zip(&full) {
                        let i = i.as_ref().unwrap();
                        assert_eq!(
                            (p.row, p.col, p.severity, p.code),
                            (i.row, i.col, i.severity, i.code)
                        );
                    }
                    // The order itself: header and file first, then by row, a row's
                    // own findings before its cells', cells by column.
                    let key = |p: &bulksheet::validate::IssuePlace| {
                        (
                            p.row,
                            if p.row == 0 {
                                0
                            } else {
                                p.col.map_or(0, |c| c + 1)
                            },
                        )
                    };
                    assert!(
                        places.windows(2).all(|w| key(&w[0]) <= key(&w[1])),
                        "{name} seed {seed} step {step_no}: places out of order"
                    );
                    checked += places.len();
                }
            }
        }
    }
    assert!(checked > 1_000, "issues were there to compare ({checked})");
}
