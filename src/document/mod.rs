//! A CSV file in memory: its header, its cells and how it was written (encoding, BOM,
//! line ending, quoting), so an untouched file is written back byte-identical.

mod block;
mod edit;
mod kept;
mod table;

pub(crate) use block::Planned;
pub use block::{Block, ColumnBlock, PhysRuns, Rows, Values};
pub use edit::{CellChange, Edit, RowShape, inverse_order, is_permutation, reorder};
pub use kept::KeptBytes;
pub(crate) use table::LineFields;
pub use table::{CellRun, ColumnValues, DictIds, Table};

use crate::encoding::TextEncoding;
use crate::io::Separator;
use rustc_hash::FxHashMap;

/// The line break a file uses, written back as found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LineEnding {
    /// `\r\n`, what Excel writes on Windows; the default for a new file.
    #[default]
    Crlf,
    /// `\n`.
    Lf,
    /// `\r` alone (old Mac files).
    Cr,
}

impl LineEnding {
    /// Its name as the status bar shows it.
    pub fn as_str(self) -> &'static str {
        match self {
            LineEnding::Crlf => "CRLF",
            LineEnding::Lf => "LF",
            LineEnding::Cr => "CR",
        }
    }

    /// The bytes written at the end of each record.
    pub fn bytes(self) -> &'static [u8] {
        match self {
            LineEnding::Crlf => b"\r\n",
            LineEnding::Lf => b"\n",
            LineEnding::Cr => b"\r",
        }
    }
}

/// How the file was laid out on disk, kept so that writing reproduces it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileMeta {
    /// The encoding the file was read in, and is written in.
    pub encoding: TextEncoding,
    /// What separates its fields, told from the header line.
    pub separator: Separator,
    /// The line break after the header, used for every record written.
    pub line_ending: LineEnding,
    /// Every field was quoted (some exporters do this); otherwise quoting is minimal.
    pub quote_all: bool,
    /// The last record ended with a line ending.
    pub final_newline: bool,
}

impl Default for FileMeta {
    fn default() -> Self {
        FileMeta {
            encoding: TextEncoding::Utf8,
            separator: Separator::Comma,
            line_ending: LineEnding::Crlf,
            quote_all: false,
            final_newline: true,
        }
    }
}

/// A problem found while reading one cell's bytes; it lasts until the cell is edited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadProblem {
    /// Bytes that are not valid in the file's encoding (replaced by U+FFFD).
    Undecodable,
    /// A `"` inside an unquoted field, or text after a closing quote.
    StrayQuote,
    /// A quoted field that never closes: it swallowed the rest of the file.
    UnclosedQuote,
    /// A workbook formula saved without its computed value (as scripts write them): the
    /// cell reads as empty, and this is its formula.
    FormulaWithoutValue(String),
}

/// A workbook value far outside the table (see `io::workbook`), left out of the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutsideValue {
    /// Its sheet row, from 0.
    pub row: u32,
    /// Its sheet column, from 0.
    pub col: u32,
    /// What it shows.
    pub value: String,
}

/// The values of a workbook's sheet outside its table: the first ones, and how many.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outside {
    /// The first ones, by row and column.
    pub values: Vec<OutsideValue>,
    /// How many there are in all.
    pub count: usize,
}

/// A CSV file in memory: its header names, its cells and how it was written.
#[derive(Debug, Clone, Default)]
pub struct Document {
    /// The header line's names, as read (a BOM or spaces inside them kept).
    pub header: Vec<String>,
    /// The cells below the header.
    pub table: Table,
    /// How the file was laid out on disk.
    pub meta: FileMeta,
    /// Keyed by (physical row, column); see [`ReadProblem`]. Header cells use row u32::MAX.
    read_problems: FxHashMap<(u32, usize), ReadProblem>,
    /// The file had no header line at all (zero bytes, or only a BOM, or an empty sheet).
    pub empty_file: bool,
    /// Lines kept as read, for writing unchanged rows back byte for byte; shared by
    /// copies of the document (it never changes after reading).
    pub(crate) kept: std::sync::Arc<KeptBytes>,
    /// The workbook and sheet the document was read from; None for a text file.
    pub workbook: Option<crate::io::WorkbookSource>,
    /// A workbook's values far outside the table, which no save writes.
    pub outside: std::sync::Arc<Outside>,
}

/// Row key used for read problems found in the header.
pub const HEADER_ROW: u32 = u32::MAX;

impl Document {
    /// A document with this header and no rows.
    pub fn new(header: Vec<String>, meta: FileMeta) -> Self {
        let table = Table::new(header.len());
        Document {
            header,
            table,
            meta,
            read_problems: FxHashMap::default(),
            empty_file: false,
            kept: Default::default(),
            workbook: None,
            outside: Default::default(),
        }
    }

    /// How many rows are below the header.
    pub fn rows(&self) -> usize {
        self.table.len()
    }

    /// How many columns the header names.
    pub fn width(&self) -> usize {
        self.header.len()
    }

    /// A cell's text (`""` outside the table).
    pub fn cell(&self, row: usize, col: usize) -> &str {
        self.table.cell(row, col)
    }

    /// A row's cells as text, one per header column.
    pub fn row_values(&self, row: usize) -> Vec<String> {
        (0..self.width())
            .map(|c| self.cell(row, c).to_string())
            .collect()
    }

