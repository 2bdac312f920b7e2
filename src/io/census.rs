//! How a body reads as UTF-8: well-formed non-ASCII characters and malformed byte runs,
//! counted as the standard library's `utf8_chunks` splits them (a malformed sequence is
//! the longest start of a character that is still well-formed, or one byte, and the next
//! sequence starts after it). Shift_JIS text forms a well-formed multi-byte UTF-8
//! character only by chance, and then breaks on the next byte.
//!
//! Counted by a table-driven automaton, one lookup a byte, since a Shift_JIS body breaks
//! every byte or two (a branch per byte mispredicted on every break). An ASCII byte is
//! never part of a malformed sequence, so the counts of the runs of high bytes add up to
//! the whole's, and the ASCII between them (most of a CSV) is passed sixteen bytes at a
//! time.

/// What is still needed to finish a character (RFC 3629). `START`: nothing.
const START: u8 = 0;
/// One, two or three more bytes in 0x80..=0xBF.
const NEED1: u8 = 1;
const NEED2: u8 = 2;
const NEED3: u8 = 3;
/// After 0xE0: 0xA0..=0xBF, then one more.
const AFTER_E0: u8 = 4;
/// After 0xED: 0x80..=0x9F (no surrogates), then one more.
const AFTER_ED: u8 = 5;
/// After 0xF0: 0x90..=0xBF, then two more.
const AFTER_F0: u8 = 6;
/// After 0xF4: 0x80..=0x8F (nothing past U+10FFFF), then two more.
const AFTER_F4: u8 = 7;
const STATES: usize = 8;

/// A step's entry: the next state in the low three bits, a finished character in bit 3,
/// malformed sequences ended (0 to 2) in bits 4 and 5.
const WIDE: u8 = 1 << 3;
const BROKEN_SHIFT: u8 = 4;

/// From `START`: the state a byte leads to, and whether it is malformed on its own.
const fn lead(b: u8) -> (u8, u8) {
    match b {
        0x00..=0x7F => (START, 0),
        0xC2..=0xDF => (NEED1, 0),
        0xE0 => (AFTER_E0, 0),
        0xE1..=0xEC | 0xEE..=0xEF => (NEED2, 0),
        0xED => (AFTER_ED, 0),
        0xF0 => (AFTER_F0, 0),
        0xF1..=0xF3 => (NEED3, 0),
        0xF4 => (AFTER_F4, 0),
        _ => (START, 1),
    }
}

/// The bytes a state accepts next and the state they lead to.
const fn accepts(state: u8) -> (u8, u8, u8) {
    match state {
        NEED1 => (0x80, 0xBF, START),
        NEED2 => (0x80, 0xBF, NEED1),
        NEED3 => (0x80, 0xBF, NEED2),
        AFTER_E0 => (0xA0, 0xBF, NEED1),
        AFTER_ED => (0x80, 0x9F, NEED1),
        AFTER_F0 => (0x90, 0xBF, NEED2),
        _ => (0x80, 0x8F, NEED2),
    }
}

const fn step(state: u8, b: u8) -> u8 {
    if state == START {
        let (next, broken) = lead(b);
        return next | (broken << BROKEN_SHIFT);
    }
    let (low, high, next) = accepts(state);
    if b >= low && b <= high {
        return if next == START { WIDE } else { next };
    }
    // The character so far is one malformed sequence; the byte starts afresh.
    let (next, broken) = lead(b);
    next | ((broken + 1) << BROKEN_SHIFT)
}

// Built while compiling: an index out of range would stop the build, never panic.
#[allow(clippy::indexing_slicing)]
const TABLE: [[u8; 256]; STATES] = {
    let mut table = [[0u8; 256]; STATES];
    let mut state = 0;
    while state < STATES {
        let mut b = 0;
        while b < 256 {
            table[state][b] = step(state as u8, b as u8);
            b += 1;
        }
        state += 1;
    }
    table
};

/// (well-formed non-ASCII characters, malformed byte runs) of `body` read as UTF-8.
pub(super) fn utf8_census(body: &[u8]) -> (usize, usize) {
    let (mut wide, mut broken) = (0usize, 0usize);
    let mut at = 0;
    loop {
        // Between runs nothing is pending: ASCII words are passed over whole.
        let Some(run) = next_high_byte(body, at) else {
            return (wide, broken);
        };
        let mut state = START;
        let mut bytes = body.get(run..).unwrap_or_default().iter();
        for &b in &mut bytes {
            let entry = TABLE
                .get(usize::from(state))
                .and_then(|row| row.get(usize::from(b)))
                .copied()
                .unwrap_or(0);
            state = entry & 7;
            wide += usize::from(entry & WIDE != 0);
            broken += usize::from(entry >> BROKEN_SHIFT);
            if state == START && b.is_ascii() {
                break;
            }
        }
        // A character cut off by the end.
        broken += usize::from(state != START);
        at = body.len() - bytes.len();
    }
}

