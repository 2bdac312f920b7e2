//! The window's texts read naturally and tell the truth: Japanese places and column
//! names, the save-errors list, the fix preview's row label.

use crate::ui_support::*;
use bulksheet::app::BulksheetApp;
use bulksheet::app::command::Command;
use bulksheet::app::i18n::{Lang, tr};
use eframe::egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable, by};

/// Every label on screen.
fn labels(h: &Harness<'_, BulksheetApp>) -> Vec<String> {
    h.query_all(by().predicate(|n| n.label().is_some()))
        .filter_map(|n| n.accesskit_node().label())
        .collect()
}

fn japanese_four_users() -> (tempfile::TempDir, Harness<'static, BulksheetApp>) {
    let (dir, mut h) = four_users();
    h.state_mut().set_lang(Lang::Ja);
    h.run_steps(2);
    (dir, h)
}

#[test]
fn japanese_save_errors_list_has_no_go_to_prefix_and_names_the_column_once() {
    let (_dir, mut h) = japanese_four_users();
    h.state_mut().sheet_mut().set_cell(0, 1, "Alicia");
    h.run_steps(2);
    chord(&mut h, Modifiers::COMMAND, Key::S);
    click(&mut h, tr(Lang::Ja, "Overwrite"));
    assert_eq!(h.state().dialog_name(), Some("save-errors"));
    let all = labels(&h);
    let login: Vec<&String> = all.iter().filter(|l| l.contains("全角の＠")).collect();
    assert!(!login.is_empty(), "{all:#?}");
    for l in &login {
        assert!(l.contains("2 行目：「Login ID」に全角の＠"), "{l}");
        assert!(!l.contains("移動"), "{l}");
        assert_eq!(l.matches("Login ID").count(), 1, "{l}");
    }
}

#[test]
fn japanese_issue_list_sets_column_names_off_and_says_them_once() {
    let (_dir, h) = japanese_four_users();
    let all = labels(&h);
    let locale: Vec<&String> = all
        .iter()
        .filter(|l| l.contains("3 行目：") && l.contains("Locale"))
        .collect();
    assert!(!locale.is_empty(), "{all:#?}");
    for l in locale {
        assert!(l.contains("「Locale」"), "{l}");
        assert_eq!(l.matches("Locale").count(), 1, "{l}");
    }
}

#[test]
fn the_fix_preview_labels_rows_as_everywhere_else() {
    let (_dir, mut h) = japanese_four_users();
    menu(&mut h, tr(Lang::Ja, "Tools"), tr(Lang::Ja, "Fix all…"));
    h.run_steps(4);
    // A value in a Japanese sentence is quoted 「」.
    h.get_by_label("「bob＠example.com」");
    assert!(h.query_all_by_label("2 行目").count() > 0);
    assert_eq!(h.query_all_by_label("行 2").count(), 0);
}

#[test]
fn a_value_pasted_over_four_cells_says_it_filled_four() {
    let (_dir, mut h) = four_users();
    h.state_mut().select(0, 1);
    h.run_steps(1);
    chord(&mut h, Modifiers::SHIFT, Key::ArrowDown);
    chord(&mut h, Modifiers::SHIFT, Key::ArrowRight);
    assert_eq!(h.state().selected_cells().len(), 4);
    send(&mut h, eframe::egui::Event::Paste("Same".into()));
    assert_eq!(h.state().sheet().cell(1, 2), "Same");
    assert_eq!(h.state().notice(), Some("Filled 4 cells"));
}

