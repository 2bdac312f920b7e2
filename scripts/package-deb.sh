#!/bin/bash
# Builds the Linux package (.deb) from Cargo.toml's [package.metadata.deb], installs it on
# this machine with apt-get, checks what it installed (the command, the .desktop file, the
# icons, the window and its icon under Xvfb), then removes it and checks nothing is left.
#
# Run as root (or with sudo) on Debian or Ubuntu, from anywhere in the repository:
#   scripts/package-deb.sh               # display :81 for the window check
#   DISPLAY_NUM=:99 scripts/package-deb.sh
# Leaves target/debian/bulksheet_<version>-1_<arch>.deb and a screenshot of the installed
# window in target/debian/installed-window.png.
set -euo pipefail
cd "$(dirname "$0")/.."
display=${DISPLAY_NUM:-:81}
out=target/debian

step() { printf '\n== %s\n' "$*"; }

step "tools"
missing=()
command -v desktop-file-validate >/dev/null || missing+=(desktop-file-utils)
command -v Xvfb >/dev/null || missing+=(xvfb)
command -v xprop >/dev/null || missing+=(x11-utils)
command -v import >/dev/null || missing+=(imagemagick)
if ((${#missing[@]})); then apt-get install -y "${missing[@]}"; fi
command -v cargo-deb >/dev/null || cargo install cargo-deb --locked
cargo deb --version

step "build the package (cargo deb: a release build, then the .deb)"
cargo deb
deb=$(ls -t "$out"/bulksheet_*.deb | head -n 1)
dpkg-deb --info "$deb"
dpkg-deb --contents "$deb"
# The package's own files, for the check after removal (folders like /usr/bin are shared).
mapfile -t files < <(dpkg-deb --contents "$deb" | awk '$1 !~ /^d/ {print substr($6, 2)}')

step "install with apt-get"
apt-get install -y "./$deb"
dpkg-query -W -f='${Package} ${Version} ${Status}\n' bulksheet

step "the installed command"
command -v bulksheet
bulksheet --version
set +e
bulksheet check --lang en assets/sample-miitel-update-users.csv | tail -n 1
echo "bulksheet check on the sample (it has errors): exit ${PIPESTATUS[0]} (1 expected)"
set -e

step "the .desktop file and the icons"
desktop-file-validate /usr/share/applications/bulksheet.desktop && echo "desktop-file-validate: no errors"
grep -E '^(Name|Name\[ja\]|Exec|Icon|MimeType|StartupWMClass)=' /usr/share/applications/bulksheet.desktop
ls /usr/share/icons/hicolor/*/apps/bulksheet.* /usr/share/doc/bulksheet/fonts/
grep -l 'bulksheet.desktop' /usr/share/applications/mimeinfo.cache >/dev/null 2>&1 &&
    grep '^text/csv=' /usr/share/applications/mimeinfo.cache

step "the window, from the installed binary, under Xvfb $display"
Xvfb "$display" -screen 0 1400x900x24 >/dev/null 2>&1 &
xvfb=$!
app=
cleanup() {
    if [ -n "$app" ]; then kill "$app" 2>/dev/null || true; fi
    kill "$xvfb" 2>/dev/null || true
}
trap cleanup EXIT
export DISPLAY=$display
for _ in $(seq 60); do
    xwininfo -root >/dev/null 2>&1 && break
    sleep 1
done
# No file: the window opens on the bundled sample. Settings and journal go to a scratch home.
HOME=$(mktemp -d) LANG=C.UTF-8 /usr/bin/bulksheet >/dev/null 2>&1 &
app=$!
win=
for _ in $(seq 180); do # a loaded machine with software GL can take minutes
    win=$(xwininfo -root -tree | awk '/Bulksheet": / {print $1; exit}')
    [ -n "$win" ] && break
    kill -0 "$app" 2>/dev/null || { echo "the window program ended before a window appeared"; exit 1; }
    sleep 1
done
[ -n "$win" ] || { echo "no Bulksheet window appeared"; exit 1; }
sleep 4 # the first frames
echo "window $win"
xprop -id "$win" WM_CLASS
# _NET_WM_ICON is width, height, then width*height ARGB pixels.
xprop -len 1048576 -id "$win" -f _NET_WM_ICON 32c ' = $0+\n' _NET_WM_ICON | tr -d ',' | cut -d= -f2 >"$out/net_wm_icon.txt"
read -r w h _ <"$out/net_wm_icon.txt" || true
[[ "${w:-}" =~ ^[0-9]+$ && "${h:-}" =~ ^[0-9]+$ ]] || { echo "_NET_WM_ICON is not set"; exit 1; }
echo "_NET_WM_ICON is set: ${w}x${h}"
python3 - "$out/net_wm_icon.txt" "$out/net_wm_icon.rgba" <<'EOF'
import sys
nums = [int(x) for x in open(sys.argv[1]).read().split()]
w, h, px = nums[0], nums[1], nums[2:2 + nums[0] * nums[1]]
with open(sys.argv[2], "wb") as f:
    for v in px:
        f.write(bytes(((v >> 16) & 255, (v >> 8) & 255, v & 255, (v >> 24) & 255)))
EOF
convert -size "${w}x${h}" -depth 8 "rgba:$out/net_wm_icon.rgba" "$out/net_wm_icon.png"
echo "pixels differing from assets/icons/bulksheet-${w}.png:" \
    "$(compare -metric AE "$out/net_wm_icon.png" "assets/icons/bulksheet-${w}.png" null: 2>&1)"
import -window root "$out/installed-window.png"
echo "screenshot: $out/installed-window.png"
kill "$app"
wait "$app" 2>/dev/null || true
app=

step "remove with apt-get"
apt-get remove -y bulksheet
status=$(dpkg-query -W -f='${Status}' bulksheet 2>/dev/null || true)
echo "dpkg status after removal: ${status:-unknown to dpkg}"
left=0
for f in "${files[@]}"; do
    if [ -e "$f" ]; then echo "left behind: $f"; left=1; fi
done
hash -r # bash remembers where it found bulksheet before
command -v bulksheet && { echo "bulksheet still on PATH"; left=1; }
((left == 0)) && echo "all ${#files[@]} files of the package are gone"
exit $left
