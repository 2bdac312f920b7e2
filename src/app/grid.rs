//! The sheet on screen: a virtual grid on one scroll area. Only the visible rows and columns
//! are laid out; the header sticks to the top, the row numbers and the first schema columns
//! stick to the left, so both scroll bars sit at the window's edges. Every cell is a widget
//! with an accessible name ("Login ID, row 3") so keyboard, screen readers and tests reach it.

use super::i18n::{Lang, tr, trf, ui_lang};
use super::state::{CellEditor, CellPos, Dropdown, GridState, Move};
use super::theme::{self, Palette};
use crate::schema::{EnumOption, Kind};
use crate::{Severity, Sheet};
use eframe::egui;
use egui::{
    Align2, Area, CursorIcon, Event, EventFilter, FontId, Id, Key, Modifiers, Order, Pos2, Rect,
    Response, ScrollArea, Sense, Stroke, StrokeKind, Ui, Vec2, WidgetInfo, accesskit::Role,
};

/// The id of the grid's keyboard focus holder.
pub fn focus_id() -> Id {
    Id::unique("bulksheet-grid-focus")
}

/// The id of the text field that edits a cell.
pub fn editor_id() -> Id {
    Id::unique("bulksheet-cell-editor")
}

/// The kind of a file column when the schema knows it.
pub fn column_kind(sheet: &Sheet, col: usize) -> Option<&Kind> {
    let rules = sheet.rules();
    let s = rules.binding.schema_of.get(col).copied().flatten()?;
    rules.schema.columns.get(s).map(|c| &c.kind)
}

fn enum_options(sheet: &Sheet, col: usize) -> &[EnumOption] {
    column_kind(sheet, col).map_or(&[], Kind::options)
}

/// What a cell shows: `1 — English` for a known code (its label in the window's
/// language), the raw text otherwise (an invalid value stays visible until it is replaced).
pub fn display_value(lang: Lang, sheet: &Sheet, row: usize, col: usize) -> String {
    let value = sheet.cell(row, col);
    match column_kind(sheet, col).and_then(|k| k.option_for_code(value)) {
        Some(option) => option.display_in(lang),
        None => value.to_string(),
    }
}

/// The accessible name of a cell (rows counted from 1, as in the issue list).
pub fn cell_label(lang: Lang, sheet: &Sheet, row: usize, col: usize) -> String {
    let name = sheet.validator().column_name(sheet.doc(), col);
    trf(
        lang,
        "{name}, row {r}",
        &[("name", &name), ("r", &(row + 1))],
    )
}

/// Every message of a cell, for its tooltip.
pub fn cell_messages(lang: Lang, sheet: &Sheet, row: usize, col: usize) -> Vec<(Severity, String)> {
    let v = sheet.validator();
    v.cell_findings(row, col)
        .iter()
        .map(|f| (f.severity, v.message_in(lang, sheet.doc(), row, col, f)))
        .collect()
}

/// Header text for a column's counts: "2 errors, 1 warning" or "no errors".
pub fn count_text(lang: Lang, counts: [usize; 2]) -> String {
    let errors = |n: usize| match n {
        1 => tr(lang, "1 error").to_string(),
        n => trf(lang, "{n} errors", &[("n", &n)]),
    };
    let warnings = |n: usize| match n {
        1 => tr(lang, "1 warning").to_string(),
        n => trf(lang, "{n} warnings", &[("n", &n)]),
    };
    match counts {
        [0, 0] => tr(lang, "no errors").into(),
        [e, 0] => errors(e),
        [0, w] => warnings(w),
        [e, w] => format!("{}, {}", errors(e), warnings(w)),
    }
}

/// Where things are, in content coordinates.
struct Geometry {
    /// Content x of each screen column.
    x: Vec<f32>,
    /// Width of each screen column.
    w: Vec<f32>,
    frozen: usize,
    frozen_w: f32,
    total: Vec2,
    /// Width of the row-number column.
    gutter: f32,
}

impl Geometry {
    /// `gutter`: the row-number column's width.
    fn new(st: &GridState, rows: usize, gutter: f32) -> Self {
        let mut x = Vec::with_capacity(st.order.len());
        let mut w = Vec::with_capacity(st.order.len());
        let mut at = gutter;
        for &c in &st.order {
            let width = st.widths.get(c).copied().unwrap_or(100.0);
            x.push(at);
            w.push(width);
            at += width;
        }
        let frozen_w = x.get(st.frozen).copied().unwrap_or(at);
        Geometry {
            x,
            w,
            frozen: st.frozen,
            frozen_w,
            total: Vec2::new(at, theme::HEADER_HEIGHT + rows as f32 * theme::ROW_HEIGHT),
            gutter,
        }
    }

