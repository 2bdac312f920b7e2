//! Shortcuts in words, and the keyboard shortcuts panel's lines read from the table.

use super::Command;
use super::table::COMMANDS;
use eframe::egui::{Key, KeyboardShortcut};

/// A shortcut in words, as the keyboard shortcuts panel writes it ("Ctrl+Shift+Z").
pub fn key_text(s: &KeyboardShortcut) -> String {
    let mut out = String::new();
    for (on, name) in [
        (s.modifiers.command, "Ctrl+"),
        (s.modifiers.shift, "Shift+"),
        (s.modifiers.alt, "Alt+"),
    ] {
        if on {
            out.push_str(name);
        }
    }
    out.push_str(key_name(s.logical_key));
    out
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
pub fn help_lines() -> Vec<HelpLine> {
    let mut lines: Vec<HelpLine> = Vec::new();
    for entry in COMMANDS.iter().filter(|e| !e.help.is_empty()) {
        let bindings = entry.keys.iter().map(|k| (*k, entry.command.clone()));
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
        line.keys = keys_of(&line.bindings);
    }
    lines
}

/// The four arrows under one modifier read "Shift+↑ ↓ ← →"; other keys are joined by " / ".
fn keys_of(bindings: &[(KeyboardShortcut, Command)]) -> String {
    let arrows = bindings.len() > 1
        && bindings
            .iter()
            .all(|(k, _)| is_arrow(k.logical_key) && k.modifiers == bindings[0].0.modifiers);
    if arrows {
        let first = key_text(&bindings[0].0);
        let prefix = first.trim_end_matches(key_name(bindings[0].0.logical_key));
        let names: Vec<&str> = bindings
            .iter()
            .map(|(k, _)| key_name(k.logical_key))
            .collect();
        return format!("{prefix}{}", names.join(" "));
    }
    let keys: Vec<String> = bindings.iter().map(|(k, _)| key_text(k)).collect();
    keys.join(" / ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_help_lines_read_as_before() {
        let lines = help_lines();
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
}
