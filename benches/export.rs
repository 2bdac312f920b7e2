//! Export of 1,000,000 rows (`encode_rows`) against a `csv::Writer` writing the same
//! records from a flat buffer (bound 1.5×).

mod support;

use bulksheet::io::{WriteOptions, encode_rows};
use criterion::{Criterion, SamplingMode};
use std::time::Duration;
use support::{MILLION, SEED, Samples, open_sheet, ratio_line, timed};

/// The records as plain bytes: every field's text back to back, and where each ends.
struct Records {
    text: Vec<u8>,
    ends: Vec<u32>,
    width: usize,
    header: Vec<String>,
}

impl Records {
    fn of(doc: &bulksheet::Document) -> Self {
        let mut text = Vec::new();
        let mut ends = Vec::new();
        for r in 0..doc.rows() {
            for c in 0..doc.width() {
                text.extend_from_slice(doc.cell(r, c).as_bytes());
                ends.push(text.len() as u32);
            }
        }
        Records {
            text,
            ends,
            width: doc.width(),
            header: doc.header.clone(),
        }
    }

    fn write(&self) -> Vec<u8> {
        let out = Vec::with_capacity(self.text.len() + self.ends.len() * 2);
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(out);
        w.write_record(&self.header).unwrap();
        let mut start = 0usize;
        for row in self.ends.chunks(self.width) {
            let fields = row.iter().map(|&end| {
                let f = &self.text[start..end as usize];
                start = end as usize;
                f
            });
            w.write_record(fields).unwrap();
        }
        w.into_inner().unwrap()
    }
}

fn main() {
    let text = bulksheet::sample_data::miitel_csv(MILLION, SEED);
    let sheet = open_sheet(text.as_bytes());
    drop(text);
    let doc = sheet.doc();
    let records = Records::of(doc);
    let opts = WriteOptions::like(doc);
    assert_eq!(
        encode_rows(doc, 0..doc.rows(), &opts).unwrap(),
        records.write(),
        "both write the same bytes"
    );
    let mut c = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3))
        .configure_from_args();
    let (base, export) = (Samples::default(), Samples::default());
    let mut g = c.benchmark_group("export_1m_utf-8");
    g.sampling_mode(SamplingMode::Flat);
    g.bench_function("csv_writer_pass", |b| {
        b.iter_custom(|n| timed(&base, n, || records.write()))
    });
    g.bench_function("encode_rows", |b| {
        b.iter_custom(|n| timed(&export, n, || encode_rows(doc, 0..doc.rows(), &opts)))
    });
    g.finish();
    c.final_summary();
    ratio_line(
        "export 1M utf-8",
        &export,
        "csv::Writer pass",
        &base,
        10,
        1.5,
    );
}
