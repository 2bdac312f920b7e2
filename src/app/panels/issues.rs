//! The list of every issue, grouped by row or by column. It is rebuilt only when the sheet
//! changes (its revision moves), as places without words (`IssuePlace`); only the lines on
//! screen are put into words, with virtual scrolling, so a file with a million issues costs
//! tens of milliseconds per change and nothing per frame.

use super::fix_button;
use super::issue_text::{issue_message, issue_text};
use crate::app::command::Command;
use crate::app::command::help::key_text;
use crate::app::i18n::{Lang, tr, trf, ui_lang};
use crate::app::theme::{self, Palette};
use crate::validate::IssuePlace;
use crate::{Issue, Severity, Sheet};
use eframe::egui;
use egui::{Button, ScrollArea, Ui};

/// How the issue list is grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Grouping {
    /// One group per row (header and file issues first).
    #[default]
    Row,
    /// One group per column (whole-row and file issues last).
    Column,
}

/// One line of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Entry {
    Group(GroupTitle),
    Issue(usize),
}

/// A group's heading, put into words when drawn (in the language of that frame).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum GroupTitle {
    HeaderAndFile,
    Row(usize),
    /// A file column.
    Column(usize),
    WholeRows,
}

impl GroupTitle {
    fn text(&self, lang: Lang, sheet: &Sheet) -> String {
        match self {
            GroupTitle::HeaderAndFile => tr(lang, "Header and file").into(),
            GroupTitle::Row(r) => trf(lang, "Row {r}", &[("r", r)]),
            GroupTitle::Column(c) => sheet.validator().column_name(sheet.doc(), *c),
            GroupTitle::WholeRows => tr(lang, "Whole rows and file").into(),
        }
    }
}

/// The cached issue list.
#[derive(Debug, Default)]
pub struct IssueList {
    built_for: Option<(u64, Grouping, Lang)>,
    /// How the list is grouped.
    pub grouping: Grouping,
    places: Vec<IssuePlace>,
    entries: Vec<Entry>,
    /// Every issue in words, for the dialogs that list them, built when one asks.
    worded: Option<((u64, Lang), Vec<Issue>)>,
}

impl IssueList {
    /// Rebuilds the list when the sheet, the grouping or the language changed since the
    /// last call.
    pub fn refresh(&mut self, sheet: &Sheet, lang: Lang) {
        let key = (sheet.revision(), self.grouping, lang);
        if self.built_for == Some(key) {
            return;
        }
        // The lists' memory is used again: a million issues' worth is ~80 MB of pages.
        sheet.issue_places_into(&mut self.places);
        group(&self.places, self.grouping, &mut self.entries);
        self.built_for = Some(key);
    }

    /// Every issue in words (for a dialog that lists them), kept until the sheet changes.
    pub fn worded(&mut self, sheet: &Sheet, lang: Lang) -> &[Issue] {
        let key = (sheet.revision(), lang);
        if self.worded.as_ref().is_none_or(|(k, _)| *k != key) {
            self.worded = Some((key, sheet.issues_in(lang)));
        }
        self.worded
            .as_ref()
            .map_or(&[], |(_, issues)| issues.as_slice())
    }

