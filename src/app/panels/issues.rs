//! The list of every issue, grouped by row or by column. The list itself (places without
//! words, and group headings) is the core's `issue_groups`, built when the sheet changes,
//! over several frames when it is long; only the lines on screen are put into words, with
//! virtual scrolling, so a million issues cost a few milliseconds a frame.

use super::fix_button;
use super::issue_text::{colon, issue_message, issue_text};
use crate::app::command::Command;
use crate::app::command::help::{KeyStyle, key_text};
use crate::app::i18n::{Lang, tr, trf, ui_lang};
use crate::app::theme::{self, Palette};
use crate::issue_groups::{self, Entry, GroupTitle, GroupedIssues, Grouping};
use crate::{Issue, Severity, Sheet};
use eframe::egui;
use egui::{Button, ScrollArea, Ui};

/// A group's heading in words (in the language of the frame).
fn title_text(title: &GroupTitle, lang: Lang, sheet: &Sheet) -> String {
    match title {
        GroupTitle::HeaderAndFile => tr(lang, "Header and file").into(),
        GroupTitle::Row(r) => trf(lang, "Row {r}", &[("r", r)]),
        GroupTitle::Column(c) => sheet.validator().column_name(sheet.doc(), *c as usize),
        GroupTitle::WholeRows => tr(lang, "Whole rows and file").into(),
    }
}

/// The cached issue list.
#[derive(Debug, Default)]
pub struct IssueList {
    /// How the list is grouped.
    pub grouping: Grouping,
    /// The list shown, built in parts over frames when it is long.
    list: GroupedIssues,
    /// Places a part and time a frame, when not the usual (tests build a short list a
    /// group per frame to see the window meanwhile).
    pub pace: Option<(usize, std::time::Duration)>,
    /// Every issue in words, for the dialogs that list them, built when one asks.
    worded: Option<((u64, Lang), Vec<Issue>)>,
}

impl IssueList {
    /// Brings the list up to date within this frame's share of time; whether it is.
    fn refresh(&mut self, sheet: &Sheet) -> bool {
        let (part, budget) = self
            .pace
            .unwrap_or((issue_groups::PART, issue_groups::FRAME_BUDGET));
        self.list.refresh(sheet, self.grouping, part, budget)
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
        let mut action = None;
        // Rows wrap, so the panel can be dragged narrow without anything cut.
        ui.horizontal_wrapped(|ui| {
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
        ui.horizontal_wrapped(|ui| {
            ui.label(tr(lang, "Show:"));
            ui.selectable_value(&mut self.grouping, Grouping::Row, tr(lang, "By row"))
                .on_hover_text(tr(lang, "One group per row"));
            ui.selectable_value(&mut self.grouping, Grouping::Column, tr(lang, "By column"))
                .on_hover_text(tr(lang, "One group per column"));
            ui.separator();
            for (label, cmd) in [
                ("◀ Previous", Command::PreviousError),
                ("Next ▶", Command::NextError),
            ] {
                if ui
                    .button(tr(lang, label))
                    .on_hover_text(tip(lang, &cmd, KeyStyle::of(ui.ctx())))
                    .clicked()
                {
                    action = Some(cmd);
                }
            }
        });
        let current = self.refresh(sheet);
        if !current {
            // A long list is built over several frames; the last one stays until then.
            ui.ctx().request_repaint();
            ui.weak(tr(lang, "Updating the list…"));
        }
        ui.separator();
        if current && self.list.entries().is_empty() {
            let pal = Palette::for_visuals(ui.visuals());
            let text = tr(lang, "No issues: the file is ready to upload.");
            ui.colored_label(pal.ok_text, text);
            return action;
        }
        let pal = Palette::for_visuals(ui.visuals());
        let shown_as = self.list.grouping().unwrap_or(self.grouping);
        ScrollArea::vertical()
            .id_salt("issue-list")
            .auto_shrink(false)
            .show_rows(
                ui,
                theme::ISSUE_ENTRY_HEIGHT,
                self.list.entries().len(),
                |ui, range| {
                    let entries = self.list.entries().get(range).unwrap_or_default();
                    for entry in entries {
                        match entry {
                            Entry::Group(title) => {
                                fixed_row(ui, |ui| {
                                    ui.add(
                                        egui::Label::new(
                                            egui::RichText::new(title_text(title, lang, sheet))
                                                .strong(),
                                        )
                                        .truncate(),
                                    );
                                });
                            }
                            Entry::Issue(i) => {
                                // Put into words now: only the lines on screen are.
                                let place = self.list.places().get(*i as usize);
                                let Some(issue) = place.and_then(|p| sheet.issue_at(p, lang))
                                else {
                                    // Gone since the list shown was built: an empty line
                                    // keeps the lines' heights.
                                    fixed_row(ui, |_| {});
                                    continue;
                                };
                                let line = Line {
                                    lang,
                                    // The lines' words follow their headings.
                                    grouping: shown_as,
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
        let color = self.pal.severity_text(issue.severity);
        let here =
            issue.row > 0 && (issue.row - 1, issue.col.unwrap_or(usize::MAX)) == self.selected;
        let full = issue_text(lang, issue);
        let resp = fixed_row(ui, |ui| {
            fixed = fix_button::show(ui, sheet, issue);
            // The reason wraps onto a second line; only a longer one is cut (its hover and
            // the screen reader have it whole).
            // The button's padding and the gap before its growing space come off the
            // text's width: a line as wide as the panel would widen the panel every frame.
            let width = ui.available_width()
                - 2.0 * ui.spacing().button_padding.x
                - ui.spacing().item_spacing.x
                - 1.0;
            let text = two_lines(ui, format!("{mark} {shown}"), color, width);
            ui.add(
                // The growing space after the text keeps it at the left edge.
                Button::selectable(here, (text, egui::Atom::grow()))
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
            format!("{c}{}{message}", colon(lang))
        }
        (Grouping::Row, _, _) => message,
        (Grouping::Column, Some(_), Some(_)) => {
            let place = trf(lang, "Row {r}", &[("r", &issue.row)]);
            format!("{place}{}{message}", colon(lang))
        }
        (Grouping::Column, _, _) => issue_text(lang, issue),
    }
}

/// A button's tooltip: the command's name and its shortcut, e.g. Next error (F8).
fn tip(lang: Lang, cmd: &Command, style: KeyStyle) -> String {
    let name = tr(lang, cmd.entry().label);
    match cmd.shortcut() {
        Some(k) => format!("{name} ({})", key_text(&k, style)),
        None => name.to_string(),
    }
}

/// Text laid out on at most two lines of `width`, a longer one ended with "…".
fn two_lines(
    ui: &Ui,
    text: String,
    color: egui::Color32,
    width: f32,
) -> std::sync::Arc<egui::Galley> {
    let font = egui::TextStyle::Button.resolve(ui.style());
    let mut job = egui::text::LayoutJob::simple(text, font, color, width.max(40.0));
    job.wrap.max_rows = 2;
    job.wrap.break_anywhere = false;
    job.wrap.overflow_character = Some('…');
    ui.fonts_mut(|f| f.layout_job(job))
}

/// One line of the list, exactly as high as `show_rows` expects, left-aligned.
fn fixed_row<R>(ui: &mut Ui, add: impl FnOnce(&mut Ui) -> R) -> R {
    let size = egui::vec2(ui.available_width(), theme::ISSUE_ENTRY_HEIGHT);
    let layout = egui::Layout::left_to_right(egui::Align::Center);
    ui.allocate_ui_with_layout(size, layout, add).inner
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
