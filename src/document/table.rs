//! Compact cell storage for millions of rows: one text buffer with offsets per column, or,
//! for columns with few distinct values (enum codes), one byte per cell into a small
//! dictionary. Never a `String` per cell.

use rustc_hash::FxHashMap;

/// A dictionary column turns into a text column past this many distinct values.
const DICT_MAX: usize = 255;

/// Up to this many distinct values a linear scan beats hashing; past it the index is used.
const DICT_SCAN: usize = 16;

#[derive(Debug, Clone)]
pub enum ColumnCells {
    /// `ids[phys - first]` indexes `values` for the rows from `first` on; the rows before
    /// are in `earlier` runs (a file read in parts: each part's ids kept as they were
    /// read, not copied after the first's). `index` finds a value's id.
    Dict {
        ids: Vec<u8>,
        first: u32,
        earlier: Vec<IdRun>,
        values: Vec<Box<str>>,
        index: DictIndex,
    },
    /// Cells in runs of rows (`segs`, in row order; one per part of a file read in parts),
    /// unless `edited` has them.
    Text {
        segs: Vec<TextSeg>,
        edited: FxHashMap<u32, Box<str>>,
    },
}

/// The ids of a dictionary column's consecutive physical rows from `first` on.
#[derive(Debug, Clone, Default)]
pub struct IdRun {
    first: u32,
    ids: Vec<u8>,
}

/// A dictionary column's ids by physical row (see [`ColumnCells::dictionary`]).
#[derive(Debug, Clone, Copy)]
pub struct DictIds<'a> {
    ids: &'a [u8],
    first: u32,
    earlier: &'a [IdRun],
}

impl DictIds<'_> {
    /// The id of a physical row's value.
    #[inline(always)]
    pub fn get(&self, phys: u32) -> Option<u8> {
        match phys.checked_sub(self.first) {
            Some(i) => self.ids.get(i as usize).copied(),
            None => {
                let run = self.earlier.iter().rev().find(|r| r.first <= phys)?;
                run.ids.get((phys - run.first) as usize).copied()
            }
        }
    }

    pub fn len(&self) -> usize {
        self.first as usize + self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The id slot of a physical row of a dictionary column (see [`DictIds::get`]).
fn id_slot<'a>(
    ids: &'a mut [u8],
    first: u32,
    earlier: &'a mut [IdRun],
    phys: u32,
) -> Option<&'a mut u8> {
    match phys.checked_sub(first) {
        Some(i) => ids.get_mut(i as usize),
        None => {
            let run = earlier.iter_mut().rev().find(|r| r.first <= phys)?;
            run.ids.get_mut((phys - run.first) as usize)
        }
    }
}

/// The text cells of consecutive physical rows from `first` on: cell `first + i` is
/// `buf[ends[i-1]..ends[i]]`. A file read in parts keeps each part's run as it was read
/// instead of copying it after the first's (~50 MB for a million rows).
#[derive(Debug, Clone, Default)]
pub struct TextSeg {
    first: u32,
    buf: String,
    ends: Vec<u32>,
}

impl TextSeg {
    fn get(&self, phys: u32) -> &str {
        let i = phys.wrapping_sub(self.first) as usize;
        let end = self.ends.get(i).copied().unwrap_or(0) as usize;
        let start = if i == 0 {
            0
        } else {
            self.ends.get(i - 1).copied().unwrap_or(0) as usize
        };
        self.buf.get(start..end).unwrap_or("")
    }

    fn push(&mut self, value: &str) {
        self.buf.push_str(value);
        self.ends.push(offset(self.buf.len()));
    }
}

/// The run holding row `phys`: the last one starting at or before it (runs are in row
/// order; a file read in parts has one per part). Searched from the end: a binary search
/// made exporting a million rows read in 11 parts 1.11x → 1.6x the csv writer's time.
fn seg_of(segs: &[TextSeg], phys: u32) -> Option<&TextSeg> {
    match segs {
        [only] => Some(only),
        _ => segs.iter().rev().find(|s| s.first <= phys),
    }
}

impl Default for ColumnCells {
    fn default() -> Self {
        ColumnCells::Dict {
            ids: Vec::new(),
            first: 0,
            earlier: Vec::new(),
            values: Vec::new(),
            index: DictIndex::default(),
        }
    }
}

