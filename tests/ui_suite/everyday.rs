//! The everyday path: no file replaced unasked, the system's file dialogs first (the
//! window's own where none can be shown), every word readable, only true things said, a
//! start where the user left off, Esc closing every window.

use crate::ui_support::*;
use bulksheet::app::BulksheetApp;
use bulksheet::app::settings::Settings;
use bulksheet::app::{PickAnswer as Answer, PickRequest as Request};
use eframe::egui::{self, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

fn chord_keys(h: &mut Harness<'_, BulksheetApp>, modifiers: Modifiers, key: Key) {
    h.key_press_modifiers(modifiers, key);
    h.run_steps(2);
}

/// Steps until the system dialog asked on a worker thread has answered.
fn wait_for_picker(h: &mut Harness<'_, BulksheetApp>) {
    for _ in 0..500 {
        h.step();
        if !h.state().is_picking() {
            h.run_steps(3);
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    panic!("the file dialog did not answer");
}

fn save_as(h: &mut Harness<'_, BulksheetApp>) {
    chord_keys(h, Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
}

fn labels_containing(h: &Harness<'_, BulksheetApp>, part: &str) -> Vec<String> {
    h.query_all_by_label_contains(part)
        .filter_map(|n| {
            // A label's text is its node's value (AccessKit), a widget's its label.
            let node = n.accesskit_node();
            node.value().or_else(|| node.label())
        })
        .collect()
}

#[test]
fn save_as_asks_before_replacing_a_file_and_keeps_it_unless_told() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_fixture(dir.path(), "users.csv", &fixture_text());
    let fixed = write_fixture(
        dir.path(),
        "users-fixed.csv",
        "the clean file saved before\r\n",
    );
    let mut h = open(&path);
    save_as(&mut h);
    click(&mut h, "Save file");
    // The errors are asked about first, the replacing last, right before the write.
    click(&mut h, "Save anyway as draft (not ready for upload)");
    assert_eq!(h.state().dialog_name(), Some("confirm-replace"));
    let said = labels_containing(&h, "users-fixed.csv exists (last changed 20");
    assert_eq!(said.len(), 1, "names the file and its date: {said:?}");
    // The safe answer has the keyboard: Enter keeps the file.
    assert!(h.get_by_label("Cancel").is_focused());
    press(&mut h, Key::Enter);
    assert_eq!(h.state().dialog_name(), None);
    assert_eq!(
        std::fs::read_to_string(&fixed).unwrap(),
        "the clean file saved before\r\n"
    );

    save_as(&mut h);
    click(&mut h, "Save file");
    click(&mut h, "Save anyway as draft (not ready for upload)");
    press(&mut h, Key::Escape);
    assert_eq!(h.state().dialog_name(), None, "Esc keeps it too");
    assert_eq!(
        std::fs::read_to_string(&fixed).unwrap(),
        "the clean file saved before\r\n"
    );

    save_as(&mut h);
    click(&mut h, "Save file");
    click(&mut h, "Save anyway as draft (not ready for upload)");
    click(&mut h, "Replace file");
    wait_for_job(&mut h);
    assert_eq!(std::fs::read_to_string(&fixed).unwrap(), fixture_text());
    // Confirmed in this window: the next save there asks no more.
    save_as(&mut h);
    click(&mut h, "Save file");
    click(&mut h, "Save anyway as draft (not ready for upload)");
    assert_eq!(h.state().dialog_name(), None);
    wait_for_job(&mut h);
}

#[test]
fn each_existing_part_of_a_split_save_is_named_before_it_is_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_fixture(dir.path(), "many.csv", &users_text(250));
    let second = write_fixture(dir.path(), "many-fixed-2.csv", "kept\r\n");
    let mut h = open(&path);
    save_as(&mut h);
    click(&mut h, "Split into files of 100 users");
    click(&mut h, "Save file");
    assert_eq!(h.state().dialog_name(), Some("confirm-replace"));
    assert_eq!(labels_containing(&h, "many-fixed-2.csv exists").len(), 1);
    assert!(
        labels_containing(&h, "many-fixed-1.csv").is_empty(),
        "only files that exist"
    );
    click(&mut h, "Cancel");
    assert_eq!(std::fs::read_to_string(&second).unwrap(), "kept\r\n");
    assert!(
        !dir.path().join("many-fixed-1.csv").exists(),
        "no part written"
    );
}

#[test]
fn export_issue_list_asks_before_replacing_a_file() {
    let (dir, mut h) = four_users();
    let list = write_fixture(dir.path(), "users-issues.csv", "kept\r\n");
    menu(&mut h, "File", "Export issue list…");
    assert_eq!(h.state().dialog_name(), Some("export-issues"));
    click(&mut h, "Export");
    assert_eq!(h.state().dialog_name(), Some("confirm-replace"));
    click(&mut h, "Cancel");
    assert_eq!(std::fs::read_to_string(&list).unwrap(), "kept\r\n");
    menu(&mut h, "File", "Export issue list…");
    click(&mut h, "Export");
    click(&mut h, "Replace file");
    assert!(
        std::fs::read_to_string(&list)
            .unwrap()
            .contains("full-width")
    );
}

/// A system dialog that answers with `answer` and notes what it was asked.
fn answering(
    app: BulksheetApp,
    answer: impl Fn(&Request) -> Answer + Send + Sync + 'static,
) -> (Harness<'static, BulksheetApp>, Arc<Mutex<Vec<Request>>>) {
    let asked = Arc::new(Mutex::new(Vec::new()));
    let seen = asked.clone();
    let app = app.with_file_picker(move |r| {
        seen.lock().unwrap().push(r.clone());
        answer(r)
    });
    (harness_as_is(app), asked)
}

#[test]
fn open_and_save_as_go_to_the_system_dialog_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_fixture(dir.path(), "users.csv", &fixture_text());
    let other = write_fixture(dir.path(), "other.csv", &users_text(3));
    let target = write_fixture(
        dir.path(),
        "chosen.csv",
        "replaced in the system dialog\r\n",
    );
    let (open_to, save_to) = (other.clone(), target.clone());
    let app = BulksheetApp::open(&path).unwrap();
    let (mut h, asked) = answering(app, move |r| match r.kind {
        bulksheet::app::command::BrowseFor::Open => Answer::Chosen(open_to.clone()),
        _ => Answer::Chosen(save_to.clone()),
    });
    chord_keys(&mut h, Modifiers::COMMAND, Key::O);
    wait_for_picker(&mut h);
    wait_for_job(&mut h);
    assert_eq!(h.state().dialog_name(), None, "no window of our own");
    assert_eq!(h.state().path(), Some(other.as_path()));
    {
        let asked = asked.lock().unwrap();
        assert_eq!(asked[0].title, "Open a file");
        assert_eq!(asked[0].start, dir.path(), "starts in the file's folder");
    }

    save_as(&mut h);
    wait_for_picker(&mut h);
    assert_eq!(
        asked.lock().unwrap()[1].start,
        dir.path().join("other-fixed.csv"),
        "the suggested name in the file's folder"
    );
    // The encoding and split choices follow in the window, the path shown whole.
    assert_eq!(h.state().dialog_name(), Some("save-as"));
    assert_eq!(
        labels_containing(&h, &format!("File: {}", target.display())).len(),
        1
    );
    click(&mut h, "Save file");
    // The system's dialog asked about replacing it already: not asked twice.
    wait_for_job(&mut h);
    assert_eq!(h.state().dialog_name(), None);
    assert_eq!(std::fs::read_to_string(&target).unwrap(), users_text(3));
}

#[test]
fn where_no_system_dialog_can_be_shown_the_windows_own_says_so_and_takes_the_keyboard() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_fixture(dir.path(), "users.csv", &fixture_text());
    let other = write_fixture(dir.path(), "other.csv", &users_text(2));
    let app = BulksheetApp::open(&path).unwrap();
    let (mut h, asked) = answering(app, |_| Answer::Unavailable);
    chord_keys(&mut h, Modifiers::COMMAND, Key::O);
    wait_for_picker(&mut h);
    assert_eq!(h.state().dialog_name(), Some("open"));
    assert!(
        h.query_by_label("Open a file").is_some(),
        "its title names what opens"
    );
    assert_eq!(
        labels_containing(&h, "No system file dialog can be shown here").len(),
        1,
        "it says why it is there"
    );
    // Esc closes it.
    press(&mut h, Key::Escape);
    assert_eq!(h.state().dialog_name(), None);
    // Learned once: the next Ctrl+O shows it at once, the path field with the keyboard.
    chord_keys(&mut h, Modifiers::COMMAND, Key::O);
    assert_eq!(h.state().dialog_name(), Some("open"));
    assert_eq!(asked.lock().unwrap().len(), 1, "the system was asked once");
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run_steps(1);
    type_text(&mut h, &other.display().to_string());
    press(&mut h, Key::Enter);
    wait_for_job(&mut h);
    assert_eq!(h.state().path(), Some(other.as_path()));

    // Tab reaches the buttons.
    chord_keys(&mut h, Modifiers::COMMAND, Key::O);
    press(&mut h, Key::Tab);
    press(&mut h, Key::Tab);
    assert!(
        h.get_by_label("Cancel").is_focused(),
        "Tab goes from the field to Open (disabled while empty is skipped) to Cancel"
    );
}