    fn row_y(row: usize) -> f32 {
        theme::HEADER_HEIGHT + row as f32 * theme::ROW_HEIGHT
    }

    /// The scroll offset that brings a cell fully into view, if it is not.
    fn offset_to_reveal(&self, idx: usize, row: usize, vp: Rect) -> Option<Vec2> {
        let mut off = vp.min.to_vec2();
        let y = Self::row_y(row);
        if y < vp.min.y + theme::HEADER_HEIGHT {
            off.y = y - theme::HEADER_HEIGHT;
        } else if y + theme::ROW_HEIGHT + theme::SCROLL_BAR_ROOM > vp.max.y {
            off.y = y + theme::ROW_HEIGHT + theme::SCROLL_BAR_ROOM - vp.height();
        }
        if idx >= self.frozen
            && let (Some(&x), Some(&w)) = (self.x.get(idx), self.w.get(idx))
        {
            if x < vp.min.x + self.frozen_w {
                off.x = x - self.frozen_w;
            } else if x + w + theme::SCROLL_BAR_ROOM > vp.max.x {
                off.x = (x + w + theme::SCROLL_BAR_ROOM - vp.width()).min(x - self.frozen_w);
            }
        }
        // Never past the end: the scroll area springs back from there, and at a million
        // rows (22 million points) the spring never settles in f32, so it repainted forever.
        let end = (self.total - vp.size()).max(Vec2::ZERO);
        (off != vp.min.to_vec2()).then_some(off.clamp(Vec2::ZERO, end))
    }
}

/// The screen regions of one frame.
struct Regions {
    /// Content origin on screen.
    origin: Pos2,
    /// The visible part of the grid on screen.
    vis: Rect,
    body: Rect,
    frozen: Rect,
    header: Rect,
    corner: Rect,
}

impl Regions {
    fn new(origin: Pos2, vp: Rect, frozen_w: f32) -> Self {
        let vis = vp.translate(origin.to_vec2());
        let split_x = (vis.left() + frozen_w).min(vis.right());
        let split_y = (vis.top() + theme::HEADER_HEIGHT).min(vis.bottom());
        Regions {
            origin,
            vis,
            body: Rect::from_min_max(Pos2::new(split_x, split_y), vis.max),
            frozen: Rect::from_min_max(
                Pos2::new(vis.left(), split_y),
                Pos2::new(split_x, vis.bottom()),
            ),
            header: Rect::from_min_max(
                Pos2::new(split_x, vis.top()),
                Pos2::new(vis.right(), split_y),
            ),
            corner: Rect::from_min_max(vis.min, Pos2::new(split_x, split_y)),
        }
    }

    /// A screen column's left edge on screen: frozen ones ignore horizontal scrolling.
    fn col_x(&self, g: &Geometry, idx: usize) -> f32 {
        if idx < g.frozen {
            self.vis.left() + g.x[idx]
        } else {
            self.origin.x + g.x[idx]
        }
    }

    fn row_top(&self, row: usize) -> f32 {
        self.origin.y + Geometry::row_y(row)
    }

    fn cell_rect(&self, g: &Geometry, idx: usize, row: usize) -> Rect {
        Rect::from_min_size(
            Pos2::new(self.col_x(g, idx), self.row_top(row)),
            Vec2::new(g.w[idx], theme::ROW_HEIGHT),
        )
    }

    fn clip_for(&self, g: &Geometry, idx: usize) -> Rect {
        if idx < g.frozen {
            self.frozen
        } else {
            self.body
        }
    }
}

