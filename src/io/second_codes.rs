//! Shift_JIS characters spelled with a code the encoder does not write. Windows-31J has
//! two or three codes for some characters (NEC row 13 symbols also in JIS row 2, the
//! NEC-selected IBM extension `ED`/`EE` beside the IBM extension `FA`–`FC`); decoding
//! maps both to one character and encoding writes one code back, so a line holding the
//! other one must keep its bytes to be written back as read.

use std::sync::OnceLock;

/// Lead bytes of every code that does not come back from decoding and encoding again
/// (`every_second_code_has_one_of_these_leads` checks all two-byte codes).
const LEADS: [u8; 6] = [0x87, 0xED, 0xEE, 0xFA, 0xFB, 0xFC];

/// Whether a byte starts a two-byte Shift_JIS character.
fn is_lead(b: u8) -> bool {
    matches!(b, 0x81..=0x9F | 0xE0..=0xFC)
}

/// Whether `bytes` (Shift_JIS text, whole characters) hold a character whose code the
/// encoder would write differently, or a two-byte code that does not decode. Only bytes
/// equal to a lead in `LEADS` are looked at closely: most of them are second bytes of
/// other characters, told apart by walking from the last byte below 0x40 (never a second
/// byte) before them.
pub fn has_second_codes(bytes: &[u8]) -> bool {
    let mut boundary = 0;
    let mut a = memchr::memchr3_iter(LEADS[0], LEADS[1], LEADS[2], bytes).peekable();
    let mut b = memchr::memchr3_iter(LEADS[3], LEADS[4], LEADS[5], bytes).peekable();
    loop {
        let hit = match (a.peek().copied(), b.peek().copied()) {
            (Some(x), Some(y)) if x <= y => a.next(),
            (Some(_), Some(_)) | (None, Some(_)) => b.next(),
            (Some(_), None) => a.next(),
            (None, None) => return false,
        };
        let Some(hit) = hit else { return false };
        if hit < boundary {
            continue;
        }
        let mut at = hit;
        while at > boundary && bytes.get(at - 1).is_some_and(|&p| p >= 0x40) {
            at -= 1;
        }
        while at < hit {
            at += if bytes.get(at).copied().is_some_and(is_lead) {
                2
            } else {
                1
            };
        }
        if at == hit {
            let trail = bytes.get(hit + 1).copied();
            let lead = bytes.get(hit).copied().unwrap_or(0);
            if trail.is_none_or(|t| !round_trips(lead, t)) {
                return true;
            }
            boundary = hit + 2;
        } else {
            boundary = at;
        }
    }
}

/// Whether decoding the code `lead trail` and encoding the character gives it back.
fn round_trips(lead: u8, trail: u8) -> bool {
    static TABLE: OnceLock<Vec<bool>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        LEADS
            .iter()
            .flat_map(|&l| (0..=255u8).map(move |t| code_round_trips(&[l, t])))
            .collect()
    });
    LEADS
        .iter()
        .position(|&l| l == lead)
        .and_then(|i| table.get(i * 256 + usize::from(trail)).copied())
        .unwrap_or_else(|| code_round_trips(&[lead, trail]))
}

/// Whether these bytes decode to one character that encodes back to them.
pub(crate) fn code_round_trips(code: &[u8]) -> bool {
    let Some(text) =
        encoding_rs::SHIFT_JIS.decode_without_bom_handling_and_without_replacement(code)
    else {
        return false;
    };
    let (back, _, bad) = encoding_rs::SHIFT_JIS.encode(&text);
    !bad && text.chars().count() == 1 && back[..] == *code
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The user-defined area (leads `F0`–`F9`) decodes to private-use characters the
    /// encoder cannot write at all: a line holding one is refused on save with the cell
    /// named, as before, rather than kept; it is left out here.
    #[test]
    fn every_second_code_has_one_of_these_leads() {
        for lead in (0x81..=0x9Fu8).chain(0xE0..=0xEF).chain(0xFA..=0xFC) {
            for trail in (0x40..=0x7Eu8).chain(0x80..=0xFC) {
                let code = [lead, trail];
                let decodes = encoding_rs::SHIFT_JIS
                    .decode_without_bom_handling_and_without_replacement(&code)
                    .is_some();
                if decodes && !code_round_trips(&code) {
                    assert!(LEADS.contains(&lead), "{lead:02X}{trail:02X}");
                }
            }
        }
    }

    #[test]
    fn second_codes_are_found_and_second_bytes_are_not_taken_for_them() {
        // 髙 as EE E0 and FB FC; 﨑 as ED 95 and FA B1; ≒ as 87 90 (NEC) and 81 E0.
        assert!(has_second_codes(b"a,\xEE\xE0"));
        assert!(!has_second_codes(b"a,\xFB\xFC"));
        assert!(has_second_codes(b"\xED\x95"));
        assert!(!has_second_codes(b"\xFA\xB1,x"));
        assert!(has_second_codes(b"x\x87\x90"));
        assert!(!has_second_codes(b"\x81\xE0"));
        // ① is only 87 40.
        assert!(!has_second_codes(b"\x87\x40"));
        // Second bytes equal to a lead: 83 87 (a katakana), 89 FA, 8B EE and 8B ED (kanji).
        assert!(!has_second_codes(b"\x83\x87\x89\xFA,\x8B\xEE\x8B\xED"));
        // A second byte equal to a lead, then a real second code after it.
        assert!(has_second_codes(b"\x89\xFA\xEE\xE0"));
        // Half-width kana (single bytes) before a lead.
        assert!(has_second_codes(b"\xB1\xB2\xED\x95"));
        assert!(!has_second_codes(b"\xB1\xB2\xFA\xB1"));
    }
}
