//! Raw bytes read as each kind of workbook (`.xlsx`, `.xls`, `.ods`), then checked and
//! written. Nothing may panic or abort (run it under `ulimit -v 2097152`: an allocation a
//! file's declared sizes ask for would end the process); a document read must hold no
//! more cells than the table limit, and its outside values no more than the count.
#![no_main]

use bulksheet::Sheet;
use bulksheet::io::{WorkbookKind, WriteOptions, encode_rows, read_workbook_bytes};
use bulksheet::schema::{Subscriptions, detect};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
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
