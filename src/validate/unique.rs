//! Value → rows index for a unique column, kept up to date per edit, so finding the other
//! half of a duplicate never scans the column.
//!
//! A full build is one sorted array of `(hash, row)` keys packed in a `u64` each: 8 bytes
//! a key, sorted by a counting pass on the hash's top bits and a small sort per bucket.
//! Edits never move it: rows added since live in a small ordered set, rows that left it in
//! a set of their own. A hash map of the same keys took ~3x the memory, and the fresh pages
//! it touched cost more than the hashing (about 5 µs a page fault on a virtual machine).
//! Rows in one bucket are compared by value, so a hash collision never makes a false
//! duplicate.

use crate::schema::Unique;
use std::collections::BTreeSet;

#[derive(Debug, Clone)]
pub struct UniqueIndex {
    mode: Unique,
    /// The full build's keys, `hash << 32 | row`, sorted by hash (rows in any order within
    /// one hash once renumbered). A row taken out since is in `gone`; one deleted since
    /// is `DEAD`.
    base: Vec<u64>,
    /// Rows whose `base` key no longer holds (their value changed or they left).
    gone: RowBits,
    /// Keys added since the build, `hash << 32 | row`.
    added: BTreeSet<u64>,
}

/// A set of rows, a bit each. A hash set of rows grew by rehashing all it held: with a
/// million rows cleared a slice at a time, single slices took 170–310 ms where it did.
#[derive(Debug, Clone, Default)]
struct RowBits {
    words: Vec<u64>,
}

impl RowBits {
    fn contains(&self, row: &u32) -> bool {
        let (word, bit) = (*row as usize / 64, row % 64);
        self.words.get(word).is_some_and(|w| w >> bit & 1 == 1)
    }

    fn insert(&mut self, row: u32) {
        let (word, bit) = (row as usize / 64, row % 64);
        if word >= self.words.len() {
            self.words.resize(word + 1, 0);
        }
        if let Some(w) = self.words.get_mut(word) {
            *w |= 1 << bit;
        }
    }

    fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        self.words.iter().enumerate().flat_map(|(i, &w)| {
            // Each step clears the lowest bit set.
            std::iter::successors(Some(w).filter(|w| *w != 0), |w| {
                Some(w & (w - 1)).filter(|w| *w != 0)
            })
            .map(move |w| i as u32 * 64 + w.trailing_zeros())
        })
    }
}

impl FromIterator<u32> for RowBits {
    fn from_iter<I: IntoIterator<Item = u32>>(rows: I) -> Self {
        let mut bits = RowBits::default();
        rows.into_iter().for_each(|r| bits.insert(r));
        bits
    }
}

/// The row of a `base` key whose row was deleted.
const DEAD: u32 = u32::MAX;

/// Keys are sorted by this many top bits of the hash before each bucket is sorted: a few
/// hundred keys a bucket, which sort in cache.
fn bucket_bits(n: usize) -> u32 {
    let buckets = (n / 256).max(1).next_power_of_two();
    buckets.trailing_zeros().min(16)
}

fn pack(h: u32, row: u32) -> u64 {
    (u64::from(h) << 32) | u64::from(row)
}

fn hash_of(key: u64) -> u32 {
    (key >> 32) as u32
}

fn row_of(key: u64) -> u32 {
    key as u32
}

/// Sorts keys by hash: a counting sort by the top bits, then each bucket on its own.
fn sort_by_hash(keys: Vec<u64>) -> Vec<u64> {
    let bits = bucket_bits(keys.len());
    if bits == 0 {
        let mut keys = keys;
        keys.sort_unstable();
        return keys;
    }
    let bucket = |k: u64| (k >> (64 - bits)) as usize;
    let mut starts = vec![0usize; (1 << bits) + 1];
    for &k in &keys {
        if let Some(n) = starts.get_mut(bucket(k) + 1) {
            *n += 1;
        }
    }
    let mut total = 0;
    for n in starts.iter_mut() {
        total += *n;
        *n = total;
    }
    let mut next = starts.clone();
    let mut sorted = vec![0u64; keys.len()];
    for &k in &keys {
        if let Some(at) = next.get_mut(bucket(k))
            && let Some(slot) = sorted.get_mut(*at)
        {
            *slot = k;
            *at += 1;
        }
    }
    drop(keys);
    for w in starts.windows(2) {
        if let [from, to] = *w
            && let Some(run) = sorted.get_mut(from..to)
        {
            run.sort_unstable();
        }
    }
    sorted
}