#[test]
fn a_fix_that_would_make_a_duplicate_has_no_live_button() {
    let dir = tempfile::tempdir().unwrap();
    let text = [
        header(),
        row("alice@example.com", "Alice", "101", "0"),
        row("alice＠example.com", "Alice again", "102", "0"),
        row("bob＠example.com", "Bob", "103", "0"),
    ]
    .map(|l| format!("{l}\r\n"))
    .concat();
    let path = write_fixture(dir.path(), "users.csv", &text);
    let mut h = open(&path);
    let held = h.get_by_label("Fix row 2 column 1");
    assert!(
        held.accesskit_node().is_disabled(),
        "held back: it would make a duplicate"
    );
    let live = h.get_by_label("Fix row 3 column 1");
    assert!(!live.accesskit_node().is_disabled());
    h.get_by_label("Fix row 2 column 1").click();
    h.run_steps(3);
    assert_eq!(h.state().sheet().cell(1, 0), "alice＠example.com");
    assert_eq!(h.state().dialog_name(), None, "no dialog of 0 changes");
    h.get_by_label("Fix row 3 column 1").click();
    h.run_steps(3);
    assert_eq!(h.state().sheet().cell(2, 0), "bob@example.com");
}

#[test]
fn the_status_message_shows_whole_and_a_click_lists_the_recent_ones() {
    let (_dir, mut h) = four_users();
    let said = "No changes to save; the file was not written.";
    chord_keys(&mut h, Modifiers::COMMAND, Key::S);
    let status = || {
        egui_kittest::kittest::by()
            .role(egui::accesskit::Role::Status)
            .label(said)
    };
    h.get(status()).click();
    h.run_steps(4);
    assert!(h.query_by_label("Recent messages").is_some());
    // The window lists it (the status bar's own line is a Status, not a Label).
    let listed = h.query_all(egui_kittest::kittest::by().predicate(|n| {
        n.role() == egui::accesskit::Role::Label && n.value().as_deref() == Some(said)
    }));
    assert_eq!(listed.count(), 1);
    press(&mut h, Key::Escape);
    assert!(
        h.query_by_label("Recent messages").is_none(),
        "Esc closes it"
    );
}

