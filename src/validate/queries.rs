//! What the window and the CLI ask a check: counts, the findings of a cell or a row,
//! their words, every issue in order, and the next flagged cell (F8).

use super::issue::Code;
use super::message::{self, Numbering};
use super::{Finding, FindingList, Issue, Lang, Severity, Validator};
use crate::document::Document;

impl Validator {
    /// How many errors there are, everywhere.
    pub fn errors(&self) -> usize {
        self.totals[0]
    }

    /// How many warnings there are, everywhere.
    pub fn warnings(&self) -> usize {
        self.totals[1]
    }

    /// [errors, warnings] found in one file column's cells.
    pub fn column_counts(&self, col: usize) -> [usize; 2] {
        self.col_counts.get(col).copied().unwrap_or([0, 0])
    }

    /// A cell's findings.
    pub fn cell_findings(&self, row: usize, col: usize) -> &[Finding] {
        self.cells
            .get(&(row as u32, col as u32))
            .map_or(&[], FindingList::as_slice)
    }

    /// Every cell that has at least one finding, in row then column order.
    pub fn flagged_cells(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.cells.keys().map(|&(r, c)| (r as usize, c as usize))
    }

    /// A row's whole-row findings (blank, wrong number of fields).
    pub fn row_findings(&self, row: usize) -> &[Finding] {
        self.rows
            .get(&(row as u32))
            .map_or(&[], FindingList::as_slice)
    }

    /// The worst severity in a cell, for colouring the grid.
    pub fn cell_severity(&self, row: usize, col: usize) -> Option<Severity> {
        self.cell_findings(row, col)
            .iter()
            .map(|f| f.severity)
            .max()
    }

    /// The worst severity in a row, its cells included, for the row header.
    pub fn row_severity(&self, row: usize) -> Option<Severity> {
        let cells = self
            .cells
            .range((row as u32, 0)..=(row as u32, u32::MAX))
            .flat_map(|(_, f)| f.iter());
        cells
            .chain(self.row_findings(row))
            .map(|f| f.severity)
            .max()
    }

    /// Whether a row was blank when last checked.
    pub fn is_blank_row(&self, row: usize) -> bool {
        self.blank.get(row).copied().unwrap_or(false)
    }

    /// The name a file column is reported under: the schema's name when bound.
    pub fn column_name(&self, doc: &Document, col: usize) -> String {
        let schema_col = self.rules.binding.schema_of.get(col).copied().flatten();
        match schema_col.and_then(|s| self.rules.schema.columns.get(s)) {
            Some(c) => c.name.clone(),
            None => doc.header.get(col).cloned().unwrap_or_default(),
        }
    }

    /// The text of a finding in English; duplicates name the other rows as they are now.
    pub fn message(&self, doc: &Document, row: usize, col: usize, f: &Finding) -> String {
        self.message_in(Lang::En, doc, row, col, f)
    }

    /// The text of a finding in a language, other rows named as data rows.
    pub fn message_in(
        &self,
        lang: Lang,
        doc: &Document,
        row: usize,
        col: usize,
        f: &Finding,
    ) -> String {
        self.message_numbered(lang, Numbering::DataRows, doc, row, col, f)
    }

    /// The text of a finding in a language, other rows named in `numbering`.
    pub fn message_numbered(
        &self,
        lang: Lang,
        numbering: Numbering,
        doc: &Document,
        row: usize,
        col: usize,
        f: &Finding,
    ) -> String {
        if f.code != Code::Duplicate {
            return f.text(lang);
        }
        let others = self.same_value_rows(doc, row, col);
        self.duplicate_message((lang, numbering), doc, col, doc.cell(row, col), &others)
    }

    /// A duplicate's words for `value` in `col`, naming the `others` rows.
    pub(super) fn duplicate_message(
        &self,
        (lang, numbering): (Lang, Numbering),
        doc: &Document,
        col: usize,
        value: &str,
        others: &[usize],
    ) -> String {
        let numbers: Vec<u64> = others.iter().map(|&r| number(doc, r, numbering)).collect();
        let name = self.column_name(doc, col);
        message::duplicate(lang, &name, value, &numbers, numbering)
    }

    /// The other rows whose cell in a unique column holds the same value as this one, in
    /// row order; empty for a column that need not be unique.
    pub fn same_value_rows(&self, doc: &Document, row: usize, col: usize) -> Vec<usize> {
        self.rows_holding(doc, row, col, doc.cell(row, col))
    }

    /// The rows other than `row` whose cell in unique column `col` holds `value` as the
    /// column compares values (an address in any case): where putting `value` in `row`
    /// would make a duplicate. Empty for a column that need not be unique.
    pub fn rows_holding(&self, doc: &Document, row: usize, col: usize, value: &str) -> Vec<usize> {
        match self.unique.get(col).and_then(Option::as_ref) {
            Some(ix) => ix
                .others(row as u32, value, |r| doc.cell(r as usize, col))
                .into_iter()
                .map(|r| r as usize)
                .collect(),
            None => Vec::new(),
        }
    }

