//! Document → bytes in the chosen encoding, and atomic saving: a temp file in the same
//! folder, flushed to disk, then renamed over the target, so a crash never leaves a
//! half-written file where the original was.

use crate::document::{Document, LineEnding};
use crate::encoding::{TextEncoding, first_unencodable};
use std::io::Write;
use std::path::{Path, PathBuf};

/// How a document is written: by default as it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WriteOptions {
    /// The encoding to write in.
    pub encoding: TextEncoding,
    /// The line break after each record.
    pub line_ending: LineEnding,
    /// Quote every field, as the file read did; otherwise only where needed.
    pub quote_all: bool,
    /// End the last record with a line break.
    pub final_newline: bool,
    /// Write only the first this many columns (leaving out a spreadsheet's empty columns
    /// at the right end); None writes every column.
    pub columns: Option<usize>,
}

impl WriteOptions {
    /// Writes the document as it was read.
    pub fn like(doc: &Document) -> Self {
        WriteOptions {
            encoding: doc.meta.encoding,
            line_ending: doc.meta.line_ending,
            quote_all: doc.meta.quote_all,
            final_newline: doc.meta.final_newline,
            columns: None,
        }
    }
}

/// Why a file could not be written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// A character the target encoding (Shift_JIS) has no bytes for.
    #[error("row {row}, {column}: Shift_JIS cannot carry '{ch}'; replace it or save as UTF-8")]
    Unencodable {
        /// The cell's row, from 1.
        row: usize,
        /// The cell's column name.
        column: String,
        /// The first character it cannot carry.
        ch: char,
    },
    /// Writing, syncing or renaming the file failed.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
}

/// Encodes the header and the given rows (0-based document rows).
pub fn encode_rows(
    doc: &Document,
    rows: impl IntoIterator<Item = usize>,
    opts: &WriteOptions,
) -> Result<Vec<u8>, WriteError> {
    let rows: Vec<usize> = rows.into_iter().collect();
    let text = to_csv_text(doc, &rows, opts);
    match opts.encoding {
        TextEncoding::Utf8 => Ok(text),
        TextEncoding::Utf8Bom => {
            let mut out = Vec::with_capacity(text.len() + 3);
            out.extend_from_slice(super::decode::UTF8_BOM);
            out.extend_from_slice(&text);
            Ok(out)
        }
        TextEncoding::ShiftJis => {
            let s = String::from_utf8_lossy(&text);
            let (bytes, _, had_errors) = encoding_rs::SHIFT_JIS.encode(&s);
            // Some characters encode without an error but read back as others (U+2212 as
            // U+FF0D): refuse those too rather than save a silently different file.
            if had_errors || encoding_rs::SHIFT_JIS.decode_without_bom_handling(&bytes).0 != s {
                return Err(first_unencodable_cell(doc, &rows));
            }
            Ok(bytes.into_owned())
        }
    }
}

/// Room for the text: the first rows' size scaled to all rows, an eighth to spare. A fixed
/// guess per cell reserved 1.5 GB for a 95 MB export of a million rows, which a machine
/// that does not overcommit memory refuses outright.
fn estimated_len(doc: &Document, rows: &[usize]) -> usize {
    let sample = rows.len().min(256);
    let sampled: usize = rows
        .iter()
        .take(sample)
        .map(|&r| {
            (0..doc.width())
                .map(|c| doc.cell(r, c).len() + 1)
                .sum::<usize>()
                + 1
        })
        .sum();
    let per_row = sampled / sample.max(1) + 1;
    let header: usize = doc.header.iter().map(|h| h.len() + 3).sum();
    (per_row.saturating_mul(rows.len()) / 8)
        .saturating_mul(9)
        .saturating_add(header)
}

