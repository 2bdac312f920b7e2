//! Every colour and size the window uses, in one place.

use eframe::egui;
use egui::Color32;

/// Height of one grid row.
pub const ROW_HEIGHT: f32 = 22.0;
/// Height of the grid's header: two lines of column name and one of counts.
pub const HEADER_HEIGHT: f32 = 50.0;
/// Width of the row-number column.
pub const ROW_NUMBER_WIDTH: f32 = 52.0;

/// The row-number column's width for a sheet of `rows` rows: wide enough for the largest
/// number (a million rows has seven digits, more than `ROW_NUMBER_WIDTH` holds).
pub fn row_number_width(rows: usize) -> f32 {
    // A digit of the 12-point monospace font is about 7.2 points wide.
    let digits = rows.max(1).ilog10() + 1;
    (digits as f32 * 7.5 + 2.0 * CELL_PADDING + 4.0).max(ROW_NUMBER_WIDTH)
}
/// Narrowest a column can be dragged.
pub const MIN_COLUMN_WIDTH: f32 = 36.0;
/// Widest a column starts out.
pub const MAX_INITIAL_COLUMN_WIDTH: f32 = 260.0;
/// Roughly how wide one character of cell text is, for initial column widths.
pub const CHAR_WIDTH: f32 = 7.5;
/// Padding inside a cell.
pub const CELL_PADDING: f32 = 5.0;
/// Space kept clear of the floating scroll bars when a cell is scrolled into view.
pub const SCROLL_BAR_ROOM: f32 = 12.0;
/// Width of the sort arrow at a header's right edge.
pub const SORT_ARROW_WIDTH: f32 = 18.0;
/// Room the sort arrow takes from a header's right edge: the name wraps before it.
pub const ARROW_ROOM: f32 = SORT_ARROW_WIDTH + 4.0;
/// Width of the grab area at a column's right edge.
pub const RESIZE_HANDLE: f32 = 6.0;
/// Width of the side panel holding subscriptions and the issue list, at first (it can be
/// dragged wider or narrower, and keeps its width): at 1366 px the grid shows 8 columns.
pub const SIDE_PANEL_WIDTH: f32 = 270.0;
/// Narrowest the side panel can be dragged.
pub const SIDE_PANEL_MIN_WIDTH: f32 = 200.0;
/// Height of one line in the lists of dialogs (errors, changes).
pub const ISSUE_ROW_HEIGHT: f32 = 20.0;
/// Height of one entry in the side panel's issue list: two lines of text, so a reason
/// wraps instead of being cut.
pub const ISSUE_ENTRY_HEIGHT: f32 = 36.0;
/// Tallest the dropdown list of an enum cell grows.
pub const DROPDOWN_MAX_HEIGHT: f32 = 320.0;
/// Narrowest the dropdown list of an enum cell is.
pub const DROPDOWN_MIN_WIDTH: f32 = 200.0;
/// Height of the lists in dialogs (issues, changes).
pub const DIALOG_LIST_HEIGHT: f32 = 260.0;
/// Width of the dialogs.
pub const DIALOG_WIDTH: f32 = 560.0;
/// The template editor's first size: room for a line per column with its codes.
pub const TEMPLATE_EDITOR_WIDTH: f32 = 1000.0;
/// See [`TEMPLATE_EDITOR_WIDTH`].
pub const TEMPLATE_EDITOR_HEIGHT: f32 = 560.0;
/// The mark of an error: drawn by every CJK font we load (egui's own fonts lack the usual
/// ✖ and ⚠).
pub const ERROR_MARK: &str = "●";
/// The mark of a warning.
pub const WARNING_MARK: &str = "▲";
/// The mark of a column with no issue.
pub const OK_MARK: &str = "✓";
/// Font size of cell text and the cell editor.
pub const CELL_FONT_SIZE: f32 = 13.0;
/// Font size of a column's name in its header.
pub const HEADER_FONT_SIZE: f32 = 12.5;
/// Font size of row numbers, header badges and the sort arrow.
pub const SMALL_FONT_SIZE: f32 = 12.0;
/// Height of the sort arrow's click area.
pub const SORT_ARROW_HEIGHT: f32 = 18.0;
/// Width of a search or filter text field.
pub const FIELD_WIDTH: f32 = 220.0;
/// Width of the filter field above the grid.
pub const FILTER_FIELD_WIDTH: f32 = 200.0;
/// Width of the find strip's column choice.
pub const COLUMN_CHOICE_WIDTH: f32 = 170.0;
/// Width of the toolbar's template picker.
pub const TEMPLATE_PICKER_WIDTH: f32 = 260.0;
/// Narrowest the progress of a background job is drawn.
pub const PROGRESS_WIDTH: f32 = 360.0;
/// Starting size of the keyboard shortcuts panel.
pub const HELP_SIZE: [f32; 2] = [480.0, 640.0];
/// The veil over the window while files are dragged over it, and its text.
pub const DROP_VEIL: Color32 = Color32::from_black_alpha(150);
/// Colour of the text on the drop veil.
pub const DROP_TEXT: Color32 = Color32::WHITE;
/// Font size of the text on the drop veil.
pub const DROP_FONT_SIZE: f32 = 22.0;
/// Initial window size.
pub const WINDOW_SIZE: [f32; 2] = [1360.0, 840.0];
/// Seconds between progress repaints while a background job runs.
pub const JOB_REPAINT_SECS: f32 = 0.05;

