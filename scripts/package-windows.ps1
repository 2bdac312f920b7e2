# Builds the Windows package: Bulksheet-<version>-windows-x64.zip with
#   bulksheet.exe  the window, a GUI-subsystem program: no console window opens beside it
#   bulksheet.com  the same program as a console program, for terminals: cmd and PowerShell
#                  run it first for a typed `bulksheet` (.COM comes before .EXE in PATHEXT),
#                  wait for it and get its exit code
# and the same icon and licence files as the Linux package (see [package.metadata.deb] in
# Cargo.toml). .github/workflows/release.yml runs it on a Windows runner:
#   pwsh scripts/package-windows.ps1      # leaves target\windows\Bulksheet-<version>-windows-x64.zip
$ErrorActionPreference = 'Stop'
Set-Location (Join-Path $PSScriptRoot '..')
$version = ((cargo metadata --no-deps --format-version 1 | ConvertFrom-Json).packages |
    Where-Object name -eq 'bulksheet').version
$name = "Bulksheet-$version-windows-x64"
$out = 'target\windows'
$stage = Join-Path $out $name
if (Test-Path $out) { Remove-Item -Recurse -Force $out }
New-Item -ItemType Directory -Force (Join-Path $stage 'fonts') | Out-Null

# The console build first: the second build overwrites target\release\bulksheet.exe.
cargo build --release --locked
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
Copy-Item target\release\bulksheet.exe (Join-Path $stage 'bulksheet.com')
cargo build --release --locked --features windows-gui-subsystem
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
Copy-Item target\release\bulksheet.exe (Join-Path $stage 'bulksheet.exe')

Copy-Item assets\icons\bulksheet.ico $stage
Copy-Item README.md $stage
Copy-Item assets\fonts\README.md, assets\fonts\IPA_Font_License_Agreement_v1.0.txt (Join-Path $stage 'fonts')

# The console build answers in the terminal; its exit code is the program's.
& (Join-Path $stage 'bulksheet.com') --version
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }

Compress-Archive -Path $stage -DestinationPath (Join-Path $out "$name.zip") -Force
Get-ChildItem $out -Filter *.zip
