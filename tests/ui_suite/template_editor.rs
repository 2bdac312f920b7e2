//! The template editor: Template → "New template from this file…" opens a template inferred
//! from the open file (another console's shape, not MiiTel's); changing a column's kind
//! re-checks the grid at once; Save puts it in the templates folder and the template menu,
//! and the saved file, loaded again or with `check --schema`, finds the same issues.

use crate::ui_support::*;
use bulksheet::app::BulksheetApp;
use bulksheet::schema::{Kind, Subscriptions, load_schema};
use bulksheet::{Code, Sheet};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// Another console's bulk CSV: an ID, an address, a plan code, a PIN with leading zeros,
/// notes (mostly blank).
const MEMBERS: &str = include_str!("../data/other_consoles/members.csv");

fn members() -> (tempfile::TempDir, Harness<'static, BulksheetApp>) {
    let dir = tempfile::tempdir().unwrap();
    let path = write_fixture(dir.path(), "members.csv", MEMBERS);
    let app = BulksheetApp::open(&path)
        .unwrap()
        .with_templates_dir(dir.path().join("templates"));
    (dir, harness(app))
}

/// (data row, column, code) of every issue the window shows.
fn findings(sheet: &Sheet) -> Vec<(usize, Option<String>, Code)> {
    sheet
        .issues()
        .into_iter()
        .map(|i| (i.row, i.column, i.code))
        .collect()
}

/// Picks an entry of a combo box named for screen readers (`Kind of PIN`).
fn pick(h: &mut Harness<'static, BulksheetApp>, combo: &str, entry: &str) {
    click(h, combo);
    // The entry is the last label of that text: the popup is drawn after the window.
    let all = h.get_all_by_label(entry).collect::<Vec<_>>();
    all.last().expect("entry in the open list").click();
    h.run_steps(4);
}

#[test]
fn a_template_inferred_edited_saved_and_loaded_again_finds_the_same_issues() {
    let (dir, mut h) = members();
    menu(&mut h, "Template", "New template from this file…");
    let draft = h.state().template_draft().expect("editor open").clone();
    assert_eq!(draft.name, "members");
    assert_eq!(
        h.state().template_name(),
        "members",
        "the grid checks against the draft"
    );
    assert_eq!(
        h.state().sheet().errors(),
        0,
        "{:?}",
        findings(h.state().sheet())
    );

    // PIN as an address: every PIN becomes an error, at once.
    pick(&mut h, "Kind of PIN", "Email");
    let sheet = h.state().sheet();
    assert_eq!(sheet.schema().column("PIN").unwrap().kind, Kind::Email);
    let pins: Vec<_> = findings(sheet)
        .into_iter()
        .filter(|(_, c, _)| c.as_deref() == Some("PIN"))
        .collect();
    assert_eq!(pins.len(), 4, "{pins:?}");
    assert!(pins.iter().all(|(_, _, code)| *code == Code::Email));

    // Save: the file is in the templates folder, the template in the menu and in use.
    click(&mut h, "Save template");
    let saved = dir.path().join("templates").join("members.toml");
    assert!(saved.exists());
    assert!(h.state().settings().templates.contains(&saved));
    click(&mut h, "Close");
    assert!(h.state().template_draft().is_none());
    assert_eq!(h.state().template_name(), "members");
    let in_window = findings(h.state().sheet());

    // The same findings as `check --schema members.toml` and as a window opened again.
    let doc = bulksheet::io::read_path(&dir.path().join("members.csv"), None).unwrap();
    let schema = load_schema(saved.to_str().unwrap()).unwrap();
    let checked = Sheet::new(doc, schema, Subscriptions::none());
    assert_eq!(findings(&checked), in_window);
    let path = dir.path().join("members.csv");
    let mut again = BulksheetApp::open(&path).unwrap();
    again.apply_settings(h.state().settings());
    assert_eq!(again.template_name(), "members", "picked as the best fit");
    assert_eq!(findings(again.sheet()), in_window);

    // Editing it again starts from what was saved.
    menu(&mut h, "Template", "Edit template…");
    let draft = h.state().template_draft().expect("editor open");
    assert_eq!(draft.name, "members");
    assert_eq!(draft.column("PIN").unwrap().kind, Kind::Email);
}

