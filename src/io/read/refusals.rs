//! Input that is not a text table at all, refused with a reason: UTF-32, a workbook, a
//! file with NUL bytes (a spreadsheet or another binary file).

use super::ReadError;

/// Refuses a workbook by its first bytes. Other binary files are refused by their NUL
/// bytes, found while reading (see `quotes_and_nul`).
pub(super) fn refuse_non_text(bytes: &[u8]) -> Result<(), ReadError> {
    if bytes.starts_with(b"PK\x03\x04") {
        return Err(ReadError::Workbook);
    }
    if bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        return Err(ReadError::OldWorkbook);
    }
    Ok(())
}

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
