//! The cells of an `.xls` workbook stream (BIFF records) as calamine will lay them out:
//! calamine builds each sheet as a dense grid from its extreme cells, and reserves the
//! cells its DIMENSIONS record declares, before Bulksheet sees a value. One value at row
//! 65,536 and column 65,536 asks for billions of cells (an allocation failure aborts; found
//! by the workbook fuzz target). Scanning the records here, the same way, tells such a
//! sheet first.

/// The widest grid one sheet of the stream would make: its name's position in the stream
/// and the cells (rows × columns) of the larger of its declared dimensions, its values'
/// span and its formulas' span.
pub(super) fn largest_grid(stream: &[u8]) -> u64 {
    sheet_starts(stream)
        .into_iter()
        .map(|at| sheet_grid(stream.get(at..).unwrap_or_default()))
        .max()
        .unwrap_or(0)
}

/// One record: its type and data.
struct Record<'a> {
    typ: u16,
    data: &'a [u8],
}

/// The records from the start of `bytes` on, as calamine reads them (a record cut short
/// ends the list).
fn records(bytes: &[u8]) -> impl Iterator<Item = Record<'_>> {
    let mut at = 0usize;
    std::iter::from_fn(move || {
        let typ = u16_at(bytes, at)?;
        let len = usize::from(u16_at(bytes, at + 2)?);
        let data = bytes.get(at + 4..at + 4 + len)?;
        at += 4 + len;
        Some(Record { typ, data })
    })
}

fn u16_at(bytes: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(bytes.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
}

/// Where each sheet's records start: the BOUNDSHEET records (0x0085) of the globals.
fn sheet_starts(stream: &[u8]) -> Vec<usize> {
    records(stream)
        .take_while(|r| r.typ != 0x000A)
        .filter(|r| r.typ == 0x0085)
        .filter_map(|r| u32_at(r.data, 0).map(|p| p as usize))
        .collect()
}

/// The span of cells seen: rows and columns from the least to the most.
#[derive(Default)]
struct Span {
    rows: Option<(u32, u32)>,
    columns: Option<(u32, u32)>,
}

impl Span {
    fn add(&mut self, row: u32, column: u32) {
        let widen = |s: Option<(u32, u32)>, v: u32| {
            Some(s.map_or((v, v), |(lo, hi)| (lo.min(v), hi.max(v))))
        };
        self.rows = widen(self.rows, row);
        self.columns = widen(self.columns, column);
    }

    fn cells(&self) -> u64 {
        let count = |s: Option<(u32, u32)>| s.map_or(0, |(lo, hi)| u64::from(hi - lo) + 1);
        count(self.rows) * count(self.columns)
    }
}

/// The widest grid of one sheet whose records start at the start of `sheet`.
fn sheet_grid(sheet: &[u8]) -> u64 {
    let (mut values, mut formulas) = (Span::default(), Span::default());
    let mut declared = 0u64;
    for r in records(sheet) {
        let row = u32::from(u16_at(r.data, 0).unwrap_or(0));
        let column = u32::from(u16_at(r.data, 2).unwrap_or(0));
        match r.typ {
            0x000A => break,
            0x0200 => declared = declared.max(dimensions(r.data)),
            // Number, Label, RString, BoolErr, Rk, LabelSst: one value.
            0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E | 0x00FD => values.add(row, column),
            // MulRk: values from its first column to the one in its last two bytes.
            0x00BD => {
                let last = r
                    .data
                    .len()
                    .checked_sub(2)
                    .and_then(|at| u16_at(r.data, at));
                values.add(row, column);
                if let Some(last) = last {
                    values.add(row, u32::from(last));
                }
            }
            // Formula: its value and its text.
            0x0006 => {
                values.add(row, column);
                formulas.add(row, column);
            }
            _ => {}
        }
    }
    declared.max(values.cells()).max(formulas.cells())
}

/// The cells a DIMENSIONS record declares, read as calamine reads it (rows as two or four
/// bytes by the record's length, a first column past 255 or past the last taken as 0):
/// calamine reserves that many.
fn dimensions(data: &[u8]) -> u64 {
    let read = match data.len() {
        10 => (
            u16_at(data, 0).map(u32::from),
            u16_at(data, 2).map(u32::from),
            u16_at(data, 4),
            u16_at(data, 6),
        ),
        14 => (
            u32_at(data, 0),
            u32_at(data, 4),
            u16_at(data, 8),
            u16_at(data, 10),
        ),
        _ => return 0,
    };
    let (Some(r0), Some(r1), Some(c0), Some(c1)) = read else {
        return 0;
    };
    let c0 = if c0 > 0xFF || c1 < c0 { 0 } else { c0 };
    // Generous where calamine's own arithmetic differs by one: rows and columns both
    // counted up to their last value inclusive.
    (u64::from(r1.saturating_sub(r0)) + 1) * (u64::from(c1.saturating_sub(c0)) + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(typ: u16, data: &[u8]) -> Vec<u8> {
        let mut r = typ.to_le_bytes().to_vec();
        r.extend((data.len() as u16).to_le_bytes());
        r.extend_from_slice(data);
        r
    }

    fn cell(typ: u16, row: u16, col: u16) -> Vec<u8> {
        let mut d = row.to_le_bytes().to_vec();
        d.extend(col.to_le_bytes());
        d.extend([0u8; 10]);
        record(typ, &d)
    }

    /// Globals naming one sheet right after them, then the sheet's records.
    fn stream(sheet: &[Vec<u8>]) -> Vec<u8> {
        let eof = record(0x000A, &[]);
        let globals_len = 4 + 10 + eof.len();
        let mut bound = (globals_len as u32).to_le_bytes().to_vec();
        bound.extend([0u8; 6]);
        let mut s = record(0x0085, &bound);
        s.extend(&eof);
        for r in sheet {
            s.extend(r);
        }
        s.extend(&eof);
        s
    }

    #[test]
    fn the_span_of_values_and_declared_dimensions_are_told() {
        let near = stream(&[cell(0x0203, 0, 0), cell(0x0203, 9, 3)]);
        assert_eq!(largest_grid(&near), 10 * 4);
        let far = stream(&[cell(0x0203, 0, 0), cell(0x027E, 65535, 65535)]);
        assert_eq!(largest_grid(&far), 65536 * 65536);
        let mut dims = 0u32.to_le_bytes().to_vec();
        dims.extend(1_000_000u32.to_le_bytes());
        dims.extend(0u16.to_le_bytes());
        dims.extend(200u16.to_le_bytes());
        dims.extend([0u8; 2]);
        let declared = stream(&[record(0x0200, &dims), cell(0x0203, 1, 1)]);
        assert_eq!(largest_grid(&declared), 1_000_001 * 201);
        assert_eq!(largest_grid(b"\x01"), 0);
    }
}
