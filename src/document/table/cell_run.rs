//! Values one after another in the table's own compact storage (one byte each into a
//! dictionary, or text runs): the old and new values of a block edit, and a column set
//! aside whole when a block replaces it.

use super::column::ColumnCells;
use super::{Table, offset};
use std::sync::Arc;

/// Values by position, stored like a column's cells (never a `String` each).
#[derive(Clone, Default)]
pub struct CellRun(ColumnCells);

impl std::fmt::Debug for CellRun {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl CellRun {
    pub(super) fn from_cells(cells: ColumnCells) -> Self {
        CellRun(cells)
    }

    pub(super) fn cells(&self) -> &ColumnCells {
        &self.0
    }

    pub(super) fn into_cells(self) -> ColumnCells {
        self.0
    }

    /// Adds a value after the last.
    pub fn push(&mut self, value: &str) {
        self.0.push(value);
    }

    /// The value at a position (`""` past the end).
    pub fn get(&self, at: usize) -> &str {
        self.0.get(offset(at))
    }

    /// How many values it holds.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether it holds no value.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The values in order.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        (0..self.len()).map(|i| self.get(i))
    }
}

impl PartialEq for CellRun {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl Eq for CellRun {}

impl serde::Serialize for CellRun {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

impl<'de> serde::Deserialize<'de> for CellRun {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Seq;
        impl<'de> serde::de::Visitor<'de> for Seq {
            type Value = CellRun;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a list of cell values")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<CellRun, A::Error> {
                let mut run = CellRun::default();
                while let Some(v) = seq.next_element::<std::borrow::Cow<'de, str>>()? {
                    run.push(&v);
                }
                Ok(run)
            }
        }
        d.deserialize_seq(Seq)
    }
}

impl Table {
    /// Builds column `col` anew, every physical row in order, with `value(phys)` where it
    /// gives one and the cell as it is elsewhere; returns the column it replaces, set
    /// aside whole. A pass over the column whatever the values: a block edit of a large
    /// share of a column costs that pass instead of a record and a lookup per cell.
    pub(crate) fn rebuild_column<'v>(
        &mut self,
        col: usize,
        value: impl Fn(u32) -> Option<&'v str>,
    ) -> Option<Arc<CellRun>> {
        let old = self.column(col)?;
        let mut new = ColumnCells::default();
        new.reserve(self.lines.len());
        for phys in 0..offset(self.lines.len()) {
            new.push(value(phys).unwrap_or_else(|| old.get(phys)));
        }
        let aside = self.take_column(col)?;
        let slot = self.columns.get_mut(col)?;
        *slot = new;
        Some(aside)
    }
}