/// Finds a value's id in a dictionary column. Enum codes are mostly one byte (`0`, `1`,
/// `13` aside): those are found by a table lookup, without comparing any text.
#[derive(Debug, Clone)]
pub struct DictIndex {
    /// For a one-byte value, its id + 1 (0: not in the dictionary).
    by_byte: Box<[u8; 256]>,
    /// Each value's bytes packed into one word (`pack`), by id: a short code (`10`,
    /// `ja`) is found by comparing words, without a call per comparison.
    keys: Vec<u64>,
    /// Values of 8 to 16 bytes (most names) by `mid_key`, which holds all their bytes:
    /// found without comparing any text.
    mid: FxHashMap<MidKey, u8>,
    /// Every value, used once there are too many for a linear scan.
    map: FxHashMap<Box<str>, u8>,
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

impl DictIndex {
    /// A one-byte value's id, if it is in the dictionary. A `u8` is always in range: no
    /// bounds check is left after inlining.
    #[inline(always)]
    fn id_of_byte(&self, b: u8) -> Option<u8> {
        let id = self.by_byte.get(usize::from(b)).copied().unwrap_or(0);
        id.checked_sub(1)
    }
}

impl Default for DictIndex {
    fn default() -> Self {
        DictIndex {
            by_byte: Box::new([0; 256]),
            keys: Vec::new(),
            mid: FxHashMap::default(),
            map: FxHashMap::default(),
        }
    }
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

impl DictIndex {
    /// The id of a value of two to seven bytes packed as `key`; `last` (the previous
    /// row's id) is tried first, as runs of one code are common.
    #[inline(always)]
    fn find_short(&self, key: u64, last: Option<u8>) -> Option<usize> {
        if let Some(last) = last
            && self.keys.get(usize::from(last)) == Some(&key)
        {
            return Some(usize::from(last));
        }
        self.keys.iter().position(|&k| k == key)
    }
}

/// The id of `value` in a dictionary column, if it is there.
fn dict_find(values: &[Box<str>], index: &DictIndex, value: &str) -> Option<usize> {
    if let [b] = value.as_bytes() {
        return index.id_of_byte(*b).map(usize::from);
    }
    let key = pack(value.as_bytes());
    if key != LONG {
        return index.find_short(key, None);
    }
    if let Some(key) = mid_key(value.as_bytes()) {
        return index.mid.get(&key).map(|&id| usize::from(id));
    }
    if values.len() <= DICT_SCAN {
        values.iter().position(|v| **v == *value)
    } else {
        index.map.get(value).map(|&id| id as usize)
    }
}

fn dict_add(values: &mut Vec<Box<str>>, index: &mut DictIndex, value: &str) -> usize {
    let id = values.len();
    values.push(value.into());
    index.map.insert(value.into(), id as u8);
    index.keys.push(pack(value.as_bytes()));
    if let Some(key) = mid_key(value.as_bytes()) {
        index.mid.insert(key, id as u8);
    }
    if let [b] = value.as_bytes() {
        // Ids stay below DICT_MAX (255), so id + 1 fits.
        if let Some(slot) = index.by_byte.get_mut(usize::from(*b)) {
            *slot = (id + 1) as u8;
        }
    }
    id
}

impl ColumnCells {
    fn get(&self, phys: u32) -> &str {
        match self {
            ColumnCells::Dict {
                ids,
                first,
                earlier,
                values,
                ..
            } => DictIds {
                ids,
                first: *first,
                earlier,
            }
            .get(phys)
            .and_then(|id| values.get(usize::from(id)))
            .map_or("", |v| v),
            ColumnCells::Text { segs, edited } => {
                if !edited.is_empty()
                    && let Some(v) = edited.get(&phys)
                {
                    return v;
                }
                seg_of(segs, phys).map_or("", |s| s.get(phys))
            }
        }
    }

    fn len(&self) -> usize {
        match self {
            ColumnCells::Dict { ids, first, .. } => *first as usize + ids.len(),
            ColumnCells::Text { segs, .. } => {
                segs.last().map_or(0, |s| s.first as usize + s.ends.len())
            }
        }
    }

    /// Room for `more` cells; a text column's run by its cells' size so far. A hint: when
    /// the room cannot be had, the column grows as cells come, as it would without it.
    fn reserve(&mut self, more: usize) {
        match self {
            ColumnCells::Dict { ids, .. } => {
                let _ = ids.try_reserve(more);
            }
            ColumnCells::Text { segs, .. } => {
                if let Some(seg) = segs.last_mut() {
                    let per_cell = seg.buf.len().div_ceil(seg.ends.len().max(1));
                    let _ = seg.buf.try_reserve(per_cell.saturating_mul(more));
                    let _ = seg.ends.try_reserve(more);
                }
            }
        }
    }

    /// About what appending this column after another costs: a dictionary column's ids
    /// are renumbered in place when the two dictionaries differ; a text column's runs are
    /// moved, not copied, so only its edited cells.
    fn append_cost(&self) -> usize {
        match self {
            ColumnCells::Dict { .. } => self.len(),
            ColumnCells::Text { edited, .. } => edited.len(),
        }
    }

    // Inlined into the reader's per-field loop: a call per cell costs as much as the push.
    #[inline(always)]
    fn push(&mut self, value: &str) {
        match self {
            ColumnCells::Dict {
                ids, values, index, ..
            } => {
                // Most enum columns hold a handful of codes: a one-byte code is a table
                // lookup; otherwise try the previous row's value, then a short linear
                // scan; both beat hashing.
                let hit = if let [b] = value.as_bytes() {
                    index.id_of_byte(*b).map(usize::from)
                } else {
                    let key = pack(value.as_bytes());
                    if key != LONG {
                        index.find_short(key, ids.last().copied())
                    } else if let Some(key) = mid_key(value.as_bytes()) {
                        index.mid.get(&key).map(|&id| usize::from(id))
                    } else {
                        ids.last()
                            .map(|&id| id as usize)
                            .filter(|&id| values.get(id).is_some_and(|v| **v == *value))
                            .or_else(|| dict_find(values, index, value))
                    }
                };
                if let Some(id) = hit {
                    ids.push(id as u8);
                    return;
                }
                self.push_new(value);
            }
            ColumnCells::Text { segs, .. } => push_text(segs, value),
        }
    }

