//! One column's cells, stored one of two ways: one byte per cell into a small dictionary
//! (columns with few distinct values: enum codes), or text in runs of rows. Never a
//! `String` per cell.

use super::dictionary::Dictionary;
use super::load::LineFields;
use super::runs::{DictIds, IdRun, TextSeg, id_slot, push_text, seg_of};
use rustc_hash::FxHashMap;

/// A column's cells by physical row.
#[derive(Debug, Clone)]
pub(crate) enum ColumnCells {
    /// `ids[phys - first]` is the id in `dict` of the rows from `first` on; the rows
    /// before are in `earlier` runs (a file read in parts: each part's ids kept as they
    /// were read, not copied after the first's).
    Dict {
        ids: Vec<u8>,
        first: u32,
        earlier: Vec<IdRun>,
        dict: Dictionary,
    },
    /// Cells in runs of rows (`segs`, in row order; one per part of a file read in parts),
    /// unless `edited` has them.
    Text {
        segs: Vec<TextSeg>,
        edited: FxHashMap<u32, Box<str>>,
    },
}

impl Default for ColumnCells {
    fn default() -> Self {
        ColumnCells::Dict {
            ids: Vec::new(),
            first: 0,
            earlier: Vec::new(),
            dict: Dictionary::default(),
        }
    }
}

impl ColumnCells {
    pub(super) fn get(&self, phys: u32) -> &str {
        match self {
            ColumnCells::Dict {
                ids,
                first,
                earlier,
                dict,
            } => DictIds {
                ids,
                first: *first,
                earlier,
            }
            .get(phys)
            .map_or("", |id| dict.value(id)),
            ColumnCells::Text { segs, edited } => {
                if !edited.is_empty()
                    && let Some(v) = edited.get(&phys)
                {
                    return v;
                }
                seg_of(segs, phys).map_or("", |s| s.get(phys))
            }
        }
    }

    pub(super) fn len(&self) -> usize {
        match self {
            ColumnCells::Dict { ids, first, .. } => *first as usize + ids.len(),
            ColumnCells::Text { segs, .. } => segs.last().map_or(0, TextSeg::end),
        }
    }

    /// For dictionary columns: the id of each physical row and the distinct values.
    pub(super) fn dictionary(&self) -> Option<(DictIds<'_>, &[Box<str>])> {
        match self {
            ColumnCells::Dict {
                ids,
                first,
                earlier,
                dict,
            } => Some((
                DictIds {
                    ids,
                    first: *first,
                    earlier,
                },
                dict.values(),
            )),
            ColumnCells::Text { .. } => None,
        }
    }

    /// Room for `more` cells; a text column's run by its cells' size so far. A hint: when
    /// the room cannot be had, the column grows as cells come, as it would without it.
    pub(super) fn reserve(&mut self, more: usize) {
        match self {
            ColumnCells::Dict { ids, .. } => {
                let _ = ids.try_reserve(more);
            }
            ColumnCells::Text { segs, .. } => {
                if let Some(seg) = segs.last_mut() {
                    let per_cell = seg.buf.len().div_ceil(seg.ends.len().max(1));
                    let _ = seg.buf.try_reserve(per_cell.saturating_mul(more));
                    let _ = seg.ends.try_reserve(more);
                }
            }
        }
    }

    // Inlined into the reader's per-field loop: a call per cell costs as much as the push.
    #[inline(always)]
    pub(super) fn push(&mut self, value: &str) {
        match self {
            ColumnCells::Dict { ids, dict, .. } => match dict.find(value.as_bytes(), ids) {
                Some(id) => ids.push(id),
                None => self.push_new(value),
            },
            ColumnCells::Text { segs, .. } => push_text(segs, value),
        }
    }

    /// Like `push` with `text[range]`, without slicing text for a dictionary's codes.
    #[inline(always)]
    pub(super) fn push_range(&mut self, text: &str, range: std::ops::Range<usize>) {
        match self {
            ColumnCells::Dict { ids, dict, .. } => {
                let bytes = text.as_bytes().get(range.clone()).unwrap_or_default();
                match dict.find(bytes, ids) {
                    Some(id) => ids.push(id),
                    None => self.push_new(text.get(range).unwrap_or("")),
                }
            }
            ColumnCells::Text { segs, .. } => push_text(segs, text.get(range).unwrap_or("")),
        }
    }

    /// Takes the line's next field when it is a one-byte code this dictionary column
    /// already has, without a slice or a search; false when the column is text (which
    /// never asks the line), or the field is not such a code.
    #[inline(always)]
    pub(super) fn push_known_code(&mut self, fields: &mut impl LineFields) -> bool {
        if let ColumnCells::Dict { ids, dict, .. } = self
            && let Some(b) = fields.peek_code()
            && let Some(id) = dict.find_byte(b)
        {
            ids.push(id);
            fields.skip_code();
            return true;
        }
        false
    }

    /// A value a dictionary column has not seen: added, or, past its room, the column
    /// becomes text. Rare, so kept out of `push`, which it would stop inlining.
    #[cold]
    #[inline(never)]
    fn push_new(&mut self, value: &str) {
        if let ColumnCells::Dict { ids, dict, .. } = self
            && let Some(id) = dict.add(value)
        {
            ids.push(id);
            return;
        }
        self.convert_to_text();
        if let ColumnCells::Text { segs, .. } = self {
            push_text(segs, value);
        }
    }

    pub(super) fn set(&mut self, phys: u32, value: &str) {
        match self {
            ColumnCells::Dict {
                ids,
                first,
                earlier,
                dict,
            } => {
                let Some(id) = dict.find_or_add(value) else {
                    self.convert_to_text();
                    return self.set(phys, value);
                };
                if let Some(slot) = id_slot(ids, *first, earlier, phys) {
                    *slot = id;
                }
            }
            ColumnCells::Text { edited, .. } => {
                edited.insert(phys, value.into());
            }
        }
    }

    pub(super) fn convert_to_text(&mut self) {
        if matches!(self, ColumnCells::Text { .. }) {
            return;
        }
        let n = self.len();
        let mut seg = TextSeg {
            ends: Vec::with_capacity(n),
            ..TextSeg::default()
        };
        for phys in 0..n {
            seg.push(self.get(phys as u32));
        }
        *self = ColumnCells::Text {
            segs: vec![seg],
            edited: FxHashMap::default(),
        };
    }
}
