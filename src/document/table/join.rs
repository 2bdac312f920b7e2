//! Joining the tables of a file read in parts, in order, as if read in one pass. Each
//! part's runs of cells are moved, not copied: only the rows they start at change.

use super::column::ColumnCells;
use super::runs::TextSeg;
use super::{Table, offset};

/// Below this many rows a table's columns are joined on one thread.
const APPEND_PARALLEL_FROM: usize = 20_000;

impl Table {
    /// Adds the rows of another table of the same width after these, as if they had been
    /// read after them; `line_offset` is added to their source lines.
    pub(crate) fn append(&mut self, mut other: Table, line_offset: u32) {
        self.unshare_all();
        other.unshare_all();
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
}

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

impl ColumnCells {
    /// About what appending this column after another costs: a dictionary column's ids
    /// are renumbered in place when the two dictionaries differ; a text column's runs are
    /// moved, not copied, so only its edited cells.
    fn append_cost(&self) -> usize {
        match self {
            ColumnCells::Dict { .. } => self.len(),
            ColumnCells::Text { edited, .. } => edited.len(),
        }
    }

    /// Adds another column's cells after these: as ids when both are dictionaries whose
    /// values fit in one, else as text.
    fn append(&mut self, other: ColumnCells) {
        let Some(other) = self.append_dictionary(other) else {
            return;
        };
        self.convert_to_text();
        let mut other = other;
        other.convert_to_text();
        self.append_text(other);
    }

    /// Appends a dictionary column to this dictionary column: their values are added to
    /// ours, their runs of ids kept and renumbered in place where the dictionaries differ
    /// (copying them after ours wrote ~10 MB of fresh pages at a million rows). Gives the
    /// column back (`Some`) when either is text or the two together hold too many values.
    fn append_dictionary(&mut self, other: ColumnCells) -> Option<ColumnCells> {
        let phys_base = offset(self.len());
        let ColumnCells::Dict {
            ids,
            first,
            earlier,
            dict,
        } = self
        else {
            return Some(other);
        };
        let (mut their_ids, their_first, their_earlier, their_dict) = match other {
            ColumnCells::Dict {
                ids,
                first,
                earlier,
                dict,
            } => (ids, first, earlier, dict),
            text => return Some(text),
        };
        // Their ids in this dictionary.
        let theirs = their_dict.values();
        let map: Vec<u8> = theirs.iter().map_while(|v| dict.find_or_add(v)).collect();
        if map.len() != theirs.len() {
            return Some(ColumnCells::Dict {
                ids: their_ids,
                first: their_first,
                earlier: their_earlier,
                dict: their_dict,
            });
        }
        let renumber = renumbering(&map);
        let ours = super::runs::IdRun {
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
        None
    }

    /// Appends a text column to this text column: their runs are moved after ours.
    fn append_text(&mut self, other: ColumnCells) {
        let phys_base = offset(self.len());
        let (
            ColumnCells::Text { segs, edited },
            ColumnCells::Text {
                segs: their_segs,
                edited: their_edited,
            },
        ) = (self, other)
        else {
            return;
        };
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

/// What turns ids of one dictionary into another's (`map[old] = new`): nothing when they
/// agree, else one lookup per id in a full table, without a bounds check.
fn renumbering(map: &[u8]) -> impl Fn(&mut [u8]) + '_ {
    let same = map.iter().enumerate().all(|(i, &id)| usize::from(id) == i);
    let mut table = [0u8; 256];
    for (slot, &id) in table.iter_mut().zip(map) {
        *slot = id;
    }
    move |ids: &mut [u8]| {
        if !same {
            #[allow(
                clippy::indexing_slicing,
                reason = "a byte always indexes a table of 256"
            )]
            ids.iter_mut().for_each(|id| *id = table[usize::from(*id)]);
        }
    }
}
