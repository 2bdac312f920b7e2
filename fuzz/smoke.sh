#!/usr/bin/env bash
# A short fuzzing run of both targets, for CI: SECONDS_EACH (default 30) per target.
# Needs cargo-fuzz (`cargo install cargo-fuzz`); on a stable toolchain RUSTC_BOOTSTRAP=1
# lets it pass the nightly-only flags it needs. A crash fails the script and leaves the
# input in fuzz/artifacts/<target>/.
set -euo pipefail
cd "$(dirname "$0")"
secs="${1:-${SECONDS_EACH:-30}}"
export RUSTC_BOOTSTRAP=1
mkdir -p corpus/parse_validate corpus/edit_sequence
# The catalogue of bad inputs seeds the parser; it is read, never written (the first
# corpus folder is the one libFuzzer adds to).
cargo fuzz run parse_validate -s none -a corpus/parse_validate ../tests/data/bad \
  -- -max_total_time="$secs" -max_len=65536
cargo fuzz run edit_sequence -s none -a corpus/edit_sequence \
  -- -max_total_time="$secs"
