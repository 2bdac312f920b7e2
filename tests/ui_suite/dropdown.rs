//! An enum cell's list of options: what it offers.

use crate::ui_support::*;
use eframe::egui::Key;
use egui_kittest::kittest::Queryable;

fn meetings_enable_col() -> usize {
    bulksheet::schema::builtin("miitel-update-users")
        .expect("built-in schema")
        .columns
        .iter()
        .position(|c| c.name == "MiiTel Meetings Enable")
        .expect("column")
}

#[test]
fn a_column_required_by_a_subscription_offers_no_blank() {
    let (_dir, mut h) = four_users();
    let col = meetings_enable_col();
    // Subscription off: the column may stay blank, so the list offers it.
    h.state_mut().select(0, col);
    h.run_steps(2);
    press(&mut h, Key::F2);
    assert!(h.query_by_label("1 — Yes").is_some());
    assert!(h.query_by_label("(blank)").is_some());
    press(&mut h, Key::Escape);
    click(&mut h, "MiiTel Meetings");
    h.state_mut().select(0, col);
    h.run_steps(2);
    press(&mut h, Key::F2);
    assert!(h.query_by_label("1 — Yes").is_some());
    assert!(h.query_by_label("(blank)").is_none());
    // The keys cannot reach a blank either: past the last option, Enter picks it.
    for _ in 0..5 {
        press(&mut h, Key::ArrowDown);
    }
    press(&mut h, Key::Enter);
    assert_eq!(h.state().sheet().cell(0, col), "0");
}
