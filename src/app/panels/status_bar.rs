//! The status bar: the sheet's figures (rows, errors, warnings, encoding, separator, line
//! ending, template) and the last thing done.

use crate::Sheet;
use crate::app::command::Command;
use crate::app::i18n::{Lang, tr};
use crate::app::notice::Notice;
use crate::app::theme;
use eframe::egui::{self, Ui};

/// Draws the bar. A notice about an older state of the sheet is dropped: an edit that
/// says nothing itself must not leave "Undone." or "Opened … (24 errors)." standing. The
/// notice takes the room left, cut with "…" where it must be; hovering shows it whole
/// and a click opens the recent messages.
pub fn show(
    ui: &mut Ui,
    lang: Lang,
    sheet: &Sheet,
    notice: &mut Option<Notice>,
) -> Option<Command> {
    if notice
        .as_ref()
        .is_some_and(|n| n.is_stale(sheet.revision()))
    {
        *notice = None;
    }
    let pal = theme::Palette::for_visuals(ui.visuals());
    let doc = sheet.doc();
    let mut asked = None;
    ui.horizontal(|ui| {
        status_item(ui, tr(lang, "Rows"), doc.rows().to_string(), None);
        ui.separator();
        let errors = sheet.errors();
        let color = if errors > 0 {
            pal.error_text
        } else {
            pal.ok_text
        };
        status_item(ui, tr(lang, "Errors"), errors.to_string(), Some(color));
        ui.separator();
        let warnings = sheet.warnings();
        let color = (warnings > 0).then_some(pal.warning_text);
        status_item(ui, tr(lang, "Warnings"), warnings.to_string(), color);
        ui.separator();
        let target = sheet.rules().target;
        if let Some(book) = &doc.workbook {
            // A workbook has no encoding of its own: it is saved as CSV in the target's.
            status_item(ui, tr(lang, "Worksheet"), book.sheet.clone(), None);
            ui.separator();
        }
        let encoding = if let Some(book) = &doc.workbook {
            format!("{} → {}", book.kind.as_str(), target.label())
        } else if target == doc.meta.encoding {
            target.label().to_string()
        } else {
            format!("{} → {}", doc.meta.encoding.label(), target.label())
        };
        status_item(ui, tr(lang, "Encoding"), encoding, None);
        ui.separator();
        separator_item(ui, lang, doc.meta.separator);
        ui.separator();
        status_item(
            ui,
            tr(lang, "Line ending"),
            doc.meta.line_ending.as_str().to_string(),
            None,
        );
        ui.separator();
        let name = sheet.schema().title_in(lang).to_string();
        status_item(ui, tr(lang, "Schema"), name, None);
        ui.separator();
        let (text, color) = match notice.as_ref() {
            Some(n) if n.warning => (n.text().to_string(), pal.warning_text),
            Some(n) => (n.text().to_string(), ui.visuals().text_color()),
            None => (String::new(), ui.visuals().weak_text_color()),
        };
        let shown = egui::Label::new(egui::RichText::new(&text).color(color))
            .truncate()
            .sense(egui::Sense::click());
        let resp = ui.add(shown);
        // Named by its words, as a screen reader reads a status line.
        resp.widget_info(|| egui::WidgetInfo {
            label: Some(text.clone()),
            ..egui::WidgetInfo::new(egui::accesskit::Role::Status)
        });
        // A live region: a reader speaks each new message without moving its focus.
        ui.ctx().accesskit_node_builder(resp.id, |n| {
            n.set_live(egui::accesskit::Live::Polite);
        });
        let hint = tr(lang, "Click to see the recent messages");
        let hover = if text.is_empty() {
            hint.to_string()
        } else {
            format!("{text}\n\n{hint}")
        };
        if resp.on_hover_text(hover).clicked() {
            asked = Some(Command::Messages);
        }
    });
    asked
}

/// The file's separator, worded as the file's kind (`Tab-separated`); one the console
/// does not take is shown as a warning.
fn separator_item(ui: &mut Ui, lang: Lang, sep: crate::io::Separator) {
    let text = tr(lang, sep.label());
    let mut rich = egui::RichText::new(text);
    if sep != crate::io::Separator::Comma {
        rich = rich.color(theme::Palette::for_visuals(ui.visuals()).warning_text);
    }
    let resp = ui.label(rich);
    resp.widget_info(|| egui::WidgetInfo {
        label: Some(tr(lang, "Separator").to_string()),
        current_text_value: Some(text.to_string()),
        ..egui::WidgetInfo::new(egui::accesskit::Role::Status)
    });
}

/// A status bar entry whose accessible name is its caption and whose value is the figure.
fn status_item(ui: &mut Ui, caption: &str, value: String, color: Option<egui::Color32>) {
    let text = egui::RichText::new(format!("{caption}: {value}"));
    let text = match color {
        Some(c) => text.color(c),
        None => text,
    };
    let resp = ui.label(text);
    resp.widget_info(|| egui::WidgetInfo {
        label: Some(caption.to_string()),
        current_text_value: Some(value.clone()),
        ..egui::WidgetInfo::new(egui::accesskit::Role::Status)
    });
}
