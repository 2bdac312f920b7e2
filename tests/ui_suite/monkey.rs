//! A monkey at the keyboard and mouse: thousands of random operations on the bundled sample
//! (keys, typed text in any script, clicks and double clicks anywhere below the menu bar,
//! dropdown picks) must not panic, and undoing everything gives back the original cells,
//! with an issue list equal to a full re-check and no recovery journal left.
//!
//! Deterministic: a seeded xorshift. `BULKSHEET_MONKEY_SEED` and `BULKSHEET_MONKEY_OPS`
//! override the seed and the count (e.g. for a long run).

use bulksheet::Sheet;
use bulksheet::app::{BulksheetApp, fonts};
use eframe::egui::{self, Event, Key, Modifiers, Pos2, Vec2};
use egui_kittest::Harness;

const DEFAULT_OPS: usize = 10_000;
const DEFAULT_SEED: u64 = 0x5eed_b0b5_1ced_cafe;
/// Keys and text of this many operations arrive in one frame (as when typing fast; a click
/// always gets a frame of its own): 10,000 operations then take about a minute in a debug
/// build on a shared 2-core machine, instead of several.
const OPS_PER_FRAME: usize = 2;
/// Every so often a few more frames, so dialogs, dropdowns and scrolling settle.
const SETTLE_EVERY: usize = 25;

const WINDOW: Vec2 = Vec2::new(1700.0, 900.0);
/// The menu bar and the toolbar (Open, Save, Quit, templates) are left alone: the monkey
/// must not write files or open other documents.
const BELOW_MENU: f32 = 64.0;

/// Text a user might type or an input method deliver: ASCII, CSV specials, Japanese,
/// full-width forms, half-width katakana, emoji (with joiners), combining marks.
const TEXTS: &[&str] = &[
    "a",
    "Z",
    "1",
    "0",
    "@",
    ",",
    "\"",
    " ",
    "x@example.com",
    "ボブ",
    "山田 太郎",
    "ｶﾀｶﾅ",
    "１２３",
    "＠",
    "ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏｍ",
    "😀",
    "👨‍👩‍👧",
    "é",
    "e\u{301}",
    "English",
    "日本語",
    "−",
    "¥",
    "\t",
];

const KEYS: &[Key] = &[
    Key::ArrowUp,
    Key::ArrowDown,
    Key::ArrowLeft,
    Key::ArrowRight,
    Key::Tab,
    Key::Enter,
    Key::F2,
    Key::Escape,
    Key::Delete,
    Key::Backspace,
    Key::F8,
    Key::PageDown,
    Key::PageUp,
    Key::Home,
    Key::End,
];

/// xorshift64*: tiny, deterministic, good enough to pick actions.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pos(&mut self) -> Pos2 {
        let x = self.below(WINDOW.x as usize) as f32;
        let y = BELOW_MENU + self.below((WINDOW.y - BELOW_MENU) as usize) as f32;
        Pos2::new(x, y)
    }
}

