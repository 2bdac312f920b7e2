//! Where the columns and rows are: in content coordinates ([`Geometry`]) and on screen for
//! one frame ([`Regions`]).

use super::state::GridState;
use crate::app::theme;
use eframe::egui::{Pos2, Rect, Vec2};

/// Where things are, in content coordinates.
pub struct Geometry {
    /// Content x of each screen column.
    pub x: Vec<f32>,
    /// Width of each screen column.
    pub w: Vec<f32>,
    /// How many screen columns stay in view.
    pub frozen: usize,
    /// Width of the columns that stay in view, row numbers included.
    pub frozen_w: f32,
    /// Size of the whole content.
    pub total: Vec2,
    /// Width of the row-number column.
    pub gutter: f32,
}

impl Geometry {
    /// `gutter`: the row-number column's width.
    pub fn new(st: &GridState, rows: usize, gutter: f32) -> Self {
        let mut x = Vec::with_capacity(st.order().len());
        let mut w = Vec::with_capacity(st.order().len());
        let mut at = gutter;
        for &c in st.order() {
            let width = st.widths().get(c).copied().unwrap_or(100.0);
            x.push(at);
            w.push(width);
            at += width;
        }
        let frozen_w = x.get(st.frozen()).copied().unwrap_or(at);
        Geometry {
            x,
            w,
            frozen: st.frozen(),
            frozen_w,
            total: Vec2::new(at, theme::HEADER_HEIGHT + rows as f32 * theme::ROW_HEIGHT),
            gutter,
        }
    }

    /// Content y of a view row.
    pub fn row_y(row: usize) -> f32 {
        theme::HEADER_HEIGHT + row as f32 * theme::ROW_HEIGHT
    }

    /// The scroll offset that brings a cell fully into view, if it is not.
    pub fn offset_to_reveal(&self, idx: usize, row: usize, vp: Rect) -> Option<Vec2> {
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
pub struct Regions {
    /// Content origin on screen.
    pub origin: Pos2,
    /// The visible part of the grid on screen.
    pub vis: Rect,
    /// The scrolling cells.
    pub body: Rect,
    /// The cells of the columns that stay in view.
    pub frozen: Rect,
    /// The headers of the scrolling columns.
    pub header: Rect,
    /// The headers of the columns that stay in view.
    pub corner: Rect,
}

impl Regions {
    /// The regions for a scroll offset (`vp`, content coordinates).
    pub fn new(origin: Pos2, vp: Rect, frozen_w: f32) -> Self {
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
    pub fn col_x(&self, g: &Geometry, idx: usize) -> f32 {
        if idx < g.frozen {
            self.vis.left() + g.x[idx]
        } else {
            self.origin.x + g.x[idx]
        }
    }

    /// A view row's top edge on screen.
    pub fn row_top(&self, row: usize) -> f32 {
        self.origin.y + Geometry::row_y(row)
    }

    /// A cell's rectangle on screen.
    pub fn cell_rect(&self, g: &Geometry, idx: usize, row: usize) -> Rect {
        Rect::from_min_size(
            Pos2::new(self.col_x(g, idx), self.row_top(row)),
            Vec2::new(g.w[idx], theme::ROW_HEIGHT),
        )
    }

    /// What a screen column's cells are clipped to.
    pub fn clip_for(&self, g: &Geometry, idx: usize) -> Rect {
        if idx < g.frozen {
            self.frozen
        } else {
            self.body
        }
    }
}

/// The view rows a scroll offset shows, as a range (first, past the last).
pub fn visible_rows(vp: Rect, rows: usize) -> (usize, usize) {
    let first = (vp.min.y / theme::ROW_HEIGHT).floor().max(0.0) as usize;
    let last = ((vp.max.y - theme::HEADER_HEIGHT) / theme::ROW_HEIGHT)
        .ceil()
        .max(0.0) as usize;
    (first.min(rows), last.min(rows))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn revealing_the_last_of_a_million_rows_never_scrolls_past_the_end() {
        let st = GridState::with_widths(vec![100.0; 24]);
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
