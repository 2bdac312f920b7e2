#!/usr/bin/env bash
# Select all + Delete, undo and redo on a big file in the real window under Xvfb, each
# timed from the keys to the last CPU the window spent on it, with the window's resident
# memory after opening and its peak during each step (the kernel's peak is reset after
# each, through /proc/PID/clear_refs). Needs Xvfb, xdotool and imagemagick; a release
# build (`cargo build --release`) and a file (`cargo run --release --example gen_miitel
# -- 1000000 target/m1.csv`).
#   scripts/window-clear-1m.sh [FILE] [OUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
file="${1:-target/m1.csv}"
out="${2:-target/window-clear}"
mkdir -p "$out"
export DISPLAY=:97
Xvfb "$DISPLAY" -screen 0 1366x768x24 >/dev/null 2>&1 &
xvfb=$!
home=$(mktemp -d)
trap 'kill $app $xvfb 2>/dev/null || true; rm -rf "$home"' EXIT
sleep 1
XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" ./target/release/bulksheet "$file" &
app=$!

cpu() { awk '{print $14 + $15}' "/proc/$app/stat"; }
mb() { awk -v f="$1" '$1 == f":" {printf "%.0f", $2 / 1024}' "/proc/$app/status"; }
now() { date +%s.%N; }
# Waits until the window has spent no CPU for 1.5 s; prints when it last did.
settle() {
  local last c prev t_last
  prev=$(cpu); t_last=$(now); last=$(now)
  while true; do
    sleep 0.05
    c=$(cpu)
    if [ "$c" != "$prev" ]; then prev=$c; t_last=$(now); fi
    if (( $(echo "$(now) - $t_last > 1.5" | bc -l) )); then break; fi
  done
  echo "$t_last"
}
step() {
  local name=$1; shift
  echo 5 > "/proc/$app/clear_refs"
  local t0; t0=$(now)
  xdotool "$@"
  local t1; t1=$(settle)
  printf '%s: %.2f s; peak %s MB = %.2fx resident after opening; resident now %s MB\n' \
    "$name" "$(echo "$t1 - $t0" | bc -l)" "$(mb VmHWM)" "$(echo "$(mb VmHWM) / $opened" | bc -l)" "$(mb VmRSS)"
  import -window root "$out/$name.png"
}

# Opening: the window appears, reads the file, checks it and draws.
for _ in $(seq 100); do xdotool search --name bulksheet >/dev/null 2>&1 && break; sleep 0.2; done
settle >/dev/null
opened=$(mb VmRSS)
echo "opened $(basename "$file"): resident $opened MB (peak while opening $(mb VmHWM) MB)"
import -window root "$out/opened.png"
win=$(xdotool search --name bulksheet | head -1)
xdotool windowfocus "$win"
# A cell has the keyboard: Ctrl+A selects the sheet.
xdotool mousemove 200 200 click 1
settle >/dev/null
step select-all-delete key ctrl+a key Delete
step undo key ctrl+z
step redo key ctrl+y
