//! Fitting the window to its users: the language switch, drag and drop, recent files,
//! remembered settings, the shortcut panel, themes and templates — headless, through the
//! same events a desktop sends.

use crate::ui_support::*;
use bulksheet::app::i18n::Lang;
use bulksheet::app::{BulksheetApp, Settings, ThemeChoice};
use eframe::egui;
use egui_kittest::kittest::Queryable;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A file as the desktop hands it over when it is dropped on the window.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

fn drop_file(h: &mut egui_kittest::Harness<'_, BulksheetApp>, path: &Path) {
    h.input_mut()
        .dropped_files
        .push(Arc::new(Dropped(path.to_path_buf())));
    h.run_steps(2);
}

/// eframe's storage kept in memory, as the file storage keeps it on disk.
#[derive(Default)]
struct MemoryStorage(HashMap<String, String>);

impl eframe::Storage for MemoryStorage {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }
    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_string(), value);
    }
    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }
    fn flush(&mut self) {}
}

#[test]
fn the_status_line_follows_a_language_switch() {
    let mut h = harness(BulksheetApp::sample());
    h.state_mut().sheet_mut().set_cell(0, 1, "x");
    h.run_steps(1);
    chord(&mut h, egui::Modifiers::COMMAND, egui::Key::Z);
    assert_eq!(h.state().notice(), Some("Undone."));
    click(&mut h, "Settings…");
    click(&mut h, "日本語");
    let ja = bulksheet::app::i18n::tr(Lang::Ja, "Undone.");
    assert_ne!(ja, "Undone.");
    assert_eq!(h.state().notice(), Some(ja));
    assert!(h.query_by_label(ja).is_some(), "the status bar shows it");
    click(&mut h, "English");
    assert_eq!(h.state().notice(), Some("Undone."));
}

#[test]
fn switching_to_japanese_changes_the_visible_labels() {
    let mut h = harness(BulksheetApp::sample());
    assert!(h.query_by_label("Errors").is_some());
    assert!(h.query_by_label("Open…").is_some());
    click(&mut h, "Settings…");
    click(&mut h, "日本語");
    assert_eq!(h.state().lang(), Lang::Ja);
    // The status bar, toolbar and panels now speak Japanese.
    assert!(h.query_by_label("Errors").is_none());
    let errors = status(&h, "エラー");
    assert_eq!(errors, h.state().sheet().errors().to_string());
    let by = egui_kittest::kittest::by;
    // The template's title too (the status bar and the picker).
    let titled =
        |h: &egui_kittest::Harness<'_, BulksheetApp>, t| h.query_all(by().value(t)).count();
    assert!(titled(&h, "MiiTel: ユーザーの一括更新") > 0);
    assert_eq!(titled(&h, "MiiTel: Update multiple users"), 0);
    assert!(h.query_by_label("開く…").is_some());
    assert!(h.query_by_label("問題").is_some());
    assert!(
        h.query_by_label("ログインID、2 行目").is_some()
            || h.query_by_label("Login ID、2 行目").is_some()
    );
    // Validation messages follow the language too (the issue list).
    assert!(h.query(by().label_contains("全角の＠")).is_some());
    assert!(h.query(by().label_contains("full-width ＠")).is_none());
    // And back.
    click(&mut h, "English");
    assert_eq!(h.state().lang(), Lang::En);
    assert!(h.query_by_label("Errors").is_some());
    assert!(h.query_by_label("エラー").is_none());
    assert_eq!(status(&h, "Schema"), "MiiTel: Update multiple users");
    assert_eq!(titled(&h, "MiiTel: ユーザーの一括更新"), 0);
    assert!(h.query(by().label_contains("full-width ＠")).is_some());
}

#[test]
fn dropping_a_csv_on_the_window_opens_it_and_lists_it_as_recent() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_fixture(dir.path(), "dropped.csv", &fixture_text());
    let mut h = harness(BulksheetApp::sample());
    assert_ne!(status(&h, "Rows"), "4");
    drop_file(&mut h, &path);
    wait_for_job(&mut h);
    assert_eq!(h.state().path(), Some(path.as_path()));
    assert_eq!(status(&h, "Rows"), "4");
    assert_eq!(status(&h, "Errors"), h.state().sheet().errors().to_string());
    assert_eq!(h.state().recent_files().first(), Some(&path));
}

