//! Value → rows index for a unique column, kept up to date per edit, so finding the other
//! half of a duplicate never scans the column.
//!
//! Most values occur once, so a bucket's first row lives inline in one map and only the
//! rows that share a hash go to a second map: no allocation per row on the common path.
//! The first-row map is split into shards by the hash's top bits: a full build sorts the
//! keys by shard and fills one shard at a time, each small enough to stay in cache
//! (inserting a million random keys into one big map missed the cache on nearly every
//! insert).

use crate::schema::Unique;
use rustc_hash::FxHashMap;

/// A shard holds about this many keys after a full build.
const SHARD_KEYS: usize = 4096;

/// At most this many shards (2^8).
const MAX_SHARD_BITS: u32 = 8;

#[derive(Debug, Clone)]
pub struct UniqueIndex {
    mode: Unique,
    /// log2 of the number of shards in `first`.
    bits: u32,
    /// The first row of each bucket, by the hash of its key; shard `h >> (64 - bits)`.
    first: Vec<FxHashMap<u64, u32>>,
    /// Further rows of buckets holding more than one row. Rows in one bucket are compared
    /// by value, so a hash collision never makes a false duplicate.
    more: FxHashMap<u64, Vec<u32>>,
}

/// Shard bits for an index expected to hold `n` keys.
fn shard_bits(n: usize) -> u32 {
    let shards = (n / SHARD_KEYS).max(1).next_power_of_two();
    shards.trailing_zeros().min(MAX_SHARD_BITS)
}

const WORD_MUL: u64 = 0x9E37_79B9_7F4A_7C15;