/// How many high bytes of a body UTF-8 takes as continuation bytes (0x80 to 0xBF), and
/// how many it takes as lead bytes or never uses (0xC0 to 0xFF).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct HighBytes {
    pub continuation: usize,
    pub lead_or_never: usize,
}

impl std::ops::Add for HighBytes {
    type Output = HighBytes;

    fn add(self, o: HighBytes) -> HighBytes {
        HighBytes {
            continuation: self.continuation + o.continuation,
            lead_or_never: self.lead_or_never + o.lead_or_never,
        }
    }
}

impl HighBytes {
    /// Whether the counts alone prove that the census finds fewer well-formed characters
    /// than twice its malformed runs (not mostly UTF-8), whatever the bytes' order.
    ///
    /// Each lead byte starts a character or a cut-off sequence (W + T = lead); a character
    /// takes at most three continuation bytes and a cut-off sequence two, and every other
    /// continuation byte is a malformed run of its own. So the runs are at least
    /// T + (continuation - 3W - 2T), which falls as W grows: at its most, W = lead,
    /// `2 * runs > W` still holds when `2 * (continuation - 3 * lead) > lead`. Counting the
    /// bytes UTF-8 never uses (0xC0, 0xC1, 0xF5 to 0xFF, each a run) as leads only makes
    /// the test harder to pass. Shift_JIS text passes: most of its first bytes are
    /// continuation bytes to UTF-8.
    pub(super) fn rule_out_mostly_utf8(self) -> bool {
        let lone = self.continuation.saturating_sub(3 * self.lead_or_never);
        2 * lone > self.lead_or_never
    }
}

/// Counts a body's high bytes (see [`HighBytes`]) eight at a time, without a branch: the
/// census follows every sequence, and a branch per run mispredicted.
pub(super) fn high_bytes(body: &[u8]) -> HighBytes {
    const TOP: u64 = 0x8080_8080_8080_8080;
    // Each byte of a lane counter counts its byte's class, up to 255: flushed before.
    let sum_lanes = |lanes: u64| {
        // Pairs of byte lanes into four 16-bit lanes (at most 510 each), then their sum.
        const EVEN: u64 = 0x00FF_00FF_00FF_00FF;
        let pairs = (lanes & EVEN) + ((lanes >> 8) & EVEN);
        (pairs.wrapping_mul(0x0001_0001_0001_0001) >> 48) as usize
    };
    let mut counts = HighBytes::default();
    for block in body.chunks(8 * 255) {
        let mut words = block.chunks_exact(8);
        let (mut cont, mut high) = (0u64, 0u64);
        for word in &mut words {
            let w = <[u8; 8]>::try_from(word).map_or(0, u64::from_le_bytes);
            let top = w & TOP;
            // Bit 6 moved to bit 7: set for 0xC0 and up.
            let second = (w << 1) & TOP;
            cont += (top & !second) >> 7;
            high += (top & second) >> 7;
        }
        counts.continuation += sum_lanes(cont);
        counts.lead_or_never += sum_lanes(high);
        for &b in words.remainder() {
            counts.continuation += usize::from((0x80..0xC0).contains(&b));
            counts.lead_or_never += usize::from(b >= 0xC0);
        }
    }
    counts
}

/// The first byte at or after `from` with its top bit set, sixteen bytes at a time.
#[inline(always)]
fn next_high_byte(body: &[u8], from: usize) -> Option<usize> {
    const HIGH: u128 = 0x8080_8080_8080_8080_8080_8080_8080_8080;
    let rest = body.get(from..)?;
    let mut blocks = rest.chunks_exact(16);
    let mut at = from;
    for block in &mut blocks {
        let high = u128::from_le_bytes(<[u8; 16]>::try_from(block).ok()?) & HIGH;
        if high != 0 {
            return Some(at + (high.trailing_zeros() / 8) as usize);
        }
        at += 16;
    }
    let tail = blocks.remainder();
    tail.iter().position(|b| !b.is_ascii()).map(|i| at + i)
}

