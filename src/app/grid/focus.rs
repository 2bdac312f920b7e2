//! The grid's hold on the keyboard: the widget that keeps it, so Tab and the arrows move
//! the selection rather than the focus.

use super::geometry::Regions;
use crate::app::i18n::{tr, ui_lang};
use eframe::egui::{Context, EventFilter, Id, Sense, Ui, WidgetInfo, accesskit::Role};

/// The id of the grid's keyboard focus holder.
pub fn focus_id() -> Id {
    Id::unique("bulksheet-grid-focus")
}

/// The id of the text field that edits a cell.
pub fn editor_id() -> Id {
    Id::unique("bulksheet-cell-editor")
}

/// Keeps the keyboard on the grid (so Tab and arrows move the selection, not the focus).
pub fn hold_focus(ui: &mut Ui, reg: &Regions, active: bool) {
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

/// Nothing else has the keyboard: no widget is focused, or the grid is.
pub fn grid_focused(ctx: &Context) -> bool {
    let focused = ctx.memory(|m| m.focused());
    focused.is_none() || focused == Some(focus_id())
}
