#!/bin/sh
# What a screen reader gets from the window on Linux: the window runs under Xvfb with its
# own D-Bus session and accessibility bus, and scripts/screen_reader_tree.py reads the grid
# through AT-SPI (the road Orca takes), printing each cell's role, name, description and
# states.
#
#   scripts/screen-reader-tree.sh [en|ja] [--fix]
#
# A first start in a fresh home, so the window opens the bundled sample. With --fix it
# then presses F8 until row 3's Login ID (its full-width ＠), fixes it in the editor as a
# user would (xdotool) and prints the tree again.
#
# Needs (Debian): xvfb at-spi2-core python3-pyatspi dbus-x11 xdotool. The binary is
# target/debug/bulksheet unless BULKSHEET names another.
set -eu

if [ "${1:-}" != "--inside" ]; then
    exec dbus-run-session -- "$0" --inside "$@"
fi
shift
lang=${1:-en}
fix=${2:-}
here=$(cd "$(dirname "$0")" && pwd)
bin=${BULKSHEET:-$here/../target/debug/bulksheet}

home=$(mktemp -d)
cleanup() {
    for pid in ${app:-} ${bus:-} ${xvfb:-}; do kill "$pid" 2>/dev/null || true; done
    rm -rf "$home"
}
trap cleanup EXIT

case $lang in
ja) locale=ja_JP.UTF-8 ;;
*) locale=en_US.UTF-8 ;;
esac

# A display no other X server holds: Xvfb picks it and writes its number.
Xvfb -displayfd 3 -screen 0 1366x768x24 3>"$home/display" >/dev/null 2>&1 &
xvfb=$!
while [ ! -s "$home/display" ]; do sleep 0.1; done
export DISPLAY=:$(cat "$home/display")
/usr/libexec/at-spi-bus-launcher --launch-immediately >/dev/null 2>&1 &
bus=$!
sleep 1
# Toolkits expose their tree only when assistive technology is said to be on.
dbus-send --session --print-reply --dest=org.a11y.Bus /org/a11y/bus \
    org.freedesktop.DBus.Properties.Set \
    string:org.a11y.Status string:IsEnabled variant:boolean:true >/dev/null

HOME=$home XDG_DATA_HOME=$home/data XDG_CONFIG_HOME=$home/config \
    LC_ALL=$locale LANG=$locale WINIT_UNIX_BACKEND=x11 \
    "$bin" >"$home/app.log" 2>&1 &
app=$!

tree() {
    /usr/bin/python3 "$here/screen_reader_tree.py" "$@"
}

tree --wait
echo "== the grid as opened ($lang)"
tree
[ "$fix" = "--fix" ] || exit 0

window=$(xdotool search --sync --pid "$app" | head -n 1)
xdotool windowfocus --sync "$window" 2>/dev/null || true
key() { xdotool key --window "$window" "$@"; sleep 0.3; }
cell=$(tree --focused)
for _ in 1 2 3 4; do
    case $cell in *", row 3"* | *"、3 行目"*) break ;; esac
    key F8
    cell=$(tree --focused)
done
echo "== F8 until row 3's Login ID: the focus is on"
tree --focused --long
key F2
echo "== F2: said"
tree --said
for _ in $(seq 14); do key BackSpace; done
xdotool type --window "$window" --delay 50 "@example.co.jp"
key Return
echo "== Fixed and Enter: said"
tree --said
echo "== the grid after the fix ($lang)"
tree