/// Draws the grid and applies the user's edits to the sheet. `keyboard` is false while a
/// dialog or another text field owns the keyboard.
pub fn show(ui: &mut Ui, sheet: &mut Sheet, st: &mut GridState, keyboard: bool) {
    st.clamp(sheet.doc().rows(), sheet.doc().width());
    st.view.refresh(sheet);
    st.keep_cursor_shown();
    if keyboard {
        handle_keys(ui, sheet, st);
        st.view.refresh(sheet);
    }
    let rows = st.view.len();
    let geo = Geometry::new(st, rows, theme::row_number_width(sheet.doc().rows()));
    let mut area = ScrollArea::both().id_salt("grid").auto_shrink(false);
    if st.reveal && st.viewport.width() > 0.0 {
        if let Some((vrow, idx)) = st.screen_pos(st.selected)
            && let Some(off) = geo.offset_to_reveal(idx, vrow, st.viewport)
        {
            area = area.scroll_offset(off);
        }
        st.reveal = false;
    }
    area.show_viewport(ui, |ui, viewport| {
        st.viewport = viewport;
        let origin = ui.max_rect().min;
        ui.set_min_size(geo.total);
        let reg = Regions::new(origin, viewport, geo.frozen_w);
        let pal = Palette::for_visuals(ui.visuals());
        hold_focus(ui, &reg, keyboard && !st.is_busy());
        paint_backgrounds(ui, &reg, &pal);
        draw_cells(ui, sheet, st, &geo, &reg, &pal, viewport);
        draw_row_numbers(ui, sheet, st, &reg, &pal, viewport, geo.gutter);
        draw_header(ui, sheet, st, &geo, &reg, &pal);
        draw_editor(ui, sheet, st, &geo, &reg);
        draw_dropdown(ui, sheet, st, &geo, &reg);
    });
}

/// Keeps the keyboard on the grid (so Tab and arrows move the selection, not the focus).
fn hold_focus(ui: &mut Ui, reg: &Regions, active: bool) {
    let id = focus_id();
    let resp = ui.interact(reg.vis, id, Sense::focusable_noninteractive());
    let name = tr(ui_lang(ui.ctx()), "Sheet");
    resp.widget_info(|| WidgetInfo::labeled(Role::Grid, true, name));
    if !active {
        return;
    }
    let focused = ui.memory(|m| m.focused());
    if focused.is_none() || focused == Some(id) {
        ui.memory_mut(|m| {
            m.request_focus(id);
            m.set_focus_lock_filter(
                id,
                EventFilter {
                    tab: true,
                    horizontal_arrows: true,
                    vertical_arrows: true,
                    escape: true,
                },
            );
        });
    }
}

fn paint_backgrounds(ui: &Ui, reg: &Regions, pal: &Palette) {
    let p = ui.painter();
    p.rect_filled(reg.body, 0.0, pal.body_bg);
    p.rect_filled(reg.frozen, 0.0, pal.frozen_bg);
}

fn draw_cells(
    ui: &mut Ui,
    sheet: &mut Sheet,
    st: &mut GridState,
    geo: &Geometry,
    reg: &Regions,
    pal: &Palette,
    vp: Rect,
) {
    let (first, last) = visible_rows(vp, st.view.len());
    let block = st.block();
    let visible_cols: Vec<usize> = (0..st.order.len())
        .filter(|&i| {
            i < geo.frozen || (geo.x[i] + geo.w[i] > vp.min.x + geo.frozen_w && geo.x[i] < vp.max.x)
        })
        .collect();
    // Scrolling columns first, frozen ones after, so the frozen ones are on top.
    for vrow in first..last {
        let Some(row) = st.view.doc_row(vrow) else {
            continue;
        };
        for &idx in visible_cols.iter().rev() {
            let pos = CellPos::new(row, st.order[idx]);
            let rect = reg.cell_rect(geo, idx, vrow);
            let clip = reg.clip_for(geo, idx);
            let in_block = block.contains(vrow, idx);
            let resp = draw_cell(ui, sheet, st, pos, rect, clip, pal, in_block);
            if let Some(resp) = resp {
                cell_clicks(ui, sheet, st, pos, &resp);
            }
        }
    }
}

fn visible_rows(vp: Rect, rows: usize) -> (usize, usize) {
    let first = (vp.min.y / theme::ROW_HEIGHT).floor().max(0.0) as usize;
    let last = ((vp.max.y - theme::HEADER_HEIGHT) / theme::ROW_HEIGHT)
        .ceil()
        .max(0.0) as usize;
    (first.min(rows), last.min(rows))
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
                FontId::proportional(13.0),
                pal.cell_text,
            );
    }
    let line = Stroke::new(1.0, pal.grid_line);
    painter.line_segment([rect.right_top(), rect.right_bottom()], line);
    painter.line_segment([rect.left_bottom(), rect.right_bottom()], line);
    if in_block && st.selected != pos {
        painter.rect_filled(rect, 0.0, pal.selection_fill);
    }
    if st.selected == pos {
        painter.rect_filled(rect, 0.0, pal.selection_fill);
        painter.rect_stroke(
            rect,
            0.0,
            Stroke::new(2.0, pal.selection),
            StrokeKind::Inside,
        );
    }
    let id = Id::unique(("bulksheet-cell", pos.row, pos.col));
    let resp = ui.interact(shown, id, Sense::click());
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

