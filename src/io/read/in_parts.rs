//! A big body read in parts on two threads: each part after the first starts after a line
//! break, and the parts are joined in order when each ended on a record boundary. When a
//! break was inside a quoted cell, the whole body is read again in one pass, so the result
//! is always that of a single pass.

use super::keep::{Layout, first_break_end};
use super::part::{Part, ends_with_newline, line_ending_of, parse_part};
use super::refusals::nul_error;
use super::{Mode, ReadError};
use crate::document::Document;
use crate::io::decode::Detected;
use crate::io::separator::Separator;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// Bodies at least this long are read in parts on two threads.
pub(super) const SPLIT_FROM_BYTES: usize = 4 << 20;

/// A big body is cut into parts of about this many bytes (at most `MAX_PARTS`), which the
/// two threads take in turn: with two fixed halves, one core sat idle while the other
/// finished (the halves of a million-row file finished 1–75 ms apart).
const PART_BYTES: usize = 8 << 20;
const MAX_PARTS: usize = 16;

/// Reads a body: in parts when it is big enough (see [`Mode`]) and can be cut, else in
/// one pass.
pub(super) fn parse_split(
    body: &[u8],
    detected: Detected,
    progress: &mut dyn FnMut(f32) -> bool,
    mode: Mode,
) -> Result<Document, ReadError> {
    let parts = mode
        .parts
        .unwrap_or(body.len() / PART_BYTES)
        .clamp(2, MAX_PARTS);
    let cuts = (body.len() >= mode.split_from)
        .then(|| cut_points(body, parts, mode.separator))
        .flatten();
    let Some((starts, header)) = cuts else {
        return one_pass(body, detected, progress, mode);
    };
    let parts = read_parts(body, &starts, header, detected, progress, mode)?;
    match join_parts(parts, body, header.0) {
        Some(doc) => Ok(doc),
        None => one_pass(body, detected, progress, mode),
    }
}

/// The whole body read by one thread.
fn one_pass(
    body: &[u8],
    detected: Detected,
    progress: &mut dyn FnMut(f32) -> bool,
    mode: Mode,
) -> Result<Document, ReadError> {
    parse_part(
        body,
        body.len(),
        detected,
        progress,
        None,
        mode.plain,
        mode.separator,
    )
    .map(|p| p.doc)
    .map_err(locate(body, 0, detected))
}

/// A part names a NUL byte by its place in the part; the error names it in the file.
fn locate(body: &[u8], offset: usize, detected: Detected) -> impl Fn(ReadError) -> ReadError {
    move |e| match e {
        ReadError::Binary { byte, .. } => nul_error(body, offset + byte as usize, detected.bom_len),
        e => e,
    }
}

/// Reads the parts starting at `starts` on two threads, which take them in turn; returns
/// them in order, or the first part's error. Only this thread calls `progress`: it reports
/// both threads' finished parts and its own current one.
fn read_parts(
    body: &[u8],
    starts: &[usize],
    header: (usize, Layout),
    detected: Detected,
    progress: &mut dyn FnMut(f32) -> bool,
    mode: Mode,
) -> Result<Vec<Part>, ReadError> {
    let part = |i: usize| {
        let from = starts.get(i).copied().unwrap_or(body.len());
        let to = starts.get(i + 1).copied().unwrap_or(body.len());
        (from, body.get(from..to).unwrap_or_default())
    };
    let next = AtomicUsize::new(0);
    let cancel = AtomicBool::new(false);
    // Bytes of the parts done, for the share reported as done.
    let done = AtomicUsize::new(0);
    // Takes parts until none is left; `report` is told the share of the current one done
    // and its length.
    let work = |report: &mut dyn FnMut(f32, usize) -> bool| {
        let mut out = Vec::new();
        loop {
            if cancel.load(Ordering::Relaxed) {
                return out;
            }
            let i = next.fetch_add(1, Ordering::Relaxed);
            if i >= starts.len() {
                return out;
            }
            let (from, bytes) = part(i);
            // The first part's table will hold the others' rows too: sized for them all.
            let (holds, header) = if i == 0 {
                (body.len(), None)
            } else {
                (bytes.len(), Some(header))
            };
            let mut report_part = |share| report(share, bytes.len());
            let read = parse_part(
                bytes,
                holds,
                detected,
                &mut report_part,
                header,
                mode.plain,
                mode.separator,
            )
            .map_err(locate(body, from, detected));
            done.fetch_add(bytes.len(), Ordering::Relaxed);
            if matches!(read, Err(ReadError::Cancelled)) {
                cancel.store(true, Ordering::Relaxed);
            }
            out.push((i, read));
        }
    };
    let total = body.len().max(1) as f32;
    let (mut read, theirs) = std::thread::scope(|s| {
        let theirs = s.spawn(|| work(&mut |_, _| !cancel.load(Ordering::Relaxed)));
        let ours = work(&mut |share, len| {
            let now = done.load(Ordering::Relaxed) as f32 + share * len as f32;
            let go_on = progress((now / total).min(1.0));
            if !go_on {
                cancel.store(true, Ordering::Relaxed);
            }
            go_on
        });
        (ours, crate::threads::join(theirs))
    });
    read.extend(theirs);
    read.sort_by_key(|(i, _)| *i);
    read.into_iter().map(|(_, r)| r).collect()
}

