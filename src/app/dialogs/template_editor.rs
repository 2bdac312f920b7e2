//! The template editor: the file's rules (rows per upload, encodings, separator, column
//! order) and one line per column (kind, required, unique, limits, codes with labels).
//! It edits a draft; the app checks the sheet against the draft after every change.

use crate::app::command::Command;
use crate::app::i18n::{Lang, tr, trf};
use crate::app::menus::item::item_button;
use crate::app::theme;
use crate::encoding::TextEncoding;
use crate::io::Separator;
use crate::schema::{Column, EnumOption, Kind, Schema, Unique};
use eframe::egui::{self, Ui};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// The template being edited.
#[derive(Debug, Clone)]
pub struct Draft {
    /// The template as it stands.
    pub schema: Schema,
    /// Why each column is what it is, by column name (a template inferred from a file).
    pub reasons: BTreeMap<String, String>,
    /// The template the sheet was checked against before, used again on Close.
    pub before: String,
    /// Why the draft cannot be used as it stands (a schema error), worded.
    pub problem: Option<String>,
    /// Something changed this frame: the sheet is checked again.
    pub changed: bool,
    /// The column whose kind was picked this frame: its limits or codes are filled from
    /// its values.
    pub retyped: Option<usize>,
    /// Where the template was saved last, once it is.
    pub saved: Option<PathBuf>,
}

impl Draft {
    /// A draft of `schema`, the sheet's template until now being `before`.
    pub fn new(schema: Schema, before: &str) -> Draft {
        Draft {
            schema,
            reasons: BTreeMap::new(),
            before: before.to_string(),
            problem: None,
            changed: true,
            retyped: None,
            saved: None,
        }
    }
}

/// The kinds offered, with their names.
const KINDS: [&str; 4] = ["Text", "Email", "Digits", "Codes"];

fn kind_index(kind: &Kind) -> usize {
    match kind {
        Kind::Text => 0,
        Kind::Email => 1,
        Kind::Digits { .. } => 2,
        Kind::Enum { .. } => 3,
    }
}

fn kind_of_index(i: usize) -> Kind {
    match i {
        1 => Kind::Email,
        2 => Kind::Digits {
            min_digits: 1,
            max_digits: 10,
        },
        3 => Kind::Enum {
            options: Vec::new(),
        },
        _ => Kind::Text,
    }
}

/// Draws the editor window; returns Save or Close when asked.
pub fn show(ctx: &egui::Context, lang: Lang, draft: &mut Draft) -> Option<Command> {
    let mut asked = None;
    let mut open = true;
    egui::Window::new(tr(lang, "Template editor"))
        .id(egui::Id::unique("bulksheet-template-editor"))
        .open(&mut open)
        .collapsible(false)
        .resizable(true)
        .default_size([theme::TEMPLATE_EDITOR_WIDTH, theme::TEMPLATE_EDITOR_HEIGHT])
        .show(ctx, |ui| {
            let before = draft.schema.to_toml();
            names(ui, lang, &mut draft.schema);
            file_rules(ui, lang, &mut draft.schema);
            ui.separator();
            egui::ScrollArea::both()
                .max_height(theme::TEMPLATE_EDITOR_HEIGHT - 160.0)
                .show(ui, |ui| columns(ui, lang, draft));
            ui.separator();
            if let Some(p) = &draft.problem {
                let colour = theme::Palette::for_visuals(ui.visuals()).error_text;
                ui.label(egui::RichText::new(p).color(colour));
            }
            if let Some(path) = &draft.saved {
                let text = trf(lang, "Saved in {path}", &[("path", &path.display())]);
                ui.label(egui::RichText::new(text).small());
            }
            ui.horizontal(|ui| {
                for cmd in [Command::SaveTemplate, Command::CloseTemplateEditor] {
                    if item_button(ui, lang, &cmd) {
                        asked = Some(cmd);
                    }
                }
            });
            draft.changed |= draft.schema.to_toml() != before;
        });
    // Esc closes it, as every window (a text field it is typing in takes Esc first).
    if !open || crate::app::panels::help::escape_pressed(ctx) {
        asked = asked.or(Some(Command::CloseTemplateEditor));
    }
    asked
}