fn to_csv_text(doc: &Document, rows: &[usize], opts: &WriteOptions) -> Vec<u8> {
    let terminator = match opts.line_ending {
        LineEnding::Crlf => csv::Terminator::CRLF,
        LineEnding::Lf => csv::Terminator::Any(b'\n'),
        LineEnding::Cr => csv::Terminator::Any(b'\r'),
    };
    let style = if opts.quote_all {
        csv::QuoteStyle::Always
    } else {
        csv::QuoteStyle::Necessary
    };
    let mut start = Vec::with_capacity(estimated_len(doc, rows));
    let width = opts.columns.map_or(doc.width(), |n| n.min(doc.width()));
    let header = doc.header.get(..width).unwrap_or(&doc.header);
    let bom_first = bom_first_name(header, opts);
    if let Some(first) = bom_first {
        start.extend_from_slice(&quoted_first_name(first, header, opts));
    }
    let mut w = csv::WriterBuilder::new()
        .flexible(true)
        .terminator(terminator)
        .quote_style(style)
        .from_writer(start);
    // Writing to a Vec cannot fail.
    if bom_first.is_some() {
        if let Some(rest) = header.get(1..).filter(|r| !r.is_empty()) {
            let _ = w.write_record(rest);
        }
    } else {
        let _ = w.write_record(header);
    }
    let mut record = csv::ByteRecord::new();
    for &row in rows {
        record.clear();
        let n = doc.table.field_count(row).min(width);
        for col in 0..n {
            record.push_field(doc.cell(row, col).as_bytes());
        }
        // Fields past the header are written only with every column: a row that has
        // them is an error, so columns are never left out before them.
        if width == doc.width() {
            for extra in doc.table.extra_fields(row) {
                record.push_field(extra.as_bytes());
            }
        }
        let _ = w.write_byte_record(&record);
    }
    let mut out = w.into_inner().unwrap_or_default();
    if !opts.final_newline {
        let cut = opts.line_ending.bytes().len();
        if out.ends_with(opts.line_ending.bytes()) {
            out.truncate(out.len() - cut);
        }
    }
    out
}

/// A first header name that starts with U+FEFF would be taken for the file's byte-order
/// mark when read back (and dropped): in a file without a BOM, or when it is the whole
/// header. It is then written quoted. (After a real BOM the parser keeps it, so a file that
/// came with two BOMs is written back as it was.)
fn bom_first_name<'a>(header: &'a [String], opts: &WriteOptions) -> Option<&'a str> {
    let first = header.first()?;
    let lost = opts.encoding != TextEncoding::Utf8Bom || (header.len() == 1 && first == "\u{feff}");
    (first.starts_with('\u{feff}') && lost && !opts.quote_all).then_some(first.as_str())
}

/// The start of the header line up to the rest of the names: the first name quoted by
/// hand, then a comma, or the line ending when it is the only name.
fn quoted_first_name(first: &str, header: &[String], opts: &WriteOptions) -> Vec<u8> {
    let mut out = format!("\"{}\"", first.replace('"', "\"\"")).into_bytes();
    if header.len() > 1 {
        out.push(b',');
    } else {
        out.extend_from_slice(opts.line_ending.bytes());
    }
    out
}

fn first_unencodable_cell(doc: &Document, rows: &[usize]) -> WriteError {
    let header = std::iter::once((0usize, None));
    let body = rows.iter().map(|&r| (r + 1, Some(r)));
    for (row_no, row) in header.chain(body) {
        for col in 0..doc.width() {
            let value = match row {
                Some(r) => doc.cell(r, col),
                None => doc.header.get(col).map_or("", String::as_str),
            };
            if let Some(ch) = first_unencodable(value) {
                return WriteError::Unencodable {
                    row: row_no,
                    column: doc.header.get(col).cloned().unwrap_or_default(),
                    ch,
                };
            }
        }
    }
    WriteError::Unencodable {
        row: 0,
        column: String::new(),
        ch: '\u{fffd}',
    }
}

/// Writes `bytes` to a temp file beside `path`, syncs it and renames it over `path`, so
/// a failure never leaves a half-written file where the original was.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    write_atomic_with(path, bytes, |_| Ok(()))
}

/// Like [`write_atomic`], calling `before_rename` with the temp file's path once its bytes
/// are on disk: tests inject faults there.
pub fn write_atomic_with(
    path: &Path,
    bytes: &[u8],
    before_rename: impl FnOnce(&Path) -> std::io::Result<()>,
) -> Result<(), WriteError> {
    let io_err = |source| WriteError::Io {
        path: path.to_path_buf(),
        source,
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".bulksheet-")
        .suffix(".tmp")
        .tempfile_in(&dir)
        .map_err(io_err)?;
    tmp.write_all(bytes).map_err(io_err)?;
    tmp.as_file().sync_all().map_err(io_err)?;
    before_rename(tmp.path()).map_err(io_err)?;
    tmp.persist(path).map_err(|e| io_err(e.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn room_reserved_for_an_export_is_close_to_its_size() {
        let text = crate::sample_data::miitel_csv(3_000, 7);
        let doc = crate::io::read_bytes(text.as_bytes(), None).unwrap();
        let rows: Vec<usize> = (0..doc.rows()).collect();
        let written = to_csv_text(&doc, &rows, &WriteOptions::like(&doc)).len();
        let reserved = estimated_len(&doc, &rows);
        assert!(reserved >= written * 9 / 10, "{reserved} for {written}");
        assert!(reserved <= written * 3 / 2, "{reserved} for {written}");
        assert!(estimated_len(&doc, &[]) < 1_000);
    }
}
