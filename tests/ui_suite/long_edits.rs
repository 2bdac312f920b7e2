//! Large edits: select all + Delete is one block step done at once (undo and redo too);
//! replace all on a large sheet runs over several frames with progress and Cancel. Each
//! ends as one undo step; Cancel leaves the sheet as it was.

use crate::ui_support::*;
use bulksheet::app::BulksheetApp;
use eframe::egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// 1,300 users × 24 columns: 31,200 cells, over the size done at once.
fn big() -> (tempfile::TempDir, Harness<'static, BulksheetApp>) {
    users(1_300)
}

fn users(n: usize) -> (tempfile::TempDir, Harness<'static, BulksheetApp>) {
    let dir = tempfile::tempdir().unwrap();
    let text = bulksheet::sample_data::miitel_csv(n, 5);
    let path = write_fixture(dir.path(), "big.csv", &text);
    let h = open(&path);
    (dir, h)
}

fn all_cells(h: &Harness<'_, BulksheetApp>) -> Vec<String> {
    let s = h.state().sheet();
    (0..s.doc().rows())
        .flat_map(|r| (0..s.doc().width()).map(move |c| s.cell(r, c).to_string()))
        .collect()
}

#[test]
fn select_all_delete_is_one_block_step_and_undoes_as_one() {
    let (_dir, mut h) = big();
    let before = all_cells(&h);
    click(&mut h, "Login ID, row 1");
    chord(&mut h, Modifiers::COMMAND, Key::A);
    h.key_press(Key::Delete);
    h.step();
    assert!(!h.state().is_busy(), "a block step is done at once");
    assert!(all_cells(&h).iter().all(String::is_empty));
    assert_eq!(h.state().sheet().history().len(), 1, "one undo step");
    assert!(matches!(
        &*h.state().sheet().history()[0],
        bulksheet::document::Edit::Block(_)
    ));
    assert_eq!(h.state().notice(), Some("Cells cleared: 31200"));

    chord(&mut h, Modifiers::COMMAND, Key::Z);
    wait_for_job(&mut h);
    assert!(all_cells(&h) == before, "every cell as before");
    assert!(!h.state().sheet().is_dirty());
    assert_eq!(h.state().notice(), Some("Undone."));

    chord(&mut h, Modifiers::COMMAND, Key::Y);
    wait_for_job(&mut h);
    assert!(all_cells(&h).iter().all(String::is_empty));
    assert_eq!(h.state().notice(), Some("Redone."));
}

/// A sheet of 30,000 users with the find bar set to replace every "@example." with
/// "@corp." in any column, searched one slice per frame; and how many cells hold it.
fn replace_ready() -> (tempfile::TempDir, Harness<'static, BulksheetApp>, usize) {
    let dir = tempfile::tempdir().unwrap();
    let text = bulksheet::sample_data::miitel_csv(30_000, 9);
    let path = write_fixture(dir.path(), "bigger.csv", &text);
    let mut h = open(&path);
    h.state_mut().one_slice_per_frame(true);
    let expected = all_cells(&h).iter().filter(|v| holds_example(v)).count();
    assert!(expected > 1_000);
    chord(&mut h, Modifiers::COMMAND, Key::H);
    chord(&mut h, Modifiers::COMMAND, Key::A);
    type_text(&mut h, "@example.");
    h.get_by_label("Replacement text").focus();
    h.run_steps(1);
    type_text(&mut h, "@corp.");
    (dir, h, expected)
}

fn holds_example(v: &str) -> bool {
    v.to_lowercase().contains("@example.")
}

