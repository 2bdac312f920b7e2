//! One cell edit re-validated, uniqueness included, at 1,000 and at 1,000,000 rows: Login
//! ID and Extension number (bound ≤ 50 µs, the same at both sizes). Also a row deleted
//! from the middle and the delete undone (our bound: one 60 Hz frame each).

mod support;

use bulksheet::Sheet;
use criterion::Criterion;
use std::time::Duration;
use support::{MILLION, SEED, Samples, bound_line, open_sheet, timed, us};

const LOGIN: usize = 0;
const EXTENSION: usize = 2;
/// Edits cycle over this many rows spread through the sheet.
const ROWS: usize = 64;

/// Each call changes one cell: a row takes its edited value, and on the next visit its
/// original one. A Login ID gets a fresh address; an Extension number takes another
/// row's number (a duplicate appears, then goes away again).
struct Editor {
    rows: Vec<usize>,
    originals: Vec<String>,
    edited: Vec<String>,
    step: usize,
}

impl Editor {
    fn new(sheet: &Sheet, col: usize) -> Self {
        let n = sheet.doc().rows();
        let rows: Vec<usize> = (0..ROWS).map(|i| (i * 7_919 + 13) % n).collect();
        let originals = rows
            .iter()
            .map(|&r| sheet.cell(r, col).to_string())
            .collect();
        let edited = rows
            .iter()
            .map(|&r| match col {
                LOGIN => format!("edited.{r}@example.com"),
                _ => sheet.cell((r + n / 2) % n, col).to_string(),
            })
            .collect();
        Editor {
            rows,
            originals,
            edited,
            step: 0,
        }
    }

    fn edit(&mut self, sheet: &mut Sheet, col: usize) -> bool {
        let i = self.step % ROWS;
        let value = if (self.step / ROWS).is_multiple_of(2) {
            &self.edited[i]
        } else {
            &self.originals[i]
        };
        self.step += 1;
        sheet.set_cell(self.rows[i], col, value)
    }
}

fn main() {
    let mut c = Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(1))
        .configure_from_args();
    let mut lines = Vec::new();
    let mut rows_lines = Vec::new();
    for n in [1_000, MILLION] {
        let text = bulksheet::sample_data::miitel_csv(n, SEED);
        let mut sheet = open_sheet(text.as_bytes());
        let mut g = c.benchmark_group(format!("edit_{n}_rows"));
        for (name, col) in [("login_id", LOGIN), ("extension", EXTENSION)] {
            let samples = Samples::default();
            let mut editor = Editor::new(&sheet, col);
            g.bench_function(name, |b| {
                b.iter_custom(|iters| {
                    timed(&samples, iters, || {
                        assert!(editor.edit(&mut sheet, col));
                    })
                })
            });
            lines.push((n, name, samples.median(20)));
        }
        // Not a bound of the issue, our own: deleting a row from the middle, and undoing
        // that (which inserts it again), must each fit in one frame at 60 Hz.
        let samples = Samples::default();
        let mid = n / 2;
        g.bench_function("delete_row_and_undo", |b| {
            b.iter_custom(|iters| {
                timed(&samples, iters, || {
                    assert!(sheet.delete_rows(&[mid]));
                    assert!(sheet.undo());
                })
            })
        });
        rows_lines.push((n, samples.median(20)));
        g.finish();
    }
    c.final_summary();
    for (n, name, t) in lines {
        bound_line(
            &format!("one edit {name} at {n} rows"),
            t,
            &us(t),
            50e-6,
            "50 µs",
        );
    }
    for (n, t) in rows_lines {
        bound_line(
            &format!("delete a middle row and undo it at {n} rows"),
            t,
            &us(t),
            33e-3,
            "33 ms for the two, ours",
        );
    }
}
