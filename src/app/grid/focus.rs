//! The grid's hold on the keyboard: the widget that keeps it, so Tab and the arrows move
//! the selection rather than the focus.
//!
//! The cell editor's text field is that same widget (one id): opening the editor never
//! moves the focus, so the text field takes keys from the very frame it opens, and an
//! input method's composition begun on the selected cell is not interrupted by a change
//! of focus.

use super::geometry::Regions;
use crate::app::i18n::{tr, ui_lang};
use eframe::egui::{
    Context, EventFilter, IMEPurpose, Id, Rect, Sense, Ui, WidgetInfo, accesskit::Role,
    output::IMEOutput,
};

/// The id of the grid's keyboard focus holder.
pub fn focus_id() -> Id {
    Id::unique("bulksheet-grid-focus")
}

/// The id of the text field that edits a cell: the grid's own, see the module comment.
pub fn editor_id() -> Id {
    focus_id()
}

/// Keeps the keyboard on the grid (so Tab and arrows move the selection, not the focus).
/// While a cell is being edited the editor's text field is the focus holder, so nothing is
/// added here. `cell` is where the selected cell is on screen: an input method is let in
/// there, so typing with one starts editing that cell.
pub fn hold_focus(ui: &mut Ui, reg: &Regions, active: bool, editing: bool, cell: Option<Rect>) {
    if editing {
        return;
    }
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
            // Asking again while it already has the focus would interrupt an input
            // method's composition every frame (and, on X11, re-enable the IME every
            // frame: the window never goes idle).
            if focused.is_none() {
                m.request_focus(id);
            }
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
        if let Some(rect) = cell {
            let rect = rect.intersect(reg.vis);
            ui.output_mut(|o| {
                o.ime = Some(IMEOutput {
                    purpose: IMEPurpose::Normal,
                    rect,
                    cursor_rect: Rect::from_min_size(rect.left_top(), [1.0, rect.height()].into()),
                    should_interrupt_composition: false,
                });
            });
        }
    }
}

/// Nothing else has the keyboard: no widget is focused, or the grid is.
pub fn grid_focused(ctx: &Context) -> bool {
    let focused = ctx.memory(|m| m.focused());
    focused.is_none() || focused == Some(focus_id())
}