const WORD_MUL: u64 = 0x9E37_79B9_7F4A_7C15;

/// Hashes bytes eight at a time; `fold` maps each word (ASCII lowercasing, or nothing).
/// Also says whether the bytes are all ASCII (a folding that assumes ASCII is then right).
fn hash_words(bytes: &[u8], fold: impl Fn(u64) -> u64) -> (u64, bool) {
    let mut h = bytes.len() as u64;
    let mut high = 0;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let w = <[u8; 8]>::try_from(c).map_or(0, u64::from_le_bytes);
        high |= w;
        h = (h.rotate_left(26) ^ fold(w)).wrapping_mul(WORD_MUL);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let w = tail_word(bytes, rest);
        high |= w;
        h = (h.rotate_left(26) ^ fold(w)).wrapping_mul(WORD_MUL);
    }
    // The shard comes from the top bits: mix the low ones up into them.
    (h ^ (h >> 29), high & 0x8080_8080_8080_8080 == 0)
}

/// The last one to seven bytes of `bytes` (`rest`) as a word, zero above them: taken from
/// the last eight bytes when there are eight, which needs no copy.
#[inline(always)]
fn tail_word(bytes: &[u8], rest: &[u8]) -> u64 {
    let n = rest.len();
    match bytes
        .len()
        .checked_sub(8)
        .and_then(|from| bytes.get(from..))
        .and_then(|w| <[u8; 8]>::try_from(w).ok())
    {
        Some(last) => u64::from_le_bytes(last) >> (8 * (8 - n)),
        None => rest
            .iter()
            .enumerate()
            .fold(0, |w, (i, &b)| w | u64::from(b) << (8 * i)),
    }
}

/// Lowercases the ASCII letters of eight ASCII bytes at once.
fn ascii_lower_word(w: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    // Bytes are below 0x80, so adding at most 0x3F never carries into the next byte:
    // the high bit of each byte says whether it reached 'A', and whether it passed 'Z'.
    let from_a = w.wrapping_add(ONES * (0x80 - u64::from(b'A')));
    let past_z = w.wrapping_add(ONES * (0x80 - u64::from(b'Z') - 1));
    let upper = from_a & !past_z & (ONES * 0x80);
    w | (upper >> 2)
}

impl UniqueIndex {
    /// A full build from `(row, value)` pairs. `most` is how many pairs there can be.
    pub fn build<'a>(
        mode: Unique,
        keys: impl Iterator<Item = (u32, &'a str)>,
        most: usize,
    ) -> Self {
        let mut ix = UniqueIndex {
            mode,
            base: Vec::new(),
            gone: RowBits::default(),
            added: BTreeSet::new(),
        };
        let mut packed: Vec<u64> = Vec::with_capacity(most);
        // A plain loop keeps the column scan's state in registers (`extend` kept it in
        // memory and stored every field of it on every key).
        for (row, v) in keys {
            packed.push(pack(ix.hash(v), row));
        }
        ix.base = sort_by_hash(packed);
        ix
    }

    /// The hash keys are sorted and bucketed by: the top half of a 64-bit word hash.
    fn hash(&self, value: &str) -> u32 {
        let h = match self.mode {
            Unique::Exact => hash_words(value.as_bytes(), |w| w).0,
            Unique::CaseInsensitive => match hash_words(value.as_bytes(), ascii_lower_word) {
                (h, true) => h,
                // Lowercasing may turn non-ASCII into ASCII (the Kelvin sign into k):
                // the folded text goes through the same word hash as ASCII text.
                _ => hash_words(value.to_lowercase().as_bytes(), ascii_lower_word).0,
            },
        };
        (h >> 32) as u32
    }

    /// The key two values are compared by.
    pub(super) fn fold(&self, value: &str) -> String {
        match self.mode {
            Unique::Exact => value.to_string(),
            Unique::CaseInsensitive => value.to_lowercase(),
        }
    }

    pub fn same(&self, a: &str, b: &str) -> bool {
        match self.mode {
            Unique::Exact => a == b,
            Unique::CaseInsensitive if a.is_ascii() && b.is_ascii() => a.eq_ignore_ascii_case(b),
            Unique::CaseInsensitive => a.to_lowercase() == b.to_lowercase(),
        }
    }

