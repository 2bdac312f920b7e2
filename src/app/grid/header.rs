//! The column headers: name, issue counts, the sort arrow and the resize handle. A click on
//! a header selects its column (Shift extends).

use super::access::header_id;
use super::focus::focus_id;
use super::geometry::{Geometry, Regions};
use super::state::GridState;
use super::words::{count_text, enum_options};
use crate::Sheet;
use crate::app::command::Command;
use crate::app::i18n::{trf, ui_lang};
use crate::app::theme::{self, ARROW_ROOM, Palette, SORT_ARROW_WIDTH};
use eframe::egui::{
    self, Align2, Color32, CursorIcon, FontId, Galley, Id, Painter, Pos2, Rect, Response, Sense,
    Stroke, Ui, Vec2, WidgetInfo, accesskit::Role,
};
use std::sync::Arc;

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
    let name_painter = painter.with_clip_rect(name_rect.intersect(shown));
    match name_layout(&painter, &name, name_rect.width(), pal.cell_text) {
        NameLayout::Wrapped(galley) => name_painter.galley(inner.min, galley, pal.cell_text),
        NameLayout::StartAndEnd { start, end, row } => {
            for (i, line) in [start, end].into_iter().enumerate() {
                name_painter.text(
                    inner.min + Vec2::new(0.0, i as f32 * row),
                    Align2::LEFT_TOP,
                    line,
                    FontId::proportional(theme::HEADER_FONT_SIZE),
                    pal.cell_text,
                );
            }
        }
    }
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
    let id = header_id(col);
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

/// How a column's name is laid out in its header.
enum NameLayout {
    /// Wrapped to at most two rows: it fits.
    Wrapped(Arc<Galley>),
    /// Too long for two rows: its start, and its end after "…" (`row`: a row's height).
    StartAndEnd {
        start: String,
        end: String,
        row: f32,
    },
}

/// Lays a name out in a header `width` wide. Cut at the end, names that share a start
/// ("MiiTel Meetings …") would read the same, so a name too long for two rows shows its
/// end on the second row.
fn name_layout(painter: &Painter, name: &str, width: f32, color: Color32) -> NameLayout {
    let font = FontId::proportional(theme::HEADER_FONT_SIZE);
    let mut job = egui::text::LayoutJob::simple(name.to_string(), font.clone(), color, width);
    job.wrap.max_rows = 2;
    let galley = painter.layout_job(job);
    if !galley.elided {
        return NameLayout::Wrapped(galley);
    }
    let size = |s: &str| {
        painter
            .layout_no_wrap(s.to_string(), font.clone(), color)
            .size()
    };
    let (start, end) = start_and_end(name, |s| size(s).x <= width);
    let row = size(&start).y;
    NameLayout::StartAndEnd { start, end, row }
}

/// Two rows for a name too long for its header: its start (whole words that fit), and its
/// end after "…" (the words at the end that fit).
fn start_and_end(name: &str, fits: impl Fn(&str) -> bool) -> (String, String) {
    let words: Vec<(usize, &str)> = name
        .split_whitespace()
        .map(|w| (offset(name, w), w))
        .collect();
    // The first row: the most leading words that fit, else as many characters.
    let mut cut = words
        .iter()
        .skip(1)
        .map(|&(at, _)| at)
        .chain(std::iter::once(name.len()))
        .take_while(|&at| fits(name[..at].trim_end()))
        .last()
        .unwrap_or(0);
    if cut == 0 {
        cut = name
            .char_indices()
            .map(|(i, c)| i + c.len_utf8())
            .take_while(|&at| fits(&name[..at]))
            .last()
            .unwrap_or(0);
    }
    let start = name[..cut].trim_end().to_string();
    let rest = name[cut..].trim();
    if fits(rest) {
        return (start, rest.to_string());
    }
    // The second row: the longest tail of whole words that fits after "…", else characters.
    let base = offset(name, rest);
    let tail = words
        .iter()
        .filter(|&&(at, _)| at > base)
        .map(|&(at, _)| &name[at..])
        .chain(rest.char_indices().map(|(i, _)| &rest[i..]))
        .find(|t| fits(&format!("…{t}")))
        .unwrap_or("");
    (start, format!("…{tail}"))
}

