//! A reader that closes the pipe early (`bulksheet check big.csv | head -1`) ends the
//! output quietly: no panic, no error text, and the exit code of the check.

use crate::common::*;
use std::io::{BufRead, BufReader, Read};
use std::process::Stdio;

#[test]
fn a_closed_pipe_ends_the_report_quietly() {
    // Far more report than a pipe holds, so the writer is still writing when the
    // reader goes away.
    let rows: Vec<Vec<String>> = (1..=3000)
        .map(|i| with(plain_row(i), "Locale", "English"))
        .collect();
    let dir = folder(csv(&rows).as_bytes());
    let mut child = bulksheet()
        .args(["check", "users.csv"])
        .current_dir(dir.path())
        .env("LC_ALL", "C")
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    // The reader (and so the pipe's only read end) is dropped here.
    assert!(first.starts_with("users.csv:"), "{first}");
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let status = child.wait().unwrap();
    assert_eq!(stderr, "", "a closed pipe printed on stderr");
    assert_eq!(status.code(), Some(1), "the check's own exit code");
}