/// Hashes bytes eight at a time; `fold` maps each word (ASCII lowercasing, or nothing).
fn hash_words(bytes: &[u8], fold: impl Fn(u64) -> u64) -> u64 {
    let mut h = bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        h = (h.rotate_left(26) ^ fold(u64::from_le_bytes(w))).wrapping_mul(WORD_MUL);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut w = [0u8; 8];
        if let Some(dst) = w.get_mut(..rest.len()) {
            dst.copy_from_slice(rest);
        }
        h = (h.rotate_left(26) ^ fold(u64::from_le_bytes(w))).wrapping_mul(WORD_MUL);
    }
    // The shard comes from the top bits: mix the low ones up into them.
    h ^ (h >> 29)
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
    pub fn with_capacity(mode: Unique, n: usize) -> Self {
        let bits = shard_bits(n);
        UniqueIndex {
            mode,
            bits,
            first: vec![FxHashMap::default(); 1 << bits],
            more: FxHashMap::default(),
        }
    }

    /// A full build from `(row, value)` pairs in row order: the same index as pushing
    /// them one by one, built shard by shard. `most` is how many pairs there can be.
    pub fn build<'a>(
        mode: Unique,
        keys: impl Iterator<Item = (u32, &'a str)>,
        most: usize,
    ) -> Self {
        let mut ix = UniqueIndex::with_capacity(mode, most);
        let mut hashed: Vec<(u64, u32)> = Vec::with_capacity(most);
        hashed.extend(keys.map(|(row, v)| (ix.hash(v), row)));
        // A counting sort by shard keeps row order within each shard, so each bucket's
        // first row is its lowest, as when pushing in row order.
        let mut starts = vec![0usize; ix.first.len() + 1];
        for &(h, _) in &hashed {
            if let Some(n) = starts.get_mut(ix.shard(h) + 1) {
                *n += 1;
            }
        }
        let mut total = 0;
        for s in starts.iter_mut() {
            total += *s;
            *s = total;
        }
        let mut next = starts.clone();
        let mut sorted = vec![(0u64, 0u32); hashed.len()];
        for &(h, row) in &hashed {
            let s = ix.shard(h);
            if let Some(at) = next.get_mut(s)
                && let Some(slot) = sorted.get_mut(*at)
            {
                *slot = (h, row);
                *at += 1;
            }
        }
        drop(hashed);
        for (s, w) in starts.windows(2).enumerate() {
            if let ([from, to], Some(map)) = (w, ix.first.get_mut(s)) {
                map.reserve(to - from);
            }
        }
        for &(h, row) in &sorted {
            ix.add(h, row);
        }
        ix
    }

    fn shard(&self, h: u64) -> usize {
        if self.bits == 0 {
            0
        } else {
            (h >> (64 - self.bits)) as usize
        }
    }

    fn first_of(&self, h: u64) -> Option<u32> {
        self.first.get(self.shard(h))?.get(&h).copied()
    }

    fn hash(&self, value: &str) -> u64 {
        match self.mode {
            Unique::Exact => hash_words(value.as_bytes(), |w| w),
            Unique::CaseInsensitive if value.is_ascii() => {
                hash_words(value.as_bytes(), ascii_lower_word)
            }
            // Lowercasing may turn non-ASCII into ASCII (the Kelvin sign into k): the
            // folded text goes through the same word hash as ASCII text.
            Unique::CaseInsensitive => {
                hash_words(value.to_lowercase().as_bytes(), ascii_lower_word)
            }
        }
    }

    /// The key two values are compared by.
    fn fold(&self, value: &str) -> String {
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

    fn bucket(&self, h: u64) -> impl Iterator<Item = u32> + '_ {
        let more = self.more.get(&h).map_or(&[][..], Vec::as_slice);
        self.first_of(h).into_iter().chain(more.iter().copied())
    }

    fn add(&mut self, h: u64, row: u32) {
        let s = self.shard(h);
        let Some(first) = self.first.get_mut(s) else {
            return;
        };
        match first.entry(h) {
            std::collections::hash_map::Entry::Occupied(_) => {
                self.more.entry(h).or_default().push(row)
            }
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(row);
            }
        }
    }

    /// Rows holding the same key as `value` (sorted), `cell` reading a row's current value.
    fn matching<'a>(&self, h: u64, value: &str, cell: &impl Fn(u32) -> &'a str) -> Vec<u32> {
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
            self.add(h, row);
        }
        others
    }

    /// Moves the rows numbered `from` and later to the row `map` gives them (rows were
    /// inserted or deleted before them). Rows mapped to `None` must be gone already.
    pub fn renumber(&mut self, from: u32, map: &impl Fn(u32) -> Option<u32>) {
        let moved = |r: &mut u32| {
            if *r >= from
                && let Some(n) = map(*r)
            {
                *r = n;
            }
        };
        self.first
            .iter_mut()
            .flat_map(|m| m.values_mut())
            .for_each(moved);
        self.more.values_mut().flatten().for_each(moved);
    }

    /// Removes `row`, which held `value`; returns the rows still holding that key.
    pub fn remove<'a>(&mut self, row: u32, value: &str, cell: impl Fn(u32) -> &'a str) -> Vec<u32> {
        let h = self.hash(value);
        let s = self.shard(h);
        if self.first_of(h) == Some(row) {
            let next = self.more.get_mut(&h).and_then(Vec::pop);
            if let Some(first) = self.first.get_mut(s) {
                match next {
                    Some(next) => first.insert(h, next),
                    None => first.remove(&h),
                };
            }
        } else if let Some(rest) = self.more.get_mut(&h) {
            rest.retain(|&r| r != row);
        }
        if self.more.get(&h).is_some_and(Vec::is_empty) {
            self.more.remove(&h);
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

    /// Every row whose key another row shares, after a full build. Each crowded bucket is
    /// sorted by key, so a value repeated on many rows costs n log n, not n².
    pub fn duplicated_rows<'a>(&self, cell: impl Fn(u32) -> &'a str) -> Vec<u32> {
        let mut out = Vec::new();
        for &h in self.more.keys() {
            let mut keyed: Vec<(String, u32)> =
                self.bucket(h).map(|r| (self.fold(cell(r)), r)).collect();
            keyed.sort_unstable();
            for run in keyed.chunk_by(|a, b| a.0 == b.0) {
                if run.len() > 1 {
                    out.extend(run.iter().map(|(_, r)| *r));
                }
            }
        }
        out.sort_unstable();
        out
    }
}