    /// Draws the list; returns what was clicked.
    pub fn show(
        &mut self,
        ui: &mut Ui,
        sheet: &Sheet,
        selected: (usize, usize),
    ) -> Option<Command> {
        let lang = ui_lang(ui.ctx());
        self.refresh(sheet, lang);
        let mut action = None;
        ui.horizontal(|ui| {
            ui.heading(tr(lang, "Issues"));
            let pal = Palette::for_visuals(ui.visuals());
            let errors = match sheet.errors() {
                1 => tr(lang, "1 error").to_string(),
                n => trf(lang, "{n} errors", &[("n", &n)]),
            };
            ui.colored_label(pal.error_text, errors);
            let warnings = match sheet.warnings() {
                1 => tr(lang, "1 warning").to_string(),
                n => trf(lang, "{n} warnings", &[("n", &n)]),
            };
            ui.colored_label(pal.warning_text, warnings);
        });
        ui.horizontal(|ui| {
            ui.label(tr(lang, "Group by"));
            ui.selectable_value(&mut self.grouping, Grouping::Row, tr(lang, "Row"))
                .on_hover_text(tr(lang, "One group per row"));
            ui.selectable_value(&mut self.grouping, Grouping::Column, tr(lang, "Column"))
                .on_hover_text(tr(lang, "One group per column"));
            ui.separator();
            for (label, cmd) in [
                ("◀ Previous", Command::PreviousError),
                ("Next ▶", Command::NextError),
            ] {
                if ui
                    .button(tr(lang, label))
                    .on_hover_text(tip(lang, &cmd))
                    .clicked()
                {
                    action = Some(cmd);
                }
            }
        });
        self.refresh(sheet, lang);
        ui.separator();
        if self.entries.is_empty() {
            let pal = Palette::for_visuals(ui.visuals());
            let text = tr(lang, "No issues: the file is ready to upload.");
            ui.colored_label(pal.ok_text, text);
            return action;
        }
        let pal = Palette::for_visuals(ui.visuals());
        ScrollArea::vertical()
            .id_salt("issue-list")
            .auto_shrink(false)
            .show_rows(
                ui,
                theme::ISSUE_ROW_HEIGHT,
                self.entries.len(),
                |ui, range| {
                    for entry in &self.entries[range] {
                        match entry {
                            Entry::Group(title) => {
                                fixed_row(ui, |ui| {
                                    ui.add(
                                        egui::Label::new(
                                            egui::RichText::new(title.text(lang, sheet)).strong(),
                                        )
                                        .truncate(),
                                    );
                                });
                            }
                            Entry::Issue(i) => {
                                // Put into words now: only the lines on screen are.
                                let Some(issue) =
                                    self.places.get(*i).and_then(|p| sheet.issue_at(p, lang))
                                else {
                                    continue;
                                };
                                let line = Line {
                                    lang,
                                    grouping: self.grouping,
                                    selected,
                                    pal: &pal,
                                };
                                if let Some(a) = line.show(ui, sheet, &issue) {
                                    action = Some(a);
                                }
                            }
                        }
                    }
                },
            );
        action
    }
}

/// How the lines of one frame are drawn.
struct Line<'a> {
    lang: Lang,
    grouping: Grouping,
    selected: (usize, usize),
    pal: &'a Palette,
}

impl Line<'_> {
    fn show(&self, ui: &mut Ui, sheet: &Sheet, issue: &Issue) -> Option<Command> {
        let lang = self.lang;
        let mut fixed = None;
        let mark = match issue.severity {
            Severity::Error => theme::ERROR_MARK,
            Severity::Warning => theme::WARNING_MARK,
        };
        let shown = entry_text(lang, issue, self.grouping);
        let text = egui::RichText::new(format!("{mark} {shown}"))
            .color(self.pal.severity_text(issue.severity));
        let here =
            issue.row > 0 && (issue.row - 1, issue.col.unwrap_or(usize::MAX)) == self.selected;
        let full = issue_text(lang, issue);
        let resp = fixed_row(ui, |ui| {
            fixed = fix_button::show(ui, sheet, issue);
            ui.add(
                // The growing space after the text keeps it at the left edge.
                Button::selectable(here, (text, egui::Atom::grow()))
                    .truncate()
                    .min_size(egui::vec2(ui.available_width(), 0.0)),
            )
        });
        // A screen reader hears the whole issue, row and column included, as the hover
        // shows it: the heading above the line is not read with it.
        resp.widget_info(|| {
            egui::WidgetInfo::selected(egui::Role::Button, ui.is_enabled(), here, &full)
        });
        let resp = resp.on_hover_text(&full);
        if fixed.is_some() {
            return fixed;
        }
        if let Some(a) = fix_button::context_menu(&resp, sheet, issue) {
            return Some(a);
        }
        (resp.clicked() && issue.row > 0).then(|| Command::Goto {
            row: issue.row - 1,
            col: issue.col,
        })
    }
}

