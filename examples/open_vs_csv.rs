//! Times one bare `csv::ByteRecord` pass over a file and one full open (decode, parse,
//! validate) of the same bytes in memory, for quick comparisons outside the benches.
//! Prints wall time and this process's CPU time (all threads), which a busy machine
//! disturbs less: `cargo run --release --example open_vs_csv -- FILE [--subscriptions L]`.

use std::time::{Duration, Instant};

/// CPU time used by this process so far, threads that have ended included
/// (`/proc/self/stat` utime + stime, in clock ticks of 10 ms).
fn process_cpu() -> Duration {
    let text = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // The command name may hold spaces; the fields after it are plain numbers.
    let after = text.rsplit_once(')').map_or("", |(_, rest)| rest);
    let ticks: u64 = after
        .split_whitespace()
        .skip(11)
        .take(2)
        .filter_map(|f| f.parse::<u64>().ok())
        .sum();
    Duration::from_millis(ticks * 10)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args.first().cloned().unwrap_or_else(|| "users.csv".into());
    let subs = args
        .iter()
        .position(|a| a == "--subscriptions")
        .and_then(|i| args.get(i + 1))
        .cloned()
        .unwrap_or_default();
    let bytes = std::fs::read(&path).unwrap_or_default();
    let (t, c) = (Instant::now(), process_cpu());
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(&bytes[..]);
    let mut rec = csv::ByteRecord::new();
    let mut n = 0usize;
    while rdr.read_byte_record(&mut rec).unwrap_or(false) {
        n += rec.len();
    }
    let (bare, bare_cpu) = (t.elapsed(), process_cpu() - c);
    let (t, c) = (Instant::now(), process_cpu());
    let doc = bulksheet::io::read_bytes(&bytes, None);
    let (read, read_cpu) = (t.elapsed(), process_cpu() - c);
    let Ok(doc) = doc else { return };
    let schema = bulksheet::schema::detect(&doc.header);
    let subs = bulksheet::schema::Subscriptions::parse(&subs, &schema).unwrap_or_default();
    let sheet = bulksheet::Sheet::new(doc, schema, subs);
    let (total, total_cpu) = (t.elapsed(), process_cpu() - c);
    println!(
        "fields {n}; csv pass {:.0} ms (cpu {:.0} ms); read {:.0} ms (cpu {:.0} ms); \
         read+validate {:.0} ms (cpu {:.0} ms) = {:.2}x wall, {:.2}x cpu; errors {}",
        ms(bare),
        ms(bare_cpu),
        ms(read),
        ms(read_cpu),
        ms(total),
        ms(total_cpu),
        total.as_secs_f64() / bare.as_secs_f64(),
        total_cpu.as_secs_f64() / bare_cpu.as_secs_f64(),
        sheet.errors()
    );
}