    /// Like `push` with `text[range]`, without slicing text for a dictionary's codes.
    #[inline(always)]
    fn push_range(&mut self, text: &str, range: std::ops::Range<usize>) {
        match self {
            ColumnCells::Dict { ids, index, .. } => {
                let bytes = text.as_bytes().get(range.clone()).unwrap_or_default();
                let hit = match bytes {
                    [b] => index.id_of_byte(*b).map(usize::from),
                    _ if bytes.len() <= 7 => index.find_short(pack(bytes), ids.last().copied()),
                    _ if bytes.len() <= 16 => mid_key(bytes)
                        .and_then(|key| index.mid.get(&key))
                        .map(|&id| usize::from(id)),
                    _ => return self.push(text.get(range).unwrap_or("")),
                };
                match hit {
                    Some(id) => ids.push(id as u8),
                    None => self.push_new(text.get(range).unwrap_or("")),
                }
            }
            ColumnCells::Text { segs, .. } => push_text(segs, text.get(range).unwrap_or("")),
        }
    }

    /// A value a dictionary column has not seen: added, or, past `DICT_MAX` values, the
    /// column becomes text. Rare, so kept out of `push`, which it would stop inlining.
    #[cold]
    #[inline(never)]
    fn push_new(&mut self, value: &str) {
        if let ColumnCells::Dict {
            ids, values, index, ..
        } = self
            && values.len() < DICT_MAX
        {
            let id = dict_add(values, index, value);
            ids.push(id as u8);
            return;
        }
        self.convert_to_text();
        if let ColumnCells::Text { segs, .. } = self {
            push_text(segs, value);
        }
    }

    fn set(&mut self, phys: u32, value: &str) {
        match self {
            ColumnCells::Dict {
                ids,
                first,
                earlier,
                values,
                index,
            } => {
                let id = match dict_find(values, index, value) {
                    Some(id) => id,
                    None if values.len() < DICT_MAX => dict_add(values, index, value),
                    None => {
                        self.convert_to_text();
                        return self.set(phys, value);
                    }
                };
                if let Some(slot) = id_slot(ids, *first, earlier, phys) {
                    *slot = id as u8;
                }
            }
            ColumnCells::Text { edited, .. } => {
                edited.insert(phys, value.into());
            }
        }
    }

    fn convert_to_text(&mut self) {
        if matches!(self, ColumnCells::Text { .. }) {
            return;
        }
        let n = self.len();
        let mut seg = TextSeg {
            ends: Vec::with_capacity(n),
            ..TextSeg::default()
        };
        for phys in 0..n {
            seg.push(self.get(phys as u32));
        }
        *self = ColumnCells::Text {
            segs: vec![seg],
            edited: FxHashMap::default(),
        };
    }

    /// Adds another column's cells after these (a file read in parts, joined).
    fn append(&mut self, other: ColumnCells) {
        let phys_base = offset(self.len());
        if let (
            ColumnCells::Dict {
                ids,
                first,
                earlier,
                values,
                index,
            },
            ColumnCells::Dict {
                values: their_values,
                ..
            },
        ) = (&mut *self, &other)
        {
            // Their ids in this dictionary, unless the two together hold too many values.
            let mut map = Vec::with_capacity(their_values.len());
            for v in their_values {
                match dict_find(values, index, v) {
                    Some(id) => map.push(id as u8),
                    None if values.len() < DICT_MAX => map.push(dict_add(values, index, v) as u8),
                    None => break,
                }
            }
            if map.len() == their_values.len()
                && let ColumnCells::Dict {
                    ids: mut their_ids,
                    first: their_first,
                    earlier: their_earlier,
                    ..
                } = other
            {
                // Their runs are kept, renumbered in place where the dictionaries differ:
                // copying them after ours wrote ~10 MB of fresh pages at a million rows.
                let renumber = |ids: &mut [u8]| {
                    if map.iter().enumerate().any(|(i, &id)| usize::from(id) != i) {
                        // A full table: each id is one lookup without a bounds check.
                        let mut table = [0u8; 256];
                        for (slot, &id) in table.iter_mut().zip(&map) {
                            *slot = id;
                        }
                        #[allow(
                            clippy::indexing_slicing,
                            reason = "a byte always indexes a table of 256"
                        )]
                        ids.iter_mut().for_each(|id| *id = table[usize::from(*id)]);
                    }
                };
                let ours = IdRun {
                    first: *first,
                    ids: std::mem::take(ids),
                };
                earlier.extend(std::iter::once(ours).filter(|r| !r.ids.is_empty()));
                for mut run in their_earlier {
                    renumber(&mut run.ids);
                    run.first = run.first.saturating_add(phys_base);
                    earlier.push(run);
                }
                renumber(&mut their_ids);
                *ids = their_ids;
                *first = their_first.saturating_add(phys_base);
                return;
            }
        }
        self.convert_to_text();
        let mut other = other;
        other.convert_to_text();
        if let (
            ColumnCells::Text { segs, edited },
            ColumnCells::Text {
                segs: their_segs,
                edited: their_edited,
            },
        ) = (self, other)
        {
            // Their runs are moved, not copied: only the row numbers they start at change.
            segs.retain(|s| !s.ends.is_empty());
            segs.extend(
                their_segs
                    .into_iter()
                    .filter(|s| !s.ends.is_empty())
                    .map(|s| TextSeg {
                        first: s.first.saturating_add(phys_base),
                        ..s
                    }),
            );
            if segs.is_empty() {
                segs.push(TextSeg::default());
            }
            edited.extend(
                their_edited
                    .into_iter()
                    .map(|(p, v)| (p.saturating_add(phys_base), v)),
            );
        }
    }

