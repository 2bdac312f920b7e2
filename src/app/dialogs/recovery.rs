//! The question asked when unsaved edits were left by a run that stopped: what restoring
//! would change, and Restore, Discard or Later.

use crate::app::command::Command;
use crate::app::file::recovery::Offer;
use crate::app::i18n::{Lang, tr};
use crate::app::theme;
use crate::journal::Preview;
use eframe::egui;
use egui::{RichText, ScrollArea};

/// The restore question: what the journal would change, and Restore, Discard, Later.
pub(crate) fn offer_body(
    ui: &mut egui::Ui,
    offer: &Offer,
    header: &[String],
    name: &str,
) -> Option<Command> {
    let lang = Lang::En;
    let mut choice = None;
    ui.heading(tr(lang, "Restore unsaved edits?"));
    ui.label(format!(
        "{} {name}",
        tr(
            lang,
            "Bulksheet stopped before these edits were saved. File:"
        )
    ));
    if offer.stale {
        ui.label(
            RichText::new(tr(
                lang,
                "The file has changed on disk since these edits were made. Check the list before restoring.",
            ))
            .color(theme::Palette::for_visuals(ui.visuals()).warning_text),
        );
    }
    match &offer.preview {
        Ok(p) => preview_list(ui, p, header),
        Err(e) => {
            ui.label(format!(
                "{} {}",
                tr(lang, "These edits cannot be restored:"),
                e.message(lang)
            ));
        }
    }
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        let can = offer.preview.is_ok();
        if ui
            .add_enabled(can, egui::Button::new(tr(lang, "Restore")))
            .clicked()
        {
            choice = Some(Command::RestoreEdits);
        }
        if ui.button(tr(lang, "Discard")).clicked() {
            choice = Some(Command::DiscardEdits);
        }
        if ui.button(tr(lang, "Later")).clicked() {
            choice = Some(Command::RestoreLater);
        }
    });
    choice
}

/// The changed cells, "Row 2, Login ID: old → new", then the row counts.
fn preview_list(ui: &mut egui::Ui, p: &Preview, header: &[String]) {
    let lang = Lang::En;
    ui.label(format!(
        "{}: {}   {}: {}   {}: {}",
        tr(lang, "Changed cells"),
        p.changes.len(),
        tr(lang, "Rows added"),
        p.rows_inserted,
        tr(lang, "Rows deleted"),
        p.rows_deleted
    ));
    ScrollArea::vertical()
        .max_height(theme::DIALOG_LIST_HEIGHT)
        .auto_shrink([false, true])
        .show_rows(ui, theme::ISSUE_ROW_HEIGHT, p.changes.len(), |ui, range| {
            for c in p.changes.get(range).unwrap_or_default() {
                let column = header.get(c.col).map_or("", String::as_str);
                ui.add(
                    egui::Label::new(format!(
                        "{} {}, {column}: {} → {}",
                        tr(lang, "Row"),
                        c.row + 1,
                        shown(lang, &c.old),
                        shown(lang, &c.new)
                    ))
                    .truncate(),
                );
            }
        });
}

/// A value as listed: a blank in words in the window's language, long ones cut.
fn shown(lang: Lang, v: &str) -> String {
    if v.is_empty() {
        return crate::app::i18n::shown(lang, v);
    }
    let mut s: String = v.chars().take(60).collect();
    if v.chars().nth(60).is_some() {
        s.push('…');
    }
    s
}

#[cfg(test)]
mod tests {
    use crate::app::i18n::japanese;

    #[test]
    fn every_recovery_label_has_a_japanese_translation() {
        let source = include_str!("recovery.rs");
        let code = source.split("#[cfg(test)]").next().unwrap_or_default();
        // Every `tr(lang, "…")` or `tr(Lang::En, "…")`, however it is wrapped.
        let labels: Vec<&str> = code
            .split("tr(")
            .skip(1)
            .filter_map(|rest| {
                let (before, after) = rest.split_once('"')?;
                let lang = before.trim().trim_end_matches(',').trim();
                matches!(lang, "lang" | "Lang::En").then_some(after.split_once('"')?.0)
            })
            .collect();
        assert!(labels.len() >= 10, "{labels:?}");
        for l in labels {
            assert!(japanese(l).is_some(), "no Japanese for {l:?}");
        }
    }
}
