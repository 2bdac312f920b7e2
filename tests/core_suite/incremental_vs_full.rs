//! The live issue list after any sequence of edits equals a full check of the document as
//! it now is. Sequences are random but seeded, so a failure repeats; every step compares.

use crate::core_support::*;
use bulksheet::Sheet;
use bulksheet::io::read_bytes;

/// A tiny xorshift generator: deterministic, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a>(&mut self, items: &'a [&'a str]) -> &'a str {
        items[self.below(items.len())]
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

fn value(rng: &mut Rng) -> String {
    rng.pick(PALETTE).to_string()
}

/// Columns to touch: mostly the unique and text ones, sometimes any.
fn column(rng: &mut Rng) -> usize {
    match rng.below(6) {
        0 | 1 => LOGIN,
        2 => EXT,
        3 => NAME,
        _ => rng.below(24),
    }
}

fn random_row(rng: &mut Rng, i: usize) -> Vec<String> {
    match rng.below(4) {
        0 => vec![String::new(); 24],
        1 => {
            let mut r = valid_row(i);
            let c = column(rng);
            r[c] = value(rng);
            r
        }
        _ => valid_row(i),
    }
}

/// The starting file: valid rows with a few problems, one ragged row, one stray quote.
fn start_text(rows: usize) -> String {
    let mut text = line(&header());
    text.push_str("\r\n");
    for i in 0..rows {
        let mut r = valid_row(i);
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

fn assert_matches_full_check(sheet: &Sheet, step: usize, what: &str) {
    let full = Sheet::with_rules(sheet.doc().clone(), sheet.rules().clone());
    let live = sheet.issues();
    let want = full.issues();
    if live != want {
        let missing: Vec<_> = want.iter().filter(|i| !live.contains(i)).collect();
        let extra: Vec<_> = live.iter().filter(|i| !want.contains(i)).collect();
        panic!(
            "step {step} ({what}): live issues differ from a full check\nmissing: {missing:#?}\nextra: {extra:#?}"
        );
    }
    assert_eq!(
        (sheet.errors(), sheet.warnings()),
        (full.errors(), full.warnings()),
        "step {step} ({what}): counts"
    );
    assert_eq!(
        sheet.errors(),
        count(&live, bulksheet::Severity::Error),
        "step {step} ({what}): error count vs list"
    );
    assert_eq!(
        sheet.warnings(),
        count(&live, bulksheet::Severity::Warning),
        "step {step} ({what}): warning count vs list"
    );
    for col in 0..sheet.doc().width() {
        assert_eq!(
            sheet.validator().column_counts(col),
            full.validator().column_counts(col),
            "step {step} ({what}): column {col} counts"
        );
    }
    // The structured comparison the edit fuzzer makes after every step agrees.
    assert!(
        sheet.validator().same_findings(full.validator()),
        "step {step} ({what}): same issues, but findings, binding or counts differ"
    );
}

/// One random edit; returns what it was, for the failure message.
fn step(sheet: &mut Sheet, rng: &mut Rng, next_id: &mut usize) -> String {
    let rows = sheet.doc().rows();
    let r = rng.below(rows);
    match rng.below(12) {
        0..=2 => {
            let (c, v) = (column(rng), value(rng));
            sheet.set_cell(r, c, &v);
            format!("set_cell({r}, {c}, {v:?})")
        }
        3 => {
            let cells: Vec<(usize, usize, String)> = (0..1 + rng.below(6))
                .map(|_| (rng.below(rows), column(rng), value(rng)))
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
                .map(|_| (0..w).map(|_| value(rng)).collect())
                .collect();
            // Near the end sometimes, so the paste adds rows.
            let at = (rows.saturating_sub(rng.below(3)), column(rng));
            let sel = (1 + rng.below(3), 1 + rng.below(2));
            let what = format!("paste({at:?}, {sel:?}, {block:?})");
            sheet.paste(at, sel, &block);
            what
        }
        6 => {
            let end = (r + 1 + rng.below(4)).min(rows);
            let c = column(rng);
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
                    random_row(rng, *next_id)
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
    assert_matches_full_check(&sheet, 0, "open");
    let mut rng = Rng(seed);
    let mut next_id = rows;
    for i in 1..=steps {
        let what = step(&mut sheet, &mut rng, &mut next_id);
        assert_matches_full_check(&sheet, i, &format!("seed {seed}: {what}"));
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

/// Undoing a delete must give back the row as it was read: its extra fields (so the saved
/// file is the original again) and its line in the file.
#[test]
fn undoing_a_delete_restores_the_row_as_read() {
    let bytes = start_text(10).into_bytes();
    let mut sheet = sheet_of(read_bytes(&bytes, None).unwrap(), &[]);
    let before = sheet.issues();
    sheet.delete_rows(&[3, 6]);
    sheet.undo();
    assert_eq!(sheet.issues(), before);
    // The same document as read: the same bytes out (a stray quote is written quoted
    // either way), the same extra fields and the same source lines.
    let fresh = read_bytes(&bytes, None).unwrap();
    let encode = |doc: &bulksheet::Document| {
        bulksheet::io::encode_rows(doc, 0..doc.rows(), &bulksheet::io::WriteOptions::like(doc))
            .unwrap()
    };
    let doc = sheet.doc();
    let out = encode(doc);
    assert!(out == encode(&fresh), "{}", String::from_utf8_lossy(&out));
    for row in 0..doc.rows() {
        assert_eq!(
            doc.table.source_line(row),
            fresh.table.source_line(row),
            "row {row}"
        );
        assert_eq!(
            doc.table.extra_fields(row),
            fresh.table.extra_fields(row),
            "row {row}"
        );
        for col in 0..doc.width() {
            assert_eq!(doc.read_problem(row, col), fresh.read_problem(row, col));
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
    let mut rng = Rng(99);
    let mut next_id = 30;
    for i in 0..60 {
        let what = step(&mut sheet, &mut rng, &mut next_id);
        match i % 20 {
            5 => sheet.set_subscriptions(
                bulksheet::schema::Subscriptions::parse("call-center,recpod", &miitel()).unwrap(),
            ),
            10 => sheet.set_target_encoding(bulksheet::TextEncoding::ShiftJis),
            15 => sheet.set_subscriptions(bulksheet::schema::Subscriptions::none()),
            _ => {}
        }
        assert_matches_full_check(&sheet, i, &what);
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