    /// Every finding with its place, messages in English.
    pub fn issues(&self, doc: &Document) -> Vec<Issue> {
        self.issues_in(Lang::En, doc)
    }

    /// Whether two checks of the same document found the same: the same findings on the
    /// same cells, rows and file, in the same order, under the same column binding, with
    /// the same counts. Equal findings put into words give equal issues, so the edit
    /// fuzzer compares the live check with a fresh full one this way after every step, and
    /// the issues themselves once a run.
    pub fn same_findings(&self, other: &Validator) -> bool {
        self.cells == other.cells
            && self.rows == other.rows
            && self.file == other.file
            && self.rules.binding == other.rules.binding
            && self.col_counts == other.col_counts
            && self.totals == other.totals
            && self.kept_width == other.kept_width
    }

    /// Every finding with its place: header and file first, then by row and column.
    /// Messages name other rows as data rows, like `Issue.row`.
    pub fn issues_in(&self, lang: Lang, doc: &Document) -> Vec<Issue> {
        self.issues_numbered(lang, Numbering::DataRows, doc)
    }

    /// The issue list with messages naming other rows in `numbering`; `Issue.row` and
    /// `Issue.line` are the same either way.
    pub fn issues_numbered(&self, lang: Lang, numbering: Numbering, doc: &Document) -> Vec<Issue> {
        // One order for every list: the places' (`issue_places`).
        self.issue_places()
            .iter()
            .filter_map(|p| self.issue_numbered(lang, numbering, doc, p))
            .collect()
    }

    /// Where every issue is, in the order of [`Validator::issues_in`], without putting
    /// any into words: a view of a million issues keeps these and asks
    /// [`Validator::issue_at`] for the few it shows (the words of a million took 1.25 s).
    pub fn issue_places(&self) -> Vec<IssuePlace> {
        let mut out = Vec::new();
        self.issue_places_into(&mut out);
        out
    }

    /// [`Validator::issue_places`] into a list kept from the last time: its memory is
    /// used again (a fresh list of a million places cost its page faults each time).
    pub fn issue_places_into(&self, out: &mut Vec<IssuePlace>) {
        out.clear();
        let mut from = PlacesFrom::START;
        while let Some(next) = self.issue_places_part(from, out, usize::MAX) {
            from = next;
        }
    }

    /// Adds to `out` the places of about `at_most` more issues, going on `from` where the
    /// last part stopped ([`PlacesFrom::START`] for the first, into an empty list), in the
    /// order of [`Validator::issue_places`]; a row's or a cell's findings go in together.
    /// Returns where to go on, or `None` when every place is in. A window builds a list of
    /// a million places in parts over several frames (the whole took ~130 ms); parts
    /// joined are the whole only while the check does not change between them.
    pub fn issue_places_part(
        &self,
        from: PlacesFrom,
        out: &mut Vec<IssuePlace>,
        at_most: usize,
    ) -> Option<PlacesFrom> {
        if from.file {
            // Room for every finding at once.
            out.reserve(self.totals.iter().sum());
            out.extend(self.file.iter().enumerate().map(|(i, f)| IssuePlace {
                row: 0,
                col: f.col,
                severity: f.finding.severity,
                code: f.finding.code,
                nth: i as u32,
            }));
        }
        // The row and cell findings merged as they come (both maps are in row order; a
        // row's own findings come before its cells'): no sort and no second list.
        let mut rows = from
            .row
            .map(|r| self.rows.range(r..))
            .into_iter()
            .flatten()
            .peekable();
        let mut cells = from
            .cell
            .map(|c| self.cells.range(c..))
            .into_iter()
            .flatten()
            .peekable();
        let stop = out.len().saturating_add(at_most);
        loop {
            let row_first = match (rows.peek(), cells.peek()) {
                (Some((r, _)), Some(((cr, _), _))) => **r <= *cr,
                (Some(_), None) => true,
                (None, Some(_)) => false,
                (None, None) => return None,
            };
            if out.len() >= stop {
                return Some(PlacesFrom {
                    file: false,
                    row: rows.peek().map(|(r, _)| **r),
                    cell: cells.peek().map(|(c, _)| **c),
                });
            }
            if row_first {
                if let Some((&row, fs)) = rows.next() {
                    out.extend(
                        fs.iter()
                            .enumerate()
                            .map(|(k, f)| IssuePlace::of(row, None, f, k as u32)),
                    );
                }
            } else if let Some((&(row, col), fs)) = cells.next() {
                out.extend(
                    fs.iter()
                        .enumerate()
                        .map(|(k, f)| IssuePlace::of(row, Some(col), f, k as u32)),
                );
            }
        }
    }

    /// The issue at a place from [`Validator::issue_places`], as [`Validator::issues_in`]
    /// words it; None when the check changed since and holds no finding there.
    pub fn issue_at(&self, lang: Lang, doc: &Document, place: &IssuePlace) -> Option<Issue> {
        self.issue_numbered(lang, Numbering::DataRows, doc, place)
    }