fn cell_clicks(ui: &Ui, sheet: &mut Sheet, st: &mut GridState, pos: CellPos, resp: &Response) {
    if resp.clicked() || resp.double_clicked() {
        if st.editor.as_ref().is_some_and(|e| e.at != pos) {
            commit_editor(sheet, st, Move::Stay);
        }
        if st.dropdown.as_ref().is_some_and(|d| d.at != pos) {
            st.dropdown = None;
        }
        if ui.input(|i| i.modifiers.shift) {
            st.extend_to(pos);
        } else {
            st.selected = pos;
            st.anchor = None;
        }
        ui.memory_mut(|m| m.request_focus(focus_id()));
    }
    if resp.double_clicked() && st.editor.is_none() {
        begin_edit(sheet, st, None);
    }
    if resp.secondary_clicked() && !st.in_block(pos) {
        st.selected = pos;
        st.anchor = None;
    }
    super::edit_menu::cell_context_menu(resp.clone(), sheet, st, pos);
}

fn draw_row_numbers(
    ui: &mut Ui,
    sheet: &Sheet,
    st: &mut GridState,
    reg: &Regions,
    pal: &Palette,
    vp: Rect,
    gutter: f32,
) {
    let (first, last) = visible_rows(vp, st.view.len());
    let painter = ui.painter().with_clip_rect(reg.frozen);
    let line = Stroke::new(1.0, pal.grid_line);
    let block = st.block();
    let whole_rows = block.cols.len() == st.order.len();
    for vrow in first..last {
        let Some(row) = st.view.doc_row(vrow) else {
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
            FontId::monospace(12.0),
            color,
        );
        painter.line_segment([rect.right_top(), rect.right_bottom()], line);
        painter.line_segment([rect.left_bottom(), rect.right_bottom()], line);
        super::edit_menu::row_number_widget(ui, st, row, rect.intersect(reg.frozen));
    }
}