fn names(ui: &mut Ui, lang: Lang, s: &mut Schema) {
    ui.horizontal(|ui| {
        ui.label(tr(lang, "Name"));
        labelled_text(ui, &mut s.name, tr(lang, "Template name"), 160.0);
        ui.label(tr(lang, "Title"));
        labelled_text(ui, &mut s.title, tr(lang, "Template title"), 260.0);
    });
}

fn labelled_text(ui: &mut Ui, text: &mut String, name: &str, width: f32) -> egui::Response {
    let resp = ui.add(egui::TextEdit::singleline(text).desired_width(width));
    let name = name.to_string();
    resp.widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::TextInput, true, &name));
    resp
}

/// Rows per upload, encodings, separator, and whether the order of columns matters.
fn file_rules(ui: &mut Ui, lang: Lang, s: &mut Schema) {
    ui.horizontal_wrapped(|ui| {
        let label = tr(lang, "Rows per upload at most");
        optional_limit(ui, label, &mut s.max_rows, 100);
        ui.separator();
        ui.label(tr(lang, "Encodings:"));
        for e in TextEncoding::ALL {
            let mut on = s.encodings.contains(&e);
            if ui.checkbox(&mut on, tr(lang, e.label())).changed() {
                s.encodings.retain(|x| *x != e);
                if on {
                    s.encodings.push(e);
                }
            }
        }
        ui.separator();
        egui::ComboBox::from_label(tr(lang, "Separator"))
            .selected_text(tr(lang, s.separator.label()))
            .show_ui(ui, |ui| {
                for sep in Separator::ALL {
                    ui.selectable_value(&mut s.separator, sep, tr(lang, sep.label()));
                }
            });
        ui.separator();
        ui.checkbox(&mut s.column_order, tr(lang, "Column order matters"));
    });
}

fn columns(ui: &mut Ui, lang: Lang, draft: &mut Draft) {
    let subs: Vec<(String, String)> = draft
        .schema
        .subscriptions
        .iter()
        .map(|s| (s.id.clone(), s.label.clone()))
        .collect();
    egui::Grid::new("template-columns")
        .striped(true)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            for h in [
                "Column",
                "Kind",
                "Required",
                "Unique",
                "Limits",
                "Codes and labels",
            ] {
                ui.strong(tr(lang, h));
            }
            ui.end_row();
            for (i, c) in draft.schema.columns.iter_mut().enumerate() {
                let name = ui.label(&c.name);
                if let Some(why) = draft.reasons.get(&c.name) {
                    name.on_hover_text(why);
                }
                if kind_choice(ui, lang, i, c) {
                    draft.retyped = Some(i);
                }
                required_choice(ui, lang, i, c, &subs);
                unique_choice(ui, lang, i, c);
                limits(ui, lang, c);
                codes(ui, lang, c);
                ui.end_row();
            }
        });
}

/// The kind's combo box, named after its column for screen readers and tests; true when
/// another kind was picked.
fn kind_choice(ui: &mut Ui, lang: Lang, i: usize, c: &mut Column) -> bool {
    let current = kind_index(&c.kind);
    let mut picked = current;
    let combo = egui::ComboBox::from_id_salt(("template-kind", i))
        .selected_text(tr(lang, KINDS[current]))
        .show_ui(ui, |ui| {
            for (k, label) in KINDS.iter().enumerate() {
                ui.selectable_value(&mut picked, k, tr(lang, label));
            }
        });
    name_combo(
        &combo.response,
        trf(lang, "Kind of {column}", &[("column", &c.name)]),
    );
    if picked == current {
        return false;
    }
    c.kind = kind_of_index(picked);
    true
}

fn name_combo(resp: &egui::Response, name: String) {
    resp.widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::ComboBox, true, &name));
}