    fn issue_numbered(
        &self,
        lang: Lang,
        numbering: Numbering,
        doc: &Document,
        place: &IssuePlace,
    ) -> Option<Issue> {
        match place.at() {
            At::File(i) => self.file.get(i as usize).map(|f| file_issue(lang, f)),
            At::Row(row, k) => {
                let f = self.rows.get(&row)?.get(k as usize)?;
                Some(self.issue(lang, numbering, doc, row as usize, None, f))
            }
            At::Cell(row, col, k) => {
                let f = self.cells.get(&(row, col))?.get(k as usize)?;
                let col = Some(col as usize);
                Some(self.issue(lang, numbering, doc, row as usize, col, f))
            }
        }
    }

    fn issue(
        &self,
        lang: Lang,
        numbering: Numbering,
        doc: &Document,
        row: usize,
        col: Option<usize>,
        f: &Finding,
    ) -> Issue {
        Issue {
            row: row + 1,
            column: col.map(|c| self.column_name(doc, c)),
            severity: f.severity,
            code: f.code,
            message: match col {
                Some(c) => self.message_numbered(lang, numbering, doc, row, c, f),
                None => f.text(lang),
            },
            col,
            line: doc.table.source_line(row).map(u64::from),
        }
    }

    /// The next cell with a finding of at least `min` severity after (or before) `from`,
    /// wrapping around: F8 and Shift+F8.
    pub fn next_cell(
        &self,
        from: (usize, usize),
        forward: bool,
        min: Severity,
    ) -> Option<(usize, usize)> {
        let key = (from.0 as u32, from.1 as u32);
        let hit = |(k, fs): (&(u32, u32), &FindingList)| {
            fs.iter()
                .any(|f| f.severity >= min)
                .then_some((k.0 as usize, k.1 as usize))
        };
        if forward {
            let after = self
                .cells
                .range((std::ops::Bound::Excluded(key), std::ops::Bound::Unbounded));
            after
                .filter_map(hit)
                .next()
                .or_else(|| self.cells.iter().filter_map(hit).next())
        } else {
            let before = self.cells.range(..key).rev();
            before
                .filter_map(hit)
                .next()
                .or_else(|| self.cells.iter().rev().filter_map(hit).next())
        }
    }
}

/// An issue of the header or the file.
fn file_issue(lang: Lang, f: &super::FileFinding) -> Issue {
    Issue {
        row: 0,
        column: f.column.clone(),
        severity: f.finding.severity,
        code: f.finding.code,
        message: f.finding.text(lang),
        col: f.col,
        line: Some(1),
    }
}

/// Where an issue is (see [`Validator::issue_places`]): what a list needs to group,
/// count and jump to it, without its words. 32 bytes: a whole-sheet clear lists a
/// million.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IssuePlace {
    /// As [`Issue::row`]: 0 for the header and the file, else the data row from 1.
    pub row: usize,
    /// As [`Issue::col`].
    pub col: Option<usize>,
    /// As [`Issue::severity`].
    pub severity: Severity,
    /// As [`Issue::code`].
    pub code: Code,
    /// Which of its place's findings: the file's n-th (row 0), or the row's (no column)
    /// or the cell's k-th.
    nth: u32,
}

impl IssuePlace {
    fn of(row: u32, col: Option<u32>, f: &Finding, nth: u32) -> Self {
        IssuePlace {
            row: row as usize + 1,
            col: col.map(|c| c as usize),
            severity: f.severity,
            code: f.code,
            nth,
        }
    }

    /// Where its finding is kept.
    fn at(&self) -> At {
        let row = u32::try_from(self.row.wrapping_sub(1)).unwrap_or(u32::MAX);
        match (self.row, self.col) {
            (0, _) => At::File(self.nth),
            (_, None) => At::Row(row, self.nth),
            (_, Some(c)) => At::Cell(row, u32::try_from(c).unwrap_or(u32::MAX), self.nth),
        }
    }
}

/// Where a list of issue places built in parts goes on (see
/// [`Validator::issue_places_part`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlacesFrom {
    /// The file's findings are still to come.
    file: bool,
    /// The first row, and the first cell, whose findings are still to come; `None` when
    /// no more are.
    row: Option<u32>,
    cell: Option<(u32, u32)>,
}

impl PlacesFrom {
    /// The start of a list.
    pub const START: PlacesFrom = PlacesFrom {
        file: true,
        row: Some(0),
        cell: Some((0, 0)),
    };
}

/// Which finding: the file's n-th, or a row's or a cell's k-th (told from a place).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum At {
    File(u32),
    Row(u32, u32),
    Cell(u32, u32, u32),
}

/// A row (from 0) as a message names it: its data row, or the line it starts on in the
/// file. A row that did not come from the file (added since) gets the line it would have
/// with no cell over several lines, as the text report places it.
fn number(doc: &Document, row: usize, numbering: Numbering) -> u64 {
    match numbering {
        Numbering::DataRows => row as u64 + 1,
        Numbering::FileLines => doc.table.source_line(row).map_or(row as u64 + 2, u64::from),
    }
}
