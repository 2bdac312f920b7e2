//! Tools → "Put columns in the template's order…": the preview lists the new order, Apply
//! moves header and cells together as one step, and undo puts them back with the warning.

use crate::ui_support::*;
use eframe::egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT, Queryable, by};

/// Two users, the Locale (1) and Time zone (0) columns swapped in header and rows.
fn swapped_text() -> String {
    [
        header(),
        row("alice@example.com", "Alice", "101", "1"),
        row("bob@example.com", "Bob", "102", "1"),
    ]
    .map(|l| {
        let mut f: Vec<&str> = l.split(',').collect();
        f.swap(3, 4);
        format!("{}\r\n", f.join(","))
    })
    .concat()
}

#[test]
fn reordering_the_columns_is_one_step_that_undo_takes_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = open(&write_fixture(dir.path(), "u.csv", &swapped_text()));
    let template: Vec<String> = header().split(',').map(String::from).collect();
    let as_read = h.state().sheet().doc().header.clone();
    assert_eq!(as_read[3], "Time zone");
    assert_eq!(status(&h, "Warnings"), "1");
    h.get(by().label_contains("Time zone is out of the template's order"));
    menu(&mut h, "Tools", "Put columns in the template's order…");
    h.get_by_label("The columns will be in this order:");
    click(&mut h, "Apply");
    {
        let s = h.state().sheet();
        assert_eq!(s.doc().header, template);
        assert_eq!((s.cell(0, 3), s.cell(0, 4)), ("1", "0"));
        assert_eq!((s.errors(), s.warnings()), (0, 0), "{:#?}", s.issues());
    }
    assert_eq!(status(&h, "Warnings"), "0");
    chord(&mut h, Modifiers::COMMAND, Key::Z);
    let s = h.state().sheet();
    assert_eq!(s.doc().header, as_read);
    assert_eq!((s.cell(0, 3), s.cell(0, 4)), ("0", "1"));
    assert_eq!(s.warnings(), 1);
    assert!(
        s.issues()
            .iter()
            .any(|i| i.code == bulksheet::Code::ColumnOrder)
    );
}

#[test]
fn in_order_the_preview_says_there_is_nothing_to_do() {
    let (_dir, mut h) = four_users();
    menu(&mut h, "Tools", "Put columns in the template's order…");
    h.get(by().label_contains("Nothing to fix"));
    assert!(h.get_by_label("Apply").accesskit_node().is_disabled());
}

/// A sort names its column by place: when the columns are put in the template's order
/// (and back by undo), the view stays sorted by the same column, not by whatever column
/// moved into its place.
#[test]
fn a_sort_follows_its_column_when_the_columns_are_put_in_order() {
    // Alice: Locale 0, Time zone 5; Bob: Locale 1, Time zone 1 (the two columns swapped
    // in the file, so Time zone is column 4 as read and column 5 once in order).
    let text = [
        header(),
        row("alice@example.com", "Alice", "101", "0").replacen(",0,0,", ",0,5,", 1),
        row("bob@example.com", "Bob", "102", "1"),
    ]
    .map(|l| {
        let mut f: Vec<&str> = l.split(',').collect();
        f.swap(3, 4);
        format!("{}\r\n", f.join(","))
    })
    .concat();
    let dir = tempfile::tempdir().unwrap();
    let mut h = open(&write_fixture(dir.path(), "u.csv", &text));
    assert_eq!(h.state().sheet().doc().header[3], "Time zone");
    assert_eq!(h.state().sheet().cell(0, 3), "5", "{text}");
    let y = |h: &egui_kittest::Harness<'_, _>, l: &str| h.get_by_label(l).rect().top();
    let bob_first =
        |h: &egui_kittest::Harness<'_, _>| y(h, "Login ID, row 2") < y(h, "Login ID, row 1");
    click(&mut h, "Sort column 4");
    assert!(bob_first(&h), "by Time zone, ascending");
    h.state_mut().set_column_width(3, 333.0);
    menu(&mut h, "Tools", "Put columns in the template's order…");
    click(&mut h, "Apply");
    assert_eq!(h.state().sheet().doc().header[4], "Time zone");
    assert!(
        bob_first(&h),
        "still by Time zone (Locale would put Alice first)"
    );
    assert_eq!(
        h.state().column_width(4),
        Some(333.0),
        "its width went with it"
    );
    assert_ne!(h.state().column_width(3), Some(333.0));
    chord(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(h.state().sheet().doc().header[3], "Time zone");
    assert!(bob_first(&h), "by Time zone after the undo too");
}
