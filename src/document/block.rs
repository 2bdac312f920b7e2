//! Many cells changed in one step, kept by column: the rows as ranges and the values in
//! the table's compact storage ([`CellRun`]), or one value for them all. Clearing a
//! million rows of 24 columns is then a few bytes a cell, not a record of two strings
//! per cell; undo, redo and the recovery journal keep it in the same form.

use super::{CellChange, Document};
use crate::document::table::CellRun;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// One step's changes to some columns' cells.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    /// Each column's changes; a column at most once.
    pub columns: Vec<ColumnBlock>,
}

/// The changed cells of one column.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ColumnBlock {
    /// The file column.
    pub col: usize,
    /// The document rows changed, ascending.
    pub rows: Rows,
    /// Their values before, one per row in `rows`' order.
    pub old: Values,
    /// Their values after.
    pub new: Values,
}

/// Document rows, ascending and each once, as half-open ranges.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rows(Vec<(u32, u32)>);

impl Rows {
    /// Adds a row after the last one.
    fn push(&mut self, row: u32) {
        match self.0.last_mut() {
            Some((_, end)) if *end == row => *end += 1,
            _ => self.0.push((row, row + 1)),
        }
    }

    /// How many rows.
    pub fn len(&self) -> usize {
        self.0.iter().map(|(s, e)| (e - s) as usize).sum()
    }

    /// Whether there is no row.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The rows in order.
    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.0.iter().flat_map(|&(s, e)| s as usize..e as usize)
    }
}

/// The values of a column's changed cells, in row order.
#[derive(Clone, Deserialize)]
pub enum Values {
    /// The same value in every cell (a clear, a fill, a value set over a selection).
    Same(String),
    /// A value per cell.
    Each(CellRun),
    /// The column as it was before the block, set aside whole when the block built it
    /// anew (no copy of its values is made): cell `i` is the one of physical row
    /// `phys[i]`. Written to the journal as `Each`.
    #[serde(skip_deserializing)]
    Aside {
        /// The column set aside, by physical row.
        column: Arc<CellRun>,
        /// The physical row of each changed cell.
        phys: Arc<PhysRuns>,
    },
}

/// Physical rows in runs of consecutive ones: a file's rows as read are one run.
#[derive(Debug, Clone, Default)]
pub struct PhysRuns {
    /// (position of the run's first row among all, its first physical row).
    runs: Vec<(u32, u32)>,
    len: u32,
}

impl PhysRuns {
    /// Adds a physical row after the last.
    pub fn push(&mut self, phys: u32) {
        let extends = self
            .runs
            .last()
            .is_some_and(|&(at, first)| first + (self.len - at) == phys);
        if !extends {
            self.runs.push((self.len, phys));
        }
        self.len += 1;
    }

    /// The `i`-th physical row.
    pub fn get(&self, i: usize) -> Option<u32> {
        let i = u32::try_from(i).ok().filter(|&i| i < self.len)?;
        let run = self
            .runs
            .partition_point(|&(at, _)| at <= i)
            .checked_sub(1)?;
        self.runs.get(run).map(|&(at, first)| first + (i - at))
    }

    /// How many rows.
    pub fn len(&self) -> usize {
        self.len as usize
    }

    /// Whether there is no row.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

impl Values {
    /// The value of the `i`-th cell.
    pub fn get(&self, i: usize) -> &str {
        match self {
            Values::Same(v) => v,
            Values::Each(run) => run.get(i),
            Values::Aside { column, phys } => phys.get(i).map_or("", |p| column.get(p as usize)),
        }
    }
}

impl std::fmt::Debug for Values {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Values::Same(v) => f.debug_tuple("Same").field(v).finish(),
            Values::Each(run) => f.debug_tuple("Each").field(run).finish(),
            // The cells changed, not the whole column set aside.
            Values::Aside { phys, .. } => {
                let values: Vec<&str> = (0..phys.len()).map(|i| self.get(i)).collect();
                f.debug_tuple("Aside").field(&values).finish()
            }
        }
    }
}

/// The first `len` values, in order (as the journal writes `Each`).
struct Listed<'a> {
    values: &'a Values,
    len: usize,
}

impl Serialize for Listed<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq((0..self.len).map(|i| self.values.get(i)))
    }
}

impl Serialize for Values {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Values::Same(v) => s.serialize_newtype_variant("Values", 0, "Same", v),
            Values::Each(run) => s.serialize_newtype_variant("Values", 1, "Each", run),
            Values::Aside { phys, .. } => {
                let listed = Listed {
                    values: self,
                    len: phys.len(),
                };
                s.serialize_newtype_variant("Values", 1, "Each", &listed)
            }
        }
    }
}

