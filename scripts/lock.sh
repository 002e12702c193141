#!/usr/bin/env bash
# Re-locks the whole dependency tree, with hashes, into requirements/*.txt: run it after
# changing a pin in pyproject.toml, and commit pyproject.toml and requirements/ together.
#   base.txt  the laptop app            hub.txt    the hub at the centre
#   build.txt the frozen laptop build   test.txt   the tests (they also build the app)
# The locks are universal (markers for Windows and newer Pythons) so that the Windows
# build installs from the same files. uv resolves them; it is pinned and used only here.
set -euo pipefail
cd "$(dirname "$0")/.."
uv_version=0.9.30
tool="${TMPDIR:-/tmp}/fieldbus-uv-$uv_version"
if [ ! -x "$tool/bin/uv" ]; then
  python3 -m venv "$tool"
  "$tool/bin/python" -m pip install --quiet "uv==$uv_version"
fi
mkdir -p requirements
lock() {
  local name="$1"; shift
  "$tool/bin/uv" pip compile pyproject.toml "$@" --universal --python-version 3.11 \
    --generate-hashes --no-header --quiet --custom-compile-command "bash scripts/lock.sh" \
    -o "requirements/$name.txt"
  echo "requirements/$name.txt: $(grep -c '^[A-Za-z0-9]' "requirements/$name.txt") packages" >&2
}
lock base
lock hub --extra hub
lock build --extra build
lock test --extra test --extra build
