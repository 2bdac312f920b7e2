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