/// An issue as its line in the list shows it: without the row or column its group's
/// heading already names, so the narrow panel has room for the reason.
fn entry_text(lang: Lang, issue: &Issue, grouping: Grouping) -> String {
    let message = issue_message(lang, issue);
    if issue.row == 0 {
        return issue_text(lang, issue);
    }
    match (grouping, &issue.column, issue.col) {
        // Cell messages name their column ("Time zone must be …", "「Time zone」は…").
        (Grouping::Row, Some(c), _) if !message.contains(c.as_str()) => {
            format!("{c}: {message}")
        }
        (Grouping::Row, _, _) => message,
        (Grouping::Column, Some(_), Some(_)) => {
            let place = trf(lang, "Row {r}", &[("r", &issue.row)]);
            format!("{place}: {message}")
        }
        (Grouping::Column, _, _) => issue_text(lang, issue),
    }
}

/// A button's tooltip: the command's name and its shortcut, e.g. Next error (F8).
fn tip(lang: Lang, cmd: &Command) -> String {
    let name = tr(lang, cmd.entry().label);
    match cmd.shortcut() {
        Some(k) => format!("{name} ({})", key_text(&k)),
        None => name.to_string(),
    }
}

/// One line of the list, exactly as high as `show_rows` expects, left-aligned.
fn fixed_row<R>(ui: &mut Ui, add: impl FnOnce(&mut Ui) -> R) -> R {
    let size = egui::vec2(ui.available_width(), theme::ISSUE_ROW_HEIGHT);
    let layout = egui::Layout::left_to_right(egui::Align::Center);
    ui.allocate_ui_with_layout(size, layout, add).inner
}

fn group(places: &[IssuePlace], grouping: Grouping, entries: &mut Vec<Entry>) {
    entries.clear();
    entries.reserve(places.len() + 32);
    let mut current: Option<GroupTitle> = None;
    let mut add = |i: usize, place: &IssuePlace| {
        let title = group_title(place, grouping);
        if current != Some(title) {
            entries.push(Entry::Group(title));
            current = Some(title);
        }
        entries.push(Entry::Issue(i));
    };
    if grouping == Grouping::Row {
        // Places come in row order already.
        places.iter().enumerate().for_each(|(i, p)| add(i, p));
        return;
    }
    // Whole-row and file issues go last under "Rows and file".
    let mut order: Vec<usize> = (0..places.len()).collect();
    let key = |i: usize| places.get(i).map(|p| (p.col.unwrap_or(usize::MAX), p.row));
    order.sort_by_key(|&i| key(i));
    for i in order {
        if let Some(p) = places.get(i) {
            add(i, p);
        }
    }
}

fn group_title(place: &IssuePlace, grouping: Grouping) -> GroupTitle {
    match grouping {
        Grouping::Row if place.row == 0 => GroupTitle::HeaderAndFile,
        Grouping::Row => GroupTitle::Row(place.row),
        Grouping::Column => match place.col {
            Some(c) => GroupTitle::Column(c),
            None => GroupTitle::WholeRows,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::Code;

    fn issue(row: usize, column: Option<&str>, message: &str) -> Issue {
        Issue {
            row,
            column: column.map(str::to_string),
            severity: Severity::Error,
            code: Code::Required,
            message: message.into(),
            col: column.map(|_| 3),
            line: None,
        }
    }

    #[test]
    fn a_line_leaves_out_what_its_heading_says() {
        let tz = issue(9, Some("Time zone"), "Time zone must be 0 to 13");
        // A message that does not start with its column keeps the column in front.
        let other = issue(2, Some("Locale"), "needs a code");
        let whole_row = issue(4, None, "The row is blank");
        let header = issue(0, Some("Locale"), "Locale is missing");
        let cases = [
            (&tz, Grouping::Row, "Time zone must be 0 to 13"),
            (&tz, Grouping::Column, "Row 9: Time zone must be 0 to 13"),
            (&other, Grouping::Row, "Locale: needs a code"),
            (&whole_row, Grouping::Row, "The row is blank"),
            (&whole_row, Grouping::Column, "Row 4: The row is blank"),
            (&header, Grouping::Row, "Header: Locale is missing"),
            (&header, Grouping::Column, "Header: Locale is missing"),
        ];
        for (issue, grouping, want) in cases {
            assert_eq!(entry_text(Lang::En, issue, grouping), want, "{grouping:?}");
        }
    }
}