    /// Sets a cell and returns the old value; clears any read problem of that cell.
    pub fn set(&mut self, row: usize, col: usize, value: &str) -> Option<String> {
        if !self.read_problems.is_empty()
            && let Some(&p) = self.table.order().get(row)
        {
            self.read_problems.remove(&(p, col));
        }
        self.table.set(row, col, value)
    }

    /// Forgets the read problems of cells about to be written whole (see [`Document::set`]).
    pub(crate) fn forget_read_problems(&mut self, col: usize, rows: &Rows) {
        if self.read_problems.is_empty() {
            return;
        }
        let order = self.table.order();
        for row in rows.iter() {
            if let Some(&p) = order.get(row) {
                self.read_problems.remove(&(p, col));
            }
        }
    }

    /// The problem found reading a cell's bytes, until the cell is edited.
    pub fn read_problem(&self, row: usize, col: usize) -> Option<&ReadProblem> {
        if self.read_problems.is_empty() {
            return None;
        }
        let p = *self.table.order().get(row)?;
        self.read_problems.get(&(p, col))
    }

    /// The problem found reading a header name's bytes.
    pub fn header_read_problem(&self, col: usize) -> Option<&ReadProblem> {
        self.read_problems.get(&(HEADER_ROW, col))
    }

    /// Whether any cell or header name had a problem when read.
    pub fn has_read_problems(&self) -> bool {
        !self.read_problems.is_empty()
    }

    /// Records a problem for the physical row most recently pushed (or the header).
    pub(crate) fn note_read_problem(&mut self, phys: u32, col: usize, p: ReadProblem) {
        self.read_problems.entry((phys, col)).or_insert(p);
    }

    /// Adds the rows of a document read from the rest of the same file (its header is not
    /// used); `line_offset` is the number of lines before its first one.
    pub(crate) fn append_rows(&mut self, other: Document, line_offset: u32) {
        let base = u32::try_from(self.table.physical_len()).unwrap_or(u32::MAX);
        self.read_problems.extend(
            other
                .read_problems
                .into_iter()
                .filter(|((p, _), _)| *p != HEADER_ROW)
                .map(|((p, c), problem)| ((p.saturating_add(base), c), problem)),
        );
        let kept = std::sync::Arc::unwrap_or_clone(other.kept);
        std::sync::Arc::make_mut(&mut self.kept).append(kept, base);
        self.table.append(other.table, line_offset);
    }

    /// The bytes kept from the file read (see [`KeptBytes`]).
    pub fn kept(&self) -> &KeptBytes {
        &self.kept
    }

    /// Everything a reader of the document can observe (header, layout, cells, field
    /// counts, extra fields, source lines, read problems) as one text, so two reads of the
    /// same bytes can be compared: reading in parts must equal reading in one pass.
    #[doc(hidden)]
    pub fn describe(&self) -> String {
        let mut out = format!(
            "header {:?} empty {} meta {:?} rows {}\n",
            self.header,
            self.empty_file,
            self.meta,
            self.rows()
        );
        let kept = &self.kept;
        out.push_str(&format!(
            "kept in {:?}: header {:?} tail {:?}\n",
            kept.encoding,
            kept.header
                .as_ref()
                .map(|(n, b)| (n, b.escape_ascii().to_string())),
            kept.tail.escape_ascii().to_string()
        ));
        for col in 0..self.width() {
            let p = self.header_read_problem(col);
            out.push_str(&format!("header problem {col}: {p:?}\n"));
        }
        for row in 0..self.rows() {
            let cells: Vec<&str> = (0..self.width()).map(|c| self.cell(row, c)).collect();
            let problems: Vec<_> = (0..self.width())
                .map(|c| self.read_problem(row, c))
                .collect();
            out.push_str(&format!(
                "{row}: {cells:?} fields {} extra {:?} line {:?} problems {problems:?}\n",
                self.table.field_count(row),
                self.table.extra_fields(row),
                self.table.source_line(row),
            ));
            if let Some(b) = self.table.order().get(row).and_then(|&p| kept.row(p)) {
                out.push_str(&format!("{row} kept {:?}\n", b.escape_ascii().to_string()));
            }
        }
        out
    }

    /// Puts the columns in a new order, header, cells and read problems together: new
    /// column `i` is the old column `order[i]`. Refused (false) unless `order` names every
    /// column once.
    pub fn reorder_columns(&mut self, order: &[usize]) -> bool {
        if !is_permutation(order, self.width()) {
            return false;
        }
        self.header = reorder(&self.header, order);
        self.table.reorder_columns(order);
        let back = inverse_order(order);
        self.read_problems = std::mem::take(&mut self.read_problems)
            .into_iter()
            .map(|((p, c), problem)| ((p, back.get(c).copied().unwrap_or(c)), problem))
            .collect();
        true
    }

    /// Whether every cell of the row is blank (Excel leaves such rows at the end).
    pub fn is_blank_row(&self, row: usize) -> bool {
        (0..self.width()).all(|c| crate::text::is_blank(self.cell(row, c)))
            && self
                .table
                .extra_fields(row)
                .iter()
                .all(|f| crate::text::is_blank(f))
    }
}
