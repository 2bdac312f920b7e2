#!/bin/bash
# Builds the macOS package: Bulksheet.app (one universal binary for Apple silicon and Intel)
# in Bulksheet-<version>-macos.dmg, with the same icon and licence files as the Linux
# package (see [package.metadata.deb] in Cargo.toml). Runs on macOS (hdiutil, lipo,
# codesign); .github/workflows/release.yml runs it on a macOS runner.
#
#   scripts/package-macos.sh             # leaves target/macos/Bulksheet-<version>-macos.dmg
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
out=target/macos
app=$out/dmg/Bulksheet.app

rustup target add aarch64-apple-darwin x86_64-apple-darwin
# 11.0 is the oldest macOS the Apple-silicon half can run on; the Intel half follows it.
export MACOSX_DEPLOYMENT_TARGET=11.0
cargo build --release --locked --target aarch64-apple-darwin
cargo build --release --locked --target x86_64-apple-darwin

rm -rf "$out"
mkdir -p "$app/Contents/MacOS" "$app/Contents/Resources/fonts"
lipo -create -output "$app/Contents/MacOS/bulksheet" \
    target/aarch64-apple-darwin/release/bulksheet target/x86_64-apple-darwin/release/bulksheet
cp assets/icons/bulksheet.icns "$app/Contents/Resources/"
cp README.md "$app/Contents/Resources/"
cp assets/fonts/README.md assets/fonts/IPA_Font_License_Agreement_v1.0.txt \
    "$app/Contents/Resources/fonts/"
# No CFBundleDocumentTypes: Finder hands a document to an app by an Apple event, not on
# the command line, and the window does not take that event, so "Open with" would open
# the sample instead of the file. Open files from the window, by dropping them on it, or
# with `Bulksheet.app/Contents/MacOS/bulksheet FILE`.
cat >"$app/Contents/Info.plist" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
  <key>CFBundleName</key><string>Bulksheet</string>
  <key>CFBundleDisplayName</key><string>Bulksheet</string>
  <key>CFBundleIdentifier</key><string>app.bulksheet.Bulksheet</string>
  <key>CFBundleExecutable</key><string>bulksheet</string>
  <key>CFBundleIconFile</key><string>bulksheet</string>
  <key>CFBundlePackageType</key><string>APPL</string>
  <key>CFBundleShortVersionString</key><string>$version</string>
  <key>CFBundleVersion</key><string>$version</string>
  <key>CFBundleDevelopmentRegion</key><string>en</string>
  <key>CFBundleLocalizations</key><array><string>en</string><string>ja</string></array>
  <key>LSApplicationCategoryType</key><string>public.app-category.productivity</string>
  <key>LSMinimumSystemVersion</key><string>11.0</string>
  <key>NSHighResolutionCapable</key><true/>
</dict>
</plist>
EOF
plutil -lint "$app/Contents/Info.plist"
# Ad-hoc signature: Apple silicon runs only signed code. Not notarized (that needs a
# developer account), so the first start is Control-click → Open (see the README).
codesign --force --deep --sign - "$app"
"$app/Contents/MacOS/bulksheet" --version

ln -s /Applications "$out/dmg/Applications"
hdiutil create -volname "Bulksheet $version" -srcfolder "$out/dmg" -ov -format UDZO \
    "$out/Bulksheet-$version-macos.dmg"
ls -l "$out"/*.dmg
