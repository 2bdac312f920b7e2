//! Shared set-up for the window's tests: fixtures written to a temp folder and a headless
//! harness around the real app (no display, no GPU).

#![allow(dead_code)]

use bulksheet::app::{BulksheetApp, fonts};
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::{Path, PathBuf};

pub fn header() -> String {
    bulksheet::schema::builtin("miitel-update-users")
        .expect("built-in schema")
        .columns
        .iter()
        .map(|c| c.name.clone())
        .collect::<Vec<_>>()
        .join(",")
}

/// A valid MiiTel row (no subscriptions: their columns blank).
pub fn row(login: &str, name: &str, ext: &str, locale: &str) -> String {
    format!("{login},{name},{ext},{locale},0,1,1,1,1,0,1,1,,0,,,0,,,,,,,")
}

/// The header and `n` valid users (`user0@example.com`, `User 0`, extension 1000, …),
/// each line ending in CRLF: more than one upload's worth from 101.
pub fn users_text(n: usize) -> String {
    let mut text = header() + "\r\n";
    for i in 0..n {
        let line = row(
            &format!("user{i}@example.com"),
            &format!("User {i}"),
            &format!("{}", 1000 + i),
            "0",
        );
        text.push_str(&line);
        text.push_str("\r\n");
    }
    text
}

/// Four users, two mistakes: a full-width `＠` in row 2 and a label for a code in row 3.
pub fn fixture_text() -> String {
    [
        header(),
        row("alice@example.com", "Alice", "101", "0"),
        row("bob＠example.com", "ボブ", "102", "0"),
        row("carol@example.com", "Carol", "103", "English"),
        row("dave@example.com", "Dave", "104", "1"),
    ]
    .map(|l| format!("{l}\r\n"))
    .concat()
}

pub fn write_fixture(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write fixture");
    path
}

/// The window as where no system file dialog can be shown (as in CI): the window's own
/// dialogs open at once. Tests of the system's dialogs answer for it with
/// `BulksheetApp::with_file_picker` and `harness_as_is`.
pub fn harness(app: BulksheetApp) -> Harness<'static, BulksheetApp> {
    harness_as_is(app.without_system_dialogs())
}

/// The window with the file dialogs as the app was given them.
pub fn harness_as_is(app: BulksheetApp) -> Harness<'static, BulksheetApp> {
    let mut h = Harness::builder()
        .with_size(egui::Vec2::new(1700.0, 900.0))
        .with_max_steps(8)
        .build_eframe(move |cc| {
            fonts::install_bundled(&cc.egui_ctx);
            app
        });
    h.run_steps(2);
    h
}

pub fn open(path: &Path) -> Harness<'static, BulksheetApp> {
    harness(BulksheetApp::open(path).expect("fixture opens"))
}

/// The figure shown in the status bar under a caption ("Errors", "Rows"…).
pub fn status(h: &Harness<'_, BulksheetApp>, caption: &str) -> String {
    h.get_by_label(caption).value().unwrap_or_default()
}

