//! A large cell edit carried out a slice at a time (the window's whole-sheet clear,
//! replace all, and their undo) ends as the one-step edit would, and a cancelled one
//! leaves the sheet as it was.

use bulksheet::Sheet;
use bulksheet::io::read_bytes;
use bulksheet::schema::{Subscriptions, builtin};

fn open(rows: usize) -> Sheet {
    let text = bulksheet::sample_data::miitel_csv(rows, 11);
    let doc = read_bytes(text.as_bytes(), None).unwrap();
    Sheet::new(
        doc,
        builtin("miitel-update-users").unwrap(),
        Subscriptions::none(),
    )
}

fn cells(s: &Sheet) -> Vec<Vec<String>> {
    (0..s.doc().rows())
        .map(|r| {
            (0..s.doc().width())
                .map(|c| s.cell(r, c).to_string())
                .collect()
        })
        .collect()
}

/// The issues a fresh check of the same cells finds: the stepped path must keep the live
/// issue list exactly as the full check on open would make it.
fn fresh_issues(s: &Sheet) -> Vec<bulksheet::Issue> {
    Sheet::new(
        s.doc().clone(),
        builtin("miitel-update-users").unwrap(),
        Subscriptions::none(),
    )
    .issues()
}

/// Empties rows 0..half of every column and gives Login IDs a duplicate, in slices of
/// 7 rows, as the window's clear does.
fn stepped_clear(s: &mut Sheet) -> bulksheet::sheet::SteppedEdit {
    let mut e = s.begin_stepped();
    let (rows, width) = (s.doc().rows(), s.doc().width());
    for start in (0..rows / 2).step_by(7) {
        let slice: Vec<(usize, usize, String)> = (start..(start + 7).min(rows / 2))
            .flat_map(|r| (0..width).map(move |c| (r, c, String::new())))
            .collect();
        s.stepped_set(&mut e, slice);
    }
    let dup = s.cell(rows - 1, 0).to_string();
    s.stepped_set(&mut e, vec![(rows - 2, 0, dup)]);
    e
}

fn one_step_clear(s: &mut Sheet) {
    let (rows, width) = (s.doc().rows(), s.doc().width());
    let mut all: Vec<(usize, usize, String)> = (0..rows / 2)
        .flat_map(|r| (0..width).map(move |c| (r, c, String::new())))
        .collect();
    all.push((rows - 2, 0, s.cell(rows - 1, 0).to_string()));
    assert!(set_each(s, all));
}

/// Sets cells as one step of a record per cell (what a stepped edit ends as; a plain
/// `set_cells` of as many makes a block step).
fn set_each(s: &mut Sheet, cells: Vec<(usize, usize, String)>) -> bool {
    let changes = cells
        .into_iter()
        .filter(|(r, c, v)| s.cell(*r, *c) != v)
        .map(|(row, col, new)| bulksheet::document::CellChange {
            row,
            col,
            old: s.cell(row, col).to_string(),
            new,
            shape: Default::default(),
        })
        .collect();
    s.apply(bulksheet::document::Edit::Cells(changes))
}

#[test]
fn a_stepped_edit_ends_as_the_one_step_edit_and_undoes_in_slices() {
    let mut stepped = open(120);
    let mut plain = open(120);
    let before = cells(&stepped);
    let issues_before = stepped.issues();
    let revision = stepped.revision();

    let e = stepped_clear(&mut stepped);
    assert_eq!(
        stepped.revision(),
        revision,
        "views rebuild once, at the end"
    );
    assert!(stepped.stepped_finish(e));
    assert!(stepped.revision() > revision);
    one_step_clear(&mut plain);
    assert_eq!(cells(&stepped), cells(&plain));
    assert_eq!(stepped.issues(), plain.issues());
    assert_eq!(stepped.issues(), fresh_issues(&stepped));
    assert_eq!(
        stepped.history(),
        plain.history(),
        "one undo step, the same one"
    );
    assert!(stepped.is_dirty());

    let mut undo = stepped
        .begin_stepped_undo()
        .expect("a cell step undoes in slices");
    let mut slices = 0;
    while !stepped.stepped_run(&mut undo, 100) {
        slices += 1;
        assert!(undo.progress() < 1.0);
    }
    assert!(slices > 5, "the undo was spread over slices ({slices})");
    assert!(stepped.stepped_finish(undo));
    assert_eq!(cells(&stepped), before);
    assert_eq!(stepped.issues(), issues_before);
    assert!(!stepped.is_dirty(), "back at the state as opened");
    assert!(stepped.can_redo() && !stepped.can_undo());

    let mut redo = stepped.begin_stepped_redo().unwrap();
    while !stepped.stepped_run(&mut redo, 333) {}
    stepped.stepped_finish(redo);
    assert_eq!(cells(&stepped), cells(&plain));
    assert_eq!(stepped.issues(), plain.issues());
    assert!(stepped.undo(), "the redone step is on the undo list again");
    assert_eq!(cells(&stepped), before);
}