/// The census as first written: one pass of the standard library's chunks.
#[cfg(test)]
pub(super) fn census_whole(body: &[u8]) -> (usize, usize) {
    let (mut wide, mut broken) = (0, 0);
    for chunk in body.utf8_chunks() {
        wide += chunk.valid().bytes().filter(|&b| b >= 0xC0).count();
        broken += usize::from(!chunk.invalid().is_empty());
    }
    (wide, broken)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn high_bytes_are_counted_as_the_standard_library_splits_them(
            run in proptest::collection::vec(0x80u8.., 0..40),
            before in 0usize..40,
        ) {
            // Runs of high bytes at every offset in and across 16-byte blocks.
            let mut body = vec![b'a'; before];
            body.extend_from_slice(&run);
            prop_assert_eq!(utf8_census(&body), census_whole(&body));
        }
    }

    /// Pieces of UTF-8, Shift_JIS and bytes that are neither.
    fn any_piece() -> impl Strategy<Value = Vec<u8>> {
        prop_oneof![
            Just("山田さくら,".as_bytes().to_vec()),
            Just(b"\x8eR\x93c \x82\xb3\x82\xad\x82\xe7,".to_vec()),
            Just(b"abc\n".to_vec()),
            proptest::collection::vec(0x80u8.., 0..6),
            proptest::collection::vec(any::<u8>(), 0..6),
        ]
    }

    proptest! {
        #[test]
        fn counts_that_rule_out_utf8_agree_with_the_census(
            pieces in proptest::collection::vec(any_piece(), 0..40),
        ) {
            let body = pieces.concat();
            let h = high_bytes(&body);
            let n = |f: fn(&u8) -> bool| body.iter().filter(|b| f(b)).count();
            prop_assert_eq!(h.continuation, n(|b| (0x80..0xC0).contains(b)));
            prop_assert_eq!(h.lead_or_never, n(|b| *b >= 0xC0));
            let (wide, broken) = utf8_census(&body);
            if h.rule_out_mostly_utf8() {
                prop_assert!(wide < 2 * broken, "{wide} {broken} {h:?}");
            }
        }
    }

    #[test]
    fn high_bytes_of_a_long_body_are_all_counted() {
        // Past 255 words (a lane counter's limit) several times, and a tail of 5 bytes;
        // every byte 0x80 or more at least 255 times.
        let body: Vec<u8> = (0..20_000u32).map(|i| (i * 7 % 256) as u8).collect();
        let h = high_bytes(&body[..19_997]);
        let n = |f: fn(&u8) -> bool| body[..19_997].iter().filter(|b| f(b)).count();
        assert_eq!(h.continuation, n(|b| (0x80..0xC0).contains(b)));
        assert_eq!(h.lead_or_never, n(|b| *b >= 0xC0));
        let all_high = vec![0xFFu8; 8 * 255 * 3 + 3];
        assert_eq!(high_bytes(&all_high).lead_or_never, all_high.len());
    }

    #[test]
    fn shift_jis_names_are_ruled_out_and_utf8_text_is_not() {
        let text = "山田 さくら,0,1\r\n佐藤 太郎,1,0\r\n".repeat(50);
        let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode(&text);
        assert!(high_bytes(&sjis).rule_out_mostly_utf8());
        assert!(!high_bytes(text.as_bytes()).rule_out_mostly_utf8());
        // The census says "not mostly UTF-8" of these kana too, but the counts cannot
        // prove it: their second bytes (0xE7 to 0xEB) are lead bytes to UTF-8.
        let kana_text = "らりるれろ,".repeat(50);
        let (kana, _, _) = encoding_rs::SHIFT_JIS.encode(&kana_text);
        assert!(!high_bytes(&kana).rule_out_mostly_utf8());
        let (wide, broken) = utf8_census(&kana);
        assert!(wide < 2 * broken);
    }

    #[test]
    fn a_character_cut_by_ascii_or_the_end_is_one_malformed_run() {
        // A three-byte lead and one continuation, then ASCII / nothing / another lead.
        for (body, want) in [
            (&b"\xE5\xB1a"[..], (0, 1)),
            (b"\xE5\xB1", (0, 1)),
            (b"\xE5\xB1\xE5\xB1\xB1", (1, 1)),
            (b"\xF4\x90", (0, 2)),
            (b"\xED\xA0\x80", (0, 3)),
            (b"abcdefgh\xC3\xA9abcdefg\xC3", (1, 1)),
        ] {
            assert_eq!(utf8_census(body), want, "{body:?}");
            assert_eq!(census_whole(body), want, "{body:?}");
        }
    }
}