#[test]
fn esc_closes_the_shortcuts_and_settings_windows() {
    let mut h = harness(BulksheetApp::sample());
    press(&mut h, Key::F1);
    assert!(h.state().is_help_open());
    press(&mut h, Key::Escape);
    assert!(!h.state().is_help_open());
    click(&mut h, "Settings");
    h.get_all_by_label("Settings…").next().unwrap().click();
    h.run_steps(4);
    assert!(h.query_by_label("Clear recent files").is_some());
    press(&mut h, Key::Escape);
    assert!(h.query_by_label("Clear recent files").is_none());
}

/// A window of a small laptop's screen, 1366×768, on the app `make` builds.
fn laptop(
    make: impl FnOnce(&egui::Context) -> BulksheetApp + 'static,
) -> Harness<'static, BulksheetApp> {
    let mut h = Harness::builder()
        .with_size(egui::Vec2::new(1366.0, 768.0))
        .with_max_steps(8)
        .build_eframe(move |cc| {
            bulksheet::app::fonts::install_bundled(&cc.egui_ctx);
            make(&cc.egui_ctx).without_system_dialogs()
        });
    h.run_steps(3);
    h
}

/// The window as a start with no file builds it.
fn start(recent: Vec<PathBuf>, first_start: bool) -> Harness<'static, BulksheetApp> {
    laptop(move |ctx| {
        let settings = Settings {
            recent: recent.clone(),
            ..Default::default()
        };
        let mut app = BulksheetApp::at_start(ctx, &recent, first_start);
        app.apply_settings(settings);
        app
    })
}