#[test]
fn a_stale_notice_gives_way_to_the_next_edit() {
    let (_dir, mut h) = four_users();
    h.state_mut().select(0, 1);
    h.run_steps(1);
    press(&mut h, Key::Delete);
    chord(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(h.state().notice(), Some("Undone."));
    assert_eq!(h.state().sheet().cell(0, 1), "Alice");
    // Clearing a cell says nothing itself; "Undone." would now be untrue.
    press(&mut h, Key::Delete);
    assert_eq!(h.state().sheet().cell(0, 1), "");
    assert_eq!(h.state().notice(), None);
}

#[test]
fn saving_a_file_with_no_edits_writes_nothing_and_says_so() {
    let (dir, mut h) = four_users();
    let path = dir.path().join("users.csv");
    let before = std::fs::metadata(&path).unwrap().modified().unwrap();
    chord(&mut h, Modifiers::COMMAND, Key::S);
    assert_eq!(h.state().dialog_name(), None);
    assert!(!h.state().is_busy());
    assert_eq!(
        h.state().notice(),
        Some("No changes to save; the file was not written.")
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), fixture_text());
    assert_eq!(
        std::fs::metadata(&path).unwrap().modified().unwrap(),
        before
    );
}

#[test]
fn the_close_question_offers_to_review_the_changes() {
    let (_dir, mut h) = four_users();
    h.state_mut().sheet_mut().set_cell(0, 1, "Alicia");
    h.run_steps(2);
    menu(&mut h, "File", "Quit");
    assert_eq!(h.state().dialog_name(), Some("unsaved"));
    click(&mut h, "Review changes…");
    assert_eq!(h.state().dialog_name(), None);
    assert!(!h.state().is_closing());
    h.get_by_label("“Alicia”");
}

#[test]
fn the_language_follows_the_system_until_one_is_picked() {
    use bulksheet::app::settings::Settings;
    let first = Settings::first_start();
    assert!(first.lang_follows_system);
    assert_eq!(first.lang, Lang::from_env());
    // Settings stored by an older version kept a language the user had: still theirs.
    let old: Settings = serde_json::from_str(r#"{"lang":"Ja"}"#).unwrap();
    assert!(!old.lang_follows_system);
    assert_eq!(old.lang, Lang::Ja);

    let (_dir, mut h) = four_users();
    h.state_mut().apply_settings(Settings::first_start());
    h.state_mut().set_lang(Lang::Ja);
    h.run_steps(2);
    assert!(!h.state().settings().lang_follows_system);
    // The toolbar's Settings… button (the menu has one of the same name).
    let settings = tr(Lang::Ja, "Settings…");
    h.query_all_by_label(settings).next().unwrap().click();
    h.run_steps(4);
    // The language's choice comes first, then the theme's.
    let follow = tr(Lang::Ja, "Follow the system");
    let radios: Vec<_> = h.query_all_by_label(follow).collect();
    assert_eq!(radios.len(), 2);
    radios[0].click();
    h.run_steps(3);
    assert!(h.state().settings().lang_follows_system);
    assert_eq!(h.state().lang(), Lang::from_env());
}

#[test]
fn the_side_panel_folds_away_to_give_the_grid_room_and_comes_back() {
    let (_dir, mut h) = four_users();
    let issue = "Row 2: Login ID has a full-width ＠";
    assert!(h.query_by_label_contains(issue).is_some());
    h.get_by_label_contains("Hide the side panel").click();
    h.run_steps(3);
    assert!(h.query_by_label_contains(issue).is_none());
    assert_eq!(h.state().last_command(), Some(&Command::SidePanel));
    h.get_by_label_contains("Show the side panel").click();
    h.run_steps(3);
    assert!(h.query_by_label_contains(issue).is_some());
    assert!(h.query_by_label_contains("Show the side panel").is_none());
}

#[test]
fn a_cut_issue_line_shows_its_whole_text_on_hover() {
    let dir = tempfile::tempdir().unwrap();
    let long = format!("{}@example.com", "a".repeat(25));
    let text = [
        header(),
        row(&long, "A", "101", "0"),
        row(&long, "B", "102", "0"),
    ]
    .map(|l| format!("{l}\r\n"))
    .concat();
    let mut h = open(&write_fixture(dir.path(), "u.csv", &text));
    let whole = format!("Login ID {long} is also used in row 2; each must be unique");
    let before = h.query_all_by_label_contains(&whole).count();
    h.get_by_label_contains(&format!("Row 1: {whole}")).hover();
    h.run_steps(60);
    assert!(
        h.query_all_by_label_contains(&whole).count() > before,
        "no tooltip with the whole message"
    );
}
