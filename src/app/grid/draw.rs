//! The sheet on screen: a virtual grid on one scroll area. Only the visible rows and columns
//! are laid out; the header sticks to the top, the row numbers and the first schema columns
//! stick to the left, so both scroll bars sit at the window's edges. Every cell is a widget
//! with an accessible name ("Login ID, row 3") so keyboard, screen readers and tests reach it.

use super::access::{arrange, cell_id};
use super::dropdown::draw_dropdown;
use super::editor::{commit_editor, draw_editor};
use super::focus::{focus_id, hold_focus};
use super::geometry::{Geometry, Regions, visible_rows};
use super::header::draw_header;
use super::row_numbers::draw_row_numbers;
use super::state::GridState;
use super::state::cell::{CellPos, Move};
use super::words::{cell_label, cell_messages, display_value};
use crate::Sheet;
use crate::app::command::Command;
use crate::app::i18n::{tr, ui_lang};
use crate::app::menus::context::cell_menu;
use crate::app::theme::{self, Palette};
use eframe::egui::{
    Align2, FontId, Rect, Response, ScrollArea, Sense, Stroke, StrokeKind, Ui, Vec2, WidgetInfo,
    accesskit::Role,
};

/// Fits the selection and the rows shown to the sheet as it is now (before its keys are
/// carried out, and before it is drawn).
pub fn prepare(sheet: &Sheet, st: &mut GridState) {
    st.clamp(sheet.doc().rows(), sheet.doc().width());
    st.refresh_view(sheet);
    st.keep_cursor_shown();
}

/// Draws the grid; `keyboard` is false while a dialog owns the keyboard. What the user
/// did (an edit committed, a menu pick, a header click) is put on `queue`: drawing never
/// changes the sheet.
pub fn show(
    ui: &mut Ui,
    sheet: &Sheet,
    st: &mut GridState,
    keyboard: bool,
    queue: &mut Vec<Command>,
) {
    prepare(sheet, st);
    let rows = st.view().len();
    let geo = Geometry::new(st, rows, theme::row_number_width(sheet.doc().rows()));
    let mut area = ScrollArea::both().id_salt("grid").auto_shrink(false);
    // Asked once: the reveal is spent even when the cell is already in view.
    if st.viewport().width() > 0.0
        && st.take_reveal()
        && let Some((vrow, idx)) = st.screen_pos(st.selected())
    {
        let vp = st.viewport();
        let mut off = geo.offset_to_reveal(idx, vrow, vp);
        // Home and Ctrl+Home go back to the start of the row, though the first columns
        // stay in view anyway.
        if st.take_reveal_start() && vp.min.x > 0.0 {
            let mut o = off.unwrap_or(vp.min.to_vec2());
            o.x = 0.0;
            off = Some(o);
        }
        if let Some(off) = off {
            area = area.scroll_offset(off);
        }
    }
    area.show_viewport(ui, |ui, viewport| {
        st.set_viewport(viewport);
        let origin = ui.max_rect().min;
        ui.set_min_size(geo.total);
        let reg = Regions::new(origin, viewport, geo.frozen_w);
        let pal = Palette::for_visuals(ui.visuals());
        let cell = st
            .screen_pos(st.selected())
            .map(|(vrow, idx)| reg.cell_rect(&geo, idx, vrow));
        let editing = st.editor().is_some();
        hold_focus(ui, &reg, keyboard && !st.is_busy(), editing, cell);
        paint_backgrounds(ui, &reg, &pal);
        draw_cells(ui, sheet, st, &geo, &reg, &pal, viewport, queue);
        draw_row_numbers(ui, sheet, st, &reg, &pal, viewport, geo.gutter, queue);
        draw_header(ui, sheet, st, &geo, &reg, &pal, queue);
        draw_editor(ui, sheet, st, &geo, &reg, queue);
        draw_dropdown(ui, sheet, st, &geo, &reg, queue);
        arrange(ui, sheet, st, viewport);
    });
}

fn paint_backgrounds(ui: &Ui, reg: &Regions, pal: &Palette) {
    let p = ui.painter();
    p.rect_filled(reg.body, 0.0, pal.body_bg);
    p.rect_filled(reg.frozen, 0.0, pal.frozen_bg);
}

