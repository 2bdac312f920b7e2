//! Re-checking after rows are inserted or deleted, without a full check: the rows that
//! came or went are entered into (or taken out of) every finding and duplicate index, and
//! the rows after them are renumbered. A full check of a million rows takes about a second;
//! this takes a few milliseconds, most of it renumbering the duplicate indexes.

use super::{Validator, unique::UniqueIndex};
use crate::document::Document;
use crate::text::is_blank;

impl Validator {
    /// Call before `rows` (ascending, distinct, in the current numbering) leave the
    /// document, while their values can still be read.
    pub fn rows_removing(&mut self, doc: &Document, rows: &[usize]) {
        let expected = is_ascending(rows) && rows.last().is_none_or(|&r| r < self.blank.len());
        // A bug: tests stop here; a release build goes on to `rows_removed`, which then
        // checks everything.
        debug_assert!(expected, "rows to remove out of order or outside: {rows:?}");
        if !expected {
            return;
        }
        for &row in rows {
            self.forget_row(doc, row);
        }
    }

    /// Call after `rows` (the same list as given to [`Validator::rows_removing`]) were
    /// removed from the document.
    pub fn rows_removed(&mut self, doc: &Document, rows: &[usize]) {
        let Some(&first) = rows.first() else {
            return;
        };
        if !is_ascending(rows) || self.blank.len() != doc.rows() + rows.len() {
            return self.unexpected(doc, format_args!("rows removed unannounced: {rows:?}"));
        }
        let gone: Vec<u32> = rows.iter().map(|&r| r as u32).collect();
        self.renumber(first as u32, |r| {
            match gone.binary_search(&r) {
                Ok(_) => None,
                // Err(i): i removed rows lie before r.
                Err(i) => Some(r - i as u32),
            }
        });
        let mut next = gone.iter().peekable();
        let mut index = 0u32;
        self.blank.retain(|_| {
            let keep = next.next_if_eq(&&index).is_none();
            index += 1;
            keep
        });
        self.users = super::row_and_file_rules::count_users(&self.blank);
        self.refresh_file_rules(doc);
        if self.has_nameless_column(doc) {
            self.refresh_header(doc);
        }
    }

    /// Call after rows were inserted one by one at `at` (each position in the numbering
    /// of its moment, as [`crate::document::Edit::InsertRows`] holds them).
    pub fn rows_inserted(&mut self, doc: &Document, at: &[usize]) {
        let placed = final_positions(at, self.blank.len())
            .filter(|placed| self.blank.len() + placed.len() == doc.rows());
        let Some(placed) = placed else {
            return self.unexpected(doc, format_args!("rows inserted out of order: {at:?}"));
        };
        let Some(&first) = placed.first() else {
            return;
        };
        let new: Vec<u32> = placed.iter().map(|&r| r as u32).collect();
        self.renumber(first as u32, |r| Some(r + shift_past(&new, r)));
        // One pass, not one `Vec::insert` per row: undoing a large delete inserts
        // thousands of rows.
        let mut old = std::mem::take(&mut self.blank).into_iter();
        let mut fresh = placed.iter().peekable();
        self.blank = (0..doc.rows())
            .map(|row| match fresh.next_if_eq(&&row) {
                Some(_) => doc.is_blank_row(row),
                None => old.next().unwrap_or(true),
            })
            .collect();
        self.users = super::row_and_file_rules::count_users(&self.blank);
        for &row in &placed {
            self.enter_row(doc, row);
            self.refresh_row(doc, row);
        }
        self.refresh_file_rules(doc);
        if self.has_nameless_column(doc) {
            self.refresh_header(doc);
        }
    }

    /// Takes one row out of every finding and duplicate index; a partner left alone in
    /// its duplicate group loses its mark.
    fn forget_row(&mut self, doc: &Document, row: usize) {
        let counted = !self.is_blank_row(row);
        for col in 0..doc.width() {
            self.put_cell(row, col, Vec::new());
            let value = doc.cell(row, col);
            if !counted || is_blank(value) {
                continue;
            }
            if let Some(ix) = self.unique.get_mut(col).and_then(Option::as_mut) {
                let rest = ix.remove(row as u32, value, |r| doc.cell(r as usize, col));
                if let [lone] = rest[..] {
                    self.remove_dup(lone as usize, col);
                }
            }
        }
        self.put_row(row, Vec::new());
    }

