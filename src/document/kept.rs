//! The bytes of the lines the writer would not write back the same (a character spelled
//! with its second Shift_JIS code, quoting of its own, another line end, blank lines
//! before it, bytes that do not decode), kept as read: a row whose cells still hold what
//! was read from them is written back with these bytes. Most files keep none but their
//! header line; a row's bytes are looked up by its physical row, so moves, deletes and
//! undo keep them.

use crate::encoding::TextEncoding;
use rustc_hash::FxHashMap;

/// Bytes kept from the file read (see the module doc).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KeptBytes {
    /// The encoding the bytes are in (`None`: nothing was read).
    pub(crate) encoding: Option<TextEncoding>,
    /// The header names as read, and the header line's bytes with its line end.
    pub(crate) header: Option<(Vec<String>, Box<[u8]>)>,
    /// Whole lines (blank lines before them, their line end) by physical row.
    pub(crate) rows: FxHashMap<u32, Box<[u8]>>,
    /// Blank lines after the last record.
    pub(crate) tail: Box<[u8]>,
}

impl KeptBytes {
    /// Whether bytes kept in `encoding` are bytes of a file written in `target`.
    pub(crate) fn same_bytes_as(&self, target: TextEncoding) -> bool {
        use TextEncoding::{ShiftJis, Utf8, Utf8Bom};
        matches!(
            (self.encoding, target),
            (Some(ShiftJis), ShiftJis) | (Some(Utf8 | Utf8Bom), Utf8 | Utf8Bom)
        )
    }

    /// The kept bytes of a physical row.
    pub(crate) fn row(&self, phys: u32) -> Option<&[u8]> {
        self.rows.get(&phys).map(|b| &b[..])
    }

    /// How many rows keep their bytes.
    pub fn rows_kept(&self) -> usize {
        self.rows.len()
    }

    /// Takes the rows of a later part of the same file, whose physical rows start at
    /// `base`; its tail becomes this one's.
    pub(crate) fn append(&mut self, other: KeptBytes, base: u32) {
        self.rows.extend(
            other
                .rows
                .into_iter()
                .map(|(p, b)| (p.saturating_add(base), b)),
        );
        self.tail = other.tail;
    }
}
