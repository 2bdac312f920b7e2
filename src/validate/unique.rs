//! Value → rows index for a unique column, kept up to date per edit, so finding the other
//! half of a duplicate never scans the column.
//!
//! Most values occur once, so a bucket's first row lives inline in one map and only the
//! rows that share a hash go to a second map: no allocation per row on the common path.

use crate::schema::Unique;
use rustc_hash::{FxHashMap, FxHasher};
use std::hash::Hasher;

#[derive(Debug, Clone)]
pub struct UniqueIndex {
    mode: Unique,
    /// The first row of each bucket, by the hash of its key.
    first: FxHashMap<u64, u32>,
    /// Further rows of buckets holding more than one row. Rows in one bucket are compared
    /// by value, so a hash collision never makes a false duplicate.
    more: FxHashMap<u64, Vec<u32>>,
}

impl UniqueIndex {
    pub fn with_capacity(mode: Unique, n: usize) -> Self {
        let mut first = FxHashMap::default();
        first.reserve(n);
        UniqueIndex {
            mode,
            first,
            more: FxHashMap::default(),
        }
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
        self.first
            .get(&h)
            .copied()
            .into_iter()
            .chain(more.iter().copied())
    }

    fn add(&mut self, h: u64, row: u32) {
        match self.first.entry(h) {
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
        self.first.values_mut().for_each(moved);
        self.more.values_mut().flatten().for_each(moved);
    }

    /// Appends during a full build.
    pub fn push(&mut self, row: u32, value: &str) {
        let h = self.hash(value);
        self.add(h, row);
    }

    /// Removes `row`, which held `value`; returns the rows still holding that key.
    pub fn remove<'a>(&mut self, row: u32, value: &str, cell: impl Fn(u32) -> &'a str) -> Vec<u32> {
        let h = self.hash(value);
        if self.first.get(&h) == Some(&row) {
            match self.more.get_mut(&h).and_then(Vec::pop) {
                Some(next) => {
                    self.first.insert(h, next);
                }
                None => {
                    self.first.remove(&h);
                }
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
