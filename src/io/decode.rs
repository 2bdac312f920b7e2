//! Which encoding a file is in: a BOM, else valid UTF-8, else Shift_JIS (Windows-31J),
//! unless the file is mostly UTF-8 with a few broken bytes.

use crate::encoding::TextEncoding;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Detected {
    pub encoding: TextEncoding,
    /// Length of the byte-order mark to skip.
    pub bom_len: usize,
}

pub const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

pub fn detect_encoding(bytes: &[u8], forced: Option<TextEncoding>) -> Detected {
    let has_bom = bytes.starts_with(UTF8_BOM);
    let bom_len = if has_bom { UTF8_BOM.len() } else { 0 };
    let body = bytes.get(bom_len..).unwrap_or_default();
    // The whole file, before reading splits it: a SIMD check, on both cores.
    let utf8_ok = super::scan::is_utf8(body);
    let encoding = match forced {
        Some(TextEncoding::ShiftJis) => TextEncoding::ShiftJis,
        Some(_) if has_bom => TextEncoding::Utf8Bom,
        Some(e) => e,
        None if has_bom => TextEncoding::Utf8Bom,
        None if utf8_ok => TextEncoding::Utf8,
        None => guess_broken(body),
    };
    let bom_len = if encoding == TextEncoding::ShiftJis {
        0
    } else {
        bom_len
    };
    Detected { encoding, bom_len }
}

/// Neither decodes cleanly as UTF-8. A file full of well-formed UTF-8 characters with a
/// few broken ones (a truncated character, one row pasted from a Shift_JIS file) stays
/// UTF-8, so the bad cells can be named: Shift_JIS decodes almost any byte soup without an
/// error, which would turn every Japanese cell into mojibake without a word. Otherwise
/// Shift_JIS, unless it breaks more than UTF-8 does.
fn guess_broken(body: &[u8]) -> TextEncoding {
    // Both counts read the whole file; on a big one they run on two cores at once.
    let ((wide, broken), sjis) = if body.len() >= 4 << 20 {
        std::thread::scope(|s| {
            let sjis = s.spawn(|| sjis_errors(body));
            let census = utf8_census(body);
            (
                census,
                sjis.join().unwrap_or_else(|p| std::panic::resume_unwind(p)),
            )
        })
    } else {
        let census = utf8_census(body);
        if census.0 >= 2 * census.1 {
            return TextEncoding::Utf8;
        }
        (census, sjis_errors(body))
    };
    if wide >= 2 * broken {
        return TextEncoding::Utf8;
    }
    if sjis == 0 || sjis <= broken {
        TextEncoding::ShiftJis
    } else {
        TextEncoding::Utf8
    }
}

/// (well-formed non-ASCII characters, malformed byte runs) when read as UTF-8. Shift_JIS
/// text forms a well-formed multi-byte UTF-8 character only by chance, and then breaks on
/// the next byte.
fn utf8_census(body: &[u8]) -> (usize, usize) {
    let mut wide = 0;
    let mut broken = 0;
    for chunk in body.utf8_chunks() {
        // In valid UTF-8 each non-ASCII character has exactly one lead byte (0xC0 and up).
        wide += chunk.valid().bytes().filter(|&b| b >= 0xC0).count();
        if !chunk.invalid().is_empty() {
            broken += 1;
        }
    }
    (wide, broken)
}

fn sjis_errors(body: &[u8]) -> usize {
    let mut decoder = encoding_rs::SHIFT_JIS.new_decoder_without_bom_handling();
    count_malformed(&mut decoder, body)
}

fn count_malformed(decoder: &mut encoding_rs::Decoder, mut input: &[u8]) -> usize {
    let mut out = String::with_capacity(8192);
    let mut errors = 0;
    loop {
        out.clear();
        let (result, read) = decoder.decode_to_string_without_replacement(input, &mut out, true);
        input = input.get(read..).unwrap_or_default();
        match result {
            encoding_rs::DecoderResult::InputEmpty => return errors,
            encoding_rs::DecoderResult::OutputFull => {
                out.reserve(8192);
            }
            encoding_rs::DecoderResult::Malformed(_, _) => errors += 1,
        }
    }
}
