#!/usr/bin/env bash
# Builds the standalone desktop app and CLI with PyInstaller (build.spec) into dist/fieldbus/:
# one folder, for the operating system this runs on. Takes a minute or more; not run in CI.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
"$here/scripts/setup-venv.sh" build
cd "$here"
start=$SECONDS
.venv/bin/pyinstaller --noconfirm --clean --log-level WARN build.spec
echo "built dist/fieldbus in $((SECONDS - start)) s: $(du -sh dist/fieldbus | cut -f1)" >&2
dist/fieldbus/fieldbus --version