#[test]
fn dropping_a_file_with_unsaved_edits_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let first = write_fixture(dir.path(), "first.csv", &fixture_text());
    let second = write_fixture(dir.path(), "second.csv", &fixture_text());
    let mut h = open(&first);
    h.state_mut().sheet_mut().set_cell(0, 1, "Alicia");
    h.run_steps(2);
    drop_file(&mut h, &second);
    assert_eq!(h.state().dialog_name(), Some("unsaved"));
    click(&mut h, "Don't save");
    wait_for_job(&mut h);
    assert_eq!(h.state().path(), Some(second.as_path()));
}

#[test]
fn dropping_a_toml_file_loads_it_as_a_template() {
    let dir = tempfile::tempdir().unwrap();
    let csv = write_fixture(
        dir.path(),
        "staff.csv",
        "Email,Name\r\na@example.com,A\r\nnot-an-email,B\r\n",
    );
    let toml = write_fixture(dir.path(), "staff.toml", STAFF_TEMPLATE);
    let mut h = open(&csv);
    assert_eq!(h.state().template_name(), "generic");
    drop_file(&mut h, &toml);
    assert_eq!(h.state().template_name(), "staff-list");
    assert_eq!(status(&h, "Errors"), "1");
}

const STAFF_TEMPLATE: &str = r#"
name = "staff-list"
title = "Staff list"

[[columns]]
name = "Email"
aliases = ["メールアドレス"]
kind = "email"

[[columns]]
name = "Name"
kind = "text"
"#;

#[test]
fn load_template_dialog_reads_a_toml_and_the_picker_lists_it() {
    let dir = tempfile::tempdir().unwrap();
    let csv = write_fixture(
        dir.path(),
        "staff.csv",
        "メールアドレス,Name\r\na@example.com,A\r\n",
    );
    let toml = write_fixture(dir.path(), "staff.toml", STAFF_TEMPLATE);
    let mut h = open(&csv);
    click(&mut h, "Load template…");
    focus_dialog_field(&mut h);
    type_text(&mut h, &toml.display().to_string());
    click(&mut h, "Load");
    assert_eq!(h.state().template_name(), "staff-list");
    assert_eq!(status(&h, "Schema"), "Staff list");
    assert_eq!(status(&h, "Errors"), "0");
    // The built-in template is one pick away, in the Template menu.
    click(&mut h, "Template");
    click(&mut h, "MiiTel: Update multiple users");
    assert_eq!(h.state().template_name(), "miitel-update-users");
    assert_ne!(status(&h, "Errors"), "0");
    assert_eq!(
        h.state().notice(),
        Some("Template: MiiTel: Update multiple users")
    );
    // The notice follows a language switch, the template's title included.
    h.state_mut().set_lang(Lang::Ja);
    let ja = bulksheet::app::i18n::trf(
        Lang::Ja,
        "Template: {t}",
        &[("t", &"MiiTel: ユーザーの一括更新")],
    );
    assert_eq!(h.state().notice(), Some(ja.as_str()));
}

#[test]
fn a_file_opened_later_gets_the_loaded_template_that_fits_it() {
    let dir = tempfile::tempdir().unwrap();
    let toml = write_fixture(dir.path(), "staff.toml", STAFF_TEMPLATE);
    let csv = write_fixture(dir.path(), "staff.csv", "Email,Name\r\na@example.com,A\r\n");
    let mut h = harness(BulksheetApp::sample());
    h.state_mut().load_template_file(&toml).unwrap();
    assert_eq!(h.state().template_name(), "staff-list");
    drop_file(&mut h, &csv);
    wait_for_job(&mut h);
    assert_eq!(h.state().template_name(), "staff-list");
}