/// The colours of the grid and the panels for one theme (light or dark).
#[derive(Debug, Clone, Copy)]
pub struct Palette {
    /// Background of a cell with an error.
    pub error_bg: Color32,
    /// Background of a cell with a warning.
    pub warning_bg: Color32,
    /// Text of errors.
    pub error_text: Color32,
    /// Text of warnings.
    pub warning_text: Color32,
    /// Text saying all is well.
    pub ok_text: Color32,
    /// Cell text.
    pub cell_text: Color32,
    /// Text of less importance (row numbers, old values).
    pub muted_text: Color32,
    /// Lines between cells.
    pub grid_line: Color32,
    /// Background of headers and row numbers.
    pub header_bg: Color32,
    /// Background of the columns that stay in view.
    pub frozen_bg: Color32,
    /// Background of the other cells.
    pub body_bg: Color32,
    /// Outline of the selected cell.
    pub selection: Color32,
    /// Fill of the selected range.
    pub selection_fill: Color32,
    /// The "save as draft" button's text.
    pub draft_banner: Color32,
    /// Outline of a cell that matches the search.
    pub find_match: Color32,
}

impl Palette {
    /// The palette for egui's light or dark visuals.
    pub fn for_visuals(visuals: &egui::Visuals) -> Self {
        if visuals.dark_mode {
            Palette {
                error_bg: Color32::from_rgb(110, 32, 36),
                warning_bg: Color32::from_rgb(100, 76, 20),
                error_text: Color32::from_rgb(255, 120, 120),
                warning_text: Color32::from_rgb(240, 190, 90),
                ok_text: Color32::from_rgb(120, 200, 120),
                cell_text: Color32::from_gray(225),
                muted_text: Color32::from_gray(150),
                grid_line: Color32::from_gray(60),
                header_bg: Color32::from_gray(45),
                frozen_bg: Color32::from_gray(35),
                body_bg: Color32::from_gray(27),
                selection: Color32::from_rgb(90, 160, 255),
                selection_fill: Color32::from_rgba_unmultiplied(90, 160, 255, 40),
                draft_banner: Color32::from_rgb(240, 190, 90),
                find_match: Color32::from_rgb(255, 170, 40),
            }
        } else {
            Palette {
                error_bg: Color32::from_rgb(255, 214, 214),
                warning_bg: Color32::from_rgb(255, 236, 190),
                error_text: Color32::from_rgb(190, 20, 30),
                warning_text: Color32::from_rgb(150, 95, 0),
                ok_text: Color32::from_rgb(20, 130, 40),
                cell_text: Color32::from_gray(20),
                muted_text: Color32::from_gray(110),
                grid_line: Color32::from_gray(210),
                header_bg: Color32::from_gray(236),
                frozen_bg: Color32::from_gray(247),
                body_bg: Color32::WHITE,
                selection: Color32::from_rgb(30, 110, 230),
                selection_fill: Color32::from_rgba_unmultiplied(30, 110, 230, 28),
                draft_banner: Color32::from_rgb(150, 95, 0),
                find_match: Color32::from_rgb(230, 120, 0),
            }
        }
    }

    /// A cell's background for an issue of this severity.
    pub fn severity_bg(&self, s: crate::Severity) -> Color32 {
        match s {
            crate::Severity::Error => self.error_bg,
            crate::Severity::Warning => self.warning_bg,
        }
    }

    /// Text colour for an issue of this severity.
    pub fn severity_text(&self, s: crate::Severity) -> Color32 {
        match s {
            crate::Severity::Error => self.error_text,
            crate::Severity::Warning => self.warning_text,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_row_number_column_fits_the_largest_number() {
        assert_eq!(row_number_width(0), ROW_NUMBER_WIDTH);
        assert_eq!(row_number_width(4), ROW_NUMBER_WIDTH);
        // Seven monospace digits at 12 points (~7.2 each) and the padding on both sides.
        let seven = 7.0 * 7.2 + 2.0 * CELL_PADDING;
        assert!(row_number_width(1_000_000) >= seven);
        assert!(row_number_width(9_999_999) == row_number_width(1_000_000));
        assert!(row_number_width(10_000_000) > row_number_width(9_999_999));
    }
}
