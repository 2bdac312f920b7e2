//! Japanese input through an input method: the composition (pre-edit) and the chosen text
//! (commit) arrive as IME events, not as text. They start editing the selected cell, the
//! chosen text stays, and the Enter that chooses it neither commits the cell nor moves.

use crate::ui_support::*;
use bulksheet::app::CellPos;
use eframe::egui::{Event, ImeEvent, Key};

#[expect(deprecated)]
fn queue_enabled(h: &mut egui_kittest::Harness<'static, bulksheet::app::BulksheetApp>) {
    in_frame(h, Event::Ime(ImeEvent::Enabled));
}

#[expect(deprecated)]
fn queue_disabled(h: &mut egui_kittest::Harness<'static, bulksheet::app::BulksheetApp>) {
    in_frame(h, Event::Ime(ImeEvent::Disabled));
}

#[test]
fn the_grid_lets_the_input_method_in_on_the_selected_cell() {
    let (_dir, mut h) = four_users();
    h.state_mut().select(0, 1);
    h.run_steps(2);
    let ime = h.output().platform_output.ime;
    assert!(ime.is_some(), "the grid must allow an input method");
}

#[test]
fn composing_on_a_selected_cell_starts_editing_it() {
    let (_dir, mut h) = four_users();
    h.state_mut().select(0, 1);
    h.run_steps(2);
    queue_enabled(&mut h);
    queue_preedit(&mut h, "にほん");
    h.run_steps(2);
    let cell = "User name, row 1";
    assert_eq!(editor_text(&h, cell).as_deref(), Some("にほん"));
    assert_eq!(h.state().sheet().cell(0, 1), "Alice");
    // The Enter that chooses the text arrives with the commit: it only chooses.
    queue_preedit(&mut h, "日本");
    queue_commit(&mut h, "日本");
    queue_key(&mut h, Key::Enter);
    queue_disabled(&mut h);
    h.run_steps(3);
    assert_eq!(editor_text(&h, cell).as_deref(), Some("日本"));
    assert_eq!(h.state().sheet().cell(0, 1), "Alice");
    assert_eq!(h.state().selected(), CellPos::new(0, 1));
    // The next Enter commits the cell and moves down.
    press(&mut h, Key::Enter);
    assert_eq!(h.state().sheet().cell(0, 1), "日本");
    assert_eq!(h.state().selected(), CellPos::new(1, 1));
}

#[test]
fn a_commit_on_a_selected_cell_is_kept_and_its_enter_does_not_move() {
    let (_dir, mut h) = four_users();
    h.state_mut().select(1, 1);
    h.run_steps(2);
    queue_commit(&mut h, "東京");
    queue_key(&mut h, Key::Enter);
    h.run_steps(3);
    assert_eq!(editor_text(&h, "User name, row 2").as_deref(), Some("東京"));
    assert_eq!(h.state().selected(), CellPos::new(1, 1));
    press(&mut h, Key::Enter);
    assert_eq!(h.state().sheet().cell(1, 1), "東京");
    assert_eq!(h.state().selected(), CellPos::new(2, 1));
}

#[test]
fn composing_in_an_open_editor_adds_at_the_cursor_and_enter_only_chooses() {
    let (_dir, mut h) = four_users();
    h.state_mut().select(0, 1);
    h.run_steps(2);
    press(&mut h, Key::F2);
    let cell = "User name, row 1";
    queue_preedit(&mut h, "やまだ");
    h.run_steps(2);
    assert_eq!(editor_text(&h, cell).as_deref(), Some("Aliceやまだ"));
    // Enter while the composition is open belongs to the input method.
    press(&mut h, Key::Enter);
    assert_eq!(editor_text(&h, cell).as_deref(), Some("Aliceやまだ"));
    assert_eq!(h.state().sheet().cell(0, 1), "Alice");
    queue_preedit(&mut h, "山田");
    queue_commit(&mut h, "山田");
    queue_key(&mut h, Key::Enter);
    h.run_steps(3);
    assert_eq!(editor_text(&h, cell).as_deref(), Some("Alice山田"));
    assert_eq!(h.state().sheet().cell(0, 1), "Alice");
    assert_eq!(h.state().selected(), CellPos::new(0, 1));
    press(&mut h, Key::Enter);
    assert_eq!(h.state().sheet().cell(0, 1), "Alice山田");
    assert_eq!(h.state().selected(), CellPos::new(1, 1));
}

#[test]
fn a_composition_cut_short_does_not_keep_enter_from_the_sheet() {
    let (_dir, mut h) = four_users();
    h.state_mut().select(0, 1);
    h.run_steps(2);
    queue_preedit(&mut h, "にほ");
    h.run_steps(2);
    assert_eq!(editor_text(&h, "User name, row 1").as_deref(), Some("にほ"));
    // The edit ends without the input method saying so (Esc is its own while composing,
    // so the sheet's Cancel comes from elsewhere: another cell is clicked).
    click(&mut h, "User name, row 3");
    assert!(editor_text(&h, "User name, row 1").is_none());
    press(&mut h, Key::Enter);
    assert_eq!(h.state().selected(), CellPos::new(3, 1));
}

/// The grid holds the keyboard frame after frame; asking for the focus again every frame
/// would cut any composition short, and on X11 re-enable the input method every frame, so
/// an idle window never stopped drawing.
#[test]
fn holding_the_keyboard_never_interrupts_a_composition() {
    let mut h = harness(bulksheet::app::BulksheetApp::sample());
    h.run_steps(5);
    for _ in 0..3 {
        h.step();
        let ime = h.output().platform_output.ime.as_ref();
        assert!(ime.is_some(), "the grid lets the input method in");
        assert!(
            !ime.is_some_and(|i| i.should_interrupt_composition),
            "an idle frame interrupts the input method"
        );
    }
}
