//! Random edit sequences (typing, multi-cell sets, paste, fill down, insert, duplicate and
//! delete rows, fixes, undo, redo) on a Sheet, checked after every step against a plain
//! `Vec<Vec<String>>` model with its own undo stack; the live issue list must equal a
//! fresh full check of the same cells.
#![no_main]

use arbitrary::Arbitrary;
use bulksheet::Sheet;
use bulksheet::document::{Document, FileMeta};
use bulksheet::schema::{Subscriptions, builtin, detect};
use libfuzzer_sys::fuzz_target;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

type Model = Vec<Vec<String>>;

/// Values that exercise the rules: blanks, case-folded duplicates, digits, labels, junk.
const PALETTE: &[&str] = &[
    "",
    " ",
    "\u{3000}",
    "a@example.com",
    "A@EXAMPLE.COM",
    "b@example.com",
    "1001",
    "１００２",
    "10-01",
    "0",
    "1",
    "Japanese",
    "=SUM(A1)",
    "山田 太郎",
    "x\"y",
    "line\r\nbreak",
    "①",
];

#[derive(Debug, Arbitrary)]
enum Value {
    Palette(u8),
    Text(String),
}

impl Value {
    fn get(&self) -> String {
        match self {
            Value::Palette(i) => PALETTE[*i as usize % PALETTE.len()].to_string(),
            Value::Text(s) => s.chars().take(40).collect(),
        }
    }
}

#[derive(Debug, Arbitrary)]
enum Op {
    Set(u8, u8, Value),
    SetMany(Vec<(u8, u8, Value)>),
    Paste {
        row: u8,
        col: u8,
        sel: (u8, u8),
        block: Vec<Vec<Value>>,
    },
    FillDown {
        rows: (u8, u8),
        cols: (u8, u8),
    },
    Insert(u8, Vec<Vec<Value>>),
    Duplicate(Vec<u8>),
    Delete(Vec<u8>),
    FixAll,
    Undo,
    Redo,
}

#[derive(Debug, Arbitrary)]
struct Input {
    miitel: bool,
    subscribed: bool,
    rows: Vec<Vec<Value>>,
    ops: Vec<Op>,
}

fuzz_target!(|input: Input| run(input));

fn run(input: Input) {
    let header: Vec<String> = if input.miitel {
        let s = builtin("miitel-update-users").expect("built in");
        s.columns.iter().map(|c| c.name.clone()).collect()
    } else {
        vec!["name".into(), "email".into(), "ext".into()]
    };
    let width = header.len();
    let mut doc = Document::new(header.clone(), FileMeta::default());
    let mut model: Model = Vec::new();
    for r in input.rows.iter().take(12) {
        let row = fit(r.iter().map(Value::get).collect(), width);
        doc.table.push_record(row.iter().map(String::as_str), 0);
        model.push(row);
    }
    let schema = detect(&doc.header);
    let subs = if input.subscribed {
        let mut s = Subscriptions::none();
        for sub in &schema.subscriptions {
            s.set(&sub.id, true);
        }
        s
    } else {
        Subscriptions::none()
    };
    let mut sheet = Sheet::new(doc, schema.clone(), subs.clone());
    let mut undo: Vec<Model> = Vec::new();
    let mut redo: Vec<Model> = Vec::new();
    for op in input.ops.iter().take(64) {
        let revision = sheet.revision();
        step(&mut sheet, &mut model, &mut undo, &mut redo, op);
        if sheet.revision() == revision {
            // Nothing was performed (most random rows lie outside the sheet): the live
            // issues cannot have moved, so only the cells are compared. Every change to
            // the cells or the rules counts a revision.
            check_cells(&sheet, &model);
        } else {
            check(&sheet, &model);
        }
    }
    while sheet.undo() {
        model = undo.pop().expect("model has as many undo steps");
    }
    assert!(undo.is_empty());
    check_with(&sheet, &model, true);
    assert_eq!(*sheet.rules().schema, schema);
    assert_eq!(sheet.rules().subscriptions, subs);
}

