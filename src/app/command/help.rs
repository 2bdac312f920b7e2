//! Shortcuts in words, and the keyboard shortcuts panel's lines read from the table.

use super::Command;
use super::table::KEYED;
use eframe::egui::{self, Key, KeyboardShortcut, ModifierNames};

/// How the system the window runs on writes shortcuts: `⇧⌘S` on a Mac, `Ctrl+Shift+S`
/// elsewhere (as egui's menus write them, through `format_shortcut`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyStyle {
    mac: bool,
}

impl KeyStyle {
    /// Windows and Linux: `Ctrl+Shift+S`.
    pub const PC: KeyStyle = KeyStyle { mac: false };
    /// macOS: `⇧⌘S`.
    pub const MAC: KeyStyle = KeyStyle { mac: true };

    /// The style of the system the window runs on.
    pub fn of(ctx: &egui::Context) -> KeyStyle {
        KeyStyle {
            mac: ctx.os().is_mac(),
        }
    }
}

/// A shortcut in words, as the system writes it ("Ctrl+Shift+Z", "⇧⌘Z").
pub fn key_text(s: &KeyboardShortcut, style: KeyStyle) -> String {
    let names = if style.mac {
        ModifierNames::SYMBOLS
    } else {
        ModifierNames::NAMES
    };
    let modifiers = names.format(&s.modifiers, style.mac);
    let joint = if modifiers.is_empty() {
        ""
    } else {
        names.concat
    };
    format!("{modifiers}{joint}{}", key_name(s.logical_key))
}

fn key_name(k: Key) -> &'static str {
    match k {
        Key::ArrowUp => "↑",
        Key::ArrowDown => "↓",
        Key::ArrowLeft => "←",
        Key::ArrowRight => "→",
        Key::PageUp => "Page Up",
        Key::PageDown => "Page Down",
        Key::Escape => "Esc",
        other => other.name(),
    }
}

fn is_arrow(k: Key) -> bool {
    matches!(
        k,
        Key::ArrowUp | Key::ArrowDown | Key::ArrowLeft | Key::ArrowRight
    )
}

/// One line of the keyboard shortcuts panel: the keys in words and what they do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpLine {
    /// "Ctrl+Shift+Z / Ctrl+Y", "↑ ↓ ← →".
    pub keys: String,
    /// What they do (English; shown through `tr`).
    pub action: &'static str,
    /// Each shortcut of the line with the command it fires.
    pub bindings: Vec<(KeyboardShortcut, Command)>,
}

/// The keyboard shortcuts panel's lines, from the table: entries next to each other with
/// the same `help` share a line.
pub fn help_lines(style: KeyStyle) -> Vec<HelpLine> {
    let mut lines: Vec<HelpLine> = Vec::new();
    for command in KEYED {
        let entry = command.entry();
        if entry.help.is_empty() {
            continue;
        }
        let bindings = entry.keys.iter().map(|k| (*k, command.clone()));
        match lines.last_mut() {
            Some(line) if line.action == entry.help => line.bindings.extend(bindings),
            _ => lines.push(HelpLine {
                keys: String::new(),
                action: entry.help,
                bindings: bindings.collect(),
            }),
        }
    }
    for line in &mut lines {
        line.keys = keys_of(&line.bindings, style);
    }
    lines
}

/// The four arrows under one modifier read "Shift+↑ ↓ ← →"; other keys are joined by " / ".
fn keys_of(bindings: &[(KeyboardShortcut, Command)], style: KeyStyle) -> String {
    let arrows = bindings.len() > 1
        && bindings
            .iter()
            .all(|(k, _)| is_arrow(k.logical_key) && k.modifiers == bindings[0].0.modifiers);
    if arrows {
        let first = key_text(&bindings[0].0, style);
        let prefix = first.trim_end_matches(key_name(bindings[0].0.logical_key));
        let names: Vec<&str> = bindings
            .iter()
            .map(|(k, _)| key_name(k.logical_key))
            .collect();
        return format!("{prefix}{}", names.join(" "));
    }
    let keys: Vec<String> = bindings.iter().map(|(k, _)| key_text(k, style)).collect();
    keys.join(" / ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_help_lines_read_as_before() {
        let lines = help_lines(KeyStyle::PC);
        let keys: Vec<&str> = lines.iter().map(|l| l.keys.as_str()).collect();
        for want in [
            "Ctrl+Shift+S",
            "Ctrl+Shift+Z / Ctrl+Y",
            "Delete",
            "Alt+↓",
            "Shift+Enter",
            "Tab / Shift+Tab",
            "Esc",
            "↑ ↓ ← →",
            "Shift+↑ ↓ ← →",
            "Page Up / Page Down",
            "Home / End",
            "Ctrl+Home / Ctrl+End",
            "F8 / Shift+F8",
            "F1",
        ] {
            assert!(keys.contains(&want), "{want} not in {keys:?}");
        }
        assert_eq!(lines.len(), 27);
    }

    #[test]
    fn a_mac_reads_the_shortcuts_as_a_mac_writes_them() {
        let lines = help_lines(KeyStyle::MAC);
        let keys: Vec<&str> = lines.iter().map(|l| l.keys.as_str()).collect();
        for want in [
            "⇧⌘S",
            "⇧⌘Z / ⌘Y",
            "⌥↓",
            "⇧Enter",
            "⇧↑ ↓ ← →",
            "⌘Home / ⌘End",
            "F1",
        ] {
            assert!(keys.contains(&want), "{want} not in {keys:?}");
        }
        assert!(
            keys.iter()
                .all(|k| !k.contains("Ctrl") && !k.contains("Alt+")),
            "{keys:?}"
        );
    }
}