    /// For dictionary columns: the id of each physical row and the distinct values, so
    /// a check can run once per distinct value instead of once per cell.
    pub fn dictionary(&self) -> Option<(DictIds<'_>, &[Box<str>])> {
        match self {
            ColumnCells::Dict {
                ids,
                first,
                earlier,
                values,
                ..
            } => Some((
                DictIds {
                    ids,
                    first: *first,
                    earlier,
                },
                values,
            )),
            ColumnCells::Text { .. } => None,
        }
    }
}

/// Below this many rows a table's columns are joined on one thread.
const APPEND_PARALLEL_FROM: usize = 20_000;

/// Appends each of `theirs` to the matching column of `mine`, and does `also` (which
/// copies about `also_cost` bytes). A big table's work is shared out between two threads
/// by what each part copies: it is on the path from opening a file to showing it.
fn append_columns(
    mine: &mut [ColumnCells],
    theirs: Vec<ColumnCells>,
    also: impl FnOnce() + Send,
    also_cost: usize,
) {
    let rows = theirs.first().map_or(0, ColumnCells::len);
    let mut pairs: Vec<(&mut ColumnCells, ColumnCells)> = mine.iter_mut().zip(theirs).collect();
    if rows < APPEND_PARALLEL_FROM {
        pairs.into_iter().for_each(|(m, t)| m.append(t));
        also();
        return;
    }
    // Heaviest first, each to the lighter side; `also` is this thread's from the start.
    pairs.sort_by_key(|(_, t)| std::cmp::Reverse(t.append_cost()));
    let (mut here, mut there) = (Vec::new(), Vec::new());
    let (mut here_cost, mut there_cost) = (also_cost, 0);
    for (m, t) in pairs {
        if here_cost <= there_cost {
            here_cost += t.append_cost();
            here.push((m, t));
        } else {
            there_cost += t.append_cost();
            there.push((m, t));
        }
    }
    std::thread::scope(|s| {
        s.spawn(|| there.into_iter().for_each(|(m, t)| m.append(t)));
        also();
        here.into_iter().for_each(|(m, t)| m.append(t));
    });
}

/// Adds a cell after the last run's. A run is never empty once a cell is pushed.
#[inline(always)]
fn push_text(segs: &mut Vec<TextSeg>, value: &str) {
    if segs.is_empty() {
        segs.push(TextSeg::default());
    }
    if let Some(last) = segs.last_mut() {
        last.push(value);
    }
}

/// See [`Table::column_values`].
pub struct ColumnValues<'a> {
    order: std::slice::Iter<'a, u32>,
    cells: Option<&'a ColumnCells>,
    /// The run the previous cell was in.
    run: Option<&'a TextSeg>,
    /// The cells after the previous one in its run, while rows come in load order.
    following: Following<'a>,
}

/// The text cells of a run from one physical row on. Rows in load order (a file just
/// read) take them one after another: each starts where the previous ended, so only its
/// end is looked up and only that end is checked to fall between characters.
struct Following<'a> {
    /// The physical row of the next cell in `rest`.
    phys: u32,
    rest: &'a str,
    /// Where `rest` starts in its run, and the ends of its cells there.
    pos: u32,
    ends: std::slice::Iter<'a, u32>,
}

impl<'a> Following<'a> {
    /// Nothing follows: the first cell is found the general way.
    fn none() -> Self {
        Following {
            phys: u32::MAX,
            rest: "",
            pos: 0,
            ends: [].iter(),
        }
    }

    /// The cells after row `phys` of `run`.
    fn after(run: &'a TextSeg, phys: u32) -> Self {
        let i = phys.wrapping_sub(run.first) as usize;
        let pos = run.ends.get(i).copied().unwrap_or(0);
        match (run.buf.get(pos as usize..), run.ends.get(i + 1..)) {
            (Some(rest), Some(ends)) => Following {
                phys: phys.wrapping_add(1),
                rest,
                pos,
                ends: ends.iter(),
            },
            _ => Following::none(),
        }
    }

    #[inline(always)]
    fn take(&mut self) -> Option<&'a str> {
        let end = *self.ends.as_slice().first()?;
        let (cell, rest) = self
            .rest
            .split_at_checked(end.wrapping_sub(self.pos) as usize)?;
        self.ends.next();
        self.rest = rest;
        self.pos = end;
        self.phys = self.phys.wrapping_add(1);
        Some(cell)
    }
}

impl<'a> Iterator for ColumnValues<'a> {
    type Item = &'a str;

    // Inlined into each column scan, where its state stays in registers.
    #[inline(always)]
    fn next(&mut self) -> Option<&'a str> {
        let phys = *self.order.next()?;
        let Some(cells) = self.cells else {
            return Some("");
        };
        let ColumnCells::Text { segs, edited } = cells else {
            return Some(cells.get(phys));
        };
        if !edited.is_empty() {
            if let Some(v) = edited.get(&phys) {
                return Some(v);
            }
        } else if phys == self.following.phys
            && let Some(v) = self.following.take()
        {
            return Some(v);
        }
        let run = match self.run {
            Some(r) if phys.wrapping_sub(r.first) < offset(r.ends.len()) => r,
            _ => match seg_of(segs, phys) {
                Some(r) => {
                    self.run = Some(r);
                    r
                }
                None => return Some(""),
            },
        };
        if edited.is_empty() {
            self.following = Following::after(run, phys);
        }
        Some(run.get(phys))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.order.size_hint()
    }
}

