//! One frame of the window at 1,000,000 rows, run headless through egui_kittest (no GPU:
//! layout, painting into shapes and the accessibility tree): CPU time of this thread per
//! frame (bound ≤ 4 ms). The 1,000-row frame is printed beside it for comparison.

mod support;

use bulksheet::app::{BulksheetApp, fonts};
use criterion::Criterion;
use eframe::egui;
use egui_kittest::Harness;
use std::time::Duration;
use support::{MILLION, SEED, Samples, bound_line, open_sheet, thread_cpu};

fn harness(rows: usize) -> Harness<'static, BulksheetApp> {
    let text = bulksheet::sample_data::miitel_csv(rows, SEED);
    let sheet = open_sheet(text.as_bytes());
    let app = BulksheetApp::new(sheet, None);
    let mut h = Harness::builder()
        .with_size(egui::Vec2::new(1700.0, 900.0))
        .build_eframe(move |cc| {
            fonts::install_bundled(&cc.egui_ctx);
            app
        });
    // The first frames lay out fonts and build caches.
    h.run_steps(5);
    h
}

fn main() {
    let mut c = Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .configure_from_args();
    let mut lines = Vec::new();
    for rows in [1_000, MILLION] {
        let mut h = harness(rows);
        let samples = Samples::default();
        c.bench_function(&format!("frame_{rows}_rows"), |b| {
            b.iter_custom(|iters| {
                let start = thread_cpu();
                for _ in 0..iters {
                    h.step();
                }
                let cpu = thread_cpu() - start;
                samples.record(cpu, iters);
                cpu
            })
        });
        lines.push((rows, samples.median(20)));
    }
    c.final_summary();
    for (rows, t) in lines {
        bound_line(
            &format!("one frame at {rows} rows (CPU)"),
            t,
            &format!("{:.2} ms", t * 1e3),
            4e-3,
            "4 ms",
        );
    }
}
