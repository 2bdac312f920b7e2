//! No keystroke is lost: every character typed in one frame lands, in order, before an
//! Enter or Tab of the same frame commits the cell (fast typists on a slow machine, remote
//! desktops, barcode scanners and pasting tools all send many keys per frame).

use crate::ui_support::*;
use bulksheet::app::CellPos;
use eframe::egui::Key;

#[test]
fn digits_and_enter_in_one_frame_fill_the_cell_and_move_down() {
    let (_dir, mut h) = four_users();
    h.state_mut().select(0, 2);
    h.run_steps(2);
    queue_chars(&mut h, "987654");
    queue_key(&mut h, Key::Enter);
    h.run_steps(3);
    assert_eq!(h.state().sheet().cell(0, 2), "987654");
    assert_eq!(h.state().selected(), CellPos::new(1, 2));
}

#[test]
fn an_address_and_enter_in_one_frame_keep_every_character() {
    let (_dir, mut h) = four_users();
    h.state_mut().select(1, 0);
    h.run_steps(2);
    queue_chars(&mut h, "user0014@example.co.jp");
    queue_key(&mut h, Key::Enter);
    h.run_steps(3);
    assert_eq!(h.state().sheet().cell(1, 0), "user0014@example.co.jp");
    assert_eq!(h.state().selected(), CellPos::new(2, 0));
}

#[test]
fn letters_and_tab_in_one_frame_fill_the_cell_and_move_right() {
    let (_dir, mut h) = four_users();
    h.state_mut().select(1, 1);
    h.run_steps(2);
    queue_chars(&mut h, "XYZ");
    queue_key(&mut h, Key::Tab);
    h.run_steps(3);
    assert_eq!(h.state().sheet().cell(1, 1), "XYZ");
    assert_eq!(h.state().selected(), CellPos::new(1, 2));
}

#[test]
fn the_first_key_opens_the_editor_and_the_rest_with_enter_come_next_frame() {
    let (_dir, mut h) = four_users();
    h.state_mut().select(0, 2);
    h.run_steps(2);
    queue_chars(&mut h, "9");
    h.step();
    queue_chars(&mut h, "87654");
    queue_key(&mut h, Key::Enter);
    h.run_steps(3);
    assert_eq!(h.state().sheet().cell(0, 2), "987654");
    assert_eq!(h.state().selected(), CellPos::new(1, 2));
}

#[test]
fn text_in_several_events_into_an_open_editor_lands_before_enter() {
    let (_dir, mut h) = four_users();
    h.state_mut().select(0, 1);
    h.run_steps(2);
    press(&mut h, Key::F2);
    assert_eq!(
        editor_text(&h, "User name, row 1").as_deref(),
        Some("Alice")
    );
    in_frame(&mut h, eframe::egui::Event::Text(" ".into()));
    in_frame(&mut h, eframe::egui::Event::Text("Sm".into()));
    queue_chars(&mut h, "ith");
    queue_key(&mut h, Key::Enter);
    h.run_steps(3);
    assert_eq!(h.state().sheet().cell(0, 1), "Alice Smith");
    assert_eq!(h.state().selected(), CellPos::new(1, 1));
}

#[test]
fn text_after_enter_in_the_same_frame_goes_to_the_next_cell() {
    let (_dir, mut h) = four_users();
    h.state_mut().select(0, 1);
    h.run_steps(2);
    queue_chars(&mut h, "Ann");
    queue_key(&mut h, Key::Enter);
    queue_chars(&mut h, "Ben");
    queue_key(&mut h, Key::Enter);
    h.run_steps(4);
    assert_eq!(h.state().sheet().cell(0, 1), "Ann");
    assert_eq!(h.state().sheet().cell(1, 1), "Ben");
    assert_eq!(h.state().selected(), CellPos::new(2, 1));
}

#[test]
fn escape_after_fast_typing_cancels_the_edit() {
    let (_dir, mut h) = four_users();
    h.state_mut().select(0, 1);
    h.run_steps(2);
    queue_chars(&mut h, "zzz");
    queue_key(&mut h, Key::Escape);
    h.run_steps(3);
    assert_eq!(h.state().sheet().cell(0, 1), "Alice");
    assert!(editor_text(&h, "User name, row 1").is_none());
}
