//! Block steps (a clear, a fill, a paste or a replace over many cells, kept by column)
//! against the same changes made as a record per cell: after random sequences of block
//! edits, row edits, undo and redo, both sheets hold the same cells, findings, review of
//! changes and history shape, and their recovery journals restore the same sheet.

use crate::common::*;
use bulksheet::Sheet;
use bulksheet::document::{CellChange, Edit, RowShape};
use bulksheet::journal::{JournalEntry, Origin};
use bulksheet::validate::Lang;
use proptest::prelude::*;

/// One edit of a random sequence.
#[derive(Debug, Clone)]
enum Op {
    /// Empty a rectangle (rows and columns as shares of the sheet's).
    Clear {
        rows: (u8, u8),
        cols: (u8, u8),
    },
    /// Set one value over a rectangle.
    Fill {
        rows: (u8, u8),
        cols: (u8, u8),
        value: u8,
    },
    /// Set scattered cells each to its own value (a replace, fixes).
    Scatter(Vec<(u8, u8, u8)>),
    InsertRow(u8),
    DeleteRow(u8),
    Undo,
    Redo,
}

const VALUES: [&str; 10] = [
    "",
    "user1@example.co.jp",
    "new@example.com",
    "1001",
    "12",
    "Taro",
    "1",
    "13",
    " 1",
    "=SUM(A1)",
];

fn span((a, b): (u8, u8), len: usize) -> std::ops::Range<usize> {
    let (lo, hi) = (a.min(b) as usize, a.max(b) as usize);
    (lo * len / 256)..((hi + 1) * len / 256).max(lo * len / 256 + 1).min(len)
}

fn op() -> impl Strategy<Value = Op> {
    let pair = || (any::<u8>(), any::<u8>());
    prop_oneof![
        3 => (pair(), pair()).prop_map(|(rows, cols)| Op::Clear { rows, cols }),
        2 => (pair(), pair(), 0..VALUES.len() as u8)
            .prop_map(|(rows, cols, value)| Op::Fill { rows, cols, value }),
        2 => proptest::collection::vec((any::<u8>(), any::<u8>(), 0..VALUES.len() as u8), 1..60)
            .prop_map(Op::Scatter),
        1 => any::<u8>().prop_map(Op::InsertRow),
        1 => any::<u8>().prop_map(Op::DeleteRow),
        2 => Just(Op::Undo),
        1 => Just(Op::Redo),
    ]
}

