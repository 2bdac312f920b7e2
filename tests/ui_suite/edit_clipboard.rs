//! Selection and the clipboard from the keyboard: Shift+arrows, Ctrl+A, copy, cut, paste
//! (as Excel and Calc put it on the clipboard), Delete, and a 50 × 24 paste from Excel.

use crate::ui_support::*;
use bulksheet::Severity;
use bulksheet::app::CellPos;
use eframe::egui::{Event, Key, Modifiers};
use egui_kittest::kittest::Queryable;

#[test]
fn shift_arrows_select_a_range_and_copy_puts_it_on_the_clipboard_as_tsv() {
    let (_dir, mut h) = four_users();
    click(&mut h, "Login ID, row 1");
    chord(&mut h, Modifiers::SHIFT, Key::ArrowRight);
    chord(&mut h, Modifiers::SHIFT, Key::ArrowDown);
    let copied = clipboard_after(&mut h, Event::Copy);
    assert_eq!(
        copied.as_deref(),
        Some("alice@example.com\tAlice\nbob＠example.com\tボブ\n")
    );
    // A plain arrow collapses the range to the cursor.
    press(&mut h, Key::ArrowDown);
    assert_eq!(h.state().selected(), CellPos::new(2, 1));
    let copied = clipboard_after(&mut h, Event::Copy);
    assert_eq!(copied.as_deref(), Some("Carol\n"));
}

#[test]
fn paste_a_block_lands_at_the_cursor_and_undo_takes_it_back_in_one_step() {
    let (_dir, mut h) = four_users();
    click(&mut h, "Login ID, row 2");
    send(
        &mut h,
        Event::Paste("bob@example.com\tBob\r\ncarol@example.com\tCarol \"C\"\r\n".into()),
    );
    let s = h.state().sheet();
    assert_eq!(s.cell(1, 0), "bob@example.com");
    assert_eq!(s.cell(1, 1), "Bob");
    assert_eq!(s.cell(2, 0), "carol@example.com");
    assert_eq!(s.cell(2, 1), "Carol \"C\"");
    assert_eq!(
        s.cell(3, 0),
        "dave@example.com",
        "below the block untouched"
    );
    assert_eq!(
        s.validator().cell_severity(1, 0),
        None,
        "validation follows"
    );
    assert_eq!(status(&h, "Errors"), "1");
    chord(&mut h, Modifiers::COMMAND, Key::Z);
    let s = h.state().sheet();
    assert_eq!(s.cell(1, 0), "bob＠example.com");
    assert_eq!(s.cell(2, 1), "Carol");
    assert_eq!(status(&h, "Errors"), "2");
}

#[test]
fn a_single_value_pasted_over_a_range_fills_it() {
    let (_dir, mut h) = four_users();
    click(&mut h, "Locale, row 1");
    for _ in 0..3 {
        chord(&mut h, Modifiers::SHIFT, Key::ArrowDown);
    }
    send(&mut h, Event::Paste("1\r\n".into()));
    let s = h.state().sheet();
    for row in 0..4 {
        assert_eq!(s.cell(row, 3), "1", "row {row}");
    }
    assert_eq!(status(&h, "Errors"), "1", "the label error is gone");
    assert_eq!(s.history().len(), 1, "one undo step");
}

#[test]
fn cut_copies_then_clears_and_delete_clears_the_whole_range() {
    let (_dir, mut h) = four_users();
    click(&mut h, "User name, row 1");
    let cut = clipboard_after(&mut h, Event::Cut);
    assert_eq!(cut.as_deref(), Some("Alice\n"));
    assert_eq!(h.state().sheet().cell(0, 1), "");
    click(&mut h, "Extension number, row 2");
    chord(&mut h, Modifiers::SHIFT, Key::ArrowDown);
    chord(&mut h, Modifiers::SHIFT, Key::ArrowDown);
    press(&mut h, Key::Delete);
    let s = h.state().sheet();
    assert_eq!((s.cell(1, 2), s.cell(2, 2), s.cell(3, 2)), ("", "", ""));
    assert_eq!(s.cell(0, 2), "101");
}

#[test]
fn ctrl_a_selects_every_cell() {
    let (_dir, mut h) = four_users();
    click(&mut h, "User name, row 3");
    chord(&mut h, Modifiers::COMMAND, Key::A);
    let copied = clipboard_after(&mut h, Event::Copy).expect("copied");
    let rows = bulksheet::tsv::parse_tsv(&copied);
    assert_eq!(rows.len(), 4);
    assert!(rows.iter().all(|r| r.len() == 24));
    assert_eq!(rows[3][0], "dave@example.com");
}

