//! Open + decode + validate 1,000,000 rows against one bare `csv::ByteRecord` pass over
//! the same bytes, in UTF-8 and in Shift_JIS (bound 1.3×).

mod support;

use criterion::{Criterion, SamplingMode};
use std::time::Duration;
use support::{MILLION, SEED, Samples, ms, open_sheet, ratio_line, timed};

fn csv_pass(bytes: &[u8]) -> usize {
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut rec = csv::ByteRecord::new();
    let mut fields = 0;
    while rdr.read_byte_record(&mut rec).unwrap_or(false) {
        fields += rec.len();
    }
    fields
}

/// The same pass over the two halves of the bytes (cut after a line break) on two
/// threads at once: how much this machine's two cores give work that splits perfectly.
/// Not a bound; printed beside the ratio, since the open uses both cores (it reads a big
/// file in parts of ~8 MB, which the two threads take in turn).
fn csv_pass_in_halves(bytes: &[u8]) -> usize {
    let middle = bytes.len() / 2;
    let cut = bytes
        .get(middle..)
        .and_then(|rest| rest.iter().position(|&b| b == b'\n'))
        .map_or(bytes.len(), |at| middle + at + 1);
    let (first, second) = bytes.split_at(cut);
    std::thread::scope(|s| {
        let other = s.spawn(|| csv_pass(second));
        csv_pass(first) + other.join().unwrap_or(0)
    })
}

/// Runs the csv pass and the open one after the other, `pairs` times: this machine's
/// speed drifts from second to second (the same pass takes 200 to 360 ms), and criterion
/// times each function in a block of its own, so a ratio of two blocks' medians moves with
/// the drift. Each pair's ratio is taken a moment apart. Returns (median of the pairs'
/// ratios, fastest open, fastest pass).
fn paired_ratio(bytes: &[u8], pairs: usize) -> (f64, f64, f64) {
    let mut ratios = Vec::new();
    let (mut fastest_base, mut fastest_open) = (f64::MAX, f64::MAX);
    for _ in 0..pairs {
        let t = std::time::Instant::now();
        std::hint::black_box(csv_pass(bytes));
        let base = t.elapsed().as_secs_f64();
        let t = std::time::Instant::now();
        // Dropped after the clock stops, as in `timed`.
        let sheet = std::hint::black_box(open_sheet(bytes));
        let open = t.elapsed().as_secs_f64();
        drop(sheet);
        ratios.push(open / base);
        fastest_base = fastest_base.min(base);
        fastest_open = fastest_open.min(open);
    }
    ratios.sort_by(f64::total_cmp);
    let median = ratios.get(ratios.len() / 2).copied().unwrap_or(f64::NAN);
    (median, fastest_open, fastest_base)
}

fn main() {
    let text = bulksheet::sample_data::miitel_csv(MILLION, SEED);
    let sjis = bulksheet::sample_data::to_shift_jis(&text);
    let utf8 = text.into_bytes();
    let mut c = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(4))
        .configure_from_args();
    let mut lines = Vec::new();
    for (label, bytes) in [("utf-8", &utf8), ("shift_jis", &sjis)] {
        let (base, open, halves) = (Samples::default(), Samples::default(), Samples::default());
        let mut g = c.benchmark_group(format!("open_1m_{label}"));
        g.sampling_mode(SamplingMode::Flat).sample_size(10);
        g.bench_function("csv_bytes_pass", |b| {
            b.iter_custom(|n| timed(&base, n, || csv_pass(bytes)))
        });
        g.bench_function("open_decode_validate", |b| {
            b.iter_custom(|n| timed(&open, n, || open_sheet(bytes)))
        });
        g.bench_function("csv_bytes_pass_two_threads", |b| {
            b.iter_custom(|n| timed(&halves, n, || csv_pass_in_halves(bytes)))
        });
        g.finish();
        lines.push((label, open, base, halves, bytes.len()));
    }
    c.final_summary();
    for (label, open, base, halves, size) in lines {
        ratio_line(
            &format!("open+validate 1M {label} ({} MB)", size / 1_000_000),
            &open,
            "csv pass",
            &base,
            10,
            1.3,
        );
        let bytes = if label == "utf-8" { &utf8 } else { &sjis };
        let (median, open, pass) = paired_ratio(bytes, 11);
        let verdict = |r: f64| if r <= 1.3 { "met" } else { "NOT met" };
        println!(
            "SUMMARY open+validate 1M {label}, paired [wall]: median of 11 pairs' ratios \
             {median:.2}x (bound 1.3x, {}); fastest open {} / fastest pass {} = {:.2}x \
             (bound 1.3x, {})",
            verdict(median),
            ms(open),
            ms(pass),
            open / pass,
            verdict(open / pass)
        );
        let (one, two) = (base.median(10), halves.median(10));
        println!(
            "SUMMARY machine: the csv pass over {label} on two threads (two halves) {} vs one \
             thread {} = {:.2}x faster (not a bound: how much two cores give here)",
            ms(two),
            ms(one),
            one / two
        );
    }
}