/// The fields of a line given to [`Table::push_line`], taken in order. A dictionary
/// column first asks for a one-byte code, the usual cell of a bulk-update file, which
/// needs no slice and no search for its end; any other cell is taken as a range.
pub trait LineFields {
    /// The next field's byte when it is one byte long and not the line's last field
    /// (not taken: see [`LineFields::skip_code`]).
    fn peek_code(&self) -> Option<u8>;
    /// Takes the field [`LineFields::peek_code`] returned.
    fn skip_code(&mut self);
    /// Takes the next field: where it is in the line, which it splits between characters.
    fn next_range(&mut self) -> Option<std::ops::Range<usize>>;
}

/// Buffers are capped at 4 GiB per column (checked when reading); saturate rather than wrap.
fn offset(len: usize) -> u32 {
    u32::try_from(len).unwrap_or(u32::MAX)
}

/// The cells of a CSV below its header. Rows are addressed by their position in the
/// document (logical); storage keeps them in load order (physical), so inserting and
/// deleting rows moves only the `order` index.
#[derive(Debug, Clone, Default)]
pub struct Table {
    columns: Vec<ColumnCells>,
    order: Vec<u32>,
    /// Physical rows whose record had fewer fields than the header.
    short: FxHashMap<u32, usize>,
    /// Fields beyond the header's width, by physical row.
    extra: FxHashMap<u32, Vec<String>>,
    /// The line each physical row started on in the source file (0 for new rows).
    lines: Vec<u32>,
    /// Physical rows taken out of the document, newest last: undoing a delete puts the
    /// very row back, with its extra fields, read problems and source line.
    removed: Vec<u32>,
}

impl Table {
    pub fn new(width: usize) -> Self {
        Table {
            columns: (0..width).map(|_| ColumnCells::default()).collect(),
            ..Default::default()
        }
    }

    pub fn width(&self) -> usize {
        self.columns.len()
    }

    pub fn len(&self) -> usize {
        self.order.len()
    }

    /// Rows ever stored, including deleted ones (the next physical index).
    pub fn physical_len(&self) -> usize {
        self.lines.len()
    }

    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    fn phys(&self, row: usize) -> Option<u32> {
        self.order.get(row).copied()
    }

    pub fn cell(&self, row: usize, col: usize) -> &str {
        match (self.phys(row), self.columns.get(col)) {
            (Some(p), Some(c)) => c.get(p),
            _ => "",
        }
    }

    pub fn column(&self, col: usize) -> Option<&ColumnCells> {
        self.columns.get(col)
    }