#[test]
fn settings_survive_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let csv = write_fixture(dir.path(), "users.csv", &fixture_text());
    let toml = write_fixture(dir.path(), "staff.toml", STAFF_TEMPLATE);
    let mut app = BulksheetApp::open(&csv).unwrap();
    let mut settings = Settings {
        lang: Lang::Ja,
        theme: ThemeChoice::Dark,
        recent: vec![csv.clone(), dir.path().join("older.csv")],
        templates: vec![toml.clone()],
        ..Default::default()
    };
    settings.set_save_encoding(bulksheet::TextEncoding::ShiftJis);
    app.apply_settings(settings.clone());
    app.set_column_width(0, 333.0);
    let mut storage = MemoryStorage::default();
    eframe::App::save(&mut app, &mut storage);

    let stored = Settings::load(Some(&storage));
    assert_eq!(stored.lang, Lang::Ja);
    assert_eq!(stored.theme, ThemeChoice::Dark);
    assert_eq!(stored.recent, settings.recent);
    assert_eq!(
        stored.save_encoding(),
        Some(bulksheet::TextEncoding::ShiftJis)
    );
    assert_eq!(stored.templates, vec![toml]);
    assert_eq!(stored.widths.get("Login ID"), Some(&333.0));

    // A new window on the same file takes it all back.
    let mut again = BulksheetApp::open(&csv).unwrap();
    assert_ne!(again.column_width(0), Some(333.0));
    again.apply_settings(stored.clone());
    assert_eq!(again.lang(), Lang::Ja);
    assert_eq!(again.column_width(0), Some(333.0));
    assert_eq!(again.recent_files(), settings.recent.as_slice());
    assert_eq!(again.settings(), stored);
    // The Save As dialog starts on the encoding chosen last time.
    again.set_lang(Lang::En);
    let mut h = harness(again);
    h.key_press_modifiers(
        egui::Modifiers::COMMAND.plus(egui::Modifiers::SHIFT),
        egui::Key::S,
    );
    h.run_steps(3);
    assert_eq!(h.state().dialog_name(), Some("save-as"));
    let combo = h.get_by_label("File encoding");
    assert_eq!(combo.value().as_deref(), Some("Shift_JIS"));
}

