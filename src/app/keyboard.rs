//! The key handler: each key pressed this frame is looked up in the command table, among
//! the bindings of the places that have the keyboard, and becomes a command. Text typed on
//! the grid becomes [`Command::Type`]; the system's copy, cut and paste events become
//! their commands.
//!
//! Nothing typed is lost, whatever arrives in one frame (a fast typist on a slow machine, a
//! remote desktop, a barcode scanner): events are taken in the order they came. Text typed
//! on the grid opens the editor with all of it before a key after it is carried out; once
//! the editor is open, a key that ends the edit waits for the next frame when text before
//! it is still to be taken in by the editor. An input method's keys stay its own: the
//! Enter that chooses a composition neither commits the cell nor moves.

use crate::app::command::Command;
use crate::app::command::table::{KEYED, Scope};
use eframe::egui::{self, Event, Id, ImeEvent, Key, KeyboardShortcut};

/// How particular a shortcut is: with egui's logical matching, Ctrl+Z also matches
/// Ctrl+Shift+Z, so the binding with the most modifiers wins.
fn weight(s: &KeyboardShortcut) -> u8 {
    let m = s.modifiers;
    u8::from(m.command || m.ctrl || m.mac_cmd) + u8::from(m.shift) + u8::from(m.alt)
}

/// The command bound to a key press where `active` has the keyboard.
fn bound(key: Key, modifiers: egui::Modifiers, active: Scope) -> Option<Command> {
    KEYED
        .iter()
        .map(|c| (c, c.entry()))
        .filter(|(_, e)| e.scope.meets(active))
        .flat_map(|(c, e)| e.keys.iter().map(move |k| (k, c)))
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

/// What the key handler keeps from one frame to the next.
#[derive(Clone, Default)]
struct Carry {
    /// Events held back for the next frame, in order: a key that ends the edit came after
    /// events the cell editor had not taken in yet.
    held: Vec<Event>,
    /// An input method is composing (its pre-edit text is not empty).
    composing: bool,
}

fn carry_id() -> Id {
    Id::unique("bulksheet-keyboard-carry")
}

/// A key the input method is using rather than the sheet: while it composes, Enter, Tab
/// and Esc choose or drop the composition; the Enter of a frame in which text was chosen
/// chose it.
fn for_the_input_method(key: Key, composing: bool, chosen_this_frame: bool) -> bool {
    match key {
        Key::Enter => composing || chosen_this_frame,
        Key::Tab | Key::Escape => composing,
        _ => false,
    }
}

/// Keys, text and the input method's events: what is read differently depending on who
/// has the keyboard.
fn is_input(e: &Event) -> bool {
    matches!(
        e,
        Event::Key { .. }
            | Event::Text(_)
            | Event::Ime(_)
            | Event::Copy
            | Event::Cut
            | Event::Paste(_)
    )
}

/// Commands that only move the selection on the grid: the keys after them are still the
/// grid's.
fn moves_only(c: &Command) -> bool {
    use Command as C;
    matches!(
        c,
        C::MoveUp
            | C::MoveDown
            | C::MoveLeft
            | C::MoveRight
            | C::ExtendUp
            | C::ExtendDown
            | C::ExtendLeft
            | C::ExtendRight
            | C::PageUp
            | C::PageDown
            | C::ExtendPageUp
            | C::ExtendPageDown
            | C::RowStart
            | C::RowEnd
            | C::ExtendRowStart
            | C::ExtendRowEnd
            | C::FirstCell
            | C::LastCell
            | C::ExtendFirstCell
            | C::ExtendLastCell
            | C::Enter
            | C::EnterUp
            | C::Tab
            | C::BackTab
    )
}

/// The frame's events turned into commands, and what is left for the widgets.
struct Reader {
    scope: Scope,
    out: Vec<Command>,
    keep: Vec<Event>,
    held: Vec<Event>,
    /// Text typed on the grid, not yet given to the editor.
    typed: String,
    /// Events left for the open editor that it has not taken in yet.
    editor_fed: bool,
    /// A command was read that may change who has the keyboard (it ends the edit, opens
    /// a list or a dialog): the keys after it wait for the next frame, read where the
    /// keyboard is then.
    unsettled: bool,
}

impl Reader {
    fn push(&mut self, c: Command) {
        let grid_only = self.scope.meets(Scope::GRID) && !self.scope.meets(Scope::EDITOR);
        self.unsettled |= !(grid_only && moves_only(&c));
        self.out.push(c);
    }

    /// Opens the editor on the selected cell with what was typed: from here on, the keys
    /// are the editor's.
    fn open_editor(&mut self) {
        self.out
            .push(Command::Type(std::mem::take(&mut self.typed)));
        self.scope = Scope::WINDOW.or(Scope::EDITOR);
    }

    fn take(&mut self, e: Event, command_held: bool, chosen_this_frame: bool, carry: &mut Carry) {
        if !self.held.is_empty() || (self.unsettled && is_input(&e)) {
            self.held.push(e);
            return;
        }
        let grid = self.scope.meets(Scope::GRID);
        let editor = self.scope.meets(Scope::EDITOR);
        match &e {
            Event::Key { key, .. }
                if (grid || editor)
                    && for_the_input_method(*key, carry.composing, chosen_this_frame) => {}
            Event::Key {
                key,
                pressed: true,
                modifiers,
                ..
            } => {
                if grid && !self.typed.is_empty() {
                    self.open_editor();
                    return self.take(e, command_held, chosen_this_frame, carry);
                }
                match bound(*key, *modifiers, self.scope) {
                    // The editor takes in what came before first.
                    Some(_) if editor && self.editor_fed => self.held.push(e),
                    Some(c) => self.push(c),
                    // Backspace on the grid with nothing typed does nothing.
                    None if grid && *key == Key::Backspace && !modifiers.command => {}
                    None => {
                        self.editor_fed |= editor;
                        self.keep.push(e);
                    }
                }
            }
            Event::Text(t) if grid && !command_held => self.typed.push_str(t),
            Event::Ime(ime) => self.take_ime(ime, e.clone(), grid, editor, carry),
            Event::Copy | Event::Cut | Event::Paste(_) if grid && !self.typed.is_empty() => {
                self.open_editor();
                self.take(e, command_held, chosen_this_frame, carry);
            }
            Event::Copy if grid => self.push(Command::Copy),
            Event::Cut if grid => self.push(Command::Cut),
            Event::Paste(text) if grid => self.push(Command::Paste(text.clone())),
            Event::Text(_) | Event::Copy | Event::Cut | Event::Paste(_) => {
                self.editor_fed |= editor;
                self.keep.push(e);
            }
            _ => self.keep.push(e),
        }
    }

    /// An input method's event: a composition on the grid opens the editor on the selected
    /// cell, where the text field shows it; chosen text on the grid is typed text.
    fn take_ime(&mut self, ime: &ImeEvent, e: Event, grid: bool, editor: bool, carry: &mut Carry) {
        match ime {
            ImeEvent::Preedit { text, .. } => carry.composing = !text.is_empty(),
            ImeEvent::Commit(_) => carry.composing = false,
            _ => {}
        }
        match ime {
            ImeEvent::Commit(text) if grid && !text.is_empty() => self.typed.push_str(text),
            ImeEvent::Preedit { text, .. } if grid && !text.is_empty() => {
                self.open_editor();
                self.editor_fed = true;
                self.keep.push(e);
            }
            _ => {
                self.editor_fed |= editor;
                self.keep.push(e);
            }
        }
    }
}

/// The commands of this frame's keys, in the order pressed; the events they came from
/// are taken out of the input, the others left for the widgets.
pub fn read(ctx: &egui::Context, active: Scope) -> Vec<Command> {
    let mut carry: Carry = ctx.data_mut(|d| d.remove_temp(carry_id()).unwrap_or_default());
    // A composition lives in the cell editor: with no editor open, none is going on (one
    // cut short by a click must not keep Enter from the sheet).
    carry.composing &= active.meets(Scope::EDITOR);
    let mut reader = Reader {
        scope: active,
        out: Vec::new(),
        keep: Vec::new(),
        held: Vec::new(),
        typed: String::new(),
        editor_fed: false,
        unsettled: false,
    };
    ctx.input_mut(|i| {
        let command_held = i.modifiers.command;
        let mut events = std::mem::take(&mut carry.held);
        events.append(&mut i.events);
        let chosen_this_frame = events
            .iter()
            .any(|e| matches!(e, Event::Ime(ImeEvent::Commit(t)) if !t.is_empty()));
        for e in events {
            reader.take(e, command_held, chosen_this_frame, &mut carry);
        }
        i.events = std::mem::take(&mut reader.keep);
    });
    if !reader.typed.is_empty() {
        reader.out.push(Command::Type(reader.typed));
    }
    if !reader.held.is_empty() {
        ctx.request_repaint();
    }
    carry.held = reader.held;
    ctx.data_mut(|d| d.insert_temp(carry_id(), carry));
    reader.out
}
