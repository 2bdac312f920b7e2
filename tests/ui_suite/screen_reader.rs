//! The grid as a screen reader gets it (AccessKit): each cell's text, findings and place,
//! the cells under the grid row by row in screen order, the selected cell as the focus,
//! and what is said when a cell is edited. In both languages.

use crate::ui_support::*;
use bulksheet::app::i18n::Lang;
use bulksheet::app::{ANNOUNCEMENT_ID, BulksheetApp};
use eframe::egui::Key;
use eframe::egui::accesskit::{Invalid, Live, Role};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable, by};

/// The bundled sample; its row 3 has a full-width ＠ in the Login ID.
fn sample(lang: Lang) -> Harness<'static, BulksheetApp> {
    let mut app = BulksheetApp::sample();
    app.set_lang(lang);
    let mut h = harness(app);
    h.run_steps(2);
    h
}

/// A cell's findings (its description beyond its text), invalid state and value, by its
/// label.
fn cell(h: &Harness<'_, BulksheetApp>, label: &str) -> (Option<String>, bool, String) {
    let node = h.get_by_label(label);
    let ak = node.accesskit_node();
    let invalid = ak.data().invalid() == Some(Invalid::True);
    (
        cell_findings(h, label),
        invalid,
        ak.value().unwrap_or_default(),
    )
}

/// The labels of the grid's rows' members, row by row, as a reader walks them.
fn grid_rows(h: &Harness<'_, BulksheetApp>) -> Vec<Vec<String>> {
    let grid = h.get(by().role(Role::Grid));
    grid.children()
        .filter(|r| r.accesskit_node().role() == Role::Row)
        .map(|r| {
            r.children()
                .map(|c| c.accesskit_node().label().unwrap_or_default())
                .collect()
        })
        .collect()
}

/// The text of the grid's live region, if something was said.
fn said(h: &Harness<'_, BulksheetApp>) -> Vec<String> {
    h.query_all(by().role(Role::Status))
        .filter(|n| n.accesskit_node().data().author_id() == Some(ANNOUNCEMENT_ID))
        .inspect(|n| assert_eq!(n.accesskit_node().live(), Live::Polite))
        .map(|n| n.accesskit_node().label().unwrap_or_default())
        .collect()
}

#[test]
fn a_cell_reads_its_text_its_error_and_its_place() {
    let h = sample(Lang::En);
    let (description, invalid, value) = cell(&h, "Login ID, row 3");
    assert_eq!(value, "takahashi.yui＠example.co.jp");
    let description = description.expect("the error is described");
    assert!(description.starts_with("error: "), "{description}");
    assert!(description.contains('＠'), "{description}");
    assert!(invalid);
    let (description, invalid, value) = cell(&h, "Login ID, row 1");
    assert_eq!((description, invalid), (None, false));
    assert_eq!(value, "sato.hanako@example.co.jp");
    // A code column reads the code and its label, as shown.
    let (_, _, locale) = cell(&h, "Locale, row 1");
    assert!(locale.starts_with("0 "), "{locale}");
    assert!(locale.len() > 2, "{locale}");
    let node = h.get_by_label("User name, row 3");
    let data = node.accesskit_node().data();
    assert_eq!((data.row_index(), data.column_index()), (Some(3), Some(2)));
    let rows = h.state().sheet().doc().rows();
    let cols = h.state().sheet().doc().width();
    let grid = h.get(by().role(Role::Grid));
    let data = grid.accesskit_node().data();
    // The whole sheet's size (and the header row and the row numbers), not what is in view.
    assert_eq!(data.row_count(), Some(rows + 1));
    assert_eq!(data.column_count(), Some(cols + 1));
}

#[test]
fn only_the_rows_in_view_have_nodes_but_the_grid_counts_them_all() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write_fixture(dir.path(), "many.csv", &users_text(500));
    let h = open(&path);
    let in_view = grid_rows(&h).len();
    assert!((10..100).contains(&in_view), "{in_view} rows have nodes");
    let grid = h.get(by().role(Role::Grid));
    assert_eq!(grid.accesskit_node().data().row_count(), Some(501));
}

