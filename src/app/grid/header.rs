//! The column headers: name, issue counts, the sort arrow and the resize handle. A click on
//! a header selects its column (Shift extends).

use super::focus::focus_id;
use super::geometry::{Geometry, Regions};
use super::state::GridState;
use super::words::{count_text, enum_options};
use crate::Sheet;
use crate::app::command::Command;
use crate::app::i18n::ui_lang;
use crate::app::theme::{self, ARROW_ROOM, Palette, SORT_ARROW_WIDTH};
use eframe::egui::{
    self, Align2, CursorIcon, FontId, Id, Pos2, Rect, Response, Sense, Stroke, Ui, Vec2,
    WidgetInfo, accesskit::Role,
};

/// Draws the headers of the columns in view, and the corner over the row numbers.
pub fn draw_header(
    ui: &mut Ui,
    sheet: &Sheet,
    st: &mut GridState,
    geo: &Geometry,
    reg: &Regions,
    pal: &Palette,
    queue: &mut Vec<Command>,
) {
    let vp_left = reg.vis.left() - reg.origin.x;
    let vp_right = reg.vis.right() - reg.origin.x;
    for idx in (0..st.order().len()).rev() {
        let scrolled = idx >= geo.frozen;
        if scrolled && (geo.x[idx] + geo.w[idx] <= vp_left + geo.frozen_w || geo.x[idx] >= vp_right)
        {
            continue;
        }
        let col = st.order()[idx];
        let rect = Rect::from_min_size(
            Pos2::new(reg.col_x(geo, idx), reg.vis.top()),
            Vec2::new(geo.w[idx], theme::HEADER_HEIGHT),
        );
        let clip = if scrolled { reg.header } else { reg.corner };
        let resp = header_cell(ui, sheet, col, rect, clip, pal);
        header_controls(ui, st, col, rect, clip, resp, queue);
        resize_handle(ui, st, col, rect, clip);
    }
    let corner = Rect::from_min_size(reg.vis.min, Vec2::new(geo.gutter, theme::HEADER_HEIGHT));
    let painter = ui.painter().with_clip_rect(reg.corner);
    painter.rect_filled(corner, 0.0, pal.header_bg);
    painter.line_segment(
        [corner.left_bottom(), corner.right_bottom()],
        Stroke::new(1.0, pal.grid_line),
    );
    // The frozen columns end with a stronger line.
    let x = reg.vis.left() + geo.frozen_w;
    ui.painter().with_clip_rect(reg.vis).line_segment(
        [Pos2::new(x, reg.vis.top()), Pos2::new(x, reg.vis.bottom())],
        Stroke::new(2.0, pal.grid_line),
    );
}

fn header_cell(
    ui: &mut Ui,
    sheet: &Sheet,
    col: usize,
    rect: Rect,
    clip: Rect,
    pal: &Palette,
) -> Option<Response> {
    let shown = rect.intersect(clip);
    if !shown.is_positive() {
        return None;
    }
    let painter = ui.painter().with_clip_rect(shown);
    painter.rect_filled(rect, 0.0, pal.header_bg);
    let line = Stroke::new(1.0, pal.grid_line);
    painter.line_segment([rect.right_top(), rect.right_bottom()], line);
    painter.line_segment([rect.left_bottom(), rect.right_bottom()], line);
    let name = sheet.doc().header.get(col).cloned().unwrap_or_default();
    let inner = rect.shrink(theme::CELL_PADDING);
    // The name stops short of the sort arrow instead of running under it.
    let mut name_rect = inner;
    name_rect.max.x = (rect.right() - ARROW_ROOM).max(inner.left());
    let mut job = egui::text::LayoutJob::simple(
        name.clone(),
        FontId::proportional(theme::HEADER_FONT_SIZE),
        pal.cell_text,
        name_rect.width(),
    );
    job.wrap.max_rows = 2;
    let galley = painter.layout_job(job);
    painter
        .with_clip_rect(name_rect.intersect(shown))
        .galley(inner.min, galley, pal.cell_text);
    let counts = sheet.validator().column_counts(col);
    let (badge, color) = match counts {
        [0, 0] => (theme::OK_MARK.to_string(), pal.ok_text),
        [0, w] => (format!("{} {w}", theme::WARNING_MARK), pal.warning_text),
        [e, _] => (format!("{} {e}", theme::ERROR_MARK), pal.error_text),
    };
    painter.text(
        inner.left_bottom(),
        Align2::LEFT_BOTTOM,
        badge,
        FontId::proportional(theme::SMALL_FONT_SIZE),
        color,
    );
    let id = Id::unique(("bulksheet-header", col));
    let resp = ui.interact(shown, id, Sense::click());
    let label = sheet.validator().column_name(sheet.doc(), col);
    let value = count_text(ui_lang(ui.ctx()), counts);
    resp.widget_info(|| WidgetInfo {
        label: Some(label.clone()),
        current_text_value: Some(value.clone()),
        ..WidgetInfo::new(Role::ColumnHeader)
    });
    let resp = resp.on_hover_ui(|ui| {
        ui.strong(&name);
        ui.label(&value);
        let options = enum_options(sheet, col);
        if !options.is_empty() {
            ui.separator();
            let lang = ui_lang(ui.ctx());
            for o in options {
                ui.label(o.display_in(lang));
            }
        }
    });
    Some(resp)
}

fn resize_handle(ui: &mut Ui, st: &mut GridState, col: usize, rect: Rect, clip: Rect) {
    let handle = Rect::from_center_size(
        rect.right_center(),
        Vec2::new(theme::RESIZE_HANDLE, rect.height()),
    )
    .intersect(clip);
    if !handle.is_positive() {
        return;
    }
    let resp = ui
        .interact(handle, Id::unique(("bulksheet-resize", col)), Sense::drag())
        .on_hover_cursor(CursorIcon::ResizeColumn);
    if resp.dragged()
        && let Some(&w) = st.widths().get(col)
    {
        st.set_width(col, w + resp.drag_delta().x);
    }
}

/// A click on a header selects its column (Shift extends); the arrow at its right edge
/// sorts the view: ascending, descending, file order.
fn header_controls(
    ui: &mut Ui,
    st: &mut GridState,
    col: usize,
    rect: Rect,
    clip: Rect,
    header: Option<Response>,
    queue: &mut Vec<Command>,
) {
    if let Some(resp) = &header
        && resp.clicked()
    {
        let extend = ui.input(|i| i.modifiers.shift);
        st.select_column(col, extend);
        ui.memory_mut(|m| m.request_focus(focus_id()));
    }
    let arrow = Rect::from_min_size(
        rect.right_top() + Vec2::new(-ARROW_ROOM, 2.0),
        Vec2::new(SORT_ARROW_WIDTH, theme::SORT_ARROW_HEIGHT),
    );
    let shown = arrow.intersect(clip);
    if !shown.is_positive() {
        return;
    }
    let current = st.spec().sort.filter(|(c, _)| *c == col);
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
        FontId::proportional(theme::SMALL_FONT_SIZE),
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
        queue.push(Command::Sort(next));
    }
}
