//! The workbook's bytes as calamine reads them, with progress and Cancel: how far into
//! the file the reader is, the share a progress bar shows. Every reader of the three
//! formats goes through the bytes of the part it unpacks, so the share moves while a
//! long sheet is read.

use std::cell::Cell;
use std::io::{Cursor, Read, Seek, SeekFrom};

/// Bytes between two progress reports, at most (a small file reports every 64th of it).
const REPORT_EVERY: u64 = 1 << 20;

/// The message of the I/O error that stops calamine on Cancel.
pub(super) const CANCELLED: &str = "cancelled by the user";

pub(super) struct Watched<'a> {
    inner: Cursor<&'a [u8]>,
    progress: &'a mut dyn FnMut(f32) -> bool,
    next_report: u64,
    step: u64,
    cancelled: &'a Cell<bool>,
}

impl<'a> Watched<'a> {
    /// The bytes, read with `progress`; `cancelled` is set when it asks to stop.
    pub(super) fn new(
        bytes: &'a [u8],
        progress: &'a mut dyn FnMut(f32) -> bool,
        cancelled: &'a Cell<bool>,
    ) -> Self {
        let step = REPORT_EVERY.min(bytes.len() as u64 / 64 + 1);
        Watched {
            inner: Cursor::new(bytes),
            progress,
            next_report: step,
            step,
            cancelled,
        }
    }
}

impl Read for Watched<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.cancelled.get() {
            return Err(std::io::Error::other(CANCELLED));
        }
        let n = self.inner.read(buf)?;
        let at = self.inner.position();
        if at >= self.next_report {
            self.next_report = at + self.step;
            let len = self.inner.get_ref().len().max(1) as f32;
            if !(self.progress)(at as f32 / len) {
                self.cancelled.set(true);
                return Err(std::io::Error::other(CANCELLED));
            }
        }
        Ok(n)
    }
}

impl Seek for Watched<'_> {
    fn seek(&mut self, pos: SeekFrom) -> std::io::Result<u64> {
        let at = self.inner.seek(pos)?;
        // A seek back (to the next part) must report again when the reading comes by.
        self.next_report = self.next_report.min(at + self.step);
        Ok(at)
    }
}