#[test]
fn clicking_a_row_number_or_a_header_selects_the_whole_row_or_column() {
    let (_dir, mut h) = four_users();
    click(&mut h, "Row number 2");
    let copied = clipboard_after(&mut h, Event::Copy).expect("copied");
    assert!(
        copied.starts_with("bob＠example.com\tボブ\t102\t0\t"),
        "{copied}"
    );
    assert_eq!(
        bulksheet::tsv::parse_tsv(&copied),
        vec![
            h.state()
                .sheet()
                .doc()
                .header
                .iter()
                .enumerate()
                .map(|(c, _)| h.state().sheet().cell(1, c).to_string())
                .collect::<Vec<_>>()
        ]
    );
    click(&mut h, "User name");
    let copied = clipboard_after(&mut h, Event::Copy);
    assert_eq!(copied.as_deref(), Some("Alice\nボブ\nCarol\nDave\n"));
}

/// 50 users × the template's 24 columns, as Excel copies them (CRLF, tabs), with three
/// mistakes: a full-width ＠, a locale label and a duplicate extension.
fn excel_block() -> (String, Vec<Vec<String>>) {
    let mut rows = Vec::new();
    for i in 0..50 {
        let login = if i == 9 {
            format!("user{i}＠example.com")
        } else {
            format!("user{i}@example.com")
        };
        let ext = if i == 40 {
            "2000".to_string()
        } else {
            format!("{}", 2000 + i)
        };
        let locale = if i == 30 { "Japanese" } else { "0" };
        let line = row(&login, &format!("ユーザー{i}"), &ext, locale);
        rows.push(line.split(',').map(str::to_string).collect::<Vec<_>>());
    }
    let text = rows
        .iter()
        .map(|r| format!("{}\r\n", r.join("\t")))
        .collect();
    (text, rows)
}

#[test]
fn a_50_by_24_paste_from_excel_lands_in_the_right_cells_with_errors_shown() {
    let (_dir, mut h) = four_users();
    let (text, rows) = excel_block();
    assert!(rows.iter().all(|r| r.len() == 24));
    click(&mut h, "Login ID, row 1");
    send(&mut h, Event::Paste(text));
    let s = h.state().sheet();
    assert_eq!(s.doc().rows(), 50, "the paste added the rows it needed");
    for (i, r) in rows.iter().enumerate() {
        for (c, v) in r.iter().enumerate() {
            assert_eq!(s.cell(i, c), v, "row {i} column {c}");
        }
    }
    let v = s.validator();
    assert_eq!(
        v.cell_severity(9, 0),
        Some(Severity::Error),
        "full-width ＠"
    );
    assert_eq!(
        v.cell_severity(30, 3),
        Some(Severity::Error),
        "label for a code"
    );
    assert_eq!(
        v.cell_severity(0, 2),
        Some(Severity::Error),
        "duplicate extension"
    );
    assert_eq!(v.cell_severity(40, 2), Some(Severity::Error), "its twin");
    assert_eq!(s.errors(), 4);
    assert_eq!(status(&h, "Rows"), "50");
    assert_eq!(status(&h, "Errors"), "4");
    assert_eq!(
        h.get_by_label("Extension number").value().as_deref(),
        Some("2 errors")
    );
    // The pasted block is selected, and one undo takes the whole paste back.
    assert_eq!(h.state().selected(), CellPos::new(0, 0));
    chord(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(h.state().sheet().doc().rows(), 4);
    assert_eq!(h.state().sheet().cell(0, 0), "alice@example.com");
    assert_eq!(status(&h, "Errors"), "2");
}

#[test]
fn home_end_and_ctrl_home_end_jump_to_the_edges_of_the_sheet() {
    let (_dir, mut h) = four_users();
    let last_col = h.state().sheet().doc().width() - 1;
    let last_row = h.state().sheet().doc().rows() - 1;
    click(&mut h, "Login ID, row 2");
    press(&mut h, Key::End);
    assert_eq!(h.state().selected(), CellPos::new(1, last_col));
    press(&mut h, Key::Home);
    assert_eq!(h.state().selected(), CellPos::new(1, 0));
    chord(&mut h, Modifiers::COMMAND, Key::End);
    assert_eq!(h.state().selected(), CellPos::new(last_row, last_col));
    chord(&mut h, Modifiers::COMMAND, Key::Home);
    assert_eq!(h.state().selected(), CellPos::new(0, 0));
    // With Shift the range grows from where the cursor was.
    chord(&mut h, Modifiers::SHIFT | Modifiers::COMMAND, Key::End);
    let copied = clipboard_after(&mut h, Event::Copy).unwrap_or_default();
    assert_eq!(copied.lines().count(), last_row + 1);
    assert_eq!(
        copied.lines().next().map(|l| l.split('\t').count()),
        Some(last_col + 1)
    );
}
