//! Select all + Delete on a whole file, its undo and redo, as the window does them
//! (`Sheet::clear_cells` over every row and column), each timed, with the process's
//! resident memory after opening and its peak after each:
//! `cargo run --release --example whole_sheet_clear -- FILE`.

use std::time::Instant;

/// One timed step of the sheet.
type Step<'a> = &'a dyn Fn(&mut bulksheet::Sheet) -> bool;

/// A figure of `/proc/self/status` in MB: `VmHWM` the peak resident memory, `VmRSS` now.
fn status_mb(field: &str) -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kib: u64 = status
        .lines()
        .find_map(|l| l.strip_prefix(field))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0);
    kib as f64 * 1024.0 / 1e6
}

/// Starts the kernel's peak anew from what is resident now (Linux: `/proc/self/clear_refs`),
/// so each step's peak is its own, not the reading's.
fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

fn peak_mb() -> f64 {
    status_mb("VmHWM:")
}

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: whole_sheet_clear FILE");
        std::process::exit(2);
    };
    let doc = bulksheet::io::read_path(std::path::Path::new(&path), None).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(1);
    });
    let schema = bulksheet::schema::detect(&doc.header);
    let mut sheet = bulksheet::Sheet::new(doc, schema, Default::default());
    // The measure is what the process holds once the file is open (the issue's
    // "resident after opening"); the reading's own peak is printed beside it.
    let opened = status_mb("VmRSS:");
    println!(
        "opened {} rows x {} columns: resident {opened:.1} MB (peak while reading {:.1} MB)",
        sheet.doc().rows(),
        sheet.doc().width(),
        peak_mb()
    );
    let rows: Vec<usize> = (0..sheet.doc().rows()).collect();
    let cols: Vec<usize> = (0..sheet.doc().width()).collect();
    let steps: [(&str, Step); 3] = [
        ("select all + Delete", &|s| s.clear_cells(&rows, &cols)),
        ("undo", &|s| s.undo()),
        ("redo", &|s| s.redo()),
    ];
    for (name, step) in steps {
        reset_peak();
        let start = Instant::now();
        assert!(step(&mut sheet));
        let took = start.elapsed();
        let peak = peak_mb();
        println!(
            "{name}: {:.0} ms, {} errors, {} warnings; peak {peak:.1} MB = {:.2}x resident after opening; resident now {:.1} MB",
            took.as_secs_f64() * 1e3,
            sheet.errors(),
            sheet.warnings(),
            peak / opened,
            status_mb("VmRSS:")
        );
    }
}