/// Steps until the background job is done.
pub fn wait_for_job(h: &mut Harness<'_, BulksheetApp>) {
    for _ in 0..1000 {
        h.step();
        if !h.state().is_busy() {
            h.run_steps(3);
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    panic!("the background job did not finish");
}

pub fn press(h: &mut Harness<'_, BulksheetApp>, key: egui::Key) {
    h.key_press(key);
    h.run_steps(2);
}

pub fn type_text(h: &mut Harness<'_, BulksheetApp>, text: &str) {
    h.event(egui::Event::Text(text.to_string()));
    h.run_steps(2);
}

/// Clicks a widget, then lets a dialog it opens settle (a new window is laid out once
/// before it takes its place).
pub fn click(h: &mut Harness<'_, BulksheetApp>, label: &str) {
    h.get_by_label(label).click();
    h.run_steps(4);
}

/// Focuses the text field of the dialog on screen (the filter field above the grid is a
/// text field too, so the role alone does not find it).
pub fn focus_dialog_field(h: &mut Harness<'_, BulksheetApp>) {
    use egui_kittest::kittest::by;
    h.get(
        by().role(egui::accesskit::Role::TextInput)
            .predicate(|n| n.label().as_deref() != Some("Filter rows")),
    )
    .focus();
    h.run_steps(1);
}

/// Presses a key with modifiers and lets the frame settle.
pub fn chord(h: &mut Harness<'_, BulksheetApp>, modifiers: egui::Modifiers, key: egui::Key) {
    h.key_press_modifiers(modifiers, key);
    h.run_steps(2);
}

/// Sends an event (a paste, a copy) and lets the frame settle.
pub fn send(h: &mut Harness<'_, BulksheetApp>, event: egui::Event) {
    h.event(event);
    h.run_steps(2);
}

/// Sends Copy or Cut and returns the text the window put on the clipboard that frame.
pub fn clipboard_after(h: &mut Harness<'_, BulksheetApp>, event: egui::Event) -> Option<String> {
    h.event(event);
    h.step();
    let text = h
        .output()
        .platform_output
        .commands
        .iter()
        .find_map(|c| match c {
            egui::OutputCommand::CopyText(t) => Some(t.clone()),
            _ => None,
        });
    h.run_steps(1);
    text
}

/// Picks an item from a menu of the menu bar.
pub fn menu(h: &mut Harness<'_, BulksheetApp>, menu: &str, item: &str) {
    use egui_kittest::kittest::by;
    click(h, menu);
    // A menu item's name ends with its shortcut ("Undo Ctrl+Z").
    let with_shortcut = format!("{item} ");
    h.get(by().predicate(|n| {
        n.label()
            .is_some_and(|l| l == item || l.starts_with(&with_shortcut))
    }))
    .click();
    h.run_steps(4);
}

/// Opens the fixture of four users (two mistakes) in a temp folder.
pub fn four_users() -> (tempfile::TempDir, Harness<'static, BulksheetApp>) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write_fixture(dir.path(), "users.csv", &fixture_text());
    let h = open(&path);
    (dir, h)
}

/// Every `.rs` file of the window's source (src/app and its folders), sorted.
pub fn app_source_files() -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut dirs = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src/app")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("src/app") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// Puts an event into the coming frame's input. (The harness's own queue steps one frame
/// per event; these helpers put many events into ONE frame, as a slow machine sees them.)
pub fn in_frame(h: &mut Harness<'_, BulksheetApp>, event: egui::Event) {
    h.input_mut().events.push(event);
}

/// Text as a fast typist or a barcode scanner sends it: one event per character, all in
/// the coming frame (nothing is stepped).
pub fn queue_chars(h: &mut Harness<'_, BulksheetApp>, text: &str) {
    for c in text.chars() {
        in_frame(h, egui::Event::Text(c.to_string()));
    }
}

/// A key press (down and up) in the coming frame, without stepping.
pub fn queue_key(h: &mut Harness<'_, BulksheetApp>, key: egui::Key) {
    for pressed in [true, false] {
        in_frame(
            h,
            egui::Event::Key {
                key,
                pressed,
                modifiers: egui::Modifiers::NONE,
                repeat: false,
                physical_key: None,
            },
        );
    }
}

/// An input method's pre-edit text (the composition shown before it is chosen), in the
/// coming frame.
pub fn queue_preedit(h: &mut Harness<'_, BulksheetApp>, text: &str) {
    in_frame(
        h,
        egui::Event::Ime(egui::ImeEvent::Preedit {
            text: text.to_string(),
            active_range_chars: None,
        }),
    );
}

/// An input method's chosen text, in the coming frame.
pub fn queue_commit(h: &mut Harness<'_, BulksheetApp>, text: &str) {
    in_frame(
        h,
        egui::Event::Ime(egui::ImeEvent::Commit(text.to_string())),
    );
}

/// The text in the cell editor on screen, if one is open for this cell label.
pub fn editor_text(h: &Harness<'_, BulksheetApp>, cell: &str) -> Option<String> {
    use egui_kittest::kittest::by;
    h.query(by().label(format!("Edit {cell}").as_str()))
        .map(|n| n.value().unwrap_or_default())
}

/// What a cell's description says beyond its text: its findings ("error: …"), None when
/// nothing. Where the platform's screen reader gets no value from a cell (AT-SPI: Linux
/// and the BSDs), the cell's text leads its description; that is checked here too.
pub fn cell_findings(h: &Harness<'_, BulksheetApp>, label: &str) -> Option<String> {
    use egui_kittest::kittest::NodeT;
    let node = h.get_by_label(label);
    let ak = node.accesskit_node();
    let description = ak.description();
    let value = ak.value().unwrap_or_default();
    if cfg!(any(windows, target_os = "macos")) || value.is_empty() {
        return description;
    }
    let said = description.unwrap_or_else(|| panic!("{label}: its text is not described"));
    let rest = said
        .strip_prefix(value.as_str())
        .unwrap_or_else(|| panic!("{label}: {said:?} does not start with {value:?}"));
    match rest {
        "" => None,
        rest => Some(
            rest.strip_prefix("; ")
                .or_else(|| rest.strip_prefix("；"))
                .unwrap_or(rest)
                .to_string(),
        ),
    }
}