    /// The `base` keys with hash `h`, dead or not.
    fn base_keys(&self, h: u32) -> &[u64] {
        let from = self.base.partition_point(|&k| hash_of(k) < h);
        let to = from
            + self
                .base
                .get(from..)
                .map_or(0, |rest| rest.partition_point(|&k| hash_of(k) == h));
        self.base.get(from..to).unwrap_or_default()
    }

    /// Every row holding a key with hash `h`.
    fn bucket(&self, h: u32) -> impl Iterator<Item = u32> + '_ {
        let base = self
            .base_keys(h)
            .iter()
            .map(|&k| row_of(k))
            .filter(|r| *r != DEAD && !self.gone.contains(r));
        let added = self
            .added
            .range(pack(h, 0)..=pack(h, u32::MAX))
            .map(|&k| row_of(k));
        base.chain(added)
    }

    /// Rows holding the same key as `value` (sorted), `cell` reading a row's current value.
    fn matching<'a>(&self, h: u32, value: &str, cell: &impl Fn(u32) -> &'a str) -> Vec<u32> {
        let mut rows: Vec<u32> = self
            .bucket(h)
            .filter(|&r| self.same(cell(r), value))
            .collect();
        rows.sort_unstable();
        rows
    }

    /// Adds `row` with `value`; returns the other rows holding the same key.
    pub fn insert<'a>(&mut self, row: u32, value: &str, cell: impl Fn(u32) -> &'a str) -> Vec<u32> {
        let h = self.hash(value);
        let mut others = self.matching(h, value, &cell);
        others.retain(|&r| r != row);
        if !self.bucket(h).any(|r| r == row) {
            self.added.insert(pack(h, row));
        }
        others
    }

    /// Moves the rows numbered `from` and later to the row `map` gives them (rows were
    /// inserted or deleted before them). Rows mapped to `None` must be gone already.
    pub fn renumber(&mut self, from: u32, map: &impl Fn(u32) -> Option<u32>) {
        let moved = |r: u32| if r >= from { map(r) } else { Some(r) };
        for k in &mut self.base {
            let r = row_of(*k);
            if r != DEAD && r >= from {
                // A deleted row's key is dead for good: its number goes to another row.
                *k = pack(hash_of(*k), map(r).unwrap_or(DEAD));
            }
        }
        self.gone = self.gone.iter().filter_map(moved).collect();
        self.added = self
            .added
            .iter()
            .filter_map(|&k| moved(row_of(k)).map(|r| pack(hash_of(k), r)))
            .collect();
    }

    /// Removes `row`, which held `value`; returns the rows still holding that key.
    pub fn remove<'a>(&mut self, row: u32, value: &str, cell: impl Fn(u32) -> &'a str) -> Vec<u32> {
        let h = self.hash(value);
        if !self.added.remove(&pack(h, row)) && self.base_keys(h).iter().any(|&k| row_of(k) == row)
        {
            self.gone.insert(row);
        }
        let mut rest = self.matching(h, value, &cell);
        rest.retain(|&r| r != row);
        rest
    }

    /// Rows other than `row` holding the same key as `value`, in row order.
    pub fn others<'a>(&self, row: u32, value: &str, cell: impl Fn(u32) -> &'a str) -> Vec<u32> {
        let h = self.hash(value);
        let mut rows = self.matching(h, value, &cell);
        rows.retain(|&r| r != row);
        rows
    }

    /// Every row whose key another row shares, after a full build. Rows sharing a hash are
    /// sorted by key, so a value repeated on many rows costs n log n, not n².
    pub fn duplicated_rows<'a>(&self, cell: impl Fn(u32) -> &'a str) -> Vec<u32> {
        let mut out = Vec::new();
        for run in self.base.chunk_by(|a, b| hash_of(*a) == hash_of(*b)) {
            if run.len() < 2 {
                continue;
            }
            let mut keyed: Vec<(String, u32)> = run
                .iter()
                .map(|&k| row_of(k))
                .filter(|r| *r != DEAD && !self.gone.contains(r))
                .map(|r| (self.fold(cell(r)), r))
                .collect();
            keyed.sort_unstable();
            for same in keyed.chunk_by(|a, b| a.0 == b.0) {
                if same.len() > 1 {
                    out.extend(same.iter().map(|(_, r)| *r));
                }
            }
        }
        out.sort_unstable();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn build(values: &[&'static str]) -> UniqueIndex {
        let keys = values.iter().enumerate().map(|(r, v)| (r as u32, *v));
        UniqueIndex::build(Unique::CaseInsensitive, keys, values.len())
    }

    #[test]
    fn a_removed_row_stops_counting_even_while_its_cell_still_holds_the_value() {
        let values = ["a@x.jp", "A@X.jp", "b@x.jp"];
        let cell = |r: u32| values[r as usize];
        let mut ix = build(&values);
        assert_eq!(ix.duplicated_rows(cell), [0, 1]);
        assert_eq!(ix.remove(1, "A@X.jp", cell), [0]);
        assert_eq!(ix.others(0, "a@x.jp", cell), Vec::<u32>::new());
        // Back in: counted once, not twice.
        assert_eq!(ix.insert(1, "A@X.jp", cell), [0]);
        assert_eq!(ix.insert(1, "A@X.jp", cell), [0]);
        assert_eq!(ix.others(0, "a@x.jp", cell), [1]);
    }

    #[test]
    fn renumbering_moves_rows_and_never_revives_a_deleted_one() {
        // Row 1 is deleted (taken out, then the rows after it move up): row 2, holding
        // the same key, takes its number, and must be counted once.
        let before = ["k1", "k2", "k2", "k3"];
        let mut ix = build(&before);
        ix.remove(1, "k2", |r| before[r as usize]);
        ix.renumber(1, &|r| if r == 1 { None } else { Some(r - 1) });
        let after = ["k1", "k2", "k3"];
        let cell = |r: u32| after[r as usize];
        assert_eq!(ix.others(9, "k2", cell), [1]);
        assert_eq!(ix.others(9, "k3", cell), [2]);
        assert_eq!(ix.others(0, "k1", cell), Vec::<u32>::new());
        // A row inserted at the top moves every row down by one.
        ix.renumber(0, &|r| Some(r + 1));
        let shifted = ["new", "k1", "k2", "k3"];
        let cell = |r: u32| shifted[r as usize];
        assert_eq!(ix.insert(0, "new", cell), Vec::<u32>::new());
        assert_eq!(ix.others(9, "k2", cell), [2]);
        assert_eq!(ix.others(9, "K1", cell), [1]);
    }

    #[test]
    fn case_folding_finds_non_ascii_pairs_and_keeps_tails_apart() {
        // Non-ASCII in the first word, only in the tail, and the Kelvin sign, which
        // lowercases to an ASCII k; then values one byte apart in tails of every length.
        let values = [
            "É@x.jp",
            "é@x.jp",
            "abcdefgh-É",
            "ABCDEFGH-é",
            "\u{212A}@x.jp",
            "k@x.jp",
            "abcdefghi",
            "abcdefghj",
            "abcdefghijklmn",
            "abcdefghijklmo",
            "abc",
            "abd",
        ];
        let ix = build(&values);
        let dups = ix.duplicated_rows(|r| values[r as usize]);
        assert_eq!(dups, [0, 1, 2, 3, 4, 5]);
        let exact = UniqueIndex::build(
            Unique::Exact,
            values.iter().enumerate().map(|(r, v)| (r as u32, *v)),
            values.len(),
        );
        assert_eq!(
            exact.duplicated_rows(|r| values[r as usize]),
            Vec::<u32>::new()
        );
    }

    #[test]
    fn row_bits_hold_exactly_the_rows_put_in_across_word_edges() {
        let rows = [0u32, 1, 63, 64, 65, 127, 128, 4_000, 1_000_000];
        let bits: RowBits = rows.iter().copied().collect();
        assert_eq!(bits.iter().collect::<Vec<_>>(), rows);
        for r in 0..1_000_100u32 {
            assert_eq!(bits.contains(&r), rows.contains(&r), "row {r}");
        }
        assert!(!RowBits::default().contains(&5));
        assert_eq!(RowBits::default().iter().count(), 0);
    }

    #[test]
    fn a_big_build_finds_exactly_the_repeated_keys() {
        let values: Vec<String> = (0..5000).map(|i| format!("u{}@x.jp", i % 4000)).collect();
        let refs: Vec<&str> = values.iter().map(String::as_str).collect();
        let keys = refs.iter().enumerate().map(|(r, v)| (r as u32, *v));
        let ix = UniqueIndex::build(Unique::Exact, keys, refs.len());
        let dups = ix.duplicated_rows(|r| refs[r as usize]);
        let want: Vec<u32> = (0..5000u32).filter(|i| i % 4000 < 1000).collect();
        assert_eq!(dups, want);
    }
}