/// The cells an op writes, in the order given.
fn cells_of(op: &Op, rows: usize, width: usize) -> Vec<(usize, usize, String)> {
    let rect = |r: (u8, u8), c: (u8, u8), v: &str| -> Vec<(usize, usize, String)> {
        span(r, rows)
            .flat_map(|row| span(c, width).map(move |col| (row, col, v.to_string())))
            .collect()
    };
    match op {
        Op::Clear { rows: r, cols: c } => rect(*r, *c, ""),
        Op::Fill {
            rows: r,
            cols: c,
            value,
        } => rect(*r, *c, VALUES[*value as usize]),
        Op::Scatter(cells) => cells
            .iter()
            .map(|&(r, c, v)| {
                let at = (r as usize * rows / 256, c as usize * width / 256);
                (at.0, at.1, VALUES[v as usize].to_string())
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// The per-cell record of writing `cells` (the last value of a cell winning), as
/// `Sheet::set_cells` made it before blocks.
fn per_cell(s: &Sheet, cells: Vec<(usize, usize, String)>) -> Edit {
    let mut seen = std::collections::HashSet::new();
    let mut last: Vec<_> = cells
        .into_iter()
        .rev()
        .filter(|(r, c, _)| seen.insert((*r, *c)))
        .collect();
    last.reverse();
    let doc = s.doc();
    Edit::Cells(
        last.into_iter()
            .filter(|(r, c, v)| *r < doc.rows() && *c < doc.width() && doc.cell(*r, *c) != v)
            .map(|(row, col, new)| CellChange {
                row,
                col,
                old: doc.cell(row, col).to_string(),
                new,
                shape: match doc.table.short_fields(row) {
                    Some(n) if col >= n => RowShape::Fills(n),
                    _ => RowShape::Unchanged,
                },
            })
            .collect(),
    )
}

/// Performs an op on the block sheet (its own way) and on the per-cell sheet.
fn perform(op: &Op, block: &mut Sheet, cell: &mut Sheet) {
    let (rows, width) = (block.doc().rows(), block.doc().width());
    match op {
        Op::Clear { rows: r, cols: c } => {
            let rs: Vec<usize> = span(*r, rows).rev().collect();
            let cs: Vec<usize> = span(*c, width).collect();
            block.clear_cells(&rs, &cs);
        }
        Op::Fill {
            rows: r,
            cols: c,
            value,
        } => {
            let rs: Vec<usize> = span(*r, rows).collect();
            let cs: Vec<usize> = span(*c, width).collect();
            block.fill_cells(&rs, &cs, VALUES[*value as usize]);
        }
        Op::Scatter(_) => {
            block.set_cells_by_column(cells_of(op, rows, width));
        }
        Op::InsertRow(at) => {
            let at = *at as usize * (rows + 1) / 256;
            block.insert_rows(at, vec![vec!["1".into(); width]]);
            cell.insert_rows(at, vec![vec!["1".into(); width]]);
            return;
        }
        Op::DeleteRow(at) if rows > 0 => {
            let at = *at as usize * rows / 256;
            block.delete_rows(&[at]);
            cell.delete_rows(&[at]);
            return;
        }
        Op::DeleteRow(_) => return,
        Op::Undo => {
            assert_eq!(block.undo(), cell.undo());
            return;
        }
        Op::Redo => {
            assert_eq!(block.redo(), cell.redo());
            return;
        }
    }
    let edit = per_cell(cell, cells_of(op, rows, width));
    cell.apply(edit);
}

fn all_cells(s: &Sheet) -> Vec<Vec<String>> {
    (0..s.doc().rows()).map(|r| s.doc().row_values(r)).collect()
}

fn assert_same(block: &Sheet, cell: &Sheet, context: &str) {
    assert_eq!(all_cells(block), all_cells(cell), "{context}: cells");
    assert_eq!(
        without_lines(block.issues_in(Lang::En)),
        without_lines(cell.issues_in(Lang::En)),
        "{context}: issues"
    );
    assert_eq!(
        (block.errors(), block.warnings()),
        (cell.errors(), cell.warnings()),
        "{context}: counts"
    );
    assert_eq!(block.changes(), cell.changes(), "{context}: review");
    assert_eq!(
        block.rows_changed_since_open(),
        cell.rows_changed_since_open(),
        "{context}: changed rows"
    );
    assert_eq!(
        (block.history().len(), block.can_redo(), block.is_dirty()),
        (cell.history().len(), cell.can_redo(), cell.is_dirty()),
        "{context}: history"
    );
    assert_matches_full_check(block, context);
}

/// The sheet a journal of `s` restores onto a fresh copy of `opened`, through JSON.
fn restored(s: &Sheet, opened: &Sheet) -> Option<(Sheet, usize)> {
    let origin = Origin::of_bytes("blocks.csv", b"blocks");
    let entry = JournalEntry::from_sheet(s, origin, true)?;
    let json = serde_json::to_vec(&entry).expect("journal as JSON");
    let back: JournalEntry = serde_json::from_slice(&json).expect("journal read back");
    let mut fresh = opened.clone();
    back.apply_to(&mut fresh).expect("journal applies");
    Some((fresh, json.len()))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn block_steps_match_per_cell_steps(
        start in 0..5usize,
        ops in proptest::collection::vec(op(), 1..14),
    ) {
        let (name, opened) = crate::incremental_random::starting_sheets().swap_remove(start);
        let (mut block, mut cell) = (opened.clone(), opened.clone());
        let mut log = Vec::new();
        for op in &ops {
            log.push(format!("{op:?}"));
            perform(op, &mut block, &mut cell);
            assert_same(&block, &cell, &format!("{name}: {}", log.join(", ")));
        }
        let journaled = (restored(&block, &opened), restored(&cell, &opened));
        if let (Some((b, _)), Some((c, _))) = &journaled {
            assert_same(b, c, &format!("{name}: restored from the journal"));
        }
        prop_assert_eq!(journaled.0.is_some(), journaled.1.is_some());
        while block.undo() | cell.undo() {}
        assert_eq!(all_cells(&block), all_cells(&opened), "{name}: all undone");
        assert_same(&block, &cell, &format!("{name}: all undone"));
    }
}

#[test]
fn a_cleared_sheet_is_one_small_step_in_the_journal() {
    let opened = sheet(&csv(&valid_rows(99)));
    let (mut block, mut cell) = (opened.clone(), opened.clone());
    let rows: Vec<usize> = (0..99).collect();
    let cols: Vec<usize> = (0..HEADERS.len()).collect();
    assert!(block.clear_cells(&rows, &cols));
    let cells = rows
        .iter()
        .flat_map(|&r| cols.iter().map(move |&c| (r, c, String::new())))
        .collect();
    let edit = per_cell(&cell, cells);
    cell.apply(edit);
    assert!(matches!(&*block.history()[0], Edit::Block(_)));
    assert_same(&block, &cell, "cleared");
    let (b, block_bytes) = restored(&block, &opened).expect("journaled");
    let (c, cell_bytes) = restored(&cell, &opened).expect("journaled");
    assert_same(&b, &c, "restored");
    assert!(
        block_bytes * 3 < cell_bytes,
        "a block journals its values, not a record per cell: {block_bytes} vs {cell_bytes} bytes"
    );
}

#[test]
fn a_fill_over_a_short_row_is_a_block_with_that_row_as_cell_changes() {
    // 40 full rows and one read with 3 fields: the fill lengthens that row.
    let mut text = csv(&valid_rows(40));
    text.push_str("short@example.co.jp,Ta,1003\r\n");
    let opened = sheet(&text);
    let short = opened.doc().rows() - 1;
    assert_eq!(opened.doc().table.short_fields(short), Some(3));
    let mut s = opened.clone();
    let rows: Vec<usize> = (0..opened.doc().rows()).collect();
    let cols: Vec<usize> = (0..HEADERS.len()).collect();
    assert!(s.fill_cells(&rows, &cols, "1"));
    let Edit::Batch(parts) = &*s.history()[0] else {
        panic!("a block and cell changes as one step: {:?}", s.history()[0]);
    };
    let [Edit::Block(block), Edit::Cells(cells)] = &parts[..] else {
        panic!("a block, then the short row's cells: {parts:?}");
    };
    assert_eq!(
        cells.len(),
        HEADERS.len() - 3,
        "only the cells past the short row's end"
    );
    assert!(cells.iter().all(|c| c.row == short && c.col >= 3));
    assert!(block.len() > cells.len());
    assert!(
        all_cells(&s).iter().flatten().all(|v| v == "1"),
        "every cell filled"
    );
    assert_eq!(s.doc().table.short_fields(short), None, "filled out");
    assert!(s.undo());
    assert_eq!(s.doc().table.short_fields(short), Some(3), "short again");
    assert_eq!(all_cells(&s), all_cells(&opened));
    assert_matches_full_check(&s, "undone");
}

#[test]
fn many_fixes_are_one_block_step() {
    // Every row's Login ID written with a full-width ＠: a fix each.
    let rows: Vec<Vec<String>> = valid_rows(400)
        .into_iter()
        .map(|mut r| {
            r[0] = r[0].replace('@', "＠");
            r
        })
        .collect();
    let mut s = sheet(&csv(&rows));
    let fixes = bulksheet::fix::propose_all(&s);
    assert!(fixes.len() >= 400, "{} fixes", fixes.len());
    assert!(bulksheet::fix::apply(&mut s, &fixes));
    assert_eq!(s.history().len(), 1);
    assert!(
        matches!(&*s.history()[0], Edit::Block(_)),
        "{:?}",
        s.history()[0]
    );
    assert!(
        s.issues_in(Lang::En)
            .iter()
            .all(|i| !i.message.contains('＠'))
    );
    assert_matches_full_check(&s, "fixed");
}

#[test]
fn undoing_a_whole_sheet_clear_shares_the_columns_it_set_aside() {
    let text = csv(&valid_rows(120));
    let opened = sheet(&text);
    let mut s = opened.clone();
    let rows: Vec<usize> = (0..120).collect();
    let cols: Vec<usize> = (0..HEADERS.len()).collect();
    let shared = |s: &Sheet| cols.iter().filter(|&&c| s.doc().table.is_shared(c)).count();
    assert!(s.clear_cells(&rows, &cols));
    assert_eq!(shared(&s), 0);
    assert!(s.undo());
    // Every column is the one the step keeps, not a copy of it.
    assert_eq!(shared(&s), cols.len());
    assert_eq!(all_cells(&s), all_cells(&opened));
    assert_matches_full_check(&s, "undone");
    // Written from the shared columns: the file as it was read, byte for byte.
    let write = |s: &Sheet| {
        let doc = s.doc();
        let options = bulksheet::io::WriteOptions::like(doc);
        bulksheet::io::encode_rows(doc, 0..doc.rows(), &options).expect("written")
    };
    assert_eq!(write(&s), text.as_bytes());
    // Redoing the clear takes them out again; undoing it shares them back.
    assert!(s.redo());
    assert_eq!(shared(&s), 0);
    assert!(all_cells(&s).iter().flatten().all(String::is_empty));
    assert_matches_full_check(&s, "redone");
    assert!(s.undo());
    assert_eq!(shared(&s), cols.len());
    assert_eq!(all_cells(&s), all_cells(&opened));
    // A write makes that column the sheet's own again; the others stay shared.
    assert!(s.set_cell(5, 1, "Hanako"));
    assert_eq!(shared(&s), cols.len() - 1);
    assert!(!s.doc().table.is_shared(1));
    assert_eq!(s.cell(5, 1), "Hanako");
    assert_eq!(s.cell(6, 1), opened.cell(6, 1));
    assert_matches_full_check(&s, "edited");
    assert!(s.undo());
    assert_eq!(all_cells(&s), all_cells(&opened));
    assert_eq!(s.changes(), Vec::new(), "no change left to review");
    assert_matches_full_check(&s, "all undone");
}

#[test]
fn a_row_added_after_a_clear_and_taken_back_leaves_the_clear_undoable() {
    let opened = sheet(&csv(&valid_rows(50)));
    let mut s = opened.clone();
    let rows: Vec<usize> = (0..50).collect();
    let cols: Vec<usize> = (0..HEADERS.len()).collect();
    assert!(s.clear_cells(&rows, &cols));
    s.insert_rows(10, vec![vec!["1".into(); HEADERS.len()]]);
    assert!(s.undo(), "the insert");
    // The table now has one more physical row than the columns set aside.
    assert!(s.undo(), "the clear");
    assert_eq!(all_cells(&s), all_cells(&opened));
    assert_matches_full_check(&s, "undone");
    assert!(s.redo());
    assert!(all_cells(&s).iter().flatten().all(String::is_empty));
    assert!(s.redo());
    assert_eq!(s.doc().rows(), 51);
    while s.undo() {}
    assert_eq!(all_cells(&s), all_cells(&opened));
}
