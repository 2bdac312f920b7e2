//! Writes a valid N-row MiiTel file for benchmarks and trials:
//! `cargo run --release --example gen_miitel -- N OUT [--shift-jis] [--seed S]`.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: gen_miitel N OUT [--shift-jis] [--seed S]";
    let (Some(n), Some(out)) = (args.first(), args.get(1)) else {
        eprintln!("{usage}");
        std::process::exit(2);
    };
    let Ok(n) = n.replace('_', "").parse::<usize>() else {
        eprintln!("{usage}");
        std::process::exit(2);
    };
    let seed = args
        .iter()
        .position(|a| a == "--seed")
        .and_then(|i| args.get(i + 1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    let text = bulksheet::sample_data::miitel_csv(n, seed);
    let bytes = if args.iter().any(|a| a == "--shift-jis") {
        bulksheet::sample_data::to_shift_jis(&text)
    } else {
        text.into_bytes()
    };
    if let Err(e) = std::fs::write(out, &bytes) {
        eprintln!("{out}: {e}");
        std::process::exit(1);
    }
    println!("{out}: {n} rows, {} bytes", bytes.len());
}
