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

/// Forty users: the last rows sit at the bottom edge of the window.
fn forty_users() -> (
    tempfile::TempDir,
    egui_kittest::Harness<'static, bulksheet::app::BulksheetApp>,
) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut text = format!("{}\r\n", header());
    for i in 1..=40 {
        let line = row(
            &format!("user{i:02}@example.com"),
            "User",
            &format!("{}", 100 + i),
            "0",
        );
        text.push_str(&format!("{line}\r\n"));
    }
    let path = write_fixture(dir.path(), "users.csv", &text);
    let h = open(&path);
    (dir, h)
}

#[test]
fn a_list_at_the_bottom_edge_opens_upward_shows_every_option_and_leaves_the_cell_seen() {
    let (_dir, mut h) = forty_users();
    h.state_mut().select(39, 3);
    h.run_steps(3);
    let cell = h.get_by_label("Locale, row 40").rect();
    press(&mut h, Key::F2);
    h.run_steps(2);
    let screen = eframe::egui::Rect::from_min_size(
        eframe::egui::Pos2::ZERO,
        eframe::egui::Vec2::new(1700.0, 900.0),
    );
    for label in ["0 — Japanese", "1 — English", "(blank)"] {
        let option = h.get_by_label(label).rect();
        assert!(
            screen.contains_rect(option),
            "{label} on screen: {option:?}"
        );
        assert!(
            !option.intersects(cell.shrink(1.0)),
            "{label} {option:?} covers the cell {cell:?}"
        );
        assert!(
            option.bottom() <= cell.top() + 1.0,
            "{label} above the cell"
        );
    }
}