/// Always, never, or when a subscription is on.
fn required_choice(ui: &mut Ui, lang: Lang, i: usize, c: &mut Column, subs: &[(String, String)]) {
    let when = |labels: &str| trf(lang, "When {s} is on", &[("s", &labels)]);
    let shown = match (c.subscriptions.as_slice(), c.required) {
        ([], true) => tr(lang, "Always").to_string(),
        ([], false) => tr(lang, "Never").to_string(),
        (ids, _) => when(&ids.join(", ")),
    };
    let combo = egui::ComboBox::from_id_salt(("template-required", i))
        .selected_text(shown)
        .show_ui(ui, |ui| {
            if ui
                .selectable_label(c.subscriptions.is_empty() && c.required, tr(lang, "Always"))
                .clicked()
            {
                (c.required, c.subscriptions) = (true, Vec::new());
            }
            if ui
                .selectable_label(c.subscriptions.is_empty() && !c.required, tr(lang, "Never"))
                .clicked()
            {
                (c.required, c.subscriptions) = (false, Vec::new());
            }
            for (id, label) in subs {
                let on = c.subscriptions == [id.clone()];
                if ui.selectable_label(on, when(label)).clicked() {
                    c.subscriptions = vec![id.clone()];
                }
            }
        });
    name_combo(
        &combo.response,
        trf(lang, "Required: {column}", &[("column", &c.name)]),
    );
}

fn unique_choice(ui: &mut Ui, lang: Lang, i: usize, c: &mut Column) {
    let label = |u: Option<Unique>| match u {
        None => tr(lang, "No"),
        Some(Unique::Exact) => tr(lang, "Yes"),
        Some(Unique::CaseInsensitive) => tr(lang, "Yes, ignoring case"),
    };
    let combo = egui::ComboBox::from_id_salt(("template-unique", i))
        .selected_text(label(c.unique))
        .show_ui(ui, |ui| {
            for u in [None, Some(Unique::Exact), Some(Unique::CaseInsensitive)] {
                ui.selectable_value(&mut c.unique, u, label(u));
            }
        });
    name_combo(
        &combo.response,
        trf(lang, "Unique: {column}", &[("column", &c.name)]),
    );
}

/// Digits: how many; text: at most how many characters.
fn limits(ui: &mut Ui, lang: Lang, c: &mut Column) {
    ui.horizontal(|ui| match &mut c.kind {
        Kind::Digits {
            min_digits,
            max_digits,
        } => {
            ui.add(egui::DragValue::new(min_digits).range(0..=64));
            ui.label(tr(lang, "to"));
            ui.add(egui::DragValue::new(max_digits).range(0..=64));
            ui.label(tr(lang, "digits"));
        }
        Kind::Text => {
            if optional_limit(ui, tr(lang, "at most"), &mut c.max_chars, 50) {
                ui.label(tr(lang, "characters"));
            }
        }
        Kind::Email | Kind::Enum { .. } => {}
    });
}

/// A limit that may be off: a checkbox, and the number while it is on (`first` when it is
/// switched on). True while it is on.
fn optional_limit(ui: &mut Ui, label: &str, limit: &mut Option<usize>, first: usize) -> bool {
    let mut on = limit.is_some();
    ui.checkbox(&mut on, label);
    match (on, *limit) {
        (true, None) => *limit = Some(first),
        (false, Some(_)) => *limit = None,
        _ => {}
    }
    if let Some(n) = limit.as_mut() {
        ui.add(egui::DragValue::new(n).range(1..=1_000_000));
    }
    on
}

/// A code list: each code with its label, a button to drop it, and one to add a code.
fn codes(ui: &mut Ui, lang: Lang, c: &mut Column) {
    let Kind::Enum { options } = &mut c.kind else {
        ui.label("");
        return;
    };
    ui.vertical(|ui| {
        let mut drop = None;
        for (k, o) in options.iter_mut().enumerate() {
            ui.horizontal(|ui| {
                ui.add(egui::TextEdit::singleline(&mut o.code).desired_width(70.0));
                ui.add(
                    egui::TextEdit::singleline(&mut o.label)
                        .hint_text(tr(lang, "label"))
                        .desired_width(140.0),
                );
                if ui
                    .small_button(tr(lang, "Remove"))
                    .on_hover_text(tr(lang, "Remove this code"))
                    .clicked()
                {
                    drop = Some(k);
                }
            });
        }
        if let Some(k) = drop {
            options.remove(k);
        }
        if ui.small_button(tr(lang, "Add a code")).clicked() {
            options.push(EnumOption {
                code: String::new(),
                label: String::new(),
                label_ja: None,
                aliases: Vec::new(),
                folded: Vec::new(),
            });
        }
    });
}