fn env_or<T: std::str::FromStr>(key: &str, default: T) -> T {
    std::env::var(key)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Events go straight into the next frame's input (the harness's `key_press`, `event` and
/// friends draw one frame per event, which made 10,000 operations take minutes).
fn push(h: &mut Harness<'_, BulksheetApp>, event: Event) {
    h.input_mut().events.push(event);
}

fn key(h: &mut Harness<'_, BulksheetApp>, key: Key, modifiers: Modifiers) {
    push(h, Event::ModifiersChanged(modifiers));
    for pressed in [true, false] {
        push(
            h,
            Event::Key {
                key,
                physical_key: None,
                pressed,
                repeat: false,
                modifiers,
            },
        );
    }
    push(h, Event::ModifiersChanged(Modifiers::NONE));
}

/// Press in one frame, release in the next (drawn with the next operation): how a real
/// click arrives.
fn click(h: &mut Harness<'_, BulksheetApp>, at: Pos2, double: bool) {
    let button = |pressed| Event::PointerButton {
        pos: at,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: Modifiers::NONE,
    };
    push(h, Event::PointerMoved(at));
    push(h, button(true));
    h.step();
    push(h, button(false));
    if double {
        h.step();
        push(h, button(true));
        h.step();
        push(h, button(false));
    }
}

/// One random operation; its events go into the next frame.
fn act(h: &mut Harness<'_, BulksheetApp>, rng: &mut Rng) {
    match rng.below(100) {
        0..=39 => {
            let k = *rng.pick(KEYS);
            let m = if rng.chance(15) {
                Modifiers::SHIFT
            } else {
                Modifiers::NONE
            };
            key(h, k, m);
        }
        40..=59 => push(h, Event::Text((*rng.pick(TEXTS)).to_string())),
        60..=64 => key(h, Key::ArrowDown, Modifiers::ALT), // open an enum dropdown
        65..=69 => {
            // Undo or redo, if the window handles them.
            let k = if rng.chance(50) { Key::Z } else { Key::Y };
            key(h, k, Modifiers::COMMAND);
        }
        70..=89 => {
            let at = rng.pos();
            click(h, at, false);
        }
        90..=95 => {
            let at = rng.pos();
            click(h, at, true);
        }
        _ => {
            let at = rng.pos();
            push(h, Event::PointerMoved(at));
            let delta = Vec2::new(0.0, rng.below(400) as f32 - 200.0);
            push(
                h,
                Event::MouseWheel {
                    unit: egui::MouseWheelUnit::Point,
                    delta,
                    phase: egui::TouchPhase::Move,
                    source: egui::MouseWheelSource::Wheel,
                    modifiers: Modifiers::NONE,
                },
            );
        }
    }
}

/// The window as the tests see it, except that a character no font has is drawn as a box,
/// as in the real window (no emoji font is bundled), instead of failing the test.
fn harness(app: BulksheetApp) -> Harness<'static, BulksheetApp> {
    let mut h = Harness::builder()
        .with_size(WINDOW)
        .with_max_steps(8)
        .allow_missing_glyphs()
        .build_eframe(move |cc| {
            fonts::install_bundled(&cc.egui_ctx);
            app.without_system_dialogs()
        });
    h.run_steps(2);
    h
}

fn cells(s: &Sheet) -> Vec<Vec<String>> {
    let d = s.doc();
    (0..d.rows())
        .map(|r| (0..d.width()).map(|c| d.cell(r, c).to_string()).collect())
        .collect()
}

#[test]
fn random_operations_never_panic_and_undo_back_to_the_original() {
    let ops: usize = env_or("BULKSHEET_MONKEY_OPS", DEFAULT_OPS);
    let seed: u64 = env_or("BULKSHEET_MONKEY_SEED", DEFAULT_SEED);
    // Journaling runs as in the real window, into a temp folder.
    let journals = tempfile::tempdir().unwrap();
    let app = BulksheetApp::sample().with_recovery_dir(journals.path().to_path_buf());
    let mut h = harness(app);
    let original = cells(h.state().sheet());
    let header = h.state().sheet().doc().header.clone();
    let mut rng = Rng(seed | 1);
    let started = std::time::Instant::now();
    let mut edits_seen = 0;
    for i in 0..ops {
        act(&mut h, &mut rng);
        if i % OPS_PER_FRAME == 0 {
            h.step();
        }
        if i % SETTLE_EVERY == 0 {
            h.run_steps(2);
        }
        edits_seen = edits_seen.max(h.state().sheet().history().len());
        assert!(
            h.state().dialog_name().is_none() || h.state().dialog_name() == Some("message"),
            "op {i} (seed {seed:#x}) opened {:?}",
            h.state().dialog_name()
        );
    }
    eprintln!(
        "monkey: {ops} ops, seed {seed:#x}, {:.1} s, up to {edits_seen} undo steps",
        started.elapsed().as_secs_f32()
    );
    assert!(edits_seen > 10, "the monkey changed almost nothing");

    // Leave any cell edit, then undo everything.
    h.key_press(Key::Escape);
    h.run_steps(2);
    let sheet = h.state_mut().sheet_mut();
    while sheet.undo() {}
    let sheet = h.state().sheet();
    assert_eq!(sheet.doc().header, header);
    assert_eq!(
        cells(sheet),
        original,
        "undoing everything gives the original"
    );
    assert!(!sheet.is_dirty());
    // The live issue list (kept up incrementally) equals a full check of the result.
    let full = Sheet::with_rules(sheet.doc().clone(), sheet.rules().clone());
    assert_eq!(sheet.issues(), full.issues());
    h.run_steps(2); // and the window still draws
    h.state_mut().write_journal_now();
    assert!(
        bulksheet::journal::Journal::pending(journals.path()).is_empty(),
        "back at the opened state, no journal is left"
    );
}
