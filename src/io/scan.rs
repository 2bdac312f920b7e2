//! Whole-file scans that run before reading can start (whether the body is UTF-8, the
//! counts that choose an encoding, the first NUL in a UTF-16 file's text; other files'
//! NUL bytes are looked for while reading): on a big file, each half on its own core,
//! since nothing else can run until they are done. Reading itself then takes the file in
//! parts of ~8 MB (see `read/in_parts.rs`); a scan has no use for more than two pieces.

/// Files at least this long are scanned in two halves at once.
pub(super) const HALVES_FROM_BYTES: usize = 4 << 20;

/// Where to cut `bytes` in two: after the first line feed past the middle (the end when
/// there is none). A line feed ends a character in UTF-8 and in Shift_JIS alike, so a body
/// is valid UTF-8 exactly when both halves are, and counts of malformed sequences add up.
pub(super) fn cut(bytes: &[u8]) -> usize {
    let middle = bytes.len() / 2;
    memchr::memchr(b'\n', bytes.get(middle..).unwrap_or_default())
        .map_or(bytes.len(), |at| middle + at + 1)
}

/// `f` over both halves of a `bytes` of `halves_from` bytes or more on two threads, or
/// over all of a shorter one (then the second result is `f` of nothing); also where the
/// second half starts.
pub(super) fn on_halves<T: Send>(
    bytes: &[u8],
    halves_from: usize,
    f: impl Fn(&[u8]) -> T + Sync,
) -> (T, T, usize) {
    let at = if bytes.len() < halves_from {
        bytes.len()
    } else {
        cut(bytes)
    };
    let (first, second) = bytes.split_at(at);
    if second.is_empty() {
        return (f(first), f(second), at);
    }
    std::thread::scope(|s| {
        let later = s.spawn(|| f(second));
        let early = f(first);
        (early, crate::threads::join(later), at)
    })
}

/// The position of the first NUL byte.
pub fn first_nul(bytes: &[u8]) -> Option<usize> {
    let (early, later, at) = on_halves(bytes, HALVES_FROM_BYTES, |h| memchr::memchr(0, h));
    early.or(later.map(|p| p + at))
}

/// Whether the bytes are well-formed UTF-8.
pub fn is_utf8(bytes: &[u8]) -> bool {
    let (early, later, _) = on_halves(bytes, HALVES_FROM_BYTES, utf8_by_blocks);
    early && later
}

/// Bytes checked a block at a time: the SIMD check looks at all it is given before it
/// answers, so a Shift_JIS file is known from its first block instead of a whole pass.
const UTF8_BLOCK: usize = 64 << 10;

/// A block ends before a byte that is not a continuation byte, where a well-formed body
/// splits into two well-formed pieces (and a broken one into at least one broken piece).
/// Four continuation bytes in a row are broken anyway: then the next block starts with
/// one, which its own check finds broken.
fn utf8_by_blocks(bytes: &[u8]) -> bool {
    let mut rest = bytes;
    while rest.len() > UTF8_BLOCK + 3 {
        let mut at = UTF8_BLOCK;
        while at < UTF8_BLOCK + 3 && rest.get(at).is_some_and(|&b| (0x80..0xC0).contains(&b)) {
            at += 1;
        }
        let (block, tail) = rest.split_at(at);
        if simdutf8::basic::from_utf8(block).is_err() {
            return false;
        }
        rest = tail;
    }
    simdutf8::basic::from_utf8(rest).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Big bodies of Japanese text with one flaw placed at every offset around the cut.
    #[test]
    fn halves_agree_with_one_pass_around_the_cut() {
        let text = "山田太郎,yamada@example.com\n".repeat((HALVES_FROM_BYTES / 30) + 10);
        let mid = cut(text.as_bytes());
        assert!(mid < text.len());
        for at in mid.saturating_sub(6)..mid + 6 {
            let mut bytes = text.clone().into_bytes();
            assert!(is_utf8(&bytes));
            assert_eq!(first_nul(&bytes), None);
            bytes[at] = 0;
            assert_eq!(first_nul(&bytes), Some(at), "NUL at {at}");
            assert_eq!(
                is_utf8(&bytes),
                std::str::from_utf8(&bytes).is_ok(),
                "at {at}"
            );
            bytes[at] = 0xFF;
            assert!(!is_utf8(&bytes), "0xFF at {at}");
            // A character's lead byte dropped leaves continuation bytes on either side.
            let mut cut_char = text.clone().into_bytes();
            cut_char.remove(at);
            assert_eq!(
                is_utf8(&cut_char),
                std::str::from_utf8(&cut_char).is_ok(),
                "removed {at}"
            );
        }
    }

    #[test]
    fn blocks_agree_with_one_pass_around_every_block_end() {
        // Two- and three-byte characters, so block ends fall inside characters.
        let text = "é山田,x\n".repeat(3 * UTF8_BLOCK / 10);
        assert!(utf8_by_blocks(text.as_bytes()));
        for block in 1..3 {
            for at in block * UTF8_BLOCK - 4..block * UTF8_BLOCK + 8 {
                let mut bytes = text.clone().into_bytes();
                bytes.remove(at);
                let want = std::str::from_utf8(&bytes).is_ok();
                assert_eq!(utf8_by_blocks(&bytes), want, "removed {at}");
                let mut bytes = text.clone().into_bytes();
                bytes[at] = 0x80;
                let want = std::str::from_utf8(&bytes).is_ok();
                assert_eq!(utf8_by_blocks(&bytes), want, "0x80 at {at}");
            }
        }
        // Four continuation bytes in a row at a block end.
        let mut bytes = vec![b'a'; 2 * UTF8_BLOCK];
        bytes[UTF8_BLOCK - 1..UTF8_BLOCK + 4].copy_from_slice(b"\xE5\x80\x80\x80\x80");
        assert!(!utf8_by_blocks(&bytes));
    }

    #[test]
    fn small_inputs_are_scanned_whole() {
        assert_eq!(first_nul(b"a,b\0"), Some(3));
        assert_eq!(first_nul(b""), None);
        assert!(is_utf8("名前".as_bytes()));
        assert!(!is_utf8(b"\x93\xfa"));
    }
}
