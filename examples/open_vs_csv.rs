//! Times one bare `csv::ByteRecord` pass over a file and one full open (read, decode,
//! validate), for quick comparisons outside the benches.

use std::time::Instant;

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "users.csv".into());
    let t = Instant::now();
    let bytes = std::fs::read(&path).unwrap_or_default();
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(&bytes[..]);
    let mut rec = csv::ByteRecord::new();
    let mut n = 0usize;
    while rdr.read_byte_record(&mut rec).unwrap_or(false) {
        n += rec.len();
    }
    let bare = t.elapsed();
    let t = Instant::now();
    let doc = bulksheet::io::read_path(std::path::Path::new(&path), None);
    let read = t.elapsed();
    let Ok(doc) = doc else { return };
    let schema = bulksheet::schema::detect(&doc.header);
    let sheet = bulksheet::Sheet::new(doc, schema, Default::default());
    let total = t.elapsed();
    println!(
        "fields {n}; csv pass {:?}; read {:?}; read+validate {:?} ({:.2}x); errors {}",
        bare,
        read,
        total,
        total.as_secs_f64() / bare.as_secs_f64(),
        sheet.errors()
    );
}