#[test]
fn a_start_with_no_file_reopens_the_last_one_and_shows_the_sample_only_the_first_time() {
    let dir = tempfile::tempdir().unwrap();
    let last = write_fixture(dir.path(), "users.csv", &fixture_text());
    let gone = dir.path().join("gone.csv");

    let h = start(vec![], true);
    assert_eq!(
        h.state().window_title(),
        "sample-miitel-update-users.csv — Bulksheet"
    );

    let mut h = start(vec![last.clone()], false);
    wait_for_job(&mut h);
    assert_eq!(h.state().path(), Some(last.as_path()));

    let mut h = start(vec![gone.clone(), last.clone()], false);
    assert_eq!(
        h.state().path(),
        None,
        "the last file is gone: nothing opens"
    );
    assert!(h.query_by_label("Open a file to check it").is_some());
    assert!(
        h.query_by_label(&last.display().to_string()).is_some(),
        "recent files listed"
    );
    click(&mut h, "Open the sample file");
    assert_eq!(
        h.state().window_title(),
        "sample-miitel-update-users.csv — Bulksheet"
    );
    assert!(h.query_by_label("Open a file to check it").is_none());
}

#[test]
fn after_saving_a_workbook_as_csv_the_status_bar_speaks_of_the_csv() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("users.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (r, line) in users_text(2).lines().enumerate() {
        for (c, cell) in line.split(',').enumerate() {
            if !cell.is_empty() {
                ws.write_string(r as u32, c as u16, cell).unwrap();
            }
        }
    }
    wb.save(&book).unwrap();
    let mut h = open(&book);
    assert_eq!(status(&h, "Encoding"), "xlsx → UTF-8");
    chord_keys(&mut h, Modifiers::COMMAND, Key::S);
    click(&mut h, "Save file");
    wait_for_job(&mut h);
    assert_eq!(
        h.state().path(),
        Some(dir.path().join("users-fixed.csv").as_path())
    );
    assert!(
        h.query_by_label("Worksheet").is_none(),
        "no worksheet any more"
    );
    assert_eq!(status(&h, "Encoding"), "UTF-8");
}

fn roster_file(dir: &Path) -> PathBuf {
    write_fixture(
        dir,
        "console.csv",
        "Login ID,User name,Extension number\r\nalice@example.com,Alice,101\r\ncarol@example.com,Carol,103\r\ndave@example.com,Dave,104\r\n",
    )
}

#[test]
fn changing_the_template_keeps_the_roster_or_says_it_was_dropped() {
    let (dir, mut h) = four_users();
    let roster = roster_file(dir.path());
    menu(&mut h, "Tools", "Cross-check with roster…");
    h.get_by_label("Roster path").focus();
    h.run_steps(1);
    type_text(&mut h, &roster.display().to_string());
    click(&mut h, "Cross-check");
    assert_eq!(status(&h, "Errors"), "3", "bob is not in the roster");

    // The same columns under another name: the roster and its check stay.
    let builtin = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/schemas/miitel-update-users.toml"),
    )
    .unwrap();
    let copy = builtin.replacen("name = \"miitel-update-users\"", "name = \"our-copy\"", 1);
    assert_ne!(copy, builtin);
    let template = write_fixture(dir.path(), "ours.toml", &copy);
    h.state_mut().load_template_file(&template).unwrap();
    h.run_steps(2);
    assert_eq!(h.state().template_name(), "our-copy");
    assert!(h.state().sheet().rules().roster.is_some(), "roster kept");
    assert_eq!(status(&h, "Errors"), "3");

    // A template with no key column cannot use it: dropped, and said so.
    h.state_mut().use_template("generic");
    h.run_steps(2);
    assert!(h.state().sheet().rules().roster.is_none());
    let notice = h.state().notice().unwrap_or_default().to_string();
    assert!(
        notice.contains("roster cross-check was stopped"),
        "{notice}"
    );
}