fn fit(mut row: Vec<String>, width: usize) -> Vec<String> {
    row.resize(width, String::new());
    row
}

fn step(
    sheet: &mut Sheet,
    model: &mut Model,
    undo: &mut Vec<Model>,
    redo: &mut Vec<Model>,
    op: &Op,
) {
    let before = model.clone();
    let rows = model.len();
    let width = model_width(sheet);
    let changed = match op {
        Op::Undo => {
            let did = sheet.undo();
            assert_eq!(did, !undo.is_empty());
            if did {
                redo.push(std::mem::replace(model, undo.pop().expect("checked")));
            }
            return;
        }
        Op::Redo => {
            let did = sheet.redo();
            assert_eq!(did, !redo.is_empty());
            if did {
                undo.push(std::mem::replace(model, redo.pop().expect("checked")));
            }
            return;
        }
        Op::Set(r, c, v) => {
            let (r, c, v) = (*r as usize, *c as usize, v.get());
            let did = sheet.set_cell(r, c, &v);
            set_model(model, &[(r, c, v)]);
            did
        }
        Op::SetMany(cells) => {
            let cells: Vec<(usize, usize, String)> = cells
                .iter()
                .take(16)
                .map(|(r, c, v)| (*r as usize, *c as usize, v.get()))
                .collect();
            let did = sheet.set_cells(cells.clone());
            set_model(model, &cells);
            did
        }
        Op::Paste {
            row,
            col,
            sel,
            block,
        } => {
            let block: Vec<Vec<String>> = block
                .iter()
                .take(8)
                .map(|r| r.iter().take(8).map(Value::get).collect())
                .collect();
            let (row, col) = (*row as usize % 24, *col as usize);
            let sel = (sel.0 as usize % 8, sel.1 as usize % 8);
            let did = sheet.paste((row, col), sel, &block);
            paste_model(model, width, (row, col), sel, &block);
            did
        }
        Op::FillDown {
            rows: (r0, r1),
            cols: (c0, c1),
        } => {
            let rows = (*r0 as usize)..(*r1 as usize);
            let cols = (*c0 as usize)..(*c1 as usize);
            let did = sheet.fill_down(rows.clone(), cols.clone());
            let first = rows.start;
            // `set_model` ignores cells outside the model; up to 255 × 255 of them need
            // not be built first.
            let rows = rows.start..rows.end.min(model.len());
            let cols = cols.start..cols.end.min(width);
            let cells: Vec<(usize, usize, String)> = rows
                .skip(1)
                .flat_map(|r| cols.clone().map(move |c| (r, c)))
                .map(|(r, c)| (r, c, cell(model, first, c)))
                .collect();
            set_model(model, &cells);
            did
        }
        Op::Insert(at, new_rows) => {
            let new_rows: Vec<Vec<String>> = new_rows
                .iter()
                .take(4)
                .map(|r| r.iter().take(30).map(Value::get).collect())
                .collect();
            let did = sheet.insert_rows(*at as usize, new_rows.clone());
            let at = (*at as usize).min(rows);
            for (i, r) in new_rows.into_iter().enumerate() {
                model.insert(at + i, fit(r, width));
            }
            did
        }
        Op::Duplicate(list) => {
            let did = sheet.duplicate_rows(&list.iter().map(|&r| r as usize).collect::<Vec<_>>());
            let mut picked: Vec<usize> = list
                .iter()
                .map(|&r| r as usize)
                .filter(|&r| r < rows)
                .collect();
            picked.sort_unstable();
            picked.dedup();
            if let Some(&last) = picked.last() {
                let copies: Vec<Vec<String>> = picked.iter().map(|&r| model[r].clone()).collect();
                for (i, c) in copies.into_iter().enumerate() {
                    model.insert(last + 1 + i, c);
                }
            }
            did
        }
        Op::Delete(list) => {
            let did = sheet.delete_rows(&list.iter().map(|&r| r as usize).collect::<Vec<_>>());
            let mut picked: Vec<usize> = list
                .iter()
                .map(|&r| r as usize)
                .filter(|&r| r < rows)
                .collect();
            picked.sort_unstable();
            picked.dedup();
            for &r in picked.iter().rev() {
                model.remove(r);
            }
            did
        }
        Op::FixAll => {
            let fixes = bulksheet::fix::propose_all(sheet);
            let did = bulksheet::fix::apply(sheet, &fixes);
            for f in &fixes {
                assert_eq!(
                    cell(model, f.row, f.col),
                    f.old,
                    "a fix starts from the current value"
                );
            }
            // A fix judged to cause a new issue is left as it is.
            let cells: Vec<(usize, usize, String)> = fixes
                .iter()
                .filter(|f| f.is_safe())
                .map(|f| (f.row, f.col, f.new.clone()))
                .collect();
            set_model(model, &cells);
            did
        }
    };
    assert_eq!(changed, *model != before, "{op:?}");
    if changed {
        undo.push(before);
        redo.clear();
    }
}

