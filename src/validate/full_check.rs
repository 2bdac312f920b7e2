//! The full check, on open and whenever the rules change: the header, every cell, every
//! duplicate index, every row and the file. On a big sheet its work is shared out between
//! threads: each duplicate index, each text column's cells in runs of rows, each
//! dictionary column's cells. One piece per turn from a shared counter, the longest first,
//! so both cores stay busy to the end: checking a whole e-mail column on one thread, as
//! before, left the other core idle for the last ~50 ms of a million-row open.

use super::unique::UniqueIndex;
use super::{Finding, Validator};
use crate::document::Document;
use crate::schema::{Binding, Unique};
use crate::text::is_blank;
use crate::threads::join;
use std::ops::Range;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

/// One column's findings by row (rows that have any), for some of its rows.
pub(super) type ColumnFindings = (usize, Vec<(usize, Vec<Finding>)>);

/// A unique column's index and the rows whose key another row shares.
pub(super) type Built = (UniqueIndex, Vec<u32>);

/// Sheets this big check their cells and build their duplicate indexes on two threads.
pub(super) const PARALLEL_FROM_ROWS: usize = 20_000;

/// A text column's cells are checked in runs of this many rows at a time.
const RUN_ROWS: usize = 1 << 15;

/// One piece of the full check.
enum Piece {
    Index(usize, Unique),
    Cells(usize, Range<usize>),
}

enum Done {
    Index(usize, Built),
    Cells(ColumnFindings),
}

/// Sets the blank rows to none when dropped before they were set (by a panic).
struct Unblock<'a>(&'a OnceLock<Vec<bool>>);

impl Drop for Unblock<'_> {
    fn drop(&mut self) {
        let _ = self.0.set(Vec::new());
    }
}

impl Validator {
    /// Input an edit's re-check did not expect (a change outside the sheet, rows out of
    /// order): a bug, so a debug build (the tests) stops here; a release build checks
    /// everything rather than keep findings that may be wrong.
    #[track_caller]
    pub(super) fn unexpected(&mut self, doc: &Document, what: std::fmt::Arguments<'_>) {
        debug_assert!(false, "unexpected input to a re-check: {what}");
        self.validate_all(doc);
    }

    /// Checks everything again: the header, every cell, every unique column, every row
    /// and the file.
    pub fn validate_all(&mut self, doc: &Document) {
        let width = doc.width();
        self.rules.binding = Binding::new(&self.rules.schema, &doc.header);
        self.roster_pairing =
            (self.rules.roster.as_ref()).and_then(|r| r.pair(&self.rules.schema, &doc.header));
        self.cells.clear();
        self.rows.clear();
        self.file.clear();
        self.col_counts = vec![[0, 0]; width];
        self.totals = [0, 0];
        let unique = self.unique_modes(doc);
        let (built, found) = self.full_check_pieces(doc, &unique);
        self.check_header(doc);
        self.check_cells(doc, found);
        self.unique = Vec::with_capacity(width);
        let mut dups = Vec::new();
        for (col, b) in built.into_iter().enumerate() {
            self.unique.push(b.map(|(ix, rows)| {
                dups.push((col, rows));
                ix
            }));
        }
        for (col, rows) in dups {
            for r in rows {
                self.add_dup(r as usize, col);
            }
        }
        // Row rules find blank rows and rows with the wrong number of fields. Without any
        // ragged row only the blank ones can have a finding (a million-row visit on one
        // core otherwise, ~12 ms, while the other waits).
        if doc.table.has_ragged_rows() {
            for row in 0..doc.rows() {
                self.refresh_row(doc, row);
            }
        } else {
            let blank: Vec<usize> = (0..doc.rows()).filter(|&r| self.is_blank_row(r)).collect();
            for row in blank {
                self.refresh_row(doc, row);
            }
        }
        self.refresh_file_rules(doc);
    }

    fn put_columns(&mut self, found: Vec<ColumnFindings>) {
        for (col, cells) in found {
            for (row, fs) in cells {
                self.put_cell(row, col, fs);
            }
        }
    }

    /// Cells whose bytes were broken are checked again with that problem included.
    fn check_read_problems(&mut self, doc: &Document) {
        if !doc.has_read_problems() {
            return;
        }
        for row in 0..doc.rows() {
            for col in 0..doc.width() {
                if doc.read_problem(row, col).is_some() && !self.is_blank_row(row) {
                    let fs = self.cell_own_findings(doc, row, col);
                    self.put_cell(row, col, fs);
                }
            }
        }
    }

    /// Each cell's own findings: the rules of its column (`found`, gathered by the full
    /// check's threads), broken bytes, the roster.
    fn check_cells(&mut self, doc: &Document, found: Vec<ColumnFindings>) {
        self.put_columns(found);
        self.check_read_problems(doc);
        self.check_roster(doc);
    }

    /// For each file column, how its values must be unique, if they must.
    fn unique_modes(&self, doc: &Document) -> Vec<Option<Unique>> {
        (0..doc.width())
            .map(|col| self.schema_column(col).and_then(|c| c.unique))
            .collect()
    }
}