#[test]
fn the_japanese_window_writes_a_blank_and_a_label_as_a_japanese_team_would() {
    use bulksheet::app::i18n::{Lang, shown};
    assert_eq!(shown(Lang::Ja, ""), "（空欄）");
    assert_eq!(shown(Lang::Ja, "0"), "「0」");
    let (_dir, h) = four_users();
    let issues = h.state().sheet().issues_in(Lang::Ja);
    let locale = issues
        .iter()
        .find(|i| i.row == 3 && i.code == bulksheet::Code::Enum)
        .expect("Locale holds a label");
    assert!(locale.message.contains("「English」"), "{}", locale.message);
    assert!(
        !locale.message.contains("「英語」のコード"),
        "{}",
        locale.message
    );
}

/// At a 1366×768 window with the side panel open, the grid shows at least 8 of the
/// template's 24 columns whole (a header cut at the panel's edge does not count).
#[test]
fn a_small_laptop_screen_shows_eight_columns_beside_the_side_panel() {
    let h = laptop(|_| BulksheetApp::sample());
    // The issue list's heading stands at the side panel's left edge.
    let side = h.get_by_label("Issues").rect();
    let header = h.state().sheet().doc().header.clone();
    let whole = h
        .query_all(egui_kittest::kittest::by().role(egui::accesskit::Role::ColumnHeader))
        .filter(|n| {
            let rect = n.rect();
            let label = n.accesskit_node().label().unwrap_or_default();
            // A header cut at an edge is drawn narrower than its column.
            let full = header
                .iter()
                .position(|h| *h == label)
                .and_then(|c| h.state().column_width(c));
            rect.right() <= side.left() && full.is_some_and(|w| rect.width() >= w - 1.0)
        })
        .count();
    assert!(whole >= 8, "only {whole} columns shown whole");
}

fn drag(h: &mut Harness<'_, BulksheetApp>, from: egui::Pos2, to: egui::Pos2) {
    let button = |pos, pressed| egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: Modifiers::NONE,
    };
    h.event(egui::Event::PointerMoved(from));
    h.run_steps(1);
    h.event(button(from, true));
    h.run_steps(1);
    for k in 1..=4 {
        let t = k as f32 / 4.0;
        h.event(egui::Event::PointerMoved(from + (to - from) * t));
        h.run_steps(1);
    }
    h.event(button(to, false));
    h.run_steps(2);
}

#[test]
fn the_side_panel_is_dragged_narrower_and_keeps_its_width_when_folded_and_shown() {
    let mut h = harness(BulksheetApp::sample());
    let before = h.get_by_label("Issues").rect().left();
    // The panel's edge is a little left of its content.
    let edge = egui::pos2(before - 8.0, 400.0);
    drag(&mut h, edge, edge + egui::vec2(50.0, 0.0));
    let after = h.get_by_label("Issues").rect().left();
    assert!((after - before - 50.0).abs() < 4.0, "{before} → {after}");
    click(&mut h, "Hide the side panel ▶");
    click(&mut h, "◀ Show the side panel");
    let shown_again = h.get_by_label("Issues").rect().left();
    assert!((shown_again - after).abs() < 1.0, "{after} → {shown_again}");
}

#[test]
fn an_issue_line_wraps_onto_a_second_line_instead_of_being_cut() {
    let (_dir, h) = four_users();
    // The full-width ＠ message is longer than the panel is wide.
    let line = h.get_by_label_contains("Row 2: Login ID");
    let height = line.rect().height();
    assert!(height > 30.0, "one line high: {height}");
}

/// Japanese lines fill their width (they break between any two characters): a line as wide
/// as the panel must not widen it, frame after frame.
#[test]
fn the_side_panel_keeps_its_width_frame_after_frame_in_japanese() {
    let mut h = laptop(|_| {
        let mut app = BulksheetApp::sample();
        app.set_lang(bulksheet::app::i18n::Lang::Ja);
        app
    });
    let heading = bulksheet::app::i18n::tr(bulksheet::app::i18n::Lang::Ja, "Issues");
    let before = h.get_by_label(heading).rect().left();
    for _ in 0..10 {
        h.run_steps(3);
    }
    let after = h.get_by_label(heading).rect().left();
    assert_eq!(before, after, "the panel grew by {}", before - after);
}
