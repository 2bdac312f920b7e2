//! Which encoding a file is in: a BOM, else valid UTF-8, else Shift_JIS (Windows-31J),
//! unless the file is mostly UTF-8 with a few broken bytes.

use super::census::{high_bytes, utf8_census};
use crate::encoding::TextEncoding;

/// The encoding a file is read in, and where its text starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Detected {
    /// The encoding.
    pub encoding: TextEncoding,
    /// Length of the byte-order mark to skip.
    pub bom_len: usize,
}

/// The UTF-8 byte-order mark.
pub const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// The encoding of a whole file (`forced` when the user chose one): see the module.
pub fn detect_encoding(bytes: &[u8], forced: Option<TextEncoding>) -> Detected {
    let (detected, presumed) = detect_for_reading(bytes, forced);
    // Presumed only without a BOM: the body is all of `bytes`.
    match presumed {
        Some(broken) if !shift_jis_holds(bytes, broken) => Detected {
            encoding: TextEncoding::Utf8,
            bom_len: 0,
        },
        _ => detected,
    }
}

/// Like [`detect_encoding`], but Shift_JIS is presumed where only counting its decoding
/// errors over the whole file could confirm it, which is then left to reading (it decodes
/// every byte anyway). With `Some(broken)` (the census's malformed UTF-8 runs, if it was
/// needed) the encoding holds if reading found no bad bytes, else if [`shift_jis_holds`]
/// says so; otherwise the file is UTF-8.
pub(crate) fn detect_for_reading(
    bytes: &[u8],
    forced: Option<TextEncoding>,
) -> (Detected, Option<Broken>) {
    let has_bom = bytes.starts_with(UTF8_BOM);
    let bom_len = if has_bom { UTF8_BOM.len() } else { 0 };
    let body = bytes.get(bom_len..).unwrap_or_default();
    let mut presumed = None;
    let encoding = match forced {
        Some(TextEncoding::ShiftJis) => TextEncoding::ShiftJis,
        Some(_) if has_bom => TextEncoding::Utf8Bom,
        Some(e) => e,
        None if has_bom => TextEncoding::Utf8Bom,
        // The whole file, before reading cuts it in parts (a SIMD check on both cores): only
        // here, where nothing else decided, is it needed.
        None if super::scan::is_utf8(body) => TextEncoding::Utf8,
        None => match mostly_utf8(body, super::scan::HALVES_FROM_BYTES) {
            Ok(()) => TextEncoding::Utf8,
            Err(broken) => {
                presumed = Some(broken);
                TextEncoding::ShiftJis
            }
        },
    };
    let bom_len = if encoding == TextEncoding::ShiftJis {
        0
    } else {
        bom_len
    };
    (Detected { encoding, bom_len }, presumed)
}

/// Neither decodes cleanly as UTF-8. A file full of well-formed UTF-8 characters with a
/// few broken ones (a truncated character, one row pasted from a Shift_JIS file) stays
/// UTF-8, so the bad cells can be named: Shift_JIS decodes almost any byte soup without an
/// error, which would turn every Japanese cell into mojibake without a word. Otherwise
/// Shift_JIS, unless it breaks more than UTF-8 does.
///
/// `Ok` when the body is mostly well-formed UTF-8; else the malformed runs it has.
fn mostly_utf8(body: &[u8], halves_from: usize) -> Result<(), Broken> {
    // Counting the high bytes by kind settles a Shift_JIS body at a fraction of the
    // census's cost.
    let (early, later, _) = super::scan::on_halves(body, halves_from, high_bytes);
    if (early + later).rule_out_mostly_utf8() {
        return Err(Broken::NotCounted);
    }
    let (wide, broken) = in_halves(body, halves_from, utf8_census);
    if wide >= 2 * broken {
        Ok(())
    } else {
        Err(Broken::Counted(broken))
    }
}

/// The malformed UTF-8 runs of a body that is not mostly UTF-8: counted, or left to be
/// counted if ever needed (see [`shift_jis_holds`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Broken {
    Counted(usize),
    NotCounted,
}