impl Validator {
    /// Builds the duplicate indexes (`unique`: each column's mode) and checks every cell
    /// against its column's rules; sets which rows are blank. Returns the indexes by column
    /// and the cells' findings.
    pub(super) fn full_check_pieces(
        &mut self,
        doc: &Document,
        unique: &[Option<Unique>],
    ) -> (Vec<Option<Built>>, Vec<ColumnFindings>) {
        let pieces = self.pieces(doc, unique);
        let next = AtomicUsize::new(0);
        let blank = OnceLock::new();
        let this = &*self;
        let done = if doc.rows() >= PARALLEL_FROM_ROWS {
            std::thread::scope(|s| {
                // The helper starts on the first index, which needs no blank rows (a
                // blank row's key is blank, and never indexed), while this thread finds them.
                let helper = s.spawn(|| this.take_pieces(doc, &pieces, &next, &blank));
                // Should finding them panic, the helper must not wait for them forever:
                // the scope would never end and the panic never be seen.
                let unblock = Unblock(&blank);
                let _ = blank.set(blank_rows(doc));
                drop(unblock);
                let mut done = this.take_pieces(doc, &pieces, &next, &blank);
                done.extend(join(helper));
                done
            })
        } else {
            let _ = blank.set(blank_rows(doc));
            this.take_pieces(doc, &pieces, &next, &blank)
        };
        self.blank = blank.into_inner().unwrap_or_default();
        self.users = super::row_and_file_rules::count_users(&self.blank);
        let mut built: Vec<Option<Built>> = unique.iter().map(|_| None).collect();
        let mut found = Vec::new();
        for d in done {
            match d {
                Done::Index(col, b) => {
                    if let Some(slot) = built.get_mut(col) {
                        *slot = Some(b);
                    }
                }
                Done::Cells(f) => found.push(f),
            }
        }
        (built, found)
    }

    /// The pieces, longest first: the indexes (hashing and sorting every key), the text
    /// columns' runs, then the dictionary columns (a check per distinct value, and a
    /// visit per row only when some value has a finding).
    fn pieces(&self, doc: &Document, unique: &[Option<Unique>]) -> Vec<Piece> {
        let mut pieces: Vec<Piece> = unique
            .iter()
            .enumerate()
            .filter_map(|(col, mode)| mode.map(|m| Piece::Index(col, m)))
            .collect();
        let rows = doc.rows();
        let (text, dict): (Vec<usize>, Vec<usize>) =
            (0..doc.width()).partition(|&col| doc.table.dictionary(col).is_none());
        for col in text {
            let mut from = 0;
            while from < rows {
                let to = (from + RUN_ROWS).min(rows);
                pieces.push(Piece::Cells(col, from..to));
                from = to;
            }
        }
        pieces.extend(dict.into_iter().map(|col| Piece::Cells(col, 0..rows)));
        pieces
    }

    /// Does the next piece not yet taken from `next` until none is left: threads sharing
    /// one counter share the pieces out by the time each takes.
    fn take_pieces(
        &self,
        doc: &Document,
        pieces: &[Piece],
        next: &AtomicUsize,
        blank: &OnceLock<Vec<bool>>,
    ) -> Vec<Done> {
        let mut out = Vec::new();
        while let Some(piece) = pieces.get(next.fetch_add(1, Ordering::Relaxed)) {
            out.push(match piece {
                Piece::Index(col, mode) => Done::Index(*col, build_unique(doc, *col, *mode)),
                Piece::Cells(col, rows) => {
                    let blank = blank.wait();
                    Done::Cells((*col, self.column_findings(doc, *col, rows.clone(), blank)))
                }
            });
        }
        out
    }

    /// The findings of one column's cells in `rows` by their own values, for the rows
    /// that have any; a dictionary column is checked once per distinct value.
    fn column_findings(
        &self,
        doc: &Document,
        col: usize,
        rows: Range<usize>,
        blank: &[bool],
    ) -> Vec<(usize, Vec<Finding>)> {
        let is_blank_row = |row: usize| blank.get(row).copied().unwrap_or(false);
        let order = doc.table.order().get(rows.clone()).unwrap_or_default();
        let mut out = Vec::new();
        let rules = self.column_rules(col);
        if let Some((ids, values)) = doc.table.dictionary(col) {
            let per_value: Vec<Vec<Finding>> = values.iter().map(|v| rules.findings(v)).collect();
            // The usual enum column: every code in it is fine, so no cell needs a visit.
            if per_value.iter().all(Vec::is_empty) {
                return out;
            }
            for (row, &phys) in rows.zip(order) {
                if is_blank_row(row) {
                    continue;
                }
                let id = usize::from(ids.get(phys).unwrap_or(0));
                if let Some(fs) = per_value.get(id).filter(|f| !f.is_empty()) {
                    out.push((row, fs.clone()));
                }
            }
        } else {
            for (row, value) in rows.clone().zip(doc.table.column_values_in(col, rows)) {
                if is_blank_row(row) {
                    continue;
                }
                let fs = rules.findings(value);
                if !fs.is_empty() {
                    out.push((row, fs));
                }
            }
        }
        out
    }
}

