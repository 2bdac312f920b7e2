//! How much of a workbook Bulksheet reads. A workbook past one of these is refused with
//! the limit and the sheet named: the numbers a file declares (its dimension, counts,
//! repeats) never size an allocation, but the values it really holds still take memory,
//! and its XML still takes time.

/// Cells holding a value in one sheet (~400,000 users of the 24 MiiTel columns).
pub const MAX_VALUES: usize = 10_000_000;

/// Cells of the table shown, empty ones included (its rows × its columns).
pub const MAX_TABLE_CELLS: u64 = 50_000_000;

/// Unpacked bytes of one part of an `.xlsx` or `.ods` (a sheet's XML, the shared strings).
pub const MAX_PART_BYTES: u64 = 1 << 30;

/// Cells an `.ods` sheet may spread to once its repeats are counted, and an `.xls` sheet's
/// span: those readers build a grid of the whole sheet, empty cells included.
pub const MAX_GRID_CELLS: u64 = 8_000_000;

/// Blank rows that may lie between two rows of the table: a value further down is
/// outside it.
pub const ROW_GAP: u32 = 1_000;

/// Columns right of the header's last name that still belong to the table.
pub const COLUMN_SLACK: u32 = 26;

/// Which limit a workbook is past.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WorkbookLimit {
    /// More cells with values than [`MAX_VALUES`].
    Values,
    /// The table spans more than [`MAX_TABLE_CELLS`].
    Table {
        /// Its rows.
        rows: u64,
        /// Its columns.
        columns: u64,
    },
    /// A part unpacks to more than [`MAX_PART_BYTES`].
    Bytes {
        /// The part's name in the zip.
        part: String,
    },
    /// A sheet whose repeated cells or span would make a grid past [`MAX_GRID_CELLS`].
    Grid {
        /// The cells the grid would have.
        cells: u64,
    },
    /// A count the file declares is more than it can hold.
    Declared {
        /// What is counted (`shared strings`, `zip entries`, `FAT sectors`).
        what: &'static str,
        /// The count declared.
        count: u64,
    },
}

impl WorkbookLimit {
    /// The limit in English words.
    pub fn english(&self) -> String {
        match self {
            WorkbookLimit::Values => {
                format!(
                    "it holds more than {} cells with values",
                    group(MAX_VALUES as u64)
                )
            }
            WorkbookLimit::Table { rows, columns } => format!(
                "its table spans {} rows × {} columns, more than the {} cells Bulksheet holds",
                group(*rows),
                group(*columns),
                group(MAX_TABLE_CELLS)
            ),
            WorkbookLimit::Bytes { part } => format!(
                "its part {part} unpacks to more than {} MiB",
                MAX_PART_BYTES >> 20
            ),
            WorkbookLimit::Grid { cells } => format!(
                "its cells spread over {} cells, more than the {} Bulksheet reads from this kind of file",
                group(*cells),
                group(MAX_GRID_CELLS)
            ),
            WorkbookLimit::Declared { what, count } => format!(
                "it declares {} {what}, more than the file can hold",
                group(*count)
            ),
        }
    }

    /// The limit in Japanese words.
    pub fn japanese(&self) -> String {
        match self {
            WorkbookLimit::Values => {
                format!("値のあるセルが{}個を超えています", group(MAX_VALUES as u64))
            }
            WorkbookLimit::Table { rows, columns } => format!(
                "表が{}行×{}列で、Bulksheetが扱える{}セルを超えています",
                group(*rows),
                group(*columns),
                group(MAX_TABLE_CELLS)
            ),
            WorkbookLimit::Bytes { part } => format!(
                "部品{part}を展開すると{} MiBを超えます",
                MAX_PART_BYTES >> 20
            ),
            WorkbookLimit::Grid { cells } => format!(
                "セルが{}個分に広がっており、この形式でBulksheetが読める{}個を超えています",
                group(*cells),
                group(MAX_GRID_CELLS)
            ),
            WorkbookLimit::Declared { what, count } => format!(
                "{what}を{}個と宣言していますが、ファイルにそれだけ入る大きさがありません",
                group(*count)
            ),
        }
    }
}

/// `10,000,000`: digits grouped by three.
fn group(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_grouped() {
        assert_eq!(group(0), "0");
        assert_eq!(group(999), "999");
        assert_eq!(group(1000), "1,000");
        assert_eq!(group(10_000_000), "10,000,000");
    }
}