    /// The cells of one column in row order, as `cell(row, col)` gives them, for scans
    /// over a whole column: the run of rows is looked up once per run, not per cell.
    pub fn column_values(&self, col: usize) -> ColumnValues<'_> {
        ColumnValues {
            order: self.order.iter(),
            cells: self.columns.get(col),
            run: None,
            following: Following::none(),
        }
    }

    /// The cells of `rows` in one column, in row order (see [`Table::column_values`]).
    pub fn column_values_in(&self, col: usize, rows: std::ops::Range<usize>) -> ColumnValues<'_> {
        ColumnValues {
            order: self.order.get(rows).unwrap_or_default().iter(),
            cells: self.columns.get(col),
            run: None,
            following: Following::none(),
        }
    }

    /// Makes room for `rows` rows in all (text columns by their cells' size so far), so
    /// that reading them does not grow and copy the storage as it goes. An estimate can be
    /// far too high (a file whose first rows are much shorter than the rest): room that
    /// cannot be had is not asked for, and room never written is not resident.
    pub fn reserve_rows(&mut self, rows: usize) {
        let more = rows.saturating_sub(self.lines.len());
        let _ = self.lines.try_reserve(more);
        let _ = self.order.try_reserve(more);
        for c in &mut self.columns {
            c.reserve(more);
        }
    }

    /// Physical row of each logical row, for column scans.
    pub fn order(&self) -> &[u32] {
        &self.order
    }

    /// How many fields the row's record has (differs from the width for ragged rows).
    pub fn field_count(&self, row: usize) -> usize {
        let Some(p) = self.phys(row) else { return 0 };
        if let Some(&n) = self.short.get(&p) {
            return n;
        }
        self.width() + self.extra.get(&p).map_or(0, Vec::len)
    }

    /// Whether any row, deleted ones included, has more or fewer fields than the header.
    pub fn has_ragged_rows(&self) -> bool {
        !self.short.is_empty() || !self.extra.is_empty()
    }

    /// How many fields a row read with fewer than the header has, while it is that short.
    pub fn short_fields(&self, row: usize) -> Option<usize> {
        self.short.get(&self.phys(row)?).copied()
    }

    /// Makes a row short again: undoing the change that filled it out.
    pub(crate) fn restore_short(&mut self, row: usize, n: usize) {
        if let Some(p) = self.phys(row)
            && n < self.width()
        {
            self.short.insert(p, n);
        }
    }

    pub fn extra_fields(&self, row: usize) -> &[String] {
        self.phys(row)
            .and_then(|p| self.extra.get(&p))
            .map_or(&[], Vec::as_slice)
    }

    /// The line in the source file the row started on, if it came from the file.
    pub fn source_line(&self, row: usize) -> Option<u32> {
        self.phys(row)
            .and_then(|p| self.lines.get(p as usize).copied())
            .filter(|&l| l > 0)
    }

    /// Appends a record as read from a file; `fields` may be shorter or longer than the width.
    pub fn push_record<'a>(&mut self, fields: impl Iterator<Item = &'a str>, line: u32) {
        let mut n = 0;
        let mut extra = Vec::new();
        for f in fields {
            match self.columns.get_mut(n) {
                Some(c) => c.push(f),
                None => extra.push(f.to_string()),
            }
            n += 1;
        }
        self.end_record(n, extra, line);
    }

    /// Appends a record given as a line of text and its fields' ranges in it, which fall
    /// between characters. An enum code is looked up by its bytes: only text cells are
    /// sliced as text (which checks both ends of every slice).
    // Kept out of the reader's loop: inlined there, its own loop lost registers.
    #[inline(never)]
    pub fn push_line(&mut self, text: &str, mut fields: impl LineFields, line: u32) {
        // An iterator over the columns keeps the next one in a register; indexing
        // reloaded the vector and checked the index on every field.
        let width = self.columns.len();
        let mut columns = self.columns.iter_mut();
        let mut n = width;
        while let Some(c) = columns.next() {
            if let ColumnCells::Dict { ids, index, .. } = c
                && let Some(b) = fields.peek_code()
                && let Some(id) = index.id_of_byte(b)
            {
                ids.push(id);
                fields.skip_code();
            } else if let Some(range) = fields.next_range() {
                c.push_range(text, range);
            } else {
                n = width - columns.len() - 1;
                break;
            }
        }
        let mut extra = Vec::new();
        while let Some(range) = fields.next_range() {
            extra.push(text.get(range).unwrap_or("").to_string());
        }
        self.end_record(n + extra.len(), extra, line);
    }

    /// Finishes a record of `n` fields: missing cells are blank, extra fields kept aside.
    #[inline(always)]
    fn end_record(&mut self, n: usize, extra: Vec<String>, line: u32) {
        let phys = offset(self.lines.len());
        for c in self.columns.iter_mut().skip(n) {
            c.push("");
        }
        if n < self.width() {
            self.short.insert(phys, n);
        }
        if !extra.is_empty() {
            self.extra.insert(phys, extra);
        }
        self.lines.push(line);
        self.order.push(phys);
    }

    /// Adds the rows of another table of the same width after these, as if they had been
    /// read after them; `line_offset` is added to their source lines.
    pub(crate) fn append(&mut self, other: Table, line_offset: u32) {
        let base = offset(self.lines.len());
        let moved = |p: u32| p.saturating_add(base);
        let (lines, order) = (&mut self.lines, &mut self.order);
        let (their_lines, their_order) = (&other.lines, &other.order);
        let rows = move || {
            lines.extend(their_lines.iter().map(|&l| {
                if l == 0 {
                    0
                } else {
                    l.saturating_add(line_offset)
                }
            }));
            order.extend(their_order.iter().map(|&p| moved(p)));
        };
        let cost = 8 * other.lines.len();
        append_columns(&mut self.columns, other.columns, rows, cost);
        self.short
            .extend(other.short.into_iter().map(|(p, n)| (moved(p), n)));
        self.extra
            .extend(other.extra.into_iter().map(|(p, v)| (moved(p), v)));
        self.removed.extend(other.removed.iter().map(|&p| moved(p)));
    }

    /// Sets a cell; returns the old value. Writing into a short row fills it out.
    pub fn set(&mut self, row: usize, col: usize, value: &str) -> Option<String> {
        let p = self.phys(row)?;
        let column = self.columns.get_mut(col)?;
        let old = column.get(p).to_string();
        column.set(p, value);
        if let Some(&n) = self.short.get(&p)
            && col >= n
        {
            self.short.remove(&p);
        }
        Some(old)
    }

    /// Inserts a full-width row at `row` (clamped to the end) with the given cells.
    pub fn insert_row(&mut self, row: usize, cells: &[String]) {
        let at = row.min(self.order.len());
        if let Some(&last) = self.removed.last()
            && self.physical_cells_equal(last, cells)
        {
            self.removed.pop();
            self.order.insert(at, last);
            return;
        }
        let phys = offset(self.lines.len());
        for (i, c) in self.columns.iter_mut().enumerate() {
            c.push(cells.get(i).map_or("", String::as_str));
        }
        self.lines.push(0);
        self.order.insert(at, phys);
    }

    /// Removes the row at `row` from the document; returns its cells.
    pub fn remove_row(&mut self, row: usize) -> Option<Vec<String>> {
        if row >= self.order.len() {
            return None;
        }
        let cells = (0..self.width())
            .map(|c| self.cell(row, c).to_string())
            .collect();
        let phys = self.order.remove(row);
        self.removed.push(phys);
        Some(cells)
    }

    /// Whether a stored physical row holds exactly these cells.
    fn physical_cells_equal(&self, phys: u32, cells: &[String]) -> bool {
        cells.len() == self.width()
            && self
                .columns
                .iter()
                .zip(cells)
                .all(|(c, v)| c.get(phys) == v.as_str())
    }

    /// Adds a column at the right end (used when a schema column is added to a file).
    pub fn push_column(&mut self) {
        let mut c = ColumnCells::default();
        for _ in 0..self.lines.len() {
            c.push("");
        }
        self.columns.push(c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dictionary_with_many_values_finds_them_by_index() {
        let mut t = Table::new(1);
        let values: Vec<String> = (0..40).map(|i| format!("v{i}")).collect();
        for round in 0..3 {
            for v in &values {
                t.push_record(std::iter::once(v.as_str()), round);
            }
        }
        let (ids, distinct) = t.column(0).and_then(ColumnCells::dictionary).unwrap();
        assert_eq!((ids.len(), distinct.len()), (120, 40));
        assert_eq!(t.cell(85, 0), "v5");
        t.set(85, 0, "v39");
        t.set(86, 0, "new");
        assert_eq!(
            (t.cell(85, 0), t.cell(86, 0), t.cell(5, 0)),
            ("v39", "new", "v5")
        );
        let (_, distinct) = t.column(0).and_then(ColumnCells::dictionary).unwrap();
        assert_eq!(distinct.len(), 41);
    }

    #[test]
    fn a_size_hint_too_big_to_have_is_ignored() {
        // Column 0 turns into text (300 distinct values), column 1 stays a dictionary.
        let mut t = Table::new(2);
        for i in 0..300 {
            t.push_record([format!("v{i}").as_str(), "1"].into_iter(), i);
        }
        // Asking for this much room would panic (capacity overflow): it is a hint only.
        t.reserve_rows(usize::MAX / 2);
        t.push_record(["last", "0"].into_iter(), 300);
        assert_eq!((t.cell(0, 0), t.cell(299, 1)), ("v0", "1"));
        assert_eq!((t.cell(300, 0), t.cell(300, 1)), ("last", "0"));
        assert!(t.column(0).and_then(ColumnCells::dictionary).is_none());
    }

    #[test]
    fn column_scans_give_each_rows_cell_in_any_order_and_after_edits() {
        // Two parts joined (two runs of text cells), Japanese text so a wrong offset
        // would cut a character; then rows deleted, moved and inserted, and cells edited.
        let part = |from: u32, n: u32| {
            let mut t = Table::new(2);
            for i in from..from + n {
                let name = format!("山田{i}");
                t.push_record(
                    [name.as_str(), ["a", "b"][i as usize % 2]].into_iter(),
                    i + 2,
                );
            }
            t
        };
        let mut t = part(0, 300);
        t.append(part(300, 300), 300);
        let check = |t: &Table, when: &str| {
            let want: Vec<&str> = (0..t.len()).map(|r| t.cell(r, 0)).collect();
            let got: Vec<&str> = t.column_values(0).collect();
            assert_eq!(got, want, "{when}");
            for (from, to) in [(0, 1), (250, 350), (299, 300), (599.min(t.len()), t.len())] {
                let got: Vec<&str> = t.column_values_in(0, from..to).collect();
                assert_eq!(got, want[from..to], "{when}: rows {from}..{to}");
            }
        };
        check(&t, "as read");
        assert_eq!((t.cell(299, 0), t.cell(300, 0)), ("山田299", "山田300"));
        let moved = t.remove_row(10).unwrap();
        t.remove_row(400);
        t.insert_row(500, &moved);
        t.insert_row(0, &["新".to_string(), "a".to_string()]);
        check(&t, "rows moved");
        t.set(5, 0, "編集");
        t.set(450, 0, "");
        check(&t, "cells edited");
    }

    /// A line of one field, offered as a one-byte code when `code` is set.
    struct OneField {
        len: usize,
        code: Option<u8>,
        taken: bool,
    }

    impl OneField {
        fn new(v: &str, code: Option<u8>) -> Self {
            OneField {
                len: v.len(),
                code,
                taken: false,
            }
        }
    }

    impl LineFields for OneField {
        fn peek_code(&self) -> Option<u8> {
            self.code.filter(|_| !self.taken)
        }

        fn skip_code(&mut self) {
            self.taken = true;
        }

        fn next_range(&mut self) -> Option<std::ops::Range<usize>> {
            (!std::mem::replace(&mut self.taken, true)).then_some(0..self.len)
        }
    }

    #[test]
    fn values_that_differ_only_in_length_order_or_one_byte_stay_apart() {
        // Packed short codes (a NUL byte, a swapped pair, seven bytes), keys of 8 to 16
        // bytes (one byte apart in the middle, a multi-byte character apart), longer
        // values; each is also pushed right after itself.
        let values = [
            "1",
            "1\0",
            "1\0\0",
            "10",
            "01",
            "\0",
            "",
            "1234567",
            "12345678",
            "12345670",
            "123456789",
            "abcdefghXjklmnop",
            "abcdefghYjklmnop",
            "abcdefghXjklmnopq",
            "山田 さくら",
            "山田 さくろ",
            "山本 葵",
        ];
        let n = values.len();
        let rows = || values.iter().chain(values.iter().rev());
        // Every way cells are stored: as text, as ranges of a line, and as ranges with
        // the one byte the reader already has.
        let mut by_text = Table::new(1);
        let mut by_range = Table::new(1);
        let mut by_byte = Table::new(1);
        for (i, v) in rows().enumerate() {
            by_text.push_record(std::iter::once(*v), i as u32);
            by_range.push_line(v, OneField::new(v, None), i as u32);
            let one = (v.len() == 1).then(|| v.as_bytes()[0]);
            by_byte.push_line(v, OneField::new(v, one), i as u32);
        }
        for t in [&mut by_text, &mut by_range, &mut by_byte] {
            for (i, v) in values.iter().enumerate() {
                assert_eq!((t.cell(i, 0), t.cell(2 * n - 1 - i, 0)), (*v, *v));
            }
            let (_, distinct) = t.column(0).and_then(ColumnCells::dictionary).unwrap();
            assert_eq!(distinct.len(), n);
            t.set(0, 0, "01");
            t.set(1, 0, "abcdefghYjklmnop");
            t.set(2, 0, "12345678");
            assert_eq!(
                (t.cell(0, 0), t.cell(1, 0), t.cell(2, 0)),
                ("01", "abcdefghYjklmnop", "12345678")
            );
            let (_, distinct) = t.column(0).and_then(ColumnCells::dictionary).unwrap();
            assert_eq!(distinct.len(), n);
        }
    }

    /// A table of `rows` rows whose column 0 is text (too many values for a dictionary).
    fn text_table(rows: std::ops::Range<usize>) -> Table {
        let mut t = Table::new(2);
        for i in rows {
            let (a, b) = (format!("name{i}"), format!("{}", i % 3));
            t.push_record([a.as_str(), b.as_str()].into_iter(), i as u32 + 2);
        }
        t
    }

    #[test]
    fn a_table_joined_from_parts_reads_and_edits_as_one_read_whole() {
        let mut joined = text_table(0..300);
        joined.append(text_table(300..700), 0);
        let mut whole = text_table(0..700);
        let same = |a: &Table, b: &Table| {
            a.len() == b.len() && (0..a.len()).all(|r| (0..2).all(|c| a.cell(r, c) == b.cell(r, c)))
        };
        assert!(same(&joined, &whole));
        assert_eq!(
            (joined.cell(299, 0), joined.cell(300, 0)),
            ("name299", "name300")
        );
        for t in [&mut joined, &mut whole] {
            t.set(650, 0, "edited");
            t.set(10, 0, "early");
            t.insert_row(5, &["inserted".to_string(), "1".to_string()]);
            t.remove_row(400);
            t.insert_row(usize::MAX, &["last".to_string(), "2".to_string()]);
        }
        assert!(same(&joined, &whole));
        assert_eq!(joined.cell(650, 0), "edited");
        assert_eq!(joined.cell(joined.len() - 1, 0), "last");
        assert_eq!(joined.column(0).map(ColumnCells::len), Some(702));
    }

    #[test]
    fn joined_dictionary_runs_read_and_write_every_row_in_its_run() {
        // Three parts whose dictionaries list the same codes in other orders (and one
        // a code of its own): joined, each row keeps its value, in every way it is read,
        // and an edit lands in its own row's run.
        let part = |codes: &[&str], rows: u32| {
            let mut t = Table::new(2);
            for r in 0..rows {
                let code = codes[r as usize % codes.len()];
                t.push_record([code, format!("t{r}").as_str()].into_iter(), r + 1);
            }
            t
        };
        let parts = [
            (vec!["0", "1"], 5),
            (vec!["1", "0", "2"], 7),
            (vec!["2", "0"], 4),
        ];
        let mut want: Vec<String> = Vec::new();
        let mut joined = Table::new(2);
        for (codes, rows) in &parts {
            want.extend((0..*rows).map(|r| codes[r as usize % codes.len()].to_string()));
            joined.append(part(codes, *rows), 0);
        }
        let check = |t: &Table, want: &[String]| {
            let (ids, values) = t.column(0).and_then(ColumnCells::dictionary).unwrap();
            assert_eq!(ids.len(), want.len());
            for (row, w) in want.iter().enumerate() {
                assert_eq!(t.cell(row, 0), w, "row {row}");
                let id = ids.get(row as u32).unwrap();
                assert_eq!(&*values[usize::from(id)], w, "row {row}");
            }
            let scanned: Vec<&str> = t.column_values(0).collect();
            assert_eq!(scanned, want);
        };
        check(&joined, &want);
        // An edit in each run, and a new value.
        for (row, v) in [(0, "2"), (6, "2"), (13, "1"), (15, "9")] {
            joined.set(row, 0, v);
            want[row] = v.to_string();
        }
        check(&joined, &want);
        // Rows added after the join go to the last run.
        joined.push_record(["1", "x"].into_iter(), 99);
        want.push("1".to_string());
        check(&joined, &want);
    }

    #[test]
    fn dictionary_turns_into_text_past_its_limit() {
        let mut t = Table::new(1);
        for i in 0..300 {
            t.push_record(std::iter::once(format!("x{i}").as_str()), 0);
        }
        assert!(t.column(0).and_then(ColumnCells::dictionary).is_none());
        assert_eq!(t.cell(299, 0), "x299");
        assert_eq!(t.cell(0, 0), "x0");
    }
}
