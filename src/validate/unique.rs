//! Value → rows index for a unique column, kept up to date per edit, so finding the other
//! half of a duplicate never scans the column.

use crate::schema::Unique;
use rustc_hash::{FxHashMap, FxHasher};
use std::hash::Hasher;

#[derive(Debug, Clone)]
pub struct UniqueIndex {
    mode: Unique,
    /// Rows by the hash of their key; rows in one bucket are compared by value, so a hash
    /// collision never makes a false duplicate.
    buckets: FxHashMap<u64, Vec<u32>>,
}

impl UniqueIndex {
    pub fn new(mode: Unique) -> Self {
        UniqueIndex {
            mode,
            buckets: FxHashMap::default(),
        }
    }

    pub fn with_capacity(mode: Unique, n: usize) -> Self {
        let mut buckets = FxHashMap::default();
        buckets.reserve(n);
        UniqueIndex { mode, buckets }
    }

    fn hash(&self, value: &str) -> u64 {
        let mut h = FxHasher::default();
        match self.mode {
            Unique::Exact => h.write(value.as_bytes()),
            Unique::CaseInsensitive if value.is_ascii() => {
                let mut buf = [0u8; 64];
                for chunk in value.as_bytes().chunks(64) {
                    let out = &mut buf[..chunk.len()];
                    out.copy_from_slice(chunk);
                    out.make_ascii_lowercase();
                    h.write(out);
                }
            }
            Unique::CaseInsensitive => h.write(value.to_lowercase().as_bytes()),
        }
        h.finish()
    }

    pub fn same(&self, a: &str, b: &str) -> bool {
        match self.mode {
            Unique::Exact => a == b,
            Unique::CaseInsensitive if a.is_ascii() && b.is_ascii() => a.eq_ignore_ascii_case(b),
            Unique::CaseInsensitive => a.to_lowercase() == b.to_lowercase(),
        }
    }

    /// Adds `row` with `value`; returns the other rows holding the same key.
    /// `cell` reads another row's current value.
    pub fn insert<'a>(&mut self, row: u32, value: &str, cell: impl Fn(u32) -> &'a str) -> Vec<u32> {
        let h = self.hash(value);
        let bucket = self.buckets.entry(h).or_default();
        let others = Self::matching(self.mode, bucket, value, &cell);
        if let Err(at) = bucket.binary_search(&row) {
            bucket.insert(at, row);
        }
        others
    }

    /// Appends during a full build, where rows arrive in order.
    pub fn push(&mut self, row: u32, value: &str) {
        let h = self.hash(value);
        self.buckets.entry(h).or_default().push(row);
    }

    /// Removes `row`, which held `value`; returns the rows still holding that key.
    pub fn remove<'a>(&mut self, row: u32, value: &str, cell: impl Fn(u32) -> &'a str) -> Vec<u32> {
        let h = self.hash(value);
        let Some(bucket) = self.buckets.get_mut(&h) else {
            return Vec::new();
        };
        if let Ok(at) = bucket.binary_search(&row) {
            bucket.remove(at);
        }
        let rest = Self::matching(self.mode, bucket, value, &cell);
        if bucket.is_empty() {
            self.buckets.remove(&h);
        }
        rest
    }

    /// Rows other than `row` holding the same key as `value`.
    pub fn others<'a>(&self, row: u32, value: &str, cell: impl Fn(u32) -> &'a str) -> Vec<u32> {
        let h = self.hash(value);
        self.buckets.get(&h).map_or_else(Vec::new, |b| {
            Self::matching(self.mode, b, value, &cell)
                .into_iter()
                .filter(|&r| r != row)
                .collect()
        })
    }

    fn matching<'a>(
        mode: Unique,
        bucket: &[u32],
        value: &str,
        cell: &impl Fn(u32) -> &'a str,
    ) -> Vec<u32> {
        let probe = UniqueIndex::new(mode);
        bucket
            .iter()
            .copied()
            .filter(|&r| probe.same(cell(r), value))
            .collect()
    }

    /// Buckets with more than one row: candidates for duplicates after a full build.
    pub fn crowded(&self) -> impl Iterator<Item = &[u32]> {
        self.buckets
            .values()
            .filter(|b| b.len() > 1)
            .map(Vec::as_slice)
    }
}
