//! Shared by the benches: the sample sheets, per-iteration timings kept beside criterion's
//! own, and the summary lines that state each figure as a ratio or against its bound.

#![allow(dead_code)]

use bulksheet::Sheet;
use std::cell::RefCell;
use std::rc::Rc;
use std::time::{Duration, Instant};

pub const MILLION: usize = 1_000_000;
pub const SEED: u64 = 20_240_601;

/// Every subscription on: every column is checked as required.
pub const ALL_SUBSCRIPTIONS: &str = "call-center,meetings,recpod,salesforce,webhook";

pub fn open_sheet(bytes: &[u8]) -> Sheet {
    let doc = bulksheet::io::read_bytes(bytes, None).expect("sample reads");
    let schema = bulksheet::schema::detect(&doc.header);
    let subs =
        bulksheet::schema::Subscriptions::parse(ALL_SUBSCRIPTIONS, &schema).expect("subscriptions");
    Sheet::new(doc, schema, subs)
}

/// Seconds per iteration of each sample criterion took (wall clock), and the CPU time
/// of the whole process over the same spans; the summary uses the last `sample_size` of
/// them (criterion's warm-up calls come first).
#[derive(Clone, Default)]
pub struct Samples {
    wall: Rc<RefCell<Vec<f64>>>,
    cpu: Rc<RefCell<Vec<f64>>>,
}

fn median_of(all: &[f64], last: usize) -> f64 {
    let mut v: Vec<f64> = all[all.len().saturating_sub(last)..].to_vec();
    v.sort_by(f64::total_cmp);
    match v.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => v[n / 2],
        n => (v[n / 2 - 1] + v[n / 2]) / 2.0,
    }
}

impl Samples {
    pub fn record(&self, total: Duration, iters: u64) {
        self.wall
            .borrow_mut()
            .push(total.as_secs_f64() / iters.max(1) as f64);
    }

    fn record_cpu(&self, total: Duration, iters: u64) {
        self.cpu
            .borrow_mut()
            .push(total.as_secs_f64() / iters.max(1) as f64);
    }

    /// Median wall-clock seconds per iteration.
    pub fn median(&self, last: usize) -> f64 {
        median_of(&self.wall.borrow(), last)
    }

    /// Median CPU seconds per iteration, every thread of the process counted.
    pub fn median_cpu(&self, last: usize) -> f64 {
        median_of(&self.cpu.borrow(), last)
    }
}

/// CPU time of the whole process, threads that have ended included.
pub fn process_cpu() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime only writes the timespec it is given.
    unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut ts) };
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

/// Times `run` once per iteration; what it returns is dropped outside the timed span.
pub fn timed<T>(samples: &Samples, iters: u64, mut run: impl FnMut() -> T) -> Duration {
    let mut total = Duration::ZERO;
    let mut cpu = Duration::ZERO;
    for _ in 0..iters {
        let (t, c) = (Instant::now(), process_cpu());
        let out = std::hint::black_box(run());
        total += t.elapsed();
        cpu += process_cpu().saturating_sub(c);
        drop(out);
    }
    samples.record(total, iters);
    samples.record_cpu(cpu, iters);
    total
}

/// CPU time this thread has used, from the scheduler (nanosecond resolution), so a busy
/// machine's waiting time is not counted.
pub fn thread_cpu() -> Duration {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").unwrap_or_default();
    let ns = text
        .split_whitespace()
        .next()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    Duration::from_nanos(ns)
}

pub fn ms(s: f64) -> String {
    format!("{:.1} ms", s * 1e3)
}

pub fn us(s: f64) -> String {
    format!("{:.1} µs", s * 1e6)
}

fn verdict(ok: bool) -> &'static str {
    if ok { "met" } else { "NOT met" }
}

/// `what: 980.0 ms vs csv pass 250.0 ms = 3.92x (bound 1.3x, NOT met)`, on the wall
/// clock (what a user waits: the bound), then on CPU time, for information (the machine
/// may be shared: CPU time is what a busy neighbour disturbs least; with a second thread
/// at work CPU time exceeds wall time).
pub fn ratio_line(
    what: &str,
    subject: &Samples,
    base_name: &str,
    base: &Samples,
    n: usize,
    bound: f64,
) {
    for (clock, s, b) in [
        ("wall", subject.median(n), base.median(n)),
        ("cpu", subject.median_cpu(n), base.median_cpu(n)),
    ] {
        let r = s / b;
        let against = if clock == "wall" {
            format!("bound {bound}x, {}", verdict(r <= bound))
        } else {
            "all threads; the bound is on the wall clock".to_string()
        };
        println!(
            "SUMMARY {what} [{clock}]: {} vs {base_name} {} = {r:.2}x ({against})",
            ms(s),
            ms(b),
        );
    }
}

/// `what: 12.3 µs (bound 50 µs, met)`
pub fn bound_line(what: &str, value: f64, shown: &str, bound: f64, bound_shown: &str) {
    println!(
        "SUMMARY {what}: {shown} (bound {bound_shown}, {})",
        verdict(value <= bound)
    );
}