#[test]
fn cells_are_under_the_grid_row_by_row_left_to_right() {
    let h = sample(Lang::En);
    let rows = grid_rows(&h);
    let header = &rows[0];
    assert_eq!(&header[..3], ["Login ID", "User name", "Extension number"]);
    let first = &rows[1];
    assert_eq!(
        &first[..4],
        [
            "Row number 1",
            "Login ID, row 1",
            "User name, row 1",
            "Extension number, row 1"
        ]
    );
    assert!(rows[3][1] == "Login ID, row 3");
    let grid = h.get(by().role(Role::Grid));
    let roles: Vec<Role> = grid
        .children()
        .nth(1)
        .expect("row 1")
        .children()
        .map(|c| c.accesskit_node().role())
        .collect();
    assert_eq!(roles[0], Role::RowHeader);
    assert!(roles[1..].iter().all(|&r| r == Role::Cell));
    let roles: Vec<Role> = grid
        .children()
        .next()
        .expect("header row")
        .children()
        .map(|c| c.accesskit_node().role())
        .collect();
    assert!(roles.iter().all(|&r| r == Role::ColumnHeader));
    // No cell is left beside the grid.
    let cells = h.query_all(by().role(Role::Cell)).count();
    let under: usize = rows[1..].iter().map(|r| r.len() - 1).sum();
    assert_eq!(cells, under);
}

#[test]
fn moving_the_selection_moves_the_focus_to_the_cell() {
    let mut h = sample(Lang::En);
    assert!(h.get_by_label("Login ID, row 1").is_focused());
    press(&mut h, Key::ArrowDown);
    assert!(h.get_by_label("Login ID, row 2").is_focused());
    assert!(!h.get_by_label("Login ID, row 1").is_focused());
    press(&mut h, Key::Tab);
    assert!(h.get_by_label("User name, row 2").is_focused());
    // F8: the next wrong cell (row 2's extension number is used twice).
    press(&mut h, Key::F8);
    assert!(h.get_by_label("Extension number, row 2").is_focused());
}

/// Presses F8 until the focus is on `label` (a few errors come before it in the sample).
fn next_error_at(h: &mut Harness<'_, BulksheetApp>, label: &str) {
    for _ in 0..4 {
        press(h, Key::F8);
        if h.get_by_label(label).is_focused() {
            return;
        }
    }
    panic!("F8 never reached {label}");
}

#[test]
fn fixing_a_cell_is_heard() {
    let mut h = sample(Lang::En);
    next_error_at(&mut h, "Login ID, row 3");
    press(&mut h, Key::F2);
    assert_eq!(said(&h), ["editing Login ID, row 3"]);
    for _ in 0.."＠example.co.jp".chars().count() {
        press(&mut h, Key::Backspace);
    }
    type_text(&mut h, "@example.co.jp");
    press(&mut h, Key::Enter);
    assert_eq!(said(&h), ["Login ID, row 3: no errors"]);
    let (description, invalid, value) = cell(&h, "Login ID, row 3");
    assert_eq!(value, "takahashi.yui@example.co.jp");
    assert_eq!((description, invalid), (None, false));
}

#[test]
fn the_grid_reads_in_japanese() {
    let mut h = sample(Lang::Ja);
    let name = h
        .state()
        .sheet()
        .validator()
        .column_name(h.state().sheet().doc(), 0);
    let label = format!("{name}、3 行目");
    let (description, invalid, _) = cell(&h, &label);
    let description = description.expect("the error is described");
    assert!(description.starts_with("エラー："), "{description}");
    assert!(invalid);
    next_error_at(&mut h, &label);
    press(&mut h, Key::F2);
    assert_eq!(said(&h), [format!("{label} を編集中")]);
    for _ in 0.."＠example.co.jp".chars().count() {
        press(&mut h, Key::Backspace);
    }
    type_text(&mut h, "@example.co.jp");
    press(&mut h, Key::Enter);
    assert_eq!(said(&h), [format!("{label}：エラーなし")]);
    let (description, invalid, _) = cell(&h, &label);
    assert_eq!((description, invalid), (None, false));
}

#[test]
fn a_click_in_the_issue_list_focuses_its_cell() {
    let mut h = sample(Lang::En);
    h.get(
        by().role(Role::Button)
            .label_contains("has a full-width ＠"),
    )
    .click();
    h.run_steps(3);
    assert!(h.get_by_label("Login ID, row 3").is_focused());
}