#[test]
fn replace_all_on_a_large_sheet_runs_over_frames() {
    let (_dir, mut h, expected) = replace_ready();
    h.get_by_label("Replace all").click();
    h.step();
    h.step();
    assert!(h.state().is_busy(), "the search goes on over frames");
    assert!(
        all_cells(&h).iter().filter(|v| holds_example(v)).count() == expected,
        "nothing changes before the search is done"
    );
    wait_for_job(&mut h);
    let s = h.state().sheet();
    assert!(all_cells(&h).iter().all(|v| !holds_example(v)));
    assert_eq!(s.history().len(), 1);
    assert!(
        matches!(
            s.history().last().map(|e| &**e),
            Some(bulksheet::document::Edit::Block(_))
        ),
        "one block step"
    );
    assert_eq!(
        h.state().notice(),
        Some(format!("Cells replaced: {expected}").as_str())
    );
    chord(&mut h, Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert_eq!(
        all_cells(&h).iter().filter(|v| holds_example(v)).count(),
        expected,
        "undone whole"
    );
}

#[test]
fn a_cancelled_replace_all_changes_nothing() {
    let (_dir, mut h, expected) = replace_ready();
    let before = all_cells(&h);
    h.get_by_label("Replace all").click();
    h.step();
    h.step();
    assert!(h.state().is_busy());
    h.get_by_label("Cancel").click();
    h.run_steps(3);
    assert!(!h.state().is_busy(), "stopped");
    assert!(all_cells(&h) == before, "no cell changed");
    assert!(h.state().sheet().history().is_empty());
    assert_eq!(h.state().notice(), Some("Cancelled."));
    assert!(expected > 0);
}

#[test]
fn a_large_sort_runs_on_another_thread_and_can_be_cancelled() {
    let dir = tempfile::tempdir().unwrap();
    let text = bulksheet::sample_data::miitel_csv(25_000, 3);
    let path = write_fixture(dir.path(), "sorted.csv", &text);
    let mut h = open(&path);
    click(&mut h, "Login ID, row 1");
    h.state_mut().hold_sorts(true);
    menu(&mut h, "View", "Sort by this column, descending");
    assert!(
        h.query_by_label("Sorting…").is_some(),
        "the sort runs off the frame"
    );
    assert!(
        h.query_by_label("Login ID, row 1").is_some(),
        "the rows as before meanwhile"
    );
    h.state_mut().hold_sorts(false);
    let mut sorted = false;
    for _ in 0..400 {
        h.step();
        if h.query_by_label("Sorting…").is_none() {
            sorted = true;
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert!(sorted, "the sort finished");
    h.run_steps(2);
    let s = h.state().sheet();
    let top = (0..s.doc().rows())
        .max_by(|&a, &b| s.cell(a, 0).cmp(s.cell(b, 0)).then(b.cmp(&a)))
        .unwrap();
    assert!(top > 40, "the top row of the sort was off screen before");
    let top_label = format!("Login ID, row {}", top + 1);
    assert!(
        h.query_by_label(&top_label).is_some(),
        "{top_label} shown first"
    );
    assert!(h.query_by_label("Login ID, row 1").is_none() || top == 0);

    // Back to file order, then a sort cancelled before it ends keeps file order.
    click(&mut h, "File order");
    h.state_mut().hold_sorts(true);
    menu(&mut h, "View", "Sort by this column, ascending");
    assert!(h.query_by_label("Sorting…").is_some());
    click(&mut h, "Cancel sorting");
    h.state_mut().hold_sorts(false);
    h.run_steps(3);
    assert!(h.query_by_label("Sorting…").is_none());
    assert!(h.query_by_label("File order").is_none(), "no sort in force");
    assert!(
        h.query_by_label("Login ID, row 1").is_some(),
        "file order shown"
    );
}

#[test]
fn a_long_issue_list_is_built_over_frames_and_never_says_clean_meanwhile() {
    // A file with no issue; clearing it makes an issue of every row. The list is built a
    // group a frame here (a million issues take ~10 frames of ~12 ms).
    let (_dir, mut h) = users(40);
    let clean = "No issues: the file is ready to upload.";
    assert!(h.state().sheet().issues().is_empty(), "starts clean");
    assert!(h.query_by_label(clean).is_some());
    h.state_mut().one_issue_group_per_frame(true);
    click(&mut h, "Login ID, row 1");
    chord(&mut h, Modifiers::COMMAND, Key::A);
    h.key_press(Key::Delete);
    h.step();
    h.step();
    let issues = h.state().sheet().issues().len();
    assert!(issues >= 40, "{issues}");
    assert!(
        h.query_by_label_contains("Updating the list…").is_some(),
        "the new list is being built"
    );
    assert!(h.query_by_label(clean).is_none(), "never clean while it is");
    for _ in 0..200 {
        h.step();
        if h.query_by_label_contains("Updating the list…").is_none() {
            break;
        }
    }
    assert!(
        h.query_by_label_contains("Updating the list…").is_none(),
        "built"
    );
    assert!(h.query_by_label(clean).is_none());
    assert!(
        h.query_by_label("Row 1").is_some(),
        "the first row's group is listed"
    );
}
