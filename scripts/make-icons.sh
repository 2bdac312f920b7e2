#!/bin/sh
# Makes every app icon file from assets/icons/bulksheet.svg: the PNG sizes the Linux package
# installs (and the window loads), bulksheet.ico for Windows and bulksheet.icns for macOS.
# The results are committed; run this again after changing the SVG.
#
# Needs (Debian/Ubuntu): apt-get install librsvg2-bin imagemagick icnsutils
#   rsvg-convert  renders the SVG at each size (sharper small sizes than scaling one PNG)
#   convert       packs the .ico (ImageMagick 6; `magick` on 7)
#   png2icns      packs the .icns
set -eu
cd "$(dirname "$0")/../assets/icons"
for size in 16 24 32 48 64 128 256 512; do
    rsvg-convert -w "$size" -h "$size" bulksheet.svg -o "bulksheet-$size.png"
done
convert bulksheet-16.png bulksheet-24.png bulksheet-32.png bulksheet-48.png \
    bulksheet-64.png bulksheet-128.png bulksheet-256.png bulksheet.ico
png2icns bulksheet.icns bulksheet-16.png bulksheet-32.png bulksheet-48.png \
    bulksheet-128.png bulksheet-256.png bulksheet-512.png >/dev/null
ls -l bulksheet*