#[test]
fn a_cancelled_stepped_edit_leaves_the_sheet_as_it_was() {
    let mut s = open(90);
    let before = cells(&s);
    let issues_before = s.issues();
    let e = stepped_clear(&mut s);
    assert_ne!(cells(&s), before, "the slices were performed as they came");
    let mut revert = s.stepped_cancel(e);
    assert!(revert.is_revert());
    while !s.stepped_run(&mut revert, 50) {}
    s.stepped_finish(revert);
    assert_eq!(cells(&s), before);
    assert_eq!(s.issues(), issues_before);
    assert!(!s.can_undo(), "nothing recorded");
    assert!(!s.is_dirty());
}

#[test]
fn a_cancelled_stepped_undo_puts_the_step_back() {
    let mut s = open(90);
    one_step_clear(&mut s);
    let after = cells(&s);
    let issues_after = s.issues();
    let mut undo = s.begin_stepped_undo().unwrap();
    assert!(!s.stepped_run(&mut undo, 40));
    assert_ne!(cells(&s), after, "part of the undo was done");
    let mut revert = s.stepped_cancel(undo);
    while !s.stepped_run(&mut revert, 40) {}
    s.stepped_finish(revert);
    assert_eq!(cells(&s), after);
    assert_eq!(s.issues(), issues_after);
    assert!(
        s.can_undo() && !s.can_redo(),
        "the step is back on the undo list"
    );
    assert!(s.undo());
    assert_eq!(s.issues(), fresh_issues(&s));
}

#[test]
fn a_step_that_moves_rows_is_not_stepped() {
    let mut s = open(20);
    assert!(s.delete_rows(&[1, 2]));
    assert!(s.begin_stepped_undo().is_none());
    assert!(s.can_undo(), "left for the plain undo");
    assert_eq!(bulksheet::sheet::cells_in(&s.history()[0]), 0);
}

#[test]
fn a_cancelled_stepped_redo_puts_the_step_back_for_redo() {
    let mut s = open(90);
    let before = cells(&s);
    let issues_before = s.issues();
    one_step_clear(&mut s);
    assert!(s.undo());
    let mut redo = s.begin_stepped_redo().unwrap();
    assert!(!s.stepped_run(&mut redo, 40));
    assert!(!s.stepped_run(&mut redo, 40));
    assert_ne!(cells(&s), before, "part of the redo was done");
    let mut revert = s.stepped_cancel(redo);
    while !s.stepped_run(&mut revert, 30) {}
    s.stepped_finish(revert);
    assert_eq!(cells(&s), before);
    assert_eq!(s.issues(), issues_before);
    assert!(
        s.can_redo() && !s.can_undo(),
        "the step is back on the redo list"
    );
    assert!(s.redo());
    assert_eq!(s.issues(), fresh_issues(&s));
}

/// A step made of several steps (a recovery journal restored as one undo step): undone
/// and redone a slice at a time, across the edges between its parts, it does what the
/// plain undo and redo do; cancelled half-way, it is as it was.
#[test]
fn a_step_of_several_cell_steps_undoes_in_slices_across_its_parts() {
    use bulksheet::journal::{JournalEntry, Origin};
    let mut edited = open(60);
    let opened = cells(&edited);
    let width = edited.doc().width();
    for (rows, value) in [(0..10, "a"), (5..20, ""), (15..30, "b@x.jp")] {
        let cells = rows
            .flat_map(|r| (0..width).map(move |c| (r, c, value.to_string())))
            .collect();
        assert!(set_each(&mut edited, cells));
    }
    assert!(edited.set_cell(3, 0, "one cell"));
    let entry = JournalEntry::from_sheet(&edited, Origin::of_bytes("f.csv", b""), true).unwrap();
    let mut stepped = open(60);
    entry.apply_to(&mut stepped).unwrap();
    assert_eq!(stepped.history().len(), 1, "restored as one step");
    assert_eq!(cells(&stepped), cells(&edited));
    let mut plain = stepped.clone();

    let mut undo = stepped.begin_stepped_undo().expect("cells only: stepped");
    assert!(!stepped.stepped_run(&mut undo, 37));
    let mut revert = stepped.stepped_cancel(undo);
    while !stepped.stepped_run(&mut revert, 11) {}
    stepped.stepped_finish(revert);
    assert_eq!(
        cells(&stepped),
        cells(&edited),
        "the cancelled undo is taken back"
    );
    assert_eq!(stepped.issues(), fresh_issues(&stepped));

    let mut undo = stepped.begin_stepped_undo().unwrap();
    while !stepped.stepped_run(&mut undo, 37) {}
    stepped.stepped_finish(undo);
    assert!(plain.undo());
    assert_eq!(cells(&stepped), opened);
    assert_eq!(cells(&stepped), cells(&plain));
    assert_eq!(stepped.issues(), plain.issues());

    let mut redo = stepped.begin_stepped_redo().unwrap();
    while !stepped.stepped_run(&mut redo, 53) {}
    stepped.stepped_finish(redo);
    assert!(plain.redo());
    assert_eq!(cells(&stepped), cells(&edited));
    assert_eq!(stepped.issues(), plain.issues());
    assert_eq!(stepped.history(), plain.history());
}
