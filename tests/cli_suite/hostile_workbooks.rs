//! Hostile workbooks on the command line, run under a 2 GiB address-space limit
//! (`ulimit -v 2097152`): every one ends with an exit code (0, 1 or 2) and words, never a
//! signal (an allocation failure aborts with SIGABRT).

use crate::common::*;
use std::os::unix::process::ExitStatusExt;
use std::path::Path;

/// `bulksheet check` on `bytes` saved as `name`, under the 2 GiB limit.
fn check_limited(bytes: &[u8], name: &str) -> Run {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(name), bytes).unwrap();
    run_limited(dir.path(), &["check", name])
}

fn run_limited(dir: &Path, args: &[&str]) -> Run {
    let mut cmd = std::process::Command::new("sh");
    cmd.arg("-c")
        .arg("ulimit -v 2097152 && exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_bulksheet"))
        .args(args);
    let out = output_in_english(cmd, dir);
    assert_eq!(
        out.status.signal(),
        None,
        "killed by a signal: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Run::from(out)
}

#[test]
fn a_value_in_the_last_cell_is_a_warning_and_export_leaves_it_out() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("far.xlsx"), far_cell_xlsx()).unwrap();
    let r = run_limited(dir.path(), &["check", "far.xlsx"]);
    assert_eq!(r.code, 0, "warnings only: {}{}", r.stdout, r.stderr);
    assert!(
        r.stdout.contains("XFD1048576: a value outside the table"),
        "{}",
        r.stdout
    );
    let r = run_limited(dir.path(), &["export", "far.xlsx", "-o", "out.csv"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    let written = std::fs::read_to_string(dir.path().join("out.csv")).unwrap();
    let users: Vec<Vec<String>> = (0..2).map(schema_row).collect();
    assert_eq!(written, csv_of(&header(), &users));
}

#[test]
fn a_lying_dimension_reads_as_the_users() {
    let r = check_limited(&lying_dimension_xlsx(), "lying.xlsx");
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
}

#[test]
fn a_formula_without_its_value_is_an_error_at_its_cell() {
    let r = check_limited(&formula_without_value_xlsx(), "formula.xlsx");
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stdout.contains("formula.xlsx:3:") && r.stdout.contains("=100+2"),
        "{}",
        r.stdout
    );
    assert!(!r.stdout.contains("is required"), "{}", r.stdout);
}

#[test]
fn files_past_a_limit_or_broken_exit_2_with_words() {
    for (bytes, name, words) in [
        (
            huge_shared_count_xlsx(),
            "count.xlsx",
            "4,000,000,000 shared strings",
        ),
        (repeated_ods(6_000, 16_000), "repeat.ods", "(sheet \"Big\")"),
        (
            sheet_bomb_xlsx(),
            "bomb.xlsx",
            "unpacks to more than 1024 MiB",
        ),
        (truncated_xlsx(), "cut.xlsx", "cannot be read"),
    ] {
        let r = check_limited(&bytes, name);
        assert_eq!(r.code, 2, "{name}: {}{}", r.stdout, r.stderr);
        assert!(r.stderr.contains(words), "{name}: {}", r.stderr);
    }
}