#[test]
fn a_built_in_template_is_duplicated_whole_and_closing_unsaved_goes_back() {
    let (_dir, mut h) = four_users();
    let builtin = bulksheet::schema::builtin("miitel-update-users").unwrap();
    menu(&mut h, "Template", "Duplicate template…");
    let draft = h.state().template_draft().expect("editor open").clone();
    assert_eq!(draft.name, "miitel-update-users-copy");
    assert_eq!(draft.columns.len(), builtin.columns.len());
    let back = bulksheet::Schema::from_toml(&draft.to_toml()).unwrap();
    assert_eq!(
        back.columns, builtin.columns,
        "nothing the file holds is lost"
    );
    assert_eq!(back.subscriptions, builtin.subscriptions);
    pick(&mut h, "Kind of Login ID", "Text");
    assert_eq!(h.state().sheet().schema().name, "miitel-update-users-copy");
    click(&mut h, "Close");
    assert_eq!(h.state().template_name(), "miitel-update-users");
    assert_eq!(
        h.state().sheet().schema().columns[0].kind,
        Kind::Email,
        "the built-in template is untouched"
    );
}

#[test]
fn the_editor_speaks_japanese() {
    let (_dir, mut h) = members();
    menu(&mut h, "Template", "New template from this file…");
    h.state_mut().set_lang(bulksheet::validate::Lang::Ja);
    h.run_steps(2);
    assert!(h.query_by_label("テンプレートエディター").is_some());
    assert!(h.query_by_label("PINの種類").is_some());
    assert!(h.query_by_label("テンプレートを保存").is_some());
}

/// Esc closes the editor as it closes every window, going back to the template before.
#[test]
fn esc_closes_the_template_editor() {
    let (_dir, mut h) = four_users();
    menu(&mut h, "Template", "Duplicate template…");
    assert!(h.state().template_draft().is_some());
    press(&mut h, eframe::egui::Key::Escape);
    assert!(h.state().template_draft().is_none());
    assert_eq!(h.state().template_name(), "miitel-update-users");
}

/// Template → Export template… writes the template in use as TOML a colleague loads with
/// Load template… (the same template), and asks before replacing a file.
#[test]
fn the_template_in_use_is_exported_to_share_and_reads_back_the_same() {
    let (dir, mut h) = four_users();
    menu(&mut h, "Template", "Export template…");
    assert_eq!(h.state().dialog_name(), Some("export-template"));
    let out = dir.path().join("shared.toml");
    h.key_press_modifiers(eframe::egui::Modifiers::COMMAND, eframe::egui::Key::A);
    h.run_steps(1);
    type_text(&mut h, &out.display().to_string());
    press(&mut h, eframe::egui::Key::Enter);
    let written = bulksheet::Schema::from_toml(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let builtin = bulksheet::schema::builtin("miitel-update-users").unwrap();
    assert_eq!(written.columns, builtin.columns);
    assert_eq!(written.subscriptions, builtin.subscriptions);
    // A file that was there before (not one written here) is asked about.
    let theirs = write_fixture(dir.path(), "theirs.toml", "kept");
    menu(&mut h, "Template", "Export template…");
    h.key_press_modifiers(eframe::egui::Modifiers::COMMAND, eframe::egui::Key::A);
    h.run_steps(1);
    type_text(&mut h, &theirs.display().to_string());
    press(&mut h, eframe::egui::Key::Enter);
    assert_eq!(h.state().dialog_name(), Some("confirm-replace"));
    click(&mut h, "Cancel");
    assert_eq!(std::fs::read_to_string(&theirs).unwrap(), "kept");
}
