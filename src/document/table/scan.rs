//! Scans over a whole column, as the full check, the export and the search do them: a
//! column's cells in row order without a lookup per cell, and a dictionary column's ids
//! and distinct values, so a check runs once per distinct value instead of once per cell.

use super::column::ColumnCells;
use super::runs::{DictIds, TextSeg, seg_of};
use super::{Table, offset};

impl Table {
    /// The cells of one column in row order, as `cell(row, col)` gives them, for scans
    /// over a whole column: the run of rows is looked up once per run, not per cell.
    pub fn column_values(&self, col: usize) -> ColumnValues<'_> {
        ColumnValues {
            order: self.order.iter(),
            cells: self.column(col),
            run: None,
            following: Following::none(),
        }
    }

    /// The cells of `rows` in one column, in row order (see [`Table::column_values`]).
    pub fn column_values_in(&self, col: usize, rows: std::ops::Range<usize>) -> ColumnValues<'_> {
        ColumnValues {
            order: self.order.get(rows).unwrap_or_default().iter(),
            cells: self.column(col),
            run: None,
            following: Following::none(),
        }
    }

    /// A dictionary column's id of each physical row (see [`Table::order`]) and its
    /// distinct values; `None` for a column stored as text.
    pub fn dictionary(&self, col: usize) -> Option<(DictIds<'_>, &[Box<str>])> {
        self.column(col)?.dictionary()
    }
}

/// The cells of one column in row order (see [`Table::column_values`]).
pub struct ColumnValues<'a> {
    order: std::slice::Iter<'a, u32>,
    cells: Option<&'a ColumnCells>,
    /// The run the previous cell was in.
    run: Option<&'a TextSeg>,
    /// The cells after the previous one in its run, while rows come in load order.
    following: Following<'a>,
}

/// The text cells of a run from one physical row on. Rows in load order (a file just
/// read) take them one after another: each starts where the previous ended, so only its
/// end is looked up and only that end is checked to fall between characters.
struct Following<'a> {
    /// The physical row of the next cell in `rest`.
    phys: u32,
    rest: &'a str,
    /// Where `rest` starts in its run, and the ends of its cells there.
    pos: u32,
    ends: std::slice::Iter<'a, u32>,
}

impl<'a> Following<'a> {
    /// Nothing follows: the first cell is found the general way.
    fn none() -> Self {
        Following {
            phys: u32::MAX,
            rest: "",
            pos: 0,
            ends: [].iter(),
        }
    }

    /// The cells after row `phys` of `run`.
    fn after(run: &'a TextSeg, phys: u32) -> Self {
        let i = phys.wrapping_sub(run.first) as usize;
        let pos = run.ends.get(i).copied().unwrap_or(0);
        match (run.buf.get(pos as usize..), run.ends.get(i + 1..)) {
            (Some(rest), Some(ends)) => Following {
                phys: phys.wrapping_add(1),
                rest,
                pos,
                ends: ends.iter(),
            },
            _ => Following::none(),
        }
    }

    #[inline(always)]
    fn take(&mut self) -> Option<&'a str> {
        let end = *self.ends.as_slice().first()?;
        let (cell, rest) = self
            .rest
            .split_at_checked(end.wrapping_sub(self.pos) as usize)?;
        self.ends.next();
        self.rest = rest;
        self.pos = end;
        self.phys = self.phys.wrapping_add(1);
        Some(cell)
    }
}

impl<'a> Iterator for ColumnValues<'a> {
    type Item = &'a str;

    // Inlined into each column scan, where its state stays in registers.
    #[inline(always)]
    fn next(&mut self) -> Option<&'a str> {
        let phys = *self.order.next()?;
        let Some(cells) = self.cells else {
            return Some("");
        };
        let ColumnCells::Text { segs, edited } = cells else {
            return Some(cells.get(phys));
        };
        if !edited.is_empty() {
            if let Some(v) = edited.get(&phys) {
                return Some(v);
            }
        } else if phys == self.following.phys
            && let Some(v) = self.following.take()
        {
            return Some(v);
        }
        let run = match self.run {
            Some(r) if phys.wrapping_sub(r.first) < offset(r.ends.len()) => r,
            _ => match seg_of(segs, phys) {
                Some(r) => {
                    self.run = Some(r);
                    r
                }
                None => return Some(""),
            },
        };
        if edited.is_empty() {
            self.following = Following::after(run, phys);
        }
        Some(run.get(phys))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.order.size_hint()
    }
}
