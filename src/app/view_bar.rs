//! The view controls: only rows with errors, only rows matching a text, and sorting by a
//! column (the arrow in each header). They change which rows the grid shows and in what
//! order, never the file.

use super::edit_menu::EditCommand;
use super::i18n::{Lang, tr};
use super::state::GridState;
use super::theme::Palette;
use crate::Sheet;
use eframe::egui;
use egui::{Align2, FontId, Id, Rect, Response, Sense, Ui, Vec2};

/// The text typed into the filter field.
#[derive(Debug, Default)]
pub struct FilterBar {
    pub text: String,
}

/// Width of the sort arrow at a header's right edge.
const ARROW_W: f32 = 18.0;

/// Room the sort arrow takes from a header's right edge: the name wraps before it.
pub const ARROW_ROOM: f32 = ARROW_W + 4.0;

/// The filter strip above the grid; returns a command when a control asks for one.
pub fn show(
    ui: &mut Ui,
    lang: Lang,
    bar: &mut FilterBar,
    sheet: &Sheet,
    st: &mut GridState,
) -> Option<EditCommand> {
    let mut cmd = None;
    ui.horizontal(|ui| {
        let mut errors_only = st.view.spec.errors_only;
        if ui
            .checkbox(&mut errors_only, tr(lang, "Only rows with errors"))
            .clicked()
        {
            cmd = Some(EditCommand::ErrorsOnly);
        }
        ui.separator();
        ui.label(tr(lang, "Filter rows:"));
        let field = ui.add(
            egui::TextEdit::singleline(&mut bar.text)
                .hint_text(tr(lang, "text in any cell"))
                .desired_width(200.0),
        );
        field.widget_info(|| {
            egui::WidgetInfo::labeled(egui::accesskit::Role::TextInput, true, "Filter rows")
        });
        if field.changed() {
            st.view.spec.text = bar.text.trim().to_string();
        }
        if let Some((col, desc)) = st.view.spec.sort {
            ui.separator();
            let name = sheet.validator().column_name(sheet.doc(), col);
            let arrow = if desc { "▼" } else { "▲" };
            ui.label(format!("{} {name} {arrow}", tr(lang, "Sorted by")));
            if ui.button(tr(lang, "File order")).clicked() {
                cmd = Some(EditCommand::Sort(None));
            }
        }
        if !st.view.spec.is_identity() {
            ui.separator();
            let pal = Palette::for_visuals(ui.visuals());
            ui.colored_label(
                pal.warning_text,
                format!(
                    "{} {} / {}",
                    tr(lang, "Showing rows:"),
                    st.view.len(),
                    sheet.doc().rows()
                ),
            );
            if ui.button(tr(lang, "Show all rows")).clicked() {
                cmd = Some(EditCommand::ClearFilters);
            }
        }
    });
    cmd
}

/// A click on a header selects its column (Shift extends); the arrow at its right edge
/// sorts the view: ascending, descending, file order.
pub fn header_controls(
    ui: &mut Ui,
    st: &mut GridState,
    col: usize,
    rect: Rect,
    clip: Rect,
    header: Option<Response>,
) {
    if let Some(resp) = &header
        && resp.clicked()
    {
        let extend = ui.input(|i| i.modifiers.shift);
        st.select_column(col, extend);
        ui.memory_mut(|m| m.request_focus(super::grid::focus_id()));
    }
    let arrow = Rect::from_min_size(
        rect.right_top() + Vec2::new(-ARROW_ROOM, 2.0),
        Vec2::new(ARROW_W, 18.0),
    );
    let shown = arrow.intersect(clip);
    if !shown.is_positive() {
        return;
    }
    let current = st.view.spec.sort.filter(|(c, _)| *c == col);
    let resp = ui.interact(shown, Id::unique(("bulksheet-sort", col)), Sense::click());
    let glyph = match current {
        Some((_, false)) => "▲",
        Some((_, true)) => "▼",
        None => "↑↓",
    };
    let pal = Palette::for_visuals(ui.visuals());
    let color = if current.is_some() || resp.hovered() {
        pal.cell_text
    } else {
        pal.muted_text
    };
    ui.painter().with_clip_rect(shown).text(
        arrow.center(),
        Align2::CENTER_CENTER,
        glyph,
        FontId::proportional(12.0),
        color,
    );
    resp.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::accesskit::Role::Button,
            true,
            format!("Sort column {}", col + 1),
        )
    });
    if resp.clicked() {
        let next = match current {
            None => Some((col, false)),
            Some((_, false)) => Some((col, true)),
            Some((_, true)) => None,
        };
        st.requests.push(EditCommand::Sort(next));
    }
}