/// The parts as one document, as if read in one pass; `None` when a part other than the
/// last ended inside a quoted cell (its cut fell inside a cell) or with blank lines (kept
/// with the next record in one pass), or the first part's header is not `width` wide: then
/// only a single pass reads the body right.
fn join_parts(parts: Vec<Part>, body: &[u8], width: usize) -> Option<Document> {
    let last = parts.len().saturating_sub(1);
    if parts
        .iter()
        .take(last)
        .any(|p| p.ends_in_quotes || !p.doc.kept().tail.is_empty())
    {
        return None;
    }
    let mut parts = parts.into_iter();
    let mut first = parts.next()?;
    if first.doc.width() != width {
        return None;
    }
    first.doc.meta.final_newline = ends_with_newline(body);
    let mut lines_before = first.lines;
    for p in parts {
        first
            .doc
            .append_rows(p.doc, u32::try_from(lines_before).unwrap_or(u32::MAX));
        lines_before += p.lines;
    }
    Some(first.doc)
}

/// Where each part of a body cut in about `parts` starts (the first at 0, the others just
/// after a line break past the header record); and the header's width (split at `sep`)
/// and layout. `None` when there is no such break.
fn cut_points(body: &[u8], parts: usize, sep: Separator) -> Option<(Vec<usize>, (usize, Layout))> {
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(sep.byte())
        .has_headers(false)
        .flexible(true)
        .from_reader(body);
    let mut rec = csv::ByteRecord::new();
    if !rdr.read_byte_record(&mut rec).ok()? {
        return None;
    }
    let header_end = usize::try_from(rdr.position().byte()).ok()?;
    let line = body.get(..header_end + 1).filter(|l| l.ends_with(b"\r\n"));
    let line = line.or(body.get(..header_end)).unwrap_or_default();
    // Blank lines before the header are no part of it (the parser skips them): its
    // quoting is told from the header's own line, as a read in one pass tells it.
    let start = line
        .iter()
        .take_while(|b| matches!(b, b'\r' | b'\n'))
        .count();
    let line = line.get(start..).unwrap_or_default();
    // Scanned as a read in one pass scans the header's line: with a byte-order mark at the
    // start of the body (a second one; the parser drops it, the name gets it back), the
    // first name does not start with a quote, so the line is not all quoted.
    let layout = Layout {
        line_ending: line_ending_of(line),
        quote_all: memchr::memchr(b'"', line).is_some()
            && crate::io::quotes::scan(line, sep.byte()).all_quoted,
    };
    let mut starts = vec![0];
    for k in 1..parts {
        let last = starts.last().copied().unwrap_or(0);
        let from = header_end.max(body.len() / parts * k).max(last);
        match cut_after(body, from) {
            Some(cut) if cut > last => starts.push(cut),
            Some(_) => {}
            None => break,
        }
    }
    (starts.len() > 1).then_some((starts, (rec.len(), layout)))
}

/// Where a part may start: just after the first line break at or after `from` that is
/// followed by more of the body, or before the blank lines that break ends, where the
/// record before them ends (blank lines belong to the record after them, whose bytes are
/// kept with them). The parser drops a byte-order mark at the start of its input: a part
/// must not start with one that belongs to a cell.
fn cut_after(body: &[u8], mut from: usize) -> Option<usize> {
    loop {
        let at = memchr::memchr(b'\n', body.get(from..).unwrap_or_default())?;
        let cut = first_break_end(body, from + at + 1);
        let rest = body.get(cut..).unwrap_or_default();
        if !rest.starts_with(crate::io::decode::UTF8_BOM) {
            return (!rest.is_empty()).then_some(cut);
        }
        from = cut;
    }
}