#[test]
fn settings_round_trip_through_serde() {
    let mut s = Settings::first_start();
    s.lang = Lang::Ja;
    s.theme = ThemeChoice::Light;
    s.recent = vec![PathBuf::from("/data/a.csv"), PathBuf::from("/data/b.csv")];
    s.widths.insert("Login ID".into(), 210.5);
    s.set_save_encoding(bulksheet::TextEncoding::Utf8Bom);
    let json = serde_json::to_string(&s).unwrap();
    let back: Settings = serde_json::from_str(&json).unwrap();
    assert_eq!(back, s);
    let mut storage = MemoryStorage::default();
    s.store(&mut storage);
    assert_eq!(Settings::load(Some(&storage)), s);
    // Settings written by an older version, missing fields, still load.
    let partial: Settings = serde_json::from_str(r#"{"lang":"Ja"}"#).unwrap();
    assert_eq!(partial.lang, Lang::Ja);
    assert!(partial.recent.is_empty());
}

#[test]
fn f1_shows_every_shortcut() {
    let mut h = harness(BulksheetApp::sample());
    assert!(h.query_by_label("Ctrl+Shift+Z / Ctrl+Y").is_none());
    press(&mut h, egui::Key::F1);
    assert!(h.state().is_help_open());
    for line in
        bulksheet::app::command::help::help_lines(bulksheet::app::command::help::KeyStyle::PC)
    {
        let (keys, action) = (line.keys.as_str(), line.action);
        assert!(h.query_by_label(keys).is_some(), "{keys} not shown");
        assert!(h.query_by_label(action).is_some(), "{action} not shown");
    }
    press(&mut h, egui::Key::F1);
    assert!(!h.state().is_help_open());
}

#[test]
fn the_shortcut_panel_in_japanese() {
    let mut app = BulksheetApp::sample();
    app.set_lang(Lang::Ja);
    let mut h = harness(app);
    press(&mut h, egui::Key::F1);
    assert!(h.query_by_label("元に戻す").is_some());
    assert!(h.query_by_label("検索と置換").is_some());
    assert!(h.query_by_label("Undo").is_none());
}

#[test]
fn theme_choice_sets_light_or_dark() {
    let mut h = harness(BulksheetApp::sample());
    click(&mut h, "Settings…");
    click(&mut h, "Dark");
    assert_eq!(h.ctx.theme(), egui::Theme::Dark);
    assert!(h.ctx.global_style().visuals.dark_mode);
    click(&mut h, "Light");
    assert_eq!(h.ctx.theme(), egui::Theme::Light);
    assert!(!h.ctx.global_style().visuals.dark_mode);
    assert_eq!(h.state().settings().theme, ThemeChoice::Light);
}

#[test]
fn recent_files_open_from_the_menu_list() {
    let dir = tempfile::tempdir().unwrap();
    let a = write_fixture(dir.path(), "a.csv", &fixture_text());
    let b = write_fixture(dir.path(), "b.csv", &fixture_text());
    let mut h = harness(BulksheetApp::sample());
    for p in [&a, &b] {
        drop_file(&mut h, p);
        wait_for_job(&mut h);
    }
    assert_eq!(h.state().recent_files(), &[b.clone(), a.clone()]);
    click(&mut h, "File");
    h.get_by_label("Open Recent").hover();
    h.run_steps(3);
    click(&mut h, "a.csv");
    wait_for_job(&mut h);
    assert_eq!(h.state().path(), Some(a.as_path()));
    assert_eq!(h.state().recent_files(), &[a, b]);
}

#[test]
fn schema_argument_loads_a_template_file_or_names_a_built_in_one() {
    let dir = tempfile::tempdir().unwrap();
    let csv = write_fixture(
        dir.path(),
        "staff.csv",
        "メールアドレス,Name\r\na@example.com,A\r\n",
    );
    let toml = write_fixture(dir.path(), "staff.toml", STAFF_TEMPLATE);
    let mut h = open(&csv);
    h.state_mut().use_template_arg(&toml.display().to_string());
    h.run_steps(2);
    assert_eq!(h.state().template_name(), "staff-list");
    h.state_mut().use_template_arg("generic");
    h.run_steps(2);
    assert_eq!(h.state().template_name(), "generic");
    h.state_mut().use_template_arg("no-such-template");
    h.run_steps(2);
    assert_eq!(h.state().template_name(), "generic");
}

#[test]
fn columns_start_wide_enough_for_their_file_and_only_chosen_widths_carry_over() {
    let dir = tempfile::tempdir().unwrap();
    let sample =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample-miitel-update-users.csv");
    let csv = dir.path().join("users.csv");
    std::fs::copy(&sample, &csv).unwrap();
    // The first window holds a file with the same columns but short names.
    let first = write_fixture(dir.path(), "first.csv", &fixture_text());
    let mut h = open(&first);
    let short_names = h.state().column_width(1).unwrap();
    let login_chosen = 321.0;
    h.state_mut().set_column_width(0, login_chosen);
    drop_file(&mut h, &csv);
    wait_for_job(&mut h);
    assert_eq!(h.state().path(), Some(csv.as_path()));
    // User name holds names like "松本 陸（営業本部 第二営業部 東日本エリア担当）": a kanji
    // takes two letters' room, so the column starts wider, as wide as a text column starts
    // (the first file's narrow width, worked out from its short names, does not carry over;
    // a longer name is cut with "…" until the column is dragged wider).
    let name = h.state().column_width(1).unwrap();
    assert!(name > short_names, "User name starts {name} px wide");
    assert_eq!(name, 16.0 * bulksheet::app::theme::CHAR_WIDTH + 12.0);
    // A width the user dragged does carry over.
    assert_eq!(h.state().column_width(0), Some(login_chosen));
    // "Administrative" fits beside the sort arrow.
    let admin = h.state().column_width(5).unwrap();
    assert!(admin >= 14.0 * 7.5 + 12.0 + 22.0, "{admin}");
}

/// The settings list the paths of recent files: on Unix their folder and file are the
/// user's alone, a first start included, and an earlier version's wider modes are narrowed.
#[cfg(unix)]
#[test]
fn the_settings_folder_and_file_are_readable_by_the_user_alone() {
    use bulksheet::app::settings::STORAGE_FILE;
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let root = tempfile::tempdir().unwrap();
    let fresh = root.path().join("fresh").join("bulksheet");
    Settings::secure_storage(&fresh);
    let file = fresh.join(STORAGE_FILE);
    assert_eq!((mode(&fresh), mode(&file)), (0o700, 0o600));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "{}");

    let old = root.path().join("old");
    std::fs::create_dir(&old).unwrap();
    std::fs::set_permissions(&old, std::fs::Permissions::from_mode(0o755)).unwrap();
    let kept = "{\"bulksheet-settings\": \"...\"}";
    std::fs::write(old.join(STORAGE_FILE), kept).unwrap();
    std::fs::set_permissions(
        old.join(STORAGE_FILE),
        std::fs::Permissions::from_mode(0o644),
    )
    .unwrap();
    Settings::secure_storage(&old);
    assert_eq!((mode(&old), mode(&old.join(STORAGE_FILE))), (0o700, 0o600));
    assert_eq!(
        std::fs::read_to_string(old.join(STORAGE_FILE)).unwrap(),
        kept
    );
}
