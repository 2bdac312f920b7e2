//! Opens a file as the window and `bulksheet check` do (read, decode, validate) and prints
//! the peak resident memory of this process against the file's size:
//! `cargo run --release --example peak_memory -- FILE`.

fn peak_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: peak_memory FILE");
        std::process::exit(2);
    };
    let path = std::path::PathBuf::from(path);
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    let before = peak_kib();
    let doc = match bulksheet::io::read_path(&path, None) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    let schema = bulksheet::schema::detect(&doc.header);
    let sheet = bulksheet::Sheet::new(doc, schema, Default::default());
    let peak = peak_kib();
    println!(
        "file {:.1} MB, {} rows; peak RSS {:.1} MB ({:.1} MB at start) = {:.2}x the file",
        size as f64 / 1e6,
        sheet.doc().rows(),
        peak as f64 * 1024.0 / 1e6,
        before as f64 * 1024.0 / 1e6,
        peak as f64 * 1024.0 / size.max(1) as f64
    );
}
