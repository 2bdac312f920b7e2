//! Whole-file scans that run before reading can start (where the first NUL byte is,
//! whether the body is UTF-8): on a big file, each half on its own core, since nothing
//! else can run until they are done.

/// Files at least this long are scanned in two halves at once.
const HALVES_FROM_BYTES: usize = 4 << 20;

/// Where to cut `bytes` in two near the middle: at the start of a UTF-8 character (not on a
/// continuation byte), so a body is valid UTF-8 exactly when both halves are.
fn cut(bytes: &[u8]) -> usize {
    let mut at = bytes.len() / 2;
    while bytes.get(at).is_some_and(|&b| b & 0xC0 == 0x80) && at + 1 < bytes.len() {
        at += 1;
    }
    at
}

/// `f` over both halves of a big `bytes` on two threads, or over all of a small one (then
/// the second result is `f` of nothing); also where the second half starts.
fn on_halves<T: Send>(bytes: &[u8], f: impl Fn(&[u8]) -> T + Sync) -> (T, T, usize) {
    if bytes.len() < HALVES_FROM_BYTES {
        return (f(bytes), f(&[]), bytes.len());
    }
    let at = cut(bytes);
    let (first, second) = bytes.split_at(at);
    std::thread::scope(|s| {
        let later = s.spawn(|| f(second));
        let early = f(first);
        let later = later
            .join()
            .unwrap_or_else(|p| std::panic::resume_unwind(p));
        (early, later, at)
    })
}

/// The position of the first NUL byte.
pub fn first_nul(bytes: &[u8]) -> Option<usize> {
    let (early, later, at) = on_halves(bytes, |h| memchr::memchr(0, h));
    early.or(later.map(|p| p + at))
}

/// Whether the bytes are well-formed UTF-8.
pub fn is_utf8(bytes: &[u8]) -> bool {
    let (early, later, _) = on_halves(bytes, |h| simdutf8::basic::from_utf8(h).is_ok());
    early && later
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Big bodies of Japanese text with one flaw placed at every offset around the cut.
    #[test]
    fn halves_agree_with_one_pass_around_the_cut() {
        let text = "山田太郎,yamada@example.com\n".repeat((HALVES_FROM_BYTES / 30) + 10);
        let mid = text.len() / 2;
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
    fn small_inputs_are_scanned_whole() {
        assert_eq!(first_nul(b"a,b\0"), Some(3));
        assert_eq!(first_nul(b""), None);
        assert!(is_utf8("名前".as_bytes()));
        assert!(!is_utf8(b"\x93\xfa"));
    }
}