#[test]
fn a_cell_in_the_selection_is_selected_not_checked() {
    let mut h = sample(Lang::En);
    press(&mut h, Key::ArrowDown);
    let node = h.get_by_label("Login ID, row 2");
    assert_eq!(node.accesskit_node().is_selected(), Some(true));
    assert_eq!(node.accesskit_node().data().toggled(), None);
    let other = h.get_by_label("Login ID, row 1");
    assert_eq!(other.accesskit_node().is_selected(), Some(false));
}

#[test]
fn while_a_cell_is_edited_its_row_is_still_in_a_table() {
    let mut h = sample(Lang::En);
    press(&mut h, Key::F2);
    assert_eq!(grid_rows(&h)[1][1], "Login ID, row 1");
    assert!(h.query_by_label("Edit Login ID, row 1").is_some());
}

#[test]
fn a_message_in_the_status_bar_is_a_live_region() {
    let mut h = sample(Lang::En);
    press(&mut h, Key::F2);
    type_text(&mut h, "x");
    press(&mut h, Key::Enter);
    chord(&mut h, eframe::egui::Modifiers::COMMAND, Key::Z);
    let notice = h.get_by_label("Undone.");
    assert_eq!(notice.accesskit_node().role(), Role::Status);
    assert_eq!(notice.accesskit_node().live(), Live::Polite);
}

#[test]
fn the_answer_enter_gives_is_the_default_button() {
    let mut h = sample(Lang::En);
    chord(&mut h, eframe::egui::Modifiers::COMMAND, Key::O);
    h.run_steps(2);
    let open = h.get_by_label("Open");
    assert_eq!(open.accesskit_node().role(), Role::DefaultButton);
    assert_eq!(
        h.get_by_label("Cancel").accesskit_node().role(),
        Role::Button
    );
}

#[test]
fn row_numbers_and_sort_buttons_are_named_in_japanese() {
    let h = sample(Lang::Ja);
    assert_eq!(grid_rows(&h)[1][0], "行番号 1");
    assert!(h.query_by_label("1 列目で並べ替え").is_some());
}

/// The controls a reader can land on in the window as it stands, that have no name.
fn unnamed_controls(h: &Harness<'_, BulksheetApp>) -> Vec<String> {
    let controls = [
        Role::Button,
        Role::DefaultButton,
        Role::CheckBox,
        Role::RadioButton,
        Role::TextInput,
        Role::ComboBox,
        Role::MenuItem,
        Role::Cell,
        Role::ColumnHeader,
        Role::RowHeader,
        Role::Slider,
        Role::Link,
        Role::Tab,
    ];
    h.root()
        .children_recursive()
        .filter(|n| controls.contains(&n.accesskit_node().role()))
        .filter(|n| {
            n.accesskit_node()
                .label()
                .is_none_or(|l| l.trim().is_empty())
        })
        .map(|n| format!("{:?}", n.accesskit_node().data()))
        .collect()
}

#[test]
fn every_control_has_a_name() {
    for lang in [Lang::En, Lang::Ja] {
        let mut h = sample(lang);
        assert_eq!(unnamed_controls(&h), Vec::<String>::new(), "{lang:?}");
        // A question on top.
        chord(&mut h, eframe::egui::Modifiers::COMMAND, Key::O);
        h.run_steps(2);
        assert_eq!(unnamed_controls(&h), Vec::<String>::new(), "{lang:?}");
    }
}

/// On AT-SPI (Linux, the BSDs) a table cell gives a screen reader only its name and
/// description: the cell's text leads the description, so Orca says "Login ID, row 3,
/// takahashi.yui＠example.co.jp; error: …", and a valid cell says its text too.
#[cfg(not(any(windows, target_os = "macos")))]
#[test]
fn on_at_spi_a_cell_says_its_text_before_its_findings() {
    let h = sample(Lang::En);
    let node = h.get_by_label("Login ID, row 3");
    let said = node.accesskit_node().description().unwrap_or_default();
    assert!(
        said.starts_with("takahashi.yui＠example.co.jp; error: Login ID has a full-width ＠"),
        "{said}"
    );
    let node = h.get_by_label("Login ID, row 1");
    assert_eq!(
        node.accesskit_node().description().as_deref(),
        Some("sato.hanako@example.co.jp")
    );
}
