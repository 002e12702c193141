#!/usr/bin/env bash
# Creates .venv (if missing or stale) and installs Fieldbus with its pinned dependencies.
# Usage: scripts/setup-venv.sh [EXTRAS]   e.g. scripts/setup-venv.sh test
set -euo pipefail
cd "$(dirname "$0")/.."
extras="${1:-}"
python="${PYTHON:-python3}"
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "Fieldbus needs Python 3.11 or newer (found: $("$python" --version 2>&1))" >&2
  exit 1
fi
if [ ! -x .venv/bin/python ]; then
  if ! "$python" -m venv .venv 2>/dev/null; then
    # Debian/Ubuntu ship venv separately; as root we can install it, else say how.
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null
      rm -rf .venv && "$python" -m venv .venv
    else
      echo "python3 -m venv failed: install your distribution's python3-venv package" >&2
      exit 1
    fi
  fi
fi
# An install with the test extras also serves a plain start.
fresh() { [ -f "$1" ] && [ "$1" -nt pyproject.toml ]; }
if fresh ".venv/.installed-${extras:-base}" || { [ -z "$extras" ] && fresh .venv/.installed-test; }; then
  exit 0
fi
spec="."
[ -n "$extras" ] && spec=".[$extras]"
echo "Installing Fieldbus and its pinned dependencies into .venv …" >&2
if ! { .venv/bin/python -m pip install --disable-pip-version-check --upgrade pip &&
       .venv/bin/python -m pip install --disable-pip-version-check -e "$spec"; } \
     > .venv/install.log 2>&1; then
  cat .venv/install.log >&2
  echo "installation failed (log above, also in .venv/install.log)" >&2
  exit 1
fi
touch ".venv/.installed-${extras:-base}"
