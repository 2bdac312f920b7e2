//! Input that is not a text table, refused with a reason: a file with NUL bytes (a
//! binary file). UTF-32 and zip files that are no workbook are refused as the reader
//! starts (`mod.rs`, `workbook::sniff`).

use super::ReadError;

/// The error for a NUL byte at `at` of a `body` that starts `bom_len` bytes into the file
/// (after its byte-order mark): its line and its byte in the file.
pub(super) fn nul_error(body: &[u8], at: usize, bom_len: usize) -> ReadError {
    let before = body.get(..at).unwrap_or_default();
    ReadError::Binary {
        line: 1 + memchr::memchr_iter(b'\n', before).count() as u64,
        byte: (bom_len + at) as u64,
    }
}

/// Refuses a decoded text with a NUL character (a UTF-16 file's), named as a NUL byte.
pub(super) fn refuse_nul(bytes: &[u8]) -> Result<(), ReadError> {
    match crate::io::scan::first_nul(bytes) {
        Some(at) => Err(nul_error(bytes, at, 0)),
        None => Ok(()),
    }
}
