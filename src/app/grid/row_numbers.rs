//! The row-number column: a click selects the row (Shift extends), a right click offers
//! the row operations.

use super::access::row_number_id;
use super::focus::focus_id;
use super::geometry::{Regions, visible_rows};
use super::state::GridState;
use crate::Sheet;
use crate::app::command::Command;
use crate::app::i18n::{trf, ui_lang};
use crate::app::menus::context::row_menu;
use crate::app::theme::{self, Palette};
use eframe::egui::{self, Align2, FontId, Pos2, Rect, Stroke, Ui, Vec2};

/// Draws the row numbers of the rows in view.
#[allow(clippy::too_many_arguments)]
pub fn draw_row_numbers(
    ui: &mut Ui,
    sheet: &Sheet,
    st: &mut GridState,
    reg: &Regions,
    pal: &Palette,
    vp: Rect,
    gutter: f32,
    queue: &mut Vec<Command>,
) {
    let (first, last) = visible_rows(vp, st.view().len());
    let painter = ui.painter().with_clip_rect(reg.frozen);
    let line = Stroke::new(1.0, pal.grid_line);
    let block = st.block();
    let whole_rows = block.cols.len() == st.order().len();
    for vrow in first..last {
        let Some(row) = st.view().doc_row(vrow) else {
            continue;
        };
        let rect = Rect::from_min_size(
            Pos2::new(reg.vis.left(), reg.row_top(vrow)),
            Vec2::new(gutter, theme::ROW_HEIGHT),
        );
        let bg = if whole_rows && block.rows.contains(&vrow) {
            pal.selection_fill
        } else {
            pal.header_bg
        };
        painter.rect_filled(rect, 0.0, pal.header_bg);
        painter.rect_filled(rect, 0.0, bg);
        let color = match sheet.validator().row_severity(row) {
            Some(s) => pal.severity_text(s),
            None => pal.muted_text,
        };
        painter.text(
            rect.right_center() - Vec2::new(theme::CELL_PADDING, 0.0),
            Align2::RIGHT_CENTER,
            (row + 1).to_string(),
            FontId::monospace(theme::SMALL_FONT_SIZE),
            color,
        );
        painter.line_segment([rect.right_top(), rect.right_bottom()], line);
        painter.line_segment([rect.left_bottom(), rect.right_bottom()], line);
        row_number_widget(ui, st, row, rect.intersect(reg.frozen), queue);
    }
}

/// The row number as a widget: a click selects the row (Shift extends), a right click
/// offers the row operations.
fn row_number_widget(
    ui: &mut Ui,
    st: &mut GridState,
    row: usize,
    rect: Rect,
    queue: &mut Vec<Command>,
) {
    if !rect.is_positive() {
        return;
    }
    let id = row_number_id(row);
    let resp = ui.interact(rect, id, egui::Sense::click());
    // Worded before: the context is locked while the widget's info is taken.
    let name = trf(ui_lang(ui.ctx()), "Row number {n}", &[("n", &(row + 1))]);
    resp.widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::RowHeader, true, &name));
    if resp.clicked() {
        let extend = ui.input(|i| i.modifiers.shift);
        st.select_row(row, extend);
        ui.memory_mut(|m| m.request_focus(focus_id()));
    }
    if resp.secondary_clicked() && !st.selected_rows().contains(&row) {
        st.select_row(row, false);
    }
    if let Some(c) = row_menu(&resp, ui_lang(ui.ctx())) {
        queue.push(c);
    }
}