    /// Moves every finding and index entry of rows `from` and later to the row `map`
    /// gives (rows mapped to `None` must have no findings left).
    fn renumber(&mut self, from: u32, map: impl Fn(u32) -> Option<u32> + Sync) {
        let tail = self.cells.split_off(&(from, 0));
        for ((r, c), fs) in tail {
            if let Some(n) = map(r) {
                self.cells.insert((n, c), fs);
            }
        }
        let tail = self.rows.split_off(&from);
        for (r, fs) in tail {
            if let Some(n) = map(r) {
                self.rows.insert(n, fs);
            }
        }
        // Each index is a pass over all its keys (a delete and its undo at a million rows
        // took ~35 ms for the two unique columns): on a big sheet they go side by side.
        let mut indexes: Vec<&mut UniqueIndex> = self.unique.iter_mut().flatten().collect();
        let half = indexes.len() / 2;
        let (some, others) = indexes.split_at_mut(half);
        let renumber_all = |ixs: &mut [&mut UniqueIndex]| {
            for ix in ixs {
                ix.renumber(from, &map);
            }
        };
        if self.blank.len() >= super::PARALLEL_FROM_ROWS && !some.is_empty() {
            std::thread::scope(|s| {
                s.spawn(|| renumber_all(some));
                renumber_all(others);
            });
        } else {
            renumber_all(some);
            renumber_all(others);
        }
    }
}

fn is_ascending(rows: &[usize]) -> bool {
    rows.windows(2).all(|w| matches!(w, [a, b] if a < b))
}

/// Where rows inserted one after another at `at` end up, given `len` rows before; `None`
/// unless each goes after the one before (how inserts and undone deletes are built).
fn final_positions(at: &[usize], len: usize) -> Option<Vec<usize>> {
    let mut out: Vec<usize> = Vec::with_capacity(at.len());
    for (i, &a) in at.iter().enumerate() {
        let p = a.min(len + i);
        if out.last().is_some_and(|&last| last >= p) {
            return None;
        }
        out.push(p);
    }
    Some(out)
}

/// How many of the new rows (final positions, ascending) come before old row `r` once
/// they are in: the smallest k with k = |{new rows ≤ r + k}|.
fn shift_past(new: &[u32], r: u32) -> u32 {
    let mut k = 0u32;
    loop {
        let n = new.partition_point(|&p| p <= r + k) as u32;
        if n == k {
            return k;
        }
        k = n;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two rows of the sample, read and checked.
    fn checked() -> (Document, Validator) {
        let doc = crate::io::read_bytes(crate::sample_data::SAMPLE_CSV, None).expect("sample");
        let schema = crate::schema::builtin(crate::schema::MIITEL_UPDATE_USERS).expect("schema");
        let rules =
            super::super::Rules::new(schema, &doc.header, Default::default(), doc.meta.encoding);
        let v = Validator::new(rules, &doc);
        (doc, v)
    }

    #[test]
    #[should_panic(expected = "unexpected input to a re-check")]
    fn a_cell_change_outside_the_sheet_stops_a_test() {
        let (doc, mut v) = checked();
        v.cell_changed(&doc, doc.rows() + 5, 0, "");
    }

    #[test]
    #[should_panic(expected = "rows to remove out of order")]
    fn rows_to_remove_out_of_order_stop_a_test() {
        let (doc, mut v) = checked();
        v.rows_removing(&doc, &[1, 0]);
    }

    #[test]
    #[should_panic(expected = "unexpected input to a re-check")]
    fn rows_removed_unannounced_stop_a_test() {
        let (doc, mut v) = checked();
        v.rows_removed(&doc, &[0]);
    }

    #[test]
    #[should_panic(expected = "unexpected input to a re-check")]
    fn rows_inserted_out_of_order_stop_a_test() {
        let (doc, mut v) = checked();
        v.rows_inserted(&doc, &[3, 1]);
    }

    #[test]
    fn positions_of_ascending_inserts_are_kept_and_clamped() {
        assert_eq!(final_positions(&[2, 3, 4], 10), Some(vec![2, 3, 4]));
        assert_eq!(final_positions(&[20, 21], 3), Some(vec![3, 4]));
        assert_eq!(final_positions(&[4, 2], 10), None);
    }

    #[test]
    fn old_rows_move_past_the_new_ones_before_them() {
        // New rows end up at 1 and 3: old 0 stays, old 1 → 2, old 2 → 4.
        let new = [1, 3];
        let moved: Vec<u32> = (0..3).map(|r| r + shift_past(&new, r)).collect();
        assert_eq!(moved, vec![0, 2, 4]);
    }
}