fn model_width(sheet: &Sheet) -> usize {
    sheet.doc().width()
}

fn cell(model: &Model, r: usize, c: usize) -> String {
    model
        .get(r)
        .and_then(|row| row.get(c))
        .cloned()
        .unwrap_or_default()
}

/// Cells outside the document are ignored, as `set_cells` does.
fn set_model(model: &mut Model, cells: &[(usize, usize, String)]) {
    for (r, c, v) in cells {
        if let Some(slot) = model.get_mut(*r).and_then(|row| row.get_mut(*c)) {
            *slot = v.clone();
        }
    }
}

fn paste_model(
    model: &mut Model,
    width: usize,
    at: (usize, usize),
    sel: (usize, usize),
    block: &[Vec<String>],
) {
    let (row, col) = at;
    let mut cells = Vec::new();
    if block.len() == 1 && block[0].len() == 1 {
        for r in row..row + sel.0.max(1) {
            for c in col..(col + sel.1.max(1)).min(width) {
                cells.push((r, c, block[0][0].clone()));
            }
        }
    } else {
        for (i, values) in block.iter().enumerate() {
            for (j, v) in values.iter().enumerate() {
                if col + j < width {
                    cells.push((row + i, col + j, v.clone()));
                }
            }
        }
    }
    let needed = cells.iter().map(|(r, _, _)| r + 1).max().unwrap_or(0);
    while model.len() < needed {
        model.push(vec![String::new(); width]);
    }
    set_model(model, &cells);
}

fn check_cells(sheet: &Sheet, model: &Model) {
    let doc = sheet.doc();
    assert_eq!(doc.rows(), model.len());
    for (r, row) in model.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            assert_eq!(doc.cell(r, c), v, "cell ({r},{c})");
        }
    }
}

/// The cells against the model, and the live check against a fresh full one: after
/// every step their findings (structured, as equal as the issues they put into words);
/// once a run, at the end, the issues themselves.
fn check(sheet: &Sheet, model: &Model) {
    check_with(sheet, model, false);
}

fn check_with(sheet: &Sheet, model: &Model, issues_too: bool) {
    check_cells(sheet, model);
    let doc = sheet.doc();
    // A full check of the same cells under the sheet's rules (shared, not copied; the
    // binding is rebuilt by the check). No step changes the rules: `run` asserts that
    // once at the end rather than comparing the 24-column schema after every step.
    let rules = sheet.rules().clone();
    let fresh = bulksheet::validate::Validator::new(rules, doc);
    let live = sheet.validator();
    if !live.same_findings(&fresh) || issues_too {
        assert_eq!(
            sheet.issues(),
            fresh.issues(doc),
            "incremental check differs from a full one"
        );
    }
    assert!(
        live.same_findings(&fresh),
        "incremental findings differ from a full check's (counts or binding)"
    );
    assert_eq!(sheet.errors(), fresh.errors());
    assert_eq!(sheet.warnings(), fresh.warnings());
}