fn draw_header(
    ui: &mut Ui,
    sheet: &Sheet,
    st: &mut GridState,
    geo: &Geometry,
    reg: &Regions,
    pal: &Palette,
) {
    let vp_left = reg.vis.left() - reg.origin.x;
    let vp_right = reg.vis.right() - reg.origin.x;
    for idx in (0..st.order.len()).rev() {
        let scrolled = idx >= geo.frozen;
        if scrolled && (geo.x[idx] + geo.w[idx] <= vp_left + geo.frozen_w || geo.x[idx] >= vp_right)
        {
            continue;
        }
        let col = st.order[idx];
        let rect = Rect::from_min_size(
            Pos2::new(reg.col_x(geo, idx), reg.vis.top()),
            Vec2::new(geo.w[idx], theme::HEADER_HEIGHT),
        );
        let clip = if scrolled { reg.header } else { reg.corner };
        let resp = header_cell(ui, sheet, col, rect, clip, pal);
        super::view_bar::header_controls(ui, st, col, rect, clip, resp);
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
    name_rect.max.x = (rect.right() - super::view_bar::ARROW_ROOM).max(inner.left());
    let mut job = egui::text::LayoutJob::simple(
        name.clone(),
        FontId::proportional(12.5),
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
        FontId::proportional(12.0),
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
        && let Some(w) = st.widths.get_mut(col)
    {
        *w = (*w + resp.drag_delta().x).max(theme::MIN_COLUMN_WIDTH);
        if let Some(c) = st.chosen.get_mut(col) {
            *c = true;
        }
    }
}

// ---- editing ---------------------------------------------------------------------------

/// Starts editing the selected cell: with `typed` text replacing the value, or (F2, double
/// click) with the value itself; enum cells open their dropdown instead.
pub fn begin_edit(sheet: &Sheet, st: &mut GridState, typed: Option<String>) {
    let at = st.selected;
    if at.row >= sheet.doc().rows() || at.col >= sheet.doc().width() {
        return;
    }
    let options = enum_options(sheet, at.col);
    if typed.is_none() && !options.is_empty() {
        // A label typed for a code ("English") points at the code it stands for.
        let value = sheet.cell(at.row, at.col);
        let code = column_kind(sheet, at.col)
            .and_then(|k| k.code_for_label(value))
            .unwrap_or(value);
        let highlight = options.iter().position(|o| o.code == code).unwrap_or(0);
        st.dropdown = Some(Dropdown {
            at,
            highlight,
            fresh: true,
        });
        return;
    }
    let text = typed.unwrap_or_else(|| sheet.cell(at.row, at.col).to_string());
    st.editor = Some(CellEditor {
        at,
        text,
        fresh: true,
    });
    st.reveal = true;
}

/// Writes the editor's text into the sheet and moves on.
pub fn commit_editor(sheet: &mut Sheet, st: &mut GridState, then: Move) {
    if let Some(ed) = st.editor.take() {
        sheet.set_cell(ed.at.row, ed.at.col, &ed.text);
    }
    after_commit(st, then);
}

fn after_commit(st: &mut GridState, then: Move) {
    match then {
        Move::Stay => st.reveal = true,
        Move::Down => st.walk_or_step(1, 0),
        Move::Right => st.walk_or_step(0, 1),
    }
}

/// Sets an enum cell to an option's code (or blank) from its dropdown.
pub fn pick_option(sheet: &mut Sheet, st: &mut GridState, at: CellPos, code: &str) {
    sheet.set_cell(at.row, at.col, code);
    st.dropdown = None;
    st.selected = at;
    st.reveal = true;
}

fn handle_keys(ui: &mut Ui, sheet: &mut Sheet, st: &mut GridState) {
    if st.editor.is_some() {
        editor_keys(ui, sheet, st);
    } else if st.dropdown.is_some() {
        dropdown_keys(ui, sheet, st);
    } else {
        // Only when the grid, not some other widget, has the keyboard.
        let focused = ui.memory(|m| m.focused());
        if focused.is_none() || focused == Some(focus_id()) {
            navigation_keys(ui, sheet, st);
        }
    }
}

fn editor_keys(ui: &mut Ui, sheet: &mut Sheet, st: &mut GridState) {
    let (enter, tab, back_tab, esc) = ui.input_mut(|i| {
        (
            i.consume_key(Modifiers::NONE, Key::Enter),
            i.consume_key(Modifiers::NONE, Key::Tab),
            i.consume_key(Modifiers::SHIFT, Key::Tab),
            i.consume_key(Modifiers::NONE, Key::Escape),
        )
    });
    if esc {
        st.editor = None;
        ui.memory_mut(|m| m.request_focus(focus_id()));
    } else if enter {
        commit_editor(sheet, st, Move::Down);
        ui.memory_mut(|m| m.request_focus(focus_id()));
    } else if tab {
        commit_editor(sheet, st, Move::Right);
        ui.memory_mut(|m| m.request_focus(focus_id()));
    } else if back_tab {
        commit_editor(sheet, st, Move::Stay);
        st.walk_or_step(0, -1);
        ui.memory_mut(|m| m.request_focus(focus_id()));
    }
}

fn dropdown_keys(ui: &mut Ui, sheet: &mut Sheet, st: &mut GridState) {
    let Some(dd) = st.dropdown.clone() else {
        return;
    };
    let n = enum_options(sheet, dd.at.col).len() + 1; // + "(blank)"
    let (up, down, enter, esc) = ui.input_mut(|i| {
        (
            i.consume_key(Modifiers::NONE, Key::ArrowUp),
            i.consume_key(Modifiers::NONE, Key::ArrowDown),
            i.consume_key(Modifiers::NONE, Key::Enter),
            i.consume_key(Modifiers::NONE, Key::Escape),
        )
    });
    if esc {
        st.dropdown = None;
        return;
    }
    let mut highlight = dd.highlight;
    if up {
        highlight = highlight.saturating_sub(1);
    }
    if down {
        highlight = (highlight + 1).min(n - 1);
    }
    if enter {
        let code = enum_options(sheet, dd.at.col)
            .get(highlight)
            .map(|o| o.code.clone())
            .unwrap_or_default();
        pick_option(sheet, st, dd.at, &code);
        return;
    }
    if let Some(d) = st.dropdown.as_mut() {
        d.highlight = highlight;
    }
}

fn navigation_keys(ui: &mut Ui, sheet: &mut Sheet, st: &mut GridState) {
    let mut typed = String::new();
    // (rows, columns, extend the range, walk inside the range: Enter and Tab)
    let mut moves: Vec<(isize, isize, bool, bool)> = Vec::new();
    // A step past any edge: moves are clamped to the first and last row and column.
    const FAR: isize = isize::MAX / 4;
    let mut edit = false;
    let mut dropdown = false;
    let mut clear = false;
    let page = (st.viewport.height() / theme::ROW_HEIGHT).max(1.0) as isize;
    ui.input_mut(|i| {
        let mut keep = Vec::with_capacity(i.events.len());
        for e in i.events.drain(..) {
            match &e {
                Event::Text(t) if !i.modifiers.command => typed.push_str(t),
                Event::Key {
                    key,
                    pressed: true,
                    modifiers,
                    ..
                } if !modifiers.command => match (key, modifiers.shift, modifiers.alt) {
                    (Key::ArrowUp, s, false) => moves.push((-1, 0, s, false)),
                    (Key::ArrowDown, s, false) => moves.push((1, 0, s, false)),
                    (Key::ArrowDown, _, true) => dropdown = true,
                    (Key::ArrowLeft, s, _) => moves.push((0, -1, s, false)),
                    (Key::ArrowRight, s, _) => moves.push((0, 1, s, false)),
                    (Key::Tab, false, _) => moves.push((0, 1, false, true)),
                    (Key::Tab, true, _) => moves.push((0, -1, false, true)),
                    (Key::Enter, false, _) => moves.push((1, 0, false, true)),
                    (Key::Enter, true, _) => moves.push((-1, 0, false, true)),
                    (Key::PageDown, s, _) => moves.push((page, 0, s, false)),
                    (Key::PageUp, s, _) => moves.push((-page, 0, s, false)),
                    (Key::Home, s, _) => moves.push((0, -FAR, s, false)),
                    (Key::End, s, _) => moves.push((0, FAR, s, false)),
                    (Key::F2, _, _) => edit = true,
                    (Key::Delete, _, _) => clear = true,
                    (Key::Backspace, _, _) => typed.clear(),
                    _ => keep.push(e),
                },
                // As in a spreadsheet: Ctrl+Home to the first cell, Ctrl+End to the last.
                Event::Key {
                    key: key @ (Key::Home | Key::End),
                    pressed: true,
                    modifiers,
                    ..
                } if modifiers.command => {
                    let far = if *key == Key::Home { -FAR } else { FAR };
                    moves.push((far, far, modifiers.shift, false));
                }
                _ => keep.push(e),
            }
        }
        i.events = keep;
    });
    for (dr, dc, extend, walk) in moves {
        if walk {
            st.walk_or_step(dr, dc);
        } else {
            st.step_view(dr, dc, extend);
        }
    }
    if clear {
        super::clipboard::clear_selection(sheet, st);
    }
    if !typed.is_empty() {
        begin_edit(sheet, st, Some(typed));
    } else if edit || dropdown {
        begin_edit(sheet, st, None);
    }
}

fn draw_editor(ui: &mut Ui, sheet: &mut Sheet, st: &mut GridState, geo: &Geometry, reg: &Regions) {
    let Some(at) = st.editor.as_ref().map(|e| e.at) else {
        return;
    };
    let Some((vrow, idx)) = st.screen_pos(at) else {
        // The row left the view (filters): keep what was typed.
        commit_editor(sheet, st, Move::Stay);
        return;
    };
    let rect = reg.cell_rect(geo, idx, vrow);
    let Some(ed) = st.editor.as_mut() else { return };
    let id = editor_id();
    let lang = ui_lang(ui.ctx());
    let cell = cell_label(lang, sheet, ed.at.row, ed.at.col);
    let label = trf(lang, "Edit {cell}", &[("cell", &cell)]);
    let edit = egui::TextEdit::singleline(&mut ed.text)
        .id(id)
        .lock_focus(true)
        .font(FontId::proportional(13.0))
        .margin(Vec2::new(theme::CELL_PADDING - 1.0, 2.0))
        .desired_width(rect.width());
    let resp = ui.put(rect, edit);
    resp.widget_info(|| WidgetInfo {
        label: Some(label.clone()),
        current_text_value: Some(ed.text.clone()),
        ..WidgetInfo::new(Role::TextInput)
    });
    if ed.fresh {
        ed.fresh = false;
        resp.request_focus();
        let end = egui::text::CCursor::new(ed.text.chars().count());
        let mut state = egui::text_edit::TextEditState::load(ui.ctx(), id).unwrap_or_default();
        state
            .cursor
            .set_char_range(Some(egui::text::CCursorRange::one(end)));
        state.store(ui.ctx(), id);
    } else if !resp.has_focus() {
        // Focus went elsewhere (a click outside the grid): keep what was typed.
        commit_editor(sheet, st, Move::Stay);
    }
}

fn draw_dropdown(
    ui: &mut Ui,
    sheet: &mut Sheet,
    st: &mut GridState,
    geo: &Geometry,
    reg: &Regions,
) {
    let Some(dd) = st.dropdown.clone() else {
        return;
    };
    let Some((vrow, idx)) = st.screen_pos(dd.at) else {
        st.dropdown = None;
        return;
    };
    let rect = reg.cell_rect(geo, idx, vrow);
    let options: Vec<EnumOption> = enum_options(sheet, dd.at.col).to_vec();
    let current = sheet.cell(dd.at.row, dd.at.col).to_string();
    let invalid = !current.is_empty() && !options.iter().any(|o| o.code == current);
    let name = sheet.validator().column_name(sheet.doc(), dd.at.col);
    let mut picked: Option<String> = None;
    let area = Area::new(Id::unique("bulksheet-dropdown"))
        .order(Order::Foreground)
        .fixed_pos(rect.left_bottom())
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.set_min_width(rect.width().max(theme::DROPDOWN_MIN_WIDTH));
                ui.label(egui::RichText::new(&name).strong());
                let lang = ui_lang(ui.ctx());
                if invalid {
                    let pal = Palette::for_visuals(ui.visuals());
                    ui.colored_label(
                        pal.error_text,
                        trf(
                            lang,
                            "Now: {value} (not a valid value)",
                            &[("value", &current)],
                        ),
                    );
                }
                ScrollArea::vertical()
                    .max_height(theme::DROPDOWN_MAX_HEIGHT)
                    .show(ui, |ui| {
                        for (i, o) in options.iter().enumerate() {
                            let on = o.code == current;
                            let resp =
                                ui.selectable_label(on || i == dd.highlight, o.display_in(lang));
                            if i == dd.highlight && dd.fresh {
                                resp.scroll_to_me(None);
                            }
                            if resp.clicked() {
                                picked = Some(o.code.clone());
                            }
                        }
                        let blank =
                            ui.selectable_label(dd.highlight == options.len(), tr(lang, "(blank)"));
                        if blank.clicked() {
                            picked = Some(String::new());
                        }
                    });
            });
        });
    if let Some(code) = picked {
        pick_option(sheet, st, dd.at, &code);
        ui.memory_mut(|m| m.request_focus(focus_id()));
        return;
    }
    if let Some(d) = st.dropdown.as_mut() {
        if !d.fresh && area.response.clicked_elsewhere() {
            st.dropdown = None;
        } else {
            d.fresh = false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn revealing_the_last_of_a_million_rows_never_scrolls_past_the_end() {
        let st = GridState {
            order: (0..24).collect(),
            widths: vec![100.0; 24],
            ..Default::default()
        };
        let rows = 1_000_000;
        let geo = Geometry::new(&st, rows, theme::row_number_width(rows));
        let vp = Rect::from_min_size(Pos2::ZERO, Vec2::new(900.0, 700.0));
        let end = geo.total - vp.size();
        for (idx, row) in [(23, rows - 1), (0, rows - 1), (23, 0), (12, rows / 2)] {
            let off = geo.offset_to_reveal(idx, row, vp).unwrap_or_default();
            assert!(off.x <= end.x && off.y <= end.y, "{off:?} past {end:?}");
            assert!(off.x >= 0.0 && off.y >= 0.0, "{off:?}");
        }
        // The last row is revealed at the very end, not short of it.
        let off = geo.offset_to_reveal(0, rows - 1, vp).unwrap_or_default();
        assert_eq!(off.y, end.y);
    }
}