/// Gathers one column's values, as one value for all until two differ.
struct Gather {
    same: Option<String>,
    count: usize,
    run: Option<CellRun>,
}

impl Gather {
    fn new() -> Self {
        Gather {
            same: None,
            count: 0,
            run: None,
        }
    }

    fn push(&mut self, value: &str) {
        if let Some(run) = &mut self.run {
            run.push(value);
        } else if self.same.as_deref().is_none_or(|s| same_text(s, value)) {
            self.same.get_or_insert_with(|| value.to_string());
            self.count += 1;
        } else {
            let mut run = CellRun::default();
            let same = self.same.take().unwrap_or_default();
            (0..self.count).for_each(|_| run.push(&same));
            run.push(value);
            self.run = Some(run);
        }
    }

    fn done(self) -> Values {
        match self.run {
            Some(run) => Values::Each(run),
            None => Values::Same(self.same.unwrap_or_default()),
        }
    }
}

/// Whether two values are the same text; an empty pair is told without a call into the
/// C library's `memcmp` (a clear pushes millions of empty values).
fn same_text(a: &str, b: &str) -> bool {
    a.len() == b.len() && (a.is_empty() || a == b)
}

impl PartialEq for ColumnBlock {
    /// The same cells changed from the same values to the same values, however stored.
    fn eq(&self, other: &Self) -> bool {
        let n = self.rows.len();
        self.col == other.col
            && self.rows == other.rows
            && (0..n).all(|i| self.old.get(i) == other.old.get(i))
            && (0..n).all(|i| self.new.get(i) == other.new.get(i))
    }
}

impl Eq for ColumnBlock {}

impl ColumnBlock {
    /// Plans writing `cells` (document rows ascending, each once, with their values)
    /// into column `col`: cells outside the document or already holding their value are
    /// left out; their old values are gathered with `keep_old` (a column built anew sets
    /// its old cells aside instead). A cell past the end of a row read short is left to
    /// a [`CellChange`] (`Planned::short`): writing it changes the row's length, which
    /// only a cell change records.
    pub(crate) fn plan<'v>(
        doc: &Document,
        col: usize,
        cells: impl IntoIterator<Item = (usize, &'v str)>,
        keep_old: bool,
    ) -> Planned {
        let (mut rows, mut old, mut new) = (Rows::default(), Gather::new(), Gather::new());
        let mut short = Vec::new();
        let mut last = None;
        for (row, value) in cells {
            debug_assert!(last.is_none_or(|l| l < row), "rows ascending, each once");
            last = Some(row);
            if row >= doc.rows() || col >= doc.width() || doc.cell(row, col) == value {
                continue;
            }
            if doc.table.short_fields(row).is_some_and(|n| col >= n) {
                short.push((row, col, value.to_string()));
                continue;
            }
            rows.push(row as u32);
            if keep_old {
                old.push(doc.cell(row, col));
            }
            new.push(value);
        }
        Planned {
            col,
            rows,
            new: new.done(),
            old: keep_old.then(|| old.done()),
            short,
        }
    }

    /// The cells changed, with their values before and after (`back`: taken back).
    pub fn changes(&self, back: bool) -> impl Iterator<Item = CellChange> + '_ {
        let (from, to) = if back {
            (&self.new, &self.old)
        } else {
            (&self.old, &self.new)
        };
        self.rows
            .iter()
            .enumerate()
            .map(move |(i, row)| CellChange {
                row,
                col: self.col,
                old: from.get(i).to_string(),
                new: to.get(i).to_string(),
                shape: Default::default(),
            })
    }

    /// The change that takes this one back.
    pub fn inverse(&self) -> ColumnBlock {
        ColumnBlock {
            col: self.col,
            rows: self.rows.clone(),
            old: self.new.clone(),
            new: self.old.clone(),
        }
    }
}

/// A column's changes before they are made (see [`ColumnBlock::plan`]).
pub(crate) struct Planned {
    pub col: usize,
    pub rows: Rows,
    pub new: Values,
    /// None when the old cells are to be set aside whole.
    pub old: Option<Values>,
    /// Cells past the end of a row read short: (row, column, value), made as cell
    /// changes.
    pub short: Vec<(usize, usize, String)>,
}

impl Block {
    /// How many cells it changes.
    pub fn len(&self) -> usize {
        self.columns.iter().map(|c| c.rows.len()).sum()
    }

    /// Whether it changes no cell.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The change that takes this one back.
    pub fn inverse(&self) -> Block {
        Block {
            columns: self
                .columns
                .iter()
                .rev()
                .map(ColumnBlock::inverse)
                .collect(),
        }
    }
}
