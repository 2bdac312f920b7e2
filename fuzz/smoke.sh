#!/usr/bin/env bash
# A short fuzzing run of the three targets, for CI: SECONDS_EACH (default 30) per target.
# Needs cargo-fuzz (`cargo install cargo-fuzz`); on a stable toolchain RUSTC_BOOTSTRAP=1
# lets it pass the nightly-only flags it needs. A crash fails the script and leaves the
# input in fuzz/artifacts/<target>/.
set -euo pipefail
cd "$(dirname "$0")"
secs="${1:-${SECONDS_EACH:-30}}"
export RUSTC_BOOTSTRAP=1
mkdir -p corpus/parse_validate corpus/edit_sequence corpus/workbook
# The catalogue of bad inputs seeds the parser; it is read, never written (the first
# corpus folder is the one libFuzzer adds to).
cargo fuzz run parse_validate -s none -a corpus/parse_validate ../tests/data/bad \
  -- -max_total_time="$secs" -max_len=65536
cargo fuzz run edit_sequence -s none -a corpus/edit_sequence \
  -- -max_total_time="$secs"
# The test workbooks seed the workbook readers; run under a 2 GiB address-space limit, as
# an allocation a file's declared sizes ask for would abort the process.
# Built first, outside the limit (the compiler needs more).
cargo fuzz build workbook -s none -a
(ulimit -v 2097152 && cargo fuzz run workbook -s none -a corpus/workbook ../tests/data/workbooks \
  -- -max_total_time="$secs" -max_len=262144 -rss_limit_mb=0 -malloc_limit_mb=0)
