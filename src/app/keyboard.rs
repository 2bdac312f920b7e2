//! The key handler: each key pressed this frame is looked up in the command table, among
//! the bindings of the places that have the keyboard, and becomes a command. Text typed on
//! the grid becomes [`Command::Type`]; the system's copy, cut and paste events become
//! their commands.

use crate::app::command::Command;
use crate::app::command::table::{COMMANDS, Scope};
use eframe::egui::{self, Event, Key, KeyboardShortcut};

/// How particular a shortcut is: with egui's logical matching, Ctrl+Z also matches
/// Ctrl+Shift+Z, so the binding with the most modifiers wins.
fn weight(s: &KeyboardShortcut) -> u8 {
    let m = s.modifiers;
    u8::from(m.command || m.ctrl || m.mac_cmd) + u8::from(m.shift) + u8::from(m.alt)
}

/// The command bound to a key press where `active` has the keyboard.
fn bound(key: Key, modifiers: egui::Modifiers, active: Scope) -> Option<Command> {
    COMMANDS
        .iter()
        .filter(|e| e.scope.meets(active))
        .flat_map(|e| e.keys.iter().map(move |k| (k, &e.command)))
        .filter(|(k, _)| k.logical_key == key && modifiers.matches_logically(k.modifiers))
        .fold(
            None::<(&KeyboardShortcut, &Command)>,
            |best, (k, c)| match best {
                Some((b, _)) if weight(b) >= weight(k) => best,
                _ => Some((k, c)),
            },
        )
        .map(|(_, c)| c.clone())
}

/// The commands of this frame's keys, in the order pressed; the events they came from
/// are taken out of the input, the others left for the widgets.
pub fn read(ctx: &egui::Context, active: Scope) -> Vec<Command> {
    let grid = active.meets(Scope::GRID);
    let mut out = Vec::new();
    let mut typed = String::new();
    ctx.input_mut(|i| {
        let command_held = i.modifiers.command;
        let mut keep = Vec::with_capacity(i.events.len());
        for e in i.events.drain(..) {
            match &e {
                Event::Key {
                    key,
                    pressed: true,
                    modifiers,
                    ..
                } => match bound(*key, *modifiers, active) {
                    Some(c) => out.push(c),
                    // What was typed this frame is taken back.
                    None if grid && *key == Key::Backspace && !modifiers.command => {
                        typed.clear();
                    }
                    None => keep.push(e),
                },
                Event::Text(t) if grid && !command_held => typed.push_str(t),
                Event::Copy if grid => out.push(Command::Copy),
                Event::Cut if grid => out.push(Command::Cut),
                Event::Paste(text) if grid => out.push(Command::Paste(text.clone())),
                _ => keep.push(e),
            }
        }
        i.events = keep;
    });
    if !typed.is_empty() {
        out.push(Command::Type(typed));
    }
    out
}
