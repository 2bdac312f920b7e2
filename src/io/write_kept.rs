//! Writing with the bytes kept from the file read (see [`KeptBytes`]): in the file's own
//! encoding, line end and quoting, a row whose cells still hold what its kept line reads
//! as is written with that line, and the header likewise; every other row is written as
//! `write.rs` writes it. So an untouched file comes back byte for byte, and an edited row
//! changes only its own line.
//!
//! [`KeptBytes`]: crate::document::KeptBytes

use super::write::{WriteError, WriteOptions, append_rows};
use crate::document::{Document, KeptBytes};
use crate::encoding::TextEncoding;

/// Whether the kept bytes can be written for `opts`: the same bytes for text, and the
/// layout they were read in (separator, line end, quoting, every column).
pub(super) fn usable(doc: &Document, opts: &WriteOptions) -> bool {
    let kept = doc.kept();
    kept.header.is_some()
        && kept.same_bytes_as(opts.encoding)
        && opts.separator == doc.meta.separator
        && opts.columns.is_none_or(|n| n >= doc.width())
        && opts.line_ending == doc.meta.line_ending
        && opts.quote_all == doc.meta.quote_all
        && opts.final_newline == doc.meta.final_newline
}

/// The header and `rows`, each from its kept line when it is unchanged.
pub(super) fn encode_keeping(
    doc: &Document,
    rows: &[usize],
    opts: &WriteOptions,
) -> Result<Vec<u8>, WriteError> {
    let kept = doc.kept();
    let mut out = Vec::new();
    if opts.encoding == TextEncoding::Utf8Bom {
        out.extend_from_slice(super::decode::UTF8_BOM);
    }
    let line_end = opts.line_ending.bytes();
    let mut header_written = false;
    if let Some((names, line)) = &kept.header
        && *names == doc.header
    {
        push_line(&mut out, line, line_end);
        header_written = true;
    }
    if kept.rows.is_empty() {
        // Most files keep no row: every row is written as `write.rs` writes it.
        append_rows(&mut out, doc, rows, opts, !header_written)?;
    } else {
        keep_rows(&mut out, doc, rows, opts, header_written)?;
    }
    if !opts.final_newline {
        let cut = if out.ends_with(b"\r\n") {
            2
        } else {
            usize::from(matches!(out.last(), Some(b'\r' | b'\n')))
        };
        out.truncate(out.len() - cut);
    }
    if rows.last().is_none_or(|&r| r + 1 == doc.rows()) {
        out.extend_from_slice(&kept.tail);
    }
    Ok(out)
}

/// Appends `rows`, each from its kept line when it still reads as the row's cells, the
/// others in runs written as `write.rs` writes them.
fn keep_rows(
    out: &mut Vec<u8>,
    doc: &Document,
    rows: &[usize],
    opts: &WriteOptions,
    mut header_written: bool,
) -> Result<(), WriteError> {
    let kept = doc.kept();
    let mut reader = KeptReader::new(kept, doc.meta.separator.byte());
    let line_end = opts.line_ending.bytes();
    let mut run: Vec<usize> = Vec::new();
    for &row in rows {
        let line = doc
            .table
            .order()
            .get(row)
            .and_then(|&p| kept.row(p))
            .filter(|line| reader.reads_as(line, doc, row));
        match line {
            Some(line) => {
                if !run.is_empty() || !header_written {
                    append_rows(out, doc, &run, opts, !header_written)?;
                    run.clear();
                }
                header_written = true;
                push_line(out, line, line_end);
            }
            None => run.push(row),
        }
    }
    if !run.is_empty() || !header_written {
        append_rows(out, doc, &run, opts, !header_written)?;
    }
    Ok(())
}

/// Appends a kept line, and the file's line end when the line had none (it was the last).
fn push_line(out: &mut Vec<u8>, line: &[u8], line_end: &[u8]) {
    out.extend_from_slice(line);
    if !line.is_empty() && !matches!(line.last(), Some(b'\r' | b'\n')) {
        out.extend_from_slice(line_end);
    }
}

/// Reads a kept line back into fields, to compare them with the row's cells now.
struct KeptReader {
    rdr: csv_core::Reader,
    shift_jis: bool,
    out: Vec<u8>,
    ends: Vec<usize>,
}

impl KeptReader {
    fn new(kept: &KeptBytes, sep: u8) -> Self {
        KeptReader {
            rdr: csv_core::ReaderBuilder::new().delimiter(sep).build(),
            shift_jis: kept.encoding == Some(TextEncoding::ShiftJis),
            out: Vec::new(),
            ends: Vec::new(),
        }
    }

    /// Whether `line` is one record whose fields, decoded as reading decoded them, are
    /// the fields the writer would write for the row now.
    fn reads_as(&mut self, line: &[u8], doc: &Document, row: usize) -> bool {
        let Some(n) = self.read(line) else {
            return false;
        };
        let width = doc.table.field_count(row).min(doc.width());
        let extra = doc.table.extra_fields(row);
        if n != width + extra.len() {
            return false;
        }
        let cells = (0..width)
            .map(|c| doc.cell(row, c))
            .chain(extra.iter().map(String::as_str));
        let mut start = 0;
        for (cell, &end) in cells.zip(&self.ends) {
            let field = self.out.get(start..end).unwrap_or_default();
            start = end;
            if !self.decodes_to(field, cell) {
                return false;
            }
        }
        true
    }

    /// Reads one record; how many fields it has. `None` when the line is not exactly one
    /// record (then it is not written as kept).
    fn read(&mut self, line: &[u8]) -> Option<usize> {
        use csv_core::ReadRecordResult::{InputEmpty, Record};
        self.rdr.reset();
        // csv_core drops a byte-order mark at the start of its input: a record read
        // first makes the line's own bytes (a cell may start with U+FEFF) read as they are.
        let _ = self
            .rdr
            .read_record(b"x\n", &mut [0u8; 2], &mut [0usize; 2]);
        self.out.resize(line.len() + 1, 0);
        self.ends.resize(line.len() + 2, 0);
        let (res, nin, nout, nend) = self.rdr.read_record(line, &mut self.out, &mut self.ends);
        let (res, nend) = match res {
            InputEmpty => {
                let (res, _, _, more) = self.rdr.read_record(
                    &[],
                    self.out.get_mut(nout..)?,
                    self.ends.get_mut(nend..)?,
                );
                (res, nend + more)
            }
            res => (res, nend),
        };
        let rest = line.get(nin..).unwrap_or_default();
        (res == Record && rest.iter().all(|b| matches!(b, b'\r' | b'\n'))).then_some(nend)
    }

    fn decodes_to(&self, field: &[u8], cell: &str) -> bool {
        if self.shift_jis {
            if field.is_ascii() {
                return field == cell.as_bytes();
            }
            return encoding_rs::SHIFT_JIS.decode_without_bom_handling(field).0 == cell;
        }
        String::from_utf8_lossy(field) == cell
    }
}
