//! Raw bytes read as each kind of workbook (`.xlsx`, `.xls`, `.ods`), then checked and
//! written. Nothing may panic or abort (run it under `ulimit -v 2097152`: an allocation a
//! file's declared sizes ask for would end the process); a document read must hold no
//! more cells than the table limit, and its outside values no more than the count.
#![no_main]

use bulksheet::Sheet;
use bulksheet::io::{WorkbookKind, WriteOptions, encode_rows, read_workbook_bytes};
use bulksheet::schema::{Subscriptions, detect};
use libfuzzer_sys::fuzz_target;

/// libfuzzer-sys aborts on any panic, even one caught; the reader catches a panic inside
/// calamine and refuses the file, so such a panic is said here and not taken for a crash.
/// A panic that escapes the target still fails it (libfuzzer-sys aborts when the target
/// unwinds).
fn say_panics_without_aborting() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| std::panic::set_hook(Box::new(|info| eprintln!("{info}"))));
}

fuzz_target!(|data: &[u8]| {
    say_panics_without_aborting();
    for kind in [WorkbookKind::Xlsx, WorkbookKind::Xls, WorkbookKind::Ods] {
        let Ok(doc) = read_workbook_bytes(data, kind) else {
            continue;
        };
        let cells = doc.rows() as u64 * doc.width() as u64;
        assert!(cells <= bulksheet::io::workbook_limits::MAX_TABLE_CELLS);
        assert!(doc.outside.values.len() <= doc.outside.count);
        let schema = detect(&doc.header);
        let sheet = Sheet::new(doc.clone(), schema, Subscriptions::none());
        let _ = sheet.issues();
        let _ = encode_rows(&doc, 0..doc.rows(), &WriteOptions::like(&doc));
    }
});
