//! Rows going in as a file is read: records of text, or lines with their fields' ranges.

use super::{Table, offset};

/// The fields of a line given to [`Table::push_line`], taken in order. A dictionary
/// column first asks for a one-byte code, the usual cell of a bulk-update file, which
/// needs no slice and no search for its end; any other cell is taken as a range.
pub(crate) trait LineFields {
    /// The next field's byte when it is one byte long and not the line's last field
    /// (not taken: see [`LineFields::skip_code`]).
    fn peek_code(&self) -> Option<u8>;
    /// Takes the field [`LineFields::peek_code`] returned.
    fn skip_code(&mut self);
    /// Takes the next field: where it is in the line, which it splits between characters.
    fn next_range(&mut self) -> Option<std::ops::Range<usize>>;
}

impl Table {
    /// that reading them does not grow and copy the storage as it goes. An estimate can be
    /// far too high (a file whose first rows are much shorter than the rest): room that
    /// cannot be had is not asked for, and room never written is not resident.
    pub fn reserve_rows(&mut self, rows: usize) {
        self.unshare_all();
        let more = rows.saturating_sub(self.lines.len());
        let _ = self.lines.try_reserve(more);
        let _ = self.order.try_reserve(more);
        for c in &mut self.columns {
            c.reserve(more);
        }
    }

    /// Appends a record as read from a file; `fields` may be shorter or longer than the width.
    pub fn push_record<'a>(&mut self, fields: impl Iterator<Item = &'a str>, line: u32) {
        self.unshare_all();
        let mut n = 0;
        let mut extra = Vec::new();
        for f in fields {
            match self.columns.get_mut(n) {
                Some(c) => c.push(f),
                None => extra.push(f.to_string()),
            }
            n += 1;
        }
        self.end_record(n, extra, line);
    }

    /// Appends a record given as a line of text and its fields' ranges in it, which fall
    /// between characters. An enum code is looked up by its bytes: only text cells are
    /// sliced as text (which checks both ends of every slice).
    // Kept out of the reader's loop: inlined there, its own loop lost registers.
    #[inline(never)]
    pub(crate) fn push_line(&mut self, text: &str, mut fields: impl LineFields, line: u32) {
        // Only a table being read takes lines: none of its columns is shared.
        debug_assert!(self.shared.is_empty(), "a line pushed into a shared column");
        // An iterator over the columns keeps the next one in a register; indexing
        // reloaded the vector and checked the index on every field.
        let width = self.columns.len();
        let mut columns = self.columns.iter_mut();
        let mut n = width;
        while let Some(c) = columns.next() {
            if c.push_known_code(&mut fields) {
                continue;
            }
            let Some(range) = fields.next_range() else {
                n = width - columns.len() - 1;
                break;
            };
            c.push_range(text, range);
        }
        let mut extra = Vec::new();
        while let Some(range) = fields.next_range() {
            extra.push(text.get(range).unwrap_or("").to_string());
        }
        self.end_record(n + extra.len(), extra, line);
    }

    /// Finishes a record of `n` fields: missing cells are blank, extra fields kept aside.
    #[inline(always)]
    fn end_record(&mut self, n: usize, extra: Vec<String>, line: u32) {
        let phys = offset(self.lines.len());
        for c in self.columns.iter_mut().skip(n) {
            c.push("");
        }
        if n < self.width() {
            self.short.insert(phys, n);
        }
        if !extra.is_empty() {
            self.extra.insert(phys, extra);
        }
        self.lines.push(line);
        self.order.push(phys);
    }
}