/// Whether a body that is not mostly UTF-8 is read as Shift_JIS: when that decodes it
/// cleanly or breaks no more than UTF-8 does (`broken` malformed UTF-8 runs).
pub(crate) fn shift_jis_holds(body: &[u8], broken: Broken) -> bool {
    let halves = super::scan::HALVES_FROM_BYTES;
    let (sjis, _) = in_halves(body, halves, |h| (sjis_errors(h), 0));
    sjis == 0
        || sjis
            <= match broken {
                Broken::Counted(n) => n,
                Broken::NotCounted => in_halves(body, halves, utf8_census).1,
            }
}

/// Both counts read the whole file: a big body is counted in two halves on two cores,
/// cut after a line feed, where both counts add up exactly (see `scan::cut`; the Shift_JIS
/// decoder starts afresh after a line feed).
fn in_halves(
    body: &[u8],
    halves_from: usize,
    count: fn(&[u8]) -> (usize, usize),
) -> (usize, usize) {
    let ((a, b), (c, d), _) = super::scan::on_halves(body, halves_from, count);
    (a + c, b + d)
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

/// A UTF-16 file's text, and the encoding it is kept in. With a byte-order mark (Excel's
/// "Unicode text" is UTF-16LE with one) it is read and recorded as UTF-16LE or UTF-16BE,
/// so an untouched file saves as it was; without one it is read when the NUL bytes fall
/// exactly where UTF-16 puts them (ASCII text) and the whole file decodes cleanly, and is
/// kept as UTF-8 with a BOM (nothing marked it as UTF-16 for a reader).
pub(super) fn decode_utf16(bytes: &[u8]) -> Option<(String, TextEncoding)> {
    if bytes.starts_with(b"\xFF\xFE") {
        let text = encoding_rs::UTF_16LE.decode_with_bom_removal(bytes).0;
        return Some((text.into_owned(), TextEncoding::Utf16Le));
    }
    if bytes.starts_with(b"\xFE\xFF") {
        let text = encoding_rs::UTF_16BE.decode_with_bom_removal(bytes).0;
        return Some((text.into_owned(), TextEncoding::Utf16Be));
    }
    let enc = match bytes {
        [a, 0, ..] if *a != 0 => encoding_rs::UTF_16LE,
        [0, b, ..] if *b != 0 => encoding_rs::UTF_16BE,
        _ => return None,
    };
    if !bytes.len().is_multiple_of(2) {
        return None;
    }
    let text = enc.decode_without_bom_handling_and_without_replacement(bytes)?;
    let looks_like_text = !text.contains('\0') && text.contains([',', '\n', '\r']);
    looks_like_text.then(|| (text.into_owned(), TextEncoding::Utf8Bom))
}

#[cfg(test)]
mod tests {
    use super::super::census::census_whole;
    use super::*;
    use proptest::prelude::*;

    /// Pieces of UTF-8, Shift_JIS, ASCII and broken bytes, so runs and cuts fall anywhere.
    fn any_piece() -> impl Strategy<Value = Vec<u8>> {
        prop_oneof![
            Just("山田,".as_bytes().to_vec()),
            Just(b"\x8eR\x93c,\r\n".to_vec()),
            Just(b"abcdefghij,".to_vec()),
            Just(b"\n".to_vec()),
            Just(b"\xE5\xB1".to_vec()),
            Just(b"\xFF".to_vec()),
            Just(b"\x81".to_vec()),
            proptest::collection::vec(any::<u8>(), 0..12),
        ]
    }

    proptest! {
        #[test]
        fn census_by_runs_equals_one_pass(pieces in proptest::collection::vec(any_piece(), 0..60)) {
            let body = pieces.concat();
            prop_assert_eq!(utf8_census(&body), census_whole(&body));
        }

        #[test]
        fn counting_in_halves_guesses_as_one_pass(pieces in proptest::collection::vec(any_piece(), 0..60)) {
            let body = pieces.concat();
            prop_assert_eq!(mostly_utf8(&body, 0), mostly_utf8(&body, usize::MAX));
            let (sjis_a, sjis_b) = body.split_at(super::super::scan::cut(&body));
            prop_assert_eq!(sjis_errors(sjis_a) + sjis_errors(sjis_b), sjis_errors(&body));
            let (a, b) = (utf8_census(sjis_a), utf8_census(sjis_b));
            prop_assert_eq!((a.0 + b.0, a.1 + b.1), census_whole(&body));
        }
    }
}