#[allow(clippy::too_many_arguments)]
fn draw_cells(
    ui: &mut Ui,
    sheet: &Sheet,
    st: &mut GridState,
    geo: &Geometry,
    reg: &Regions,
    pal: &Palette,
    vp: Rect,
    queue: &mut Vec<Command>,
) {
    let (first, last) = visible_rows(vp, st.view().len());
    let block = st.block();
    let visible_cols: Vec<usize> = (0..st.order().len())
        .filter(|&i| {
            i < geo.frozen || (geo.x[i] + geo.w[i] > vp.min.x + geo.frozen_w && geo.x[i] < vp.max.x)
        })
        .collect();
    // Scrolling columns first, frozen ones after, so the frozen ones are on top.
    for vrow in first..last {
        let Some(row) = st.view().doc_row(vrow) else {
            continue;
        };
        for &idx in visible_cols.iter().rev() {
            let pos = CellPos::new(row, st.order()[idx]);
            let rect = reg.cell_rect(geo, idx, vrow);
            let clip = reg.clip_for(geo, idx);
            let in_block = block.contains(vrow, idx);
            let resp = draw_cell(ui, sheet, st, pos, rect, clip, pal, in_block);
            if let Some(resp) = resp {
                cell_clicks(ui, sheet, st, pos, &resp, queue);
            }
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn draw_cell(
    ui: &mut Ui,
    sheet: &Sheet,
    st: &GridState,
    pos: CellPos,
    rect: Rect,
    clip: Rect,
    pal: &Palette,
    in_block: bool,
) -> Option<Response> {
    let shown = rect.intersect(clip);
    if !shown.is_positive() {
        return None;
    }
    let painter = ui.painter().with_clip_rect(shown);
    let severity = sheet.validator().cell_severity(pos.row, pos.col);
    if let Some(s) = severity {
        painter.rect_filled(rect, 0.0, pal.severity_bg(s));
    }
    let lang = ui_lang(ui.ctx());
    let text = display_value(lang, sheet, pos.row, pos.col);
    if !text.is_empty() {
        painter
            .with_clip_rect(rect.shrink2(Vec2::new(2.0, 0.0)).intersect(shown))
            .text(
                rect.left_center() + Vec2::new(theme::CELL_PADDING, 0.0),
                Align2::LEFT_CENTER,
                &text,
                FontId::proportional(theme::CELL_FONT_SIZE),
                pal.cell_text,
            );
    }
    let line = Stroke::new(1.0, pal.grid_line);
    painter.line_segment([rect.right_top(), rect.right_bottom()], line);
    painter.line_segment([rect.left_bottom(), rect.right_bottom()], line);
    if in_block && st.selected() != pos {
        painter.rect_filled(rect, 0.0, pal.selection_fill);
    }
    if st.selected() == pos {
        painter.rect_filled(rect, 0.0, pal.selection_fill);
        painter.rect_stroke(
            rect,
            0.0,
            Stroke::new(2.0, pal.selection),
            StrokeKind::Inside,
        );
    }
    let found = st.is_match(pos.col, sheet.cell(pos.row, pos.col));
    if found {
        painter.rect_stroke(
            rect.shrink(1.0),
            0.0,
            Stroke::new(2.0, pal.find_match),
            StrokeKind::Inside,
        );
    }
    let id = cell_id(pos);
    let resp = ui.interact(shown, id, Sense::click());
    if found {
        let words = tr(lang, "Matches the search");
        ui.ctx()
            .accesskit_node_builder(id, |node| node.set_description(words));
    }
    resp.widget_info(|| WidgetInfo {
        label: Some(cell_label(lang, sheet, pos.row, pos.col)),
        current_text_value: Some(text.clone()),
        selected: Some(in_block),
        ..WidgetInfo::new(Role::Cell)
    });
    let resp = if severity.is_some() {
        let messages = cell_messages(lang, sheet, pos.row, pos.col);
        resp.on_hover_ui(|ui| {
            for (s, m) in &messages {
                ui.colored_label(pal.severity_text(*s), m);
            }
        })
    } else {
        resp
    };
    Some(resp)
}

fn cell_clicks(
    ui: &Ui,
    sheet: &Sheet,
    st: &mut GridState,
    pos: CellPos,
    resp: &Response,
    queue: &mut Vec<Command>,
) {
    if resp.clicked() || resp.double_clicked() {
        if st.editor().is_some_and(|e| e.at != pos) {
            queue.extend(commit_editor(st, Move::Stay));
        }
        if st.dropdown().is_some_and(|d| d.at != pos) {
            st.close_dropdown();
        }
        if ui.input(|i| i.modifiers.shift) {
            st.extend_to(pos);
        } else {
            st.put_cursor(pos);
        }
        ui.memory_mut(|m| m.request_focus(focus_id()));
    }
    // Opened before the next frame's drawing: the grid's focus holder, drawn already this
    // frame, becomes the editor's text field.
    if resp.double_clicked() && st.editor().is_none() {
        queue.push(Command::EditCell);
    }
    if resp.secondary_clicked() && !st.in_block(pos) {
        st.put_cursor(pos);
    }
    if let Some(c) = cell_menu(resp, sheet, ui_lang(ui.ctx()), pos) {
        queue.push(c);
    }
}
