//! An enum cell's list of options, under the cell: arrows move the highlight, Enter or a
//! click picks, Esc closes.

use super::focus::focus_id;
use super::geometry::{Geometry, Regions};
use super::state::GridState;
use super::state::cell::CellPos;
use super::words::{enum_options, offers_blank};
use crate::Sheet;
use crate::app::command::Command;
use crate::app::i18n::{tr, trf, ui_lang};
use crate::app::theme::{self, Palette};
use crate::schema::EnumOption;
use eframe::egui::{self, Align2, Area, Id, Order, Pos2, Rect, ScrollArea, Ui};

/// Closes the list on an option's code (or blank); returns the edit, for the app to carry
/// out.
#[must_use]
pub fn pick_option(st: &mut GridState, at: CellPos, code: String) -> Command {
    st.close_dropdown();
    st.move_cursor(at);
    Command::SetCell {
        row: at.row,
        col: at.col,
        value: code,
    }
}

/// Moves the highlight of the open list by `by` options (the blank one last, when offered).
pub fn move_highlight(sheet: &Sheet, st: &mut GridState, by: isize) {
    let Some(dd) = st.dropdown_mut() else {
        return;
    };
    let blank = usize::from(offers_blank(sheet, dd.at.col));
    let n = (enum_options(sheet, dd.at.col).len() + blank).max(1);
    dd.highlight = dd.highlight.saturating_add_signed(by).min(n - 1);
}

/// Closes the list on the highlighted option; returns the edit setting the cell to it.
#[must_use]
pub fn pick_highlighted(sheet: &Sheet, st: &mut GridState) -> Option<Command> {
    let dd = st.dropdown().cloned()?;
    let code = enum_options(sheet, dd.at.col)
        .get(dd.highlight)
        .map(|o| o.code.clone())
        .unwrap_or_default();
    Some(pick_option(st, dd.at, code))
}

/// Where the list goes: under its cell, or above it when there is not room enough below
/// and more above (a cell at the bottom edge), so that every option is on screen and the
/// cell being edited is never covered.
struct Placement {
    at: Pos2,
    pivot: Align2,
    /// The most the options may take before they scroll.
    list_height: f32,
}

fn placement(ui: &Ui, cell: Rect, rows: usize, invalid: bool) -> Placement {
    let screen = ui.ctx().content_rect();
    let spacing = ui.spacing();
    let row = spacing.interact_size.y + spacing.item_spacing.y;
    // The column's name, the "Now: …" line, the frame around the list.
    let margins = 2.0 * (spacing.menu_margin.sum().y + 4.0);
    let overhead = row * (1.0 + f32::from(u8::from(invalid))) + margins;
    let needed = (rows as f32 * row).min(theme::DROPDOWN_MAX_HEIGHT) + overhead;
    let below = screen.bottom() - cell.bottom();
    let above = cell.top() - screen.top();
    let up = needed > below && above > below;
    let room = if up { above } else { below };
    let list_height = (room - overhead).clamp(row, theme::DROPDOWN_MAX_HEIGHT);
    if up {
        Placement {
            at: cell.left_top(),
            pivot: Align2::LEFT_BOTTOM,
            list_height,
        }
    } else {
        Placement {
            at: cell.left_bottom(),
            pivot: Align2::LEFT_TOP,
            list_height,
        }
    }
}

/// Draws the open list of options under its cell (above it at the bottom edge); a pick
/// goes on `queue`.
pub fn draw_dropdown(
    ui: &mut Ui,
    sheet: &Sheet,
    st: &mut GridState,
    geo: &Geometry,
    reg: &Regions,
    queue: &mut Vec<Command>,
) {
    let Some(dd) = st.dropdown().cloned() else {
        return;
    };
    let Some((vrow, idx)) = st.screen_pos(dd.at) else {
        st.close_dropdown();
        return;
    };
    let rect = reg.cell_rect(geo, idx, vrow);
    let options: Vec<EnumOption> = enum_options(sheet, dd.at.col).to_vec();
    let current = sheet.cell(dd.at.row, dd.at.col).to_string();
    let invalid = !current.is_empty() && !options.iter().any(|o| o.code == current);
    let blank_offered = offers_blank(sheet, dd.at.col);
    let name = sheet.validator().column_name(sheet.doc(), dd.at.col);
    let mut picked: Option<String> = None;
    let place = placement(
        ui,
        rect,
        options.len() + usize::from(blank_offered),
        invalid,
    );
    let area = Area::new(Id::unique("bulksheet-dropdown"))
        .order(Order::Foreground)
        .pivot(place.pivot)
        .fixed_pos(place.at)
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
                    .max_height(place.list_height)
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
                        if blank_offered {
                            let on = dd.highlight == options.len();
                            if ui.selectable_label(on, tr(lang, "(blank)")).clicked() {
                                picked = Some(String::new());
                            }
                        }
                    });
            });
        });
    if let Some(code) = picked {
        queue.push(pick_option(st, dd.at, code));
        ui.memory_mut(|m| m.request_focus(focus_id()));
        return;
    }
    if let Some(d) = st.dropdown_mut() {
        if !d.fresh && area.response.clicked_elsewhere() {
            st.close_dropdown();
        } else {
            d.fresh = false;
        }
    }
}