/// The duplicate index of one unique column, and the rows whose key another row shares.
/// Blank rows need no filtering out: every cell of one is blank.
fn build_unique(doc: &Document, col: usize, mode: Unique) -> (UniqueIndex, Vec<u32>) {
    let keys = (0u32..)
        .zip(doc.table.column_values(col))
        .filter(|(_, v)| !is_blank(v));
    let ix = UniqueIndex::build(mode, keys, doc.rows());
    let dups = ix.duplicated_rows(|r| doc.cell(r as usize, col));
    (ix, dups)
}

/// Which rows are blank, found column by column (cache-friendly; a dictionary column
/// decides blankness once per distinct value). Stops at the first column after which no
/// row is blank: in a real file, usually the first.
fn blank_rows(doc: &Document) -> Vec<bool> {
    let order = doc.table.order();
    // Every row has a cell in a dictionary column that holds no blank value at all (an
    // enum column filled in on every row): no row is blank, and no row needs a look.
    let filled_everywhere = (0..doc.width()).any(|col| {
        doc.table
            .dictionary(col)
            .is_some_and(|(_, values)| !values.iter().any(|v| is_blank(v)))
    });
    if filled_everywhere {
        return vec![false; order.len()];
    }
    let mut blank = vec![true; order.len()];
    let mut left = order.len();
    // Marks a row as not blank, counting the blank ones left.
    fn filled(b: &mut bool, left: &mut usize) {
        if *b {
            *b = false;
            *left -= 1;
        }
    }
    for col in 0..doc.width() {
        match doc.table.dictionary(col) {
            Some((ids, values)) => {
                let blank_value: Vec<bool> = values.iter().map(|v| is_blank(v)).collect();
                if blank_value.iter().all(|b| *b) {
                    continue;
                }
                for (row, &phys) in order.iter().enumerate() {
                    let id = usize::from(ids.get(phys).unwrap_or(0));
                    if !blank_value.get(id).copied().unwrap_or(true)
                        && let Some(b) = blank.get_mut(row)
                    {
                        filled(b, &mut left);
                    }
                }
            }
            None => {
                for (b, value) in blank.iter_mut().zip(doc.table.column_values(col)) {
                    if *b && !is_blank(value) {
                        filled(b, &mut left);
                    }
                }
            }
        }
        if left == 0 {
            return blank;
        }
    }
    for (row, b) in blank.iter_mut().enumerate() {
        if *b && doc.table.extra_fields(row).iter().any(|f| !is_blank(f)) {
            filled(b, &mut left);
        }
    }
    blank
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    /// Blank rows by looking at every cell of every row.
    fn blank_rows_one_by_one(doc: &Document) -> Vec<bool> {
        (0..doc.rows())
            .map(|r| (0..doc.width()).all(|c| is_blank(doc.cell(r, c))))
            .collect()
    }

    #[test]
    fn blank_rows_are_the_rows_whose_every_cell_is_blank() {
        let cases: [&[u8]; 5] = [
            // A code on every row: no row is blank, though one has nothing else.
            b"a,b,c\n1,x,0\n,,1\n2,y,0\n",
            // The same column blank on one row: that row is blank.
            b"a,b,c\n1,x,0\n,,\n2,y,0\n",
            // Blank only in its own way (spaces) and short rows.
            b"a,b,c\n1,x,0\n , ,\t\n\n2\n",
            // Every row blank.
            b"a,b\n,\n,\n",
            // No rows.
            b"a,b\n",
        ];
        for bytes in cases {
            let doc = crate::io::read_bytes(bytes, None).unwrap();
            let text = String::from_utf8_lossy(bytes);
            assert_eq!(blank_rows(&doc), blank_rows_one_by_one(&doc), "{text:?}");
        }
        let doc = crate::io::read_bytes(b"a,b\n1,0\n,1\n", None).unwrap();
        assert_eq!(blank_rows(&doc), [false, false]);
    }

    #[test]
    fn a_panic_before_the_blank_rows_are_set_does_not_leave_the_helper_waiting() {
        let blank = OnceLock::new();
        let seen = std::thread::scope(|s| {
            // Polls instead of waiting, so that a failure ends the test instead of hanging it.
            let helper = s.spawn(|| {
                let start = Instant::now();
                while start.elapsed() < Duration::from_secs(10) {
                    if let Some(b) = blank.get() {
                        return Some(Vec::len(b));
                    }
                    std::thread::sleep(Duration::from_millis(1));
                }
                None
            });
            let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                let _unblock = Unblock(&blank);
                panic!("finding the blank rows failed");
            }));
            assert!(caught.is_err());
            helper.join().unwrap()
        });
        assert_eq!(seen, Some(0));
    }
}
