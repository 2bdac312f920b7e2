//! A dictionary column's distinct values and the index that finds a value's id. Enum
//! codes are mostly one byte (`0`, `1`, `13` aside): those are found by a table lookup,
//! short codes by comparing one word each, names of 8 to 16 bytes by a hash of their
//! bytes; only longer values are compared as text.

use rustc_hash::FxHashMap;

/// A dictionary column turns into a text column past this many distinct values.
const DICT_MAX: usize = 255;

/// Up to this many distinct values a linear scan beats hashing; past it the index is used.
const DICT_SCAN: usize = 16;

/// The distinct values of a dictionary column (at most `DICT_MAX`, so an id is a byte).
#[derive(Debug, Clone)]
pub(crate) struct Dictionary {
    /// By id.
    values: Vec<Box<str>>,
    /// For a one-byte value, its id + 1 (0: not in the dictionary).
    by_byte: Box<[u8; 256]>,
    /// Each value's bytes packed into one word (`pack`), by id: a short code (`10`,
    /// `ja`) is found by comparing words, without a call per comparison.
    keys: Vec<u64>,
    /// Values of 8 to 16 bytes (most names) by `mid_key`, which holds all their bytes:
    /// found without comparing any text.
    mid: FxHashMap<MidKey, u8>,
    /// Values longer than 16 bytes, used once there are too many for a linear scan.
    long: FxHashMap<Box<[u8]>, u8>,
}

impl Default for Dictionary {
    fn default() -> Self {
        Dictionary {
            values: Vec::new(),
            by_byte: Box::new([0; 256]),
            keys: Vec::new(),
            mid: FxHashMap::default(),
            long: FxHashMap::default(),
        }
    }
}

/// A value of 8 to 16 bytes: its first and last eight bytes (overlapping when shorter
/// than 16) and its length, which together give back every byte.
type MidKey = (u64, u64, u8);

fn mid_key(value: &[u8]) -> Option<MidKey> {
    let len = value.len();
    if !(8..=16).contains(&len) {
        return None;
    }
    let word = |at: usize| {
        value
            .get(at..at + 8)
            .and_then(|w| <[u8; 8]>::try_from(w).ok())
            .map(u64::from_le_bytes)
    };
    Some((word(0)?, word(len - 8)?, len as u8))
}

/// The key of a value too long to pack: a packed key's top byte is its length (0 to 7),
/// never 0xFF.
const LONG: u64 = u64::MAX;

/// A value of up to seven bytes as one word: its bytes, and its length in the top byte
/// (so `1` and `1\0` differ). Longer values are `LONG`.
#[inline(always)]
fn pack(value: &[u8]) -> u64 {
    if value.len() > 7 {
        return LONG;
    }
    let mut key = (value.len() as u64) << 56;
    for (i, &b) in value.iter().enumerate() {
        key |= u64::from(b) << (8 * i);
    }
    key
}

impl Dictionary {
    /// The distinct values, by id.
    pub(crate) fn values(&self) -> &[Box<str>] {
        &self.values
    }

    /// The value of an id ("" for an id it does not have).
    #[inline(always)]
    pub(super) fn value(&self, id: u8) -> &str {
        self.values.get(usize::from(id)).map_or("", |v| v)
    }

    /// The id of a value, if it is there. `before` holds the ids of the rows before this
    /// one: the last is tried first where comparing is not already one step, as runs of
    /// one value are common (only then is it read). Inlined into the reader's per-field
    /// loop, where the value's length is often known.
    #[inline(always)]
    pub(super) fn find(&self, value: &[u8], before: &[u8]) -> Option<u8> {
        match value {
            [b] => self.find_byte(*b),
            _ if value.len() <= 7 => self.find_short(pack(value), before.last().copied()),
            _ if value.len() <= 16 => self.mid.get(&mid_key(value)?).copied(),
            _ => self.find_long(value, before.last().copied()),
        }
    }

    /// A one-byte value's id. A `u8` is always in range: no bounds check is left after
    /// inlining.
    #[inline(always)]
    pub(super) fn find_byte(&self, b: u8) -> Option<u8> {
        let id = self.by_byte.get(usize::from(b)).copied().unwrap_or(0);
        id.checked_sub(1)
    }

    /// The id of a value of up to seven bytes packed as `key`.
    #[inline(always)]
    fn find_short(&self, key: u64, last: Option<u8>) -> Option<u8> {
        if let Some(last) = last
            && self.keys.get(usize::from(last)) == Some(&key)
        {
            return Some(last);
        }
        self.keys.iter().position(|&k| k == key).map(|id| id as u8)
    }

    /// The id of a value longer than 16 bytes: compared as text, or, among many values,
    /// found by hashing.
    fn find_long(&self, value: &[u8], last: Option<u8>) -> Option<u8> {
        if let Some(last) = last
            && self
                .values
                .get(usize::from(last))
                .is_some_and(|v| v.as_bytes() == value)
        {
            return Some(last);
        }
        if self.values.len() <= DICT_SCAN {
            self.values
                .iter()
                .position(|v| v.as_bytes() == value)
                .map(|id| id as u8)
        } else {
            self.long.get(value).copied()
        }
    }

    /// Adds a value it does not have and returns its id; `None` when it holds `DICT_MAX`
    /// values already (the column is then turned into text).
    pub(super) fn add(&mut self, value: &str) -> Option<u8> {
        if self.values.len() >= DICT_MAX {
            return None;
        }
        // Below DICT_MAX (255), so the id and id + 1 fit in a byte.
        let id = self.values.len() as u8;
        self.values.push(value.into());
        let bytes = value.as_bytes();
        self.keys.push(pack(bytes));
        if let Some(key) = mid_key(bytes) {
            self.mid.insert(key, id);
        }
        if bytes.len() > 16 {
            self.long.insert(bytes.into(), id);
        }
        if let [b] = bytes
            && let Some(slot) = self.by_byte.get_mut(usize::from(*b))
        {
            *slot = id + 1;
        }
        Some(id)
    }

    /// The id of a value, added if it is new; `None` when it is new and there is no room.
    pub(super) fn find_or_add(&mut self, value: &str) -> Option<u8> {
        self.find(value.as_bytes(), &[]).or_else(|| self.add(value))
    }
}
