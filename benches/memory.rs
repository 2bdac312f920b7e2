//! Peak resident memory after opening 1,000,000 rows, against the file's size (bound
//! 2.5×). Measured in a fresh child process (this bench binary run again), so nothing
//! the parent built counts, and the peak is the kernel's own high-water mark.

mod support;

use std::process::Command;
use support::{ALL_SUBSCRIPTIONS, MILLION, SEED};

const CHILD_ENV: &str = "BULKSHEET_BENCH_PEAK_MEMORY_OF";

fn peak_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

/// In the child: open the file as the window does and report the peak in KiB.
fn child(path: &str) {
    let start = peak_kib();
    let doc = bulksheet::io::read_path(std::path::Path::new(path), None).expect("file reads");
    let schema = bulksheet::schema::detect(&doc.header);
    let subs = bulksheet::schema::Subscriptions::parse(ALL_SUBSCRIPTIONS, &schema).unwrap();
    let sheet = bulksheet::Sheet::new(doc, schema, subs);
    assert_eq!(sheet.doc().rows(), MILLION);
    println!("{start} {}", peak_kib());
}

fn measure(path: &std::path::Path) -> (u64, u64) {
    let out = Command::new(std::env::current_exe().unwrap())
        .env(CHILD_ENV, path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    let mut nums = text.split_whitespace().map(|s| s.parse::<u64>().unwrap());
    (nums.next().unwrap(), nums.next().unwrap())
}

fn main() {
    if let Ok(path) = std::env::var(CHILD_ENV) {
        return child(&path);
    }
    // `cargo bench -- FILTER` passes a filter; `cargo test --benches` passes `--bench`
    // only when benchmarking, so a test run skips the million-row file.
    if !std::env::args().any(|a| a == "--bench") {
        println!("memory: skipped (not a benchmark run)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let text = bulksheet::sample_data::miitel_csv(MILLION, SEED);
    let files = [
        (
            "utf-8",
            dir.path().join("utf8.csv"),
            text.as_bytes().to_vec(),
        ),
        (
            "shift_jis",
            dir.path().join("sjis.csv"),
            bulksheet::sample_data::to_shift_jis(&text),
        ),
    ];
    drop(text);
    for (label, path, bytes) in files {
        std::fs::write(&path, &bytes).unwrap();
        let size = bytes.len() as f64;
        drop(bytes);
        let (start, peak) = measure(&path);
        let ratio = peak as f64 * 1024.0 / size;
        println!(
            "SUMMARY peak memory after opening 1M {label}: {:.1} MB for a {:.1} MB file = {ratio:.2}x (bound 2.5x, {}; {:.1} MB at process start)",
            peak as f64 * 1024.0 / 1e6,
            size / 1e6,
            if ratio <= 2.5 { "met" } else { "NOT met" },
            start as f64 * 1024.0 / 1e6,
        );
    }
}
