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
/// every byte anyway). With `Some(broken)` (the census's malformed UTF-8 runs) the
/// encoding holds if reading found no bad bytes, else if [`shift_jis_holds`] says so;
/// otherwise the file is UTF-8.
pub(crate) fn detect_for_reading(
    bytes: &[u8],
    forced: Option<TextEncoding>,
) -> (Detected, Option<usize>) {
    let has_bom = bytes.starts_with(UTF8_BOM);
    let bom_len = if has_bom { UTF8_BOM.len() } else { 0 };
    let body = bytes.get(bom_len..).unwrap_or_default();
    let mut presumed = None;
    let encoding = match forced {
        Some(TextEncoding::ShiftJis) => TextEncoding::ShiftJis,
        Some(_) if has_bom => TextEncoding::Utf8Bom,
        Some(e) => e,
        None if has_bom => TextEncoding::Utf8Bom,
        // The whole file, before reading splits it (a SIMD check on both cores): only
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
fn mostly_utf8(body: &[u8], halves_from: usize) -> Result<(), usize> {
    let (wide, broken) = in_halves(body, halves_from, utf8_census);
    if wide >= 2 * broken {
        Ok(())
    } else {
        Err(broken)
    }
}

/// Whether a body that is not mostly UTF-8 (`broken` malformed UTF-8 runs) is read as
/// Shift_JIS: when that decodes it cleanly or breaks no more than UTF-8 does.
pub(crate) fn shift_jis_holds(body: &[u8], broken: usize) -> bool {
    let (sjis, _) = in_halves(body, super::scan::HALVES_FROM_BYTES, |h| {
        (sjis_errors(h), 0)
    });
    sjis == 0 || sjis <= broken
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

/// (well-formed non-ASCII characters, malformed byte runs) when read as UTF-8. Shift_JIS
/// text forms a well-formed multi-byte UTF-8 character only by chance, and then breaks on
/// the next byte.
///
/// Counted run by run over the non-ASCII bytes: an ASCII byte is never part of a malformed
/// sequence, so the counts of the runs add up to the whole's, and the ASCII between them
/// (most of a CSV) is skipped eight bytes at a time.
fn utf8_census(body: &[u8]) -> (usize, usize) {
    let mut wide = 0;
    let mut broken = 0;
    let mut at = 0;
    while let Some(start) = next_non_ascii(body, at) {
        let (w, b, len) = census_run(body.get(start..).unwrap_or_default());
        wide += w;
        broken += b;
        at = start + len.max(1);
    }
    (wide, broken)
}

/// (well-formed characters, malformed sequences, length) of the run of non-ASCII bytes
/// `run` starts with, counted as the standard library's `utf8_chunks` splits them: a
/// malformed sequence is the longest start of a character that is still well-formed (or
/// one byte), and the next sequence starts after it. Written out because a Shift_JIS run
/// breaks every byte or two, and the library yields a chunk per break.
fn census_run(run: &[u8]) -> (usize, usize, usize) {
    let (mut wide, mut broken, mut i) = (0, 0, 0);
    while let Some(&lead) = run.get(i) {
        // The character's length and the range its second byte must fall in (RFC 3629).
        let (len, low, high) = match lead {
            0xC2..=0xDF => (2, 0x80, 0xBF),
            0xE0 => (3, 0xA0, 0xBF),
            0xE1..=0xEC | 0xEE..=0xEF => (3, 0x80, 0xBF),
            0xED => (3, 0x80, 0x9F),
            0xF0 => (4, 0x90, 0xBF),
            0xF1..=0xF3 => (4, 0x80, 0xBF),
            0xF4 => (4, 0x80, 0x8F),
            _ if lead.is_ascii() => break,
            _ => {
                broken += 1;
                i += 1;
                continue;
            }
        };
        let mut got = 1;
        while got < len {
            let (lo, hi) = if got == 1 { (low, high) } else { (0x80, 0xBF) };
            match run.get(i + got) {
                Some(&b) if (lo..=hi).contains(&b) => got += 1,
                _ => break,
            }
        }
        if got == len {
            wide += 1;
        } else {
            broken += 1;
        }
        i += got;
    }
    (wide, broken, i)
}

/// The first byte at or after `from` with its top bit set.
fn next_non_ascii(body: &[u8], from: usize) -> Option<usize> {
    let rest = body.get(from..)?;
    let mut words = rest.chunks_exact(8);
    let mut skipped = 0;
    for w in &mut words {
        let mut b = [0u8; 8];
        b.copy_from_slice(w);
        if u64::from_le_bytes(b) & 0x8080_8080_8080_8080 != 0 {
            break;
        }
        skipped += 8;
    }
    rest.get(skipped..)?
        .iter()
        .position(|b| !b.is_ascii())
        .map(|n| from + skipped + n)
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The census as first written: one pass of the standard library's chunks.
    fn census_whole(body: &[u8]) -> (usize, usize) {
        let (mut wide, mut broken) = (0, 0);
        for chunk in body.utf8_chunks() {
            wide += chunk.valid().bytes().filter(|&b| b >= 0xC0).count();
            broken += usize::from(!chunk.invalid().is_empty());
        }
        (wide, broken)
    }

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
        fn a_run_is_counted_as_the_standard_library_splits_it(run in proptest::collection::vec(0x80u8.., 0..40)) {
            let (wide, broken, len) = census_run(&run);
            prop_assert_eq!((wide, broken), census_whole(&run));
            prop_assert_eq!(len, run.len());
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

    #[test]
    fn ascii_is_skipped_to_the_first_high_byte() {
        let mut body = vec![b'a'; 40];
        assert_eq!(next_non_ascii(&body, 0), None);
        for at in [0, 7, 8, 9, 31, 39] {
            body[at] = 0x93;
            assert_eq!(next_non_ascii(&body, 0), Some(at));
            assert_eq!(next_non_ascii(&body, at + 1), None);
            body[at] = b'a';
        }
    }
}
