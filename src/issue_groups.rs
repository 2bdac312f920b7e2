//! The issue list as the window lists it: every issue's place, grouped by row or by
//! column, with a heading line before each group. It is built in parts, a few per frame
//! within a time budget, so that a list of a million issues never holds up a frame (built
//! whole it took ~130 ms on one frame); until the new list is whole, the last whole one is
//! shown. Nothing here is put into words: the window words only the lines on screen.

use crate::sheet::Sheet;
use crate::validate::{IssuePlace, PlacesFrom};
use std::time::{Duration, Instant};

/// How the issue list is grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Grouping {
    /// One group per row (header and file issues first).
    #[default]
    Row,
    /// One group per column (whole-row and file issues last).
    Column,
}

/// One line of the list. Rows, columns and indexes are `u32`: a line is 12 bytes, not
/// 24 (a whole-sheet clear lists two million lines).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    /// A group's heading.
    Group(GroupTitle),
    /// An issue: its index in [`GroupedIssues::places`].
    Issue(u32),
}

/// What a group's heading names (the window puts it into words when it draws it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupTitle {
    /// The header's and the file's issues.
    HeaderAndFile,
    /// A data row, from 1.
    Row(u32),
    /// A file column.
    Column(u32),
    /// Whole-row and file issues, when grouped by column.
    WholeRows,
}

impl GroupTitle {
    /// The group an issue at `place` goes in.
    pub fn of(place: &IssuePlace, grouping: Grouping) -> GroupTitle {
        match grouping {
            Grouping::Row if place.row == 0 => GroupTitle::HeaderAndFile,
            Grouping::Row => GroupTitle::Row(index(place.row)),
            Grouping::Column => match place.col {
                Some(c) => GroupTitle::Column(index(c)),
                None => GroupTitle::WholeRows,
            },
        }
    }
}

/// A row, column or index as the list keeps it (a sheet's rows and columns fit in `u32`:
/// the table addresses them so).
fn index(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// Places taken per part: a few milliseconds' work at most, so a frame stops close to its
/// budget.
pub const PART: usize = 32_768;

/// About what a frame spends on building the list (the part under way is finished).
pub const FRAME_BUDGET: Duration = Duration::from_millis(12);

/// The list shown, and the next one while it is being built.
#[derive(Debug, Default)]
pub struct GroupedIssues {
    /// The sheet revision and grouping the shown list is for.
    shown_for: Option<(u64, Grouping)>,
    places: Vec<IssuePlace>,
    entries: Vec<Entry>,
    next: Build,
}

/// A list being built; its memory is that of the list shown before the last one.
#[derive(Debug, Default)]
struct Build {
    key: Option<(u64, Grouping)>,
    /// Where the next part starts; `None` when every place is in.
    from: Option<PlacesFrom>,
    places: Vec<IssuePlace>,
    entries: Vec<Entry>,
    /// Grouping by column: each column's issues so far, by file column; the whole-row and
    /// file ones apart. (Grouping by row adds entries as the places come, in row order.)
    by_column: Vec<Vec<u32>>,
    whole_rows: Vec<u32>,
}

impl GroupedIssues {
    /// Every issue's place in the list shown.
    pub fn places(&self) -> &[IssuePlace] {
        &self.places
    }

    /// The lines of the list shown: headings and issues.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// How the list shown is grouped (while another grouping is being built, the old).
    pub fn grouping(&self) -> Option<Grouping> {
        self.shown_for.map(|(_, g)| g)
    }

    /// Whether the list shown is that of the sheet as it is, grouped so.
    pub fn is_current(&self, sheet: &Sheet, grouping: Grouping) -> bool {
        self.shown_for == Some((sheet.revision(), grouping))
    }

    /// While a newer list is being built: how many places it has so far.
    pub fn building(&self) -> Option<usize> {
        self.next.key.map(|_| self.next.places.len())
    }

    /// Builds the list of the sheet as it is, grouped so: parts of `part` places until
    /// `budget` has passed (at least one part); the list shown changes when the new one is
    /// whole. Returns whether the list shown is current. A sheet that changes between
    /// calls starts the build again.
    pub fn refresh(
        &mut self,
        sheet: &Sheet,
        grouping: Grouping,
        part: usize,
        budget: Duration,
    ) -> bool {
        let want = (sheet.revision(), grouping);
        if self.shown_for == Some(want) {
            return true;
        }
        let started = Instant::now();
        if self.next.key != Some(want) {
            self.next.start(want);
        }
        loop {
            let Some(from) = self.next.from else {
                self.show_next();
                return true;
            };
            let before = self.next.places.len();
            self.next.from = sheet.issue_places_part(from, &mut self.next.places, part);
            self.next.group(before, grouping);
            if self.next.from.is_some() && started.elapsed() >= budget {
                return false;
            }
        }
    }

    /// Builds the whole list now, whatever it takes.
    pub fn refresh_whole(&mut self, sheet: &Sheet, grouping: Grouping) {
        self.refresh(sheet, grouping, usize::MAX, Duration::MAX);
    }

    /// The list built becomes the one shown; the one shown lends its memory to the next.
    fn show_next(&mut self) {
        if matches!(self.next.key, Some((_, Grouping::Column))) {
            self.next.finish_columns();
        }
        std::mem::swap(&mut self.places, &mut self.next.places);
        std::mem::swap(&mut self.entries, &mut self.next.entries);
        self.shown_for = self.next.key.take();
    }
}

impl Build {
    fn start(&mut self, key: (u64, Grouping)) {
        self.key = Some(key);
        self.from = Some(PlacesFrom::START);
        self.places.clear();
        self.entries.clear();
        self.by_column.iter_mut().for_each(Vec::clear);
        self.whole_rows.clear();
    }

    /// Puts the places from `from` on into their groups.
    fn group(&mut self, from: usize, grouping: Grouping) {
        let added = self.places.get(from..).unwrap_or_default();
        match grouping {
            Grouping::Row => {
                // Places come in row order: a heading wherever the group changes.
                let mut current = from
                    .checked_sub(1)
                    .and_then(|last| self.places.get(last))
                    .map(|p| GroupTitle::of(p, grouping));
                for (i, place) in added.iter().enumerate() {
                    let title = GroupTitle::of(place, grouping);
                    if current != Some(title) {
                        self.entries.push(Entry::Group(title));
                        current = Some(title);
                    }
                    self.entries.push(Entry::Issue(index(from + i)));
                }
            }
            Grouping::Column => {
                for (i, place) in added.iter().enumerate() {
                    let bucket = match place.col {
                        Some(c) => {
                            if self.by_column.len() <= c {
                                self.by_column.resize_with(c + 1, Vec::new);
                            }
                            self.by_column.get_mut(c)
                        }
                        None => Some(&mut self.whole_rows),
                    };
                    if let Some(bucket) = bucket {
                        bucket.push(index(from + i));
                    }
                }
            }
        }
    }

    /// Grouping by column: the columns in file order, then whole rows and the file; in
    /// each, the issues in row order (as they came).
    fn finish_columns(&mut self) {
        let groups = self
            .by_column
            .iter()
            .enumerate()
            .map(|(c, issues)| (GroupTitle::Column(index(c)), issues))
            .chain([(GroupTitle::WholeRows, &self.whole_rows)]);
        for (title, issues) in groups.filter(|(_, issues)| !issues.is_empty()) {
            self.entries.push(Entry::Group(title));
            self.entries.extend(issues.iter().map(|&i| Entry::Issue(i)));
        }
    }
}