/// Where `part`, a slice of `whole`, starts in it.
fn offset(whole: &str, part: &str) -> usize {
    part.as_ptr() as usize - whole.as_ptr() as usize
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
    // Worded before: the context is locked while the widget's info is taken.
    let name = trf(ui_lang(ui.ctx()), "Sort column {n}", &[("n", &(col + 1))]);
    resp.widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::Button, true, &name));
    if resp.clicked() {
        let next = match current {
            None => Some((col, false)),
            Some((_, false)) => Some((col, true)),
            Some((_, true)) => None,
        };
        queue.push(Command::Sort(next));
    }
}

#[cfg(test)]
mod tests {
    use super::{NameLayout, name_layout, start_and_end};
    use eframe::egui::{self, Color32, LayerId, Painter, Rect};

    /// The rows a header shows, laid out with the window's fonts.
    fn painted_rows(names: &[&str], width: f32) -> Vec<Vec<String>> {
        let ctx = egui::Context::default();
        crate::app::fonts::install_bundled(&ctx);
        let mut out = Vec::new();
        let mut output = ctx.run_ui(Default::default(), |ui| {
            let painter = Painter::new(ui.ctx().clone(), LayerId::background(), Rect::EVERYTHING);
            for name in names {
                out.push(match name_layout(&painter, name, width, Color32::WHITE) {
                    NameLayout::Wrapped(g) => g.rows.iter().map(|r| r.text()).collect(),
                    NameLayout::StartAndEnd { start, end, .. } => vec![start, end],
                });
            }
        });
        output.textures_delta.clear();
        out
    }

    /// What the header showed before: two rows, cut at the end.
    fn cut_rows(names: &[&str], width: f32) -> Vec<Vec<String>> {
        let ctx = egui::Context::default();
        crate::app::fonts::install_bundled(&ctx);
        let mut out = Vec::new();
        let mut output = ctx.run_ui(Default::default(), |ui| {
            for name in names {
                let font = egui::FontId::proportional(crate::app::theme::HEADER_FONT_SIZE);
                let mut job =
                    egui::text::LayoutJob::simple(name.to_string(), font, Color32::WHITE, width);
                job.wrap.max_rows = 2;
                let g = ui.fonts_mut(|f| f.layout_job(job));
                out.push(g.rows.iter().map(|r| r.text()).collect());
            }
        });
        output.textures_delta.clear();
        out
    }

    #[test]
    fn narrow_headers_of_names_sharing_a_start_read_differently() {
        let names = [
            "MiiTel Meetings Edit meeting access permission",
            "MiiTel Meetings Create external shared link",
            "MiiTel Meetings Export video history as CSV",
            "MiiTel Meetings Download files",
        ];
        let mut cut_alike = false;
        for width in [70.0, 90.0, 110.0, 140.0, 180.0] {
            let cut = cut_rows(&names, width);
            cut_alike |= (1..cut.len()).any(|i| cut[..i].contains(&cut[i]));
            let shown = painted_rows(&names, width);
            for (i, a) in shown.iter().enumerate() {
                for b in &shown[i + 1..] {
                    assert_ne!(a, b, "at {width} points");
                }
            }
        }
        // Cut at the end, as before, some of them read the same.
        assert!(cut_alike);
    }

    fn short(s: &str) -> bool {
        s.chars().count() <= 16
    }

    #[test]
    fn long_names_that_share_a_start_show_different_ends() {
        let a = start_and_end("MiiTel Meetings Edit meeting access permission", short);
        let b = start_and_end("MiiTel Meetings Create external shared link", short);
        assert_eq!(a, ("MiiTel Meetings".into(), "…permission".into()));
        assert_eq!(b, ("MiiTel Meetings".into(), "…shared link".into()));
    }

    #[test]
    fn every_long_template_header_reads_differently() {
        let schema = crate::schema::builtin("miitel-update-users").expect("template");
        let shown: Vec<_> = schema
            .columns
            .iter()
            .map(|c| start_and_end(&c.name, short))
            .collect();
        for (i, a) in shown.iter().enumerate() {
            for b in &shown[i + 1..] {
                assert_ne!(a, b);
            }
        }
    }

    #[test]
    fn a_word_longer_than_the_header_is_cut_by_characters() {
        let (start, end) = start_and_end("Averyveryverylongword tail", |s| s.chars().count() <= 8);
        assert_eq!(start, "Averyver");
        assert_eq!(end, "…tail");
        let (start, end) = start_and_end("Short Averyverylongword", |s| s.chars().count() <= 8);
        assert_eq!((start.as_str(), end.as_str()), ("Short", "…ongword"));
    }
}
